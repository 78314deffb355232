import Foundation

/// A word found in a text: its search term and where it sits in the text.
public struct Token: Sendable, Hashable {
    public var term: String
    public var range: Range<String.Index>
}

/// Turns text into search terms: case- and accent-folded words, reduced to a common stem so
/// "attached", "attaching" and "attachment" meet at "attach".
public enum TextAnalysis {
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "in", "is", "it",
        "of", "on", "or", "the", "to", "what", "when", "with",
    ]

    public static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if isWordCharacter(character) {
                if start == nil { start = index }
            } else if let begin = start {
                append(begin..<index)
                start = nil
            }
            index = text.index(after: index)
        }
        if let begin = start { append(begin..<text.endIndex) }
        return tokens

        func append(_ range: Range<String.Index>) {
            let word = normalize(text[range])
            guard !stopWords.contains(word) else { return }
            tokens.append(Token(term: stem(word), range: range))
        }
    }

    /// A letter or a digit. ASCII is answered without Unicode property lookups, which
    /// were a fifth of the time spent searching and indexing (the answer is the same).
    @inline(__always)
    static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (0x61...0x7A).contains(ascii) || (0x41...0x5A).contains(ascii) || (0x30...0x39).contains(ascii)
        }
        return character.isLetter || character.isNumber
    }

    @inline(__always)
    static func isLetter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return (0x61...0x7A).contains(ascii) || (0x41...0x5A).contains(ascii) }
        return character.isLetter
    }

    /// The query's distinct terms, in the order typed.
    public static func terms(in query: String) -> [String] {
        var seen = Set<String>()
        return tokens(in: query).map(\.term).filter { seen.insert($0).inserted }
    }

    static func normalize(_ word: Substring) -> String {
        // Plain ASCII words (nearly all of them) only need lowercasing; full Unicode folding
        // is slow on Linux.
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        return word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// A light suffix-stripping stemmer (a small subset of Porter's rules): enough for
    /// plurals, verb forms and common noun endings, and predictable for authors.
    public static func stem(_ word: String) -> String {
        guard word.count > 3, word.allSatisfy(isLetter) else { return word }
        var stem = word
        if stem.hasSuffix("'s") { stem.removeLast(2) }
        let rules: [(String, String)] = [
            ("ational", "ate"), ("ization", "ize"), ("fulness", "ful"), ("iveness", "ive"),
            ("ousness", "ous"), ("ments", ""), ("ment", ""), ("nesses", ""), ("ness", ""),
            ("ings", ""), ("ing", ""), ("ied", "y"), ("ies", "y"), ("edly", ""), ("ed", ""),
            ("ers", ""), ("er", ""), ("ly", ""), ("sses", "ss"), ("s", ""),
        ]
        for (suffix, replacement) in rules where stem.hasSuffix(suffix) {
            let base = String(stem.dropLast(suffix.count))
            if suffix == "s", base.hasSuffix("s") || base.hasSuffix("u") || base.hasSuffix("i") { break }
            guard base.count >= 3 else { break }
            stem = base + replacement
            break
        }
        // "nurture" and "nurtur(ing)" should meet; "stress" keeps its double s.
        if stem.count > 4, stem.hasSuffix("e") { stem.removeLast() }
        return stem
    }
}
