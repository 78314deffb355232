/// Text from content files and file names on its way to a terminal: the one place that
/// decides which characters could act on the terminal rather than be shown.
public enum TerminalText {
    /// Replaces control characters (C0 apart from newline and tab, DEL, C1, so escape
    /// sequences and CSI) with U+FFFD, so text from content files or file names cannot move
    /// the cursor, change colours, clear the screen or retitle the terminal. Each character
    /// replaced is one scalar, so columns (and a caret under them) stay where they were.
    ///
    /// With `keepingLineBreaks: false` (for one-line text such as a file name in a
    /// `file:line:col` headline) newlines and tabs are replaced too.
    /// The bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to
    /// U+2069) are replaced too: they reorder the text after them, so a file name or a
    /// journal line could show one thing and be another ("Trojan Source"). The marks that
    /// right-to-left text legitimately uses (U+200E, U+200F) are kept.
    public static func neutralize(_ text: String, keepingLineBreaks: Bool = true) -> String {
        func replaced(_ scalar: Unicode.Scalar) -> Bool {
            isUnsafe(scalar) || (!keepingLineBreaks && (scalar == "\n" || scalar == "\t"))
        }
        guard text.unicodeScalars.contains(where: replaced) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(replaced(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    /// Text from a file or typed by someone, as quoted in a message: on one line, cut to
    /// `limit` characters with "..." (a megabyte-long value or pasted line is not repeated
    /// in full), and neutralised.
    public static func quoted(_ text: String, limit: Int = 60) -> String {
        var scalars = text.unicodeScalars.prefix(limit + 1)
        var cut = false
        if scalars.count > limit {
            scalars = scalars.prefix(max(0, limit - 3))
            cut = true
        }
        return neutralize(String(String.UnicodeScalarView(scalars)), keepingLineBreaks: false) + (cut ? "..." : "")
    }

    /// A character a terminal may act on rather than show: C0 controls other than newline
    /// and tab, DEL, and the C1 controls (U+0080 to U+009F).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\t" { return false }
        return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// A bidirectional embedding, override or isolate (U+202A to U+202E, U+2066 to U+2069).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// What must never reach a terminal as itself: a control character or a bidirectional
    /// control.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isBidiControl(scalar)
    }

    /// An invisible or unusual character in words, for messages: "an invisible control
    /// character (U+001B, escape)", "a special space (U+00A0, no-break space)". Never the
    /// character itself.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let name = names[scalar.value].map { ", \($0)" } ?? ""
        if isControl(scalar) || scalar == "\n" || scalar == "\t" || scalar.value == 0x85 {
            return "an invisible control character (\(code)\(name))"
        }
        if scalar.properties.isWhitespace { return "a special space or line break (\(code)\(name))" }
        return "an invisible formatting character (\(code)\(name))"
    }

    /// Whether a character would be invisible or confusing if shown in a message.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if isControl(scalar) || scalar == "\n" || scalar == "\t" { return true }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .control, .unassigned, .privateUse, .surrogate:
            return scalar != " "
        default:
            return false
        }
    }

    private static let names: [UInt32: String] = [
        0x00: "a zero byte", 0x07: "bell", 0x08: "backspace", 0x09: "tab", 0x0A: "line feed", 0x0B: "vertical tab",
        0x0C: "form feed", 0x0D: "carriage return", 0x1B: "escape", 0x7F: "delete", 0x85: "next line",
        0x9B: "control sequence introducer", 0xA0: "no-break space", 0x2028: "line separator",
        0x2029: "paragraph separator", 0x200B: "zero-width space", 0x202A: "left-to-right embedding",
        0x202B: "right-to-left embedding", 0x202C: "pop directional formatting", 0x202D: "left-to-right override",
        0x202E: "right-to-left override", 0x2066: "left-to-right isolate", 0x2067: "right-to-left isolate",
        0x2068: "first strong isolate", 0x2069: "pop directional isolate", 0xFEFF: "byte order mark",
    ]
}

extension String {
    /// The text on one line, cut at a word boundary to at most `limit` characters with "…",
    /// so an author can recognise a choice in a list (`TerminalText.quoted` cuts anywhere, for
    /// values quoted in messages).
    public func shortened(to limit: Int = 48) -> String {
        let words = split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        let whole = words.joined(separator: " ")
        guard whole.count > limit else { return whole }
        var result = ""
        for word in words {
            let next = result.isEmpty ? String(word) : result + " " + word
            if next.count > limit - 1 { break }
            result = next
        }
        if result.isEmpty { result = String(whole.prefix(limit - 1)) }
        // "something.…" reads as a stutter: the cut sentence ends in the ellipsis alone.
        while let last = result.last, ".,;:".contains(last), result.count > 1 { result.removeLast() }
        return result + "…"
    }
}
