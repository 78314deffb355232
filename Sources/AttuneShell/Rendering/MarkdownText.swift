/// The learner's words inside a Markdown export, escaped so they render exactly as written:
/// a line that starts with `## ` stays text instead of forging a heading, `<script>` stays
/// visible text, `*stars*` stay stars, and line breaks stay line breaks.
enum MarkdownText {
    /// Characters CommonMark may read as markup anywhere in a line.
    private static let inline: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "!", "{", "}"]

    static func escape(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { escapeLine(String($0)) }
            .joined(separator: "\\\n")
            .replacingOccurrences(of: "\\\n\\\n", with: "\n\n")
    }

    private static func escapeLine(_ line: String) -> String {
        // Leading spaces would make an indented code block; keep them as no-break spaces.
        let indent = line.prefix { $0 == " " }
        var result = String(repeating: "\u{00A0}", count: indent.count)
        let rest = line.dropFirst(indent.count)
        for (index, character) in rest.enumerated() {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case _ where inline.contains(character): result += "\\" + String(character)
            case _ where index == 0 && "-+=".contains(character): result += "\\" + String(character)
            default: result.append(character)
            }
        }
        // "1. " or "1) " at the start would begin a numbered list.
        if let dot = result.firstIndex(where: { !$0.isNumber }), dot != result.startIndex,
           result[dot] == "." || result[dot] == ")", result[..<dot].allSatisfy(\.isASCII) {
            result.insert("\\", at: dot)
        }
        return result
    }
}
