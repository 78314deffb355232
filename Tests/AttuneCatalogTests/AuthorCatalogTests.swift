import AttuneCore
import Testing
@testable import AttuneCatalog

/// A sample of every `AuthorText` case (issue 24): the author's commands, the explore
/// report, the graph's legend, the scaffold of a new case, and invisible characters.
enum AuthorSamples {
    static let commands: [AuthorText.Command] = [
        .fixErrorsFirst, .notAnID(name: "Ana_Visita"), .bundledID(name: "maya-quiet-visit", title: "Maya, cuatro meses"),
        .cannotCreateFolder(folder: "/casos"), .alreadyExists(path: "/casos/ana.yaml"), .cannotWrite(path: "/casos/ana.yaml"),
        .wrote(path: "/casos/ana.yaml"), .lintExtra, .testExtra, .lintPathsHelp, .lintFormatHelp, .lintRulesHelp, .testTargetsHelp,
        .testCoverageHelp, .exploreTargetHelp, .exploreRandomHelp, .exploreSeedHelp, .exploreMaxStatesHelp, .graphTargetHelp,
        .graphFormatHelp, .newNameHelp,
    ]

    static let reason = ConditionReason.counter("trust", value: 0)

    static let explore: [AuthorText.Explore] = [
        .reachableStates(states: 1, paths: "1"), .reachableStates(states: 4_212, paths: "123456789012345678901234"),
        .reachableStates(states: 12, paths: nil), .tooManyStates(states: 20_000, paths: "7"), .tooManyStates(states: 20_000, paths: nil),
    ] + AuthorText.Heading.allCases.flatMap { [AuthorText.Explore.heading($0), .none($0)] } + [
        .endingReached(ending: "warm", kind: .hopeful, path: ["greet"]),
        .endingReached(ending: "flat", kind: .concerning, path: ["forms", "leave"]), .endingReached(ending: "flat", kind: nil, path: []),
        .neverReached(ending: "flat"), .reachableInGraph(true), .reachableInGraph(false),
        .stuck(node: "arrival", values: "trust = 0", path: []), .stuck(node: "arrival", values: "", path: ["greet", "wait"]),
        .assumptionsHold(count: 1, onlyExplored: false), .assumptionsHold(count: 3, onlyExplored: true),
        .assumptionsFail(unmet: 1, total: 3), .assumptionsFail(unmet: 2, total: 3), .assumptionLine(12),
        .assumptionFalse(text: "trust >= 1", route: [], reason: reason),
        .assumptionFalse(text: "trust >= 1", route: ["greet", "forms"], reason: reason),
        .randomSummary(runs: 100, seed: 7, ended: 1), .randomSummary(runs: 100, seed: 7, ended: 98), .didNotEnd,
        .stoppedAt(node: "loop", stop: .noChoiceOffered, path: ["a", "b"]),
        .stoppedAt(node: "loop", stop: .stillGoing(afterChoices: 1_000), path: ["a", "b"]),
    ]

    static let graph: [GraphWord] = [.legend, .dashed, .start(doubleSides: false), .start(doubleSides: true)]
        + Rating.allCases.map { .choice($0) } + EndingKind.allCases.flatMap { [GraphWord.filled($0), .ending($0)] }

    static let hidden: [HiddenCharacter] = ["\u{1B}", "\u{0}", "\u{A0}", "\u{200B}", "\u{202E}", "\u{E000}", "\u{85}", "\u{3000}"]
        .map { HiddenCharacter($0) } + HiddenCharacter.Name.allCases.compactMap { Unicode.Scalar($0.code).map(HiddenCharacter.init) }

    static let all: [AuthorText] = commands.map { .command($0) } + explore.map { .explore($0) } + graph.map { .graph($0) }
        + ScaffoldText.allCases.map { .scaffold($0) } + hidden.map { .hidden($0) }
}

@Suite("The author's tools in the catalog")
struct AuthorCatalogTests {
    let spanish = Spanish()
    let english = English()

