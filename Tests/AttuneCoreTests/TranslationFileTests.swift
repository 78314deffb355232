import Foundation
import Testing
@testable import AttuneCore

private let knowledge = KnowledgeLoader.load(sources: [SourceText(path: "Knowledge/tenets.yaml", text: exampleKnowledgeText)]).base

private func visit() throws -> Scenario {
    let loaded = ScenarioLoader.load(sources: [SourceText(path: "Scenarios/visit.yaml", text: exampleScenarioText)], knowledge: knowledge)
    return try #require(loaded.scenarios.first)
}

private let comments = TranslationSkeleton.Comments(header: "Spanish translation of visit.yaml.", stale: { "STALE, now \($0)" })

private func parse(_ text: String, path: String = "Scenarios/visit.es.yaml") -> (file: TranslationFile?, diagnostics: [Diagnostic]) {
    TranslationParser.parse(SourceText(path: path, text: text), kind: .scenario)
}

@Suite("Translation files: names, hashes, reading and the skeleton")
struct TranslationFileTests {
    @Test("from is the first 8 hex digits of the SHA-256 of the UTF-8 text")
    func hash() {
        #expect(TranslationHash.of("A visit") == "f042d64c")
        #expect(TranslationHash.of("depresión materna") == "5c9cb646")
        #expect(TranslationHash.isWellFormed("9F3A1C2E"))
        #expect(!TranslationHash.isWellFormed("9f3a1c2"))
        #expect(!TranslationHash.isWellFormed("9f3a1c2g"))
    }

    @Test("a file is a translation when two lowercase letters come before .yaml")
    func names() throws {
        let name = try #require(TranslationName(fileName: "maya-quiet-visit.es.yaml"))
        #expect(name.sourceName == "maya-quiet-visit.yaml" && name.language == "es")
        #expect(TranslationName(fileName: "safety.es.yml")?.sourceName == "safety.yml")
        for plain in ["maya-quiet-visit.yaml", "tenet.4.yaml", "x.ES.yaml", ".es.yaml", "a.spa.yaml", "notes.txt"] {
            #expect(TranslationName(fileName: plain) == nil, "\(plain)")
        }
        #expect(TranslationName.path(of: "Scenarios/maya.yaml", language: "es") == "Scenarios/maya.es.yaml")
        #expect(TranslationName.sourcePath(of: "Knowledge/safety.es.yaml") == "Knowledge/safety.yaml")
    }

