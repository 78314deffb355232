// The lint rules, one small type each. The loaders report the first group while reading;
// the last six look at what can happen in play (see ScenarioAnalysis).

private let baseScenario = RuleExample.scenario()
private let baseKnowledge = RuleExample.knowledge()

struct YAMLSyntaxRule: LintRule {
    let id = RuleID.yamlSyntax
    let severity = Severity.error
    let triggering = [
        RuleExample.scenario("summary: A short case.", "summary: A short case↓: really."),
        // Slips, each reported where the author made it.
        RuleExample.scenario("title: A visit", "title: ↓\"A visit"),
        RuleExample.scenario([("text: Greet the baby.", "text: ↓\"Greet the baby."),
                              ("feedback: Forms can wait.", "feedback: \"Forms can wait.\"")]),
        RuleExample.scenario("text: Greet the baby.", "text: ↓'Greet the baby."),
        RuleExample.scenario("text: Greet the baby.", "text: 'Don↓'t worry, I'll be back.'"),
        RuleExample.scenario("text: Greet the baby.", "text: \"She said ↓\"hi\" to me\""),
        RuleExample.scenario("        next: warm", "↓\t    next: warm"),
        RuleExample.scenario("summary: A short case.", "summary: A short case.\n  ↓minutes: 5"),
        RuleExample.scenario("    expect: { ending: warm }", "    expect: ↓{ ending: warm"),
        RuleExample.scenario("choose: [greet]", "choose: ↓[greet"),
    ]
    let passing = [baseScenario, RuleExample.scenario("text: Greet the baby.", "text: 'Don''t worry, I''ll be back.'")]
}

struct DuplicateKeyRule: LintRule {
    let id = RuleID.duplicateKey
    let severity = Severity.error
    let triggering = [
        RuleExample.scenario("title: A visit\n", "title: A visit\n↓title: Again\n"),
        RuleExample.scenario("  flat:\n", "  ↓warm:\n    ending: hopeful\n    text: Again.\n  flat:\n"),
    ]
    let passing = [baseScenario]
}

struct MissingFieldRule: LintRule {
    let id = RuleID.missingField
    let severity = Severity.error
    let triggering = [
        RuleExample.scenario("    ending: concerning\n    text: Flat.\n", "    ↓ending: concerning\n"),
        RuleExample.knowledge("    kind: group\n", "    ↓kind:\n"),
    ]
    let passing = [baseScenario, baseKnowledge]
}

struct WrongTypeRule: LintRule {
    let id = RuleID.wrongType
    let severity = Severity.error
    let triggering = [RuleExample.scenario("minutes: 5", "minutes: ↓five")]
    let passing = [baseScenario]
}

struct UnknownKeyRule: LintRule {
    let id = RuleID.unknownKey
    let severity = Severity.warning
    let triggering = [RuleExample.scenario("    prompt: What first?", "    ↓promt: What first?")]
    let passing = [baseScenario]
}

struct InvalidIDRule: LintRule {
    let id = RuleID.invalidID
    let severity = Severity.error
    let triggering = [RuleExample.scenario("      - id: forms", "      - id: ↓Forms")]
    let passing = [baseScenario]
}

struct InvalidValueRule: LintRule {
    let id = RuleID.invalidValue
    let severity = Severity.error
    let triggering = [RuleExample.scenario("rating: missed", "rating: ↓mised")]
    let passing = [baseScenario]
}

struct FileNameMismatchRule: LintRule {
    let id = RuleID.fileNameMismatch
    let severity = Severity.error
    let triggering = [RuleExample.scenario("scenario: visit", "scenario: ↓visit", file: "Scenarios/other.yaml")]
    let passing = [baseScenario]
}

struct DuplicateIDRule: LintRule {
    let id = RuleID.duplicateID
    let severity = Severity.error
    let triggering = [RuleExample.scenario("      - id: forms", "      - ↓id: greet")]
    let passing = [baseScenario]
}

struct UnknownRefRule: LintRule {
    let id = RuleID.unknownRef
    let severity = Severity.error
    let triggering = [
        RuleExample.scenario("knowledge: [tenet.1]", "knowledge: [↓tenet.9]"),
        RuleExample.knowledge("see: [tenet.2]", "see: [↓tenet.3]"),
    ]
    let passing = [baseScenario, baseKnowledge]
}

