import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file system a path lives on, as `statfs` names it, and what it means for the
/// LMDB files a pipeline memory-maps and writes with `sync=True`.
public struct FileSystemKind: Sendable, Equatable {
    /// The file system's name (`ext4`, `nfs`, `lustre`, ...), or its magic number in hex.
    public let name: String
    /// Whether it is a local disk or memory file system (no network, no user-space driver).
    public let isLocal: Bool
    /// The known hazard of the file system for memory-mapped LMDB files; `nil` for none.
    public let hazard: String?
    /// Whether the hazard makes the checkpoint unusable rather than slow.
    public let isUnsafe: Bool
    /// Whether lineage knows this file system type (otherwise it says nothing of it).
    public var isKnown: Bool { Self.known[name] != nil || name == "fuse" || name.hasPrefix("fuse.") || name == "fuseblk" }

    /// What is known of each file system type, by the name `/proc/self/mountinfo` gives.
    static let known: [String: (isLocal: Bool, hazard: String?, isUnsafe: Bool)] = [
        "ext4": (true, nil, false), "ext3": (true, nil, false), "xfs": (true, nil, false), "btrfs": (true, nil, false),
        "zfs": (true, nil, false),
        "tmpfs": (true, "memory only: the checkpoint is lost when the node reboots or the job's temporary space is cleaned", false),
        "ramfs": (true, "memory only: the checkpoint is lost when the node reboots", false),
        "overlay": (true, "a container's overlay: the checkpoint is lost with the container unless this is a mounted volume", false),
        "nfs": (false, nfs, true), "nfs4": (false, nfs, true),
        "cifs": (false, smb, true), "smb3": (false, smb, true),
        "lustre": (false, remoteSync("Lustre"), false), "gpfs": (false, remoteSync("GPFS (Spectrum Scale)"), false),
        "ceph": (false, remoteSync("CephFS"), false), "beegfs": (false, remoteSync("BeeGFS"), false),
        "wekafs": (false, remoteSync("WekaFS"), false),
    ]
    static let nfs =
        "NFS: memory maps are not kept coherent between nodes and LMDB's locking does not work over it; upstream reports "
        + "a checkpoint on NFS home hanging indefinitely; keep writer files on a local or parallel file system"
    static let smb = "SMB/CIFS: memory-mapped writes and fsync are unreliable; keep writer files elsewhere"
    static let fuse =
        "a FUSE mount (s3fs, gcsfuse, ...): bucket mounts do not support shared writable memory maps or in-place page "
        + "writes; keep writer files on a real file system"
    static func remoteSync(_ name: String) -> String {
        "\(name): works, but every sync=True commit is an fsync across the network: slow with many writers"
    }

    /// The file system of `path`: the mount with the longest mount point that holds it, as
    /// `/proc/self/mountinfo` lists the mounts; `nil` when that cannot be read.
    public static func of(path: String) -> FileSystemKind? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        let target = String(cString: resolved)
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return nil }
        var best: (point: String, type: String)?
        for line in table.split(separator: "\n") {
            // ID PARENT MAJ:MIN ROOT MOUNT-POINT OPTIONS [OPTIONAL...] - TYPE SOURCE SUPER-OPTIONS
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count > 6, let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count else { continue }
            let point = unescape(String(fields[4]))
            let inside = target == point || point == "/" || target.hasPrefix(point + "/")
            if inside, point.count >= (best?.point.count ?? -1) { best = (point, String(fields[dash + 1])) }
        }
        return best.map { kind(type: $0.type) }
    }

    /// The kind of a file system type name (`fuse.s3fs` is a FUSE mount).
    static func kind(type: String) -> FileSystemKind {
        if type == "fuse" || type.hasPrefix("fuse.") || type == "fuseblk" {
            return FileSystemKind(name: type, isLocal: false, hazard: fuse, isUnsafe: true)
        }
        guard let entry = known[type] else { return FileSystemKind(name: type, isLocal: false, hazard: nil, isUnsafe: false) }
        return FileSystemKind(name: type, isLocal: entry.isLocal, hazard: entry.hazard, isUnsafe: entry.isUnsafe)
    }

    /// A mount point with mountinfo's octal escapes (`\040` for a space) undone.
    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "\\"), index + 3 < source.count,
                let value = UInt8(String(decoding: source[index + 1...index + 3], as: UTF8.self), radix: 8)
            {
                bytes.append(value)
                index += 4
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
