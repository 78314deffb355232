import AttuneCore
import AttunePlay
import AttuneStore
import Foundation
import Testing

/// A case with two decisions, a counter and two endings, read from text.
func caseNamed(_ id: String = "visit", file: String = "/cases/visit.yaml", secondPrompt: String = "And now?",
               dropWait: Bool = false) -> Scenario {
    let wait = dropWait ? "" : """
              - id: wait
                text: Wait for her.
                next: warm
                rating: attuned
                feedback: Waiting gives her time.
                refs: [entry.one]
                reflect: What was it like to wait?

        """
    let text = """
        scenario: \(id)
        title: A visit, one morning
        summary: A short case.
        minutes: 5
        audience: [group.one]
        competencies: [competency.one]
        knowledge: [entry.one]
        variables:
          trust: 0
        start: arrival
        nodes:
          arrival:
            text: You arrive.
            reflect: What might the stillness say?
            prompt: What first?
            choices:
              - id: greet
                text: Greet the baby.
                next: gaze
                rating: attuned
                feedback: Babies notice who comes to them.
                refs: [entry.one]
                add: { trust: 1 }
              - id: forms
                text: Start the forms.
                next: gaze
                rating: missed
                feedback: The forms can wait.
                refs: [entry.one]
          gaze:
            text: The baby looks away.
            prompt: \(secondPrompt)
            choices:
        \(wait)      - id: talk
                text: Talk on.
                next: flat
                rating: partial
                feedback: Talking fills the silence.
                refs: [entry.one]
          warm:
            ending: hopeful
            text: A warm moment.
          flat:
            ending: concerning
            text: It stays flat.
        """
    let result = ScenarioLoader.load(sources: [SourceText(path: file, text: text)], knowledge: knowledge)
    precondition(result.scenarios.count == 1, "\(result.diagnostics.map(\.rendered))")
    return result.scenarios[0]
}

let knowledge: KnowledgeBase = {
    let text = """
        topic: few
        title: A few entries
        summary: For tests.
        entries:
          - { id: group.one, title: Home visitors, kind: group, summary: s, body: b, sources: [s] }
          - { id: competency.one, title: Reflection, kind: competency, summary: s, body: b, sources: [s] }
          - { id: entry.one, title: Serve and return, kind: concept, summary: s, body: b, sources: [s] }
        """
    let result = KnowledgeLoader.load(sources: [SourceText(path: "few.yaml", text: text)])
    precondition(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.rendered))")
    return result.base
}()

func freshStore() throws -> ProgressStore {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-play-\(UUID().uuidString)").path
    return try ProgressStore(directory: folder)
}

private let key = CaseKey(id: "visit")

@Suite("PlaySession: the rules of play without a terminal")
struct PlaySessionTests {
    @Test("a new case starts fresh and records each choice; an ending finishes the playthrough")
    func freshAndFinish() throws {
        let store = try freshStore()
        let (session, outcome) = PlaySession.open(caseNamed(), key: key, store: store, recording: .personal)
        #expect(outcome == .fresh)
        #expect(session.momentNumber == 1)
        try session.choose("1")
        let end = try session.choose("wait")
        #expect(end.ending?.id == "warm")
        #expect(try store.activePlaythrough(key) == nil)
        #expect(try store.statuses() == [key: .done])
    }

    @Test("resuming continues at the same moment, and 'why' knows the last choice")
    func resume() throws {
        let store = try freshStore()
        let (first, _) = PlaySession.open(caseNamed(), key: key, store: store, recording: .personal)
        try first.choose("1")
        first.end()
        let (again, outcome) = PlaySession.open(caseNamed(), key: key, store: store, recording: .personal)
        #expect(outcome == .resumed(choices: 1))
        #expect(again.state.node == "gaze")
        #expect(again.state.variables["trust"] == 1)
        #expect(again.lastChoice?.id == "greet")
        #expect(again.momentNumber == 2)
    }

