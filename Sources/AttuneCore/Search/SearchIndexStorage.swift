extension SearchIndex {
    /// The index as flat columns: what `search` reads, and what the content cache stores.
    /// Term ids are positions in the sorted `vocabulary`; a document's runs of postings,
    /// name terms and snippet sentences are found through `...Starts` offsets.
    struct Storage: Sendable, Codable {
        var ids: [String] = []
        var titles: [String] = []
        var kinds: [SearchDocument.Kind] = []
        /// Every indexed term, sorted.
        var vocabulary: [String] = []
        /// Term t's postings are at `postingStarts[t] ..< postingStarts[t + 1]`.
        var postingStarts = PackedIntegers()
        var postingDocuments = PackedIntegers()
        /// Field-weighted term frequency of each posting.
        var postingWeights = PackedDoubles()
        var lengths = PackedDoubles()
        var averageLength = 1.0
        /// Document d's title terms are at `nameStarts[2d] ..< nameStarts[2d + 1]`, its id's
        /// terms at `nameStarts[2d + 1] ..< nameStarts[2d + 2]`, each run sorted.
        var nameStarts = PackedIntegers()
        var nameTerms = PackedIntegers()
        /// Document d's snippet sentences, its summary first, are at
        /// `sentenceStarts[d] ..< sentenceStarts[d + 1]`.
        var sentenceStarts = PackedIntegers()
        var sentences: [String] = []
        /// Sentence s's distinct term ids, sorted, are at `sentenceTermStarts[s] ..< sentenceTermStarts[s + 1]`.
        var sentenceTermStarts = PackedIntegers()
        var sentenceTerms = PackedIntegers()
        /// The language its words were analysed in (nil: English; see `TextAnalysis`).
        var language: String?

        init(documents: [SearchDocument], language: String? = nil) {
            self.language = language
            var frequencies: [[String: Double]] = []
            var lengths: [Double] = []
            var vocabularySet = Set<String>()
            for document in documents {
                var counts: [String: Double] = [:]
                var length = 0.0
                // Fields in a fixed order, so equal documents give equal indexes.
                for field in SearchField.allCases {
                    guard let text = document.fields[field] else { continue }
                    for token in TextAnalysis.tokens(in: text, language: language) {
                        counts[token.term, default: 0] += field.weight
                        length += 1
                    }
                }
                vocabularySet.formUnion(counts.keys)
                frequencies.append(counts)
                lengths.append(length)
            }
            vocabulary = vocabularySet.sorted()
            let termID = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($0.element, Int32($0.offset)) })
            var postings = [[(document: Int32, weight: Double)]](repeating: [], count: vocabulary.count)
            for (number, counts) in frequencies.enumerated() {
                for (term, weight) in counts.sorted(by: { $0.key < $1.key }) {
                    postings[Int(termID[term]!)].append((Int32(number), weight))
                }
            }
            var starts: [Int32] = [0], postingDocuments: [Int32] = [], postingWeights: [Double] = []
            for list in postings {
                postingDocuments += list.map(\.document)
                postingWeights += list.map(\.weight)
                starts.append(Int32(postingDocuments.count))
            }
            func termIDs(of text: String) -> [Int32] {
                Set(TextAnalysis.tokens(in: text, language: language).compactMap { termID[$0.term] }).sorted()
            }
            var nameStarts: [Int32] = [0], nameTerms: [Int32] = []
            var sentenceStarts: [Int32] = [0], sentenceTermStarts: [Int32] = [0], sentenceTerms: [Int32] = []
            for document in documents {
                for name in [document.title, document.id] {
                    nameTerms += termIDs(of: name)
                    nameStarts.append(Int32(nameTerms.count))
                }
                let body = (document.fields[.body] ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
                for sentence in [document.summary] + SearchIndex.sentences(in: body) {
                    sentences.append(sentence)
                    // Words not in the index can never be matched, so they are left out.
                    sentenceTerms += termIDs(of: sentence)
                    sentenceTermStarts.append(Int32(sentenceTerms.count))
                }
                sentenceStarts.append(Int32(sentences.count))
            }
            ids = documents.map(\.id)
            titles = documents.map(\.title)
            kinds = documents.map(\.kind)
            postingStarts = PackedIntegers(starts)
            self.postingDocuments = PackedIntegers(postingDocuments)
            self.postingWeights = PackedDoubles(postingWeights)
            self.lengths = PackedDoubles(lengths)
            averageLength = lengths.isEmpty ? 1 : max(1, lengths.reduce(0, +) / Double(lengths.count))
            self.nameStarts = PackedIntegers(nameStarts)
            self.nameTerms = PackedIntegers(nameTerms)
            self.sentenceStarts = PackedIntegers(sentenceStarts)
            self.sentenceTermStarts = PackedIntegers(sentenceTermStarts)
            self.sentenceTerms = PackedIntegers(sentenceTerms)
        }

        /// The position of the first vocabulary term not less than `term`.
        func lowerBound(of term: String) -> Int {
            var low = 0, high = vocabulary.count
            while low < high {
                let middle = (low + high) / 2
                if vocabulary[middle] < term { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// The sorted term ids of a document's title, or of its id.
        func nameTerms(of document: Int, title: Bool) -> ArraySlice<Int32> {
            let slot = 2 * document + (title ? 0 : 1)
            return nameTerms.values[Int(nameStarts.values[slot])..<Int(nameStarts.values[slot + 1])]
        }

        /// Whether the columns fit together, so a damaged cache can never index out of range.
        var isConsistent: Bool {
            let documents = ids.count, terms = vocabulary.count
            func runs(_ starts: [Int32], count: Int, over total: Int) -> Bool {
                starts.count == count + 1 && starts.first == 0 && starts.last == Int32(total)
                    && zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
            }
            return titles.count == documents && kinds.count == documents && lengths.values.count == documents
                && runs(postingStarts.values, count: terms, over: postingDocuments.values.count)
                && postingWeights.values.count == postingDocuments.values.count
                && postingDocuments.values.allSatisfy { $0 >= 0 && Int($0) < documents }
                && runs(nameStarts.values, count: 2 * documents, over: nameTerms.values.count)
                && runs(sentenceStarts.values, count: documents, over: sentences.count)
                && runs(sentenceTermStarts.values, count: sentences.count, over: sentenceTerms.values.count)
                && (nameTerms.values + sentenceTerms.values).allSatisfy { $0 >= 0 && Int($0) < terms }
                && zip(vocabulary, vocabulary.dropFirst()).allSatisfy { $0 < $1 }
        }
    }
}

extension SearchIndex.Storage: Equatable {}
