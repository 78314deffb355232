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
}

extension HiddenCharacter {
    /// The characters a message names besides their code point (each catalog says the name;
    /// "escape", "escape"; "no-break space", "espacio de no separación").
    public enum Name: Sendable, Hashable, CaseIterable {
        case zeroByte, bell, backspace, tab, lineFeed, verticalTab, formFeed, carriageReturn, escape, delete, nextLine
        case controlSequenceIntroducer, noBreakSpace, lineSeparator, paragraphSeparator, zeroWidthSpace
        case leftToRightEmbedding, rightToLeftEmbedding, popDirectionalFormatting, leftToRightOverride, rightToLeftOverride
        case leftToRightIsolate, rightToLeftIsolate, firstStrongIsolate, popDirectionalIsolate, byteOrderMark

        /// The code point each name is for.
        public var code: UInt32 {
            switch self {
            case .zeroByte: 0x00
            case .bell: 0x07
            case .backspace: 0x08
            case .tab: 0x09
            case .lineFeed: 0x0A
            case .verticalTab: 0x0B
            case .formFeed: 0x0C
            case .carriageReturn: 0x0D
            case .escape: 0x1B
            case .delete: 0x7F
            case .nextLine: 0x85
            case .controlSequenceIntroducer: 0x9B
            case .noBreakSpace: 0xA0
            case .lineSeparator: 0x2028
            case .paragraphSeparator: 0x2029
            case .zeroWidthSpace: 0x200B
            case .leftToRightEmbedding: 0x202A
            case .rightToLeftEmbedding: 0x202B
            case .popDirectionalFormatting: 0x202C
            case .leftToRightOverride: 0x202D
            case .rightToLeftOverride: 0x202E
            case .leftToRightIsolate: 0x2066
            case .rightToLeftIsolate: 0x2067
            case .firstStrongIsolate: 0x2068
            case .popDirectionalIsolate: 0x2069
            case .byteOrderMark: 0xFEFF
            }
        }
    }

    /// The character's name, when a message says one (nil: the code point alone).
    public var name: Name? { Name.allCases.first { $0.code == code } }
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
