import AttuneCore
import Foundation
import Testing

/// The real binary with a transcript piped in, as a trainer or a script would use it.
@Suite("Piped end to end", .serialized)
struct PipedEndToEndTests {
    @Test("topics, show tenet.4 and search cortisol, as in the issue")
    func transcript() throws {
        let result = try runAttune([], input: "topics\nshow tenet.4\nsearch cortisol\nquit\n")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let out = result.stdout
        #expect(out.hasPrefix("Topics  ("))
        #expect(out.contains("tenets"))
        #expect(out.contains("Ghosts in the nursery\ntenet.4 · tenet"))
        #expect(out.contains("Sources\n  - Weatherston (2000)"))
        let searchPart = try #require(out.components(separatedBy: "1.  ").last)
        #expect(searchPart.hasPrefix("toxic-stress"))
        #expect(!out.contains("\u{1B}["), "no colour when piped")
        #expect(!out.contains("attune>"), "no prompt when piped")
    }

    @Test("end of input without quit ends cleanly")
    func endOfInput() throws {
        let result = try runAttune([], input: "show tenet.1")
        #expect(result.status == 0)
        #expect(result.stdout.contains("tenet.1"))
    }

    @Test("a mistake is reported on stderr and the session carries on")
    func mistakesDoNotStop() throws {
        let result = try runAttune([], input: "show nowhere\nshow tenet.2\n")
        #expect(result.status == 0)
        #expect(result.stderr.contains("There is no entry 'nowhere'"))
        #expect(result.stdout.contains("tenet.2"))
    }

    @Test("attune show ID and attune search WORDS work as subcommands")
    func subcommands() throws {
        let show = try runAttune(["show", "tenet.4"])
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("Ghosts in the nursery\n"))
        let search = try runAttune(["search", "toxic", "stress"])
        #expect(search.status == 0)
        #expect(search.stdout.contains("1.  toxic-stress"))
    }

    @Test("an unknown entry exits 1; a bad option or missing folder exits 2")
    func exitCodes() throws {
        let unknown = try runAttune(["show", "tenet.9"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("There is no entry 'tenet.9'"))

        let badOption = try runAttune(["--colour", "never"])
        #expect(badOption.status == 2)
        #expect(badOption.stderr.contains("--colour"))

        let badValue = try runAttune(["show", "tenet.4", "--color", "sometimes"])
        #expect(badValue.status == 2)

        let missing = try runAttune(["show", "tenet.4", "--knowledge", "/nonexistent/knowledge"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot open the knowledge folder /nonexistent/knowledge: no such folder"))
    }

    @Test("--knowledge reads an author's folder; its problems are located on stderr")
    func authorFolder() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
            topic: mine
            title: Mine
            summary: An author's topic.
            entries:
              - id: mine.one
                title: One
                kind: concept
                summary: The first.
                body: Body text.
                sources: [me]
                see: [mine.two]
              - id: mine.broken
                title: Broken
            """.write(to: directory.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let result = try runAttune(["--knowledge", directory.path], input: "show mine.one\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("One\nmine.one · concept · Mine"))
        let file = directory.appendingPathComponent("mine.yaml").path
        #expect(result.stderr.contains("\(file):11:11: error: 'see' names 'mine.two', which is not an entry"))
        #expect(result.stderr.contains("\(file):12:5: error: entry 'mine.broken' is missing the required field 'kind'"))
    }

    @Test("--color always colours even when piped; NO_COLOR does not override it")
    func colour() throws {
        let always = try runAttune(["show", "tenet.4", "--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(always.stdout.contains("\u{1B}[1m"))
        let auto = try runAttune(["show", "tenet.4"])
        #expect(!auto.stdout.contains("\u{1B}["))
    }

    @Test("output wraps to COLUMNS")
    func wrapping() throws {
        let result = try runAttune(["show", "tenet.4"], environment: ["COLUMNS": "50"])
        let widest = result.stdout.components(separatedBy: "\n").map(\.count).max() ?? 0
        #expect(widest <= 50)
        #expect(widest > 30)
    }

    @Test("--help describes the command and exits 0")
    func helpFlag() throws {
        let result = try runAttune(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--knowledge"))
        #expect(result.stdout.contains("show"))
    }

    @Test("--version prints the version the content cache is keyed by, and exits 0")
    func versionFlag() throws {
        let result = try runAttune(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == AttuneVersion.current + "\n")
        #expect(result.stderr.isEmpty)
    }
}
