/// A scenario's node graph for Graphviz (`dot`) or Mermaid: choices labelled with their id
/// and coloured by rating, the start marked, endings shaped and filled by their kind.
public enum GraphFormat: String, Sendable, CaseIterable {
    case dot, mermaid
}

/// The words of a graph that a reader sees: the legend and the label of an ending's kind.
/// Node and choice ids stay as written; a catalog says these in the reader's language.
public enum GraphWord: Sendable, Hashable {
    /// The legend's title: "Legend".
    case legend
    /// A rating's colour: "an attuned choice".
    case choice(Rating)
    /// "dashed: offered only when its condition [in brackets] holds".
    case dashed
    /// How the start is marked: a thick border in DOT, a box with double sides in Mermaid.
    case start(doubleSides: Bool)
    /// An ending kind's fill: "filled: a hopeful ending".
    case filled(EndingKind)
    /// An ending's label under its id: "hopeful ending".
    case ending(EndingKind)
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

    /// The graph, with its legend and ending labels in `words`' language.
    public static func render(_ scenario: Scenario, format: GraphFormat, words: (GraphWord) -> String) -> String {
        switch format {
        case .dot: dot(scenario, words: words)
        case .mermaid: mermaid(scenario, words: words)
        }
    }

    /// A DOT quoted string. Backslashes and quotes are escaped, a line break becomes DOT's
    /// `\\n`, and control characters (escape sequences) are neutralised, so a title can
    /// neither end the string early nor act on a terminal the graph is printed to.
    static func dotString(_ text: String) -> String {
        var result = "\""
        for scalar in TerminalText.neutralize(text).unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += " "
            case "\u{2028}", "\u{2029}", "\u{85}": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func dot(_ scenario: Scenario, words: (GraphWord) -> String) -> String {
        var lines = [
            "digraph \(dotString(scenario.id)) {",
            "  label=\(dotString(scenario.title)); labelloc=t; rankdir=TB;",
            "  node [shape=box, style=rounded, fontname=\"Helvetica\"];",
            "  edge [fontname=\"Helvetica\", fontsize=10];",
        ]
        for node in scenario.nodes {
            var attributes: [String]
            if let ending = node.ending {
                attributes = ["label=\(dotString("\(node.id)\n(\(words(.ending(ending))))"))", "shape=doubleoctagon",
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
        lines += dotLegend(scenario, words: words)
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the colours, the dashed edges, the thick border and the filled shapes mean, in words.
    /// `filled`: the row is an ending's fill (its colour the cell's background, not the text's).
    static func legendRows(_ scenario: Scenario, doubleSides: Bool = false,
                           words: (GraphWord) -> String) -> [(text: String, colour: String?, filled: Bool)] {
        var rows: [(text: String, colour: String?, filled: Bool)] = Rating.allCases.map { (words(.choice($0)), colour($0), false) }
        rows.append((words(.dashed), nil, false))
        rows.append((words(.start(doubleSides: doubleSides)), nil, false))
        for kind in EndingKind.allCases where scenario.nodes.contains(where: { $0.ending == kind }) {
            rows.append((words(.filled(kind)), fill(kind), true))
        }
        return rows
    }

    private static func dotLegend(_ scenario: Scenario, words: (GraphWord) -> String) -> [String] {
        // HTML-like labels take only escaped text; the rows are Attune's own words.
        let rows = legendRows(scenario, words: words).map { row in
            let text = row.text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
            if row.filled, let colour = row.colour {
                return "<tr><td bgcolor=\"\(colour)\" align=\"left\">\(text)</td></tr>"
            }
            return "<tr><td align=\"left\">" + (row.colour.map { "<font color=\"\($0)\">\(text)</font>" } ?? text) + "</td></tr>"
        }
        return [
            "  subgraph cluster_legend {",
            "    label=\(dotString(words(.legend))); fontsize=10; color=\"#999999\";",
            "    \"attune legend\" [shape=plaintext, fontsize=10, label=<<table border=\"0\" cellspacing=\"2\">"
                + rows.joined() + "</table>>];",
            "  }",
        ]
    }

    /// Text inside a quoted Mermaid label: on one line, with the characters Mermaid reads
    /// as markup (quotes, entity codes, HTML, Markdown strings) written as entity codes and
    /// control characters neutralised.
    static func mermaidText(_ text: String) -> String {
        var result = ""
        for scalar in TerminalText.neutralize(text).unicodeScalars {
            switch scalar {
            case "\"": result += "#quot;"
            case "#": result += "#35;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "&": result += "#amp;"
            case "`": result += "#96;"
            case "\n", "\t", "\u{2028}", "\u{2029}", "\u{85}": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The title in Mermaid's front matter, which is YAML: one double-quoted line.
    static func mermaidTitle(_ text: String) -> String {
        var result = "\""
        for scalar in TerminalText.neutralize(text).unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n", "\t", "\u{2028}", "\u{2029}", "\u{85}": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func mermaid(_ scenario: Scenario, words: (GraphWord) -> String) -> String {
        // Mermaid ids are kept to n0, n1...; the node ids are the labels.
        let ids = Dictionary(scenario.nodes.enumerated().map { ($0.element.id, "n\($0.offset)") }, uniquingKeysWith: { first, _ in first })
        var lines = ["---", "title: \(mermaidTitle(scenario.title))", "---", "flowchart TD"]
        for node in scenario.nodes {
            let id = ids[node.id]!
            if let ending = node.ending {
                lines.append("  \(id)([\"\(mermaidText(node.id)) (\(mermaidText(words(.ending(ending)))))\"])")
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
        // The legend, as comments: Mermaid has no legend of its own.
        lines += ["  %% \(mermaidText(words(.legend))):"]
            + legendRows(scenario, doubleSides: true, words: words).map { "  %%   \($0.text)" + ($0.colour.map { " (\($0))" } ?? "") }
        return lines.joined(separator: "\n") + "\n"
    }
}
