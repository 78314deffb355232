import Foundation
import Testing
@testable import AttuneCore

private let exampleKnowledge = KnowledgeLoader.load(
    sources: [SourceText(path: "Knowledge/tenets.yaml", text: exampleKnowledgeText)]).base

private func lintScenario(_ text: String) -> [Diagnostic] {
    Linter(fallbackKnowledge: exampleKnowledge).lint(sources: [SourceText(path: "Scenarios/visit.yaml", text: text)]).diagnostics
}

/// Every location points into the file (or one past its last line), so a caret can be drawn.
private func locationsAreValid(_ diagnostics: [Diagnostic], in text: String) -> Bool {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    return diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.line <= lines + 1 && $0.location.column >= 1 }
}

/// A "billion laughs": nine levels of nine aliases to the level below.
private func billionLaughs(under key: String) -> String {
    var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1...9 {
        text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
    }
    return text + "\(key): *a9\n"
}

@Suite("Hostile input")
struct HostileInputTests {
    @Test("empty, blank and comment-only files say they are empty")
    func empty() {
        for text in ["", "\n\n", "# just a comment\n"] {
            let diagnostics = lintScenario(text)
            #expect(!diagnostics.isEmpty)
            #expect(locationsAreValid(diagnostics, in: text))
        }
    }

    @Test("binary data and invalid UTF-8 are named as such, located")
    func binary() {
        var generator = SeededGenerator(seed: 11)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        guard case let .failure(diagnostic) = ContentFiles.decode(Data(bytes), path: "x.yaml") else {
            Issue.record("random bytes were accepted as text")
            return
        }
        #expect(diagnostic.message.contains("UTF-8") || diagnostic.message.contains("binary"))
        guard case let .failure(zero) = ContentFiles.decode(Data("topic: a\n\0".utf8), path: "x.yaml") else {
            Issue.record("a zero byte was accepted")
            return
        }
        #expect(zero.location == SourceLocation(file: "x.yaml", line: 2, column: 1))
    }

    @Test("a 50 MB file is refused by its size before it is read")
    func huge() throws {
        let path = NSTemporaryDirectory() + "attune-huge-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        guard case let .failure(diagnostic) = ContentFiles.read(path) else {
            Issue.record("a 50 MB file was read")
            return
        }
        #expect(diagnostic.message.contains("50 MB"))
    }

    @Test("alias bombs are read without expanding them, with a clear error")
    func aliasBombs() {
        let scenario = billionLaughs(under: "nodes") + "scenario: visit\n"
        let diagnostics = lintScenario(scenario)
        #expect(diagnostics.hasErrors)
        #expect(locationsAreValid(diagnostics, in: scenario))
        let topic = billionLaughs(under: "entries") + "topic: tenets\ntitle: T\nsummary: S\n"
        let result = KnowledgeLoader.load(sources: [SourceText(path: "Knowledge/tenets.yaml", text: topic)])
        #expect(result.diagnostics.hasErrors)
        #expect(result.base.count == 0)
    }

    @Test("deep nesting is refused before the recursive reader sees it")
    func deepNesting() throws {
        let text = "scenario: visit\nnodes: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let diagnostics = lintScenario(text)
        let first = try #require(diagnostics.first)
        #expect(first.message.contains("nested more than 64 deep"))
        #expect(first.location.line == 2)
        #expect(first.location.column == 72)
        let braces = "topic: t\nentries: " + String(repeating: "{a: ", count: 10_000) + "\n"
        #expect(KnowledgeLoader.load(sources: [SourceText(path: "Knowledge/t.yaml", text: braces)]).diagnostics.hasErrors)
    }

    @Test("a node with 10,000 choices loads, lints and plays")
    func manyChoices() throws {
        var text = exampleScenarioText
        var extra = ""
        for index in 0..<10_000 {
            extra += "      - id: extra-\(index)\n        text: Extra \(index).\n        next: flat\n        rating: partial\n"
                + "        feedback: F.\n        refs: [tenet.1]\n"
        }
        text = text.replacingOccurrences(of: "  warm:\n", with: extra + "  warm:\n")
        let diagnostics = lintScenario(text)
        #expect(diagnostics.map(\.headline) == [])
        let scenario = try #require(ScenarioLoader.parse(SourceText(path: "Scenarios/visit.yaml", text: text), knowledge: exampleKnowledge).scenario)
        let engine = ScenarioEngine(scenario)
        #expect(engine.offeredChoices(in: engine.start()).count == 10_002)
        #expect(try engine.choose("10002", in: engine.start()).state.node == "flat")
    }

    @Test("a very long line is shown as a window around the mistake")
    func longLine() throws {
        let text = exampleScenarioText.replacingOccurrences(
            of: "summary: A short case.", with: "summary: " + String(repeating: "word ", count: 200_000) + "x: y")
        let diagnostics = lintScenario(text)
        let first = try #require(diagnostics.first)
        #expect(first.rule == .yamlSyntax)
        let lines = first.rendered.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].count <= 170)
        #expect(lines[1].hasPrefix("…"))
        // The caret still sits under the offending character.
        let caret = lines[2].count - 1
        let shown = Array(lines[1])
        #expect(shown[caret] == ":")
    }

    @Test("a loop with no way out is found, not played forever")
    func cycles() {
        let text = exampleScenarioText.replacingOccurrences(of: "next: flat", with: "next: arrival")
            .replacingOccurrences(of: "next: warm", with: "next: arrival")
        let rules = Set(lintScenario(text).map(\.rule))
        #expect(rules.contains(.noWayOut))
        #expect(rules.contains(.unreachableEnding))
    }
}

