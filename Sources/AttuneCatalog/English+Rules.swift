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
