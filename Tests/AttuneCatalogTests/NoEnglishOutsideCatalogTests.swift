import Foundation
import Testing

/// Issue 24's guard: every sentence a user sees lives in the catalog (Sources/AttuneCatalog),
/// so no other source file holds a string literal that reads as an English sentence. A
/// literal counts as one when it holds three or more words of `EnglishDetector`'s list (and
/// a few more common ones). Comments are skipped; so are literals a programmer reads
/// (`precondition`, `fatalError`, `assert`, a `DecodingError`'s `debugDescription`).
@Suite("No English sentences outside the catalog")
struct NoEnglishOutsideCatalogTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// The detector's words, and a few more that English sentences rarely do without.
    static let words: Set<String> = EnglishDetector.words.subtracting(["no"]).union([
        "a", "an", "you", "your", "on", "as", "if", "into", "could", "cannot", "does", "should", "will", "been", "than",
        "first", "one", "after", "before", "then",
    ])

    /// Files other helpers are moving into the catalog in parallel (issue 24). The lead empties
    /// this list after merging their work; from then on these files are checked like any other.
    static let beingMovedByAnotherHelper: [String] = []

    /// Literals that read as English but are no sentence for a reader: keep this list short,
    /// each with why. `file` is under Sources/; `text` is part of the literal.
    static let allowed: [(file: String, text: String)] = [
        // swift-argument-parser's own usage errors, matched by ParserWords to say them through the catalog; never shown as written.
        ("AttuneShell/CLI/ParserWords.swift", "Missing"), ("AttuneShell/CLI/ParserWords.swift", "is invalid"),
        ("AttuneShell/CLI/ParserWords.swift", "does not take any value"), ("AttuneShell/CLI/ParserWords.swift", "for more information"),
        ("AttuneShell/CLI/ParserWords.swift", "for detailed help"),
        // libyaml's own problem strings, matched to say each problem in the reader's words; never shown.
        ("AttuneCore/YAML/YAMLComposer.swift", "expected"), ("AttuneCore/YAML/YAMLComposer.swift", "not allowed in this context"),
        ("AttuneCore/YAML/YAMLSlips.swift", "expected"), ("AttuneCore/YAML/YAMLSlips.swift", "not allowed in this context"),
        // The new case's YAML: its keys are the format's; its texts come from the catalog (`ScaffoldText`).
        ("AttuneCore/Authoring/ScenarioScaffold.swift", "content-warnings: []"),
        // The room pages' HTML, CSS and JavaScript; their words come from the catalog (`RoomText.Page`).
        ("AttuneRoom/RoomPages.swift", "<!doctype html>"), ("AttuneRoom/RoomPages.swift", ":root {"),
        ("AttuneRoom/RoomPages.swift", "function renderReveal"),
    ]

    /// Files whose literals are content files for tests, benchmarks and the rules' examples
    /// (`RuleExample`: each rule's triggering and passing YAML, run by LintRuleTests), never shown.
    static let contentExamples: [String] = [
        "AttuneCore/Authoring/Rules.swift", "AttuneCore/Authoring/LintRule.swift",
        "AttuneCore/Translation/TranslationRules.swift", "AttuneCore/Authoring/ScenarioGenerator.swift",
    ]

    /// SQL, which reads a little like English ("WHERE id = ? AND endedAt IS NULL"): a literal
    /// that starts with a statement's keyword in capitals.
    static func isSQL(_ text: String) -> Bool {
        let first = String(text.drop { $0.isWhitespace }.prefix { $0.isLetter })
        return ["SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "PRAGMA", "WITH"].contains(first)
    }

    struct Finding: CustomStringConvertible {
        var file: String
        var line: Int
        var text: String
        var description: String { "Sources/\(file):\(line): \"\(text.prefix(100))\"" }
    }

    static func findings() throws -> [Finding] {
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        var found: [Finding] = []
        for file in files.sorted() where file.hasSuffix(".swift") && !file.hasPrefix("AttuneCatalog/")
            && !beingMovedByAnotherHelper.contains(file) && !contentExamples.contains(file) {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for literal in SwiftLiterals.scan(text) where englishWords(literal.text) >= 3 && !literal.forProgrammers
                && !isSQL(literal.text)
                && !allowed.contains(where: { $0.file == file && literal.text.contains($0.text) }) {
                found.append(Finding(file: file, line: literal.line, text: literal.text))
            }
        }
        return found
    }

    /// How many of `words` the text holds; a hyphenated id ("ending-with-choices") is one word.
    static func englishWords(_ text: String) -> Int {
        text.split(whereSeparator: { !$0.isLetter && $0 != "-" }).filter { words.contains($0.lowercased()) }.count
    }

    @Test("no string literal outside Sources/AttuneCatalog reads as an English sentence")
    func noEnglish() throws {
        let found = try Self.findings()
        #expect(found.isEmpty, Comment(rawValue: "English sentences outside the catalog (move each into it, or allow it with a "
            + "reason):\n" + found.map(\.description).joined(separator: "\n")))
    }

    @Test("the scanner finds literals, skips comments, and reads interpolations as code")
    func scanner() {
        let source = ##"""
        // "the case is not in this file"
        /* "the case is not /* nested */ in this file" */
        let a = "the case is \(x ? "not here" : "there") and that"
        let b = #"raw "the file" is \#(y)"#
        precondition(ok, "the case is not offered")
        let c = """
            the case
            is here
            """
        """##
        let literals = SwiftLiterals.scan(source)
        #expect(literals.map(\.text) == ["not here", "the case is   and that", "there", "raw \"the file\" is  ",
                                         "the case is not offered", "    the case\n    is here\n    "])
        #expect(literals.map(\.line) == [3, 3, 3, 4, 5, 6])
        #expect(literals.map(\.forProgrammers) == [false, false, false, false, true, false])
        #expect(Self.englishWords("Fix the errors above first; a case with errors cannot be explored.") >= 3)
        #expect(Self.englishWords("SELECT id FROM journal") < 3)
        #expect(Self.englishWords("ending-with-choices") == 0)
        #expect(Self.isSQL("\n    SELECT * FROM journal WHERE id = ? AND x IS NULL"))
        #expect(!Self.isSQL("Select the case with the most votes, then the one after it."))
    }
}

/// The string literals of a Swift file, with the line each starts on. An interpolation is
/// read as code (its own literals are found too) and left as a space in the literal's text.
struct SwiftLiterals {
    struct Literal {
        var line: Int
        var text: String
        /// In a `precondition`, `fatalError`, `assert` or a `debugDescription`: read by programmers only.
        var forProgrammers: Bool
    }

    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var found: [Literal] = []

    static func scan(_ text: String) -> [Literal] {
        var scanner = SwiftLiterals(characters: Array(text))
        scanner.code(untilClosingParenthesis: false)
        return scanner.found.sorted { ($0.line, $0.text) < ($1.line, $1.text) }
    }

    private init(characters: [Character]) {
        self.characters = characters
    }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private mutating func code(untilClosingParenthesis: Bool) {
        var depth = 0
        while let character = peek() {
            switch character {
            case "\n":
                line += 1
                index += 1
            case "/" where peek(1) == "/":
                while let next = peek(), next != "\n" { index += 1 }
            case "/" where peek(1) == "*":
                skipBlockComment()
            case "\"", "#":
                var hashes = 0
                while peek(hashes) == "#" { hashes += 1 }
                if peek(hashes) == "\"" {
                    index += hashes
                    string(hashes: hashes)
                } else {
                    index += max(1, hashes)
                }
            case "(":
                depth += 1
                index += 1
            case ")":
                index += 1
                if untilClosingParenthesis {
                    if depth == 0 { return }
                    depth -= 1
                }
            default:
                index += 1
            }
        }
    }

    private mutating func skipBlockComment() {
        var depth = 0
        while let character = peek() {
            if character == "/", peek(1) == "*" {
                depth += 1
                index += 2
            } else if character == "*", peek(1) == "/" {
                depth -= 1
                index += 2
                if depth == 0 { return }
            } else {
                if character == "\n" { line += 1 }
                index += 1
            }
        }
    }

    /// At the opening quote, after any `#`s.
    private mutating func string(hashes: Int) {
        let start = line
        let lineText = currentLine()
        let multiline = peek(1) == "\"" && peek(2) == "\""
        index += multiline ? 3 : 1
        if multiline {
            // The text starts on the line after the opening quotes.
            while let next = peek(), next != "\n" { index += 1 }
            if peek() == "\n" {
                line += 1
                index += 1
            }
        }
        var text = ""
        func closes(_ scanner: SwiftLiterals) -> Bool {
            let quotes = multiline ? 3 : 1
            for offset in 0..<quotes where scanner.peek(offset) != "\"" { return false }
            for offset in 0..<hashes where scanner.peek(quotes + offset) != "#" { return false }
            return true
        }
        while let character = peek() {
            if character == "\"", closes(self) {
                index += (multiline ? 3 : 1) + hashes
                break
            }
            if character == "\\", (0..<hashes).allSatisfy({ peek(1 + $0) == "#" }) {
                index += 1 + hashes
                if peek() == "(" {
                    index += 1
                    text.append(" ")
                    code(untilClosingParenthesis: true)
                } else if peek() == "u", peek(1) == "{" {
                    while let next = peek(), next != "}" { index += 1 }
                    index += 1
                    text.append(" ")
                } else {
                    if peek() == "\n" { line += 1 }
                    index += 1
                    text.append(" ")
                }
                continue
            }
            if character == "\n" {
                line += 1
                if !multiline { break }
            }
            text.append(character)
            index += 1
        }
        let programmers = ["precondition(", "preconditionFailure(", "fatalError(", "assert(", "assertionFailure(", "debugDescription:"]
        found.append(Literal(line: start, text: text, forProgrammers: programmers.contains { lineText.contains($0) }))
    }

    /// The source line the scanner is on.
    private func currentLine() -> String {
        var start = index, end = index
        while start > 0, characters[start - 1] != "\n" { start -= 1 }
        while end < characters.count, characters[end] != "\n" { end += 1 }
        return String(characters[start..<end])
    }
}
