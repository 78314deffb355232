/// A scenario's node graph for Graphviz (`dot`) or Mermaid: choices labelled with their id
/// and coloured by rating, the start marked, endings shaped and filled by their kind.
public enum GraphFormat: String, Sendable, CaseIterable {
    case dot, mermaid
}

public enum GraphExport {
    static func colour(_ rating: Rating) -> String {
        switch rating {
        case .attuned: "#2e7d32"
        case .partial: "#b58900"
        case .missed: "#e65100"
        case .unsafe: "#c62828"
        }
    }

    static func fill(_ kind: EndingKind) -> String {
        switch kind {
        case .hopeful: "#dcefdc"
        case .mixed: "#fff3cd"
        case .concerning: "#f8d7da"
        }
    }

    public static func render(_ scenario: Scenario, format: GraphFormat) -> String {
        switch format {
        case .dot: dot(scenario)
        case .mermaid: mermaid(scenario)
        }
    }

    private static func dotString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    static func dot(_ scenario: Scenario) -> String {
        var lines = [
            "digraph \(dotString(scenario.id)) {",
            "  label=\(dotString(scenario.title)); labelloc=t; rankdir=TB;",
            "  node [shape=box, style=rounded, fontname=\"Helvetica\"];",
            "  edge [fontname=\"Helvetica\", fontsize=10];",
        ]
        for node in scenario.nodes {
            var attributes: [String]
            if let ending = node.ending {
                attributes = ["label=\(dotString("\(node.id)\n(\(ending.rawValue) ending)"))", "shape=doubleoctagon",
                              "style=filled", "fillcolor=\(dotString(fill(ending)))"]
            } else {
                attributes = ["label=\(dotString(node.id))"]
            }
            if node.id == scenario.start.value { attributes.append("penwidth=2.5") }
            lines.append("  \(dotString(node.id)) [\(attributes.joined(separator: ", "))];")
        }
        for node in scenario.nodes {
            for choice in node.choices {
                let label = choice.when.map { "\(choice.id)\n[\($0.text)]" } ?? choice.id
                let style = choice.when == nil ? "" : ", style=dashed"
                lines.append("  \(dotString(node.id)) -> \(dotString(choice.next.value)) [label=\(dotString(label)), "
                    + "color=\(dotString(colour(choice.rating))), fontcolor=\(dotString(colour(choice.rating)))\(style)];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func mermaidText(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "\n", with: " ")
    }

    static func mermaid(_ scenario: Scenario) -> String {
        // Mermaid ids are kept to n0, n1...; the node ids are the labels.
        let ids = Dictionary(scenario.nodes.enumerated().map { ($0.element.id, "n\($0.offset)") }, uniquingKeysWith: { first, _ in first })
        var lines = ["---", "title: \(mermaidText(scenario.title))", "---", "flowchart TD"]
        for node in scenario.nodes {
            let id = ids[node.id]!
            if let ending = node.ending {
                lines.append("  \(id)([\"\(mermaidText(node.id)) (\(ending.rawValue) ending)\"])")
            } else if node.id == scenario.start.value {
                lines.append("  \(id)[[\"\(mermaidText(node.id))\"]]")
            } else {
                lines.append("  \(id)[\"\(mermaidText(node.id))\"]")
            }
        }
        var styles: [String] = []
        var edge = 0
        for node in scenario.nodes {
            for choice in node.choices {
                guard let target = ids[choice.next.value] else { continue }
                let label = choice.when.map { "\(choice.id) [\($0.text)]" } ?? choice.id
                let arrow = choice.when == nil ? "-->" : "-.->"
                lines.append("  \(ids[node.id]!) \(arrow)|\"\(mermaidText(label))\"| \(target)")
                styles.append("  linkStyle \(edge) stroke:\(colour(choice.rating)),color:\(colour(choice.rating))")
                edge += 1
            }
        }
        lines += styles
        for kind in EndingKind.allCases {
            let members = scenario.nodes.filter { $0.ending == kind }.compactMap { ids[$0.id] }
            guard !members.isEmpty else { continue }
            lines.append("  classDef \(kind.rawValue) fill:\(fill(kind)),stroke:#555")
            lines.append("  class \(members.joined(separator: ",")) \(kind.rawValue)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
