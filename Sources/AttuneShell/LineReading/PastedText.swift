import Foundation

/// The rules for text pasted into the terminal, apart from the terminal itself so tests can
/// call them directly.
///
/// With bracketed paste on (`ESC [ ? 2004 h`), the terminal wraps a paste in `ESC [ 200 ~`
/// and `ESC [ 201 ~`, so a pasted block is told apart from typing. Without it, lines that
/// arrive within a few milliseconds of the Enter before them are taken as one paste: no
/// one types that fast.
public enum PastedText {
    /// What the terminal sends before a paste, after the escape byte.
    static let startMarker: [UInt8] = Array("[200~".utf8)
    /// What the terminal sends after a paste.
    static let endMarker: [UInt8] = Array("\u{1B}[201~".utf8)
    /// Turns bracketed paste on (on entering the prompt) and off (on leaving it).
    static let enable = "\u{1B}[?2004h"
    static let disable = "\u{1B}[?2004l"
    /// How soon after an Enter more input must arrive to be part of a paste, in milliseconds.
    static let unbracketedGap: Int32 = 15
    /// How long a quiet spell ends an unbracketed paste, in milliseconds.
    static let quietSpell: Int32 = 100

    /// The pasted bytes as text: invalid UTF-8 becomes U+FFFD, and every line break
    /// (CR LF, CR, LF: terminals send CR for each line of a paste) becomes "\n".
    /// Paste markers inside the bytes (a marked paste that arrived straight after an Enter,
    /// in an unmarked one) are left out.
    public static func text(_ bytes: [UInt8]) -> String {
        let decoded = String(decoding: bytes, as: UTF8.self)
            .replacingOccurrences(of: "\u{1B}[200~", with: "").replacingOccurrences(of: "\u{1B}[201~", with: "")
        var result = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in decoded.unicodeScalars {
            if scalar == "\n", afterCarriageReturn {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = scalar == "\r"
            result.append(scalar == "\r" ? "\n" : scalar)
        }
        return String(result)
    }

    /// The paste without the line breaks that end it (copying whole lines takes the last
    /// line's break too). Spaces and tabs are kept.
    public static func trimmed(_ text: String) -> String {
        var result = text
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }

    /// Whether a paste is one line, to be edited like typing, or a block that is never run.
    public static func isBlock(_ text: String) -> Bool {
        trimmed(text).contains("\n")
    }

    /// A one-line paste as characters to type into the line: control characters other than
    /// tab are left out, so a pasted escape or Ctrl-key cannot run an editing command.
    public static func typable(_ text: String) -> [Unicode.Scalar] {
        trimmed(text).unicodeScalars.filter { $0 == "\t" || !($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
    }

    /// How many lines a block holds, for "You pasted 3 lines".
    public static func lineCount(_ text: String) -> Int {
        trimmed(text).split(separator: "\n", omittingEmptySubsequences: false).count
    }
}
