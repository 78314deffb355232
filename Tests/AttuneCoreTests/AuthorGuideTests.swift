import Foundation
import Testing
@testable import AttuneCore

// Keeps the authors' guides (docs/authoring.md, docs/knowledge.md) in step with the loaders:
// every field a loader reads is shown in its guide, and every complete example in a guide
// loads, lints and tests clean against the bundled knowledge base.

/// The package root: this file is Tests/AttuneCoreTests/AuthorGuideTests.swift.
private let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
}()

private func contents(_ relativePath: String) throws -> String {
    try String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
}

/// A fenced code block in a Markdown file: its language word, its text, and the line of the
/// guide its first text line is on.
private struct FencedBlock: CustomStringConvertible {
    let language: String
    let text: String
    let line: Int
    let guide: String

    var description: String { "the \(language.isEmpty ? "code" : language) block at \(guide):\(line)" }

    /// The first line that is neither blank nor a comment.
    var firstKeyLine: String? {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The value of a top-level `key:` on the first line, when the block starts with that key.
    func leadingValue(of key: String) -> String? {
        guard let line = firstKeyLine, line.hasPrefix(key + ":") else { return nil }
        return line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
    }
}

private func fencedBlocks(in markdown: String, guide: String) -> [FencedBlock] {
    var blocks: [FencedBlock] = []
    var open: (language: String, start: Int, lines: [String])?
    for (index, line) in markdown.components(separatedBy: "\n").enumerated() {
        if var current = open {
            if line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append(FencedBlock(language: current.language, text: current.lines.joined(separator: "\n") + "\n",
                                          line: current.start, guide: guide))
                open = nil
            } else {
                current.lines.append(line)
                open = current
            }
        } else if line.hasPrefix("```") {
            open = (String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), index + 2, [])
        }
    }
    return blocks
}

private func matches(of pattern: String, in text: String, options: NSRegularExpression.Options = []) -> [String] {
    guard let expression = try? NSRegularExpression(pattern: pattern, options: options) else {
        Issue.record("bad pattern \(pattern)")
        return []
    }
    return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
        Range(match.range(at: 1), in: text).map { String(text[$0]) }
    }
}

