import AttuneCore

/// Group play and the room: group sessions, votes, lock, reveal, the projector screen, the phone pages and the handout.
///
/// Each case carries its values; `English` and `Spanish` put it in words (see
/// `MessageCatalog.room(_:)`).
public enum RoomText: Sendable, Hashable {
    /// The trainer's terminal in group mode: sessions, votes, notes, the timer.
    case group(Group)
    /// The trainer's terminal about phones: `group serve`, `open`, `lock`, who joined.
    case phones(Phones)
    /// The reveal and the room's path, on the trainer's screen.
    case screen(Screen)
    /// The words of the phone page and the projector's room screen.
    case page(Page)
    /// What the room's server answers a phone (plain text the page shows).
    case answer(Answer)
    /// The group session as a Markdown handout (`group export`).
    case handout(Handout)

    /// A room's tally as the catalog words it: "7 / 4 / 1, from phones, of 12".
    public struct Tally: Sendable, Hashable {
        public var counts: [Int]
        public var fromPhones: Bool
        public var roomSize: Int?

        public init(counts: [Int], fromPhones: Bool, roomSize: Int? = nil) {
            self.counts = counts
            self.fromPhones = fromPhones
            self.roomSize = roomSize
        }
    }

    /// What a private screen would show on the shared screen in group mode.
    public enum PrivateScreen: Sendable, Hashable {
        case journal
        case journalEntries
        case journalEntry
        case progress
        case facilitatorNotes
    }

    public enum Group: Sendable, Hashable {
        /// "'votes' is for group mode. Type 'group on' first."
        case forGroupMode(command: String)
        case resumeUsage
        /// `group export 1`: a session number without a file.
        case exportNeedsFile(number: String)
        case exportNeedsFileAfter(number: Int64)
        case exportNumberUsage
        case exportUsage
        case usage
        case alreadyOn
        case alreadyOff
        case needsStore
        /// Group mode left the case the trainer was playing alone.
        case leftCase(title: String)
        /// "Group mode is on." in bold, then `groupModeHelp`.
        case groupModeOn
        case groupModeHelp
        case groupModeOff
        case couldNotStart(error: String)
        case sessionBegins(Int64)
        case sessionContinues(Int64)
        case noSessionsWithoutStore
        case noSuchSession(Int64)
        case sessionCaseNotLoaded(session: Int64, caseID: String)
        case openElsewhere(Int64)
        /// A resumed moment's tally and phone votes (0: none to name).
        case keptFromBefore(tally: Tally?, phoneVotes: Int)
        case couldNotSave(problem: String)
        case couldNotReadSessions(error: String)
        case noSessionsYet
        case sessionsHeading
        /// One line of `group sessions`; `title` nil when the session had no case.
        case sessionLine(number: Int64, started: String, title: String?, decisions: Int, notes: Int, open: Bool)
        case sessionsHint
        /// "This shows ... on the shared screen." (styled), then `showAgain`.
        case privateOnSharedScreen(PrivateScreen)
        case showAgain(command: String, plural: Bool)
        case facilitatorNotesTitle
        case noFacilitatorNotes
        case forTheFacilitator
        case toDiscuss
        case atThisMoment
        case noDiscussionPrompts
        case noChoicesToVoteOn
        case nothingToVoteOn
        case votesMoreThanRoom(total: Int, room: Int)
        case votesTooLarge(word: String, choices: Int, example: String)
        case votesWrongCount(choices: Int, example: String)
        case phonesStillOpen
        case votedOfRoom(voted: Int, room: Int)
        case revealTooEarly
        case noTimer
        case timerOff
        case timerUsage
        case timerStarted(minutes: Double)
        case timeLeft(minutes: Int, seconds: Int)
        case timeUp
        case noSessionToExportWithoutStore
        case noSessionToExportYet
        case couldNotReadSession(error: String)

        // What the room's votes did (`RoomNotice`).
        case votingOpened(choices: Int)
        case votingAlreadyOpen(voted: Int)
        case votingReopened(kept: Int)
        case lockedWithoutVotes(kept: Tally?)
        case tallyReplaced(tally: Tally, earlier: Tally)
        case lockedForChoice(Tally?)
        /// "Not used: " (styled), then `notUsed`.
        case notUsedLabel
        case notUsed(tally: Tally?, phoneVotes: Int)

        // The vote chart.
        case chartHeading(fromPhones: Bool)
        case chartTotal(Int)
        case chartAccessibleHeading(fromPhones: Bool, total: Int)
        case chartAccessibleLine(number: Int, votes: Int, text: String)
        case chooseNow
    }

