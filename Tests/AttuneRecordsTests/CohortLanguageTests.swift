import AttuneCatalog
import AttuneCore
@testable import AttuneRecords
@testable import AttuneStore
import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
/// The bundled content in Spanish, as `attune --lang es cohort report` loads it.
private let spanishLibrary = try? ContentLibrary.load(knowledgeDirectory: root.appendingPathComponent("Knowledge").path,
                                                     scenarioDirectory: root.appendingPathComponent("Scenarios").path, language: "es")
private let t0 = Date(timeIntervalSince1970: 1_803_891_600)  // 2027-03-01 09:00 UTC

/// A learner's statements for Maya's visit: the given (node, choice) answers a minute apart.
private func maya(_ learner: String, _ answers: [(String, String)], scenarios: [Scenario]) -> [[String: Any]] {
    let scenario = scenarios.first { $0.id == "maya-quiet-visit" }!
    let choices = answers.enumerated().map { step, answer in
        let rating = scenario.node(answer.0)?.choices.first { $0.id == answer.1 }?.rating ?? .missed
        return ActivityLog.Choice(id: Int64(step + 1), playthrough: 1, step: step, node: answer.0, choice: answer.1,
                                  rating: rating, competencies: [], madeAt: t0.addingTimeInterval(Double(60 * (step + 1))))
    }
    let playthrough = ActivityLog.Playthrough(id: 1, scenarioID: "maya-quiet-visit", origin: "bundled", startedAt: t0, status: "playing",
                                              ending: nil, endingKind: nil, finishedAt: nil)
    let builder = XAPIStatements(account: LearnerAccount(name: learner), includeReflections: false, scenarios: scenarios,
                                 cohort: "spring-2027")
    return builder.statements(from: ActivityLog(playthroughs: [playthrough], choices: choices, journal: []))
}

/// Ana greets both, Ben and Cleo miss the cue; a line that is no statement is skipped.
private func report(_ library: ContentLibrary) -> CohortReport {
    var tally = CohortTally(scenarios: library.scenarios, knowledge: library.knowledge, options: .init(cohort: "spring-2027"))
    let statements: [Any] = maya("ana", [("fifth-visit", "greet-both")], scenarios: library.scenarios)
        + maya("ben", [("fifth-visit", "easy-baby")], scenarios: library.scenarios)
        + maya("cleo", [("fifth-visit", "easy-baby")], scenarios: library.scenarios) + ["not a statement"]
    for statement in statements { tally.add(statement) }
    return tally.report(source: .files(count: 2))
}

@Suite("Cohort report: in each language")
struct CohortLanguageTests {
    @Test("the Markdown report in Spanish: every heading, sentence, label and rating word from the catalog")
    func markdownInSpanish() throws {
        let library = try #require(spanishLibrary)
        let text = CohortMarkdown.render(report(library), catalog: Spanish())
        for line in ["# Informe de la cohorte: spring-2027", "## Plan de conversación para el siguiente taller", "## Casos practicados",
                     "## Cada persona", "## Competencias puestas en práctica", "## Reflexiones", "## Sobre este informe",
                     "Se leyó de 2 archivos exportados. La práctica contada fue del 1 de marzo de 2027 al 1 de marzo de 2027.",
                     "| Respuesta | Calificación | Personas |", "| No captó la señal | 2 de 3 |",
                     "3 personas respondieron. 2 de 3 no captaron la señal o eligieron una respuesta con riesgo para la seguridad.",
                     "- 1 declaración no se pudo leer en absoluto (no es una declaración): no se contó."] {
            #expect(text.contains(line), "\(line)")
        }
        // The case's own words come from its Spanish translation.
        #expect(text.contains("### 1. Maya, cuatro meses"))
        for english in ["Cohort report", "Discussion plan", "Missed the cue", "learners", "statement", "Asked:", "December", "March"] {
            #expect(!text.contains(english), "\(english)")
        }
    }