    @Test("a changed case resumes with the longest path that still fits")
    func changedCase() throws {
        let store = try freshStore()
        let (first, _) = PlaySession.open(caseNamed(), key: key, store: store, recording: .personal)
        try first.choose("greet")
        try first.choose("wait")
        // The ending was reached; back then a choice that a new version removes.
        _ = first.back()
        first.end()
        let (second, _) = PlaySession.open(caseNamed(), key: key, store: store, recording: .personal)
        #expect(second.state.node == "gaze")
        second.end()
        let (changed, outcome) = PlaySession.open(caseNamed(dropWait: true), key: key, store: store, recording: .personal)
        #expect(outcome == .resumed(choices: 1))
        #expect(changed.offered.map(\.id) == ["talk"])
    }

    @Test("a case open in one window is not opened in a second; the record and journal stay whole")
    func twoWindows() throws {
        let store = try freshStore()
        let (first, _) = PlaySession.open(caseNamed(), key: key, store: store, recording: .personal)
        try first.choose("greet")
        let (second, outcome) = PlaySession.open(caseNamed(), key: key, store: store, recording: .personal)
        #expect(outcome == .openElsewhere)
        #expect(second.recording == .none)
        try second.choose("forms")
        #expect(try store.activePlaythrough(key)?.choices == ["greet"], "the second window wrote nothing")
        _ = try ReflectionDesk(store: store).save("Still mine.", context: second.reflectionContext)
        #expect(try store.journal().map(\.text) == ["Still mine."])
        first.end()
        let (third, resumed) = PlaySession.open(caseNamed(), key: key, store: store, recording: .personal)
        #expect(resumed == .resumed(choices: 1))
        #expect(third.recording == .personal)
    }

    @Test("back from an ending keeps the ending in the record and continues as a new playthrough")
    func backFromEnding() throws {
        let store = try freshStore()
        let (session, _) = PlaySession.open(caseNamed(), key: key, store: store, recording: .personal)
        try session.choose("greet")
        try session.choose("wait")
        #expect(session.back() == .returned(leftEnding: true))
        #expect(session.state.node == "gaze")
        #expect(try store.progress().endings.map(\.ending) == ["warm"])
        let active = try #require(try store.activePlaythrough(key))
        #expect(active.choices == ["greet"])
        #expect(try store.progress().ratingCounts == [.attuned: 2], "stepping back counts no choice twice")
        #expect(try store.activityLog().choices.count == 2, "learning records get each choice once")
        try session.choose("talk")
        #expect(try store.progress().endings.map(\.ending) == ["warm", "flat"])
        #expect(try store.progress().ratingCounts == [.attuned: 2, .partial: 1])
        #expect(session.back() == .returned(leftEnding: true))
        #expect(session.back() == .returned(leftEnding: false))
        #expect(session.back() == .atStart)
    }

    @Test("a draft with a bundled case's id never touches the record of the bundled case")
    func clashingID() throws {
        let store = try freshStore()
        let origins = CaseOrigins(bundledFolder: "/bundled/Scenarios")
        let bundled = caseNamed(file: "/bundled/Scenarios/visit.yaml")
        let draft = caseNamed(file: "/home/author/cases/visit.yaml")
        #expect(origins.key(for: bundled) == CaseKey(id: "visit"))
        #expect(origins.key(for: draft) == CaseKey(id: "visit", origin: "/home/author/cases"))
        let (real, _) = PlaySession.open(bundled, key: origins.key(for: bundled), store: store, recording: .personal)
        try real.choose("greet")
        let (other, outcome) = PlaySession.open(draft, key: origins.key(for: draft), store: store, recording: .personal)
        #expect(outcome == .fresh)
        try other.choose("forms")
        try other.choose("talk")
        real.end()
        let (back, resumed) = PlaySession.open(bundled, key: origins.key(for: bundled), store: store, recording: .personal)
        #expect(resumed == .resumed(choices: 1))
        #expect(back.state.path.map(\.choice) == ["greet"])
        #expect(try store.statuses()[CaseKey(id: "visit")] == .inProgress)
    }

