import AttuneCatalog
import AttuneCore
import Testing

/// One of each message case, with values an author might write (ids, conditions, texts).
enum Samples {
    static let why = ConditionReason.named(condition: "trust >= 2", value: false, because: .counter("trust", value: 1))
    static let chain = ConditionReason.parts([why, .visited(node: "night", false), .chose(node: "arrival", choice: "greet", true),
                                              .always(false)], more: 2)
    static let hidden = [HiddenChoice(text: "Wait with her", id: "wait", why: why)]

    static let messages: [DiagnosticMessage] = play + assumptions + references + others + fields + fieldShapes + ids + fieldOthers + conditions + readings + files

    static let play: [DiagnosticMessage] = [
        .play(.unreachableNode(node: "orphan", start: "arrival")),
        .play(.unreachableEnding(ending: "flat")),
        .play(.stuckState(node: "arrival", values: "trust = 0", route: ["greet", "wait"])),
        .play(.stuckState(node: "arrival", values: "", route: [])),
        .play(.noWayOut(node: "loop", route: ["greet"])),
        .play(.noWayOut(node: "loop", route: [])),
        .play(.neverOffered(choice: "wait", node: "arrival", condition: "trust >= 5")),
        .play(.neverOffered(choice: "wait", node: "arrival", condition: nil)),
        .play(.stateSpaceLimit(limit: 20000, assumptions: true)),
        .play(.stateSpaceLimit(limit: 20000, assumptions: false)),
    ]

    static let assumptions: [DiagnosticMessage] = [UnmetAssumptionMessage.Subject.moment(node: "arrival"), .ending(node: "flat"),
         .feedback(node: "arrival", choice: "forms"), .debrief(ending: "warm")].flatMap { subject in
        [DiagnosticMessage.play(.unmetAssumption(.init(subject: subject, assumes: "chose(arrival.greet)",
                                                        route: [.init(text: "Start the forms.", id: "forms")], reason: chain))),
         .play(.unmetAssumption(.init(subject: subject, assumes: "trust >= 1", route: [], reason: .counter("trust", value: 0))))]
    }

    static let references: [DiagnosticMessage] = [ReferenceMessage.Place.field("next"), .condition("visited(nite)"), .test("warm"), .testEnding("warm")].flatMap { place in
        [DiagnosticMessage.reference(.unknownNode(id: "nite", in: place, suggestion: "night")),
         .reference(.unknownNode(id: "nite", in: place, suggestion: nil)),
         .reference(.unknownEntry(id: "tenet.9", in: place, suggestion: "tenet.1"))]
    }

    static let others: [DiagnosticMessage] = [
        .reference(.unknownVariable(name: "trusts", suggestion: "trust")),
        .reference(.unknownVariable(name: "calm", suggestion: nil)),
        .reference(.unknownChoice(condition: "chose(arrival.greeting)", choice: "greeting", node: "arrival", suggestion: "greet")),
        .reference(.testUnknownChoice(test: "warm", choice: "gret", suggestion: "greet")),
        .reference(.testEndingNotEnding(test: "warm", node: "arrival")),
        .syntax(.quoteNeverClosed(quote: "\"")), .syntax(.quoteRunsOn(quote: "'", toLine: 12)), .syntax(.tab),
        .syntax(.listNeverClosed), .syntax(.blockNeverClosed), .syntax(.quotationMarkClosesEarly),
        .syntax(.apostropheClosesEarly(example: "Don''t")), .syntax(.apostropheClosesEarly(example: nil)),
        .syntax(.spaceAfterColon(written: "rating:unsafe", fixed: "rating: unsafe")),
        .syntax(.missingColon(key: "rating", fixed: "rating: unsafe")),
        .syntax(.indentedTooFar(key: "minutes", above: "summary")),
        .fileKind(.neither), .fileKind(.topicAmongCases), .fileKind(.notACase), .fileKind(.caseAmongTopics), .fileKind(.notATopic),
        .tooManyProblems(count: 1), .tooManyProblems(count: 4212),
    ]

