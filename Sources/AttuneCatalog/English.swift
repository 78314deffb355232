import AttuneCore

/// Attune's messages in US English.
public struct English: MessageCatalog {
    public init() {}
    public var language: Language { .english }

    public func rating(_ rating: Rating) -> String {
        switch rating {
        case .attuned: "Attuned"
        case .partial: "Partly attuned"
        case .missed: "Missed the cue"
        case .unsafe: "Safety concern"
        }
    }

    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    private static let problems = Plural(one: "problem", other: "problems")
    private static let errors = Plural(one: "error", other: "errors")
    private static let warnings = Plural(one: "warning", other: "warnings")
    private static let files = Plural(one: "file", other: "files")
    private static let parts = Plural(one: "more part", other: "more parts")

    public func message(_ message: DiagnosticMessage) -> String {
        switch message {
        case let .play(play): self.play(play)
        case let .reference(reference): self.reference(reference)
        case let .field(field): self.field(field)
        case let .file(file): self.file(file)
        case let .reading(reading): self.reading(reading)
        case let .syntax(slip): syntax(slip)
        case let .fileKind(kind): fileKind(kind)
        case let .translation(translation): self.translation(translation)
        case let .tooManyProblems(count):
            "and \(grouped(count)) more \(Self.problems.form(count)) in this file, not shown; fix the ones above and check again"
        }
    }

    private func play(_ message: PlayMessage) -> String {
        switch message {
        case let .unreachableNode(node, start):
            return "node '\(node)' can never be reached from '\(start)'"
        case let .unreachableEnding(ending):
            return "the ending '\(ending)' can never be reached: no path of choices leads to it"
        case let .stuckState(node, values, route):
            let with = values.isEmpty ? "" : " (with \(values))"
            return "at node '\(node)' no choice's condition holds\(with), so a learner would be stuck; one way there: \(way(route))"
        case let .noWayOut(node, route):
            return "from node '\(node)' no ending can be reached: the choices only loop; one way there: \(way(route))"
        case let .neverOffered(choice, node, condition):
            let why = condition.map { " ('\($0)' never holds when the case reaches it)" } ?? ""
            return "choice '\(choice)' in node '\(node)' is never offered\(why)"
        case let .unmetAssumption(unmet):
            return assumption(unmet)
        case let .stateSpaceLimit(limit, assumptions):
            let checked = "this case has more than \(grouped(limit)) distinct states, so reachability was checked on the node "
                + "graph alone (conditions ignored), and stuck states and choices never offered were not checked"
            guard assumptions else { return checked }
            return checked + "; what its texts assume ('assumes:') was checked only on the routes through the first "
                + "\(grouped(limit)) states, so a route found false is real but others may be too"
        }
    }

    /// "the start", or the choice ids in order.
    private func way(_ route: [String]) -> String {
        route.isEmpty ? "the start" : route.joined(separator: ", ")
    }

    private func assumption(_ unmet: UnmetAssumptionMessage) -> String {
        let way = unmet.route.isEmpty
            ? "at the start"
            : "by choosing " + unmet.route.map { "\"\($0.text)\" (\($0.id))" }.joined(separator: ", then ")
        let because = "\(way); there \(reason(unmet.reason))"
        switch unmet.subject {
        case let .moment(node):
            return "the moment '\(node)' assumes '\(unmet.assumes)', but a learner can reach it without that, \(because)"
        case let .ending(node):
            return "the ending '\(node)' assumes '\(unmet.assumes)', but a learner can reach it without that, \(because)"
        case let .feedback(node, choice):
            return "the feedback on choice '\(choice)' in '\(node)' assumes '\(unmet.assumes)', but a learner can read it "
                + "without that, \(because)"
        case let .debrief(ending):
            return "this debrief item of the ending '\(ending)' assumes '\(unmet.assumes)', but a learner can be shown it "
                + "without that, \(because)"
        }
    }