struct UnknownNodeRule: LintRule {
    let id = RuleID.unknownNode
    let severity = Severity.error
    let triggering = [RuleExample.scenario("next: flat", "next: ↓flta")]
    /// A node with its own error (no 'text') is still a node 'next' may name.
    let passing = [baseScenario, RuleExample.scenario("    text: Flat.\n", "")]
}

struct UnknownChoiceRule: LintRule {
    let id = RuleID.unknownChoice
    let severity = Severity.error
    let triggering = [RuleExample.scenario("when: trust >= 1", "when: chose(arrival.↓greeting)")]
    let passing = [baseScenario]
}

struct UnknownVariableRule: LintRule {
    let id = RuleID.unknownVariable
    let severity = Severity.error
    let triggering = [RuleExample.scenario("add: { trust: 1 }", "add: { ↓trusts: 1 }")]
    let passing = [baseScenario]
}

struct BadConditionRule: LintRule {
    let id = RuleID.badCondition
    let severity = Severity.error
    let triggering = [
        RuleExample.scenario("when: trust >= 1", "when: trust ↓=> 1"),
        RuleExample.scenario("when: trust >= 1", "when: trust ↓=< 1"),
        RuleExample.scenario("when: trust >= 1", "when: ↓visits(arrival)"),
        RuleExample.scenario("when: trust >= 1", "when: chose(arrival↓, greet)"),
    ]
    let passing = [baseScenario]
}

struct MissingFeedbackRule: LintRule {
    let id = RuleID.missingFeedback
    let severity = Severity.error
    let triggering = [RuleExample.scenario([("      - id: forms", "      - ↓id: forms"), ("        feedback: Forms can wait.\n", "")])]
    let passing = [baseScenario]
}

struct MissingRefsRule: LintRule {
    let id = RuleID.missingRefs
    let severity = Severity.error
    let triggering = [RuleExample.scenario([
        ("      - id: forms", "      - ↓id: forms"),
        ("        feedback: Forms can wait.\n        refs: [tenet.1]\n", "        feedback: Forms can wait.\n"),
    ])]
    let passing = [baseScenario]
}

struct NoChoicesRule: LintRule {
    let id = RuleID.noChoices
    let severity = Severity.error
    let triggering = [RuleExample.scenario("  flat:\n    ending: concerning\n", "  ↓flat:\n")]
    let passing = [baseScenario]
}

struct EndingWithChoicesRule: LintRule {
    let id = RuleID.endingWithChoices
    let severity = Severity.error
    let triggering = [RuleExample.scenario("    text: Flat.\n", """
            text: Flat.
            choices:
              ↓- text: Again.
                next: arrival
                rating: partial
                feedback: F.
                refs: [tenet.1]

        """)]
    let passing = [baseScenario]
}

struct UnusedDebriefRule: LintRule {
    let id = RuleID.unusedDebrief
    let severity = Severity.warning
    let triggering = [RuleExample.scenario("    prompt: What first?\n", "    prompt: What first?\n    debrief:\n      ↓- say: Never shown.\n")]
    let passing = [baseScenario]
}

struct BadTestRule: LintRule {
    let id = RuleID.badTest
    let severity = Severity.error
    let triggering = [RuleExample.scenario("choose: [greet]", "choose: [↓gret]")]
    /// A choice with its own error (no 'next') is still a choice a test may name.
    let passing = [baseScenario, RuleExample.scenario("        next: warm\n", "")]
}

struct NotContentRule: LintRule {
    let id = RuleID.notContent
    let severity = Severity.error
    let triggering = [RuleExample(file: "Scenarios/notes.yaml", text: "↓title: Notes for the next case\nideas: [a, b]\n")]
    let passing = [baseScenario, baseKnowledge]
}

