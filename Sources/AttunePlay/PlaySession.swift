import AttuneCore
import AttuneStore
import Foundation

/// How a playthrough is kept.
public enum Recording: Sendable, Equatable {
    /// In the learner's own progress.
    case personal
    /// As a group session's decisions, apart from anyone's personal progress.
    case group(Int64)
    /// Not at all: scripted runs, drafts played from a file, and paths changed by author tools.
    case none
}

/// What opening a case found.
public enum OpenOutcome: Sendable, Equatable {
    /// A new start.
    case fresh
    /// An unfinished playthrough continues after `choices` choices.
    case resumed(choices: Int)
    /// The case changed since it was started: the first `kept` of `stored` choices still fit.
    case changed(kept: Int, stored: Int)
    /// Another Attune window has this case (or group session) open; nothing was opened.
    case openElsewhere
}

/// The result of one choice.
public struct ChoiceOutcome: Sendable {
    public let choice: Choice
    public let state: PlayState
    /// The ending reached, if the choice led to one.
    public let ending: ScenarioNode?
}

/// What `back` did.
public enum BackOutcome: Sendable, Equatable {
    case atStart
    /// Returned to the moment before the last choice; `leftEnding` when that choice had
    /// reached an ending (the ending stays in the record).
    case returned(leftEnding: Bool)
}

/// What replacing the case with a newly read version did to the learner's place.
public enum ReloadOutcome: Sendable, Equatable {
    /// The same path reaches the same moment.
    case sameMoment
    /// The moment still exists but the path to it changed: play stays here, unrecorded.
    case pathChanged
    /// The moment no longer exists; the session has ended and a later `play` resumes.
    case momentRemoved(node: String)
}

/// The rules of playing one case, with no terminal in sight: the engine, the stored record,
/// resume with the longest path that still fits, `back` (also from an ending), restart and
/// recording. A front end (the shell, a room screen) calls it and renders what it returns.
public final class PlaySession {
    public private(set) var scenario: Scenario
    public let key: CaseKey
    public private(set) var playthrough: Playthrough
    public private(set) var recording: Recording
    /// The playthrough's row in the learner's record, while recording personally.
    public private(set) var recordID: Int64?
    private let store: ProgressStore?
    private let now: () -> Date
    /// Holds the record for this window while the session lasts.
    private var claim: CaseClaim?
    /// Problems saving, collected for the front end to report; play carries on unsaved.
    public private(set) var saveProblems: [String] = []

    private init(scenario: Scenario, key: CaseKey, playthrough: Playthrough, recording: Recording, recordID: Int64?,
                 store: ProgressStore?, now: @escaping () -> Date) {
        self.scenario = scenario
        self.key = key
        self.playthrough = playthrough
        self.recording = recording
        self.recordID = recordID
        self.store = store
        self.now = now
    }

    /// Opens a case. Personal play continues an unfinished playthrough of the same case
    /// (same id and origin), and a group session continues its own decisions, from the
    /// longest path that still fits; unrecorded play starts fresh.
    public static func open(_ scenario: Scenario, key: CaseKey, store: ProgressStore?, recording: Recording,
                            now: @escaping () -> Date = Date.init) -> (PlaySession, OpenOutcome) {
        let engine = ScenarioEngine(scenario)
        let session = PlaySession(scenario: scenario, key: key, playthrough: Playthrough(scenarioID: scenario.id, start: engine.start()),
                                  recording: store == nil ? .none : recording, recordID: nil, store: store, now: now)
        if case let .group(id) = session.recording, let store {
            guard let claim = store.claimGroupSession(id) else { return (session.unrecorded(), .openElsewhere) }
            session.claim = claim
            return (session, session.resumeGroup(id, store: store))
        }
        guard session.recording == .personal, let store else { return (session, .fresh) }
        guard let claim = store.claim(key) else { return (session.unrecorded(), .openElsewhere) }
        session.claim = claim
        let stored: StoredPlaythrough?
        do {
            stored = try store.activePlaythrough(key)
        } catch {
            session.saveProblems.append(error.description)
            return (session, .fresh)
        }
        guard let stored else {
            session.recordID = session.save { try $0.startPlaythrough(key, at: now()) }
            return (session, .fresh)
        }
        let states = Self.longestFit(stored.choices, engine: engine)
        session.playthrough = Playthrough(scenarioID: scenario.id, states: states)
        session.recordID = stored.id
        let kept = states.count - 1
        if kept < stored.choices.count {
            for _ in kept..<stored.choices.count {
                session.save { try $0.undoLastChoice(playthrough: stored.id, at: now()) }
            }
            return (session, .changed(kept: kept, stored: stored.choices.count))
        }
        return (session, stored.choices.isEmpty ? .fresh : .resumed(choices: kept))
    }

