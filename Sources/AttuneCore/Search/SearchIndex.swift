import Foundation

/// Where in a document a word was found; titles count for more than body text.
public enum SearchField: Int, Sendable, Hashable, CaseIterable {
    case id, title, summary, tags, body

    var weight: Double {
        switch self {
        case .id: 3
        case .title: 4
        case .summary: 2
        case .tags: 2
        case .body: 1
        }
    }
}

/// Something that can be found: a knowledge entry or a moment in a case.
public struct SearchDocument: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case entry
        case scenario
    }

    public var id: String
    public var title: String
    public var kind: Kind
    public var summary: String
    public var fields: [SearchField: String]

    public init(id: String, title: String, kind: Kind, summary: String, fields: [SearchField: String]) {
        self.id = id
        self.title = title
        self.kind = kind
        self.summary = summary
        self.fields = fields
    }

    public init(entry: KnowledgeEntry) {
        let facts = entry.facts.map { "\($0.name): \($0.value)." }.joined(separator: " ")
        self.init(
            id: entry.id, title: entry.title, kind: .entry, summary: entry.summary,
            fields: [
                .id: entry.id, .title: entry.title, .summary: entry.summary,
                .tags: ([entry.kind] + entry.tags).joined(separator: " "),
                .body: [entry.body, facts].filter { !$0.isEmpty }.joined(separator: "\n"),
            ])
    }
}

/// A piece of a snippet; matched words are marked so the shell can highlight them.
public struct SnippetPart: Sendable, Hashable {
    public var text: String
    public var isMatch: Bool

    public init(_ text: String, isMatch: Bool) {
        self.text = text
        self.isMatch = isMatch
    }
}

public struct SearchHit: Sendable, Hashable {
    public var id: String
    public var title: String
    public var kind: SearchDocument.Kind
    public var score: Double
    /// How many of the query's words the document matched.
    public var matchedTerms: Int
    public var snippet: [SnippetPart]
}

/// A ranked full-text index (BM25 over weighted fields) with word-form tolerance: every
/// word is stemmed, and a query word of three letters or more also matches longer words
/// that start with it, at a lower weight ("attach" finds "attachment").
///
/// The index is kept as flat columns (`SearchIndex.Storage`), so the content cache can
/// store it and read it back in a few milliseconds instead of building it again.
public struct SearchIndex: Sendable {
    let storage: Storage

    /// `language`: the documents' language (nil: English), which decides how words are
    /// reduced to their stems, for the documents and for every query.
    public init(documents: [SearchDocument], language: String? = nil) {
        storage = Storage(documents: documents, language: TranslatedContent.isTranslation(language) ? language : nil)
    }

    public init(knowledge: KnowledgeBase, extra: [SearchDocument] = [], language: String? = nil) {
        self.init(documents: knowledge.entries.map(SearchDocument.init(entry:)) + extra, language: language)
    }

    /// The language the index was built in (nil: English).
    public var language: String? { storage.language }

    init(storage: Storage) {
        self.storage = storage
    }

    public var documentCount: Int { storage.ids.count }

    /// Documents ranked by how many query words they match (exact matches counting more
    /// than word starts), then by relevance, then by id.
    public func search(_ query: String, limit: Int = 10) -> [SearchHit] {
        let terms = TextAnalysis.queryTerms(in: query, language: storage.language)
        guard !terms.isEmpty else { return [] }
        let count = storage.ids.count
        // coverage: per query word, 1 for an exact match, less for a longer word that
        // starts with it, so "home visiting" prefers "home" to "homelessness".
        var score = [Double](repeating: 0, count: count)
        var matched = [Int](repeating: 0, count: count)
        var coverage = [Double](repeating: 0, count: count)
        var matchedWords: [Int: [Int32]] = [:]
        var best = [Double](repeating: -1, count: count)
        var bestFactor = [Double](repeating: 0, count: count)
        let postingStarts = storage.postingStarts.values, documents = storage.postingDocuments.values
        let weights = storage.postingWeights.values, lengths = storage.lengths.values
        for alternatives in terms {
            var touched: [Int] = []
            for (word, factor) in expansions(of: alternatives) {
                let lower = Int(postingStarts[word]), upper = Int(postingStarts[word + 1])
                let listCount = Double(upper - lower)
                let idf = log(1 + (Double(count) - listCount + 0.5) / (listCount + 0.5))
                for posting in lower..<upper {
                    let document = Int(documents[posting])
                    let norm = 1.2 * (0.25 + 0.75 * lengths[document] / storage.averageLength)
                    let tf = weights[posting]
                    let value = factor * idf * tf * 2.2 / (tf + norm)
                    if best[document] < 0 {
                        touched.append(document)
                        best[document] = value
                        bestFactor[document] = factor
                    } else {
                        best[document] = max(best[document], value)
                        bestFactor[document] = max(bestFactor[document], factor)
                    }
                    matchedWords[document, default: []].append(Int32(word))
                }
            }
            for document in touched {
                score[document] += best[document]
                matched[document] += 1
                coverage[document] += bestFactor[document]
                best[document] = -1
                bestFactor[document] = 0
            }
        }
        let found = Array(matchedWords.keys)
        // A query that is exactly a title or an id ("reflective supervision") is almost
        // certainly looking for that document.
        if let asked = termIDs(of: terms.flatMap { $0 }) {
            for document in found where storage.nameTerms(of: document, title: true).elementsEqual(asked)
                || storage.nameTerms(of: document, title: false).elementsEqual(asked) {
                score[document] += 5
            }
        }
        let ranked = found.sorted { lhs, rhs in
            if coverage[lhs] != coverage[rhs] { return coverage[lhs] > coverage[rhs] }
            if score[lhs] != score[rhs] { return score[lhs] > score[rhs] }
            return storage.ids[lhs] < storage.ids[rhs]
        }
        return ranked.prefix(limit).map { number in
            SearchHit(
                id: storage.ids[number], title: storage.titles[number], kind: storage.kinds[number], score: score[number],
                matchedTerms: matched[number], snippet: snippet(of: number, words: matchedWords[number] ?? []))
        }
    }

