import Foundation
import Testing

/// The README's examples, run as written: every shell line in its transcripts and every
/// `attune ...` command line, so the documentation cannot drift from the program.
@Suite("README examples", .serialized)
struct ReadmeExamplesTests {
    /// Lines inside the README's fenced blocks, with the block's language.
    static func fencedLines() throws -> [(language: String, line: String)] {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var result: [(String, String)] = []
        var language: String?
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                language = language == nil ? String(line.dropFirst(3)) : nil
                continue
            }
            if let language { result.append((language, line)) }
        }
        return result
    }

    /// What a person types after a shell prompt (`attune> ` or `Maya · moment 2> `), without
    /// the description that follows two or more spaces.
    static func shellCommand(_ line: String) -> String? {
        guard let prompt = line.range(of: "> "),
              line.hasPrefix("attune>") || line[..<prompt.lowerBound].contains(" · ") else { return nil }
        let typed = String(line[prompt.upperBound...])
        return typed.components(separatedBy: "  ").first?.trimmingCharacters(in: .whitespaces)
    }

    @Test("every shell example in the README runs as written")
    func shellExamples() throws {
        var transcript: [String] = []
        for (_, line) in try Self.fencedLines() {
            guard let command = Self.shellCommand(line), !command.isEmpty else { continue }
            // 'quit' would end the run before the later examples; it is typed once at the end.
            if command == "quit" { continue }
            // The room page listens on loopback only in tests, on any free port.
            transcript.append(command == "group serve" ? "group serve --bind 127.0.0.1 --port 0" : command)
            // A bare 'reflect' opens a draft: write a line and save it, as a learner would.
            if command == "reflect" { transcript += ["A line written in the draft.", "."] }
        }
        #expect(transcript.count >= 25, "the README shows the shell at work")
        #expect(transcript.contains("play maya") && transcript.contains("journal export my-journal.md"))
        let folder = try temporaryDirectory()
        let result = try runAttune(["--data-dir", folder.appendingPathComponent("data").path],
                                   input: (transcript + ["quit"]).joined(separator: "\n") + "\n", in: folder)
        #expect(result.status == 0)
        #expect(!result.stderr.contains("There is no command"), "\(result.stderr)")
        #expect(!result.stderr.contains("works inside a case"), "\(result.stderr)")
        #expect(result.stderr.isEmpty, "every README shell example works: \(result.stderr)")
        for file in ["my-journal.md", "my-progress.md", "session.md"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file) written")
        }
    }

    @Test("every 'attune ...' command line in the README runs (those needing a network or a home folder aside)")
    func commandLineExamples() throws {
        let folder = try temporaryDirectory()
        let data = folder.appendingPathComponent("data").path
        var ran = 0
        for (language, line) in try Self.fencedLines() where language == "sh" && line.hasPrefix("attune ") {
            var command = line.components(separatedBy: "  #").first!.trimmingCharacters(in: .whitespaces)
            command = command.components(separatedBy: "   ").first!
            if command.contains("~") || command.contains("|") || command.contains("--lrs") { continue }
            let words = command.split(separator: " ").dropFirst().map(String.init)
            let result = try runAttune(words + ["--data-dir", data], in: folder)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            ran += 1
        }
        #expect(ran >= 8)
    }
}