/// The field names a loader's source reads, found in its text so that a field added to the
/// loader is noticed here without touching this test: the string literals passed as the
/// field to the reader's typed reads (`reader.text(fields, "title", ...)`, `textList`,
/// `list`, `requireField`, `textPairs`, `counters`), looked up by subscript
/// (`fields["when"]`), or listed as allowed keys (`static let nodeKeys = [...]`).
private func fieldNames(inLoaderSource source: String) -> Set<String> {
    var names = Set(matches(of: #"\b(?:text|textList|list|requireField|textPairs|counters)\(\s*[A-Za-z_.]+\s*,\s*"([a-z][a-z-]*)""#,
                            in: source))
    names.formUnion(matches(of: #"(?<=[\w?\])])\[\s*"([a-z][a-z-]*)"\s*\]"#, in: source))
    for list in matches(of: #"static\s+let\s+\w*[Kk]eys\s*=\s*\[([^\]]*)\]"#, in: source) {
        names.formUnion(matches(of: #""([a-z][a-z-]*)""#, in: list))
    }
    return names
}

/// The keys a guide shows: `key:` in inline code anywhere, and `key:` at the start of a line
/// (after indentation and an optional list dash) inside any fenced block.
private func documentedKeys(in markdown: String, guide: String) -> Set<String> {
    var keys = Set(matches(of: #"`([a-z][a-z-]*):"#, in: markdown))
    for block in fencedBlocks(in: markdown, guide: guide) {
        keys.formUnion(matches(of: #"^[ ]*(?:-[ ]+)?([a-z][a-z-]*):(?:[ ]|$)"#, in: block.text, options: .anchorsMatchLines))
    }
    return keys
}

private let bundledKnowledgeFolder = packageRoot.appendingPathComponent("Knowledge").path

@Suite("Author guides")
struct AuthorGuideTests {
    let authoring: String
    let knowledgeGuide: String
    let knowledge: KnowledgeBase

    init() throws {
        authoring = try contents("docs/authoring.md")
        knowledgeGuide = try contents("docs/knowledge.md")
        knowledge = try KnowledgeLoader.load(directory: bundledKnowledgeFolder).base
    }

    @Test("every field the scenario loader reads is shown as a key in docs/authoring.md")
    func scenarioFieldsDocumented() throws {
        let fields = fieldNames(inLoaderSource: try contents("Sources/AttuneCore/Scenarios/ScenarioLoader.swift"))
        // If the loader is rewritten so that these patterns no longer find its fields, say so
        // rather than pass with nothing to check.
        #expect(fields.isSuperset(of: ["scenario", "nodes", "choices", "when", "baby", "debrief-includes"]),
                "found only \(fields.sorted()) in ScenarioLoader.swift; update fieldNames(inLoaderSource:)")
        let missing = fields.subtracting(documentedKeys(in: authoring, guide: "docs/authoring.md"))
        #expect(missing.isEmpty, "docs/authoring.md never shows these scenario fields as `key:`: \(missing.sorted())")
    }

    @Test("every field the knowledge loader reads is shown as a key in docs/knowledge.md")
    func knowledgeFieldsDocumented() throws {
        let fields = fieldNames(inLoaderSource: try contents("Sources/AttuneCore/Knowledge/KnowledgeLoader.swift"))
        #expect(fields.isSuperset(of: ["topic", "entries", "id", "facts", "sources", "see", "tags"]),
                "found only \(fields.sorted()) in KnowledgeLoader.swift; update fieldNames(inLoaderSource:)")
        let missing = fields.subtracting(documentedKeys(in: knowledgeGuide, guide: "docs/knowledge.md"))
        #expect(missing.isEmpty, "docs/knowledge.md never shows these knowledge fields as `key:`: \(missing.sorted())")
    }

    @Test("every complete case in docs/authoring.md lints clean and passes its own tests")
    func completeCasesLintClean() throws {
        let cases = fencedBlocks(in: authoring, guide: "docs/authoring.md")
            .filter { $0.language == "yaml" && $0.leadingValue(of: "scenario") != nil }
        #expect(!cases.isEmpty, "docs/authoring.md has no complete case (a yaml block starting with 'scenario:')")
        let linter = Linter(fallbackKnowledge: knowledge)
        for block in cases {
            let id = try #require(block.leadingValue(of: "scenario"))
            let source = SourceText(path: "Scenarios/\(id).yaml", text: block.text)
            let report = linter.lint(sources: [source])
            #expect(report.diagnostics.map(\.rendered) == [], "\(block)")
            let loaded = ScenarioLoader.parse(source, knowledge: knowledge)
            let scenario = try #require(loaded.scenario, "\(block) did not load")
            for outcome in ScenarioTestRunner.run(scenario) {
                #expect(outcome.passed, "\(block), test '\(outcome.test)': \(outcome.failures.map(\.english).joined(separator: "; "))")
            }
        }
    }

    @Test("every complete topic in docs/knowledge.md loads clean beside the bundled knowledge")
    func completeTopicsLoadClean() throws {
        let topics = fencedBlocks(in: knowledgeGuide, guide: "docs/knowledge.md")
            .filter { $0.language == "yaml" && $0.leadingValue(of: "topic") != nil }
        #expect(!topics.isEmpty, "docs/knowledge.md has no complete topic (a yaml block starting with 'topic:')")
        let bundled = try ContentFiles.readAll(ContentFiles.yamlFiles(in: bundledKnowledgeFolder)).sources
        for block in topics {
            let topic = try #require(block.leadingValue(of: "topic"))
            let path = "docs/knowledge.md/\(topic).yaml"
            #expect(!bundled.contains { fileStem($0.path) == topic },
                    "\(block) reuses the bundled topic '\(topic)'; an example needs a topic of its own")
            // Alongside the bundled topics, so that its `see:` links can name their entries.
            let result = KnowledgeLoader.load(sources: bundled + [SourceText(path: path, text: block.text)])
            #expect(result.diagnostics.filter { $0.location.file == path }.map(\.rendered) == [], "\(block)")
            #expect(result.base.topics.contains { $0.id == topic }, "\(block) did not load")
        }
    }

    @Test("every yaml block in the guides, fragments included, is well-formed YAML")
    func fragmentsAreYAML() {
        let blocks = fencedBlocks(in: authoring, guide: "docs/authoring.md")
            + fencedBlocks(in: knowledgeGuide, guide: "docs/knowledge.md")
        for block in blocks where block.language == "yaml" {
            if let diagnostic = YAMLComposer.compose(SourceText(path: "\(block)", text: block.text)).diagnostics.first {
                Issue.record("\(block) is not valid YAML (show a mistake in a ```text block): \(diagnostic.headline)")
            }
        }
    }

    @Test("every when: and assumes: in the guide's yaml blocks is a well-formed condition")
    func conditionsParse() {
        for block in fencedBlocks(in: authoring, guide: "docs/authoring.md") where block.language == "yaml" {
            for key in ["when", "assumes"] {
                for condition in matches(of: #"^[ ]*(?:-[ ]+)?"# + key + #":[ ]+(.+)$"#, in: block.text, options: .anchorsMatchLines) {
                    do {
                        _ = try ConditionParser.parse(condition)
                    } catch {
                        Issue.record("\(block): '\(key): \(condition)' does not parse: \(error.message)")
                    }
                }
            }
        }
    }

    @Test("docs/authoring.md names every rating, ending kind and comparison")
    func fixedWordsDocumented() {
        let words = Rating.allCases.map(\.rawValue) + EndingKind.allCases.map(\.rawValue)
            + Condition.ComparisonOperator.allCases.map(\.rawValue)
        let missing = words.filter { !authoring.contains("`\($0)`") }
        #expect(missing.isEmpty, "docs/authoring.md never shows \(missing) in backticks")
    }

    @Test("docs/knowledge.md lists every canonical id that cases rely on")
    func canonicalIDsListed() {
        let missing = canonicalIDs.filter { !knowledgeGuide.contains("`\($0)`") }
        #expect(missing.isEmpty, "docs/knowledge.md does not list \(missing)")
    }
}
