import Testing
@testable import AttuneCore

private func entry(_ id: String, title: String, summary: String = "", body: String = "") -> KnowledgeEntry {
    KnowledgeEntry(
        id: id, topic: "t", title: title, kind: "concept", summary: summary, body: body, sources: ["s"],
        location: SourceLocation(file: "f", line: 1, column: 1))
}

private let sample = [
    entry("attachment.secure", title: "Secure attachment", summary: "A baby who uses the caregiver as a secure base."),
    entry("toxic-stress", title: "Toxic stress", summary: "Prolonged adversity without buffering.",
          body: "Cortisol stays high. The stress response does not switch off."),
    entry("toxic-stress.cortisol", title: "Cortisol", summary: "The stress hormone.",
          body: "Cortisol rises under stress. Sustained cortisol harms the developing brain."),
    entry("serve-and-return", title: "Serve and return", summary: "Back-and-forth between baby and adult.",
          body: "Babies who are attached to caring adults reach out. Nurturing responses build the brain."),
]

@Suite("Search")
struct SearchTests {
    let index = SearchIndex(documents: sample.map(SearchDocument.init(entry:)))

    @Test("word forms meet at one stem", arguments: [
        ("attachment", "attach"), ("attached", "attach"), ("attaching", "attach"), ("babies", "baby"),
        ("stressed", "stress"), ("stress", "stress"), ("nurturing", "nurtur"), ("nurture", "nurtur"),
        ("relationships", "relationship"), ("parents", "parent"), ("cortisol", "cortisol"),
    ])
    func stems(word: String, stem: String) {
        #expect(TextAnalysis.stem(word) == stem)
    }

    @Test("case and accents are ignored")
    func folding() {
        #expect(TextAnalysis.terms(in: "CORTISOL Café") == ["cortisol", "cafe"])
    }

    @Test("common words are not searched for")
    func stopWords() {
        #expect(TextAnalysis.terms(in: "the signs of stress") == ["sign", "stress"])
    }

    @Test("a title match ranks first")
    func titleFirst() {
        let hits = index.search("cortisol")
        #expect(hits.map(\.id).prefix(2) == ["toxic-stress.cortisol", "toxic-stress"])
    }

    @Test("a word start finds longer words: 'attach' finds attachment")
    func prefixMatch() {
        let ids = index.search("attach").map(\.id)
        #expect(ids.first == "attachment.secure")
        #expect(ids.contains("serve-and-return"))
    }

    @Test("entries with every query word come before those with some")
    func coverageFirst() {
        let hits = index.search("cortisol brain")
        #expect(hits.first?.id == "toxic-stress.cortisol")
        #expect(hits.first?.matchedTerms == 2)
    }

    @Test("the snippet is the best-matching sentence with the matches marked")
    func snippet() throws {
        let hit = try #require(index.search("developing brain").first)
        #expect(hit.snippet.map(\.text).joined() == "Sustained cortisol harms the developing brain.")
        #expect(hit.snippet.filter(\.isMatch).map(\.text) == ["developing", "brain"])
    }

    @Test("no matches and empty queries give nothing")
    func noMatches() {
        #expect(index.search("zebra").isEmpty)
        #expect(index.search("   ").isEmpty)
        #expect(index.search("the of").isEmpty)
    }

    @Test("ties are broken by id so results are repeatable")
    func deterministic() {
        #expect(index.search("stress") == index.search("stress"))
    }
}

@Suite("Diagnostics")
struct DiagnosticTests {
    @Test("the caret sits under the column, keeping tabs")
    func caret() {
        let diagnostic = Diagnostic(
            .error, at: SourceLocation(file: "a.yaml", line: 2, column: 3), "bad", rule: .yamlSyntax, sourceLine: "\tx: y")
        #expect(diagnostic.rendered == "a.yaml:2:3: error: 'bad' is not a declared variable; declare it under 'variables:' "
            + "with its start value [yaml-syntax]\n\tx: y\n\t ^")
    }

    @Test("in a narrow window a long source line is cut around the column, and the caret still points at it")
    func narrowExcerpt() throws {
        let line = "title: " + String(repeating: "a calm afternoon visit ", count: 5) + "\"oops\" and more words after it"
        let column = try #require(line.range(of: "\"oops")).lowerBound.utf16Offset(in: line) + 1
        let diagnostic = Diagnostic(.error, at: SourceLocation(file: "a.yaml", line: 4, column: column), "bad",
                                    rule: .yamlSyntax, sourceLine: line)
        #expect(diagnostic.excerptLines() == [line, String(repeating: " ", count: column - 1) + "^"], "no width: whole")
        let lines = diagnostic.excerptLines(width: 60)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines[0].hasPrefix("…"))
        let caret = try #require(lines[1].firstIndex(of: "^")).utf16Offset(in: lines[1])
        #expect(Array(lines[0])[caret] == "\"", "the caret is under the quote that opens 'oops'")
    }

    @Test("a swap of two letters counts as one edit")
    func transposition() {
        #expect(editDistance("shwo", "show") == 1)
        #expect(closestMatch(to: "shwo", in: ["show", "search"]) == "show")
        #expect(closestMatch(to: "zzzz", in: ["show"]) == nil)
    }
}
