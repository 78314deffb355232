import AttuneCore

extension English {
    public func room(_ text: RoomText) -> String {
        switch text {
        case let .group(line): group(line)
        case let .phones(line): phones(line)
        case let .screen(line): screen(line)
        case let .page(word): page(word)
        case let .answer(answer): self.answer(answer)
        case let .handout(line): handout(line)
        }
    }

    private static let votes = Plural(one: "vote", other: "votes")
    private static let phoneVotes = Plural(one: "phone vote", other: "phone votes")
    private static let choices = Plural(one: "choice", other: "choices")
    private static let decisions = Plural(one: "decision", other: "decisions")
    private static let notes = Plural(one: "note", other: "notes")

    /// "7 / 4 / 1, from phones, of 12".
    func tallyWords(_ tally: RoomText.Tally) -> String {
        tally.counts.map(String.init).joined(separator: " / ") + (tally.fromPhones ? ", from phones" : "")
            + (tally.roomSize.map { ", of \($0)" } ?? "")
    }

    /// The tally and phone votes a notice names, joined with "and".
    private func keptThings(_ tally: RoomText.Tally?, phoneVotes: Int, phonesTally: String) -> String {
        var kept: [String] = []
        if let tally { kept.append(tally.fromPhones ? phonesTally : "the tally \(tallyWords(tally))") }
        if phoneVotes > 0 { kept.append(Self.phoneVotes(phoneVotes)) }
        return kept.joined(separator: " and ")
    }

