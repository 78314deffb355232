import AttuneCatalog
import AttuneCore
import Foundation
import Testing

/// One sample of every `CohortText` case (the cohort report's area of the catalog), with the
/// counts that change a sentence's form (0, 1, many) where a case has one.
enum CohortSamples {
    static let march = Date(timeIntervalSince1970: 1_803_859_200)  // 2027-03-01
    static let april = Date(timeIntervalSince1970: 1_806_537_600)  // 2027-04-01

    static let report: [CohortText.Report] = [
        .title(cohort: "spring-2027"), .title(cohort: nil), .sourceLRS(address: "https://lrs.example.org/xAPI/"),
        .sourceFiles(count: 1), .sourceFiles(count: 4),
        .period(since: march, until: april, earliest: march, latest: april), .period(since: march, until: nil, earliest: nil, latest: nil),
        .period(since: nil, until: april, earliest: march, latest: march), .period(since: nil, until: nil, earliest: nil, latest: nil),
        .statementsCounted(read: 1, counted: 1), .statementsCounted(read: 4212, counted: 0),
        .nothingSkipped, .learnersInCohort(1), .learnersInCohort(3), .headingDiscussion, .discussionIntro, .noDiscussionPoints,
        .headingCases, .noCases, .caseStartedFinished(started: 1, finished: 0, of: 1), .caseStartedFinished(started: 3, finished: 2, of: 5),
        .endingReached(.hopeful, summary: "Alicia sonríe.", count: 1), .endingReached(.mixed, summary: "Alicia duda.", count: 2),
        .endingReached(.concerning, summary: "La puerta se cierra.", count: 3), .endingReached(nil, summary: "", count: 1),
        .endingReached(nil, summary: "", count: 4), .headingOtherDecisions,
        .decisionCounts(learners: 1, answers: 1), .decisionCounts(learners: 3, answers: 5), .missedOrUnsafe(1, of: 3),
        .missedOrUnsafe(2, of: 3), .optionLearners(1, of: 3), .optionLearners(0, of: 0),
        .knowledgeLink(title: "Temperamento", id: "temperament"), .readMore, .asked("¿Qué haces primero?"), .headingLearners,
        .noCompetencies, .headingCompetencies, .competencyExercised(learners: 0, of: 3), .competencyExercised(learners: 1, of: 1),
        .competencyExercised(learners: 2, of: 3), .headingReflections, .reflectionsLeftOut(1), .reflectionsLeftOut(3),
        .reflectionsNoneWithText, .headingAbout, .chartCaption,
    ] + CohortText.Skip.allCases.flatMap { [.skipped($0, count: 1), .skipped($0, count: 3)] }
        + CohortText.Column.allCases.map(CohortText.Report.column)

    static let command: [CohortText.Command] = [
        .progress(pages: 1, statements: 1), .progress(pages: 3, statements: 2500),
        .wrote(path: "cohorte.html", learners: 1, statements: 1), .wrote(path: "cohorte.md", learners: 3, statements: 10),
        .stopped(path: "informe zoë 👶.md"),
        .needsReportFile, .lrsNeedsCohort, .lrsNeedsReportFile, .lrsOnlyReportFile, .filesThenReport,
        .needsExtension(path: "out.txt"), .needsDay(option: "--since"), .sinceBeforeUntil, .timeoutRange, .pageSizeRange,
        .cannotRender(format: "json", reason: "disco lleno"), .shellUsage, .shellNoPasswordOption(variable: "ATTUNE_LRS_PASSWORD"),
        .shellPasswordFromEnvironment(variable: "ATTUNE_LRS_PASSWORD"),
    ]

    static let name: [CohortText.Name] = [.empty, .tooLong(length: 70, maximum: 64), .notAllowed(shown: "primavera 2027")]

    static let file: [CohortText.File] = [
        .missing(path: "ana.jsonl"), .folder(path: "entregas"), .cannotOpen(path: "ana.jsonl"),
        .cannotFinish(path: "ana.jsonl", reason: "Error de entrada/salida"),
    ]

    static var all: [CohortText] {
        report.map(CohortText.report) + command.map(CohortText.command) + name.map(CohortText.name) + file.map(CohortText.file)
    }
}

/// English words a Spanish cohort sentence never needs, on top of the catalog's common ones
/// (`EnglishDetector` in CatalogTests.swift).
enum CohortEnglish {
    static let words: Set<String> = EnglishDetector.words.union([
        "report", "cohort", "learner", "learners", "statement", "statements", "read", "counted", "practised", "answered",
        "started", "finished", "reached", "once", "times", "asked", "discussion", "workshop", "response", "rating", "competency",
        "competencies", "exercised", "reflection", "reflections", "written", "give", "name", "needs", "folder", "could",
        "opened", "about", "other", "each", "every", "from", "wrote", "page", "pages", "reading", "day", "days", "before",
        "after", "missed", "cue", "unsafe", "hopeful", "mixed", "concerning", "december", "march", "april", "yet",
    ])

