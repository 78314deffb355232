import AttuneCore
import Foundation

/// 7. The cohort report: a generated cohort (500 learners, each playing most cases, some
/// twice: about 100,000 statements) loaded into ralph, the report timed beside a bare paging
/// client fetching the same statements from the same ralph in the same run; and the
/// report's peak memory at 1x, 4x and 16x the learners, read from exported files.
enum CohortBenchmark {
    static let learners = 500
    static let cohort = "bench"

    static func run(_ paths: BenchPaths) throws -> String {
        let knowledge = try KnowledgeLoader.load(directory: paths.knowledge).base
        let scenarios = try ScenarioLoader.load(directory: paths.scenarios, knowledge: knowledge).scenarios
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("attune-bench-cohort-\(getpid())").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        var out = ""
        // From files: time and memory as the cohort grows.
        var files = Table("Cohort report from exported files (attune cohort report FILES... OUT.json)", [
            ("learners", .right), ("statements", .right), ("files MiB", .right), ("time s", .right), ("peak MiB", .right),
            ("bytes/statement", .right),
        ])
        var oneX: (folder: String, statements: Int)?
        for scale in [1, 4, 16] {
            let folder = work + "/files-\(scale)x"
            var generator = CohortGenerator(scenarios: scenarios, seed: 42)
            let generated = try generator.write(learners: learners * scale, to: folder)
            if scale == 1 { oneX = (folder, generated.statements) }
            let inputs = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") }.sorted()
                .map { folder + "/" + $0 }
            let output = work + "/report-\(scale)x.json"
            let result = try measured(paths, ["cohort", "report", "--cohort", cohort, "--no-cache",
                                              "--knowledge", paths.knowledge, "--scenarios", paths.scenarios] + inputs + [output])
            files.add([Format.grouped(learners * scale), Format.grouped(generated.statements), Format.mib(generated.bytes),
                       Format.fixed(result.seconds, 2), Format.mib(result.peak),
                       Format.grouped(result.peak / max(generated.statements, 1))])
        }
        files.notes = [
            "Generated: each learner plays nine in ten of the bundled cases (a random walk through each, most two or three times),",
            "as `attune export xapi --cohort bench` writes them. The ids kept to drop copies and each learner's first answer",
            "at each decision stay in memory up to 98,304 of each, then go to a scratch SQLite file (CohortSpill).",
        ]
        out += files.render() + "\n"

        guard let oneX else { return out }
        out += try lrsTable(paths, work: work, data: oneX)
        return out
    }

    /// The generated cohort of `learners` learners (the same seed as table 7a) written into `folder`.
    static func writeFiles(learners: Int, to folder: String, paths: BenchPaths) throws -> (statements: Int, bytes: Int) {
        let knowledge = try KnowledgeLoader.load(directory: paths.knowledge).base
        let scenarios = try ScenarioLoader.load(directory: paths.scenarios, knowledge: knowledge).scenarios
        var generator = CohortGenerator(scenarios: scenarios, seed: 42)
        return try generator.write(learners: learners, to: folder)
    }