    private func reference(_ message: ReferenceMessage) -> String {
        func guess(_ suggestion: String?) -> String { suggestion.map { " (did you mean '\($0)'?)" } ?? "" }
        func names(_ place: ReferenceMessage.Place) -> String {
            switch place {
            case let .field(field): "'\(field)' names"
            case let .condition(condition): "the condition '\(condition)' names"
            case let .test(test): "test '\(test)' names"
            case let .testEnding(test): "test '\(test)' expects the ending"
            }
        }
        switch message {
        case let .unknownEntry(id, place, suggestion):
            return "\(names(place)) '\(id)', which is not an entry in the knowledge base\(guess(suggestion))"
        case let .unknownNode(id, place, suggestion):
            return "\(names(place)) '\(id)', which is not a node in this scenario\(guess(suggestion))"
        case let .unknownVariable(name, suggestion):
            return "'\(name)' is not a declared variable"
                + (suggestion == nil ? "; declare it under 'variables:' with its start value" : guess(suggestion))
        case let .unknownChoice(condition, choice, node, suggestion):
            return "the condition '\(condition)' names the choice '\(choice)', which node '\(node)' does not have\(guess(suggestion))"
        case let .testUnknownChoice(test, choice, suggestion):
            return "test '\(test)' chooses '\(choice)', which is not a choice id in this scenario\(guess(suggestion))"
        case let .testEndingNotEnding(test, node):
            return "test '\(test)' expects the ending '\(node)', but that node is not an ending"
        }
    }

    private func fileKind(_ kind: FileKindMessage) -> String {
        switch kind {
        case .neither:
            "this file is neither a knowledge topic (it has no 'topic:' line) nor a scenario (no 'scenario:' line)"
        case .topicAmongCases:
            "this file is a knowledge topic (it has a 'topic:' line), not a case; move it to the knowledge folder"
        case .notACase:
            "this file is not a case: it has no 'scenario:' line and no 'nodes:'; a case file starts with 'scenario: <its id>'"
        case .caseAmongTopics:
            "this file is a case (it has a 'scenario:' line), not a knowledge topic; move it to the cases folder"
        case .notATopic:
            "this file is not a knowledge topic: it has no 'topic:' line and no 'entries:'; a topic file starts with 'topic: <its id>'"
        }
    }

    // MARK: Conditions

    public func reason(_ reason: ConditionReason) -> String {
        switch reason {
        case let .always(value): "it is always \(value)"
        case let .counter(name, value): "\(name) is \(value)"
        case let .visited(node, visited): "the moment '\(node)' was \(visited ? "" : "not ")visited"
        case let .chose(node, choice, made): "the choice \(node).\(choice) was \(made ? "" : "not ")made"
        case let .named(condition, value, because): "`\(condition)` is \(value) (\(self.reason(because)))"
        case let .parts(parts, more): list(parts.map(self.reason) + (more > 0 ? [Self.parts(more)] : []))
        }
    }

    public func sentence(_ reason: ConditionReason) -> String {
        guard case let .named(condition, value, because) = reason else { return self.reason(reason) }
        return "`\(condition)` is \(value) because \(self.reason(because))"
    }

    /// "a, b and c".
    private func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    // MARK: Tests

    public func failure(_ failure: TestFailure) -> String {
        switch failure {
        case let .step(number, choice, node, problem):
            return "step \(number) ('\(choice)' at node '\(node)'): \(step(problem))"
        case let .wrongEnding(expected, reached, reachedEnding):
            let there = reachedEnding ? "the ending '\(reached)'" : "node '\(reached)', which is not an ending"
            return "expected the ending '\(expected)' but the choices lead to \(there)"
        case let .notVisited(node):
            return "expected node '\(node)' to be visited, but it was not"
        case let .visited(node):
            return "expected node '\(node)' not to be visited, but it was"
        case let .counter(name, expected, actual):
            return "expected \(name) = \(expected), but it is \(actual)"
        case let .ratings(expected, actual):
            func names(_ ratings: [Rating]) -> String { ratings.map(\.rawValue).joined(separator: ", ") }
            return "expected ratings [\(names(expected))], but got [\(names(actual))]"
        case let .debriefMissing(text, hidden, shown):
            let item = hidden.map { "the item with that text (line \($0.line)) was not shown: its condition \(sentence($0.why)); " } ?? ""
            let what = shown.isEmpty ? "no debrief was shown" : "the debrief shown was:\n\(shown)"
            return "expected the debrief to include \"\(text)\", but \(item)\(what)"
        }
    }

