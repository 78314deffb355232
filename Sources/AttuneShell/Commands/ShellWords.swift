/// Splits a command line into words. Single or double quotes keep spaces inside one word
/// (for file paths and search phrases); a backslash escapes the next character.
public enum ShellWords {
    public struct UnclosedQuote: Error, Equatable {
        public let quote: Character
        public let column: Int
    }

    public static func split(_ line: String) throws(UnclosedQuote) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: (character: Character, column: Int)?
        var escaped = false
        for (offset, character) in line.enumerated() {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if let open = quote {
                if character == open.character { quote = nil } else { current.append(character) }
                continue
            }
            switch character {
            case "\\":
                escaped = true
                inWord = true
            case "\"", "'":
                quote = (character, offset + 1)
                inWord = true
            case " ", "\t":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if let open = quote { throw UnclosedQuote(quote: open.character, column: open.column) }
        if inWord { words.append(current) }
        return words
    }
}
