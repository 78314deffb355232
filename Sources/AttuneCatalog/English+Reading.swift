import AttuneCore

// Reading a content file, in US English: the fields, conditions, YAML slips and files that
// cannot be read.
extension English {
    /// The block a field is in: "node 'arrival'", "the topic file".
    func owner(_ owner: FieldOwner) -> String {
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
    func shape(_ shape: NodeShape) -> String {
        switch shape {
        case .block: "a block of 'key: value' lines"
        case .list: "a list"
        case .alias: "an alias"
        case .empty: "empty"
        case let .text(text): "the text '\(text)'"
        }
    }

    func identifier(_ kind: IdentifierKind) -> String {
        switch kind {
        case .scenario: "scenario id"
        case .node: "node id"
        case .choice: "choice id"
        case .topic: "topic id"
        case .entry: "entry id"
        }
    }

    func field(_ message: FieldMessage) -> String {
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

    func condition(_ syntax: ConditionSyntax) -> String {
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
            let described = Unicode.Scalar(code).map { hidden(HiddenCharacter($0)) } ?? "U+\(String(code, radix: 16, uppercase: true))"
            let advice = switch kind {
            case .space: "use an ordinary space"
            case .control, .format: "delete it"
            }
            return "\(described) cannot appear in a condition; \(advice)"
        case let .character(character):
            return "the character '\(character)' cannot appear in a condition"
        }
    }

    func file(_ message: FileMessage) -> String {
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

    func reading(_ message: ReadingMessage) -> String {
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

    func syntax(_ slip: SyntaxMessage) -> String {
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
}