    static let fields: [DiagnosticMessage] = owners.flatMap { owner -> [DiagnosticMessage] in
        let byShape: [DiagnosticMessage] = shapes.flatMap { shape -> [DiagnosticMessage] in
            [DiagnosticMessage.field(.notABlock(owner, found: shape)), .field(.keyNotPlain(owner, found: shape)),
             .field(.notText(field: "title", in: owner, found: shape)), .field(.notWholeNumber(field: "minutes", in: owner, found: shape)),
             .field(.notAList(field: "refs", in: owner, example: "tenet.1", found: shape)),
             .field(.notAListOfItems(field: "choices", in: owner, found: shape)),
             .field(.notNamedTexts(field: "facts", in: owner, found: shape)),
             .field(.notCounters(field: "add", in: owner, found: shape, fix: .missingColon(key: "trust", fixed: "trust: 0"))),
             .field(.notCounters(field: "add", in: owner, found: shape, fix: nil))]
        }
        return byShape + [
            .field(.unknownKey("promt", in: owner, suggestion: "prompt")), .field(.unknownKey("zzz", in: owner, suggestion: nil)),
            .field(.missingField("text", in: owner)), .field(.noValue("kind", in: owner)),
            .field(.numberTooLarge(field: "add.trust", in: owner, written: "99999999", limit: 1_000_000)),
            .field(.numberTooLarge(field: "minutes", in: owner, written: "99999999999999999999", limit: nil)),
            .field(.missingFeedback(owner)), .field(.missingRefs(owner)), .field(.entryNeedsSource(owner)),
        ]
    }

    static let fieldShapes: [DiagnosticMessage] = shapes.flatMap { shape -> [DiagnosticMessage] in
        [DiagnosticMessage.field(.nodeIDNotText(found: shape)), .field(.conditionNotText(field: "when", found: shape)),
         .field(.nodesNotABlock(found: shape))]
    }

    static let ids: [DiagnosticMessage] = [IdentifierKind.scenario, .node, .choice, .topic, .entry].flatMap { kind -> [DiagnosticMessage] in
        [DiagnosticMessage.field(.invalidID(kind, id: "Forms")), .field(.fileNameMismatch(kind, id: "visit", fileName: "other"))]
    }

    static let conditions: [DiagnosticMessage] = [
        ConditionSyntax.tooLong(length: 1200, limit: 1000), .trailing(.written("visited")), .trailing(.end), .tooDeep(limit: 32),
        .unknownFunction("visits", suggestion: "visited"), .unknownFunction("zz", suggestion: nil),
        .comparisonExpected(after: "trust"), .numberExpected(after: ">="), .conditionExpected(found: .end),
        .numberTooLarge(limit: 1_000_000), .reversedComparison(written: "=>", meant: ">="), .singleEquals, .commaInChose,
        .sign("&", meaning: .and), .sign("|", meaning: .or), .sign("!", meaning: .not),
        .invisible(0x200B, .format), .invisible(0xA0, .space), .invisible(0x1B, .control), .character("%"),
    ].map { DiagnosticMessage.field(.condition("trust >= 1 &", $0)) } + [ConditionSyntax.Expected.closingBracket, .nodeInVisited,
        .closeAfterNode, .nodeInChose, .dotInChose, .choiceAfterDot, .closeAfterChoice].flatMap { what -> [DiagnosticMessage] in
        [.field(.condition("chose(arrival", .expected(what, found: .end, unclosedAt: 6))),
         .field(.condition("chose(", .expected(what, found: nil, unclosedAt: nil)))]
    }

    static let hiddenCharacters = [HiddenCharacter(Unicode.Scalar(0x1B)!), HiddenCharacter(Unicode.Scalar(0xA0)!),
                         HiddenCharacter(Unicode.Scalar(0x200B)!)]