    /// The query's terms as sorted term ids, or nil when one of them is not in the index
    /// (then no title or id can be exactly the query).
    private func termIDs(of terms: [String]) -> [Int32]? {
        var ids = Set<Int32>()
        for term in terms {
            let position = storage.lowerBound(of: term)
            guard position < storage.vocabulary.count, storage.vocabulary[position] == term else { return nil }
            ids.insert(Int32(position))
        }
        return ids.sorted()
    }

    /// The index words a query word stands for (as term ids), with how much each counts:
    /// the best of its alternatives' (see `TextAnalysis.queryTerms`).
    private func expansions(of alternatives: [String]) -> [(Int, Double)] {
        guard alternatives.count > 1 else { return alternatives.first.map(expansions(of:)) ?? [] }
        var best: [Int: Double] = [:]
        for term in alternatives {
            for (word, factor) in expansions(of: term) { best[word] = max(best[word] ?? 0, factor) }
        }
        return best.sorted { $0.key < $1.key }
    }

    /// The index words a query term stands for (as term ids), with how much each counts.
    private func expansions(of term: String) -> [(Int, Double)] {
        let vocabulary = storage.vocabulary
        var low = storage.lowerBound(of: term)
        var result: [(Int, Double)] = []
        if low < vocabulary.count, vocabulary[low] == term { result.append((low, 1)) }
        guard term.count >= 3 else { return result }
        while low < vocabulary.count, vocabulary[low].hasPrefix(term) {
            if vocabulary[low] != term { result.append((low, 0.7)) }
            low += 1
        }
        return result
    }

    /// The sentence of a document that matches most of `ids` (the summary when none does),
    /// cut to about `snippetLength` characters around the first match, with matches marked.
    private func snippet(of document: Int, words ids: [Int32]) -> [SnippetPart] {
        let starts = storage.sentenceStarts.values, termStarts = storage.sentenceTermStarts.values
        let sentenceTerms = storage.sentenceTerms.values
        let first = Int(starts[document]), end = Int(starts[document + 1])
        guard first < end else { return [] }
        let wanted = Set(ids)
        var best = first, bestCount = -1
        for sentence in first..<end {
            var found = 0
            for position in Int(termStarts[sentence])..<Int(termStarts[sentence + 1])
            where wanted.contains(sentenceTerms[position]) {
                found += 1
            }
            if found > bestCount {
                best = sentence
                bestCount = found
            }
        }
        let words = Set(wanted.map { storage.vocabulary[Int($0)] })
        return Self.mark(words, in: Self.trim(storage.sentences[best], around: words, language: storage.language), language: storage.language)
    }

    static let snippetLength = 160

    static func sentences(in text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var ended = false
        for character in text {
            // A closing quote or bracket after the full stop still belongs to the sentence.
            if ended, !"\"')]\u{201D}\u{2019}".contains(character) {
                sentences.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                ended = false
            }
            current.append(character)
            if ".!?".contains(character) { ended = true }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    static func trim(_ text: String, around words: Set<String>, language: String? = nil) -> String {
        guard text.count > snippetLength else { return text }
        let first = TextAnalysis.tokens(in: text, language: language).first { words.contains($0.term) }
        let offset = first.map { text.distance(from: text.startIndex, to: $0.range.lowerBound) } ?? 0
        let start = max(0, min(offset - snippetLength / 3, text.count - snippetLength))
        var lower = text.index(text.startIndex, offsetBy: start)
        var upper = text.index(lower, offsetBy: snippetLength)
        // Cut at word boundaries.
        while lower > text.startIndex, !isSpace(text[text.index(before: lower)]) { lower = text.index(before: lower) }
        while upper < text.endIndex, !isSpace(text[upper]) { upper = text.index(after: upper) }
        let prefix = lower > text.startIndex ? "..." : ""
        let suffix = upper < text.endIndex ? "..." : ""
        return prefix + text[lower..<upper].trimmingCharacters(in: .whitespaces) + suffix
    }

    /// `Character.isWhitespace`, with ASCII answered without a Unicode property lookup.
    private static func isSpace(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii == 0x20 || (0x09...0x0D).contains(ascii) }
        return character.isWhitespace
    }

    static func mark(_ words: Set<String>, in text: String, language: String? = nil) -> [SnippetPart] {
        var parts: [SnippetPart] = []
        var cursor = text.startIndex
        for token in TextAnalysis.tokens(in: text, language: language) where words.contains(token.term) {
            // A word with two terms (Spanish) is marked once.
            guard token.range.lowerBound >= cursor else { continue }
            if cursor < token.range.lowerBound { parts.append(SnippetPart(String(text[cursor..<token.range.lowerBound]), isMatch: false)) }
            parts.append(SnippetPart(String(text[token.range]), isMatch: true))
            cursor = token.range.upperBound
        }
        if cursor < text.endIndex { parts.append(SnippetPart(String(text[cursor...]), isMatch: false)) }
        return parts
    }
}