    private func group(_ line: RoomText.Group) -> String {
        switch line {
        case let .forGroupMode(command): "'\(command)' is for group mode. Type 'group on' first."
        case .resumeUsage: "Use 'group resume N' with a number from 'group sessions', for example: group resume 2"
        case let .exportNeedsFile(number):
            "Give a file to write after the session number, for example: group export \(number) session.md (or '-' to show it here)."
        case let .exportNeedsFileAfter(number): "Give a file to write after the session number, for example: group export \(number) session.md"
        case .exportNumberUsage: "Use 'group export N FILE' with a number from 'group sessions', or 'group export FILE' for the latest."
        case .exportUsage: "Use 'group export FILE' for the latest session, or 'group export N FILE', for example: group export session.md"
        case .usage: "Use 'group on', 'group off', 'group sessions', 'group resume N', 'group export [N] FILE' or 'group serve'."
        case .alreadyOn: "Group mode is already on."
        case .alreadyOff: "Group mode is already off."
        case .needsStore: "Group mode needs somewhere to keep the room's votes, and the progress file could not be opened."
        case let .leftCase(title): "You left '\(title)'; your own place in it is kept."
        case .groupModeOn: "Group mode is on."
        case .groupModeHelp:
            "'play' starts a case fresh for the room, apart from your own progress; 'group resume N' continues an earlier "
                + "session. 'votes 7 4 1' records the room's tally, 'reveal' compares the options once the room has chosen, "
                + "'notes' shows the facilitator notes (the screen may be shared), and reflections become group notes. "
                + "No names are recorded."
        case .groupModeOff: "Group mode is off. Every session is kept: 'group sessions' lists them."
        case let .couldNotStart(error): "Could not start the group session: \(error)"
        case let .sessionBegins(id): "Group session \(id) begins."
        case let .sessionContinues(id): "Group session \(id) continues."
        case .noSessionsWithoutStore: "There are no group sessions: the progress file could not be opened."
        case let .noSuchSession(id): "There is no group session \(id). Type 'group sessions' to see them."
        case let .sessionCaseNotLoaded(id, caseID):
            "Group session \(id) played a case that is not loaded now ('\(caseID)'). 'group export \(id) FILE' still writes it."
        case let .openElsewhere(id):
            "Group session \(id) is open in another Attune window. Carry on there, or type 'stop' in that window first."
        case let .keptFromBefore(tally, phoneVotes):
            "Kept from before for this moment: "
                + keptThings(tally, phoneVotes: phoneVotes, phonesTally: tally.map {
                    "the phones' tally " + $0.counts.map(String.init).joined(separator: " / ") + " (\(Self.votes($0.counts.reduce(0, +))))"
                } ?? "")
                + ". It goes with the room's choice; 'votes' replaces it."
        case let .couldNotSave(problem): "Could not save: \(problem)"
        case let .couldNotReadSessions(error): "Could not read the group sessions: \(error)"
        case .noSessionsYet: "There are no group sessions yet. Type 'group on', then 'play' a case with the room."
        case .sessionsHeading: "Group sessions"
        case let .sessionLine(number, started, title, decisions, notes, open):
            "\(number). \(started) · \(title ?? "no case") · \(Self.decisions(decisions)), \(Self.notes(notes)) · \(open ? "open" : "ended")"
        case .sessionsHint: "'group resume N' continues one; 'group export N FILE' writes it."
        case let .privateOnSharedScreen(screen):
            switch screen {
            case .journal: "This shows your private journal on the shared screen."
            case .journalEntries: "This shows entries of your private journal on the shared screen."
            case .journalEntry: "This shows an entry of your private journal on the shared screen."
            case .progress: "This shows your private progress on the shared screen."
            case .facilitatorNotes:
                "This shows the facilitator notes, which can name the most attuned responses, on the shared screen."
            }
        case let .showAgain(command, plural): "Pause the projector, then type '\(command)' again to show \(plural ? "them" : "it")."
        case .facilitatorNotesTitle: "Facilitator notes."
        case .noFacilitatorNotes: "This case has no facilitator notes for this moment."
        case .forTheFacilitator: "For the facilitator"
        case .toDiscuss: "To discuss"
        case .atThisMoment: "At this moment: "
        case .noDiscussionPrompts: "This case has no discussion prompts. You might ask: what did you notice first, and what did you feel?"
        case .noChoicesToVoteOn: "There are no choices to vote on at this moment."
        case .nothingToVoteOn: "There is nothing to vote on at this moment."
        case let .votesMoreThanRoom(total, room):
            "The votes add up to \(total), more than the \(room) in the room. Count again, or leave out 'of \(room)'."
        case let .votesTooLarge(word, choices, example):
            "\(word) is more than any room holds. Give one whole number for each of the \(choices) choices, for example: votes \(example)"
        case let .votesWrongCount(choices, example):
            "Give one whole number for each of the \(choices) choices, in order, for example: votes \(example)"
        case .phonesStillOpen: "Voting on phones is still open; 'lock' will count the phones' votes in place of this tally."
        case let .votedOfRoom(voted, room): "\(voted) of the \(room) in the room voted."
        case .revealTooEarly: "Ratings stay hidden until the room has chosen. Take the group's choice first, then type 'reveal'."
        case .noTimer: "No timer is running. 'timer 5' starts five minutes."
        case .timerOff: "The timer is off."
        case .timerUsage: "Use 'timer MINUTES' with a number from 1 to 180, for example: timer 5. 'timer off' stops it."
        case let .timerStarted(minutes):
            "Timer: \(minutes == minutes.rounded() ? "\(Int(minutes)) minute\(minutes == 1 ? "" : "s")" : "\(minutes) minutes") "
                + "for discussion. The time left shows whenever you type."
        case let .timeLeft(minutes, seconds): "Discussion time left: \(minutes):" + (seconds < 10 ? "0\(seconds)" : "\(seconds)")
        case .timeUp: "Time is up for the discussion."
        case .noSessionToExportWithoutStore: "There is no group session to export: the progress file could not be opened."
        case .noSessionToExportYet: "There is no group session yet. Type 'group on' and 'play' a case to start one."
        case let .couldNotReadSession(error): "Could not read the group session: \(error)"
        case let .votingOpened(choices): "Voting is open on phones: \(Self.choices(choices)). Type 'lock' to close it."
        case let .votingAlreadyOpen(voted): "Voting is already open, and the \(Self.votes(voted)) in are kept. Type 'lock' to close it."
        case let .votingReopened(kept):
            "Voting is open again. The \(Self.votes(kept)) already in are kept and phones may change them; 'lock' counts them again."
        case let .lockedWithoutVotes(kept):
            "Voting is closed. No phone voted"
                + (kept.map { ", so the tally \(tallyWords($0)) stands." } ?? ". Type the room's tally with 'votes', for example: votes 7 4 1")
        case let .tallyReplaced(tally, earlier):
            "This tally (\(tallyWords(tally))) replaced the one \(earlier.fromPhones ? "counted from phones" : "typed") before (\(tallyWords(earlier)))."
        case let .lockedForChoice(tally):
            tally.map { "Voting closed before the choice; the tally (\(tallyWords($0))) goes with it." }
                ?? "Voting closed before the choice. No phone had voted, so no tally goes with it."
        case .notUsedLabel: "Not used: "
        case let .notUsed(tally, phoneVotes):
            keptThings(tally, phoneVotes: phoneVotes, phonesTally: tally.map { "the tally \(tallyWords($0))" } ?? "")
                + " for the moment the room left without choosing."
        case let .chartHeading(fromPhones): fromPhones ? "The phones' votes" : "The room's votes"
        case let .chartTotal(total): " (\(total) in all)"
        case let .chartAccessibleHeading(fromPhones, total): "The room's votes\(fromPhones ? " from phones" : ""), \(total) in all:"
        case let .chartAccessibleLine(number, votes, text): "Choice \(number), \(Self.votes(votes)): \(text)"
        case .chooseNow: "Now choose the response the group settles on."
        }
    }

