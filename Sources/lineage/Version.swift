import LineageBuildInfo
import LineageKit

/// What `lineage --version` prints: the tool's version, the git revision it was built
/// from, the liblmdb it runs with and how it was linked, e.g.
/// `0.1.0 (revision 7a72b21, liblmdb 0.9.24, dynamic)` or, from `make portable`,
/// `0.1.0 (revision 7a72b21, liblmdb 0.9.24, static, glibc 2.28+)`.
enum Version {
    /// The tool's version; raise it with each release.
    static let number = "0.1.0"

    /// The short git hash baked in by `make release`, or "unknown" for a plain `swift build`.
    static var revision: String { String(cString: lineage_build_revision()) }

    /// "dynamic", or "static, glibc 2.28+" for the portable build.
    static var linkage: String { String(cString: lineage_build_linkage()) }

    static var description: String {
        "\(number) (revision \(revision), liblmdb \(LMDBEnvironment.libraryVersion), \(linkage))"
    }
}