    /// The English words found outside quotes, with this longer list; options (`--include-reflections`)
    /// are commands, written as they are typed, and left alone.
    static func words(in text: String) -> [String] {
        let withoutOptions = text.replacingOccurrences(of: "--[a-z][a-z-]*", with: " ", options: .regularExpression)
        return EnglishDetector.englishWords(in: withoutOptions, words: words)
    }
}

@Suite("The cohort report's catalog")
struct CohortCatalogTests {
    let spanish = Spanish()
    let english = English()

    @Test("every cohort sentence in Spanish holds no English word outside quotes")
    func noEnglishInSpanish() {
        for text in CohortSamples.all {
            let words = spanish.cohort(text)
            #expect(CohortEnglish.words(in: words).isEmpty, "\(text): \(words)")
        }
    }

    @Test("every cohort sentence reads differently in Spanish, and the detector catches the English")
    func translated() {
        // The same in both: numbers alone.
        let alike: Set<CohortText> = [.report(.optionLearners(0, of: 0))]
        for text in CohortSamples.all where !alike.contains(text) {
            #expect(spanish.cohort(text) != english.cohort(text), "\(text)")
        }
        let caught = CohortSamples.all.filter { !CohortEnglish.words(in: english.cohort($0)).isEmpty }.count
        #expect(caught * 10 >= CohortSamples.all.count * 8, "the detector sees English in most English sentences")
    }

    @Test("counts agree with their words in Spanish, and large ones are grouped")
    func plurals() {
        func say(_ words: CohortText.Report) -> String { spanish.cohort(.report(words)) }
        #expect(say(.learnersInCohort(1)) == "1 persona practicó.")
        #expect(say(.learnersInCohort(3)) == "3 personas practicaron.")
        #expect(say(.statementsCounted(read: 4212, counted: 1)) == "4,212 declaraciones leídas; 1 contada.")
        #expect(say(.skipped(.duplicate, count: 1)) == "1 declaración era una copia de una declaración ya contada: no se contó.")
        #expect(say(.skipped(.duplicate, count: 2)) == "2 declaraciones eran copias de declaraciones ya contadas: no se contaron.")
        #expect(say(.endingReached(.hopeful, summary: "Alicia sonríe.", count: 1)) == "Un final esperanzador, alcanzado una vez: Alicia sonríe.")
        #expect(say(.endingReached(.concerning, summary: "Se va.", count: 2)) == "Un final preocupante, alcanzado 2 veces: Se va.")
        #expect(say(.missedOrUnsafe(1, of: 3)).hasPrefix("1 de 3 no captó la señal o eligió"))
        #expect(say(.reflectionsLeftOut(1)).hasPrefix("Se escribió 1 reflexión;"))
        #expect(spanish.cohort(.command(.progress(pages: 1, statements: 2500))) == "Leyendo la cohorte: 1 página, 2,500 declaraciones…")
        #expect(spanish.cohort(.command(.stopped(path: "informe zoë 👶.md")))
                == "Se dejó de leer la cohorte del LRS: no se escribió nada en informe zoë 👶.md.")
        #expect(english.cohort(.command(.stopped(path: "report.md"))) == "Stopped reading the cohort from the LRS: nothing was written to report.md.")
    }

    @Test("dates are days in UTC, in each language's words")
    func dates() {
        let period = CohortText.report(.period(since: CohortSamples.march, until: CohortSamples.april,
                                               earliest: CohortSamples.march, latest: CohortSamples.march))
        #expect(english.cohort(period) == "Asked for 1 March 2027 up to 1 April 2027. The practice counted ran from 1 March 2027 to 1 March 2027.")
        #expect(spanish.cohort(period) == "Se pidió del 1 de marzo de 2027 hasta el 1 de abril de 2027. "
                + "La práctica contada fue del 1 de marzo de 2027 al 1 de marzo de 2027.")
        // Late on the last day of the year in UTC is still that day, wherever the tests run.
        let lastMinute = CohortText.report(.period(since: nil, until: nil, earliest: Date(timeIntervalSince1970: 1_830_297_599),
                                                   latest: Date(timeIntervalSince1970: 1_830_297_599)))
        #expect(spanish.cohort(lastMinute) == "La práctica contada fue del 31 de diciembre de 2027 al 31 de diciembre de 2027.")
    }

    @Test("what the trainer or the content wrote is carried as written")
    func carried() {
        #expect(spanish.cohort(.report(.title(cohort: "Café-2027"))).hasSuffix("Café-2027"))
        #expect(spanish.cohort(.report(.knowledgeLink(title: "Sueño seguro", id: "safe-sleep"))) == "Sueño seguro (en Attune: show safe-sleep)")
        #expect(spanish.cohort(.name(.notAllowed(shown: "it's 🌱"))).hasPrefix("'it's 🌱' no puede ser"))
        #expect(spanish.cohort(.file(.folder(path: "entregas"))).contains("entregas/*.jsonl"))
        // A folder typed with its slash, or the root, gets one slash before the pattern.
        #expect(english.cohort(.file(.folder(path: "./"))).contains("(for example ./*.jsonl)"))
        #expect(spanish.cohort(.file(.folder(path: "entregas//"))).contains("(por ejemplo entregas/*.jsonl)"))
        #expect(english.cohort(.file(.folder(path: "/"))).contains("(for example /*.jsonl)"))
    }
}
