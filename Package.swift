// swift-tools-version:6.1
//
// Amanat: a privacy-preserving encrypted testimony vault.
// Layering (no arrow runs back up): CSodium -> AmanatCrypto -> (AmanatVault, AmanatRedaction);
// (AmanatVault, AmanatRedaction) -> AmanatPublication; AmanatVault -> AmanatIntake (the web intake);
// all of them -> amanat.
// Only AmanatCrypto imports CSodium.
import PackageDescription

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Amanat",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "AmanatCrypto", targets: ["AmanatCrypto"]),
        .library(name: "AmanatVault", targets: ["AmanatVault"]),
        .library(name: "AmanatPublication", targets: ["AmanatPublication"]),
        .executable(name: "amanat", targets: ["amanat"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already in the graph through Hummingbird: the intake's own channel handler (no Date header).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        // The PostgreSQL store (several intake servers on one database).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already in the graph through postgres-nio: TLS to the database.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // libsodium, found with pkg-config; `make deps` installs Debian's libsodium-dev when it is missing.
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"]), .brew(["libsodium"])]
        ),
        // The only module that touches libsodium.
        .target(
            name: "AmanatCrypto",
            dependencies: ["CSodium"],
            swiftSettings: strictSwift
        ),
        // The vault: records, cases, grants, audit, mailboxes; storage behind `VaultStore` (SQLite embedded,
        // PostgreSQL for several machines).
        .target(
            name: "AmanatVault",
            dependencies: [
                "AmanatCrypto",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Resources"],
            swiftSettings: strictSwift
        ),
        // The Snowball stemmers (Debian ships no pkg-config file for them).
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // Redaction: pure text (detectors, inflection-aware matching, leak check); knows nothing of storage.
        .target(
            name: "AmanatRedaction",
            dependencies: ["AmanatCrypto", "CStemmer"],
            swiftSettings: strictSwift
        ),
        // Publication: plans applied to records, the leak check, signed projections and their files. The vault's
        // publish call is SPI that only this module imports, so no caller can skip the leak check.
        .target(
            name: "AmanatPublication",
            dependencies: ["AmanatCrypto", "AmanatVault", "AmanatRedaction"],
            swiftSettings: strictSwift
        ),
        // The anonymous web intake (`amanat serve`): pages, forms, uploads; holds only public keys.
        .target(
            name: "AmanatIntake",
            dependencies: [
                "AmanatCrypto",
                "AmanatVault",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            swiftSettings: strictSwift
        ),
        // The command-line tool.
        .executableTarget(
            name: "amanat",
            dependencies: [
                "AmanatCrypto",
                "AmanatVault",
                "AmanatRedaction",
                "AmanatPublication",
                "AmanatIntake",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSwift
        ),
        // Benchmarks: the C baseline calls libsodium directly; AmanatBench drives the Swift API and the baseline.
        .executableTarget(
            name: "SodiumBaseline",
            linkerSettings: [.linkedLibrary("sodium")]
        ),
        .executableTarget(
            name: "AmanatBench",
            dependencies: ["AmanatCrypto", "AmanatVault", "AmanatRedaction"],
            swiftSettings: strictSwift
        ),
        // The parsers' fuzz targets (Docs/fuzzing.md): what libFuzzer runs, and what the tests replay.
        .target(
            name: "AmanatFuzzTargets",
            dependencies: ["AmanatCrypto", "AmanatVault", "AmanatRedaction", "AmanatPublication", "AmanatIntake"],
            path: "Sources/Fuzz/Targets",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "AmanatFuzzTargetsTests",
            dependencies: [
                "AmanatFuzzTargets", "AmanatCrypto", "AmanatVault", "AmanatPublication", "AmanatIntake",
                "AmanatTestSupport",
            ],
            swiftSettings: strictSwift
        ),
        // What the test targets share: temporary folders, the Python with PyNaCl, a test vault.
        .target(
            name: "AmanatTestSupport",
            dependencies: ["AmanatCrypto", "AmanatVault"],
            path: "Tests/AmanatTestSupport",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "AmanatCryptoTests",
            dependencies: ["AmanatCrypto", "AmanatTestSupport"],
            resources: [.copy("Vectors")],
            swiftSettings: strictSwift
        ),
        // A child process for the vault's crash-safety and concurrency tests.
        .executableTarget(
            name: "VaultStress",
            dependencies: ["AmanatVault", "AmanatCrypto"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "AmanatVaultTests",
            dependencies: [
                "AmanatVault", "AmanatCrypto", "AmanatTestSupport", "VaultStress",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "AmanatRedactionTests",
            dependencies: ["AmanatRedaction", "AmanatTestSupport"],
            exclude: ["Corpus", "HeldOut"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "AmanatPublicationTests",
            dependencies: ["AmanatPublication", "AmanatVault", "AmanatRedaction", "AmanatCrypto", "AmanatTestSupport"],
            resources: [.copy("Vectors")],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "AmanatIntakeTests",
            dependencies: [
                "AmanatIntake", "AmanatVault", "AmanatCrypto", "AmanatTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "amanatTests",
            dependencies: ["amanat", "AmanatTestSupport"],
            exclude: ["pty_drive.py"],
            swiftSettings: strictSwift
        ),
    ]
)

// The fuzz runner (Docs/fuzzing.md): declared only under AMANAT_FUZZ=1, which `make fuzz` sets when it builds it
// with -sanitize=fuzzer,address; `swift build` never sees it. Its targets (AmanatFuzzTargets) are built and
// replayed on their seeds and regression inputs by `make test`.
if Context.environment["AMANAT_FUZZ"] == "1" {
    package.targets.append(
        .executableTarget(name: "amanat-fuzz", dependencies: ["AmanatFuzzTargets"], path: "Sources/Fuzz/Runner"))
}
