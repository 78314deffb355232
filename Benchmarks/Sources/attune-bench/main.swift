import Foundation

// attune-bench: prints Attune's benchmark tables.
//
//   attune-bench [--root DIR] [--self-contained FILE] [--only startup|scaling|search|paths|room|builds|cohort]...
//
// DIR is the repository root holding Knowledge/ and Scenarios/ (default: found by walking up
// from this executable). FILE is the self-contained program the builds section compares with
// the dynamic one (default: Benchmarks/.build/attune-self-contained, where make bench puts it).
// The `attune` and `hello-exit` executables are expected next to
// this one (`make bench` builds all three into Benchmarks/.build/release).
//
// Internal: `attune-bench --one-size N --reps R` runs one scaling size and prints its
// measurements as JSON; the scaling section runs each size that way, in a child process, so
// each size's peak memory is its own.
//
// Internal: `attune-bench --cohort-files DIR --learners N` writes the cohort section's
// generated cohort of N learners into DIR (JSON lines files, as table 7a reads them) and
// exits, for profiling the report by hand (heaptrack, valgrind) on the same data.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("attune-bench: \(message)\n".utf8))
    exit(1)
}

func value(after flag: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let arguments = Array(CommandLine.arguments.dropFirst())

if let size = value(after: "--one-size", in: arguments) {
    guard let nodes = Int(size) else { fail("--one-size needs a number") }
    let repetitions = value(after: "--reps", in: arguments).flatMap(Int.init) ?? 1
    do {
        let report = try ScalingBenchmark.runOneSize(nodes: nodes, repetitions: repetitions)
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        FileHandle.standardOutput.write(try encoder.encode(report))
    } catch {
        fail("size \(nodes): \(error)")
    }
    exit(0)
}

if let folder = value(after: "--cohort-files", in: arguments) {
    guard let learners = value(after: "--learners", in: arguments).flatMap(Int.init) else { fail("--cohort-files needs --learners N") }
    do {
        let written = try CohortBenchmark.writeFiles(learners: learners, to: folder, paths: BenchPaths.locate(root: value(after: "--root", in: arguments)))
        print("\(written.statements) statements, \(written.bytes) bytes in \(folder)")
    } catch {
        fail("\(error)")
    }
    exit(0)
}

let sections = ["startup", "scaling", "search", "paths", "room", "builds", "cohort"]
var chosen: [String] = []
var index = 0
while index < arguments.count {
    switch arguments[index] {
    case "--only":
        guard index + 1 < arguments.count, sections.contains(arguments[index + 1]) else {
            fail("--only takes one of: \(sections.joined(separator: ", "))")
        }
        chosen.append(arguments[index + 1])
        index += 2
    case "--root", "--self-contained":
        guard index + 1 < arguments.count else { fail("\(arguments[index]) needs a path") }
        index += 2
    case "-h", "--help":
        print("usage: attune-bench [--root DIR] [--self-contained FILE] [--only \(sections.joined(separator: "|"))]...")
        exit(0)
    default:
        fail("unknown argument '\(arguments[index])' (try --help)")
    }
}
if chosen.isEmpty { chosen = sections }

let paths: BenchPaths
do {
    paths = try BenchPaths.locate(root: value(after: "--root", in: arguments))
} catch {
    fail("\(error)")
}

let clock = ContinuousClock()
let began = clock.now
print("Attune benchmarks (release build)")
print(machineDescription())
if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
    // Other work on the machine skews the numbers; say how busy it was.
    print("load average at start (1/5/15 min): \(load.split(separator: " ").prefix(3).joined(separator: " "))")
}
print("content: \(paths.root)")
print("")

do {
    if chosen.contains("startup") { print(try StartupBenchmark.run(paths)) }
    if chosen.contains("scaling") { print(try ScalingBenchmark.run(paths)) }
    if chosen.contains("search") { print(try SearchBenchmark.run(paths)) }
    if chosen.contains("paths") { print(try PathCountBenchmark.run()) }
    if chosen.contains("room") { print(try RoomBenchmark.run()) }
    if chosen.contains("cohort") { print(try CohortBenchmark.run(paths)) }
    if chosen.contains("builds") {
        let selfContained = value(after: "--self-contained", in: arguments) ?? paths.root + "/Benchmarks/.build/attune-self-contained"
        print(try BuildsBenchmark.run(paths, selfContained: selfContained))
    }
} catch {
    fail("\(error)")
}
print("Total benchmark time: \(Format.fixed((clock.now - began).nanoseconds / 1e9, 1)) s")
