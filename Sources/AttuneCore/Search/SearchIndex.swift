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
    public enum Kind: String, Sendable, Hashable {
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

/// A sentence that could be shown as a snippet, with its search terms.
struct SnippetCandidate: Sendable, Hashable {
    var text: String
    var terms: Set<String>
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
public struct SearchIndex: Sendable {
    private struct Posting: Sendable {
        var document: Int
        var weightedFrequency: Double
    }

    private let documents: [SearchDocument]
    private let snippetCandidates: [[SnippetCandidate]]
    private let postings: [String: [Posting]]
    private let vocabulary: [String]
    private let lengths: [Double]
    private let averageLength: Double
    /// Each document's title and id as term sets: a query that is exactly one of them
    /// ("reflective supervision") is almost certainly looking for that document.
    private let names: [[Set<String>]]

    public init(documents: [SearchDocument]) {
        self.documents = documents
        self.snippetCandidates = documents.map(Self.candidates(for:))
        var postings: [String: [Posting]] = [:]
        var lengths: [Double] = []
        for (number, document) in documents.enumerated() {
            var frequencies: [String: Double] = [:]
            var length = 0.0
            for (field, text) in document.fields {
                for token in TextAnalysis.tokens(in: text) {
                    frequencies[token.term, default: 0] += field.weight
                    length += 1
                }
            }
            lengths.append(length)
            for (term, frequency) in frequencies {
                postings[term, default: []].append(Posting(document: number, weightedFrequency: frequency))
            }
        }
        self.postings = postings
        self.vocabulary = postings.keys.sorted()
        self.lengths = lengths
        self.names = documents.map { document in
            [document.title, document.id].map { Set(TextAnalysis.tokens(in: $0).map(\.term)) }
        }
        self.averageLength = lengths.isEmpty ? 1 : max(1, lengths.reduce(0, +) / Double(lengths.count))
    }

    public init(knowledge: KnowledgeBase, extra: [SearchDocument] = []) {
        self.init(documents: knowledge.entries.map(SearchDocument.init(entry:)) + extra)
    }

    public var documentCount: Int { documents.count }

    /// Documents ranked by how many query words they match (exact matches counting more
    /// than word starts), then by relevance, then by id.
    public func search(_ query: String, limit: Int = 10) -> [SearchHit] {
        let terms = TextAnalysis.terms(in: query)
        guard !terms.isEmpty else { return [] }
        // coverage: per query word, 1 for an exact match, less for a longer word that
        // starts with it, so "home visiting" prefers "home" to "homelessness".
        var scores: [Int: (score: Double, matched: Int, coverage: Double)] = [:]
        var matchedWords: [Int: Set<String>] = [:]
        for term in terms {
            var best: [Int: Double] = [:]
            var bestFactor: [Int: Double] = [:]
            for (word, factor) in expansions(of: term) {
                guard let list = postings[word] else { continue }
                let idf = log(1 + (Double(documents.count) - Double(list.count) + 0.5) / (Double(list.count) + 0.5))
                for posting in list {
                    let norm = 1.2 * (0.25 + 0.75 * lengths[posting.document] / averageLength)
                    let tf = posting.weightedFrequency
                    let score = factor * idf * tf * 2.2 / (tf + norm)
                    best[posting.document] = max(best[posting.document] ?? 0, score)
                    bestFactor[posting.document] = max(bestFactor[posting.document] ?? 0, factor)
                    matchedWords[posting.document, default: []].insert(word)
                }
            }
            for (document, score) in best {
                let previous = scores[document] ?? (0, 0, 0)
                scores[document] = (previous.score + score, previous.matched + 1,
                                    previous.coverage + (bestFactor[document] ?? 0))
            }
        }
        let asked = Set(terms)
        for (document, value) in scores where names[document].contains(asked) {
            scores[document] = (value.score + 5, value.matched, value.coverage)
        }
        let ranked = scores.sorted { lhs, rhs in
            if lhs.value.coverage != rhs.value.coverage { return lhs.value.coverage > rhs.value.coverage }
            if lhs.value.score != rhs.value.score { return lhs.value.score > rhs.value.score }
            return documents[lhs.key].id < documents[rhs.key].id
        }
        return ranked.prefix(limit).map { number, value in
            let document = documents[number]
            return SearchHit(
                id: document.id, title: document.title, kind: document.kind, score: value.score,
                matchedTerms: value.matched,
                snippet: Self.snippet(from: snippetCandidates[number], words: matchedWords[number] ?? []))
        }
    }

    /// The index words a query term stands for, with how much each counts.
    private func expansions(of term: String) -> [(String, Double)] {
        var result: [(String, Double)] = []
        if postings[term] != nil { result.append((term, 1)) }
        guard term.count >= 3 else { return result }
        var low = 0, high = vocabulary.count
        while low < high {
            let middle = (low + high) / 2
            if vocabulary[middle] < term { low = middle + 1 } else { high = middle }
        }
        while low < vocabulary.count, vocabulary[low].hasPrefix(term) {
            if vocabulary[low] != term { result.append((vocabulary[low], 0.7)) }
            low += 1
        }
        return result
    }

    static let snippetLength = 160

    /// A document's snippet candidates, the summary first, each with its terms: worked out
    /// once when the index is built, so a search tokenises only the sentence it shows.
    static func candidates(for document: SearchDocument) -> [SnippetCandidate] {
        let body = (document.fields[.body] ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
        return ([document.summary] + sentences(in: body)).map {
            SnippetCandidate(text: $0, terms: Set(TextAnalysis.tokens(in: $0).map(\.term)))
        }
    }

    /// The candidate that matches most query words (the summary when none does), cut to
    /// about `snippetLength` characters around the first match, with matches marked.
    static func snippet(from candidates: [SnippetCandidate], words: Set<String>) -> [SnippetPart] {
        guard var best = candidates.first else { return [] }
        var bestCount = best.terms.intersection(words).count
        for candidate in candidates.dropFirst() {
            let found = candidate.terms.intersection(words).count
            if found > bestCount {
                best = candidate
                bestCount = found
            }
        }
        return mark(words, in: trim(best.text, around: words))
    }

    private static func sentences(in text: String) -> [String] {
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

    private static func trim(_ text: String, around words: Set<String>) -> String {
        guard text.count > snippetLength else { return text }
        let first = TextAnalysis.tokens(in: text).first { words.contains($0.term) }
        let offset = first.map { text.distance(from: text.startIndex, to: $0.range.lowerBound) } ?? 0
        let start = max(0, min(offset - snippetLength / 3, text.count - snippetLength))
        var lower = text.index(text.startIndex, offsetBy: start)
        var upper = text.index(lower, offsetBy: snippetLength)
        // Cut at word boundaries.
        while lower > text.startIndex, !text[text.index(before: lower)].isWhitespace { lower = text.index(before: lower) }
        while upper < text.endIndex, !text[upper].isWhitespace { upper = text.index(after: upper) }
        let prefix = lower > text.startIndex ? "..." : ""
        let suffix = upper < text.endIndex ? "..." : ""
        return prefix + text[lower..<upper].trimmingCharacters(in: .whitespaces) + suffix
    }

    private static func mark(_ words: Set<String>, in text: String) -> [SnippetPart] {
        var parts: [SnippetPart] = []
        var cursor = text.startIndex
        for token in TextAnalysis.tokens(in: text) where words.contains(token.term) {
            if cursor < token.range.lowerBound { parts.append(SnippetPart(String(text[cursor..<token.range.lowerBound]), isMatch: false)) }
            parts.append(SnippetPart(String(text[token.range]), isMatch: true))
            cursor = token.range.upperBound
        }
        if cursor < text.endIndex { parts.append(SnippetPart(String(text[cursor...]), isMatch: false)) }
        return parts
    }
}

