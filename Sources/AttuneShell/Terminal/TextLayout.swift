import AttuneCore

/// Plain-text layout for the terminal: word wrapping that ignores colour codes, and
/// neutralising control characters that content must never send to the terminal.
public enum TextLayout {
    /// The number of columns `text` takes, not counting ANSI colour sequences.
    public static func visibleWidth(_ text: some StringProtocol) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else if scalar.properties.generalCategory != .nonspacingMark, scalar.value >= 0x20 {
                width += isWide(scalar) ? 2 : 1
            }
        }
        return width
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Wraps one paragraph to `width` columns. The first line starts with `firstIndent`,
    /// the others with `indent`. Words longer than a line are kept whole.
    public static func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> [String] {
        let first = firstIndent ?? indent
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard !words.isEmpty else { return [first.trimmingTrailingSpaces] }
        var lines: [String] = []
        var line = first
        var lineWidth = visibleWidth(first)
        var lineHasWord = false
        for word in words {
            let wordWidth = visibleWidth(word)
            if lineHasWord, lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = indent
                lineWidth = visibleWidth(indent)
                lineHasWord = false
            }
            if lineHasWord {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    /// Fits finished output to `width`: any line that is too long is wrapped at word
    /// boundaries, continuing at its own indent. Lines that fit are left exactly as they are.
    public static func fit(_ text: String, width: Int) -> String {
        guard text.utf8.count > width || text.contains("\n") else { return text }
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            guard visibleWidth(line) > width else {
                lines.append(line)
                continue
            }
            let indent = String(line.prefix { $0 == " " })
            let hanging = indent.count * 2 < width ? indent : ""
            lines += wrap(String(line.dropFirst(indent.count)), width: width, indent: hanging, firstIndent: indent)
        }
        return lines.joined(separator: "\n")
    }

    /// Lays out authored prose: blank lines separate paragraphs, lines starting with
    /// "- ", "* " or "1. " are list items with a hanging indent, other line breaks inside a
    /// paragraph are joined so hard-wrapped YAML reflows to the terminal.
    public static func reflow(_ text: String, width: Int, indent: String = "") -> [String] {
        var output: [String] = []
        var paragraph: [String] = []
        var bullet: String?

        func flush() {
            guard !paragraph.isEmpty else { return }
            let joined = paragraph.joined(separator: " ")
            if let bullet {
                let hanging = indent + String(repeating: " ", count: bullet.count)
                let body = String(joined.dropFirst(bullet.count))
                output += wrap(body, width: width, indent: hanging, firstIndent: indent + bullet)
            } else {
                output += wrap(joined, width: width, indent: indent)
            }
            paragraph = []
            bullet = nil
        }

        var previousBlank = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: " \t\r")
            if line.isEmpty {
                flush()
                if !output.isEmpty, !previousBlank { output.append("") }
                previousBlank = true
                continue
            }
            previousBlank = false
            if let marker = listMarker(line) {
                flush()
                bullet = marker
            }
            paragraph.append(line)
        }
        flush()
        while output.last == "" { output.removeLast() }
        return output
    }

    private static func listMarker(_ line: String) -> String? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return String(line.prefix(2)) }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 2 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return String(digits) + String(rest.prefix(2)) }
        }
        return nil
    }

    /// Replaces control characters so text from content, file names or the network cannot
    /// act on the terminal; newlines and tabs stay. The one rule lives in AttuneCore.
    public static func neutralize(_ text: String) -> String { TerminalText.neutralize(text) }

    /// The last check on everything written to the terminal: control characters and
    /// bidirectional controls become U+FFFD, except newlines, tabs and Attune's own colour
    /// codes (``ownColourCodes``), so no text from content, the network, file names or the
    /// keyboard can move the cursor, retitle the window, ring the bell, write to the
    /// clipboard, hide text (conceal, ESC [ 8 m) or reorder it.
    public static func sanitizeForTerminal(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", let end = colourCodeEnd(scalars, from: index) {
                result.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            result.append(isControl(scalar) ? "\u{FFFD}" : scalar)
            index += 1
        }
        return String(result)
    }

    /// The colour codes Attune writes itself (TextStyle, and the join code's forced
    /// colours): the parameters between `ESC [` and `m`. Any other, say conceal (8),
    /// reverse (7) or black on black, comes from elsewhere and is neutralised.
    static let ownColourCodes: Set<String> = ["0", "1", "2", "3", "36", "1;34", "1;33", "1;31", "1;35", "32", "33", "30;107"]

    /// The index of the `m` ending one of Attune's own colour codes at `start`.
    private static func colourCodeEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        var parameters = ""
        while index < scalars.count, index - start < 12 {
            let scalar = scalars[index]
            if scalar == "m" { return ownColourCodes.contains(parameters) ? index : nil }
            guard scalar == ";" || ("0"..."9").contains(scalar) else { return nil }
            parameters.unicodeScalars.append(scalar)
            index += 1
        }
        return nil
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool { TerminalText.isUnsafe(scalar) }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        let start = firstIndex { !characters.contains($0) } ?? endIndex
        let end = lastIndex { !characters.contains($0) }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }

    var trimmingTrailingSpaces: String {
        var text = String(self)
        while text.last == " " { text.removeLast() }
        return text
    }
}