    /// This session, recording nothing (for a case open in another window).
    private func unrecorded() -> PlaySession {
        recording = .none
        recordID = nil
        return self
    }

    /// Continues a group session from its recorded decisions.
    private func resumeGroup(_ id: Int64, store: ProgressStore) -> OpenOutcome {
        let decisions: [GroupDecision]
        do {
            decisions = try store.groupSession(id)?.decisions ?? []
        } catch {
            saveProblems.append(error.description)
            return .fresh
        }
        guard !decisions.isEmpty else { return .fresh }
        let states = Self.longestFit(decisions.map(\.choice), engine: engine)
        playthrough = Playthrough(scenarioID: scenario.id, states: states)
        let kept = states.count - 1
        guard kept == decisions.count else {
            for _ in kept..<decisions.count { save { try $0.undoLastGroupDecision(session: id, at: now()) } }
            return .changed(kept: kept, stored: decisions.count)
        }
        return .resumed(choices: kept)
    }

    /// The states reached by the longest prefix of `choices` that still plays.
    static func longestFit(_ choices: [String], engine: ScenarioEngine) -> [PlayState] {
        var states = [engine.start()]
        for id in choices {
            guard let choice = engine.offeredChoices(in: states[states.count - 1]).first(where: { $0.id == id }) else { break }
            states.append(engine.choose(choice, in: states[states.count - 1]))
        }
        return states
    }

    public var engine: ScenarioEngine { ScenarioEngine(scenario) }
    /// The group session this play records into, if any.
    public var groupSession: Int64? {
        if case let .group(id) = recording { return id }
        return nil
    }
    public var state: PlayState { playthrough.current }
    public var node: ScenarioNode? { engine.node(for: state) }
    public var offered: [Choice] { engine.offeredChoices(in: state) }
    public var isAtEnding: Bool { engine.isEnding(state) }
    /// The moment's number, from 1: how many moments the learner has been shown on this path (an
    /// author's `goto` counts as one more).
    public var momentNumber: Int { max(playthrough.states.count, state.path.count + 1) }


    /// The last choice in effect, for `why`; known after a resume too.
    public var lastChoice: Choice? {
        guard let made = state.path.last else { return nil }
        return scenario.node(made.node)?.choices.first { $0.id == made.choice }
    }

    /// The journal prompt for this moment: the moment's own, else the one the last choice offered.
    public var reflectionPrompt: String? {
        node?.reflect ?? lastChoice?.reflect
    }

    /// Where a reflection written now belongs.
    public var reflectionContext: ReflectionContext {
        ReflectionContext(scenario: key, node: state.node, playthrough: recordID, prompt: reflectionPrompt,
                                 groupSession: groupSession)
    }

    /// Takes offered choice `selector` (a number from 1 or a choice id). A group's tally
    /// for the offered choices is kept with the decision.
    @discardableResult
    public func choose(_ selector: String, tally: RoomTally? = nil) throws(PlayError) -> ChoiceOutcome {
        let before = state
        let offeredBefore = offered
        let step = try engine.choose(selector, in: before)
        switch recording {
        case .personal:
            if let recordID {
                let competencies = scenario.competencies(for: step.choice)
                save { try $0.recordChoice(playthrough: recordID, step: before.path.count, node: before.node,
                                           choice: step.choice.id, rating: step.choice.rating, competencies: competencies,
                                           at: now()) }
            }
        case let .group(session):
            let ids = offeredBefore.map(\.id)
            let kept = tally?.counts.count == ids.count ? tally : nil
            save { try $0.recordGroupDecision(session: session, scenario: key.id, node: before.node, choice: step.choice.id,
                                              rating: step.choice.rating, offered: ids, tally: kept?.counts,
                                              source: kept?.source, roomSize: kept?.roomSize, at: now()) }
        case .none:
            break
        }
        playthrough.advance(to: step.state)
        let ending = engine.node(for: step.state).flatMap { $0.isEnding ? $0 : nil }
        if let ending, recording == .personal, let recordID {
            save { try $0.finish(playthrough: recordID, ending: ending.id, kind: ending.ending, at: now()) }
        }
        return ChoiceOutcome(choice: step.choice, state: step.state, ending: ending)
    }

