import Foundation

/// 6. The self-contained program (`make install`, `make deb`: the Swift runtime linked in,
/// stripped) against the dynamic release build, which loads the toolchain's libraries:
/// `--help`, the shell to its prompt with a warm content cache, and peak memory. Then two
/// builds taking turns over one cache folder (an installed release and `make run`, say),
/// beside one build with a cache of its own.
enum BuildsBenchmark {
    static let repetitions = 21
    static let warmup = 2

    static func run(_ paths: BenchPaths, selfContained: String) throws -> String {
        for program in [paths.attune, selfContained, paths.peakRSS] where access(program, X_OK) != 0 {
            throw SpawnError(description: "\(program) is missing; build it first (make bench does)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("attune-bench-builds-\(getpid())").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let content = ["--knowledge", paths.knowledge, "--scenarios", paths.scenarios,
                       "--data-dir", scratch + "/kept", "--color", "never"]
        // Each build keeps its own warm cache, so this compares the programs, not the cache.
        let builds = [("dynamic", paths.attune, scratch + "/cache-dynamic"),
                      ("self-contained", selfContained, scratch + "/cache-self-contained")]
        struct Row { var label: String; var program: String; var arguments: [String]; var input: String; var cache: String }
        var rows: [Row] = []
        for (name, program, cache) in builds {
            rows.append(Row(label: "\(name): attune --help", program: program, arguments: ["--help"], input: "", cache: cache))
        }
        for (name, program, cache) in builds {
            rows.append(Row(label: "\(name): shell to prompt, warm cache", program: program, arguments: content,
                            input: "quit\n", cache: cache))
        }
        // Two builds of the self-contained program: copies, one a byte longer, so each has
        // a version of its own (the version names the program's size and modification
        // time). They take turns, one start each a round, over one cache folder.
        let shared = scratch + "/cache-shared"
        for (letter, extra) in [("A", 0), ("B", 1)] {
            let copy = scratch + "/attune-\(letter)"
            try FileManager.default.copyItem(atPath: selfContained, toPath: copy)
            if extra > 0 {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: copy))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(repeating: 0, count: extra))
                try handle.close()
            }
            chmod(copy, 0o755)
            rows.append(Row(label: "build \(letter), taking turns with build \(letter == "A" ? "B" : "A") in one cache", program: copy,
                            arguments: content, input: "quit\n", cache: shared))
        }
        // What each start cost when each build's snapshots replaced the other's: no better
        // than reading the content afresh (a cold start also writes the snapshots).
        rows.append(Row(label: "one build with --no-cache (each start before, at best)", program: selfContained,
                        arguments: content + ["--no-cache"], input: "quit\n", cache: scratch + "/cache-unused"))

        var times = [[Double]](repeating: [], count: rows.count)
        for round in 0..<(warmup + repetitions) {
            for (number, row) in rows.enumerated() {
                let result = try runChild(row.program, row.arguments, input: row.input, environment: ["XDG_CACHE_HOME": row.cache])
                guard result.status == 0 else {
                    throw SpawnError(description: "\(row.program) \(row.arguments.joined(separator: " ")) exited with status \(result.status)")
                }
                if round >= warmup { times[number].append(result.elapsedNanoseconds) }
            }
        }
        var table = Table("6. The self-contained program against the dynamic build: spawn to exit, \(repetitions) rounds after \(warmup) untimed", [
            ("program", .left), ("median ms", .right), ("min ms", .right), ("vs dynamic", .right),
            ("vs dynamic --help", .right), ("peak RSS MiB", .right),
        ])
        let medians = times.map { Timings(nanoseconds: $0).median }
        let dynamicHelp = medians[0]
        var peaks: [Int] = []
        for row in rows {
            peaks.append(try peakResidentBytes(of: row.program, row.arguments, input: row.input, helper: paths.peakRSS,
                                               environment: ["XDG_CACHE_HOME": row.cache]))
        }
        for (number, row) in rows.enumerated().prefix(4) {
            let peak = peaks[number]
            // Rows come in pairs: the dynamic build first, then the self-contained one.
            let dynamic = medians[number - number % 2]
            table.add([row.label, Format.ms(medians[number]), Format.ms(Timings(nanoseconds: times[number]).percentile(0)),
                       Format.ratio(medians[number] / dynamic), Format.ratio(medians[number] / dynamicHelp), Format.mib(peak)])
        }
        let sizes = [paths.attune, selfContained].map { path -> String in
            let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? .nan
            return "\(Format.fixed(bytes / 1_048_576, 1)) MiB"
        }
        table.notes = [
            "dynamic: \(paths.attune) (\(sizes[0]); loads the Swift toolchain's libraries).",
            "self-contained: \(selfContained) (\(sizes[1]); --static-swift-stdlib, stripped, as make install and make deb build it).",
            "The rows run side by side, one round of every row at a time; each build has a warm content cache of its own.",
        ]

        var turns = Table("6b. Two builds taking turns over one content cache folder, in the same rounds as 6", [
            ("program", .left), ("median ms", .right), ("min ms", .right), ("vs one build", .right), ("peak RSS MiB", .right),
        ])
        let alone = 3
        for number in [alone, 4, 5, 6] {
            let label = number == alone ? "one build, a cache of its own (self-contained, as above)" : rows[number].label
            turns.add([label, Format.ms(medians[number]), Format.ms(Timings(nanoseconds: times[number]).percentile(0)),
                       Format.ratio(medians[number] / medians[alone]), Format.mib(peaks[number])])
        }
        turns.notes = [
            "Builds A and B are copies of the self-contained program, B one byte longer: two versions, as an installed release and `make run` are.",
            "Each keeps its own snapshots in the shared folder, so after its first start each starts warm; before, each start replaced the other's,",
            "so every start read the content afresh and wrote it again: the --no-cache row is a floor for that.",
        ]
        return table.render() + "\n" + turns.render()
    }
}