    @Test("every AuthorText case reads in Spanish with no English word outside quotes")
    func spanishHasNoEnglish() {
        for text in AuthorSamples.all {
            let words = spanish.author(text)
            #expect(!words.isEmpty, "\(text)")
            #expect(EnglishDetector.englishWords(in: words).isEmpty, "\(words)")
        }
    }

    @Test("every sentence and heading reads differently in Spanish than in English")
    func translated() {
        // ": none" and the like differ; ids, numbers and names of commands are the same in both.
        for text in AuthorSamples.all {
            if case .command(.graphFormatHelp) = text { continue }
            // A stuck state with no counters and a path is ids alone.
            if case .explore(.stuck(_, "", _)) = text { continue }
            if case .scaffold = text {} else if case .hidden = text {} else {
                #expect(spanish.author(text) != english.author(text), "\(text)")
            }
        }
        #expect(spanish.author(.command(.graphFormatHelp)) == "dot o mermaid.")
    }

    @Test("the English is as the tools printed it before the catalog")
    func englishUnchanged() {
        #expect(english.author(.explore(.reachableStates(states: 4_212, paths: "1234567")))
            == "4,212 reachable states; 1,234,567 distinct paths to an ending")
        #expect(english.author(.explore(.tooManyStates(states: 20_000, paths: nil)))
            == "more than 20,000 states: checked on the node graph only (conditions ignored); "
            + "unbounded paths (a loop can be taken any number of times) at most")
        #expect(english.author(.explore(.endingReached(ending: "warm", kind: .hopeful, path: ["greet"]))) == "warm (hopeful): 1 choice: greet")
        #expect(english.author(.explore(.assumptionsHold(count: 3, onlyExplored: true))) == ": 3 assumptions, each true on every route explored")
        #expect(english.author(.explore(.assumptionsHold(count: 1, onlyExplored: false))) == ": 1 assumption, true on every route")
        #expect(english.author(.explore(.stoppedAt(node: "loop", stop: .stillGoing(afterChoices: 1_000), path: ["a"])))
            == " at loop (still going after 1000 choices): a")
        #expect(english.author(.hidden(HiddenCharacter("\u{1B}"))) == "an invisible control character (U+001B, escape)")
        #expect(english.author(.hidden(HiddenCharacter("\u{E000}"))) == "an invisible formatting character (U+E000)")
        #expect(english.author(.graph(.choice(.missed))) == "a missed-the-cue choice")
        #expect(english.tools(.access(.linkLoop)) == "the links in this path lead back to themselves in a loop, so it names nothing")
    }

    @Test("Spanish agrees in number and names the characters it cannot show")
    func spanishWords() {
        #expect(spanish.author(.explore(.reachableStates(states: 1, paths: "1"))) == "1 estado alcanzable; 1 camino distinto hasta un final")
        #expect(spanish.author(.explore(.reachableStates(states: 4_212, paths: "1234567")))
            == "4,212 estados alcanzables; 1,234,567 caminos distintos hasta un final")
        #expect(spanish.author(.explore(.assumptionsFail(unmet: 1, total: 3))) == ": 1 de 3 es falsa en algún camino")
        #expect(spanish.author(.explore(.none(.choicesNeverOffered))) == ": ninguna")
        #expect(spanish.author(.explore(.none(.stuckStates))) == ": ninguno")
        #expect(spanish.author(.hidden(HiddenCharacter("\u{1B}"))) == "un carácter de control invisible (U+001B, escape)")
        #expect(spanish.author(.hidden(HiddenCharacter("\u{A0}"))) == "un espacio o salto de línea especial (U+00A0, espacio de no separación)")
        #expect(spanish.author(.graph(.filled(.hopeful))) == "relleno: un final esperanzador")
        #expect(spanish.message(.reading(.hiddenInFile(HiddenCharacter("\u{200B}"), pasted: false)))
            .contains("un carácter de formato invisible (U+200B, espacio de ancho cero)"))
    }

    @Test("every character with a name has a code point of its own")
    func names() {
        let codes = HiddenCharacter.Name.allCases.map(\.code)
        #expect(Set(codes).count == codes.count)
        for name in HiddenCharacter.Name.allCases {
            #expect(Unicode.Scalar(name.code).map { HiddenCharacter($0).name } == name)
        }
    }
}
