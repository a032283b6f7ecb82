// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lineage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lineage", targets: ["lineage"]),
        .library(name: "LineageKit", targets: ["LineageKit"]),
        .library(name: "LineageRecorder", targets: ["LineageRecorder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]
        ),
        .target(name: "LineageKit", dependencies: ["CLMDB"]),
        .target(name: "LineageRecorder", dependencies: ["LineageKit"]),
        // The git revision `lineage --version` prints: "unknown" unless `make release` links it in.
        .target(name: "LineageBuildInfo"),
        .executableTarget(
            name: "lineage",
            dependencies: [
                "LineageKit",
                "LineageRecorder",
                "LineageBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers every test target shares: temporary directories, running programs, seeded randomness.
        .target(name: "LineageTestSupport", dependencies: ["LineageKit", "LineageRecorder"], path: "Tests/LineageTestSupport"),
        .testTarget(
            name: "LineageKitTests",
            dependencies: ["LineageKit", "LineageRecorder", "LineageTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "LineageRecorderTests", dependencies: ["LineageKit", "LineageRecorder", "LineageTestSupport"]),
        .testTarget(name: "LineageCLITests", dependencies: ["lineage", "LineageKit", "LineageRecorder", "LineageTestSupport"]),
    ]
)