    private func step(_ problem: StepProblem) -> String {
        func offered(_ ids: [String]) -> String { ids.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ") }
        func hidden(_ choices: [HiddenChoice]) -> String {
            choices.map { "; '\($0.text)' (\($0.id)) was not offered: its condition \(sentence($0.why))" }.joined()
        }
        switch problem {
        case let .notOffered(text, why, ids):
            return "the choice '\(text)' was not offered: its condition \(sentence(why)); the offered choices are \(offered(ids))"
        case let .noNumber(number, ids, choices):
            let count = ids.count == 1 ? "only 1 choice is" : "only \(ids.count) choices are"
            return "there is no choice \(number) here: \(count) offered (\(offered(ids)))" + hidden(choices)
        case let .noChoice(selector, ids):
            return "this moment has no choice '\(selector)'; the offered choices are \(offered(ids))"
        case let .alreadyEnded(node):
            return "the case already ended at '\(node)'; there are more choices in the test than steps"
        case let .stuck(node, choices):
            return "node '\(node)' offers no choice in this state, so play cannot go on" + hidden(choices)
        case let .unknownNode(node):
            return "the scenario has no node '\(node)'"
        }
    }

    // MARK: Reports

    public func report(_ message: ReportMessage) -> String {
        switch message {
        case let .lintSummary(files, errors, warnings, omitted):
            let counts = switch (errors, warnings) {
            case (0, 0): "no problems"
            case (_, 0): Self.errors(errors)
            case (0, _): Self.warnings(warnings)
            default: "\(Self.errors(errors)) and \(Self.warnings(warnings))"
            }
            let more = omitted == 0 ? "" : ", and \(grouped(omitted)) more not shown"
            return "\(Self.files(files)) checked: \(counts)\(more)."
        case .testPassed: return "PASS"
        case .testFailed: return "FAIL"
        case .testsNotRun: return "Tests not run"
        case let .testsNotRunBecause(file, errors, command):
            let fix = errors == 1 ? "1 error; fix it" : "\(grouped(errors)) errors; fix them"
            return "for \(file): this case has \(fix) first (\(command))."
        case let .testSummary(passed, failed, untested):
            let cases = switch untested {
            case 0: ""
            case 1: "; 1 case not tested because of its errors"
            default: "; \(grouped(untested)) cases not tested because of their errors"
            }
            return "\(passed) passed, \(failed) failed\(cases)"
        case .noCases:
            return "No cases were found there, so there are no tests to run."
        case .noTests:
            return "No tests to run: write a 'tests:' section in the case (docs/authoring.md, Tests)."
        case let .coverageOf(scenario): return "Coverage of \(scenario)"
        case .coverageTotal: return "Coverage in total"
        case let .coverageTotalCases(cases, unmeasured):
            let measured = cases == 1 ? "1 case" : "\(grouped(cases)) cases"
            let left = switch unmeasured {
            case 0: ""
            case 1: "; 1 case with errors not measured"
            default: "; \(grouped(unmeasured)) cases with errors not measured"
            }
            return "(\(measured)\(left))"
        case let .tally(covered, total, percent): return "\(covered) of \(total) (\(percent)%)"
        case .tallyNone: return "none"
        case let .ratingTally(rating, covered, total): return "\(rating.rawValue) \(covered) of \(total)"
        case let .choicesMade(tally): return "choices made: \(tally)"
        case let .endingsReached(tally): return "endings reached: \(tally)"
        case let .debriefShown(tally): return "debrief rules shown: \(tally)"
        case .everythingExercised: return "Every choice, ending and debrief rule is exercised by a test."
        case .choicesNoTestMakes: return "Choices no test makes:"
        case .endingsNoTestReaches: return "Endings no test reaches:"
        case .debriefNoTestShows: return "Debrief rules no test shows:"
        case let .missedChoice(node, choice, rating, line, text):
            return "\(node).\(choice) (\(rating.rawValue), line \(line)): \"\(text)\""
        case let .missedDebrief(ending, line, when, say):
            return "\(ending) (line \(line)): when \(when): \"\(say)\""
        }
    }
}
