// swift-tools-version: 6.0
import PackageDescription

// Benchmarks for Attune, kept out of the main package so they never slow its build or tests.
// Build and run with `make bench` from the repository root (release mode, own .build folder).
let package = Package(
    name: "attune-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // The main package, for the AttuneCore library and the `attune` executable product
        // (built here with `swift build -c release --product attune`).
        .package(name: "attune", path: ".."),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // Prints the benchmark tables. Runs its own scaling sizes in child processes
        // (`attune-bench --one-size N`) so each size's peak memory is its own.
        .executableTarget(
            name: "attune-bench",
            dependencies: [
                .product(name: "AttuneCore", package: "attune"),
                .product(name: "AttuneCatalog", package: "attune"),
                .product(name: "AttunePlay", package: "attune"),
                .product(name: "AttuneRoom", package: "attune"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The baseline for start-up time: a Swift program that starts and exits.
        .executableTarget(name: "hello-exit"),
        // Runs a program and reports its peak memory from a process small enough not to
        // inflate it (see the comment in main.c): C without Foundation, about 5 MiB.
        .executableTarget(name: "peak-rss"),
    ],
    swiftLanguageModes: [.v6]
)
