import AttuneCatalog
import AttuneCore
import Foundation

/// 3. Search latency over the bundled knowledge base.
enum SearchBenchmark {
    static let queries = [
        "cortisol", "attach", "attachment", "home visiting", "reflective supervision", "ghosts nursery",
        "serve and return", "toxic stress signs", "depression", "postpartum depression", "tenet.4", "still face",
        "strange situation", "disorganized attachment", "endorsement", "child welfare", "trauma", "brain development",
        "cues", "the baby cries when the parent leaves the room", "xylophone",
    ]
    static let repetitions = 50

    static func run(_ paths: BenchPaths) throws -> String {
        let (loadTime, loaded) = try measure(repetitions: 5, warmup: 1) {
            try ContentLibrary.load(knowledgeDirectory: paths.knowledge, scenarioDirectory: paths.scenarios)
        }
        let knowledge = loaded.knowledge
        let documents = knowledge.entries.map(SearchDocument.init(entry:)) + loaded.scenarios.map(SearchDocument.init(scenario:))
        let (indexTime, _) = measure(repetitions: 5, warmup: 1) { SearchIndex(documents: documents) }
        // The index as the shell uses it: read back from the content cache.
        let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-bench-search-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: cacheFolder) }
        let cache = ContentCache(directory: cacheFolder)
        _ = try ContentLibrary.load(knowledgeDirectory: paths.knowledge, scenarioDirectory: paths.scenarios, cache: cache).index
        ContentCache.waitForWrites()
        let (cachedTime, index) = try measure(repetitions: 5, warmup: 1) {
            try ContentLibrary.load(knowledgeDirectory: paths.knowledge, scenarioDirectory: paths.scenarios, cache: cache).index
        }

        var table = Table("3. Search: the library's index (entries and cases) from the content cache, \(repetitions) runs per query after 2 untimed", [
            ("query", .left), ("hits", .right), ("top hit", .left), ("median us", .right), ("p95 us", .right),
            ("ranking only us", .right), ("p95 <= 1 ms", .left),
        ])
        var medians: [Double] = [], rankingMedians: [Double] = []
        var slowest = 0.0
        for query in queries {
            let (timings, hits) = measure(repetitions: repetitions, warmup: 2) { index.search(query) }
            // limit 0 scores and sorts every match but builds no snippet: the ranking alone.
            let (ranking, _) = measure(repetitions: repetitions, warmup: 2) { index.search(query, limit: 0) }
            medians.append(timings.median)
            rankingMedians.append(ranking.median)
            table.add([query, "\(hits.count)", hits.first?.id ?? "-", Format.us(timings.median), Format.us(timings.p95),
                       Format.us(ranking.median), timings.p95 <= 1_000_000 ? "yes" : "NO"])
            slowest = max(slowest, timings.p95)
        }
        let all = Timings(nanoseconds: medians)
        table.notes = [
            "Knowledge/ and Scenarios/: \(knowledge.count) entries and \(loaded.scenarios.count) cases, read and checked in "
                + "\(Format.ms(loadTime.median)) ms (ContentLibrary.load, no cache, median of 5).",
            "Index build: \(Format.ms(indexTime.median)) ms for \(index.documentCount) documents; read from the cache "
                + "(library load included): \(Format.ms(cachedTime.median)) ms (medians of 5).",
            "Slowest p95: \(Format.us(slowest)) us (target: at most 1,000 us for every query).",
            "Across queries: median of medians \(Format.us(all.median)) us, slowest median \(Format.us(all.percentile(100))) us. "
                + "hits = results returned (search's default limit is 10).",
            "ranking only = search(query, limit: 0): every match scored and sorted, no snippets "
                + "(median of medians \(Format.us(Timings(nanoseconds: rankingMedians).median)) us); the rest is building snippets.",
        ]
        return table.render()
    }
}

/// 4. Exact path counting on a case with 2^60 paths.
enum PathCountBenchmark {
    static let expected = "1152921504606846976"

    static func run() throws -> String {
        let knowledge = KnowledgeLoader.load(sources: [SourceText(path: "Knowledge/tenets.yaml", text: exampleKnowledgeText)]).base
        let yaml = ScenarioGenerator.chain(decisions: 60)
        let (loadTime, parsed) = measure(repetitions: 5, warmup: 1) {
            ScenarioLoader.parse(SourceText(path: "Scenarios/chain.yaml", text: yaml), knowledge: knowledge)
        }
        guard let scenario = parsed.scenario, !parsed.diagnostics.hasErrors else {
            throw SpawnError(description: "the chain case did not load: \(parsed.diagnostics.first.map(English().headline) ?? "no scenario")")
        }
        let (exploreTime, result) = measure(repetitions: 5, warmup: 1) {
            let analysis = ScenarioAnalysis(scenario)
            return (analysis.space.states.count, analysis.isComplete, analysis.pathCount())
        }
        let count = result.2?.description ?? "unbounded"
        var table = Table("4. 2^60 paths: ScenarioGenerator.chain(decisions: 60), median of 5", [
            ("step", .left), ("median ms", .right), ("result", .left),
        ])
        table.add(["load (ScenarioLoader.parse)", Format.ms(loadTime.median), "\(scenario.nodes.count) nodes"])
        table.add(["explore (ScenarioAnalysis + pathCount)", Format.ms(exploreTime.median),
                   "\(Format.grouped(result.0)) states, complete: \(result.1 ? "yes" : "no")"])
        table.add(["path count", "", count == expected ? "\(count) = 2^60, correct" : "\(count), expected \(expected): WRONG"])
        return table.render()
    }
}
