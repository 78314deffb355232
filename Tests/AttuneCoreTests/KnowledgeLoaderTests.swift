import Testing
@testable import AttuneCore

/// Loads topic files given as (name, text) pairs, without touching the disk.
private func load(_ files: [(String, String)]) -> KnowledgeLoadResult {
    KnowledgeLoader.load(sources: files.map { SourceText(path: "Knowledge/\($0.0).yaml", text: $0.1) })
}

private func only(_ result: KnowledgeLoadResult, rule: RuleID) throws -> Diagnostic {
    let matching = result.diagnostics.filter { $0.rule == rule }
    #expect(matching.count == 1, "expected one \(rule), got \(result.diagnostics.map(\.headline))")
    return try #require(matching.first)
}

private let validTopic = """
    topic: tenets
    title: Tenets of infant mental health
    summary: Weatherston's tenets.
    entries:
      - id: tenet.1
        title: Nurturing relationships
        kind: tenet
        summary: Babies grow in relationships.
        body: |
          First paragraph.

          Second paragraph.
        facts:
          ages: Birth to 3
          delivery: Home visiting
          reach: "17 sites"
        sources:
          - "Weatherston (2000), The infant mental health specialist"
        see: [tenet.2]
        tags: [relationships]
      - id: tenet.2
        title: New relationships and change
        kind: tenet
        summary: Change happens in relationship.
        body: Text.
        sources: ["Weatherston (2000), The infant mental health specialist"]
    """

@Suite("Knowledge loader")
struct KnowledgeLoaderTests {
    @Test("a valid topic loads every field, facts in file order")
    func validTopicLoads() throws {
        let result = load([("tenets", validTopic)])
        #expect(result.diagnostics.isEmpty)
        let entry = try #require(result.base["tenet.1"])
        #expect(entry.title == "Nurturing relationships")
        #expect(entry.topic == "tenets")
        #expect(entry.body == "First paragraph.\n\nSecond paragraph.\n")
        #expect(entry.facts.map(\.name) == ["ages", "delivery", "reach"])
        #expect(entry.facts.map(\.value) == ["Birth to 3", "Home visiting", "17 sites"])
        #expect(entry.see.map(\.value) == ["tenet.2"])
        #expect(entry.see.first?.location == SourceLocation(file: "Knowledge/tenets.yaml", line: 19, column: 11))
        #expect(entry.location == SourceLocation(file: "Knowledge/tenets.yaml", line: 5, column: 9))
        #expect(result.base.topics.map(\.entryIDs) == [["tenet.1", "tenet.2"]])
    }

