@testable import AttuneCore

/// A knowledge base with the ids the fixture scenarios refer to.
let fixtureKnowledge: KnowledgeBase = {
    func entry(_ id: String) -> KnowledgeEntry {
        KnowledgeEntry(id: id, topic: "t", title: id, kind: "concept", summary: "s", body: "b", sources: ["s"],
                       location: SourceLocation(file: "k", line: 1, column: 1))
    }
    let ids = ["workforce.non-specialists", "competency.direct-service", "competency.reflection",
               "attachment.perceive-cues", "tenet.1", "serve-and-return.1"]
    return KnowledgeBase(topics: [KnowledgeTopic(id: "t", title: "T", summary: "", entryIDs: ids, file: "k")],
                         entries: ids.map(entry))
}()

/// A small valid scenario: two decisions, counters, conditions, three endings.
let fixtureScenario = """
    scenario: visit
    title: A visit
    summary: A short case.
    minutes: 5
    audience: [workforce.non-specialists]
    competencies: [competency.direct-service]
    knowledge: [attachment.perceive-cues]
    content-warnings: [low mood]
    variables:
      trust: 0
    start: arrival
    nodes:
      arrival:
        text: You arrive.
        prompt: What first?
        choices:
          - id: greet-baby
            text: Greet the baby.
            next: gaze
            rating: attuned
            feedback: Babies notice.
            refs: [attachment.perceive-cues]
            add: { trust: 1 }
          - id: forms
            text: Start the forms.
            next: gaze
            rating: missed
            feedback: Forms can wait.
            refs: [tenet.1]
      gaze:
        text: The baby looks away.
        choices:
          - id: wait
            text: Wait.
            next: warm
            rating: attuned
            feedback: Waiting helps.
            refs: [serve-and-return.1]
            when: trust >= 1
            add: { trust: 2 }
          - id: talk
            text: Talk on.
            next: flat
            rating: partial
            feedback: Maybe.
            refs: [tenet.1]
            set: { trust: 0 }
          - id: leave
            text: Leave early.
            next: flat
            rating: missed
            feedback: Leaving.
            refs: [tenet.1]
            when: not chose(arrival.greet-baby)
      warm:
        ending: hopeful
        text: Warmth.
        debrief:
          - say: You waited.
          - when: chose(arrival.greet-baby)
            say: You greeted the baby first.
      flat:
        ending: concerning
        text: Flat.
        debrief:
          - when: visited(warm)
            say: Never shown.
    tests:
      - name: warm path
        choose: [greet-baby, wait]
        expect:
          ending: warm
          visited: [gaze]
          not-visited: [flat]
          variables: { trust: 3 }
          ratings: [attuned, attuned]
          debrief-includes: ["greeted the baby"]
      - name: flat path
        choose: [2, 2]
        expect:
          ending: flat
          ratings: [missed, partial]
    """

func loadScenario(_ text: String, file: String = "visit") -> (Scenario?, [Diagnostic]) {
    let result = ScenarioLoader.parse(SourceText(path: "Scenarios/\(file).yaml", text: text), knowledge: fixtureKnowledge)
    return (result.scenario, result.diagnostics)
}