    @Test("the HTML page in Spanish says so in its lang attribute, and its tables, key and headings are Spanish")
    func htmlInSpanish() throws {
        let library = try #require(spanishLibrary)
        let html = CohortHTML.render(report(library), catalog: Spanish())
        #expect(html.contains("<html lang=\"es\">"))
        #expect(html.contains("<title>Informe de la cohorte: spring-2027</title>"))
        #expect(html.contains("<h2 id=\"plan\">Plan de conversación para el siguiente taller</h2>"))
        #expect(html.contains("<p class=\"legend\">El largo de cada barra muestra las primeras respuestas; el patrón indica la calificación.</p>"))
        #expect(html.contains("<th scope=\"col\" class=\"number\">Riesgo para la seguridad</th>"))
        #expect(!html.contains("Attuned") && !html.contains("Learner") && !html.contains("lang=\"en\""))
        // English stays the default, for the callers that give no catalog.
        #expect(CohortHTML.render(report(library)).contains("<html lang=\"en\">"))
    }

    @Test("the report's format renders in the catalog given; JSON keeps its keys and values whatever the language")
    func formats() throws {
        let library = try #require(spanishLibrary)
        let model = report(library)
        #expect(try CohortFormat.markdown.render(model, catalog: Spanish()).hasPrefix("# Informe de la cohorte"))
        #expect(try CohortFormat.json.render(model, catalog: Spanish()) == CohortJSON.render(model))
        #expect(try CohortFormat.json.render(model).contains("\"statementsCounted\""))
    }

    @Test("a cohort name that cannot be used is a typed reason, said in each language")
    func names() {
        func problem(_ name: String) -> CohortText.Name? {
            if case .failure(let error) = CohortName.check(name) { return error.text }
            return nil
        }
        #expect(problem("  ") == .empty)
        #expect(problem(String(repeating: "a", count: 65)) == .tooLong(length: 65, maximum: 64))
        #expect(problem("primavera 2027") == .notAllowed(shown: "primavera 2027"))
        #expect(problem("spring-2027") == nil)
        let spanish = Spanish().cohort(.name(.notAllowed(shown: "primavera 2027")))
        #expect(spanish.hasPrefix("'primavera 2027' no puede ser el nombre de una cohorte"))
        guard case .notAllowed(let shown) = problem("x\u{1B}[2J") else {
            Issue.record("an escape sequence was accepted")
            return
        }
        #expect(!shown.contains("\u{1B}"), "the name is made safe to show")
    }

    @Test("a learner's file that cannot be read is a typed reason naming the path")
    func files() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var tally = CohortTally(scenarios: [], knowledge: .empty, options: .init())
        let missing = directory.appendingPathComponent("ana.jsonl").path
        #expect(throws: CohortFileError(text: .missing(path: missing))) { try CohortFiles.read([missing], into: &tally) }
        #expect(throws: CohortFileError(text: .folder(path: directory.path))) { try CohortFiles.read([directory.path], into: &tally) }
        if getuid() != 0 {
            let locked = directory.appendingPathComponent("locked.jsonl")
            try Data("{}\n".utf8).write(to: locked)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
            #expect(throws: CohortFileError(text: .cannotOpen(path: locked.path))) { try CohortFiles.read([locked.path], into: &tally) }
        }
        // A file that opens but cannot be read (Linux's /proc/self/mem fails at its first byte): the system's words are kept.
        if FileManager.default.fileExists(atPath: "/proc/self/mem") {
            do {
                try CohortFiles.read(["/proc/self/mem"], into: &tally)
                Issue.record("/proc/self/mem was read")
            } catch {
                guard case let .cannotFinish(path, reason) = error.text else {
                    Issue.record("\(error)")
                    return
                }
                #expect(path == "/proc/self/mem" && !reason.isEmpty)
                #expect(Spanish().cohort(.file(error.text)).hasPrefix("No se pudo leer /proc/self/mem hasta el final ("))
            }
        }
        #expect(Spanish().cohort(.file(.missing(path: missing))) == "No hay ningún archivo en \(missing). Revisa el nombre, o indica la carpeta donde está.")
    }

    @Test("every reason a statement is skipped has its own words")
    func skips() {
        let texts = CohortSkip.allCases.map(\.text)
        #expect(Set(texts).count == CohortSkip.allCases.count)
        #expect(Set(texts) == Set(CohortText.Skip.allCases))
    }
}
