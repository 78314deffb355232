import AttuneCore
import Foundation
import Testing

// The hostile corpus (Tests/HostileContent, and directory entries made here) through the
// real binary: lint, show, search, play, explore, graph and the shell, each on a content
// folder holding the bundled knowledge and one hostile file. Every run must use under 5 s of
// CPU (wall time on these shared machines is noisy; a run past 30 s of wall time is killed),
// peak under 500 MB, print no control character but newline and tab (colour is off),
// and either succeed or say what is wrong with a located `file:line:col:` message.
// The same files are checked in-process, with their expected findings, in
// Tests/AttuneCoreTests/HostileContentTests.swift.

private let hostileFolder = packageRoot.appendingPathComponent("Tests/HostileContent")
private let bundledKnowledgeFolder = packageRoot.appendingPathComponent("Knowledge")
private let bundledScenariosFolder = packageRoot.appendingPathComponent("Scenarios")

private let cpuLimit = 5.0
private let memoryLimitKB = 500 * 1024

/// One run of the binary, measured: wall time, and peak memory from `wait4`'s usage.
private struct MeasuredRun {
    var arguments: [String]
    var status: Int32
    var signalled: Bool
    var stdout: [UInt8]
    var stderr: [UInt8]
    var seconds: Double
    var peakKB: Int

    var output: String { String(decoding: stdout + stderr, as: UTF8.self) }

    /// The first control character (other than newline and tab) in either stream.
    var controlCharacter: String? {
        for (name, bytes) in [("stdout", stdout), ("stderr", stderr)] {
            for (offset, byte) in bytes.enumerated() {
                let c1 = byte == 0xC2 && offset + 1 < bytes.count && (0x80...0x9F).contains(bytes[offset + 1])
                if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || c1 {
                    let context = String(decoding: bytes[max(0, offset - 40)..<min(bytes.count, offset + 20)], as: UTF8.self)
                    return "\(name) byte \(offset): \(context.debugDescription)"
                }
            }
        }
        return nil
    }

    /// The output with each finding's wrapped headline joined again (its continuation lines
    /// start four spaces in), so a message can be looked for whatever the width.
    var unwrappedOutput: String { output.replacingOccurrences(of: "\n    ", with: " ") }