    /// `attune ARGUMENTS` run through peak-rss (so its peak memory is its own, not this
    /// process's): seconds and peak bytes; a failure is an error.
    private static func measured(_ paths: BenchPaths, _ arguments: [String],
                                 environment: [String: String] = [:]) throws -> (seconds: Double, peak: Int) {
        let result = try runChild(paths.peakRSS, [paths.attune] + arguments, captureOutput: true, environment: environment)
        var fields: [String: Int] = [:]
        for pair in result.output.split(whereSeparator: \.isWhitespace) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let number = Int(parts[1]) { fields[String(parts[0])] = number }
        }
        guard result.status == 0, fields["status"] == 0, let maxrss = fields["maxrss"], let elapsed = fields["elapsed_ns"] else {
            throw SpawnError(description: "attune \(arguments.prefix(3).joined(separator: " ")) failed: \(result.output)")
        }
        #if os(macOS)
        return (Double(elapsed) / 1e9, maxrss)
        #else
        return (Double(elapsed) / 1e9, maxrss * 1024)
        #endif
    }

    /// The report against ralph beside a bare paging client, or why it was skipped.
    private static func lrsTable(_ paths: BenchPaths, work: String, data: (folder: String, statements: Int)) throws -> String {
        let python = paths.root + "/.build/lrs-venv/bin/python3"
        let fixture = paths.root + "/Tests/LRSFixtures/ralph_appending.py"
        let bare = paths.root + "/Benchmarks/cohort_bare_client.py"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            return "Cohort report from an LRS: skipped (ralph is not installed in .build/lrs-venv; `make test` installs it).\n\n"
        }
        // Ralph's filesystem backend reads its one file of statements: loaded by writing it.
        let app = work + "/ralph-app", store = work + "/ralph-data"
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        let target = store + "/fs_lrs.jsonl"
        _ = FileManager.default.createFile(atPath: target, contents: nil)
        let sink = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
        for file in try FileManager.default.contentsOfDirectory(atPath: data.folder).sorted() where file.hasSuffix(".jsonl") {
            sink.write(try Data(contentsOf: URL(fileURLWithPath: data.folder + "/" + file)))
        }
        try sink.close()
        var environment = ProcessInfo.processInfo.environment
        environment["RALPH_APP_DIR"] = app
        environment["RALPH_RUNSERVER_BACKEND"] = "fs"
        environment["RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT"] = "5000"
        let auth = Process()
        auth.executableURL = URL(fileURLWithPath: python)
        auth.arguments = [fixture, "auth", "-u", "bench", "-p", "bench", "-s", "all", "-M", "mailto:bench@example.org", "-w"]
        auth.environment = environment
        auth.standardOutput = FileHandle.nullDevice
        auth.standardError = FileHandle.nullDevice
        try auth.run()
        auth.waitUntilExit()
        let port = 18_000 + Int(getpid() % 2000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = [fixture, "runserver", "-b", "fs", "--fs-default-directory-path", store, "-h", "127.0.0.1", "-p", String(port)]
        server.environment = environment
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let endpoint = "http://127.0.0.1:\(port)/xAPI/"
        let probe = Date().addingTimeInterval(60)
        while Date() < probe {
            if (try? runChild(python, [bare, endpoint + "statements?limit=1", "--probe"]))?.status == 0 { break }
            Thread.sleep(forTimeInterval: 0.5)
        }
        let query = "statements?limit=5000&activity=\(XAPIName.cohortActivity(cohort))&related_activities=true&ascending=true"
        var bareTimes: [Double] = [], reportTimes: [Double] = [], peak = 0
        for _ in 0..<2 {
            let fetched = try runChild(python, [bare, endpoint + query], captureOutput: true)
            guard fetched.status == 0 else { throw SpawnError(description: "the bare paging client failed") }
            bareTimes.append(fetched.elapsedNanoseconds)
            let report = try measured(paths, ["cohort", "report", "--lrs", endpoint, "--user", "bench", "--cohort", cohort,
                                              "--page-size", "5000", "--no-cache", "--knowledge", paths.knowledge,
                                              "--scenarios", paths.scenarios, work + "/lrs-report.json"],
                                      environment: ["ATTUNE_LRS_PASSWORD": "bench"])
            reportTimes.append(report.seconds * 1e9)
            peak = max(peak, report.peak)
        }
        let bareBest = bareTimes.min() ?? 0, reportBest = reportTimes.min() ?? 0
        var table = Table("Cohort report from ralph (fs backend, \(Format.grouped(learners)) learners, "
                          + "\(Format.grouped(data.statements)) statements, pages of 5,000)", [
            ("what", .left), ("time s (best of 2)", .right), ("peak MiB", .right),
        ])
        table.add(["bare paging client: GET every page, follow `more`", Format.fixed(bareBest / 1e9, 2), "-"])
        table.add(["attune cohort report --lrs (JSON)", Format.fixed(reportBest / 1e9, 2), Format.mib(peak)])
        table.add(["report's added time", "+" + Format.fixed((reportBest - bareBest) / max(bareBest, 1) * 100, 1) + "%", ""])
        table.notes = [
            "The bare client (Benchmarks/cohort_bare_client.py) asks for the same statements with the same filters and",
            "parses each page only to find `more`. The report also reads the voiding statements first (one more query).",
            "Ralph's filesystem backend scans its whole file for every page, so it is run at 1x only; a cohort beyond",
            "one machine runs ralph on Elasticsearch, MongoDB or ClickHouse, and Attune is unchanged.",
        ]
        return table.render() + "\n"
    }
}

/// The activity ids as Attune writes them (kept here, not imported: the bench links AttuneCore only).
enum XAPIName {
    static func cohortActivity(_ name: String) -> String { "urn:attune:cohort:\(name)" }
}

/// Writes a generated cohort's statements, 50 learners to a file, as `attune export xapi
/// --cohort bench` would. Deterministic for a seed.
struct CohortGenerator {
    let scenarios: [Scenario]
    var random: SplitMix

    init(scenarios: [Scenario], seed: UInt64) {
        self.scenarios = scenarios
        random = SplitMix(state: seed)
    }