    static let readings: [DiagnosticMessage] = ([
        ReadingMessage.duplicateKeyAbove("title", firstLine: 2), .duplicateKeys(["title", "text"]), .emptyFile, .notYAMLText,
        .unreadable, .tooComplicated, .notUTF8, .binary, .anchorsAndAliases(more: 0), .anchorsAndAliases(more: 1),
        .anchorsAndAliases(more: 12), .bracketsTooDeep(limit: 64), .tab, .unexpectedColon, .complexKey, .keysNotLinedUp,
        .listNotLinedUp, .listItemHere, .keyWithoutColonOrTooLong, .keyWithoutColon, .endsInsideValue, .valueMissing,
        .listNotClosedHere, .blockNotClosedHere, .spaceNeeded, .textAfterValue, .zeroIndentation, .unknownEscape,
        .badCharacterCode, .documentIndicator, .secondDocument, .nestedTooDeep, .typeTag, .directive, .cannotRead,
    ] + hiddenCharacters.flatMap { character -> [ReadingMessage] in
        [.hiddenInFile(character, pasted: true), .hiddenInFile(character, pasted: false),
         .hiddenInText(character, bidirectional: true), .hiddenInText(character, bidirectional: false),
         .cannotStart(.hidden(character)), .anchorStart(.hidden(character))]
    } + [ReadingMessage.cannotStart(.character("@")), .cannotStart(.unknown), .anchorStart(.character("*"))]).map(DiagnosticMessage.reading)

    static let files: [DiagnosticMessage] = [
        FileMessage.nameNotUTF8, .link, .folder, .special(.fifo), .special(.characterDevice), .special(.blockDevice), .special(.socket),
        .special(.other), .tooLarge(tenths: 41, limit: 4), .tooLarge(tenths: 50, limit: 4), .disappeared, .permissionDenied,
        .deviceOrSocket, .cannotOpen(system: "i/o error"), .cannotRead(system: "i/o error"),
    ].map(DiagnosticMessage.file)

    static let fieldOthers: [DiagnosticMessage] = [
        .field(.commentCutsText), .field(.duplicateScenarioID("visit", earlierFile: "Scenarios/visit.yaml")),
        .field(.duplicateEntryID("tenet.1", earlier: SourceLocation(file: "Knowledge/tenets.yaml", line: 4, column: 7))),
        .field(.duplicateChoiceID("greet", node: "arrival", line: 20)), .field(.nodesEmpty), .field(.badEndingKind("happy")),
        .field(.endingWithChoices(node: "flat")), .field(.emptyChoiceList(node: "arrival")), .field(.noChoices(node: "arrival")),
        .field(.unusedDebrief(node: "arrival")), .field(.badRating("mised", suggestion: "missed")),
        .field(.badRating("zzz", suggestion: nil)), .field(.testBadRating("good")),
    ]

    static let owners: [FieldOwner] = [
        .scenarioFile, .topicFile, .scenario, .facilitator, .nodes, .node("arrival"),
        .choice(id: "greet", position: 1, node: "arrival"), .choice(id: nil, position: 2, node: "arrival"),
        .perspectives(.choice(id: "greet", position: 1, node: "arrival")), .debriefItem(.node("warm")),
        .test("warm"), .test(nil), .expect(.test("warm")), .entry("tenet.1"), .entry(nil),
    ]
    static let shapes: [NodeShape] = [.block, .list, .alias, .empty, .text("five")]

    static let failures: [TestFailure] = [
        .step(number: 2, choice: "wait", node: "arrival", problem: .notOffered(text: "Wait with her", why: why, offered: ["greet", "forms"])),
        .step(number: 3, choice: "4", node: "arrival", problem: .noNumber(4, offered: ["greet"], hidden: hidden)),
        .step(number: 3, choice: "4", node: "arrival", problem: .noNumber(4, offered: ["greet", "forms"], hidden: [])),
        .step(number: 1, choice: "gret", node: "arrival", problem: .noChoice("gret", offered: ["greet", "forms"])),
        .step(number: 4, choice: "greet", node: "warm", problem: .alreadyEnded(node: "warm")),
        .step(number: 2, choice: "greet", node: "arrival", problem: .stuck(node: "arrival", hidden: hidden)),
        .step(number: 2, choice: "greet", node: "arrival", problem: .unknownNode("gone")),
        .wrongEnding(expected: "warm", reached: "flat", reachedEnding: true),
        .wrongEnding(expected: "warm", reached: "arrival", reachedEnding: false),
        .notVisited(node: "night"), .visited(node: "night"),
        .counter(name: "trust", expected: 2, actual: 1),
        .ratings(expected: [.attuned, .partial], actual: [.missed, .unsafe]),
        .debriefMissing(text: "You greeted first.", hiddenItem: HiddenDebrief(line: 40, why: why), shown: "Warm."),
        .debriefMissing(text: "You greeted first.", hiddenItem: nil, shown: ""),
    ]

