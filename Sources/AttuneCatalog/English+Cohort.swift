import AttuneCore
import Foundation

extension English {
    public func cohort(_ text: CohortText) -> String {
        switch text {
        case .report(let words): cohortReport(words)
        case .command(let words): cohortCommand(words)
        case .name(let problem): cohortName(problem)
        case .file(let problem): cohortFile(problem)
        case .help(let help): cohortHelp(help)
        }
    }

    private func cohortHelp(_ help: CohortText.Help) -> String {
        switch help {
        case .abstract: "A cohort's practice between workshops, from a Learning Record Store or from learners' exported files."
        case .discussion:
            """
            From an LRS: --lrs URL --user U --cohort NAME FILE reads every statement the learners sent with \
            'attune export xapi --cohort NAME', page by page, under the same rules as sending (deadline, size \
            limits, no redirects; the password as 'export xapi' takes it). From files: FILES... OUT reads the \
            learners' exported statement files (attune export xapi FILE), for a group without an LRS.

            The report shows the discussion plan first (the moments where most learners' first answer missed the \
            cue or raised a safety concern, with what to read), then each case's starts, finishes and endings, every \
            decision's split with each response's rating, each learner by account name, and each competency. \
            Statements that cannot be understood (other tools', a case that changed since, copies, withdrawn ones) \
            are counted and named, never fatal. Reflections appear only with --include-reflections, and only if \
            learners chose to send them. The file's extension chooses the format: .md, .json or .html. The file is \
            private to you, like every export.
            """
        case .paths: "With --lrs: the report file to write. Without: learners' exported files, then the report file."
        case .lrs: "The LRS's xAPI endpoint, for example https://lrs.example.org/xAPI/"
        case .user: "User name for the LRS (an account that may read statements)."
        case .password: "Password for the LRS. Better: set ATTUNE_LRS_PASSWORD, or leave this out to be asked."
        case .cohort: "The cohort's name, as learners gave it with 'export xapi --cohort' (needed with --lrs)."
        case .since: "Only statements from this day on (for example 2027-03-01)."
        case .until: "Only statements before this day (for example 2027-04-01)."
        case .insecureHTTP: "Read from an http:// address that is not this computer, unencrypted: your password and the cohort's records cross the network in clear text."
        case .timeout: "Give up reading after this many seconds in all (default 600)."
        case .includeReflections: "Show the text of reflections that learners chose to send (left out unless you ask)."
        case .pageSize: "With --lrs: statements asked for per page (default 1000; the LRS may send fewer)."
        case .valueFiles: "files"
        case .valueDate: "date"
        case .valueCount: "count"
        }
    }

