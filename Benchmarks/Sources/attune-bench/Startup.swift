import AttuneCore
import Foundation

/// 1. Time to a ready prompt: the release `attune` shell on the bundled content with stdin a
/// pipe holding "quit\n", from spawn to exit, next to a Swift program that only starts and exits.
enum StartupBenchmark {
    static let repetitions = 10
    static let warmup = 2

    static func run(_ paths: BenchPaths) throws -> String {
        for program in [paths.attune, paths.helloExit, paths.peakRSS] where access(program, X_OK) != 0 {
            throw SpawnError(description: "\(program) is missing; build it first (make bench does)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("attune-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let content = ["--knowledge", paths.knowledge, "--scenarios", paths.scenarios, "--color", "never"]

        var fresh = 0
        let cases: [(label: String, program: String, arguments: () -> [String], input: String)] = [
            ("hello-exit (start and exit)", paths.helloExit, { [] }, ""),
            ("attune --help (no content read)", paths.attune, { ["--help"] }, ""),
            ("attune shell to prompt, then quit", paths.attune, { content + ["--data-dir", scratch + "/kept"] }, "quit\n"),
            ("  same, new data folder each run", paths.attune, {
                fresh += 1
                return content + ["--data-dir", scratch + "/fresh-\(fresh)"]
            }, "quit\n"),
        ]

        var table = Table("1. Start-up: spawn to exit, \(repetitions) runs each after \(warmup) untimed (posix_spawn + wait4)", [
            ("program", .left), ("median ms", .right), ("min ms", .right), ("max ms", .right),
            ("vs hello-exit", .right), ("peak RSS MiB", .right),
        ])
        var baseline = Double.nan
        for item in cases {
            var times: [Double] = []
            for run in 0..<(warmup + repetitions) {
                let arguments = item.arguments()
                let result = try runChild(item.program, arguments, input: item.input)
                guard result.status == 0 else {
                    throw SpawnError(description: "\(item.program) \(arguments.joined(separator: " ")) exited with status \(result.status)")
                }
                if run >= warmup { times.append(result.elapsedNanoseconds) }
            }
            let peak = try peakResidentBytes(of: item.program, item.arguments(), input: item.input, helper: paths.peakRSS)
            let timings = Timings(nanoseconds: times)
            if baseline.isNaN { baseline = timings.median }
            table.add([
                item.label, Format.ms(timings.median), Format.ms(timings.percentile(0)), Format.ms(timings.percentile(100)),
                Format.ratio(timings.median / baseline), Format.mib(peak),
            ])
        }
        table.notes = [
            "The shell rows pass --knowledge, --scenarios and --data-dir explicitly; stdin is a pipe holding \"quit\\n\".",
            "'new data folder' creates the SQLite progress store (migrations) on every run, as on a first start.",
            "peak RSS: one more run through the small peak-rss helper (wait4's ru_maxrss), so this process's memory is not counted.",
        ]
        if access("/bin/true", X_OK) == 0, let floor = try? peakResidentBytes(of: "/bin/true", [], input: "", helper: paths.peakRSS) {
            table.notes.append("  (Through the helper nothing reads below its own footprint: /bin/true shows \(Format.mib(floor)) MiB.)")
        }
        return table.render() + "\n" + breakdown(paths)
    }

    /// Where the shell's start-up goes: the same loading done in this process.
    static func breakdown(_ paths: BenchPaths) -> String {
        var table = Table("1b. Start-up work in process (median of 5 after 1 untimed)", [
            ("step", .left), ("median ms", .right), ("what", .left),
        ])
        let (knowledgeTime, knowledge) = measure(repetitions: 5, warmup: 1) {
            try? KnowledgeLoader.load(directory: paths.knowledge)
        }
        let base = knowledge?.base ?? .empty
        let (scenarioTime, scenarios) = measure(repetitions: 5, warmup: 1) {
            try? ScenarioLoader.load(directory: paths.scenarios, knowledge: base)
        }
        let cases = scenarios?.scenarios ?? []
        let (indexTime, index) = measure(repetitions: 5, warmup: 1) {
            SearchIndex(knowledge: base, extra: cases.map(SearchDocument.init(scenario:)))
        }
        let (libraryTime, _) = measure(repetitions: 5, warmup: 1) {
            try? ContentLibrary.load(knowledgeDirectory: paths.knowledge, scenarioDirectory: paths.scenarios)
        }
        table.add(["read + check Knowledge/", Format.ms(knowledgeTime.median),
                   "\(base.topics.count) topics, \(base.entries.count) entries"])
        table.add(["read + check Scenarios/", Format.ms(scenarioTime.median), "\(cases.count) cases"])
        table.add(["build search index", Format.ms(indexTime.median), "\(index.documentCount) documents"])
        table.add(["ContentLibrary.load (all three)", Format.ms(libraryTime.median), ""])
        return table.render()
    }
}