    mutating func write(learners: Int, to folder: String) throws -> (statements: Int, bytes: Int) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var statements = 0, bytes = 0
        var text = ""
        var fileNumber = 0
        func flush() throws {
            guard !text.isEmpty else { return }
            let data = Data(text.utf8)
            bytes += data.count
            try data.write(to: URL(fileURLWithPath: folder + "/learners-\(fileNumber).jsonl"))
            fileNumber += 1
            text = ""
        }
        let start = 1_798_761_600  // 2027-01-01
        for learner in 0..<learners {
            let name = String(format: "learner-%05d", learner)
            let skill = Double(random.next() % 100) / 100
            var clock = start + Int(random.next() % 86_400 * 30)
            // Most cases (nine in ten), most of them more than once: one play in 30%, two in 45%, three in 25%.
            for scenario in scenarios where random.next() % 10 < 9 {
                let roll = random.next() % 100
                for _ in 0..<(roll < 30 ? 1 : roll < 75 ? 2 : 3) {
                    statements += play(scenario, learner: name, skill: skill, clock: &clock, into: &text)
                }
            }
            if learner % 50 == 49 { try flush() }
        }
        try flush()
        return (statements, bytes)
    }

    /// One random walk through a case; the statements it makes, appended as JSON lines.
    private mutating func play(_ scenario: Scenario, learner: String, skill: Double, clock: inout Int, into text: inout String) -> Int {
        let base = "urn:attune:scenario:\(scenario.id)"
        var count = 1
        text += line(learner, verb: "attempted", object: base, time: clock, extra: "")
        var node = scenario.node(scenario.start.value)
        var steps = 0
        while let current = node, !current.isEnding, !current.choices.isEmpty, steps < 40 {
            steps += 1
            clock += 40 + Int(random.next() % 80)
            let attuned = current.choices.filter { $0.rating == .attuned }
            let pick = Double(random.next() % 100) / 100 < skill && !attuned.isEmpty
                ? attuned[Int(random.next() % UInt64(attuned.count))]
                : current.choices[Int(random.next() % UInt64(current.choices.count))]
            let competencies = scenario.competencies(for: pick).map { "\"\($0)\"" }.joined(separator: ",")
            text += line(learner, verb: "responded", object: "\(base):node:\(current.id):choice:\(pick.id)", time: clock,
                         extra: ",\"result\":{\"response\":\"\(pick.id)\",\"extensions\":{\"urn:attune:extension:rating\":\"\(pick.rating.rawValue)\","
                            + "\"urn:attune:extension:competencies\":[\(competencies)]}}",
                         parents: ["\(base):node:\(current.id)", base])
            count += 1
            node = scenario.node(pick.next.value)
        }
        if let ending = node, ending.isEnding {
            clock += 30
            text += line(learner, verb: "completed", object: base, time: clock,
                         extra: ",\"result\":{\"completion\":true,\"extensions\":{\"urn:attune:extension:ending\":\"\(ending.id)\"}}")
            count += 1
        }
        clock += 3600 + Int(random.next() % 86_400)
        return count
    }

    private mutating func line(_ learner: String, verb: String, object: String, time: Int, extra: String, parents: [String] = []) -> String {
        let parent = parents.isEmpty ? "" : "\"parent\":[" + parents.map { "{\"id\":\"\($0)\",\"objectType\":\"Activity\"}" }
            .joined(separator: ",") + "],"
        return "{\"actor\":{\"account\":{\"homePage\":\"https://attune.invalid\",\"name\":\"\(learner)\"},\"objectType\":\"Agent\"},"
            + "\"context\":{\"contextActivities\":{\(parent)\"grouping\":[{\"id\":\"\(XAPIName.cohortActivity(CohortBenchmark.cohort))\","
            + "\"objectType\":\"Activity\"}]},\"language\":\"en-US\",\"platform\":\"Attune\"},\"id\":\"\(uuid())\","
            + "\"object\":{\"id\":\"\(object)\",\"objectType\":\"Activity\"}\(extra),\"timestamp\":\"\(stamp(time))\","
            + "\"verb\":{\"display\":{\"en-US\":\"\(verb)\"},\"id\":\"http://adlnet.gov/expapi/verbs/\(verb)\"}}\n"
    }

    private mutating func uuid() -> String {
        let a = random.next(), b = random.next()
        let hex = String(format: "%016llx%016llx", a, (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000)
        let chars = Array(hex)
        return "\(String(chars[0..<8]))-\(String(chars[8..<12]))-4\(String(chars[13..<16]))-\(String(chars[16..<20]))-\(String(chars[20..<32]))"
    }

    private func stamp(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.000Z", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}

/// A small, fast, seeded random number generator.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
