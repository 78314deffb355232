import AttuneCore
import Foundation

/// 1. Time to a ready prompt: the release `attune` shell on the bundled content with stdin a
/// pipe holding "quit\n", from spawn to exit, next to a Swift program that only starts and exits.
enum StartupBenchmark {
    static let repetitions = 10
    static let warmup = 2

    /// One program run, timed again and again.
    struct Row {
        var label: String
        var program: String
        var arguments: () -> [String]
        var input = ""
        var environment: () -> [String: String] = { [:] }
        /// Run before each timed run (and the peak-memory run), e.g. to edit a file.
        var prepare: () throws -> Void = {}
    }

    static func run(_ paths: BenchPaths) throws -> String {
        for program in [paths.attune, paths.helloExit, paths.peakRSS] where access(program, X_OK) != 0 {
            throw SpawnError(description: "\(program) is missing; build it first (make bench does)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("attune-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let data = ["--data-dir", scratch + "/kept", "--color", "never"]
        let content = ["--knowledge", paths.knowledge, "--scenarios", paths.scenarios] + data
        let warm = { ["XDG_CACHE_HOME": scratch + "/cache-warm"] }
        var fresh = 0

        // A copy of the content, for the rows after an edit: each run changes one case's title.
        let copy = scratch + "/content"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        for folder in ["Knowledge", "Scenarios"] {
            try FileManager.default.copyItem(atPath: paths.root + "/" + folder, toPath: copy + "/" + folder)
        }
        let edited = copy + "/Scenarios/maya-quiet-visit.yaml"
        let original = try String(contentsOfFile: edited, encoding: .utf8)
        guard original.contains("a quiet home visit") else { throw SpawnError(description: "\(edited) has changed; update the benchmark's edit") }
        var edits = 0
        func edit() throws {
            edits += 1
            try original.replacingOccurrences(of: "a quiet home visit", with: "a quiet home visit \(edits)")
                .write(toFile: edited, atomically: true, encoding: .utf8)
        }
        let copied = ["--knowledge", copy + "/Knowledge", "--scenarios", copy + "/Scenarios"] + data
        let afterEdit = { ["XDG_CACHE_HOME": scratch + "/cache-edit"] }

        let rows: [Row] = [
            Row(label: "hello-exit (start and exit)", program: paths.helloExit, arguments: { [] }),
            Row(label: "attune --help (no content read)", program: paths.attune, arguments: { ["--help"] }),
            Row(label: "shell to prompt, --no-cache (as before the cache)", program: paths.attune,
                arguments: { content + ["--no-cache"] }, input: "quit\n"),
            Row(label: "shell to prompt, cold cache (written this run)", program: paths.attune,
                arguments: { content }, input: "quit\n",
                environment: { ["XDG_CACHE_HOME": scratch + "/cache-cold-\(fresh)"] }, prepare: { fresh += 1 }),
            Row(label: "shell to prompt, warm cache", program: paths.attune, arguments: { content }, input: "quit\n",
                environment: warm),
            Row(label: "show tenet.4, --no-cache", program: paths.attune, arguments: { content + ["--no-cache", "show", "tenet.4"] }),
            Row(label: "show tenet.4, warm cache", program: paths.attune, arguments: { content + ["show", "tenet.4"] },
                environment: warm),
            Row(label: "search cortisol, --no-cache", program: paths.attune,
                arguments: { content + ["--no-cache", "search", "cortisol"] }),
            Row(label: "search cortisol, warm cache", program: paths.attune, arguments: { content + ["search", "cortisol"] },
                environment: warm),
            Row(label: "search disorganized attachment, warm cache", program: paths.attune,
                arguments: { content + ["search", "disorganized", "attachment"] }, environment: warm),
            Row(label: "after editing one case: shell to prompt, first start", program: paths.attune,
                arguments: { copied }, input: "quit\n", environment: afterEdit, prepare: edit),
            Row(label: "after editing one case: show tenet.4, first start", program: paths.attune,
                arguments: { copied + ["show", "tenet.4"] }, environment: afterEdit, prepare: edit),
            Row(label: "after editing one case: search cortisol, first start", program: paths.attune,
                arguments: { copied + ["search", "cortisol"] }, environment: afterEdit, prepare: edit),
            Row(label: "after the edit, warm: shell to prompt", program: paths.attune, arguments: { copied }, input: "quit\n",
                environment: afterEdit),
            Row(label: "after the edit, warm: show tenet.4", program: paths.attune, arguments: { copied + ["show", "tenet.4"] },
                environment: afterEdit),
            Row(label: "after the edit, warm: search cortisol", program: paths.attune, arguments: { copied + ["search", "cortisol"] },
                environment: afterEdit),
        ]

        var table = Table("1. Start-up: spawn to exit, \(repetitions) rounds of every row after \(warmup) untimed (posix_spawn + wait4)", [
            ("program", .left), ("median ms", .right), ("min ms", .right), ("max ms", .right),
            ("vs --help", .right), ("peak RSS MiB", .right),
        ])
        // Round-robin: every row once per round, so a change in the machine's load between
        // rows cannot skew their ratios. The order within a round keeps each cache as its
        // label says (the edited rows' warm runs follow the first starts after an edit).
        var times = [[Double]](repeating: [], count: rows.count)
        for round in 0..<(warmup + repetitions) {
            for (number, row) in rows.enumerated() {
                try row.prepare()
                let arguments = row.arguments()
                let result = try runChild(row.program, arguments, input: row.input, environment: row.environment())
                guard result.status == 0 else {
                    throw SpawnError(description: "\(row.program) \(arguments.joined(separator: " ")) exited with status \(result.status)")
                }
                if round >= warmup { times[number].append(result.elapsedNanoseconds) }
            }
        }
        var medians: [String: Double] = [:], peaks: [String: Int] = [:]
        for (number, row) in rows.enumerated() {
            try row.prepare()
            let peak = try peakResidentBytes(of: row.program, row.arguments(), input: row.input, helper: paths.peakRSS,
                                             environment: row.environment())
            let timings = Timings(nanoseconds: times[number])
            medians[row.label] = timings.median
            peaks[row.label] = peak
            let help = medians["attune --help (no content read)"] ?? .nan
            table.add([
                row.label, Format.ms(timings.median), Format.ms(timings.percentile(0)), Format.ms(timings.percentile(100)),
                Format.ratio(timings.median / help), Format.mib(peak),
            ])
        }
        try? original.write(toFile: edited, atomically: true, encoding: .utf8)
        table.notes = [
            "Rows pass --knowledge, --scenarios and --data-dir explicitly; the shell rows' stdin is a pipe holding \"quit\\n\".",
            "Caches: XDG_CACHE_HOME points at a folder of the benchmark's own. 'cold cache' starts each run with an empty one",
            "  (the run reads the YAML and writes the cache); 'warm' reuses one written by the untimed runs.",
            "'after editing one case': a copy of the content in which one case's title changes before every run, so each run",
            "  re-reads that case (the rest from the cache); search must also rebuild the index, which depends on every file.",
            "peak RSS: one more run through the small peak-rss helper (wait4's ru_maxrss), so this process's memory is not counted.",
        ]
        if access("/bin/true", X_OK) == 0, let floor = try? peakResidentBytes(of: "/bin/true", [], input: "", helper: paths.peakRSS) {
            table.notes.append("  (Through the helper nothing reads below its own footprint: /bin/true shows \(Format.mib(floor)) MiB.)")
        }
        return table.render() + "\n" + targets(medians: medians, peaks: peaks) + "\n" + breakdown(paths)
    }

    /// The issue's targets, each with its measured ratio.
    static func targets(medians: [String: Double], peaks: [String: Int]) -> String {
        var table = Table("1a. Targets (from the medians above)", [
            ("target", .left), ("measured", .right), ("limit", .right), ("met", .left),
        ])
        let help = medians["attune --help (no content read)"] ?? .nan
        func ratio(_ label: String, to base: Double) -> Double { (medians[label] ?? .nan) / base }
        let checks: [(String, Double, Double)] = [
            ("shell prompt, warm cache / --help", ratio("shell to prompt, warm cache", to: help), 1.5),
            ("show ID, warm cache / --help", ratio("show tenet.4, warm cache", to: help), 2),
            ("search WORDS, warm cache / --help", ratio("search cortisol, warm cache", to: help), 2),
            ("search two words, warm cache / --help", ratio("search disorganized attachment, warm cache", to: help), 2),
            ("after an edit, warm again: prompt / --help", ratio("after the edit, warm: shell to prompt", to: help), 1.5),
            ("after an edit, warm again: show / --help", ratio("after the edit, warm: show tenet.4", to: help), 2),
            ("after an edit, warm again: search / --help", ratio("after the edit, warm: search cortisol", to: help), 2),
            ("cold start with the cache / --no-cache", ratio("shell to prompt, cold cache (written this run)",
                                                           to: medians["shell to prompt, --no-cache (as before the cache)"] ?? .nan), 1.1),
        ]
        for (name, measured, limit) in checks {
            table.add([name, Format.ratio(measured), Format.ratio(limit), measured <= limit ? "yes" : "NO"])
        }
        let warmPeak = Double(peaks["shell to prompt, warm cache"] ?? 0) / 1_048_576
        let plainPeak = Double(peaks["shell to prompt, --no-cache (as before the cache)"] ?? 0) / 1_048_576
        table.add(["peak memory at the prompt, warm cache / --no-cache (MiB)", Format.fixed(warmPeak, 1),
                   Format.fixed(plainPeak, 1), warmPeak <= plainPeak ? "yes" : "NO"])
        table.notes = ["The issue's figure for the prompt's peak before the cache: 37 MiB (the --no-cache row is the same program path)."]
        return table.render()
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
        // The same through a warm content cache, in a folder of this process's own.
        let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-bench-cache-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: cacheFolder) }
        let cache = ContentCache(directory: cacheFolder)
        func cached() -> ContentLibrary? {
            try? ContentLibrary.load(knowledgeDirectory: paths.knowledge, scenarioDirectory: paths.scenarios, cache: cache)
        }
        _ = cached()?.index
        ContentCache.waitForWrites()
        var coldFolders = 0
        let (coldTime, _) = measure(repetitions: 5, warmup: 1) { () -> Int? in
            coldFolders += 1
            let library = try? ContentLibrary.load(knowledgeDirectory: paths.knowledge, scenarioDirectory: paths.scenarios,
                                                   cache: ContentCache(directory: cacheFolder + "-cold-\(coldFolders)"))
            ContentCache.waitForWrites()
            return library?.diagnostics.count
        }
        for number in 0...coldFolders { try? FileManager.default.removeItem(atPath: cacheFolder + "-cold-\(number)") }
        let (warmTime, _) = measure(repetitions: 5, warmup: 1) { cached()?.diagnostics.count }
        let (warmKnowledgeTime, _) = measure(repetitions: 5, warmup: 1) { cached()?.knowledge.count }
        let (warmScenarioTime, _) = measure(repetitions: 5, warmup: 1) { cached()?.scenarios.count }
        let (warmIndexTime, _) = measure(repetitions: 5, warmup: 1) { cached()?.index.documentCount }
        table.add(["read + check Knowledge/", Format.ms(knowledgeTime.median),
                   "\(base.topics.count) topics, \(base.entries.count) entries"])
        table.add(["read + check Scenarios/", Format.ms(scenarioTime.median), "\(cases.count) cases"])
        table.add(["build search index", Format.ms(indexTime.median), "\(index.documentCount) documents"])
        table.add(["ContentLibrary.load (all three)", Format.ms(libraryTime.median), ""])
        table.add(["cold cache: load, then write the cache", Format.ms(coldTime.median),
                   "the YAML read and checked, every snapshot encoded (JSON) and written"])
        table.add(["warm cache: load to the findings", Format.ms(warmTime.median),
                   "every file read and hashed (SHA-256), the library snapshot decoded"])
        table.add(["warm cache: + the knowledge base", Format.ms(warmKnowledgeTime.median), "what 'show' needs"])
        table.add(["warm cache: + the cases", Format.ms(warmScenarioTime.median), "what 'cases' and 'play' need"])
        table.add(["warm cache: + the search index", Format.ms(warmIndexTime.median), "what 'search' needs"])
        return table.render()
    }
}
