import AttuneCatalog
import AttuneCore
@testable import AttuneStore
import Foundation
import Testing
@testable import AttuneShell

/// The record is language-neutral: a learner who switches `--lang` keeps progress and
/// journal, their own words are never translated, and the JSON exports (ids, English keys)
/// are the same whatever the language. The screens of play in Spanish fit the width.
@Suite("Playing in one language and coming back in another")
struct PlayLanguageTests {
    static let englishWords = "I felt the pull to fix it — \"she's fine\", I said. Café 🙂"
    static let spanishWords = "Me costó esperar; Alicia no me miró ni una vez 🌱 ¿por qué?"

    func run(_ input: String, _ language: String, data: String, _ extra: [String] = []) throws -> ProcessResult {
        try runAttune(extra + ["--data-dir", data, "--lang", language], input: input)
    }

    @Test("'attune --lang es' with no command opens the shell in Spanish (it crashed, taking 'es' for a command)")
    func langBeforeNoCommand() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let result = try runAttune(["--lang", "es", "--data-dir", data], input: "progress\nquit\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Tu progreso"))
        #expect(AttuneCommand.firstCommandWord(in: ["--lang", "es"]) == nil)
        #expect(AttuneCommand.firstCommandWord(in: ["--lang", "es", "journal"]) == "journal")
    }

    @Test("progress and journal carry over from English to Spanish and back, the learner's words exactly as typed")
    func switchLanguage() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let english = try run("play maya\n1\nreflect \(Self.englishWords)\nquit\n", "en", data: data)
        #expect(english.stdout.contains("Saved to your journal."))

        let spanish = try run("progress\njournal\nplay maya\nreflect \(Self.spanishWords)\nquit\n", "es", data: data)
        #expect(spanish.stderr.isEmpty, "\(spanish.stderr)")
        #expect(spanish.stdout.contains("Casos terminados: 0 de 11; en curso: 1"))
        #expect(spanish.stdout.contains("Cómo respondieron tus elecciones a la familia (1 elección)"))
        #expect(spanish.stdout.contains("Entrada 1 · "))
        #expect(spanish.stdout.contains(Self.englishWords), "the English reflection is shown as typed, not translated")
        #expect(spanish.stdout.contains("Sigues donde te quedaste (1 elección hasta ahora)."))
        #expect(spanish.stdout.contains("Se guardó en tu diario."))
        #expect(!spanish.stdout.contains("Your progress"))

        let back = try run("progress\njournal\nquit\n", "en", data: data)
        #expect(back.stdout.contains("Cases done: 0 of 11; in progress: 1"))
        #expect(back.stdout.contains(Self.englishWords))
        #expect(back.stdout.contains(Self.spanishWords), "the Spanish reflection is shown as typed, not translated")
        #expect(back.stdout.contains("Entry 2 · "))
    }

    @Test("the JSON exports hold ids and English keys only: the same in both languages; Markdown speaks the language")
    func exports() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        _ = try run("play maya\n1\nreflect \(Self.spanishWords)\nquit\n", "es", data: data)
        let withoutTime = { (text: String) in
            text.replacingOccurrences(of: #""exportedAt" : "[^"]*""#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"#, with: "T", options: .regularExpression)
        }
        let folder = try temporaryDirectory()
        for what in ["journal", "progress"] {
            var json: [String: String] = [:]
            var markdown: [String: String] = [:]
            for language in ["en", "es"] {
                let jsonFile = folder.appendingPathComponent("\(what)-\(language).json").path
                let markdownFile = folder.appendingPathComponent("\(what)-\(language).md").path
                let saved = try run("", language, data: data, [what, "export", jsonFile])
                #expect(saved.status == 0, "\(saved.stderr)")
                _ = try run("", language, data: data, [what, "export", markdownFile])
                json[language] = withoutTime(try String(contentsOfFile: jsonFile, encoding: .utf8))
                markdown[language] = try String(contentsOfFile: markdownFile, encoding: .utf8)
                if language == "es" {
                    #expect(saved.stdout.contains("Se guardó"), "\(saved.stdout)")
                }
            }
            #expect(json["en"] == json["es"], "\(what): the JSON export does not depend on the language")
            #expect(markdown["en"] != markdown["es"])
            if what == "journal" {
                #expect(json["es"]?.contains("\"text\"") == true)
                #expect(markdown["es"]?.hasPrefix("# Diario de Attune") == true)
                #expect(markdown["en"]?.hasPrefix("# Attune journal") == true)
                // The learner's words, fenced and exact, in both.
                #expect(markdown["es"]?.contains("```text\n\(Self.spanishWords)\n```") == true)
                #expect(markdown["en"]?.contains("```text\n\(Self.spanishWords)\n```") == true)
            } else {
                #expect(json["es"]?.contains("\"rating\" : \"attuned\"") == true)
                #expect(markdown["es"]?.contains("| En sintonía | 1 |") == true, "\(markdown["es"] ?? "")")
                #expect(markdown["es"]?.contains("## Caminos") == true)
                #expect(markdown["en"]?.contains("| Attuned | 1 |") == true)
            }
        }
    }

    @Test("the record stores ids and the learner's words, no sentence of Attune's in either language")
    func recordIsNeutral() throws {
        let data = try temporaryDirectory().appendingPathComponent("data")
        _ = try run("play maya\n1\nreflect \(Self.spanishWords)\nback\nrestart\nyes\nquit\n", "es", data: data.path)
        let store = try ProgressStore(directory: data.path)
        let entries = try store.journal()
        #expect(entries.map(\.text) == [Self.spanishWords])
        let log = try store.activityLog(includeDrafts: true)
        let stored = log.playthroughs.map(\.status) + log.choices.map(\.rating.rawValue) + log.choices.map(\.choice)
        for value in stored {
            // Ids: lower-case words joined by hyphens or dots, nothing a person would read as a sentence.
            #expect(value.allSatisfy { $0.isLowercase || $0 == "-" || $0 == "." || $0 == "_" || $0.isNumber }, "\(value)")
        }
    }

    @Test("progress in Spanish never cuts a rating's name, and accessible mode says counts in words")
    func ratingBars() {
        let summary = ProgressSummary(finishedCases: [], inProgressCases: [], endings: [], ratingCounts: [.attuned: 2, .unsafe: 1],
                                      competencies: [:], journalEntries: 0)
        for catalog in [English(), Spanish()] as [any MessageCatalog] {
            for accessible in [false, true] {
                let text = ScenarioRenderer(style: .plain, width: 60, knowledge: KnowledgeBase(), accessible: accessible,
                                            catalog: catalog).progress(summary, scenarios: [:])
                for rating in Rating.allCases { #expect(text.contains(catalog.rating(rating)), "\(text)") }
                if accessible {
                    #expect(text.contains(catalog.language == .spanish ? "Riesgo para la seguridad: 1 de 3" : "Safety concern: 1 of 3"))
                }
            }
        }
    }

    @Test("every learner command in Spanish fits 40, 60 and 100 columns, breaking only between words", arguments: [40, 60, 100])
    func fitsTheWidth(columns: Int) throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let result = try runAttune(["--data-dir", data, "--lang", "es"], input: SelfStudyEndToEndTests.learnerTranscript,
                                   environment: ["COLUMNS": "\(columns)"])
        var overlong: [String] = []
        for line in (result.stdout + result.stderr).split(separator: "\n") {
            let shown = String(line)
            guard TextWidth.of(shown) > columns else { continue }
            if shown.trimmingCharacters(in: .whitespaces).contains(" ") { overlong.append(shown) }
        }
        #expect(overlong.isEmpty, "lines wider than \(columns):\n\(overlong.joined(separator: "\n"))")
        #expect(result.stdout.contains("Se guardó en tu diario."))
    }
}