    /// Takes back the last choice. From an ending, the ending stays in the record and the
    /// path so far continues as a new playthrough.
    public func back() -> BackOutcome {
        guard playthrough.canGoBack else { return .atStart }
        let leftEnding = isAtEnding
        playthrough.back()
        switch recording {
        case .personal:
            guard let recordID else { break }
            if leftEnding {
                let path = state.path
                let made = engine.choicesMade(in: state)
                let key = self.key, scenario = self.scenario, now = self.now
                self.recordID = save { store in
                    let id = try store.startPlaythrough(key, at: now())
                    for (index, step) in path.enumerated() {
                        try store.recordChoice(playthrough: id, step: index, node: step.node, choice: step.choice,
                                               rating: step.rating, competencies: scenario.competencies(for: made[index].choice),
                                               carriedOver: true, at: now())
                    }
                    return id
                }
            } else {
                save { try $0.undoLastChoice(playthrough: recordID, at: now()) }
            }
        case let .group(session):
            save { try $0.undoLastGroupDecision(session: session, at: now()) }
        case .none:
            break
        }
        return .returned(leftEnding: leftEnding)
    }

    /// Begins the case again. The earlier path stays in the record; a group session begins a new pass.
    public func restart() {
        playthrough = Playthrough(scenarioID: scenario.id, start: engine.start())
        switch recording {
        case .personal:
            let key = self.key, now = self.now
            recordID = save { try $0.startPlaythrough(key, at: now()) }
        case let .group(session):
            save { try $0.startGroupPass(session: session) }
        case .none:
            break
        }
    }

    /// Author tools move the state by hand, so from then on the path is not recorded.
    /// Returns true when recording stopped because of this call.
    @discardableResult
    public func jump(to node: String) -> Bool {
        var next = state
        next.node = node
        next.visits[node, default: 0] += 1
        playthrough.advance(to: next)
        return stopRecording()
    }

    @discardableResult
    public func setVariable(_ name: String, to value: Int) -> Bool {
        var next = state
        next.variables[name] = value
        playthrough.advance(to: next)
        return stopRecording()
    }

    private func stopRecording() -> Bool {
        guard recording != .none else { return false }
        recording = .none
        recordID = nil
        return true
    }

    /// Carries the learner's place over to a newly read version of the case.
    public func replace(with fresh: Scenario) -> ReloadOutcome {
        let position = state
        let engine = ScenarioEngine(fresh)
        guard fresh.node(position.node) != nil else { return .momentRemoved(node: position.node) }
        if let states = try? engine.replay(position.path.map(\.choice)), states.last?.node == position.node,
           states.last?.variables == position.variables {
            scenario = fresh
            playthrough = Playthrough(scenarioID: fresh.id, states: states)
            return .sameMoment
        }
        scenario = fresh
        playthrough = Playthrough(scenarioID: fresh.id, start: position)
        _ = stopRecording()
        return .pathChanged
    }

    /// Lets the case go: another window may open it now. (Dropping the session does the same.)
    public func end() {
        claim = nil
    }

    /// Hands the collected save problems to the front end, once.
    public func takeSaveProblems() -> [String] {
        defer { saveProblems = [] }
        return saveProblems
    }

    @discardableResult
    private func save<T>(_ operation: (ProgressStore) throws -> T) -> T? {
        guard let store else { return nil }
        do {
            return try operation(store)
        } catch {
            saveProblems.append((error as? StoreError)?.description ?? "\(error)")
            return nil
        }
    }
}
