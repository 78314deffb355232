import Foundation
import Testing

/// Issue 24: the author's tools in Spanish through the real binary: `lint` on a file with
/// invisible characters, `explore` (with random playthroughs, a stuck state, a false
/// assumption), `graph`, `new` and their refusals, checked against Tests/Golden/author.es.txt.
/// The temporary folder `new` writes in is shown as `$TMP`, and this checkout as `$ATTUNE`. `ATTUNE_UPDATE_GOLDEN=1` writes
/// the expected file afresh (read the difference before committing it).
@Suite("Golden author tools in Spanish")
struct AuthorGoldenTests {
    static let folder = packageRoot.appendingPathComponent("Tests/Golden")
    static let expectedFile = folder.appendingPathComponent("author.es.txt")

    static func steps(_ tmp: String) -> [[String]] {
        [
            ["lint", "Author/hidden-characters.yaml"],
            ["explore", "Cases/stale-assumes.yaml", "--random", "20", "--seed", "3"],
            ["explore", "Author/stuck-visit.yaml", "--random", "5"],
            ["explore", "Cases/unknown-choice.yaml"],
            ["explore", "Cases/stale-assumes.yaml", "--max-states", "1"],
            ["graph", "Cases/stale-assumes.yaml", "--format", "mermaid"],
            ["graph", "Cases/stale-assumes.yaml"],
            ["new", "visita-de-ana", "--scenarios", tmp],
            ["lint", "\(tmp)/visita-de-ana.yaml"],
            ["test", "\(tmp)/visita-de-ana.yaml"],
            ["new", "visita-de-ana", "--scenarios", tmp],
            ["new", "maya-quiet-visit"],
            ["new", "Visita_Ana"],
            ["lint", "no-existe"],
            ["lint", "Author/no-existe/"],
        ]
    }

    func transcript(_ language: [String], environment: [String: String] = [:]) throws -> String {
        // A folder whose name is always as long, so line breaks fall alike on any machine.
        let tmp = URL(fileURLWithPath: "/tmp/attune-author-\(String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16))")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        var text = ""
        for step in Self.steps(tmp.path) {
            let arguments = step + language
            let result = try runAttune(arguments, environment: environment, in: Self.folder)
            text += "$ attune \(arguments.joined(separator: " "))\nexit status \(result.status)\n"
                + "--- standard output\n\(result.stdout)--- standard error\n\(result.stderr)"
        }
        // The bundled cases' folder is where this checkout is: written as $ATTUNE.
        return text.replacingOccurrences(of: tmp.path, with: "$TMP").replacingOccurrences(of: packageRoot.path, with: "$ATTUNE")
    }

    @Test("lint, explore, graph and new read as expected in Spanish, by --lang and by the locale")
    func golden() throws {
        let chosen = try transcript(["--lang", "es"])
        let expected = try goldenExpected(chosen, at: Self.expectedFile)
        #expect(chosen == expected)
        let byLocale = try transcript([], environment: ["LANG": "es_US.UTF-8"])
        #expect(byLocale == expected.replacingOccurrences(of: " --lang es\n", with: "\n"))
    }

    @Test("the Spanish transcript holds no English sentence of Attune's own")
    func noEnglish() throws {
        let expected = try String(contentsOf: Self.expectedFile, encoding: .utf8)
        for sentence in ["distinct paths", "reachable states", "Endings reached", "Stuck states", "never offered", "Legend",
                         "an attuned choice", "invisible control character", "Fix the errors", "Wrote ", "already",
                         "is neither", "Random playthroughs", "did not end", "A new case"] {
            #expect(!expected.contains(sentence), "\(sentence)")
        }
    }

    @Test("the English explore and graph keep their words")
    func english() throws {
        let explore = try runAttune(["explore", "Author/stuck-visit.yaml", "--random", "5"], in: Self.folder)
        #expect(explore.stdout.contains("Stuck states\n  middle with trust = 0: forms\n"))
        #expect(explore.stdout.contains("Choices never offered\n  middle.sing (when: trust >= 5)\n"))
        #expect(explore.stdout.contains("did not end at middle (no choice is offered): forms"))
        let graph = try runAttune(["graph", "Cases/stale-assumes.yaml"], in: Self.folder)
        #expect(graph.stdout.contains("label=\"Legend\""))
        #expect(graph.stdout.contains("(concerning ending)"))
    }
}