struct CommentInTextRule: LintRule {
    let id = RuleID.commentInText
    let severity = Severity.warning
    let triggering = [
        RuleExample.scenario("    prompt: What first?", "    prompt: What first? ↓#1 or #2"),
        RuleExample.scenario("when: trust >= 1", "when: trust >= 1 ↓#and visited(warm)"),
    ]
    let passing = [
        baseScenario, RuleExample.scenario("    prompt: What first?", "    prompt: What first?  # a comment for authors"),
        RuleExample.scenario("    prompt: What first?", "    prompt: \"What first? #1 or #2\""),
    ]
}

struct HiddenCharacterRule: LintRule {
    let id = RuleID.hiddenCharacter
    /// A warning: the text is shown safely everywhere (see TerminalText), so the case
    /// still loads; the author is told to delete what no one can see.
    let severity = Severity.warning
    let triggering = [
        RuleExample.scenario("title: A visit", "title: \"A visit ↓\\e[2J\""),
        RuleExample.scenario("    text: You arrive.", "    text: \"You arrive.↓\\e]52;c;aGk=\\a\""),
        RuleExample.scenario("feedback: Babies notice.", "feedback: \"Babies ↓\\x9b31m notice.\""),
        RuleExample.scenario("    prompt: What first?", "    prompt: \"What\n      first?↓\\0\""),
        RuleExample.scenario("summary: A short case.", "summary: \"A short ↓\\r case.\""),
        RuleExample.scenario("text: Start the forms.", "text: \"Start the ↓\\u202Emrof\""),
        RuleExample.scenario("text: Start the forms.", "text: Start the ↓\u{202E}mrof"),
        RuleExample.knowledge("summary: Home visitors and others.", "summary: \"Home ↓\\e[8mvisitors\""),
    ]
    let passing = [
        baseScenario,
        RuleExample.scenario("title: A visit", "title: \"A visit\\tat home\\n\""),
        RuleExample.scenario("title: A visit", "title: \"A visit (\\\\e is not an escape here)\""),
        RuleExample.scenario("title: A visit", "title: 'A visit \\e[2J in single quotes is plain text'"),
    ]
}

struct TooManyProblemsRule: LintRule {
    let id = RuleID.tooManyProblems
    let severity = Severity.note
    let triggering = [RuleExample.scenario("  trust: 0\n", "  trust: 0\n"
        + (1...Diagnostic.perFileLimit).map { "  v\($0): x\n" }.joined() + "  last: ↓x\n")]
    let passing = [baseScenario]
}

// MARK: Play analysis

struct UnreachableNodeRule: PlayRule {
    let id = RuleID.unreachableNode
    let severity = Severity.warning
    let triggering = [RuleExample.scenario("tests:\n", """
          ↓orphan:
            text: Nobody comes here.
            prompt: And then?
            choices:
              - text: Go on.
                next: warm
                rating: partial
                feedback: F.
                refs: [tenet.1]
        tests:

        """)]
    let passing = [baseScenario]

    func check(_ analysis: ScenarioAnalysis) -> [(location: SourceLocation, message: PlayMessage)] {
        analysis.scenario.nodes.filter { !$0.isEnding && !analysis.reachableNodes.contains($0.id) }.map {
            ($0.location, .unreachableNode(node: $0.id, start: analysis.scenario.start.value))
        }
    }
}

struct UnreachableEndingRule: PlayRule {
    let id = RuleID.unreachableEnding
    let severity = Severity.error
    let triggering = [RuleExample.scenario([("next: flat", "next: warm"), ("  flat:\n", "  ↓flat:\n")])]
    let passing = [baseScenario]

    func check(_ analysis: ScenarioAnalysis) -> [(location: SourceLocation, message: PlayMessage)] {
        analysis.scenario.endings.filter { !analysis.reachableNodes.contains($0.id) }.map {
            ($0.location, .unreachableEnding(ending: $0.id))
        }
    }
}

struct StuckStateRule: PlayRule {
    let id = RuleID.stuckState
    let severity = Severity.error
    let triggering = [RuleExample.scenario([
        ("  arrival:\n", "  ↓arrival:\n"),
        ("        add: { trust: 1 }\n", "        add: { trust: 1 }\n        when: trust >= 1\n"),
        ("        next: flat\n", "        next: flat\n        when: trust >= 1\n"),
    ])]
    let passing = [baseScenario]

