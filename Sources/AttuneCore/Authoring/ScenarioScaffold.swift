/// `attune new NAME`: a small, valid scenario to start from: one decision, two endings, a
/// test for each, using canonical knowledge ids, so it passes lint and test as written.
/// The YAML keys and ids are the format's; the texts an author reads and replaces (the
/// comment at the top, the sample sentences) are `ScaffoldText`, said by a catalog in the
/// author's language.
public enum ScenarioScaffold {
    /// The new case's file. Each text must be safe where it goes: a one-line text as a plain
    /// or quoted YAML scalar, as the template has it; a text with line breaks only in a block.
    public static func text(id: String, words: (ScaffoldText) -> String) -> String {
        func block(_ text: ScaffoldText, indent: Int) -> String {
            let pad = String(repeating: " ", count: indent)
            return words(text).split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
        }
        let comment = words(.header).split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n")
        return """
        \(comment)
        scenario: \(id)
        title: "\(words(.title))"
        summary: \(words(.summary))
        minutes: 10
        audience: [workforce.non-specialists]
        competencies: [competency.direct-service]
        knowledge: [attachment.perceive-cues]
        content-warnings: []
        variables:
          trust: 0
        facilitator:
          notes: \(words(.facilitatorNotes))
          discussion: ["\(words(.discussion))"]
        start: arrival
        nodes:
          arrival:
            text: |
        \(block(.arrival, indent: 6))
            reflect: \(words(.reflect))
            prompt: \(words(.prompt))
            choices:
              - id: notice-baby
                text: \(words(.babyFirstChoice))
                next: hopeful-ending
                rating: attuned
                feedback: |
        \(block(.babyFirstFeedback, indent: 10))
                perspectives:
                  baby: \(words(.babyPerspective))
                  parent: \(words(.parentPerspective))
                  practitioner: \(words(.practitionerPerspective))
                refs: [attachment.perceive-cues]
                competencies: [competency.direct-service]
                add: { trust: 1 }
              - id: paperwork-first
                text: \(words(.paperworkChoice))
                next: mixed-ending
                rating: missed
                feedback: |
        \(block(.paperworkFeedback, indent: 10))
                refs: [serve-and-return.1]
          hopeful-ending:
            ending: hopeful
            text: \(words(.hopefulText))
            debrief:
              - when: trust >= 1
                say: \(words(.hopefulDebrief))
            reflect: \(words(.hopefulReflect))
          mixed-ending:
            ending: mixed
            text: \(words(.mixedText))
            debrief:
              - say: \(words(.mixedDebrief))
        tests:
          - name: \(words(.babyFirstTest))
            choose: [notice-baby]
            expect:
              ending: hopeful-ending
              variables: { trust: 1 }
              ratings: [attuned]
              debrief-includes: ["\(words(.debriefIncludes))"]
          - name: \(words(.paperworkTest))
            choose: [paperwork-first]
            expect:
              ending: mixed-ending
              ratings: [missed]

        """
    }
}

/// The texts of the scaffold `attune new` writes, in the order the file has them.
public enum ScaffoldText: Sendable, Hashable, CaseIterable {
    /// The comment at the top, one line of it per line (each written after "# ").
    case header
    case title, summary, facilitatorNotes, discussion
    /// The first moment's text: lines of a block.
    case arrival
    case reflect, prompt
    case babyFirstChoice
    /// Lines of a block.
    case babyFirstFeedback
    case babyPerspective, parentPerspective, practitionerPerspective
    case paperworkChoice
    /// Lines of a block.
    case paperworkFeedback
    case hopefulText, hopefulDebrief, hopefulReflect
    case mixedText, mixedDebrief
    /// The tests' names.
    case babyFirstTest, paperworkTest
    /// Words of `hopefulDebrief`, which the first test expects in the debrief.
    case debriefIncludes
}