    @Test("group play records the room's decisions and leaves personal progress alone")
    func groupPlay() throws {
        let store = try freshStore()
        let (mine, _) = PlaySession.open(caseNamed(), key: key, store: store, recording: .personal)
        try mine.choose("greet")
        let group = try store.startGroupSession(at: Date())
        let (room, outcome) = PlaySession.open(caseNamed(), key: key, store: store, recording: .group(group))
        #expect(outcome == .fresh)
        try room.choose("forms", tally: RoomTally(counts: [2, 7], source: .typed))
        try room.choose("talk", tally: RoomTally(counts: [3, 4], source: .phones))
        #expect(try store.activePlaythrough(key)?.choices == ["greet"])
        #expect(try store.progress().endings.isEmpty)
        let decisions = try #require(try store.groupSession(group)).decisions
        #expect(decisions.map(\.choice) == ["forms", "talk"])
        #expect(decisions.map(\.tally) == [[2, 7], [3, 4]])
        #expect(room.reflectionContext.groupSession == group)
    }

    @Test("author tools stop recording; reload keeps the place or says the moment is gone")
    func authorToolsAndReload() throws {
        let store = try freshStore()
        let (session, _) = PlaySession.open(caseNamed(), key: key, store: store, recording: .personal)
        try session.choose("greet")
        #expect(session.replace(with: caseNamed(secondPrompt: "What now?")) == .sameMoment)
        #expect(session.node?.prompt == "What now?")
        #expect(session.recording == .personal)
        #expect(session.setVariable("trust", to: 5))
        #expect(session.recording == .none)
        try session.choose("wait")
        #expect(try store.progress().endings.isEmpty, "an unrecorded path records no ending")
        let (other, _) = PlaySession.open(caseNamed(), key: CaseKey(id: "other"), store: store, recording: .personal)
        try other.choose("greet")
        let renamed = caseNamed().nodes.filter { $0.id != "gaze" }
        var gone = caseNamed()
        gone.nodes = renamed
        #expect(other.replace(with: gone) == .momentRemoved(node: "gaze"))
    }
}

@Suite("ReflectionDesk: the learner's words, kept exactly and never lost")
struct ReflectionDeskTests {
    @Test("a one-line reflection is kept byte for byte")
    func exactText() throws {
        let store = try freshStore()
        let desk = ReflectionDesk(store: store)
        let text = "  I didn't know what to say. \"Flat\" voice \\ # tab\there 🙂 é שלום  "
        let entry = try desk.save(text, context: ReflectionContext(scenario: key, node: "gaze"))
        #expect(entry.text == text)
        #expect(try store.journal().map(\.text) == [text])
        #expect(throws: ReflectionError.empty) { try desk.save("  \t ", context: ReflectionContext()) }
    }

    @Test("a draft is in the record line by line; finishing moves it into the journal, once")
    func drafts() throws {
        let store = try freshStore()
        let desk = ReflectionDesk(store: store)
        var draft = try desk.begin(ReflectionContext(scenario: key, node: "gaze", prompt: "What did you feel?"))
        try desk.add("First, I felt rushed.", to: &draft)
        try desk.add("", to: &draft)
        try desk.add("  Then: she's \"fine\", she said.", to: &draft)
        // A reopened store (a crash, a closed window) still has every line.
        let reopened = try ProgressStore(directory: (store.path as NSString).deletingLastPathComponent)
        let found = try #require(ReflectionDesk(store: reopened).unfinished())
        #expect(found.text == "First, I felt rushed.\n\n  Then: she's \"fine\", she said.")
        #expect(found.lineCount == 3)
        #expect(found.context.prompt == "What did you feel?")
        #expect(found.context.scenario == key)
        let entry = try desk.finish(found)
        #expect(entry.text == found.text)
        #expect(desk.unfinished() == nil)
        #expect(try store.journal().count == 1)
    }

    @Test("an empty draft is discarded, not saved; discard removes a draft")
    func emptyAndDiscard() throws {
        let store = try freshStore()
        let desk = ReflectionDesk(store: store)
        var empty = try desk.begin(ReflectionContext())
        try desk.add("   ", to: &empty)
        #expect(throws: ReflectionError.empty) { try desk.finish(empty) }
        let kept = try desk.begin(ReflectionContext())
        try desk.discard(kept)
        #expect(desk.unfinished() == nil)
        #expect(try store.journal().isEmpty)
        #expect(throws: ReflectionError.noJournal) { try ReflectionDesk(store: nil).save("x", context: ReflectionContext()) }
    }
}