    public enum Phones: Sendable, Hashable {
        case notRunning
        case stopped
        case alreadyRunning
        case bindUsage
        case portUsage
        case serveUsage
        case noNetwork
        case running
        case joinAt
        case roomCode(String)
        case projector(link: String)
        case plainHTTP
        case openUsage
        case caseEnded
        case lockNotOpen
        case needsGroupMode(command: String)
        case needsRoomPage(command: String)
        /// "Phones: 3 joined, 2 voted." (`voted` nil while voting is not open).
        case joined(Int, voted: Int?)
        /// "More phones have joined (N) than the M in the room." (styled), then `joinedTwice`.
        case moreThanRoom(joined: Int, room: Int)
        case joinedTwice

        // Why `group serve` could not listen.
        case notAnAddress(host: String)
        case refusedConnection(host: String)
        /// The port is taken; `free` names one that is not, when one was found.
        case portInUse(port: Int, free: Int?)
        case portNeedsRights(port: Int)
        case couldNotListen(host: String)
    }

    public enum Screen: Sendable, Hashable {
        case revealHeading
        case roomsChoiceMark
        case revealOption(number: Int, rating: Rating, votes: Int?, text: String)
        case choiceMarkLegend
        case pathHeading
        case pathLine(votes: [Int]?, chosen: Int, chosenRating: Rating, matched: Bool, best: Int, bestRating: Rating)
        case matchedTotal(matched: Int, total: Int)
    }

    /// The pages' words. Where the script fills in a number, the text holds `{n}` (and `{m}`
    /// for a second), and the singular and plural are separate cases.
    public enum Page: Sendable, Hashable {
        case voteTitle
        case roomTitle
        case storageBlocked
        case connecting
        case revealHeading
        case pathHeading
        case privacyNote
        case notAnswering
        case moved
        case stoppedOver
        case stillTrying
        case yourVoteIsIn
        case votingOpen
        case votingClosedCounting
        case chosenWaiting
        case revealedBelow
        case endedPath
        case closedThanks
        case waiting
        case chooseOne
        /// The question when a moment has no prompt of its own.
        case whatDoYouDo
        case yourVote
        /// "Your vote: {n}", {n} the choice.
        case yourVoteWas
        case didNotReach
        case tooOld
        /// "Moment {n}".
        case momentNumber
        /// "{n}: how each option met the family", {n} the moment.
        case revealTitleOf
        /// "The room chose option {n}."
        case roomChoseOption
        case voteOne
        case votesOther
        case roomsChoice
        /// "{n}: the room chose “{m}”" then `pathLineMatched` or `pathLineBest`.
        case pathLineChose
        case pathLineMatched
        /// "; the most attuned was “{n}”."
        case pathLineBest
        /// "The room matched the most attuned option at {n} of {m} decision(s)."
        case matchedOne
        case matchedOther
        /// A rating, for the reveal and the path.
        case rating(Rating)

        // The projector's room screen.
        case theMoment
        case joiningAndTime
        case qrAlt
        case joinAt
        case roomCode
        case timeLeft
        case timeIsUp
        case columnMoment
        case columnVotes
        case columnChose
        case columnBest
        case columnMatched
        case matched
        case notMatched
        case notCounted
        case votedOne
        case votedOther
        case roomMoved
        case openAgain
        case serverGone
        case opensWhenReady
        case openChooseOnPhone
        case closed
        case overForCase
        case optionNumber
    }

    public enum Handout: Sendable, Hashable {
        /// "# Attune group session 3".
        case title(Int64)
        case started(at: String, ended: String?)
        /// "### Pass 2 (the room's path now)".
        case pass(Int, current: Bool)
        /// The room's tally at its last moment, not yet chosen; `uncounted` phone votes when no tally was taken.
        case pending(tally: Tally?, uncounted: Int)
        case summaryHeading
        /// The summary table's header row and its alignment row.
        case summaryColumns
        case notRecorded
        case yes
        case no
        case caseNotLoaded(caseID: String)
        case notesHeading
        case noNotes
        case pathTaken
        case noDecisionYet
        /// After a decision taken back: " *(taken back with 'back' at ...; kept here with its tally)*".
        case takenBack(at: String)
        /// A decision's option table: header row and alignment row.
        case optionColumns
        case roomsChoice
        case noVotesForDecision
        case votesSource(fromPhones: Bool, roomSize: Int?)
        case groupChose(text: String, rating: Rating)
        case endingHeading(EndingKind?)
        case noDebrief
        case stoppedBeforeEnding
    }

    public enum Answer: Sendable, Hashable {
        case voteIn
        case notOpen
        case stale
        case notOffered
        case badDevice
        case notSaved
        case notAVote
        case notJoined
        case onlyFromPage
        case tooManyPhones
        case tooManyTries
        case tooManyRequests
        case askAddress
        case wrongCode
        case notHowUsed
        case noSuchPage
        case noIcon
        case moved
        case screenNotPrepared
        case qrNotDrawn
        case stateNotPrepared
        // A request refused before it is read (in the trainer's language: its head is not read yet).
        case tooSlow
        case headTooLarge
        case unreadable
        case needsLength
        case bodyTooLarge
    }
}
