import AttuneCore

// What each lint rule catches, in US English, for `attune lint --rules`.
extension English {
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
        case .translationFormat:
            "A translation file (NAME.es.yaml beside NAME.yaml) that does not follow the format: a text not written as "
                + "'{from: ..., text: ...}', a 'from:' that is not 8 characters of 0-9 and a-f, a 'language:' or "
                + "'translation:' that does not match, or a key the English holds ('next', 'rating', 'when', 'refs'): a "
                + "translation holds only texts."
        case .translationSource:
            "A translation whose English file is not beside it (renamed or removed), or whose English file has errors."
        case .translationUnknownID:
            "A translation names a node, choice or entry the English file does not have (any more), or a text the "
                + "English does not have at that place; it is never shown."
        case .translationStale:
            "A translated text whose English has changed since it was translated ('from:' no longer matches): the "
                + "English is shown until the translation is checked and its 'from:' updated."
        case .translationUntranslated:
            "Texts not translated yet (missing, or 'text: \"\"'): the English is shown for them."
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
}

extension English {
    /// A translation file's findings (docs/translating.md).
    func translation(_ message: TranslationMessage) -> String {
        func guess(_ suggestion: String?) -> String { suggestion.map { " (did you mean '\($0)'?)" } ?? "" }
        switch message {
        case let .stale(path, current):
            return "the English of '\(path)' has changed since this was translated, so the English is shown; "
                + "check the translation against the English, then set 'from: \(current)'"
        case let .unknownID(kind, id, suggestion):
            return "the English file has no \(idName(kind)) '\(id)', so this translation of it is never shown\(guess(suggestion))"
        case let .noEnglish(path):
            return "the English file has no text at '\(path)', so this translation is never shown; remove it"
        case let .untranslated(path):
            return "'\(path)' is not translated yet; the English is shown"
        case let .untranslatedCount(count, total):
            return "\(grouped(count)) of \(Self.texts(total)) \(count == 1 ? "is" : "are") not translated yet; "
                + "the English is shown for \(count == 1 ? "it" : "them")"
        case let .sourceMissing(fileName):
            return "this file translates '\(fileName)', which is not in this folder; name a translation after its "
                + "English file (NAME.es.yaml beside NAME.yaml), or remove it"
        case let .sourceHasErrors(fileName):
            return "the English file '\(fileName)' has errors, so this translation is not checked; fix those first"
        case let .badHash(written):
            return "'from: \(written)' is not the English text's fingerprint: it is 8 characters of 0-9 and a-f, "
                + "as 'attune translate extract' writes it"
        case let .missingHash(path):
            return "the text at '\(path)' has no 'from:'; 'attune translate extract' writes one for every text"
        case let .wrongLanguage(written, fileName):
            return "'language: \(written)' does not match the file name, which says '\(fileName)'"
        case let .wrongID(written, expected):
            return "'translation: \(written)' does not match the English file it sits beside, which is '\(expected)'"
        case let .notATextBlock(path, found):
            return "'\(path)' should be written as '{from: ..., text: ...}', but it is \(shape(found))"
        case let .notABlock(path, found):
            return path.isEmpty ? "a translation file should be a block of 'key: value' lines, but it is \(shape(found))"
                : "'\(path)' should be a block of 'key: value' lines, but it is \(shape(found))"
        case let .notAList(path, found):
            return "'\(path)' should be a list of '- {from: ..., text: ...}' items, in the English order, but it is \(shape(found))"
        case let .notText(key, found):
            return "'\(key)' should be a single text, but it is \(shape(found))"
        case let .unknownKey(key, path, suggestion):
            let place = path.isEmpty ? "at the top of a translation" : "in '\(path)'"
            return "a translation has no key '\(key)' \(place); it is ignored\(guess(suggestion))"
        case let .notTranslatable(key):
            return "'\(key)' comes from the English file and is never translated (a translation holds only texts); remove it"
        case let .missingKey(key):
            return key == "translation"
                ? "the file has no 'translation:' line naming what it translates (the case's id, or the topic file's name)"
                : "the file has no '\(key):' line (like '\(key): es')"
        }
    }

    /// "node", for "has no node 'x'".
    private func idName(_ kind: IdentifierKind) -> String {
        switch kind {
        case .scenario: "case"
        case .node: "node"
        case .choice: "choice"
        case .topic: "topic"
        case .entry: "entry"
        }
    }

    private static let texts = Plural(one: "text", other: "texts")
}
