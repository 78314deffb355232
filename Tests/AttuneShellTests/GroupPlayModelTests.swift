import AttuneCore
import AttunePlay
import AttuneStore
import Foundation
import Testing
@testable import AttuneShell

/// A small reference model of a group session: what the record must hold after any
/// sequence of the trainer's commands and the phones' votes.
private struct RoomModel {
    struct Decision: Equatable, CustomStringConvertible {
        var pass: Int
        var choice: String
        var tally: [Int]?
        var source: TallySource?
        var takenBack: Bool

        var description: String {
            "p\(pass) \(choice) \(tally.map { "\($0)" } ?? "-") \(source?.rawValue ?? "-")\(takenBack ? " back" : "")"
        }
    }

    var decisions: [Decision] = []
    var pass = 1
    /// Choice ids of the path in effect on this pass.
    var path: [String] = []
    var ballots: [String: Int] = [:]
    var tally: RoomTally?
    var voting = false

    var phoneCounts: (Int) -> [Int] {
        { offered in
            var counts = Array(repeating: 0, count: offered)
            for choice in ballots.values { counts[choice] += 1 }
            return counts
        }
    }

    /// `lock`, or a choice while voting: the phones' votes become the tally, unless none voted.
    mutating func lock(offered: Int) {
        voting = false
        if !ballots.isEmpty { tally = RoomTally(counts: phoneCounts(offered), roomSize: tally?.roomSize, source: .phones) }
    }

    /// Leaving the moment without a choice: what is set aside (and must be said).
    mutating func leaveMoment() -> Bool {
        defer {
            ballots = [:]
            tally = nil
            voting = false
        }
        return !ballots.isEmpty || tally != nil
    }

    /// After a resume: the votes stay; voting is closed, and open votes with no tally become it.
    mutating func resume(offered: Int) {
        voting = false
        if tally == nil, !ballots.isEmpty { tally = RoomTally(counts: phoneCounts(offered), source: .phones) }
    }
}

@Suite("Group play against a model: no vote or tally is ever dropped silently", .serialized)
struct GroupPlayModelTests {
    static let maya: Scenario = {
        let library = try! ContentLibrary.load(knowledgeDirectory: packageRoot.appendingPathComponent("Knowledge").path,
                                               scenarioDirectory: packageRoot.appendingPathComponent("Scenarios").path)
        return library.scenario("maya-quiet-visit")!
    }()

    static func device(_ number: Int) -> String { String(format: "phone-%026d", number) }