    static let reports: [ReportMessage] = [
        .lintSummary(files: 1, errors: 0, warnings: 0, omitted: 0), .lintSummary(files: 3, errors: 2, warnings: 1, omitted: 5),
        .lintSummary(files: 2, errors: 1, warnings: 0, omitted: 1), .lintSummary(files: 2, errors: 0, warnings: 2, omitted: 0),
        .testPassed, .testFailed, .testsNotRun,
        .testsNotRunBecause(file: "maya.yaml", errors: 1, command: "attune lint Cases/maya.yaml"),
        .testsNotRunBecause(file: "maya.yaml", errors: 3, command: "lint maya.yaml"),
        .testSummary(passed: 1, failed: 1, untested: 1), .testSummary(passed: 3, failed: 0, untested: 2),
        .noCases, .noTests, .coverageOf(scenario: "maya"), .coverageTotal,
        .coverageTotalCases(cases: 1, unmeasured: 0), .coverageTotalCases(cases: 3, unmeasured: 1),
        .coverageTotalCases(cases: 3, unmeasured: 2), .tally(covered: 3, total: 4, percent: 75), .tallyNone,
        .ratingTally(.attuned, covered: 2, total: 3), .choicesMade("3 de 4 (75%)"), .endingsReached("1 de 2 (50%)"),
        .debriefShown("0 de 1 (0%)"), .everythingExercised, .choicesNoTestMakes, .endingsNoTestReaches, .debriefNoTestShows,
        .missedChoice(node: "arrival", choice: "forms", rating: .missed, line: 30, text: "Start the forms."),
        .missedDebrief(ending: "warm", line: 40, when: "trust >= 1", say: "You greeted first."),
    ]
}

/// Common English words that have no place in a Spanish sentence. Quoted ids, fields and
/// texts (in '...', "...", `...` or [...]) and words with a dot, slash or underscore
/// (ids, files, paths) are not looked at: they are what the author wrote or types.
enum EnglishDetector {
    static let words: Set<String> = [
        "the", "is", "are", "not", "which", "file", "files", "line", "and", "of", "to", "was", "were", "it", "this", "that",
        "with", "has", "have", "be", "at", "from", "can", "never", "but", "for", "there", "choice", "choices", "node",
        "ending", "expected", "only", "more", "shown", "offered", "case", "cases", "warning", "warnings", "problems",
        "passed", "failed", "checked", "run", "write", "add", "its", "by", "in", "no", "or", "what", "where", "when",
    ]

    /// The English words found outside quotes; `no` counts only as English where Spanish would not have it.
    /// `words` is the list looked for (an area's tests add their own words to this one's).
    static func englishWords(in text: String, words: Set<String> = words) -> [String] {
        var plain = ""
        var closing: Character?
        for character in text {
            if let close = closing {
                if character == close { closing = nil }
                continue
            }
            switch character {
            case "'", "\"", "`": closing = character
            case "[": closing = "]"
            default: plain.append(character)
            }
        }
        return plain.split(whereSeparator: { !$0.isLetter && $0 != "." && $0 != "/" && $0 != "_" })
            .map { String($0).lowercased() }
            .filter { !$0.contains(".") && !$0.contains("/") && !$0.contains("_") }
            .filter { words.contains($0) && $0 != "no" }
    }
}

@Suite("Message catalogs")
struct CatalogTests {
    let spanish = Spanish()
    let english = English()

    var spanishTexts: [String] {
        Samples.messages.map(spanish.message) + Samples.failures.map(spanish.failure)
            + Samples.reports.map(spanish.report) + Rating.allCases.map(spanish.rating)
            + Severity.allCases.map(spanish.severity) + RuleID.allCases.map(spanish.ruleSummary) + [spanish.sentence(Samples.why), spanish.reason(Samples.chain)]
    }

    @Test("no Spanish message holds an English sentence")
    func noEnglishInSpanish() {
        for text in spanishTexts {
            #expect(EnglishDetector.englishWords(in: text).isEmpty, "\(text)")
        }
    }

