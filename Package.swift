// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "attune",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "attune", targets: ["attune"]),
        .library(name: "AttuneCore", targets: ["AttuneCore"]),
        .library(name: "AttuneCatalog", targets: ["AttuneCatalog"]),
        .library(name: "AttuneStore", targets: ["AttuneStore"]),
        .library(name: "AttunePlay", targets: ["AttunePlay"]),
        .library(name: "AttuneRecords", targets: ["AttuneRecords"]),
        .library(name: "AttuneRoom", targets: ["AttuneRoom"]),
        .library(name: "AttuneShell", targets: ["AttuneShell"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        // libedit's C surface. Only Sources/AttuneShell/LineReading/LibEditReader.swift imports it.
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // libqrencode's C surface, for the join code shown to the room. Only AttuneRoom imports it.
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // libcurl's C surface, for sending statements to an LRS with every byte of the answer
        // counted as it arrives. Only Sources/AttuneRecords/LRSTransfer.swift imports it.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // Snowball's stemmers (Debian's libstemmer), so search matches Spanish word forms and
        // accents alike. Only Sources/AttuneCore/Search/Stemmer.swift imports it.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // Models, loaders, diagnostics and search. No terminal I/O.
        .target(
            name: "AttuneCore",
            dependencies: ["CStemmer", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The words: one catalog per language renders AttuneCore's typed messages.
        .target(name: "AttuneCatalog", dependencies: ["AttuneCore"]),
        // The learner's private record: progress and journal in SQLite (GRDB).
        .target(
            name: "AttuneStore",
            dependencies: ["AttuneCore", "AttuneCatalog", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The rules of play and of the journal, for any front end: resume, back, drafts, recording.
        .target(name: "AttunePlay", dependencies: ["AttuneCore", "AttuneCatalog", "AttuneStore"]),
        // Phones vote: the room's state as values, and a small HTTP server on the local network.
        .target(
            name: "AttuneRoom",
            dependencies: ["AttuneCore", "AttuneCatalog", "AttunePlay", "CQREncode"]
        ),
        // Learning records: xAPI statements from the learner's record, and sending them to an LRS.
        .target(
            name: "AttuneRecords",
            dependencies: ["AttuneCore", "AttuneCatalog", "AttuneStore", "CCurl", .product(name: "Crypto", package: "swift-crypto"),
                           // A cohort report's scratch file, so its memory stays flat (CohortSpill).
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The terminal: line reading, rendering, commands, argument parsing.
        .target(
            name: "AttuneShell",
            dependencies: [
                "AttuneCore",
                "AttuneCatalog",
                "AttuneStore",
                "AttunePlay",
                "AttuneRecords",
                "AttuneRoom",
                "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "attune", dependencies: ["AttuneShell"]),
        .testTarget(name: "AttuneCoreTests", dependencies: ["AttuneCore", "AttuneCatalog"]),
        .testTarget(name: "AttuneCatalogTests", dependencies: ["AttuneCatalog", "AttuneCore"]),
        .testTarget(name: "AttuneStoreTests", dependencies: ["AttuneStore", "AttuneCore"]),
        .testTarget(name: "AttunePlayTests", dependencies: ["AttunePlay", "AttuneStore", "AttuneCore", "AttuneCatalog"]),
        .testTarget(name: "AttuneRoomTests", dependencies: ["AttuneRoom", "AttunePlay"]),
        .testTarget(name: "AttuneRecordsTests", dependencies: ["AttuneRecords", "AttuneStore", "AttuneCore", "AttuneCatalog"]),
        .testTarget(name: "AttuneShellTests", dependencies: [
            "AttuneShell", "AttuneCore", "AttuneCatalog", "AttuneStore", "AttunePlay", "AttuneRecords", "AttuneRoom", "attune",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
