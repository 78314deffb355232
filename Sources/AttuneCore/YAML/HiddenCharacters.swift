import Yams

/// The `hidden-character` rule, checked on every text value as it is read: a control
/// character or a bidirectional control that the file holds only as a YAML escape
/// (`"\e[2J"`, `"\x9b"`, `"\0"`, `"\r"`, `"\u202E"`) or, for the bidirectional ones, as
/// themselves. Raw control characters are refused earlier, for the whole file
/// (`ContentFiles.decode`); an escape gets past that check, and its value would reach
/// exports and other programs raw, where it can clear a screen, write to the clipboard or
/// make text read differently from what is written.
extension NodeReader {
    /// Reports the first hidden character in `scalar`'s value, where the file writes it.
    mutating func checkHiddenCharacters(_ node: Node, _ scalar: Node.Scalar) {
        guard let hidden = scalar.string.unicodeScalars.first(where: Self.isHidden) else { return }
        let place = node.mark.flatMap { whereWritten(hidden, from: $0, doubleQuoted: scalar.style == .doubleQuoted) }
        let at = place.map { source.location(line: $0.line, column: $0.column) } ?? location(of: node)
        report(at: at, .reading(.hiddenInText(HiddenCharacter(hidden), bidirectional: TerminalText.isBidiControl(hidden))),
               rule: .hiddenCharacter)
    }

    /// A character no text value should hold: a control character other than line feed and
    /// tab, or a bidirectional control.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        TerminalText.isUnsafe(scalar)
    }

    /// Where the file writes the first hidden character of a scalar that starts at `mark`:
    /// the backslash of its escape in a double-quoted scalar, or the character itself.
    /// Looks no further than the scalar's closing quote, or than a bounded number of lines.
    private func whereWritten(_ hidden: Unicode.Scalar, from mark: Mark, doubleQuoted: Bool) -> (line: Int, column: Int)? {
        var lineNumber = mark.line
        var startColumn = mark.column
        var openQuoteSeen = false
        while lineNumber < mark.line + 2000, let line = source.line(lineNumber) {
            let scalars = Array(line.unicodeScalars)
            var index = max(0, startColumn - 1)
            while index < scalars.count {
                let scalar = scalars[index]
                if Self.isHidden(scalar) { return (lineNumber, index + 1) }
                if doubleQuoted {
                    if scalar == "\"" {
                        if openQuoteSeen { return nil }
                        openQuoteSeen = true
                    } else if scalar == "\\", index + 1 < scalars.count {
                        let (value, length) = Self.escape(scalars, at: index + 1)
                        if let value, Self.isHidden(value) { return (lineNumber, index + 1) }
                        index += length
                    }
                }
                index += 1
            }
            lineNumber += 1
            startColumn = 1
        }
        return nil
    }

    /// The character a double-quoted escape after a backslash stands for, and how many
    /// characters the escape takes after the backslash.
    private static func escape(_ scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar?, Int) {
        let simple: [Unicode.Scalar: UInt32] = [
            "0": 0x00, "a": 0x07, "b": 0x08, "t": 0x09, "n": 0x0A, "v": 0x0B, "f": 0x0C, "r": 0x0D, "e": 0x1B,
            "N": 0x85, "_": 0xA0, "L": 0x2028, "P": 0x2029,
        ]
        let letter = scalars[index]
        if let value = simple[letter] { return (Unicode.Scalar(value), 1) }
        let digits = letter == "x" ? 2 : letter == "u" ? 4 : letter == "U" ? 8 : 0
        guard digits > 0, index + digits < scalars.count else { return (nil, 1) }
        let hex = String(String.UnicodeScalarView(scalars[(index + 1)...(index + digits)]))
        guard let value = UInt32(hex, radix: 16) else { return (nil, 1) }
        return (Unicode.Scalar(value), 1 + digits)
    }
}