    @Test("the detector finds English, and leaves quoted ids and fields alone")
    func detector() {
        #expect(EnglishDetector.englishWords(in: "the choice 'greet' is not offered") == ["the", "choice", "is", "not", "offered"])
        #expect(EnglishDetector.englishWords(in: "'next' nombra 'the-end', que no es un nodo; escribe 'rating: unsafe'").isEmpty)
        #expect(EnglishDetector.englishWords(in: "la elección arrival.the no se hizo (docs/the.md)").isEmpty)
        // Every English message is caught.
        for message in Samples.messages { #expect(!EnglishDetector.englishWords(in: english.message(message)).isEmpty) }
    }

    @Test("every message reads differently in Spanish than in English, but keeps its ids")
    func translated() {
        for message in Samples.messages {
            #expect(spanish.message(message) != english.message(message))
        }
        #expect(spanish.message(.reference(.unknownChoice(condition: "chose(arrival.greeting)", choice: "greeting",
                                                          node: "arrival", suggestion: "greet")))
            == "la condición 'chose(arrival.greeting)' nombra la elección 'greeting', que el nodo 'arrival' no tiene "
            + "(¿quisiste decir 'greet'?)")
    }

    @Test("counts agree with their nouns and verbs in both languages")
    func plurals() {
        #expect(spanish.report(.lintSummary(files: 1, errors: 1, warnings: 0, omitted: 0)) == "Se revisó 1 archivo: 1 error.")
        #expect(spanish.report(.lintSummary(files: 3, errors: 2, warnings: 1, omitted: 4212))
            == "Se revisaron 3 archivos: 2 errores y 1 advertencia, y 4,212 más que no se muestran.")
        #expect(spanish.report(.testSummary(passed: 1, failed: 2, untested: 0)) == "1 pasó, 2 fallaron")
        #expect(spanish.message(.tooManyProblems(count: 1)).hasPrefix("y 1 problema más en este archivo, que no se muestra;"))
        #expect(english.report(.lintSummary(files: 1, errors: 0, warnings: 2, omitted: 0)) == "1 file checked: 2 warnings.")
        #expect(english.report(.testSummary(passed: 2, failed: 1, untested: 1))
            == "2 passed, 1 failed; 1 case not tested because of its errors")
    }

    @Test("Spanish joins a list with 'e' before an 'i' sound")
    func conjunction() {
        let reason = ConditionReason.parts([.counter("trust", value: 1), .counter("interés", value: 0)], more: 0)
        #expect(spanish.reason(reason) == "trust vale 1 e interés vale 0")
        #expect(english.reason(reason) == "trust is 1 and interés is 0")
    }

    @Test("the ratings in words, as the glossary decides")
    func ratings() {
        #expect(Rating.allCases.map(spanish.rating)
            == ["En sintonía", "En parte en sintonía", "No captó la señal", "Riesgo para la seguridad"])
        #expect(Rating.allCases.map(english.rating) == ["Attuned", "Partly attuned", "Missed the cue", "Safety concern"])
    }

    @Test("a condition's sentence and its reasons, in Spanish")
    func conditions() {
        #expect(spanish.sentence(Samples.why) == "`trust >= 2` es falsa porque trust vale 1")
        #expect(spanish.reason(.chose(node: "arrival", choice: "greet", false)) == "la elección arrival.greet no se hizo")
        #expect(spanish.failure(.wrongEnding(expected: "warm", reached: "flat", reachedEnding: true))
            == "se esperaba el final 'warm', pero las elecciones llevan al final 'flat'")
    }

    @Test("a finding's headline names its severity in the language and keeps its rule id")
    func headline() {
        let finding = Diagnostic(at: SourceLocation(file: "maya.yaml", line: 3, column: 5),
                                 .reference(.unknownVariable(name: "trusts", suggestion: "trust")), rule: .unknownVariable)
        #expect(spanish.headline(finding)
            == "maya.yaml:3:5: error: 'trusts' no es una variable declarada (¿quisiste decir 'trust'?) [unknown-variable]")
        #expect(english.headline(finding)
            == "maya.yaml:3:5: error: 'trusts' is not a declared variable (did you mean 'trust'?) [unknown-variable]")
    }
}
