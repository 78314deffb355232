import AttuneCatalog
import AttuneCore
import Testing

/// Every sentence of playing a case, the journal and the exports (`PlayText`), rendered in
/// Spanish and checked with `EnglishDetector` (CatalogTests.swift, same word list).
enum PlaySamples {
    static let title = "Una visita tranquila"
    static let kinds: [EndingKind?] = [nil] + EndingKind.allCases.map { Optional.some($0) }
    static let endings: [PlayText] = kinds.flatMap { kind -> [PlayText] in
        [.endingKind(kind), .endingLine(title: title, kind: kind, at: "2026-12-06 10:00"), .export(.reached(kind))]
    }
    static let counts: [PlayText] = [0, 1, 3].flatMap { count -> [PlayText] in
        [.resumed(choices: count), .choosingHint(count: max(1, count)), .choiceCount(count), .journalEntries(count),
         .draftsNotCounted(count), .casesDone(done: 1, of: 9, inProgress: count)]
    }
    static let kindsOf: [PlayText] = PlayText.CaseStatus.allCases.map { PlayText.status($0) }
        + PlayText.Perspective.allCases.map { PlayText.perspective($0) }
    static let play: [PlayText] = kindsOf + endings + counts + others
    static let others: [PlayText] = [
            .noCases, .minutesFor(minutes: 12, audience: "Visitas al hogar"), .listHint(example: "maya"), .listHint(example: nil),
            .contentNote(topics: "duelo"), .playNeedsCase, .alreadyOpen(title: title, moment: 3, groupSession: nil),
            .alreadyOpen(title: title, moment: 3, groupSession: "2"), .severalCasesFit(query: "ma"),
            .noSuchCase(query: "mya", guess: "maya"), .noSuchCase(query: "zz", guess: nil), .openElsewhere(title: title),
            .playingFromFile, .changed(kept: 2, stored: 5), .facilitatorNotesHint,
            .cannotOpen(path: "/tmp/x.yaml", reason: "no existe el archivo"), .severalCasesInFile(path: "/tmp/x.yaml"),
            .fileHasErrors(path: "/tmp/x.yaml"), .couldNotSave(problem: "disco lleno"), .reflect(prompt: "¿Qué notaste?"),
            .reflectHint(groupNote: true), .reflectHint(groupNote: false), .gap, .choicesReminder,
            .worksInsideCase(command: "why"), .chooseNeedsNumber, .noSuchChoice(selector: "7", count: 3), .caseHasEnded,
            .stuck, .changedUnderYou, .readMore, .noFeedbackYet, .atStart, .backInGroup, .back(fromEnding: true),
            .back(fromEnding: false), .left(title: title, playName: "maya"), .left(title: title, playName: nil),
            .leftGroup(title: title, session: 4, votesKept: true), .leftGroup(title: title, session: 4, votesKept: false),
            .restartQuestion(title: title), .carryOn, .restarting(title: title, groupPass: true),
            .restarting(title: title, groupPass: false), .endsHere, .debrief, .yourPath, .competenciesExercised,
            .toClose(prompt: "¿Qué te llevas?"), .endingHint, .yourProgress, .endingsReached, .howChoicesMet,
            .competencyProfile, .competencyProfileNote, .anAreaOfPractice, .countOf(count: 3, total: 12), .nothingPlayedYet,
            .progressUsage, .progressUnavailable, .couldNotReadProgress(problem: "disco lleno"),
        ]

    static let journalCounts: [JournalText] = [0, 1, 2].flatMap { count -> [JournalText] in
        let hits = max(1, count)
        let words: [String] = Array(["biberón", "noche"].prefix(hits))
        let numbers: [Int64] = Array([3, 7].prefix(hits))
        return [.pastedNotRun(lines: max(2, count)), .keepPasteQuestion(lines: max(2, count)), .notKept(choices: count),
                .discardQuestion(lines: count), .interrupted(linesBefore: count), .discardUnfinishedQuestion(lines: count),
                .unfinishedNotice(at: "2026-12-06 10:00", title: count == 0 ? nil : title, lines: count),
                .entriesFrom(count: hits, title: title), .mention(count: hits, words: words, numbers: numbers)]
    }
    static let journal: [JournalText] = journalCounts + journalOthers
    static let journalOthers: [JournalText] = [
        .saved(groupNote: true), .saved(groupNote: false), .groupReflectNeedsCase, .problem(.empty), .problem(.noJournal),
        .problem(.notSaved(reason: "disco lleno")), .reflectUsage, .writeLines, .pasteNotKept, .notACommand(choices: true),
        .notACommand(choices: false), .keepQuestion, .linePrompt(line: 2), .lineNotKept, .pasteNotAllKept, .keptAsDraft,
        .discarded, .keptGoOn, .emptyNothingToSave, .unfinishedOptions, .noUnfinished,
        .unfinishedFrom(at: "2026-12-06 10:00", title: title), .unfinishedFrom(at: "2026-12-06 10:00", title: nil),
        .noLinesYet, .draftOptions, .draftContinueInShell, .goOnWriting, .kept, .unfinishedDiscarded, .draftUsage,
        .unavailable, .couldNotRead(problem: "disco lleno"), .exportUsage, .couldNotPrepare(problem: "disco lleno"),
        .searchUsage, .noSuchCase(query: "zz"), .empty, .footer, .noEntriesFrom(title: title), .noneMention(words: ["biberón"]),
        .entry(3), .draftNotLoaded, .deleteUsage, .whichEntry, .notAnEntryNumber("tres"), .noEntry(9), .deleteQuestion(3),
        .keptNothingDeleted(3), .nothingDeleted(3), .noLongerThere(3), .deleted(3), .othersKeepNumbers,
    ]