    private func handout(_ line: RoomText.Handout) -> String {
        switch line {
        case let .title(id): "# Attune group session \(id)"
        case let .started(at, ended): "Started \(at)" + (ended.map { ", ended \($0)" } ?? "") + ". No participant names are recorded."
        case let .pass(number, current): "### Pass \(number)" + (current ? " (the room's path now)" : " (the room began again after it)")
        case let .pending(tally, uncounted):
            "The room had not yet chosen at its last moment. Its tally so far: "
                + (tally.map { $0.counts.map(String.init).joined(separator: " / ") + ($0.fromPhones ? ", from phones" : "") }
                    ?? "\(uncounted) phone votes, not yet counted") + "."
        case .summaryHeading: "### Room summary"
        case .summaryColumns: "| # | Moment | Votes | Chosen | Most attuned offered | Matched |\n|---:|---|---|---|---|---|"
        case .notRecorded: "not recorded"
        case .yes: "yes"
        case .no: "no"
        case let .caseNotLoaded(caseID): "The case '\(caseID)' is not loaded, so only the notes follow."
        case .notesHeading: "## Group notes"
        case .noNotes: "No notes were written."
        case .pathTaken: "#### Path taken"
        case .noDecisionYet: "The room has made no decision on this pass yet."
        case let .takenBack(at): " *(taken back with 'back' at \(at); kept here with its tally)*"
        case .optionColumns: "   | Option | Votes | How it met the family |\n   |---|---:|---|"
        case .roomsChoice: " **(the room's choice)**"
        case .noVotesForDecision: "   No votes were recorded for this decision."
        case let .votesSource(fromPhones, roomSize):
            "   Votes " + (fromPhones ? "counted from phones" : "typed by the trainer") + (roomSize.map { ", in a room of \($0)" } ?? "") + "."
        case let .groupChose(text, rating): "   The group chose: \(text) — *\(self.rating(rating))*"
        case let .endingHeading(kind): "### The ending (\(kind.map { "a \($0.rawValue) ending" } ?? "an ending"))"
        case .noDebrief: "No debrief applies to this path."
        case .stoppedBeforeEnding: "The group stopped before an ending."
        }
    }

    private func phones(_ line: RoomText.Phones) -> String {
        switch line {
        case .notRunning: "The room page is not running."
        case .stopped: "The room page has stopped; phones can no longer reach it."
        case .alreadyRunning: "The room page is already running, with the same link and code."
        case .bindUsage: "Use '--bind ADDRESS', for example --bind 127.0.0.1."
        case .portUsage: "Use '--port N' with a number, for example --port 8765."
        case .serveUsage: "Use 'group serve', 'group serve --bind ADDRESS --port N' or 'group serve off'."
        case .noNetwork:
            "This computer is on no local network, so phones cannot reach it. Join the room's network, or use "
                + "'group serve --bind 127.0.0.1' to try the pages on this computer."
        case .running: "The room page is running."
        case .joinAt: "Phones on this network join at:"
        case let .roomCode(code): "Room code: \(code)"
        case let .projector(link): "Room screen for the projector: \(link)room"
        case .plainHTTP:
            "Plain HTTP on this network, no names, no accounts. 'open' starts a vote, 'lock' closes it, 'group serve off' stops the page."
        case .openUsage: "Use 'open', or 'open of 12' with the number of people in the room."
        case .caseEnded: "The case has ended: there is nothing to vote on."
        case .lockNotOpen: "Voting is not open. Type 'open' first, or give the room's tally with 'votes'."
        case let .needsGroupMode(command): "'\(command)' is for group mode with phones. Type 'group on', then 'group serve'."
        case let .needsRoomPage(command): "'\(command)' needs the room page. Type 'group serve' first, or give the tally with 'votes'."
        case let .joined(joined, voted): "Phones: \(joined) joined" + (voted.map { ", \($0) voted." } ?? ".")
        case let .moreThanRoom(joined, room): "More phones have joined (\(joined)) than the \(room) in the room."
        case .joinedTwice: " Someone may have joined twice, or from outside the room; the tally counts each phone once."
        case let .notAnAddress(host): "'\(host)' is not an address of this computer that Attune can listen on."
        case let .refusedConnection(host): "Attune could not listen on \(host): the system refused a new connection."
        case let .portInUse(port, free):
            "Port \(port) is in use by another program. "
                + (free.map { "'group serve --port \($0)' uses a free one." } ?? "'group serve --port 0' lets Attune pick a free one.")
        case let .portNeedsRights(port): "Port \(port) needs administrator rights. 'group serve --port 8765' uses an ordinary one."
        case let .couldNotListen(host): "Attune could not listen on \(host)."
        }
    }

    private func screen(_ line: RoomText.Screen) -> String {
        switch line {
        case .revealHeading: "How each option met the family"
        case .roomsChoiceMark: "The room's choice. "
        case let .revealOption(number, rating, votes, text):
            "\(number). \(self.rating(rating))\(votes.map { " (\(Self.votes($0)))" } ?? ""): \(text)"
        case .choiceMarkLegend: "► marks the room's choice."
        case .pathHeading: "The room's path"
        case let .pathLine(votes, chosen, chosenRating, matched, best, bestRating):
            (votes.map { "Votes " + $0.map(String.init).joined(separator: ", ") + ". " } ?? "No votes recorded. ")
                + "Chose \(chosen), \(rating(chosenRating))"
                + (matched ? "; among the most attuned." : "; most attuned offered: \(best), \(rating(bestRating)).")
        case let .matchedTotal(matched, total): "The room matched the most attuned option at \(matched) of \(total) decisions."
        }
    }
}
