/// `attune new NAME`: a small, valid scenario to start from: one decision, two endings, a
/// test for each, using canonical knowledge ids, so it passes lint and test as written.
public enum ScenarioScaffold {
    public static func text(id: String) -> String {
        """
        # A new case. Replace the text, add moments, and keep `attune lint` and
        # `attune test` clean as you go. The guide: docs/authoring.md (attune help format).
        scenario: \(id)
        title: "A new case"
        summary: One or two sentences shown in the scenario list.
        minutes: 10
        audience: [workforce.non-specialists]
        competencies: [competency.direct-service]
        knowledge: [attachment.perceive-cues]
        content-warnings: []
        variables:
          trust: 0
        facilitator:
          notes: Background for a trainer leading a group.
          discussion: ["What did you notice first?"]
        start: arrival
        nodes:
          arrival:
            text: |
              Describe the setting, the family and the baby, and what the practitioner
              notices on arrival.
            reflect: What might the baby be telling you?
            prompt: What do you do first?
            choices:
              - id: notice-baby
                text: Greet the baby first, at the baby's level, and wait.
                next: hopeful-ending
                rating: attuned
                feedback: |
                  Say why this matters for the baby, the parent and the practitioner,
                  in a reflective voice, and name the idea it rests on.
                perspectives:
                  baby: What the baby might experience.
                  parent: What the parent might think or feel.
                  practitioner: What the practitioner might notice in themselves.
                refs: [attachment.perceive-cues]
                competencies: [competency.direct-service]
                add: { trust: 1 }
              - id: paperwork-first
                text: Start with the paperwork.
                next: mixed-ending
                rating: missed
                feedback: |
                  Say what this choice might miss, without judgment, and what could
                  help next time.
                refs: [serve-and-return.1]
          hopeful-ending:
            ending: hopeful
            text: What happens when the practitioner follows the baby's lead.
            debrief:
              - when: trust >= 1
                say: You met the baby first.
            reflect: What will you bring to your next supervision session?
          mixed-ending:
            ending: mixed
            text: What happens when the visit starts with the forms.
            debrief:
              - say: The forms got done; the baby waited.
        tests:
          - name: baby first
            choose: [notice-baby]
            expect:
              ending: hopeful-ending
              variables: { trust: 1 }
              ratings: [attuned]
              debrief-includes: ["met the baby first"]
          - name: paperwork first
            choose: [paperwork-first]
            expect:
              ending: mixed-ending
              ratings: [missed]

        """
    }
}