    static let saved: [ExportText.Saved] = [.progress, .journal(entries: 1), .journal(entries: 4)]
    static let saving: [ExportText] = saved.flatMap { saved -> [ExportText] in
        [.wrote(saved, path: "/tmp/p.md"), .replaced(saved, path: "/tmp/p.md")]
    }
    static let export: [ExportText] = saving + exportOthers
    static let exportOthers: [ExportText] = [
        .journalTitle, .journalExported(at: "2026-12-06 10:00", entries: 1), .journalExported(at: "2026-12-06 10:00", entries: 2),
        .journalEntry(id: 3, at: "2026-12-06 10:00", title: title), .journalEntry(id: 3, at: "2026-12-06 10:00", title: nil),
        .progressTitle, .exported(at: "2026-12-06 10:00"), .progressTotals(done: 1, of: 9, journalEntries: 2), .noneYet,
        .howChoicesMet, .ratingColumn, .choicesColumn, .competencyColumn, .paths, .inProgress,
        .draftFrom(title: title, folder: "/home/ana/borradores"), .earlierVersionChoice, .draftChoiceNotLoaded,
    ]

    static let all: [PlayText] = play + journal.map { PlayText.journal($0) } + export.map { PlayText.export($0) }
}

@Suite("Playing, the journal and the exports, in each language")
struct PlayCatalogTests {
    let spanish = Spanish()
    let english = English()

    @Test("no Spanish sentence of play, the journal or the exports holds an English word")
    func noEnglishInSpanish() {
        for text in PlaySamples.all {
            let words = spanish.playing(text)
            #expect(EnglishDetector.englishWords(in: words).isEmpty, "\(words)")
        }
    }

    @Test("every sentence reads differently in Spanish than in English")
    func translated() {
        for text in PlaySamples.all {
            #expect(spanish.playing(text) != english.playing(text), "\(text)")
            #expect(!english.playing(text).isEmpty)
        }
        // The English detector sees the English ones (so the check above means something).
        #expect(!EnglishDetector.englishWords(in: english.playing(.noFeedbackYet)).isEmpty)
    }

    @Test("counts agree with their nouns in both languages")
    func plurals() {
        #expect(spanish.playing(.resumed(choices: 1)).contains("(1 elección hasta ahora)"))
        #expect(spanish.playing(.resumed(choices: 3)).contains("(3 elecciones hasta ahora)"))
        #expect(english.playing(.resumed(choices: 1)).contains("(1 choice so far)"))
        #expect(english.playing(.resumed(choices: 3)).contains("(3 choices so far)"))
        #expect(spanish.playing(.journal(.mention(count: 1, words: ["biberón"], numbers: [3])))
            == "1 entrada menciona 'biberón' (entrada 3):")
        #expect(spanish.playing(.journal(.mention(count: 2, words: ["biberón", "noche"], numbers: [3, 7])))
            == "2 entradas mencionan 'biberón' y 'noche' (entradas 3, 7):")
        #expect(english.playing(.journal(.mention(count: 2, words: ["bottle", "night"], numbers: [3, 7])))
            == "2 entries mention 'bottle' and 'night' (entries 3, 7):")
        #expect(spanish.playing(.journal(.interrupted(linesBefore: 2))).contains("Las 2 líneas que escribiste antes se conservan."))
        #expect(spanish.playing(.export(.wrote(.journal(entries: 1), path: "d.md"))) == "Se guardó 1 entrada del diario en d.md")
    }

    @Test("the learner's and the author's words pass through unchanged")
    func valuesUnchanged() {
        let words = "Sentí que la mamá necesitaba espacio 🙂 — \"ñ\""
        #expect(spanish.playing(.reflect(prompt: words)) == "Para reflexionar: \(words)")
        #expect(spanish.playing(.journal(.noneMention(words: [words]))).contains(words))
        #expect(spanish.playing(.endingKind(.hopeful)) == "un final esperanzador")
        #expect(english.playing(.endingKind(nil)) == "an ending")
        #expect(english.playing(.endingKind(.concerning)) == "a concerning ending")
    }
}