    /// A `file:line:col: error|warning|note:` finding.
    var hasLocatedMessage: Bool {
        output.range(of: #":[0-9]+:[0-9]+: (error|warning|note):"#, options: .regularExpression) != nil
    }
}

/// Runs the binary with `arguments`, `input` on standard input, output to files; kills it
/// after `timeout` seconds. Peak memory is the child's own (`wait4`).
private func measure(_ arguments: [String], input: String = "", in directory: URL, timeout: Double = 30) throws -> MeasuredRun {
    let inputPath = directory.appendingPathComponent("stdin-\(UUID().uuidString)").path
    let outputPath = directory.appendingPathComponent("stdout-\(UUID().uuidString)").path
    let errorPath = directory.appendingPathComponent("stderr-\(UUID().uuidString)").path
    try Data(input.utf8).write(to: URL(fileURLWithPath: inputPath))
    defer { for path in [inputPath, outputPath, errorPath] { try? FileManager.default.removeItem(atPath: path) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "NO_COLOR")
    environment["COLUMNS"] = "80"
    environment["HOME"] = directory.path
    let argv = ([attuneBinary.path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid = pid_t()
    let start = ContinuousClock.now
    let spawned = posix_spawn(&pid, attuneBinary.path, &actions, nil, argv, envp)
    guard spawned == 0 else { throw SpawnError(description: "could not start attune: error \(spawned)") }
    var status: Int32 = 0
    var usage = rusage()
    var killed = false
    while true {
        let waited = wait4(pid, &status, WNOHANG, &usage)
        if waited == pid { break }
        if waited < 0, errno != EINTR { throw SpawnError(description: "wait4 failed: \(errno)") }
        if !killed, ContinuousClock.now - start > .seconds(timeout) {
            kill(pid, SIGKILL)
            killed = true
        }
        usleep(2_000)
    }
    let exited = status & 0x7F == 0
    return MeasuredRun(
        arguments: arguments, status: exited ? (status >> 8) & 0xFF : status & 0x7F, signalled: !exited,
        stdout: Array((try? Data(contentsOf: URL(fileURLWithPath: outputPath))) ?? Data()),
        stderr: Array((try? Data(contentsOf: URL(fileURLWithPath: errorPath))) ?? Data()),
        // CPU time, user and system, not wall time: the limit is on the work a run does, which
        // a loaded machine does not stretch (a hang is still caught by the wall-clock kill).
        seconds: Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
        peakKB: usage.ru_maxrss)
}

/// The checks every run must pass. `mustSucceed` for a file that loads cleanly.
private func check(_ run: MeasuredRun, _ label: String, mustSucceed: Bool = false) {
    let command = "\(label): attune \(run.arguments.prefix(3).joined(separator: " "))"
    #expect(!run.signalled, "\(command) was killed by signal \(run.status) (a crash, or over the time limit)")
    #expect(run.seconds < cpuLimit, "\(command) used \(run.seconds) s of CPU")
    #expect(run.peakKB < memoryLimitKB, "\(command) peaked at \(run.peakKB / 1024) MB")
    #expect(run.controlCharacter == nil, "\(command): a control character reached the terminal: \(run.controlCharacter ?? "")")
    if mustSucceed {
        #expect(run.status == 0, "\(command) failed: \(run.output.prefix(600))")
    } else if run.status != 0 {
        #expect(run.hasLocatedMessage, "\(command) exited \(run.status) without a located message: \(run.output.prefix(600))")
    }
}

/// Writes a fixture template out (the same rules as in HostileContentTests.swift).
private func expand(_ template: String) -> [UInt8] {
    func emit(_ text: Substring, index: Int, into output: inout [UInt8]) {
        var rest = text
        while let open = rest.range(of: "{{") {
            output += Array(rest[..<open.lowerBound].utf8)
            let close = rest[open.upperBound...].range(of: "}}")!
            let directive = rest[open.upperBound..<close.lowerBound]
            if directive == "i" {
                output += Array(String(index).utf8)
            } else if directive == "indent" {
                output += [UInt8](repeating: 0x20, count: 2 * (index + 1))
            } else if directive.hasPrefix("byte ") {
                output += directive.dropFirst(5).split(separator: " ").map { UInt8($0, radix: 16)! }
            }
            rest = rest[close.upperBound...]
        }
        output += Array(rest.utf8)
    }
    var output: [UInt8] = []
    var rest = Substring(template)
    while let open = rest.range(of: "{{repeat ") {
        emit(rest[..<open.lowerBound], index: 0, into: &output)
        let close = rest[open.upperBound...].range(of: "}}")!
        let count = Int(rest[open.upperBound..<close.lowerBound])!
        let end = rest[close.upperBound...].range(of: "{{end}}")!
        for index in 0..<count { emit(rest[close.upperBound..<end.lowerBound], index: index, into: &output) }
        rest = rest[end.upperBound...]
    }
    emit(rest, index: 0, into: &output)
    if let endings = template.range(of: "# line-endings: ").map({ template[$0.upperBound...].prefix { $0 != "\n" } }) {
        output = output.flatMap { $0 == 0x0A ? (endings == "crlf" ? [0x0D, 0x0A] : [0x0D]) : [$0] }
    }
    return output
}

private let fixtureNames: [String] = {
    ((try? FileManager.default.contentsOfDirectory(atPath: hostileFolder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
}()

/// The fixtures whose header says `# Item N:`.
private func fixtures(item: Int) -> [String] {
    fixtureNames.filter { name in
        let text = (try? String(contentsOf: hostileFolder.appendingPathComponent(name), encoding: .utf8)) ?? ""
        return text.contains("# Item \(item): ")
    }
}

/// One hostile file through every command (a heavy one through lint and the shell).
private func runFixture(_ name: String) throws {
    let template = try String(contentsOf: hostileFolder.appendingPathComponent(name), encoding: .utf8)
    let bytes = expand(template)
    let loads = template.contains("# expect: loads")
    let setup = try Setup.make(name: name, bytes: bytes, loads: loads)
    defer { try? FileManager.default.removeItem(at: setup.root) }
    // Files over 100 KB (the generated ones) go through lint and the shell only.
    let messages = template.split(separator: "\n").filter { $0.hasPrefix("# message: ") }.map { String($0.dropFirst(11)) }
    try setup.runAll(label: name, heavy: bytes.count > 100_000, loads: loads, messages: messages)
}

/// Where one hostile file is tried: content folders, a data folder, and what to name.
private struct Setup {
    var root: URL
    var knowledge: URL
    var scenarios: URL
    /// The hostile file (or entry).
    var path: String
    /// What `show`, `play`, `graph` and `search` name.
    var entry: String
    var caseID: String
    var isKnowledge: Bool

    var options: [String] {
        ["--knowledge", knowledge.path, "--scenarios", scenarios.path, "--data-dir", root.appendingPathComponent("data").path,
         "--color", "never"]
    }

    /// A folder with the bundled knowledge (copied file by file: links are refused) plus, for a topic, the hostile file.
    static func make(name: String, bytes: [UInt8], loads: Bool) throws -> Setup {
        let root = try temporaryDirectory()
        let isKnowledge = bytes.starts(with: Array("topic:".utf8))
            || String(decoding: bytes.prefix(4096), as: UTF8.self).split(whereSeparator: \.isNewline).contains { $0.hasPrefix("topic:") }
        let stem = String(name.dropLast(5))
        if isKnowledge {
            let knowledge = root.appendingPathComponent("Knowledge")
            try FileManager.default.createDirectory(at: knowledge, withIntermediateDirectories: true)
            for file in try FileManager.default.contentsOfDirectory(atPath: bundledKnowledgeFolder.path) where file.hasSuffix(".yaml") {
                try FileManager.default.copyItem(
                    at: bundledKnowledgeFolder.appendingPathComponent(file), to: knowledge.appendingPathComponent(file))
            }
            let path = knowledge.appendingPathComponent(name)
            try Data(bytes).write(to: path)
            return Setup(root: root, knowledge: knowledge, scenarios: bundledScenariosFolder, path: path.path,
                         entry: loads ? stem : "tenet.4", caseID: "maya-quiet-visit", isKnowledge: true)
        }
        let scenarios = root.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        let path = scenarios.appendingPathComponent(name)
        try Data(bytes).write(to: path)
        return Setup(root: root, knowledge: bundledKnowledgeFolder, scenarios: scenarios, path: path.path,
                     entry: "tenet.4", caseID: stem, isKnowledge: false)
    }

    /// Every command on this setup: lint, show, search, play, explore, graph, and the shell.
    /// A heavy file (each run reads megabytes) goes through lint and the shell only.
    func runAll(label: String, heavy: Bool, loads: Bool, messages: [String] = []) throws {
        let lint = try measure(["lint", path] + options, in: root)
        check(lint, label, mustSucceed: false)
        if !loads { #expect(lint.status == 1, "\(label): lint found nothing: \(lint.output.prefix(400))") }
        for words in messages {
            #expect(lint.unwrappedOutput.contains(words), "\(label): lint does not say '\(words)': \(lint.output.prefix(400))")
        }
        let shell = try measure(options, input: "cases\nquit\n", in: root)
        check(shell, label, mustSucceed: true)
        if heavy { return }
        check(try measure(["show", entry] + options, in: root), label, mustSucceed: true)
        check(try measure(["search", "visit"] + options, in: root), label, mustSucceed: true)
        check(try measure(["play", caseID, "--choose", "1"] + options, in: root), label, mustSucceed: loads)
        let target = isKnowledge ? bundledScenariosFolder.appendingPathComponent("\(caseID).yaml").path : path
        check(try measure(["explore", target] + options, in: root), label)
        let graph = try measure(["graph", target, "--format", "dot"] + options, in: root)
        check(graph, label, mustSucceed: loads)
        if loads, !isKnowledge {
            #expect(graph.output.hasPrefix("digraph"), "\(label): \(graph.output.prefix(200))")
            // Graphviz itself reads the escaped labels, when it is installed.
            if let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                let file = root.appendingPathComponent("graph.dot")
                try Data(graph.stdout).write(to: file)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: dot)
                process.arguments = ["-Tsvg", "-o", "/dev/null", file.path]
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "\(label): Graphviz cannot read the graph")
            }
        }
    }
}

@Suite("Hostile content end to end")
struct HostileContentEndToEndTests {
    @Test("the end-to-end corpus covers every hostile file")
    func corpus() {
        let covered = [1, 2, 3, 5, 6, 7].flatMap(fixtures(item:))
        #expect(Set(covered) == Set(fixtureNames))
        #expect(fixtureNames.count + 12 >= 60)
    }

    @Test("item 1 end to end: huge or deeply nested conditions give a located bad-condition from every command",
          arguments: fixtures(item: 1))
    func conditions(name: String) throws { try runFixture(name) }

    @Test("item 2 end to end: anchors, aliases and alias bombs are refused, located, by every command", arguments: fixtures(item: 2))
    func aliases(name: String) throws { try runFixture(name) }

    @Test("item 3 end to end: 150,000 findings on one line, or 5,000 with suggestions, stay under 5 s and 500 MB",
          arguments: fixtures(item: 3))
    func manyFindings(name: String) throws { try runFixture(name) }

    @Test("item 5 end to end: counter numbers past the bound are located findings; play never traps", arguments: fixtures(item: 5))
    func counters(name: String) throws { try runFixture(name) }

    @Test("item 6 end to end: no control character from content reaches the terminal, in any command", arguments: fixtures(item: 6))
    func controlCharacters(name: String) throws { try runFixture(name) }

    @Test("item 7 end to end: control bytes, nesting, odd line breaks and YAML extras get plain, located messages",
          arguments: fixtures(item: 7))
    func plainMessages(name: String) throws { try runFixture(name) }

    @Test("item 4 end to end: a bad directory entry (a link dangling, looping or to a device, a FIFO, a folder, an odd name) is located and the rest loads",
          arguments: ["dangling-link", "self-loop", "loop-pair", "fifo", "folder", "non-utf8-name", "big-link", "zero-link",
                      "folder-link", "escape-name", "newline-name", "unreadable"])
    func hostileEntry(kind: String) throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenarios = root.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        let name = try makeEntry(kind, in: scenarios, scratch: root)
        let setup = Setup(root: root, knowledge: bundledKnowledgeFolder, scenarios: scenarios,
                          path: scenarios.appendingPathComponent(name).path, entry: "tenet.4", caseID: "visit", isKnowledge: false)
        // A good case beside it, which must still be playable.
        try Data(fixtureScenarioText.utf8)
            .write(to: scenarios.appendingPathComponent("visit.yaml"))
        let lint = try measure(["lint", scenarios.path] + setup.options, in: root)
        check(lint, kind)
        if kind != "unreadable" || getuid() != 0 {
            #expect(lint.status == 1 && lint.hasLocatedMessage, "\(kind): \(lint.output.prefix(400))")
        }
        check(try measure(["show", "tenet.4"] + setup.options, in: root), kind, mustSucceed: true)
        let shell = try measure(setup.options, input: "cases\nquit\n", in: root)
        check(shell, kind, mustSucceed: true)
        #expect(shell.output.contains("A visit"), "\(kind): the good case is missing: \(shell.output.prefix(600))")
        check(try measure(["search", "visit"] + setup.options, in: root), kind, mustSucceed: true)
        check(try measure(["play", "visit", "--choose", "1"] + setup.options, in: root), kind, mustSucceed: true)
        // A name that is not UTF-8 cannot be typed as an argument; its folder can.
        let target = kind == "non-utf8-name" ? scenarios.path : setup.path
        check(try measure(["explore", target] + setup.options, in: root), kind)
        check(try measure(["graph", target, "--format", "dot"] + setup.options, in: root), kind)
    }

    @Test("a 1 MB line pasted into the shell answers at once (no suggestion search over it)")
    func pastedLine() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = ["--knowledge", bundledKnowledgeFolder.path, "--scenarios", bundledScenariosFolder.path,
                       "--data-dir", root.appendingPathComponent("data").path, "--color", "never"]
        let line = String(repeating: "pasted", count: 170_000)
        let run = try measure(options, input: line + "\n" + "show " + line + "\nquit\n", in: root)
        check(run, "1 MB line", mustSucceed: false)
    }
}

/// Makes one hostile entry in `folder` (big or outside things in `scratch`); its name.
private func makeEntry(_ kind: String, in folder: URL, scratch: URL) throws -> String {
    let manager = FileManager.default
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    let scenario = fixtureScenarioText.replacingOccurrences(of: "scenario: visit", with: "scenario: odd-name")
    switch kind {
    case "dangling-link":
        try manager.createSymbolicLink(atPath: path("dangling-link.yaml"), withDestinationPath: "nowhere.yaml")
        return "dangling-link.yaml"
    case "self-loop":
        try manager.createSymbolicLink(atPath: path("self-loop.yaml"), withDestinationPath: "self-loop.yaml")
        return "self-loop.yaml"
    case "loop-pair":
        try manager.createSymbolicLink(atPath: path("loop-a.yaml"), withDestinationPath: "loop-b.yaml")
        try manager.createSymbolicLink(atPath: path("loop-b.yaml"), withDestinationPath: "loop-a.yaml")
        return "loop-a.yaml"
    case "fifo":
        #expect(mkfifo(path("fifo.yaml"), 0o600) == 0)
        return "fifo.yaml"
    case "folder":
        try manager.createDirectory(atPath: path("folder.yaml"), withIntermediateDirectories: false)
        return "folder.yaml"
    case "non-utf8-name":
        var bytes = Array(folder.path.utf8) + Array("/bad-".utf8) + [0xFF] + Array("-name.yaml".utf8) + [0]
        let descriptor = bytes.withUnsafeMutableBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        return "bad-\u{FFFD}-name.yaml"
    case "big-link":
        let big = scratch.appendingPathComponent("big.bin").path
        _ = manager.createFile(atPath: big, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: big))
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        try manager.createSymbolicLink(atPath: path("big-link.yaml"), withDestinationPath: big)
        return "big-link.yaml"
    case "zero-link":
        try manager.createSymbolicLink(atPath: path("zero-link.yaml"), withDestinationPath: "/dev/zero")
        return "zero-link.yaml"
    case "folder-link":
        try manager.createSymbolicLink(atPath: path("folder-link.yaml"), withDestinationPath: scratch.path)
        return "folder-link.yaml"
    case "escape-name":
        let name = "\u{1B}[2J\u{1B}]0;owned\u{07}escape-name.yaml"
        try Data(scenario.utf8).write(to: URL(fileURLWithPath: path(name)))
        return name
    case "newline-name":
        try Data(scenario.utf8).write(to: URL(fileURLWithPath: path("new\nline.yaml")))
        return "new\nline.yaml"
    default:
        // Unreadable: as root (the tests' usual user) this is readable, and only checks
        // that nothing else goes wrong; as anyone else it is a located finding.
        try Data(scenario.utf8).write(to: URL(fileURLWithPath: path("unreadable.yaml")))
        try manager.setAttributes([.posixPermissions: 0], ofItemAtPath: path("unreadable.yaml"))
        return "unreadable.yaml"
    }
}
