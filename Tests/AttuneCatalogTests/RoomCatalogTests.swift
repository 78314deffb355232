import AttuneCatalog
import AttuneCore
import Testing

/// One sample of every `RoomText` case (the room's area of the catalog).
enum RoomSamples {
    static let tally = RoomText.Tally(counts: [7, 4, 1], fromPhones: false, roomSize: 12)
    static let phonesTally = RoomText.Tally(counts: [3, 2, 1], fromPhones: true)

    static let group: [RoomText.Group] = [
        .forGroupMode(command: "votes"), .resumeUsage, .exportNeedsFile(number: "1"), .exportNeedsFileAfter(number: 2),
        .exportNumberUsage, .exportUsage, .usage, .alreadyOn, .alreadyOff, .needsStore, .leftCase(title: "Maya"),
        .groupModeOn, .groupModeHelp, .groupModeOff, .couldNotStart(error: "disco lleno"), .sessionBegins(3),
        .sessionContinues(3), .noSessionsWithoutStore, .noSuchSession(9), .sessionCaseNotLoaded(session: 2, caseID: "maya-quiet-visit"),
        .openElsewhere(2), .keptFromBefore(tally: tally, phoneVotes: 3), .keptFromBefore(tally: phonesTally, phoneVotes: 0),
        .keptFromBefore(tally: nil, phoneVotes: 1), .couldNotSave(problem: "disco lleno"), .couldNotReadSessions(error: "disco lleno"),
        .noSessionsYet, .sessionsHeading,
        .sessionLine(number: 1, started: "2026-12-06 09:00", title: "Maya", decisions: 1, notes: 2, open: true),
        .sessionLine(number: 2, started: "2026-12-06 10:00", title: nil, decisions: 3, notes: 1, open: false),
        .sessionsHint, .privateOnSharedScreen(.journal), .privateOnSharedScreen(.journalEntries), .privateOnSharedScreen(.journalEntry),
        .privateOnSharedScreen(.progress), .privateOnSharedScreen(.facilitatorNotes), .showAgain(command: "journal", plural: false),
        .showAgain(command: "notes", plural: true), .facilitatorNotesTitle, .noFacilitatorNotes, .forTheFacilitator, .toDiscuss,
        .atThisMoment, .noDiscussionPrompts, .noChoicesToVoteOn, .nothingToVoteOn, .votesMoreThanRoom(total: 14, room: 12),
        .votesTooLarge(word: "99999999999", choices: 3, example: "7 4 1"), .votesWrongCount(choices: 3, example: "7 4 1"),
        .phonesStillOpen, .votedOfRoom(voted: 9, room: 12), .revealTooEarly, .noTimer, .timerOff, .timerUsage,
        .timerStarted(minutes: 5), .timerStarted(minutes: 1), .timerStarted(minutes: 2.5), .timeLeft(minutes: 4, seconds: 7), .timeUp,
        .noSessionToExportWithoutStore, .noSessionToExportYet, .couldNotReadSession(error: "disco lleno"),
        .votingOpened(choices: 3), .votingAlreadyOpen(voted: 1), .votingAlreadyOpen(voted: 5), .votingReopened(kept: 1),
        .votingReopened(kept: 5), .lockedWithoutVotes(kept: tally), .lockedWithoutVotes(kept: nil),
        .tallyReplaced(tally: phonesTally, earlier: tally), .tallyReplaced(tally: tally, earlier: phonesTally),
        .lockedForChoice(phonesTally), .lockedForChoice(nil), .notUsedLabel, .notUsed(tally: tally, phoneVotes: 2),
        .notUsed(tally: phonesTally, phoneVotes: 0), .notUsed(tally: nil, phoneVotes: 1),
        .chartHeading(fromPhones: true), .chartHeading(fromPhones: false), .chartTotal(12),
        .chartAccessibleHeading(fromPhones: true, total: 12), .chartAccessibleHeading(fromPhones: false, total: 1),
        .chartAccessibleLine(number: 1, votes: 1, text: "Saluda a Alicia."), .chooseNow,
    ]