    @Test("the skeleton holds every text with its hash and its English as a comment above an empty text")
    func skeleton() throws {
        let text = EnglishSource.scenario(try visit()).skeleton(language: "es", existing: nil, comments: comments)
        #expect(text.hasPrefix("# Spanish translation of visit.yaml.\ntranslation: visit\nlanguage: es\ntitle:\n  from: f042d64c\n  # A visit\n  text: \"\"\n"))
        #expect(text.contains("""
            nodes:
              arrival:
                text:
                  from: \(TranslationHash.of("You arrive."))
                  # You arrive.
                  text: ""
            """))
        #expect(text.contains("""
                debrief:
                  - from: \(TranslationHash.of("You greeted first."))
                    # You greeted first.
                    text: ""
            """))
        #expect(!text.contains("next:") && !text.contains("rating:") && !text.contains("when:"))
        // It reads back as a translation with nothing translated and nothing wrong.
        let read = parse(text)
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.map(\.headline))")
        let check = EnglishSource.scenario(try visit()).check(read.file)
        #expect(check.total == 11 && check.count(.untranslated) == 11 && check.extras.isEmpty)
    }

    @Test("the skeleton of a knowledge topic names its entries and facts")
    func knowledgeSkeleton() throws {
        let source = SourceText(path: "Knowledge/tenets.yaml", text: exampleKnowledgeText + "\n    facts:\n      ages: Birth to 3\n")
        guard case let .success(english) = EnglishSource.read(source, knowledge: .empty) else { Issue.record("not read"); return }
        let text = english.skeleton(language: "es", existing: nil, comments: comments)
        #expect(text.contains("translation: tenets\nlanguage: es\ntitle:\n  from: "))
        #expect(text.contains("entries:\n  tenet.1:\n    title:\n"))
        #expect(text.contains("    facts:\n      - from: \(TranslationHash.of("Birth to 3"))\n        # Birth to 3\n        text: \"\"\n"))
        let read = TranslationParser.parse(SourceText(path: "Knowledge/tenets.es.yaml", text: text), kind: .knowledge)
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.map(\.headline))")
    }

    @Test("a second extract keeps translated texts and marks stale ones with their old hash")
    func skeletonKeeps() throws {
        let stale = exampleTranslationText.replacingOccurrences(of: "from: \(TranslationHash.of("Flat."))", with: "from: 0badf00d")
        let existing = try #require(parse(stale).file)
        let text = EnglishSource.scenario(try visit()).skeleton(language: "es", existing: existing, comments: comments)
        #expect(text.contains("  from: f042d64c\n  # A visit\n  text: \"Una visita\"\n"))
        #expect(text.contains("      # STALE, now \(TranslationHash.of("Flat."))\n      from: 0badf00d\n      # Flat.\n      text: \"Plano.\"\n"))
        let again = try #require(parse(text).file)
        let check = EnglishSource.scenario(try visit()).check(again)
        #expect(check.count(.translated) == 10 && check.count(.stale) == 1)
    }

    @Test("texts with quotes, backslashes, line breaks and emoji survive the skeleton")
    func quoting() throws {
        let texts = ["Dice \"ya\" y se va\\", "Línea uno\nlínea dos", "Mamá 😊: ¿y tú?"]
        for original in texts {
            let written = "translation: visit\nlanguage: es\ntitle: {from: f042d64c, text: \(TranslationSkeleton.quotedScalar(original))}\n"
            #expect(parse(written).file?.texts[["title"]]?.text == original)
        }
        #expect(TranslationSkeleton.commentLines(String(repeating: "palabra ", count: 40), indent: "").allSatisfy { $0.count <= 102 })
    }

    // MARK: Error paths, each located

    @Test("a translation that is not YAML is a located syntax error")
    func malformed() {
        let read = parse("translation: visit\nlanguage: es\ntitle: {from: f042d64c, text: \"Una visita}\n")
        #expect(read.file == nil)
        #expect(read.diagnostics.map(\.rule) == [.yamlSyntax])
        #expect(read.diagnostics.first?.location.line == 3)
    }

    @Test("an id written twice is reported at the second")
    func duplicateIDs() {
        let text = exampleTranslationText.replacingOccurrences(of: "  flat:\n", with: "  warm:\n")
        let read = parse(text)
        let duplicate = read.diagnostics.first { $0.rule == .duplicateKey }
        let secondLine = text.components(separatedBy: "\n").lastIndex(of: "  warm:")! + 1
        #expect(duplicate?.location == SourceLocation(file: "Scenarios/visit.es.yaml", line: secondLine, column: 3))
    }

    @Test("a language other than the file name's is reported at the language")
    func wrongLanguage() {
        let read = parse(exampleTranslationText.replacingOccurrences(of: "language: es", with: "language: fr"))
        #expect(read.diagnostics.map(\.message) == [.translation(.wrongLanguage(written: "fr", fileName: "es"))])
        #expect(read.diagnostics.first?.location == SourceLocation(file: "Scenarios/visit.es.yaml", line: 2, column: 11))
    }

    @Test("a hash that is not 8 hex digits is reported, and the text counts as untranslated")
    func badHash() throws {
        for bad in ["9f3a", "zzzzzzzz", "f042d64c1"] {
            let read = parse(exampleTranslationText.replacingOccurrences(of: "from: f042d64c", with: "from: \(bad)"))
            #expect(read.diagnostics.map(\.message) == [.translation(.badHash(written: bad))])
            #expect(read.diagnostics.first?.location == SourceLocation(file: "Scenarios/visit.es.yaml", line: 3, column: 15))
            #expect(read.file?.texts[["title"]] == nil)
        }
    }

    @Test("shapes the format does not have are each reported where they are")
    func shapes() {
        let cases: [(String, String, TranslationMessage, Int)] = [
            ("title: {from: f042d64c, text: \"Una visita\"}", "title: Una visita", .notATextBlock(path: "title", found: .text("Una visita")), 3),
            ("title: {from: f042d64c, text: \"Una visita\"}", "title: {text: \"Una visita\"}", .missingHash(path: "title"), 3),
            ("language: es\n", "language: es\nstart: arrival\n", .notTranslatable("start"), 3),
            ("language: es\n", "language: es\ntitel: {from: f042d64c, text: x}\n", .unknownKey("titel", path: "", suggestion: "title"), 3),
            ("  flat:\n    text: {from: \(TranslationHash.of("Flat.")), text: \"Plano.\"}", "  flat: [Plano]",
             .notABlock(path: "nodes.flat", found: .list), 20),
        ]
        for (old, new, message, line) in cases {
            let text = exampleTranslationText.replacingOccurrences(of: old, with: new)
            let found = parse(text).diagnostics.filter { $0.rule == .translationFormat }
            #expect(found.map(\.message).contains(.translation(message)), "\(new): \(found.map(\.headline))")
            #expect(found.first?.location.line == line, "\(new)")
        }
    }

    @Test("translation and language are required")
    func requiredKeys() {
        let read = parse("title: {from: f042d64c, text: Una visita}\n")
        #expect(Set(read.diagnostics.map(\.message)) == [.translation(.missingKey("translation")), .translation(.missingKey("language"))])
    }

    // MARK: Loaders never take a translation for a case

    @Test("a folder with a translation still lists one case, and lint of it is clean")
    func listing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-translation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try exampleScenarioText.write(to: folder.appendingPathComponent("visit.yaml"), atomically: true, encoding: .utf8)
        try exampleTranslationText.write(to: folder.appendingPathComponent("visit.es.yaml"), atomically: true, encoding: .utf8)
        let listing = try ContentFiles.list(directory: folder.path)
        #expect(listing.files.map { ($0 as NSString).lastPathComponent } == ["visit.yaml"])
        #expect(listing.translations.map { ($0 as NSString).lastPathComponent } == ["visit.es.yaml"])
        let loaded = try ScenarioLoader.load(directory: folder.path, knowledge: knowledge)
        #expect(loaded.scenarios.count == 1 && loaded.diagnostics.isEmpty)
        let report = try Linter(fallbackKnowledge: knowledge).lint(paths: [folder.path])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.headline))")
        #expect(report.filesChecked == 2)
    }
}

@Suite("Translated lists: items matched by their English, then by place")
struct TranslatedListTests {
    private func check(english: [String], items: [(String, String)]) -> TranslationCheck {
        var file = TranslationFile(path: "Scenarios/visit.es.yaml", kind: .scenario, language: "es")
        let here = SourceLocation(file: file.path, line: 1, column: 1)
        file.lists[["content-warnings"]] = items.map { TranslatedText(from: $0.0, text: $0.1, location: here) }
        var scenario = ScenarioLoader.load(sources: [SourceText(path: "Scenarios/visit.yaml", text: exampleScenarioText)],
                                           knowledge: KnowledgeLoader.load(sources: [SourceText(path: "Knowledge/tenets.yaml",
                                                                                                 text: exampleKnowledgeText)]).base).scenarios[0]
        scenario.contentWarnings = english
        return TranslationCheck.apply(file, to: scenario).check
    }

    @Test("an item added to the English list leaves the others current; the new one is untranslated")
    func inserted() {
        let found = check(english: ["a", "new", "c"], items: [(TranslationHash.of("a"), "A"), (TranslationHash.of("c"), "C")])
            .entries.filter { $0.path.first == "content-warnings" }
        #expect(found.map(\.state) == [.translated, .untranslated, .translated])
        #expect(found.map { $0.translation?.text } == ["A", nil, "C"])
    }

    @Test("an item whose English changed is stale in its place; one the English no longer has is reported")
    func changedAndRemoved() {
        let result = check(english: ["a", "b changed"], items: [(TranslationHash.of("a"), "A"), (TranslationHash.of("b"), "B"),
                                                                (TranslationHash.of("gone"), "Ido")])
        #expect(result.entries.filter { $0.path.first == "content-warnings" }.map(\.state) == [.translated, .stale])
        #expect(result.extras.count == 1)
        if case let .noEnglish(path, _) = result.extras.first { #expect(path == ["content-warnings", "#2"]) }
    }
}