    func check(_ analysis: ScenarioAnalysis) -> [(location: SourceLocation, message: PlayMessage)] {
        analysis.stuckStates().map { stuck in
            (stuck.node.location, .stuckState(node: stuck.node.id, values: stuck.values, route: stuck.path))
        }
    }
}

struct NoWayOutRule: PlayRule {
    let id = RuleID.noWayOut
    let severity = Severity.error
    let triggering = [RuleExample.scenario([("next: flat", "next: loop"), ("tests:\n", """
          ↓loop:
            text: Round and round.
            prompt: And then?
            choices:
              - text: Again.
                next: loop
                rating: partial
                feedback: F.
                refs: [tenet.1]
        tests:

        """)])]
    let passing = [baseScenario]

    func check(_ analysis: ScenarioAnalysis) -> [(location: SourceLocation, message: PlayMessage)] {
        analysis.trappedStates().map { trapped in
            (trapped.node.location, .noWayOut(node: trapped.node.id, route: trapped.path))
        }
    }
}

struct NeverOfferedRule: PlayRule {
    let id = RuleID.neverOffered
    let severity = Severity.warning
    let triggering = [RuleExample.scenario("        next: flat\n", "        next: flat\n        when: ↓trust >= 5\n")]
    let passing = [baseScenario]

    func check(_ analysis: ScenarioAnalysis) -> [(location: SourceLocation, message: PlayMessage)] {
        analysis.neverOffered().map { item in
            (item.choice.when?.location ?? item.choice.location,
             .neverOffered(choice: item.choice.id, node: item.node.id, condition: item.choice.when.map { quoted($0.text) }))
        }
    }
}

struct UnmetAssumptionRule: PlayRule {
    let id = RuleID.unmetAssumption
    let severity = Severity.error
    let triggering = [
        // An ending's text: the forms route reaches 'flat' without a greeting.
        RuleExample.scenario("    text: Flat.\n", "    text: Flat. The baby you greeted looks away.\n    assumes: ↓chose(arrival.greet)\n"),
        // A debrief item, shown at its ending on every route there.
        RuleExample.scenario("    text: Flat.\n", """
                text: Flat.
                debrief:
                  - say: Trust had begun to grow, and still the forms came first.
                    assumes: ↓trust >= 1

            """),
        // A choice's feedback, read after the choice is made.
        RuleExample.scenario("        feedback: Forms can wait.\n",
                             "        feedback: Forms can wait; she trusts you enough to say so.\n        assumes: ↓trust >= 1\n"),
        // A moment's text, at the start.
        RuleExample.scenario("    text: You arrive.\n", "    text: You arrive, already trusted.\n    assumes: ↓trust >= 1\n"),
    ]
    let passing = [
        baseScenario,
        // Only the greeting leads to 'warm'.
        RuleExample.scenario("    text: Warm.\n", "    text: Warm. The baby you greeted smiles.\n    assumes: chose(arrival.greet)\n"),
        // Feedback is read with the choice's own 'add:' applied.
        RuleExample.scenario("        feedback: Babies notice.\n", "        feedback: Babies notice, and so does she.\n        assumes: trust >= 1\n"),
        // A debrief item is checked only where its 'when:' shows it.
        RuleExample.scenario("        say: You greeted first.\n", "        say: You greeted first.\n        assumes: chose(arrival.greet)\n"),
        RuleExample.scenario("    text: Flat.\n", "    text: Flat.\n    assumes: not chose(arrival.greet) and trust == 0\n"),
    ]

    func check(_ analysis: ScenarioAnalysis) -> [(location: SourceLocation, message: PlayMessage)] {
        analysis.unmetAssumptions().map { ($0.assumption.assumes.location, .unmetAssumption($0.message(in: analysis.scenario))) }
    }
}

struct StateSpaceLimitRule: LintRule {
    let id = RuleID.stateSpaceLimit
    let severity = Severity.note
    let triggering = [RuleExample.scenario([("scenario: visit", "scenario: ↓visit"), ("      - id: forms\n", """
              - id: wait
                text: Wait.
                next: arrival
                rating: partial
                feedback: F.
                refs: [tenet.1]
                add: { trust: 1 }
                when: trust >= 0
              - id: forms

        """)])]
    let passing = [baseScenario]
}