    @Test("a YAML syntax error is located at the offending character, with a caret")
    func syntaxError() throws {
        let text = """
            topic: tenets
            title: Tenets
            summary: Weatherston's tenets: the five of them
            entries: []
            """
        let diagnostic = try only(load([("tenets", text)]), rule: .yamlSyntax)
        #expect(diagnostic.location == SourceLocation(file: "Knowledge/tenets.yaml", line: 3, column: 30))
        #expect(diagnostic.message.contains("put the whole text in quotes"))
        #expect(diagnostic.rendered == """
            Knowledge/tenets.yaml:3:30: error: unexpected ':' here; if the text contains a colon, put the whole text in quotes [yaml-syntax]
            summary: Weatherston's tenets: the five of them
                                         ^
            """)
    }

    @Test("a tab used for indentation is named as such")
    func tabIndentation() throws {
        let text = "topic: tenets\ntitle: T\nsummary: S\nentries:\n\t- id: tenet.1\n"
        let diagnostic = try only(load([("tenets", text)]), rule: .yamlSyntax)
        #expect(diagnostic.location.line == 5)
        #expect(diagnostic.location.column == 1)
        #expect(diagnostic.message.contains("tab"))
    }

    @Test("a missing required field points at the entry that lacks it")
    func missingField() throws {
        let text = validTopic.replacingOccurrences(of: "    kind: tenet\n    summary: Change", with: "    summary: Change")
        let result = load([("tenets", text)])
        let diagnostic = try only(result, rule: .missingField)
        #expect(diagnostic.headline
            == "Knowledge/tenets.yaml:21:5: error: entry 'tenet.2' is missing the required field 'kind' [missing-field]")
        #expect(diagnostic.sourceLine == "  - id: tenet.2")
        #expect(result.base["tenet.2"] == nil)
        #expect(result.base["tenet.1"] != nil, "the rest of the file still loads")
    }

    @Test("an empty required value is reported at its key")
    func emptyValue() throws {
        let text = validTopic.replacingOccurrences(of: "summary: Change happens in relationship.", with: "summary:")
        let diagnostic = try only(load([("tenets", text)]), rule: .missingField)
        #expect(diagnostic.location == SourceLocation(file: "Knowledge/tenets.yaml", line: 24, column: 5))
        #expect(diagnostic.message == "'summary' in entry 'tenet.2' has no value")
    }

    @Test("a wrong type is located at the value and says what was expected")
    func wrongType() throws {
        let text = validTopic.replacingOccurrences(of: "see: [tenet.2]", with: "see: tenet.2")
        let diagnostic = try only(load([("tenets", text)]), rule: .wrongType)
        #expect(diagnostic.location == SourceLocation(file: "Knowledge/tenets.yaml", line: 19, column: 10))
        #expect(diagnostic.message == "'see' in entry 'tenet.1' should be a list, like [tenet.2], but it is the text 'tenet.2'")
    }

    @Test("entries written as a block instead of a list is a wrong type")
    func entriesNotAList() throws {
        let text = "topic: tenets\ntitle: T\nsummary: S\nentries:\n  id: tenet.1\n"
        let diagnostic = try only(load([("tenets", text)]), rule: .wrongType)
        #expect(diagnostic.location == SourceLocation(file: "Knowledge/tenets.yaml", line: 5, column: 3))
    }

    @Test("a duplicate id is reported where it appears the second time, naming the first")
    func duplicateID() throws {
        let other = """
            topic: more
            title: More
            summary: More.
            entries:
              - id: tenet.2
                title: Again
                kind: tenet
                summary: Again.
                body: Again.
                sources: [x]
            """
        let result = load([("tenets", validTopic), ("more", other)])
        let diagnostic = try only(result, rule: .duplicateID)
        #expect(diagnostic.location == SourceLocation(file: "Knowledge/more.yaml", line: 5, column: 9))
        #expect(diagnostic.message.contains("already used at Knowledge/tenets.yaml:21:9"))
        #expect(result.base["tenet.2"]?.title == "New relationships and change", "the first one is kept")
        #expect(result.base.topics.map(\.entryIDs) == [["tenet.1", "tenet.2"], []])
    }

    @Test("a 'see' id that does not exist is located at that id, with a suggestion")
    func unknownSee() throws {
        let text = validTopic.replacingOccurrences(of: "see: [tenet.2]", with: "see: [tenet.2, tenet.3]")
        let diagnostic = try only(load([("tenets", text)]), rule: .unknownRef)
        #expect(diagnostic.location == SourceLocation(file: "Knowledge/tenets.yaml", line: 19, column: 20))
        #expect(diagnostic.message == "'see' names 'tenet.3', which is not an entry in the knowledge base (did you mean 'tenet.1'?)")
    }

    @Test("an unknown key is a warning with a likely correction, and the entry still loads")
    func unknownKey() throws {
        let text = validTopic.replacingOccurrences(of: "    tags: [relationships]", with: "    tag: [relationships]")
        let result = load([("tenets", text)])
        let diagnostic = try only(result, rule: .unknownKey)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.location == SourceLocation(file: "Knowledge/tenets.yaml", line: 20, column: 5))
        #expect(diagnostic.message == "unknown key 'tag' in entry 'tenet.1'; it will be ignored (did you mean 'tags'?)")
        #expect(result.base["tenet.1"] != nil)
        #expect(!result.diagnostics.hasErrors)
    }

    @Test("the topic id must match the file name")
    func topicMismatch() throws {
        let diagnostic = try only(load([("tenet", validTopic)]), rule: .fileNameMismatch)
        #expect(diagnostic.location == SourceLocation(file: "Knowledge/tenet.yaml", line: 1, column: 8))
    }

    @Test("ids must be lowercase words")
    func invalidID() throws {
        let text = validTopic.replacingOccurrences(of: "id: tenet.2", with: "id: Tenet Two")
        let diagnostic = try only(load([("tenets", text)]), rule: .invalidID)
        #expect(diagnostic.location == SourceLocation(file: "Knowledge/tenets.yaml", line: 21, column: 9))
    }

    @Test("a key repeated in one block is an error at the key")
    func duplicateKey() throws {
        let text = "topic: tenets\ntitle: T\ntitle: U\nsummary: S\nentries: []\n"
        let diagnostic = try only(load([("tenets", text)]), rule: .duplicateKey)
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.message.contains("'title' is already written on line 2 of this block"))
    }

    @Test("an empty file says so")
    func emptyFile() throws {
        let diagnostic = try only(load([("tenets", "")]), rule: .missingField)
        #expect(diagnostic.location == SourceLocation(file: "Knowledge/tenets.yaml", line: 1, column: 1))
        #expect(diagnostic.message.contains("empty"))
    }

    @Test("a file that is a list, not a block, is a wrong type")
    func rootNotMapping() throws {
        let diagnostic = try only(load([("tenets", "- a\n- b\n")]), rule: .wrongType)
        #expect(diagnostic.location == SourceLocation(file: "Knowledge/tenets.yaml", line: 1, column: 1))
    }

    @Test("invalid UTF-8 is located at the first bad byte")
    func invalidUTF8() throws {
        var bytes = Array("topic: tenets\ntitle: caf".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\nsummary: S\n".utf8)
        let result = ContentFiles.decode(Data(bytes), path: "Knowledge/tenets.yaml")
        guard case let .failure(diagnostic) = result else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(diagnostic.location == SourceLocation(file: "Knowledge/tenets.yaml", line: 2, column: 11))
        #expect(diagnostic.message.contains("UTF-8"))
    }

    @Test("several mistakes in one file are all reported in one pass")
    func manyErrors() {
        let text = validTopic
            .replacingOccurrences(of: "    kind: tenet\n    summary: Change", with: "    summary: Change")
            .replacingOccurrences(of: "see: [tenet.2]", with: "see: [nowhere]")
            .replacingOccurrences(of: "    tags: [relationships]", with: "    tagz: [relationships]")
        let rules = load([("tenets", text)]).diagnostics.map(\.rule)
        #expect(rules == [.unknownRef, .unknownKey, .missingField])
    }

    @Test("loading a folder that does not exist is an access error")
    func missingFolder() {
        #expect(throws: ContentAccessError.self) {
            _ = try KnowledgeLoader.load(directory: "/nonexistent/attune/knowledge")
        }
    }
}

import Foundation
