import AttuneCatalog
import AttuneCore
import Foundation
import Yams

/// One size's measurements, sent from the child process to the parent as JSON.
struct SizeReport: Codable {
    var requested: Int
    var nodes: Int
    var choices: Int
    var yamlBytes: Int
    var repetitions: Int
    var yamlParse: Timings
    var load: Timings
    var lint: Timings
    var explore: Timings
    /// The part of `explore` spent building `ScenarioAnalysis` (the state space).
    var analysis: Timings
    /// The part of `explore` spent in `pathCount()`.
    var pathCounting: Timings
    var graph: Timings
    var loadDiagnostics: Int
    var lintErrors: Int
    var lintWarnings: Int
    var lintNotes: Int
    var lintRules: [String]
    var states: Int
    var complete: Bool
    var endings: Int
    var stuck: Int
    var neverOffered: Int
    var pathCount: String
    var dotBytes: Int
    /// The child's own peak memory (VmHWM on Linux), read after every step.
    var peakResidentBytes: Int
}

/// 2. Load, lint, explore and graph for generated cases of growing size.
enum ScalingBenchmark {
    /// Sizes and repetitions: fewer for the big sizes, to keep the whole run near 3 minutes
    /// (at 100,000 nodes one load takes tens of seconds).
    static let plan: [(nodes: Int, repetitions: Int)] = [(100, 5), (1_000, 5), (10_000, 3), (100_000, 1)]

    static func run(_ paths: BenchPaths) throws -> String {
        func child(_ nodes: Int, _ repetitions: Int) throws -> SizeReport {
            let result = try runChild(paths.bench, ["--one-size", "\(nodes)", "--reps", "\(repetitions)"], captureOutput: true)
            guard result.status == 0 else { throw SpawnError(description: "the size-\(nodes) child exited with status \(result.status)") }
            return try JSONDecoder().decode(SizeReport.self, from: Data(result.output.utf8))
        }
        let idle = try child(0, 0)
        var reports: [(SizeReport, peak: Int)] = []
        for (nodes, repetitions) in plan {
            let report = try child(nodes, repetitions)
            reports.append((report, report.peakResidentBytes))
        }

        var timings = Table("2. Generated cases (ScenarioGenerator.layered): median ms per step", [
            ("nodes", .right), ("YAML KiB", .right), ("runs", .right), ("YAML parse", .right), ("load", .right),
            ("lint", .right), ("lint/parse", .right), ("explore", .right), ("graph (dot)", .right), ("peak RSS MiB", .right),
        ])
        for (report, peak) in reports {
            timings.add([
                Format.grouped(report.nodes), Format.grouped(report.yamlBytes / 1024),
                report.repetitions == 1 ? "1 (!)" : "\(report.repetitions)",
                Format.ms(report.yamlParse.median), Format.ms(report.load.median), Format.ms(report.lint.median),
                Format.ratio(report.lint.median / report.yamlParse.median), Format.ms(report.explore.median),
                Format.ms(report.graph.median), Format.mib(peak),
            ])
        }
        timings.notes = [
            "YAML parse = Yams.compose(yaml:); load = ScenarioLoader.parse; lint = Linter.lint(sources:) (load + analysis rules);",
            "explore = ScenarioAnalysis + endings, stuckStates, neverOffered, pathCount; graph = GraphExport.render(.dot).",
            "runs marked (!) are a single repetition (too slow to repeat within the time budget).",
            "Each size runs in its own child process; peak RSS is that process's VmHWM "
                + "(a child that does no work peaks at \(Format.mib(idle.peakResidentBytes)) MiB).",
        ]

        var growth = Table("2b. Growth: cost per node, and what each step found", [
            ("nodes", .right), ("load us/node", .right), ("lint us/node", .right), ("explore us/node", .right),
            ("states", .right), ("complete", .left), ("paths", .right), ("lint findings", .left), ("DOT KiB", .right),
        ])
        for (report, _) in reports {
            let perNode = { (timings: Timings) in Format.fixed(timings.median / 1e3 / Double(report.nodes), 2) }
            var findings = "\(report.lintErrors)E \(report.lintWarnings)W \(report.lintNotes)N"
            if !report.lintRules.isEmpty { findings += " (\(report.lintRules.joined(separator: ", ")))" }
            growth.add([
                Format.grouped(report.nodes), perNode(report.load), perNode(report.lint), perNode(report.explore),
                Format.grouped(report.states), report.complete ? "yes" : "no: node graph",
                report.pathCount.count > 15 ? "\(report.pathCount.prefix(4))...(\(report.pathCount.count) digits)" : report.pathCount,
                findings, Format.grouped(report.dotBytes / 1024),
            ])
        }
        let capped = reports.filter { !$0.0.complete }.map { Format.grouped($0.0.nodes) }
        let analysisShare = reports.map { report in
            "\(Format.grouped(report.0.nodes)): \(Format.fixed(100 * report.0.analysis.median / report.0.explore.median, 0))% / "
                + "\(Format.fixed(100 * report.0.pathCounting.median / report.0.explore.median, 0))%"
        }
        growth.notes = [
            "states = distinct reachable states explored (StateSpace.defaultLimit is \(Format.grouped(StateSpace.defaultLimit))); "
                + "paths = ScenarioAnalysis.pathCount().",
            "Share of explore spent building ScenarioAnalysis (the state space) / in pathCount(): "
                + "\(analysisShare.joined(separator: ", ")).",
        ]
        if !capped.isEmpty {
            growth.notes.append("At \(capped.joined(separator: ", ")) nodes the state space passes the limit: exploration stops and "
                + "falls back to the node graph (conditions ignored; endings, stuck states and never-offered are not computed).")
        }
        return timings.render() + "\n" + growth.render()
    }

