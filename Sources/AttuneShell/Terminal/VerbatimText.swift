import AttuneCore

/// Someone's own words laid out for the terminal exactly as typed: line breaks, leading
/// indentation and runs of spaces stay; a tab moves to the next tab stop. A line wider than
/// the window is wrapped between words and continues under its own indent; nothing else
/// moves. Control characters become U+FFFD first, so the text cannot act on the terminal.
enum VerbatimText {
    /// Columns between tab stops, as in a plain terminal or editor.
    static let tabStop = 8

    /// The lines to print: each starts with `gutter` (an indent of Attune's own, never
    /// wider than half the window), and none is wider than `width`.
    static func lines(_ text: String, width: Int, gutter: String = "") -> [String] {
        TerminalText.neutralize(text).split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
            let expanded = expandingTabs(line)
            guard !expanded.isEmpty else { return [""] }
            return layout(expanded, width: width, gutter: gutter)
        }
    }

    /// Replaces each tab with the spaces up to the next tab stop, counted from the start of
    /// the line in columns (a wide character takes two).
    static func expandingTabs(_ line: some StringProtocol) -> String {
        guard line.contains("\t") else { return String(line) }
        var result = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let spaces = tabStop - column % tabStop
                result += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                result.append(character)
                column += TextLayout.visibleWidth(String(character))
            }
        }
        return result
    }

    /// One line with no tabs or line breaks, wrapped only if it is wider than `width`.
    private static func layout(_ line: String, width: Int, gutter: String) -> [String] {
        let gutterWidth = TextLayout.visibleWidth(gutter)
        guard gutterWidth + TextLayout.visibleWidth(line) > width else { return [gutter + line] }
        let indent = line.prefix { $0 == " " }.count
        // Continue under the line's own indent, as long as that leaves room for words.
        let hanging = gutter + String(repeating: " ", count: min(indent, max(0, width / 2 - gutterWidth)))
        let hangingWidth = TextLayout.visibleWidth(hanging)
        var output: [String] = []
        var current = gutter
        var currentWidth = gutterWidth
        var hasWords = false
        var isFirstRow = true

        func breakLine() {
            output.append(current.trimmingTrailingSpaces)
            current = hanging
            currentWidth = hangingWidth
            hasWords = false
            isFirstRow = false
        }

        for run in runs(of: line) {
            let runWidth = TextLayout.visibleWidth(run)
            if run.first == " " {
                // Spaces between words are kept as typed; at a break they end the row.
                guard hasWords || isFirstRow else { continue }
                if currentWidth + runWidth <= width {
                    current += run
                    currentWidth += runWidth
                } else if hasWords {
                    breakLine()
                } else {
                    // An indent wider than the window: the words start at the hanging indent.
                    current = hanging
                    currentWidth = hangingWidth
                    isFirstRow = false
                }
                continue
            }
            if hasWords, currentWidth + runWidth > width { breakLine() }
            if currentWidth + runWidth <= width {
                current += run
                currentWidth += runWidth
                hasWords = true
                continue
            }
            // A word longer than the row: split it where the row ends, as a terminal would.
            for character in run {
                let characterWidth = TextLayout.visibleWidth(String(character))
                if currentWidth + characterWidth > width, currentWidth > hangingWidth || hasWords {
                    breakLine()
                }
                current.append(character)
                currentWidth += characterWidth
                hasWords = true
            }
        }
        if hasWords || output.isEmpty { output.append(current.trimmingTrailingSpaces) }
        return output
    }

    /// The line as alternating runs of spaces and of other characters.
    private static func runs(of line: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for character in line {
            if let last = current.last, (last == " ") != (character == " ") {
                runs.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
