/// Synthetic scenarios of any size, for tests and benchmarks of the authoring tools. Each
/// is valid against `exampleKnowledgeText` and passes its own test.
public enum ScenarioGenerator {
    private static func header(_ id: String, variables: Bool) -> String {
        """
        scenario: \(id)
        title: Generated case
        summary: A generated case.
        minutes: 5
        audience: [workforce.non-specialists]
        competencies: [competency.direct-service]
        knowledge: [tenet.1]
        \(variables ? "variables:\n  trust: 0\n" : "")start: n0
        nodes:

        """
    }

    private static func choice(_ id: String, next: String, rating: String, extra: String = "") -> String {
        """
              - id: \(id)
                text: Choice \(id).
                next: \(next)
                rating: \(rating)
                feedback: Feedback.
                refs: [tenet.1]
        \(extra)
        """
    }

    /// `decisions` nodes in a row, each with two choices to the next: 2^decisions paths.
    public static func chain(decisions: Int, id: String = "chain") -> String {
        var text = header(id, variables: false)
        for index in 0..<decisions {
            let next = index + 1 == decisions ? "end" : "n\(index + 1)"
            text += "  n\(index):\n    text: Moment \(index).\n    choices:\n"
            text += choice("a", next: next, rating: "attuned") + choice("b", next: next, rating: "partial")
        }
        text += "  end:\n    ending: hopeful\n    text: The end.\n"
        text += "tests:\n  - name: first\n    choose: [\(Array(repeating: "a", count: decisions).joined(separator: ", "))]\n"
        text += "    expect: { ending: end }\n"
        return text
    }

    /// About `nodes` nodes in layers of ten after a start that fans out to the first layer:
    /// each node offers three choices into the next layer, one only while a counter is low;
    /// the first layers raise the counter; two endings.
    public static func layered(nodes: Int, id: String = "layered") -> String {
        let width = 10
        let layers = max(1, (nodes - 2) / width)
        var text = header(id, variables: true)
        // The start fans out to every slot of the first layer, so every node is reachable.
        text += "  n0:\n    text: The start.\n    choices:\n"
        for slot in 0..<width {
            text += choice("to-\(slot)", next: layers == 1 ? "hopeful" : "l1s\(slot)", rating: slot % 2 == 0 ? "attuned" : "partial")
        }
        for layer in 1..<max(layers, 1) {
            for slot in 0..<width {
                let name = "l\(layer)s\(slot)"
                let nextLayer = layer + 1
                func target(_ offset: Int) -> String {
                    nextLayer == layers ? (offset == 2 ? "mixed" : "hopeful") : "l\(nextLayer)s\((slot + offset) % width)"
                }
                text += "  \(name):\n    text: Moment \(layer).\(slot).\n    choices:\n"
                // Only the first layers raise the counter, so the states stay about 4 per node.
                text += choice("a", next: target(0), rating: "attuned", extra: layer < 3 ? "        add: { trust: 1 }\n" : "")
                text += choice("b", next: target(1), rating: "partial")
                text += choice("c", next: target(2), rating: "missed", extra: "        when: trust < 3\n")
            }
        }
        text += "  hopeful:\n    ending: hopeful\n    text: Warm.\n    debrief:\n      - when: trust >= 3\n        say: Steady.\n"
        text += "  mixed:\n    ending: mixed\n    text: Mixed.\n"
        text += "tests:\n  - name: all a\n    choose: [to-0\(String(repeating: ", a", count: max(layers - 1, 0)))]\n"
        text += "    expect: { ending: hopeful }\n"
        return text
    }
}
