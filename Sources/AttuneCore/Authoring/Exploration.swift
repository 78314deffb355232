/// A small seeded random number generator (SplitMix64), so `explore --random N --seed S`
/// repeats exactly.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random playthroughs: each picks uniformly among the offered choices until an ending,
/// a stuck state, or `maxSteps`.
public struct RandomPlayReport: Sendable, Hashable {
    public var runs: Int
    /// How many runs reached each ending.
    public var endings: [String: Int]
    /// Runs that did not end: where they stopped and why, with their path.
    public var unfinished: [(node: String, reason: Stop, path: [String])]

    /// Why a random playthrough stopped before an ending.
    public enum Stop: Sendable, Hashable {
        /// No choice's condition holds.
        case noChoiceOffered
        /// Still going after this many choices (a loop, most likely).
        case stillGoing(afterChoices: Int)
    }

    public static func == (lhs: RandomPlayReport, rhs: RandomPlayReport) -> Bool {
        lhs.runs == rhs.runs && lhs.endings == rhs.endings && lhs.unfinished.map(\.path) == rhs.unfinished.map(\.path)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(runs)
        hasher.combine(endings)
    }
}

public enum RandomPlay {
    public static func run(_ scenario: Scenario, runs: Int, seed: UInt64, maxSteps: Int = 1_000) -> RandomPlayReport {
        let engine = ScenarioEngine(scenario)
        var generator = SeededGenerator(seed: seed)
        var report = RandomPlayReport(runs: runs, endings: [:], unfinished: [])
        for _ in 0..<runs {
            var state = engine.start()
            var steps = 0
            while true {
                if engine.isEnding(state) {
                    report.endings[state.node, default: 0] += 1
                    break
                }
                let offered = engine.offeredChoices(in: state)
                if offered.isEmpty {
                    report.unfinished.append((state.node, .noChoiceOffered, state.path.map(\.choice)))
                    break
                }
                if steps >= maxSteps {
                    report.unfinished.append((state.node, .stillGoing(afterChoices: maxSteps), state.path.map(\.choice)))
                    break
                }
                state = engine.choose(offered[Int.random(in: 0..<offered.count, using: &generator)], in: state)
                steps += 1
            }
        }
        return report
    }
}