    /// "3 learners": the count as written (the report has always shown it ungrouped).
    private func cohortCount(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) \(number == 1 ? one : many)"
    }

    private func cohortReport(_ words: CohortText.Report) -> String {
        switch words {
        case .title(let cohort):
            return cohort.map { "Cohort report: \($0)" } ?? "Cohort report"
        case .sourceLRS(let address):
            return "Read from the Learning Record Store at \(address)."
        case .sourceFiles(let files):
            return "Read from \(cohortCount(files, "exported file", "exported files"))."
        case let .period(since, until, earliest, latest):
            var parts: [String] = []
            switch (since, until) {
            case let (since?, until?): parts.append("Asked for \(cohortDate(since)) up to \(cohortDate(until)).")
            case let (since?, nil): parts.append("Asked for everything from \(cohortDate(since)).")
            case let (nil, until?): parts.append("Asked for everything before \(cohortDate(until)).")
            case (nil, nil): break
            }
            if let earliest, let latest {
                parts.append("The practice counted ran from \(cohortDate(earliest)) to \(cohortDate(latest)).")
            } else {
                parts.append("No practice was counted.")
            }
            return parts.joined(separator: " ")
        case let .statementsCounted(read, counted):
            return "\(cohortCount(read, "statement", "statements")) read; \(counted) counted."
        case let .skipped(reason, number):
            let (one, many) = skipReason(reason)
            return "\(cohortCount(number, "statement", "statements")) \(number == 1 ? one : many): not counted."
        case .nothingSkipped:
            return "Every statement read was counted."
        case .learnersInCohort(let learners):
            return "\(cohortCount(learners, "learner", "learners")) practised."
        case .headingDiscussion:
            return "Discussion plan for the next workshop"
        case .discussionIntro:
            return "Moments where most learners' first answer missed the cue or raised a safety concern, most missed first."
        case .noDiscussionPoints:
            return "At no moment did most learners miss the cue or choose an unsafe response."
        case .headingCases:
            return "Cases practised"
        case .noCases:
            return "No case was practised."
        case let .caseStartedFinished(started, finished, of):
            return "Started by \(started) of \(cohortCount(of, "learner", "learners")); finished by \(finished)."
        case let .endingReached(kind, summary, number):
            let times = number == 1 ? "once" : "\(number) times"
            guard let kind else { return "An ending the case no longer has: reached \(times)." }
            let tone = switch kind {
            case .hopeful: "A hopeful ending"
            case .mixed: "A mixed ending"
            case .concerning: "A concerning ending"
            }
            return "\(tone), reached \(times): \(summary)"
        case .headingOtherDecisions:
            return "The other decisions"
        case let .decisionCounts(learners, answers):
            let replays = answers > learners
                ? " (\(answers) answers in all, counting replays; the split counts each learner's first answer)" : ""
            return "\(cohortCount(learners, "learner", "learners")) answered\(replays)."
        case let .missedOrUnsafe(number, of):
            return "\(number) of \(of) missed the cue or chose an unsafe response."
        case let .optionLearners(number, of):
            return of == 0 ? "0" : "\(number) of \(of)"
        case let .knowledgeLink(title, id):
            return "\(title) (in Attune: show \(id))"
        case .readMore:
            return "To read before the discussion:"
        case .asked(let prompt):
            return "Asked: \(prompt)"
        case .headingLearners:
            return "Each learner"
        case .noCompetencies:
            return "No competency exercised yet."
        case .headingCompetencies:
            return "Competencies exercised"
        case let .competencyExercised(learners, of):
            return learners == 0 ? "Not exercised by anyone yet." : "Exercised by \(learners) of \(cohortCount(of, "learner", "learners"))."
        case .headingReflections:
            return "Reflections"
        case .reflectionsLeftOut(let reflections):
            return "\(cohortCount(reflections, "reflection was", "reflections were")) written; their text is left out. "
                + "Add --include-reflections to show any text the learners chose to send."
        case .reflectionsNoneWithText:
            return "No reflection text was sent (learners send it only if they choose to)."
        case .headingAbout:
            return "About this report"
        case .chartCaption:
            return "Bar lengths show learners' first answers; the pattern marks the rating."
        case .column(let column):
            return switch column {
            case .option: "Response"
            case .rating: "Rating"
            case .learners: "Learners"
            case .scenario: "Case"
            case .started: "Started"
            case .finished: "Finished"
            case .competency: "Competency"
            case .learner: "Learner"
            }
        }
    }

    /// A skipped statement's reason, after "1 statement" and after "3 statements".
    private func skipReason(_ reason: CohortText.Skip) -> (one: String, many: String) {
        switch reason {
        case .notJSON: ("could not be read at all (not a statement)", "could not be read at all (not statements)")
        case .otherTool: ("came from another learning tool", "came from other learning tools")
        case .noLearner: ("did not name a learner's account", "did not name a learner's account")
        case .draftCase: ("was about a case played from an author's draft", "were about cases played from an author's draft")
        case .unknownCase: ("was about a case this copy of Attune does not have", "were about cases this copy of Attune does not have")
        case .unknownChoice: ("was about a moment or choice the case no longer has (it has changed since)",
                              "were about moments or choices the cases no longer have (they have changed since)")
        case .duplicate: ("was a copy of a statement already counted", "were copies of statements already counted")
        case .voided: ("had been withdrawn (voided)", "had been withdrawn (voided)")
        case .voiding: ("withdrew another statement (a voiding notice)", "withdrew other statements (voiding notices)")
        case .otherCohort: ("was sent for another cohort, or for none", "were sent for another cohort, or for none")
        case .outsidePeriod: ("fell outside the period asked for", "fell outside the period asked for")
        case .notUnderstood: ("had a part missing or not understood", "had a part missing or not understood")
        }
    }

    /// A day as "6 December 2026" (UTC).
    private func cohortDate(_ date: Date) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        let parts = CohortDay(date)
        return "\(parts.day) \(months[parts.month - 1]) \(parts.year)"
    }

    private func cohortCommand(_ words: CohortText.Command) -> String {
        switch words {
        case let .progress(pages, statements):
            return "Reading the cohort: \(cohortCount(pages, "page", "pages")), \(cohortCount(statements, "statement", "statements"))…"
        case let .wrote(path, learners, statements):
            return "Wrote the cohort report to \(path): \(cohortCount(learners, "learner", "learners")), "
                + "\(cohortCount(statements, "statement", "statements")) counted."
        case .stopped(let path):
            return "Stopped reading the cohort from the LRS: nothing was written to \(path)."
        case .needsReportFile:
            return "Give the report file to write."
        case .lrsNeedsCohort:
            return "With --lrs, give the cohort's name with --cohort NAME."
        case .lrsNeedsReportFile:
            return "Give the report file to write, for example cohort.html."
        case .lrsOnlyReportFile:
            return "With --lrs, give only the report file to write (the statements come from the LRS)."
        case .filesThenReport:
            return "Give the learners' exported files and then the report file to write, for example "
                + "attune cohort report maya.jsonl sam.jsonl cohort.html; or read from an LRS with --lrs URL --user U --cohort NAME FILE."
        case .needsExtension(let path):
            return "Name the report file with .md, .json or .html: its extension chooses the format (\(path) has none of them)."
        case .needsDay(let option):
            return "\(option) needs a day written as year-month-day, for example 2027-03-01."
        case .sinceBeforeUntil:
            return "--since must come before --until."
        case .timeoutRange:
            return "--timeout needs a number of seconds, more than 0 and at most 86400."
        case .pageSizeRange:
            return "--page-size needs a number of statements from 1 to 100000."
        case let .cannotRender(format, reason):
            return "The report could not be written as \(format): \(reason)"
        case .shellUsage:
            return "Use 'cohort report' with an LRS (--lrs URL --user U --cohort NAME FILE) or with learners' exported "
                + "files (FILES... FILE). Type 'help cohort' for more."
        case .shellNoPasswordOption(let variable):
            return "In the shell, leave --password out: a line typed here can be kept in the shell's history. Set "
                + "\(variable) before starting Attune, or run 'attune cohort report' on the command line, which "
                + "asks for it without showing it."
        case .shellPasswordFromEnvironment(let variable):
            return "In the shell, the LRS password comes from \(variable): quit, set it, and start Attune again, or "
                + "run 'attune cohort report' on the command line, which asks for it without showing it. Nothing was read."
        }
    }

    private func cohortName(_ problem: CohortText.Name) -> String {
        let example = "for example spring-2027 or riverside.group-b"
        switch problem {
        case .empty:
            return "--cohort needs a name that your trainer gave the group, \(example)."
        case let .tooLong(length, maximum):
            return "The cohort name is \(length) characters long; use at most \(maximum), \(example)."
        case .notAllowed(let shown):
            return "'\(shown)' cannot name a cohort: use letters (a to z, without accents), digits, '-', '_' and '.', starting "
                + "with a letter or digit, \(example). Use exactly the name your trainer gave the group: the report finds "
                + "your records by it."
        }
    }

    private func cohortFile(_ problem: CohortText.File) -> String {
        switch problem {
        case .missing(let path):
            "There is no file at \(path). Check the name, or give the folder it is in."
        case .folder(let path):
            "\(path) is a folder. Give the learners' exported files themselves (for example \(CohortText.inside(path, "*.jsonl")))."
        case .cannotOpen(let path):
            "\(path) could not be opened (permission denied?). Check that you can read it."
        case let .cannotFinish(path, reason):
            "\(path) could not be read to the end (\(reason))."
        }
    }
}

/// A day's parts in UTC, for the report's dates in every language.
struct CohortDay {
    let day: Int
    let month: Int
    let year: Int

    init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        day = parts.day ?? 1
        month = min(max(parts.month ?? 1, 1), 12)
        year = parts.year ?? 1970
    }
}
