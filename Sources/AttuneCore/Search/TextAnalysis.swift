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

    /// Spanish words too common to search by.
    static let spanishStopWords: Set<String> = [
        "a", "al", "como", "con", "de", "del", "e", "el", "en", "es", "esta", "este", "la", "las", "lo", "los", "o", "para",
        "por", "que", "se", "su", "sus", "u", "un", "una", "unas", "unos", "y",
    ]

    /// Search terms in `language` (nil or `en`: English; `es`: Spanish, stemmed with
    /// Snowball's Spanish stemmer). A language without its own analysis is searched as
    /// English.
    ///
    /// In Spanish a word may give two terms at the same place: its stem with the accents
    /// folded after stemming (Snowball reads them: "educación" → "educ"), and the stem of
    /// the word written without them ("educacion"), since learners often type no accents
    /// and Snowball does not always stem both spellings alike ("bebés", "bebes").
    public static func tokens(in text: String, language: String?) -> [Token] {
        guard language == "es", let stemmer = SnowballStemmer.spanish else { return tokens(in: text) }
        var tokens: [Token] = []
        for range in words(in: text) {
            let word = text[range].lowercased()
            let plain = fold(word)
            guard !spanishStopWords.contains(plain) else { continue }
            guard word.count > 2, word.allSatisfy(isLetter) else {
                tokens.append(Token(term: plain, range: range))
                continue
            }
            let stem = fold(stemmer.stem(word)), plainStem = stemmer.stem(plain)
            tokens.append(Token(term: stem, range: range))
            if plainStem != stem { tokens.append(Token(term: plainStem, range: range)) }
        }
        return tokens
    }

    /// The query's words, in the order typed, each as the terms that stand for it (one in
    /// English; one or two in Spanish, see `tokens(in:language:)`).
    public static func queryTerms(in query: String, language: String?) -> [[String]] {
        var groups: [[String]] = []
        var last: Range<String.Index>?
        for token in tokens(in: query, language: language) {
            if token.range == last, !groups.isEmpty {
                if !groups[groups.count - 1].contains(token.term) { groups[groups.count - 1].append(token.term) }
            } else {
                groups.append([token.term])
            }
            last = token.range
        }
        var seen = Set<[String]>()
        return groups.filter { seen.insert($0).inserted }
    }

    /// `terms(in:)` in `language`: every term of the query, distinct, in the order typed.
    public static func terms(in query: String, language: String?) -> [String] {
        var seen = Set<String>()
        return tokens(in: query, language: language).map(\.term).filter { seen.insert($0).inserted }
    }

    private static func fold(_ word: String) -> String {
        word.utf8.allSatisfy { $0 < 0x80 } ? word : word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Where the words of `text` are.
    static func words(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            if isWordCharacter(text[index]) {
                if start == nil { start = index }
            } else if let begin = start {
                ranges.append(begin..<index)
                start = nil
            }
            index = text.index(after: index)
        }
        if let begin = start { ranges.append(begin..<text.endIndex) }
        return ranges
    }

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
