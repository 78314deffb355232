import AttuneCore
import AttuneStore
import Foundation
import Testing
@testable import AttuneShell

/// Messages a learner met that were wrong, odd or missing (the learner's blind try), each
/// through the real binary with a piped transcript, or the shell called directly.
@Suite("Learner messages: leaving, finding a case, one question at a time, narrow windows", .serialized)
struct LearnerMessagesEndToEndTests {
    func run(_ lines: [String], _ arguments: [String] = [], columns: String? = nil) throws -> ProcessResult {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        var environment: [String: String] = ["NO_COLOR": "1"]
        if let columns { environment["COLUMNS"] = columns }
        var result = try runAttune(["--data-dir", data] + arguments, input: lines.joined(separator: "\n") + "\n", environment: environment)
        if columns == nil {
            result.stdout = result.stdout.replacingOccurrences(of: "\n", with: " ")
            result.stderr = result.stderr.replacingOccurrences(of: "\n", with: " ")
        }
        return result
    }

    @Test("a word several titles share lists them; two title words find the one case")
    func findingACase() throws {
        let the = try run(["play the"])
        #expect(the.stderr.contains("More than one case fits 'the':"))
        for id in ["eli-closed-door", "imani-shelter-room", "jonah-first-week", "theo-after-the-party"] {
            #expect(the.stderr.contains("play \(id)"), "\(id)")
        }
        #expect(!the.stdout.contains("Theo, two years: after the party Content note"), "'the' starts no case")
        let quiet = try run(["play quiet visit"])
        #expect(quiet.stdout.contains("Maya, four months: a quiet home visit"))
        let months = try run(["play four months"])
        #expect(months.stdout.contains("Maya, four months"), "whole words first: 'four' is not 'fourteen'")
    }

    @Test("leaving a case mid-way always says where the place is kept: quit, Ctrl-D, another case")
    func leavingSaysSo() throws {
        let quit = try run(["play maya", "1", "quit"])
        #expect(quit.stdout.contains("You left 'Maya, four months: a quiet home visit'. Your place is kept: 'play maya' continues it."))
        let endOfInput = try run(["play jonah", "1"])
        #expect(endOfInput.stdout.contains("You left 'Jonah, six days: the first check-up'. Your place is kept: 'play jonah' continues it."))
        let other = try run(["play maya", "1", "play jonah", "quit"])
        #expect(other.stdout.contains("You left 'Maya, four months: a quiet home visit'. Your place is kept"))
        #expect(other.stdout.contains("Jonah, six days: the first check-up"))
    }

    @Test("play of the case open in this window says so, and shows where the learner is")
    func playTheOpenCase() throws {
        let again = try run(["play maya", "1", "play maya", "quit"])
        #expect(again.stdout.contains("'Maya, four months: a quiet home visit' is open here already, at moment 2."))
        #expect(!again.stderr.contains("another Attune window"))
    }

    @Test("after goto the prompt's moment number counts the jump")
    func gotoMomentNumber() throws {
        let shell = Shell(library: fixtureLibrary(), output: CapturedOutput())
        shell.execute("play visit")
        #expect(shell.prompt.contains("moment 1"))
        shell.execute("goto gaze")
        #expect(shell.prompt.contains("moment 2"), "\(shell.prompt)")
    }

    @Test("one reflect question on a screen: the moment's own, the one 'reflect' files under")
    func oneQuestion() throws {
        let library = try libraryWithCase("""
            scenario: two-questions
            title: Two questions
            summary: A short case.
            minutes: 5
            audience: [tenet.1]
            competencies: [tenet.1]
            knowledge: [tenet.1]
            start: first
            nodes:
              first:
                text: You arrive.
                prompt: What first?
                choices:
                  - id: greet
                    text: Greet the baby.
                    next: second
                    rating: attuned
                    feedback: Babies notice who comes to them.
                    refs: [tenet.1]
                    reflect: What did the greeting stir in you?
              second:
                text: The baby looks at you.
                reflect: What do you see in her face?
                prompt: And now?
                choices:
                  - id: wait
                    text: Wait.
                    next: end
                    rating: attuned
                    feedback: Waiting gives her time.
                    refs: [tenet.1]
              end:
                ending: hopeful
                text: The visit ends.
            """)
        let output = CapturedOutput()
        let shell = Shell(library: library, output: output)
        shell.execute("play two-questions")
        #expect(output.errors.isEmpty, "\(output.errors)")
        output.clear()
        shell.execute("1")
        #expect(output.text.components(separatedBy: "Reflect:").count == 2, "\(output.text)")
        #expect(output.text.contains("Reflect: What do you see in her face?"))
        output.clear()
        shell.execute("why")
        #expect(!output.text.contains("What did the greeting stir in you?"))
    }

    @Test("at 40 columns topics and progress fit, and no competency name is cut, with or without accessible mode")
    func narrowWindow() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        _ = try runAttune(["--data-dir", data], input: "play maya\n1\n2\nquit\n")
        for mode in [[], ["--accessible"]] {
            let result = try runAttune(["--data-dir", data] + mode, input: "topics\nprogress\n",
                                       environment: ["COLUMNS": "40", "NO_COLOR": "1"])
            let wide = result.stdout.split(separator: "\n").filter { TextLayout.visibleWidth($0) > 40 }
            #expect(wide.isEmpty, "\(mode): \(wide)")
            #expect(!result.stdout.contains("…"), "\(mode): a name was cut")
            #expect(result.stdout.contains("Direct service skills"))
        }
    }

    @Test("in colour, the wrapped reflect hint keeps its indent")
    func hintIndent() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let result = try runAttune(["--data-dir", data, "--color", "always"], input: "play maya\n", environment: ["COLUMNS": "40"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex { $0.contains("(type 'reflect'") })
        #expect(lines[first + 1].replacingOccurrences(of: "\u{1B}[2m", with: "").hasPrefix("   journal)"), "\(lines[first + 1])")
    }
}

/// A library holding the fixture knowledge and one case given as text.
func libraryWithCase(_ text: String, id: String = "two-questions") throws -> ContentLibrary {
    let folder = try temporaryDirectory()
    let cases = folder.appendingPathComponent("cases")
    try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
    try text.write(to: cases.appendingPathComponent(id + ".yaml"), atomically: true, encoding: .utf8)
    let knowledge = folder.appendingPathComponent("knowledge")
    try FileManager.default.createDirectory(at: knowledge, withIntermediateDirectories: true)
    try """
        topic: tenets
        title: Tenets
        summary: Tenets.
        entries:
          - id: tenet.1
            title: One
            kind: tenet
            summary: One.
            body: |
              One.
            sources: ["A source, p. 1"]
        """.write(to: knowledge.appendingPathComponent("tenets.yaml"), atomically: true, encoding: .utf8)
    return try ContentLibrary.load(knowledgeDirectory: knowledge.path, scenarioDirectory: cases.path)
}