    static let phones: [RoomText.Phones] = [
        .notRunning, .stopped, .alreadyRunning, .bindUsage, .portUsage, .serveUsage, .noNetwork, .running, .joinAt,
        .roomCode("K7QX2M"), .projector(link: "http://192.168.1.20:8765/r/K7QX2M/"), .plainHTTP, .openUsage, .caseEnded,
        .lockNotOpen, .needsGroupMode(command: "open"), .needsRoomPage(command: "lock"), .joined(1, voted: nil),
        .joined(3, voted: 1), .joined(3, voted: 2), .moreThanRoom(joined: 5, room: 4), .joinedTwice,
        .notAnAddress(host: "10.9.9.9"), .refusedConnection(host: "127.0.0.1"), .portInUse(port: 8765, free: 8766),
        .portInUse(port: 8765, free: nil), .portNeedsRights(port: 80), .couldNotListen(host: "127.0.0.1"),
    ]

    static let screen: [RoomText.Screen] = [
        .revealHeading, .roomsChoiceMark, .revealOption(number: 1, rating: .attuned, votes: 6, text: "Saluda a Alicia."),
        .revealOption(number: 2, rating: .missed, votes: 1, text: "Empieza los formularios."),
        .revealOption(number: 3, rating: .partial, votes: nil, text: "Habla del clima."), .choiceMarkLegend, .pathHeading,
        .pathLine(votes: [6, 2, 1], chosen: 1, chosenRating: .attuned, matched: true, best: 1, bestRating: .attuned),
        .pathLine(votes: nil, chosen: 2, chosenRating: .unsafe, matched: false, best: 1, bestRating: .attuned),
        .matchedTotal(matched: 1, total: 1), .matchedTotal(matched: 2, total: 3),
    ]

    static let page: [RoomText.Page] = [
        .voteTitle, .roomTitle, .storageBlocked, .connecting, .revealHeading, .pathHeading, .privacyNote, .notAnswering, .moved,
        .stoppedOver, .stillTrying, .yourVoteIsIn, .votingOpen, .votingClosedCounting, .chosenWaiting, .revealedBelow, .endedPath,
        .closedThanks, .waiting, .chooseOne, .whatDoYouDo, .yourVote, .yourVoteWas, .didNotReach, .tooOld, .momentNumber,
        .revealTitleOf, .roomChoseOption, .voteOne, .votesOther, .roomsChoice, .pathLineChose, .pathLineMatched, .pathLineBest,
        .matchedOne, .matchedOther, .theMoment, .joiningAndTime, .qrAlt, .joinAt, .roomCode, .timeLeft, .timeIsUp,
        .columnMoment, .columnVotes, .columnChose, .columnBest, .columnMatched, .matched, .notMatched, .notCounted, .votedOne,
        .votedOther, .roomMoved, .openAgain, .serverGone, .opensWhenReady, .openChooseOnPhone, .closed, .overForCase, .optionNumber,
    ] + Rating.allCases.map(RoomText.Page.rating)

    static let answers: [RoomText.Answer] = [
        .voteIn, .notOpen, .stale, .notOffered, .badDevice, .notSaved, .notAVote, .notJoined, .onlyFromPage, .tooManyPhones,
        .tooManyTries, .tooManyRequests, .askAddress, .wrongCode, .notHowUsed, .noSuchPage, .noIcon, .moved, .screenNotPrepared,
        .qrNotDrawn, .stateNotPrepared, .tooSlow, .headTooLarge, .unreadable, .needsLength, .bodyTooLarge,
    ]

    static let handout: [RoomText.Handout] = [
        .title(3), .started(at: "2026-12-06 09:00", ended: nil), .started(at: "2026-12-06 09:00", ended: "2026-12-06 10:00"),
        .pass(1, current: false), .pass(2, current: true), .pending(tally: tally, uncounted: 0), .pending(tally: phonesTally, uncounted: 6),
        .pending(tally: nil, uncounted: 1), .pending(tally: nil, uncounted: 4), .summaryHeading, .summaryColumns, .notRecorded, .yes,
        .caseNotLoaded(caseID: "maya-quiet-visit"), .notesHeading, .noNotes, .pathTaken, .noDecisionYet,
        .takenBack(at: "2026-12-06 09:10"), .optionColumns, .roomsChoice, .noVotesForDecision,
        .votesSource(fromPhones: true, roomSize: nil), .votesSource(fromPhones: false, roomSize: 12),
        .groupChose(text: "Saluda a Alicia.", rating: .attuned), .endingHeading(.hopeful), .endingHeading(.mixed),
        .endingHeading(.concerning), .endingHeading(nil), .noDebrief, .stoppedBeforeEnding,
    ]

    static var all: [RoomText] {
        group.map(RoomText.group) + phones.map(RoomText.phones) + screen.map(RoomText.screen) + page.map(RoomText.page)
            + answers.map(RoomText.answer) + handout.map(RoomText.handout)
    }
}