/// Seeded random mutations of real content: the loaders, the linter and the condition
/// parser must never crash, and every finding must point into the file. Bounded so it
/// runs in every `make test`; raise ATTUNE_FUZZ_ITERATIONS for a longer run.
@Suite("Fuzzing")
struct FuzzTests {
    static let iterations = ProcessInfo.processInfo.environment["ATTUNE_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 400

    static func corpus() throws -> [SourceText] {
        var sources = [SourceText(path: "Scenarios/visit.yaml", text: exampleScenarioText),
                       SourceText(path: "Knowledge/tenets.yaml", text: exampleKnowledgeText)]
        for folder in [bundledKnowledge, bundledScenarios] {
            for file in try ContentFiles.yamlFiles(in: folder).prefix(4) {
                if case let .success(source) = ContentFiles.read(file) { sources.append(source) }
            }
        }
        return sources
    }

    static let fragments = [":", "- ", "[", "]", "{", "}", "&a ", "*a", "'", "\"", "#", "\t", "\n", "|", ">", "? ", "!!int ",
                            "when: ", "next: ", "chose(", "visited(", " and ", " or ", "not ", "==", ">=", "\u{1B}[2J", "\u{0}",
                            "é", "🙂", "%YAML 1.1\n", "---\n", "...\n", "~", "null"]

    static func mutate(_ text: String, using generator: inout SeededGenerator) -> String {
        var characters = Array(text)
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            guard !characters.isEmpty else { break }
            let at = Int.random(in: 0..<characters.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: characters.remove(at: at)
            case 1: characters.insert(contentsOf: fragments.randomElement(using: &generator)!, at: at)
            case 2:
                let end = min(characters.count, at + Int.random(in: 1...40, using: &generator))
                characters.insert(contentsOf: characters[at..<end], at: at)
            case 3:
                let end = min(characters.count, at + Int.random(in: 1...80, using: &generator))
                characters.removeSubrange(at..<end)
            default: characters[at] = Character(Unicode.Scalar(UInt8.random(in: 32...126, using: &generator)))
            }
        }
        return String(characters)
    }

    @Test("mutated content files never crash the loaders or the linter")
    func contentFiles() throws {
        let corpus = try Self.corpus()
        var generator = SeededGenerator(seed: 20261125)
        let linter = Linter(fallbackKnowledge: exampleKnowledge, stateLimit: 5_000)
        for _ in 0..<Self.iterations {
            let original = corpus.randomElement(using: &generator)!
            let text = Self.mutate(original.text, using: &generator)
            let report = linter.lint(sources: [SourceText(path: original.path, text: text)])
            #expect(locationsAreValid(report.diagnostics, in: text), "\(original.path): \(report.diagnostics.map(\.headline))")
            for diagnostic in report.diagnostics { _ = diagnostic.rendered }
        }
    }

    @Test("random condition text never crashes the parser, and errors point inside it")
    func conditions() {
        var generator = SeededGenerator(seed: 7)
        let pieces = ["trust", "calm", ">=", "<", "==", "!=", "=", "1", "-2", "99999999999999999999", "(", ")", "and", "or",
                      "not", "visited(", "chose(", "a.b", ".", "x-y", "true", "false", " ", "&", "|", "!", "é", ""]
        for _ in 0..<(Self.iterations * 5) {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? " " : "")
            do {
                let condition = try ConditionParser.parse(text)
                #expect(try ConditionParser.parse(condition.description) == condition, "\(text)")
            } catch {
                #expect(error.offset >= 0 && error.offset <= text.unicodeScalars.count, "\(text): \(error)")
            }
        }
    }
}