    /// The child-process side: generate, then time each step `repetitions` times.
    static func runOneSize(nodes requested: Int, repetitions: Int) throws -> SizeReport {
        let knowledge = KnowledgeLoader.load(sources: [SourceText(path: "Knowledge/tenets.yaml", text: exampleKnowledgeText)]).base
        guard requested > 0 else {
            // The idle baseline: only the knowledge above.
            blackHole(knowledge)
            let none = Timings(nanoseconds: [])
            return SizeReport(
                requested: 0, nodes: 0, choices: 0, yamlBytes: 0, repetitions: 0, yamlParse: none, load: none, lint: none,
                explore: none, analysis: none, pathCounting: none, graph: none, loadDiagnostics: 0, lintErrors: 0, lintWarnings: 0, lintNotes: 0,
                lintRules: [], states: 0, complete: true, endings: 0, stuck: 0, neverOffered: 0, pathCount: "0", dotBytes: 0,
                peakResidentBytes: ownPeakResidentBytes())
        }
        let path = "Scenarios/layered.yaml"
        let yaml = ScenarioGenerator.layered(nodes: requested)

        let (parseTime, _) = try measure(repetitions: repetitions) { try Yams.compose(yaml: yaml) }

        let (loadTime, parsed) = measure(repetitions: repetitions) {
            ScenarioLoader.parse(SourceText(path: path, text: yaml), knowledge: knowledge)
        }
        guard let scenario = parsed.scenario, !parsed.diagnostics.hasErrors else {
            throw SpawnError(description: "the generated case did not load: \(parsed.diagnostics.first.map(English().headline) ?? "no scenario")")
        }

        let linter = Linter(fallbackKnowledge: knowledge)
        let (lintTime, report) = measure(repetitions: repetitions) { linter.lint(sources: [SourceText(path: path, text: yaml)]) }

        var analysisTimes: [Double] = [], pathCountTimes: [Double] = []
        let clock = ContinuousClock()
        let (exploreTime, explored) = measure(repetitions: repetitions) {
            let start = clock.now
            let analysis = ScenarioAnalysis(scenario)
            analysisTimes.append((clock.now - start).nanoseconds)
            let endings = analysis.endings().count, stuck = analysis.stuckStates().count, never = analysis.neverOffered().count
            let counting = clock.now
            let paths = analysis.pathCount()
            pathCountTimes.append((clock.now - counting).nanoseconds)
            return (analysis.space.states.count, analysis.isComplete, endings, stuck, never, paths)
        }

        let (graphTime, dot) = measure(repetitions: repetitions) { GraphExport.render(scenario, format: .dot) { English().author(.graph($0)) } }

        return SizeReport(
            requested: requested, nodes: scenario.nodes.count, choices: scenario.nodes.reduce(0) { $0 + $1.choices.count },
            yamlBytes: yaml.utf8.count, repetitions: repetitions, yamlParse: parseTime, load: loadTime, lint: lintTime,
            explore: exploreTime, analysis: Timings(nanoseconds: analysisTimes),
            pathCounting: Timings(nanoseconds: pathCountTimes), graph: graphTime,
            loadDiagnostics: parsed.diagnostics.count, lintErrors: report.errors, lintWarnings: report.warnings,
            lintNotes: report.diagnostics.count(of: .note), lintRules: Array(Set(report.diagnostics.map(\.rule.rawValue))).sorted(),
            states: explored.0, complete: explored.1, endings: explored.2, stuck: explored.3, neverOffered: explored.4,
            pathCount: explored.5?.description ?? "unbounded", dotBytes: dot.utf8.count,
            peakResidentBytes: ownPeakResidentBytes())
    }
}