/// The room's words, apart from the case's: the trainer's, the phones' and the projector's.
/// These are English words a Spanish room sentence never needs, on top of the catalog's
/// common ones (`EnglishDetector` in CatalogTests.swift; commands such as
/// `votes`, `open`, `lock`, `timer` are left out, as Spanish examples show them unquoted).
enum RoomEnglish {
    static let words: Set<String> = EnglishDetector.words.union([
        "you", "your", "room", "phone", "phones", "voting", "vote", "session", "sessions", "moment", "tally", "trainer",
        "page", "screen", "time", "left", "chose", "choose", "matched", "join", "joined", "code", "type", "again", "now",
        "then", "how", "each", "option", "family", "most", "attuned", "kept", "closed", "started", "ended",
    ])

    /// The English words found outside quotes, with this longer list.
    static func words(in text: String) -> [String] {
        EnglishDetector.englishWords(in: text, words: words)
    }
}

@Suite("The room's catalog")
struct RoomCatalogTests {
    let spanish = Spanish()
    let english = English()

    @Test("every room sentence in Spanish holds no English word outside quotes")
    func noEnglishInSpanish() {
        for text in RoomSamples.all {
            let words = spanish.room(text)
            #expect(RoomEnglish.words(in: words).isEmpty, "\(text): \(words)")
        }
    }

    @Test("every room sentence reads differently in Spanish, and the detector catches the English")
    func translated() {
        // The same in both: marks and numbers, the product's name.
        let alike: Set<RoomText> = [.group(.chartTotal(12)), .page(.voteTitle)]
        for text in RoomSamples.all where !alike.contains(text) {
            #expect(spanish.room(text) != english.room(text), "\(text)")
        }
        let caught = RoomSamples.all.filter { !RoomEnglish.words(in: english.room($0)).isEmpty }.count
        #expect(caught * 10 >= RoomSamples.all.count * 8, "the detector sees English in most English sentences")
    }

    @Test("a page's template keeps the places its script fills, in both languages")
    func placeholders() {
        for word in RoomSamples.page {
            for mark in ["{n}", "{m}"] {
                #expect(spanish.room(.page(word)).contains(mark) == english.room(.page(word)).contains(mark), "\(word) \(mark)")
            }
        }
    }

    @Test("counts agree with their words in Spanish")
    func plurals() {
        #expect(spanish.room(.group(.votingOpened(choices: 1))) == "La votación está abierta en los celulares: 1 elección. Escribe 'lock' para cerrarla.")
        #expect(spanish.room(.group(.votingAlreadyOpen(voted: 1))).contains("el voto que ya llegó"))
        #expect(spanish.room(.group(.votingAlreadyOpen(voted: 4212))).contains("los 4,212 votos que ya llegaron"))
        #expect(spanish.room(.phones(.joined(1, voted: 1))) == "Celulares: 1 conectado, 1 votó.")
        #expect(spanish.room(.screen(.matchedTotal(matched: 0, total: 1))).hasSuffix("en 0 de 1 decisión."))
        #expect(spanish.room(.group(.timerStarted(minutes: 1))).hasPrefix("Temporizador: 1 minuto para conversar."))
        #expect(spanish.room(.screen(.revealOption(number: 3, rating: .missed, votes: 1, text: "Habla."))) == "3. No captó la señal (1 voto): Habla.")
    }

    @Test("English room sentences are those the shell printed before the catalog")
    func englishUnchanged() {
        #expect(english.room(.group(.tallyReplaced(tally: RoomSamples.phonesTally, earlier: RoomSamples.tally)))
            == "This tally (3 / 2 / 1, from phones) replaced the one typed before (7 / 4 / 1, of 12).")
        #expect(english.room(.group(.keptFromBefore(tally: RoomSamples.phonesTally, phoneVotes: 0)))
            == "Kept from before for this moment: the phones' tally 3 / 2 / 1 (6 votes). It goes with the room's choice; 'votes' replaces it.")
        #expect(english.room(.group(.notUsed(tally: RoomSamples.tally, phoneVotes: 2)))
            == "the tally 7 / 4 / 1, of 12 and 2 phone votes for the moment the room left without choosing.")
        #expect(english.room(.group(.timeLeft(minutes: 4, seconds: 7))) == "Discussion time left: 4:07")
        #expect(english.room(.phones(.portInUse(port: 8765, free: 8766)))
            == "Port 8765 is in use by another program. 'group serve --port 8766' uses a free one.")
    }
}