    /// Runs one seeded sequence of room events and checks the board after each, and the
    /// record and its export at the end, against the model. Returns a description of the
    /// first difference, or nil.
    static func run(seed: UInt64, steps: Int, directory: String, storeBox: inout ProgressStore) -> String? {
        var random = SeededGenerator(seed: seed)
        let scenario = maya
        let key = CaseKey(id: scenario.id)
        let board = RoomBoard()
        guard let id = try? storeBox.startGroupSession(key, at: Date()),
              var (group, _) = GroupPlay.open(scenario, key: key, session: id, store: storeBox, board: board) else {
            return "seed \(seed): could not open a group session"
        }
        var model = RoomModel()
        var log: [String] = []
        func fail(_ what: String) -> String { "seed \(seed) after [\(log.joined(separator: "; "))]: \(what)" }
        for _ in 0..<steps {
            let offered = group.play.offered.count
            let atEnding = group.play.isAtEnding
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<30: // a phone votes (sometimes for a choice not offered, or a moment that has passed)
                let phone = device(Int.random(in: 0..<12, using: &random))
                let choice = Int.random(in: 0..<max(1, offered + 1), using: &random)
                let stale = Int.random(in: 0..<10, using: &random) == 0
                log.append("vote \(phone.suffix(2)) \(choice)\(stale ? " stale" : "")")
                let accepted = (try? board.vote(device: phone, decision: board.decision - (stale ? 1 : 0), choice: choice)) != nil
                let expected = model.voting && !stale && choice < offered
                if accepted != expected { return fail("a vote was \(accepted ? "taken" : "refused") against the model") }
                if expected { model.ballots[phone] = choice }
            case 30..<40:
                log.append("open")
                let notices = (try? group.open()) ?? []
                if !atEnding, offered > 0 {
                    if model.voting, notices != [.alreadyOpen(voted: model.ballots.count)] { return fail("open twice: \(notices)") }
                    model.voting = true
                }
            case 40..<48:
                log.append("lock")
                let notices = (try? group.lock()) ?? []
                if model.voting {
                    let before = model.tally
                    model.lock(offered: offered)
                    if model.ballots.isEmpty, notices != [.lockedWithoutVotes(kept: before)] { return fail("lock, no votes: \(notices)") }
                } else if !notices.isEmpty {
                    return fail("lock while not voting said \(notices)")
                }
            case 48..<58: // a typed tally, sometimes huge or of the wrong length
                var counts = (0..<max(offered, 1)).map { _ in Int.random(in: 0..<9, using: &random) }
                let odd = Int.random(in: 0..<6, using: &random)
                var words = counts.map(String.init)
                if odd == 0 { words[0] = "9223372036854775807" }
                if odd == 1 { words.append("3") }
                let size = Int.random(in: 0..<3, using: &random) == 0 ? counts.reduce(0, +) + Int.random(in: 0..<3, using: &random) : nil
                if let size { words += ["of", String(size)] }
                log.append("votes \(words.joined(separator: " "))")
                guard let parsed = try? Tally.parse(words, offered: offered) else {
                    if odd > 1, !atEnding, offered > 0 { return fail("a good tally was refused") }
                    continue
                }
                counts = parsed.counts
                let notices = (try? group.setTally(parsed)) ?? []
                if !atEnding {
                    let typed = RoomTally(counts: counts, roomSize: size, source: .typed)
                    if let earlier = model.tally, notices != [.replaced(earlier: earlier, by: typed)] {
                        return fail("a replaced tally was not said: \(notices)")
                    }
                    model.tally = typed
                }
            case 58..<74:
                let number = Int.random(in: 1...max(1, offered + 1), using: &random)
                log.append("choose \(number)")
                guard !atEnding, number <= offered else {
                    if (try? group.choose(String(number))) != nil { return fail("an impossible choice was taken") }
                    continue
                }
                let choice = group.play.offered[number - 1].id
                let wasVoting = model.voting
                if model.voting { model.lock(offered: offered) }
                guard let (_, notices) = try? group.choose(String(number)) else { return fail("choice \(number) was refused") }
                if wasVoting != notices.contains(.lockedForChoice(model.tally)) {
                    return fail("choosing while voting did not say that voting closed first: \(notices)")
                }
                model.decisions.append(.init(pass: model.pass, choice: choice, tally: model.tally?.counts,
                                             source: model.tally?.source, takenBack: false))
                model.path.append(choice)
                model.ballots = [:]
                model.tally = nil
                model.voting = false
            case 74..<82:
                log.append("back")
                let (outcome, notices) = group.back()
                guard !model.path.isEmpty else {
                    if outcome != .atStart { return fail("back at the start moved") }
                    continue
                }
                let setAside = model.leaveMoment()
                if setAside != notices.contains(where: { if case .setAside = $0 { return true } else { return false } }) {
                    return fail("back set votes aside without saying so: \(notices)")
                }
                model.path.removeLast()
                let index = model.decisions.lastIndex { $0.pass == model.pass && !$0.takenBack }!
                model.decisions[index].takenBack = true
            case 82..<86:
                log.append("restart")
                let notices = group.restart()
                let setAside = model.leaveMoment()
                if setAside != notices.contains(where: { if case .setAside = $0 { return true } else { return false } }) {
                    return fail("restart set votes aside without saying so: \(notices)")
                }
                model.pass += 1
                model.path = []
            default: // stop and resume; quit and reopen; or a crash (no goodbye) and reopen
                let how = Int.random(in: 0..<3, using: &random)
                log.append(["stop+resume", "quit+reopen", "kill+reopen"][how])
                if how < 2 { _ = group.close(at: Date()) } else { group.play.end() }
                if how >= 1 {
                    storeBox.close()
                    guard let reopened = try? ProgressStore(directory: directory) else { return fail("the record did not reopen") }
                    storeBox = reopened
                }
                guard let (resumed, opening) = GroupPlay.open(scenario, key: key, session: id, store: storeBox, board: board) else {
                    return fail("the session did not reopen")
                }
                group = resumed
                if opening.outcome != .fresh, opening.outcome != .resumed(choices: model.path.count) {
                    return fail("resumed as \(opening.outcome), not where the room stopped (\(model.path.count) choices)")
                }
                model.resume(offered: group.play.offered.count)
                if opening.restoredVotes != model.ballots.count || opening.restoredTally != model.tally {
                    return fail("resume restored \(opening.restoredVotes) votes and \(String(describing: opening.restoredTally)), "
                        + "the model has \(model.ballots.count) and \(String(describing: model.tally))")
                }
            }
            // The board holds what the model holds, after every event.
            let state = board.state
            if state.ballots != model.ballots { return fail("the board's votes \(state.ballots) differ from the model's \(model.ballots)") }
            if state.tally != model.tally { return fail("the board's tally \(String(describing: state.tally)) differs from \(String(describing: model.tally))") }
            if (state.phase == .voting) != model.voting { return fail("voting is \(state.phase), the model says \(model.voting)") }
            if group.play.state.path.map(\.choice) != model.path { return fail("the path differs from the model's") }
        }
        // The record, and its export, equal the model.
        guard let record = try? storeBox.groupSession(id) else { return fail("the session could not be read") }
        let stored = record.allDecisions.map {
            RoomModel.Decision(pass: $0.pass, choice: $0.choice, tally: $0.tally, source: $0.tallySource, takenBack: $0.takenBackAt != nil)
        }
        if stored != model.decisions { return fail("the record \(stored) differs from the model \(model.decisions)") }
        let pending = record.pending
        if (pending?.ballots ?? [:]) != model.ballots { return fail("the record's pending votes differ from the model's") }
        let pendingTally = pending?.tally.map { RoomTally(counts: $0, roomSize: pending?.roomSize, source: pending?.tallySource ?? .typed) }
        if pendingTally != model.tally { return fail("the record's pending tally \(String(describing: pendingTally)) differs from \(String(describing: model.tally))") }
        let markdown = GroupExport.markdown(record, scenario: scenario)
        let takenBack = markdown.components(separatedBy: "*(taken back with 'back'").count - 1
        if takenBack != model.decisions.filter(\.takenBack).count { return fail("the export marks \(takenBack) decisions taken back") }
        let passes = markdown.components(separatedBy: "\n### Pass ").count - 1
        if passes != (model.pass > 1 ? model.pass : 0) { return fail("the export shows \(passes) passes, the model \(model.pass)") }
        let tallies = model.decisions.compactMap(\.tally).count
        if markdown.components(separatedBy: "   Votes ").count - 1 != tallies { return fail("the export does not show every tally") }
        if (model.tally != nil || !model.ballots.isEmpty) != markdown.contains("The room had not yet chosen at its last moment") {
            return fail("the export does not show the tally not yet taken with a choice")
        }
        _ = group.close(at: Date())
        return nil
    }

    @Test("2,000 seeded sequences of phones, open, lock, votes, choices, back, restart, stop, quit and crashes")
    func randomSequences() throws {
        let directory = try temporaryDirectory().appendingPathComponent("data").path
        var store = try ProgressStore(directory: directory)
        let base = UInt64(ProcessInfo.processInfo.environment["ATTUNE_MODEL_SEED"] ?? "") ?? 20_261_206
        for index in 0..<2_000 {
            if let problem = Self.run(seed: base &+ UInt64(index), steps: 24, directory: directory, storeBox: &store) {
                Issue.record("\(problem)")
                return
            }
        }
    }
}
