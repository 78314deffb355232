import AttuneCore

/// The author's tools from the command line: `lint`, `test`, `explore`, `graph` and `new`,
/// their help, the explore report, the graph's legend, the new case's scaffold, and the
/// invisible characters lint findings name.
///
/// Each case carries its values; `English` and `Spanish` put it in words (see
/// `MessageCatalog.author(_:)`).
public enum AuthorText: Sendable, Hashable {
    /// What `lint`, `test`, `explore`, `graph` and `new` say about their arguments, and their help.
    case command(Command)
    /// `attune explore`'s report.
    case explore(Explore)
    /// `attune graph`'s legend and ending labels (node ids stay as written).
    case graph(GraphWord)
    /// A text of the new case `attune new` writes (the YAML keys stay English).
    case scaffold(ScaffoldText)
    /// An invisible character, as a lint finding names it: "an invisible control character (U+001B, escape)".
    case hidden(HiddenCharacter)

    public enum Command: Sendable, Hashable {
        /// A case with errors, before `explore` or `graph`.
        case fixErrorsFirst
        // `attune new`
        /// Not a case id.
        case notAnID(name: String)
        /// The id of a case that ships with Attune (`title`: its title).
        case bundledID(name: String, title: String)
        case cannotCreateFolder(folder: String)
        case alreadyExists(path: String)
        case cannotWrite(path: String)
        /// The new file is written; the command to check it follows on a line of its own.
        case wrote(path: String)
        // Help for the command line.
        case lintExtra, testExtra
        case lintPathsHelp, lintFormatHelp, lintRulesHelp
        case testTargetsHelp, testCoverageHelp
        case exploreTargetHelp, exploreRandomHelp, exploreSeedHelp, exploreMaxStatesHelp
        case graphTargetHelp, graphFormatHelp
        case newNameHelp
    }

    /// The parts of the explore report.
    public enum Explore: Sendable, Hashable {
        /// `paths`: the number of distinct paths to an ending, in digits; nil when loops make them unbounded.
        case reachableStates(states: Int, paths: String?)
        /// The state space was too large: the node graph only, `paths` at most.
        case tooManyStates(states: Int, paths: String?)
        case heading(Heading)
        /// After a heading whose list is empty: ": none".
        case none(Heading)
        /// An ending reached: its kind (as authors write it) and the shortest path of choices there.
        case endingReached(ending: String, kind: EndingKind?, path: [String])
        case neverReached(ending: String)
        /// On the node graph only, after an ending's id: whether the graph reaches it.
        case reachableInGraph(Bool)
        /// A stuck state: the node, the counters' values ("trust = 0"), and the way there (none: the start).
        case stuck(node: String, values: String, path: [String])
        /// After "What texts assume": every assumption holds on every route (of those explored, when
        /// the states were too many to explore all).
        case assumptionsHold(count: Int, onlyExplored: Bool)
        /// After "What texts assume": how many are false somewhere.
        case assumptionsFail(unmet: Int, total: Int)
        /// An assumption false on some route: its line (the label), then the rest.
        case assumptionLine(Int)
        /// `text`: the condition as quoted; `route`: the choices (none: the start).
        case assumptionFalse(text: String, route: [String], reason: ConditionReason)
        /// After "Random playthroughs": how many, the seed, and how many ended.
        case randomSummary(runs: Int, seed: UInt64, ended: Int)
        /// The label of a random playthrough that did not end.
        case didNotEnd
        /// Where and why it stopped, and the last choices made.
        case stoppedAt(node: String, stop: RandomPlayReport.Stop, path: [String])
    }

    public enum Heading: Sendable, Hashable, CaseIterable {
        case endingsReached, stuckStates, loopsWithNoWayOut, choicesNeverOffered, whatTextsAssume, randomPlaythroughs
    }
}
