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

    /// The block a field is in: "node 'arrival'", "the topic file".
    private func owner(_ owner: FieldOwner) -> String {
        switch owner {
        case .scenarioFile: "the scenario file"
        case .topicFile: "the topic file"
        case .scenario: "the scenario"
        case .facilitator: "'facilitator'"
        case .nodes: "'nodes'"
        case let .node(id): "node '\(id)'"
        case let .choice(id, position, node): "choice \(id.map { "'\($0)'" } ?? "\(position)") in node '\(node)'"
        case let .perspectives(choice): "'perspectives' in \(self.owner(choice))"
        case let .debriefItem(node): "a debrief item in \(self.owner(node))"
        case let .test(name): name.map { "test '\($0)'" } ?? "test without a name"
        case let .expect(test): "'expect' in \(self.owner(test))"
        case let .entry(id): id.map { "entry '\($0)'" } ?? "an entry"
        }
    }

    /// "a list", "empty", "the text 'five'".
    private func shape(_ shape: NodeShape) -> String {
        switch shape {
        case .block: "a block of 'key: value' lines"
        case .list: "a list"
        case .alias: "an alias"
        case .empty: "empty"
        case let .text(text): "the text '\(text)'"
        }
    }

    private func identifier(_ kind: IdentifierKind) -> String {
        switch kind {
        case .scenario: "scenario id"
        case .node: "node id"
        case .choice: "choice id"
        case .topic: "topic id"
        case .entry: "entry id"
        }
    }

    private func field(_ message: FieldMessage) -> String {
        func guess(_ suggestion: String?) -> String { suggestion.map { " (did you mean '\($0)'?)" } ?? "" }
        switch message {
        case let .notABlock(what, found):
            return "\(owner(what)) should be a block of 'key: value' lines, but it is \(shape(found))"
        case let .keyNotPlain(what, found):
            return "a key in \(owner(what)) must be a plain word, but it is \(shape(found))"
        case let .unknownKey(key, what, suggestion):
            return "unknown key '\(key)' in \(owner(what)); it will be ignored\(guess(suggestion))"
        case let .missingField(key, what):
            return "\(owner(what)) is missing the required field '\(key)'"
        case let .noValue(key, what):
            return "'\(key)' in \(owner(what)) has no value"
        case let .notText(field, what, found):
            return "'\(field)' in \(owner(what)) should be text, but it is \(shape(found))"
        case let .nodeIDNotText(found):
            return "a node id in 'nodes' should be text, but it is \(shape(found))"
        case .commentCutsText:
            return "this '#' starts a YAML comment, so the rest of the line is left out of the text; "
                + "if it belongs to the text, put the whole text in quotes"
        case let .notWholeNumber(field, what, found):
            return "'\(field)' in \(owner(what)) should be a whole number, but it is \(shape(found))"
        case let .numberTooLarge(field, what, written, limit):
            let bound = limit.map { "; counters stay within \(grouped($0)) either side of zero" } ?? ""
            return "'\(field)' in \(owner(what)) is \(written), a number too large\(bound)"
        case let .notAList(field, what, example, found):
            return "'\(field)' in \(owner(what)) should be a list, like [\(example)], but it is \(shape(found))"
        case let .notAListOfItems(field, what, found):
            return "'\(field)' in \(owner(what)) should be a list of items, but it is \(shape(found))"
        case let .notNamedTexts(field, what, found):
            return "'\(field)' in \(owner(what)) should be a block of 'name: value' lines, but it is \(shape(found))"
        case let .notCounters(field, what, found, fix):
            return "'\(field)' in \(owner(what)) should be a block of 'name: number' pairs, like { trust: 1 }, but it is "
                + shape(found) + (fix.map { "; " + syntax($0) } ?? "")
        case let .conditionNotText(field, found):
            return "'\(field)' should be a condition written as text, like 'trust >= 1', but it is \(shape(found))"
        case let .condition(written, syntax):
            return "in the condition '\(written)': \(condition(syntax))"
        case let .duplicateScenarioID(id, file):
            return "the scenario id '\(id)' is already used by \(file); ids must be unique"
        case let .duplicateEntryID(id, earlier):
            return "the entry id '\(id)' is already used at \(earlier); ids must be unique"
        case let .duplicateChoiceID(id, node, line):
            return "the choice id '\(id)' is already used in node '\(node)' at line \(line); choice ids must be unique in a node"
        case let .fileNameMismatch(kind, id, file):
            return "the \(kind == .topic ? "topic" : "scenario") id '\(id)' differs from the file name '\(file)'; they must match"
        case let .invalidID(kind, id):
            let allowed = kind == .entry ? "lowercase letters, digits, hyphens and dots" : "lowercase letters, digits and hyphens"
            return "the \(identifier(kind)) '\(id)' may only use \(allowed)"
        case .nodesEmpty:
            return "'nodes' is empty; a scenario needs at least a start and an ending"
        case let .nodesNotABlock(found):
            return "'nodes' should be a block of node ids, each with its text and choices, but it is \(shape(found))"
        case let .badEndingKind(written):
            return "'ending' must be hopeful, mixed or concerning, not '\(written)'"
        case let .endingWithChoices(node):
            return "node '\(node)' is an ending, so it cannot have choices; remove 'ending' or the choices"
        case let .emptyChoiceList(node):
            return "node '\(node)' has an empty choice list and is not an ending, so a learner would be stuck there"
        case let .noChoices(node):
            return "node '\(node)' has no choices and is not an ending, so a learner would be stuck there; "
                + "add choices or 'ending: hopeful|mixed|concerning'"
        case let .unusedDebrief(node):
            return "node '\(node)' is not an ending, so its debrief is never shown"
        case let .badRating(written, suggestion):
            return "'rating' must be attuned, partial, missed or unsafe, not '\(written)'\(guess(suggestion))"
        case let .testBadRating(written):
            return "'\(written)' is not a rating; use attuned, partial, missed or unsafe"
        case let .missingFeedback(what):
            return "\(owner(what)) has no 'feedback'; every choice needs feedback on why it matters"
        case let .missingRefs(what):
            return "\(owner(what)) has no 'refs'; name at least one knowledge entry the feedback rests on"
        case let .entryNeedsSource(what):
            return "\(owner(what)) needs at least one source in 'sources'"
        }
    }

    private func condition(_ syntax: ConditionSyntax) -> String {
        func token(_ token: ConditionSyntax.Token) -> String {
            switch token {
            case let .written(text): "'\(text)'"
            case .end: "the end of the condition"
            }
        }
        switch syntax {
        case let .tooLong(length, limit):
            return "this condition is \(grouped(length)) characters long; a condition is at most \(grouped(limit)), so write "
                + "a shorter one (a counter can stand for a long list of choices)"
        case let .trailing(found):
            return "unexpected \(token(found)) after a complete condition; join conditions with 'and' or 'or'"
        case let .tooDeep(limit):
            return "brackets and 'not' are nested more than \(limit) deep here; write the condition more simply"
        case let .expected(what, found, unclosedAt):
            let expected = switch what {
            case .closingBracket: "a closing ')'"
            case .nodeInVisited: "a node id inside visited( )"
            case .closeAfterNode: "')' after the node id"
            case .nodeInChose: "a node id inside chose( ), like chose(arrival.greet-baby)"
            case .dotInChose: "'.' between the node id and the choice id, like chose(arrival.greet-baby)"
            case .choiceAfterDot: "a choice id after the '.'"
            case .closeAfterChoice: "')' after the choice id"
            }
            let but = found.map { " but found \(token($0))" } ?? ""
            let unclosed = unclosedAt.map { " (the '(' at column \($0) of the condition is not closed)" } ?? ""
            return "expected \(expected)\(but)\(unclosed)"
        case let .unknownFunction(word, suggestion):
            let meant = suggestion.map { " (did you mean '\($0)( )'?)" } ?? ""
            return "'\(word)( )' is not part of the condition language\(meant); a condition can use visited(node) and chose(node.choice)"
        case let .comparisonExpected(word):
            return "expected a comparison after '\(word)', like '\(word) >= 1'"
        case let .numberExpected(op):
            return "expected a whole number after '\(op)'"
        case let .conditionExpected(found):
            return "expected a condition (a comparison, visited(...), chose(...), true, false, 'not' or '(') but found \(token(found))"
        case let .numberTooLarge(limit):
            return "this number is too large; counters stay within \(grouped(limit)) either side of zero"
        case let .reversedComparison(written, meant):
            return "'\(written)' is not a comparison; write '\(meant)' (the '=' comes second)"
        case .singleEquals:
            return "a single '=' is not a comparison; write '==' to compare"
        case .commaInChose:
            return "chose( ) takes the node id and the choice id joined by a '.', like chose(arrival.greet-baby), not a ','"
        case let .sign(sign, meaning):
            let word = switch meaning {
            case .and: "and"
            case .or: "or"
            case .not: "not (or '!=')"
            }
            return "'\(sign)' is not part of the condition language; write '\(word)'"
        case let .invisible(code, kind):
            let described = Unicode.Scalar(code).map(TerminalText.describe) ?? "U+\(String(code, radix: 16, uppercase: true))"
            let advice = switch kind {
            case .space: "use an ordinary space"
            case .control, .format: "delete it"
            }
            return "\(described) cannot appear in a condition; \(advice)"
        case let .character(character):
            return "the character '\(character)' cannot appear in a condition"
        }
    }

    private func file(_ message: FileMessage) -> String {
        switch message {
        case .nameNotUTF8:
            return "this file's name is not valid UTF-8 text (the marked characters), so Attune cannot open it; "
                + "rename it using ordinary letters"
        case .link:
            return "this is a link (a shortcut to a file somewhere else); Attune does not follow links in content, so "
                + "nothing it leads to was read. Put the file itself here instead of a link"
        case .folder:
            return "this is a folder, not a content file; rename it so its name does not end in .yaml, or move it out of "
                + "the content folder"
        case let .special(kind):
            let what = switch kind {
            case .fifo: "a named pipe (FIFO)"
            case .characterDevice: "a device"
            case .blockDevice: "a disk device"
            case .socket: "a socket"
            case .other: "a special file"
            }
            return "this is \(what), not a content file; Attune reads only ordinary text files, so remove it from the content folder"
        case let .tooLarge(tenths, limit):
            let shown = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
            return "the file is \(shown) MB; a content file is at most \(limit) MB, so this is probably not a scenario or topic file"
        case .disappeared: return "this file disappeared while it was being read"
        case .permissionDenied: return "this file cannot be read: permission denied (check its permissions)"
        case .deviceOrSocket: return "this is a device or a socket, not a content file; remove it from the content folder"
        case let .cannotOpen(system): return "this file cannot be opened (\(system))"
        case let .cannotRead(system): return "this file cannot be read (\(system))"
        }
    }

    /// "an invisible control character (U+001B, escape)".
    private func hidden(_ character: HiddenCharacter) -> String {
        Unicode.Scalar(character.code).map(TerminalText.describe) ?? character.codePoint
    }

    private func reading(_ message: ReadingMessage) -> String {
        func shown(_ shown: ReadingMessage.Shown) -> String {
            switch shown {
            case let .character(character): "'\(character)'"
            case let .hidden(character): hidden(character)
            case .unknown: "this character"
            }
        }
        switch message {
        case let .duplicateKeyAbove(key, line):
            return "'\(key)' is already written on line \(grouped(line)) of this block; only the first is read, so remove or rename this one"
        case let .duplicateKeys(keys):
            return "the key \(keys.map { "'\($0)'" }.joined(separator: ", ")) appears more than once in the same block; keep one"
        case .emptyFile: return "the file is empty; it needs at least its top-level fields"
        case .notYAMLText: return "the file could not be read as YAML text; save it as plain UTF-8 text"
        case .unreadable: return "the file could not be read as YAML"
        case .tooComplicated: return "the file is too large or too complicated to read"
        case .notUTF8: return "the file is not valid UTF-8 text; save it as UTF-8"
        case .binary: return "the file contains binary data (a zero byte); content files must be plain text"
        case let .hiddenInFile(character, pasted):
            return "\(hidden(character)) is in the file here; content files hold plain text only, so delete it"
                + (pasted ? " (it often comes from copying text out of another program)" : "")
        case let .hiddenInText(character, bidirectional):
            let why = bidirectional
                ? "it reverses or reorders the text shown after it, so readers would not see what is written"
                : "it would reach exports and other programs as a raw control code, which can clear a screen, "
                    + "change colours or write to the clipboard"
            return "the text holds \(hidden(character)) here; \(why). Delete it"
        case let .anchorsAndAliases(more):
            return "YAML anchors and aliases (& and *) are not used in Attune content; write the text out in full"
                + (more == 0 ? "" : " (and \(grouped(more)) more in this file)")
        case let .bracketsTooDeep(limit):
            return "brackets are nested more than \(limit) deep here; content never needs that many"
        case .tab: return "a tab character here; YAML indents with spaces only"
        case let .cannotStart(character): return "\(shown(character)) cannot start a value here; put the text in quotes"
        case let .anchorStart(character):
            return "\(shown(character)) cannot start a value: in YAML '&' and '*' there make anchors and aliases, which content "
                + "does not use; put the text in quotes"
        case .unexpectedColon: return "unexpected ':' here; if the text contains a colon, put the whole text in quotes"
        case .complexKey: return "'?' here starts a complicated YAML key, which content does not use; put the text in quotes"
        case .keysNotLinedUp: return "this line does not line up with the keys above it; check its indentation"
        case .listNotLinedUp: return "this line does not line up with the list items above it; check its indentation"
        case .listItemHere: return "a '- ' list item cannot start here; check the indentation, or put the text in quotes"
        case .keyWithoutColonOrTooLong:
            return "a key without ':' after it, or a key longer than 1,024 characters; write a short 'key: value'"
        case .keyWithoutColon: return "a key without ':' after it; write 'key: value'"
        case .endsInsideValue: return "the file ends inside an unfinished value; a quote or bracket may not be closed"
        case .valueMissing:
            return "a value is missing here, or starts with a character that needs quotes; put the text in quotes"
        case .listNotClosedHere: return "a list in [ ] is not closed here; add ']' or put the text in quotes"
        case .blockNotClosedHere: return "a block in { } is not closed here; add '}' or put the text in quotes"
        case .spaceNeeded: return "a space or the end of the line is needed here; if this is text, put it in quotes"
        case .textAfterValue:
            return "unexpected text after the end of a value (after a closing quote, or after '|' or '>'); put the whole text in quotes"
        case .zeroIndentation: return "a number after '|' or '>' sets the indentation and cannot be 0; remove it"
        case .unknownEscape:
            return "an unknown backslash escape inside double quotes; write \\\\ for a backslash, or use single quotes"
        case .badCharacterCode:
            return "a \\u or \\x escape inside double quotes that is not a valid character code; "
                + "write the character itself, or use single quotes"
        case .documentIndicator: return "a line starting with '---' or '...' inside a value; put the text in quotes"
        case .secondDocument:
            return "a second document starts here; a content file holds one document, so remove the '---' line "
                + "or check the indentation"
        case .nestedTooDeep:
            return "lists and blocks are nested inside each other more than 1,000 levels deep here; "
                + "content never needs more than a few, so this is probably not a content file"
        case .typeTag: return "'!' here starts a YAML type tag, which content does not use; put the text in quotes"
        case .directive:
            return "a line starting with '%' is a YAML directive, which content does not use; remove it or put the text in quotes"
        case .cannotRead:
            return "this line cannot be read as YAML; check its quotes, colons and indentation against the lines above"
        }
    }

    private func syntax(_ slip: SyntaxMessage) -> String {
        switch slip {
        case let .quoteNeverClosed(quote):
            "this quoted text is never closed; add the closing \(quote) where the text ends"
        case let .quoteRunsOn(quote, line):
            "this quoted text is not closed on its line, so it runs on to line \(grouped(line)); add the closing \(quote) where the text ends"
        case .tab:
            "a tab character here; YAML indents with spaces only, so use spaces instead"
        case .listNeverClosed:
            "this list in [ ] is never closed; add ']' where the list ends"
        case .blockNeverClosed:
            "this block in { } is never closed; add '}' where the block ends"
        case .quotationMarkClosesEarly:
            "this \" ends the quoted text, but the text goes on after it; inside \"...\" write \\\" "
                + "for a quotation mark, or put the whole text on its own line after '>'"
        case let .apostropheClosesEarly(example):
            "this apostrophe closes the quoted text early; inside '...' write '' for an apostrophe"
                + (example.map { " (\($0))" } ?? "") + ", or put the text in double quotes"
        case let .spaceAfterColon(written, fixed):
            "'\(written)' needs a space after the ':'; write '\(fixed)'"
        case let .missingColon(key, fixed):
            "'\(key)' has no ':' after it; write '\(fixed)'"
        case let .indentedTooFar(key, above):
            "'\(key)' is indented further than '\(above)' above it; line it up with the keys above "
                + "(or, if this line is part of the text, put the text in quotes)"
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

    // MARK: Rules

    public func ruleSummary(_ rule: RuleID) -> String {
        switch rule {
        case .yamlSyntax:
            "The file cannot be read as YAML text: a syntax error, not UTF-8, binary or control characters, "
                + "over 4 MB, nested too deep, YAML anchors or aliases, or not an ordinary readable file."
        case .duplicateKey:
            "A key appears twice in one block (two nodes with the same id, for example)."
        case .missingField:
            "A required field is missing or has no value."
        case .wrongType:
            "A field holds the wrong kind of value (text where a list or number belongs, ...)."
        case .unknownKey:
            "A key the format does not know, most likely a typo; it is ignored."
        case .invalidID:
            "An id uses characters other than lowercase letters, digits and hyphens (and dots for entries)."
        case .invalidValue:
            "A rating or ending kind outside the allowed words, or a number too large (counters stay within 1,000,000 either side of zero)."
        case .fileNameMismatch:
            "The file name and the scenario (or topic) id differ."
        case .duplicateID:
            "Two choices in a node, two entries, or two scenario files share an id."
        case .unknownRef:
            "A ref, audience, competency, knowledge or see id that is not in the knowledge base."
        case .unknownNode:
            "'start', 'next', a condition or a test names a node that does not exist."
        case .unknownChoice:
            "A chose(node.choice) condition names a choice the node does not have."
        case .unknownVariable:
            "A condition, add, set or test uses a counter not declared under 'variables'."
        case .badCondition:
            "A 'when' condition that does not follow the condition grammar, or is too long (1,000 characters) or too deeply nested (32)."
        case .missingFeedback:
            "A choice without feedback on why it matters."
        case .missingRefs:
            "A choice that names no knowledge entry for its feedback."
        case .noChoices:
            "A node that is not an ending and has no choices: a learner would be stuck there."
        case .endingWithChoices:
            "An ending that also has choices."
        case .unusedDebrief:
            "A debrief on a node that is not an ending; it is never shown."
        case .badTest:
            "A test chooses a choice id the scenario does not have, or expects an ending that is not one."
        case .notContent:
            "A YAML file that is neither a knowledge topic ('topic:') nor a scenario ('scenario:'), "
                + "or one among the cases that is not a case (among the topics, not a topic): one finding, not one per field."
        case .commentInText:
            "Unquoted text followed by ' #' and a word: YAML reads a comment there and leaves the rest of the line out."
        case .hiddenCharacter:
            "Text holds a control character written as a YAML escape (\"\\e[2J\", \"\\x9b\", \"\\0\", \"\\r\") or a "
                + "bidirectional override: it would reach exports raw, or make text read differently from what is written."
        case .tooManyProblems:
            "More than \(grouped(Diagnostic.perFileLimit)) findings in one file: the rest are counted in one note, placed at the first left out."
        case .unreachableNode:
            "A node no path from 'start' can reach."
        case .unreachableEnding:
            "An ending no path from 'start' can reach."
        case .stuckState:
            "A reachable moment where no choice's condition holds: a learner would be stuck."
        case .noWayOut:
            "A loop of choices from which no ending can be reached."
        case .neverOffered:
            "A choice whose condition never holds on any reachable path."
        case .unmetAssumption:
            "A text whose 'assumes:' is false on a route that shows it: a moment, an ending, a debrief item or "
                + "a choice's feedback that speaks of something the learner may not have done. Named with a shortest such route."
        case .stateSpaceLimit:
            "A case with more distinct states than lint explores (\(grouped(StateSpace.defaultLimit))): reachability is "
                + "checked on the node graph alone, stuck states and choices never offered are not checked, and what texts "
                + "assume is checked only on the routes explored."
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
