import Foundation
import Testing

/// `attune lint` and `attune test` on a folder with known problems (a missing colon, an
/// unknown choice id, a stale `assumes:`, a failing test), checked against the expected
/// reports in Tests/Golden, in English and in Spanish: chosen with `--lang` and with the
/// locale (`LANG=es_US.UTF-8`), which must read the same. `ATTUNE_UPDATE_GOLDEN=1` writes
/// the expected files afresh (read the difference before committing it).
@Suite("Golden lint and test reports in each language")
struct GoldenReportTests {
    static let folder = packageRoot.appendingPathComponent("Tests/Golden")

    func report(_ command: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let result = try runAttune([command] + arguments + ["Cases"], environment: environment, in: Self.folder)
        return "$ attune \(([command] + arguments + ["Cases"]).joined(separator: " "))\nexit status \(result.status)\n"
            + "--- standard output\n\(result.stdout)--- standard error\n\(result.stderr)"
    }

    @Test("lint and test read as expected in English and Spanish, by --lang and by the locale", arguments: [
        ("lint", "en"), ("lint", "es"), ("test", "en"), ("test", "es"),
    ])
    func golden(command: String, language: String) throws {
        let expectedFile = Self.folder.appendingPathComponent("\(command).\(language).txt")
        let chosen = try report(command, ["--lang", language])
        let expected = try goldenExpected(chosen, at: expectedFile)
        #expect(chosen == expected)
        let byLocale = try report(command, [], environment: language == "es" ? ["LANG": "es_US.UTF-8"] : ["LC_ALL": "C"])
        let header = { (text: String) in text.split(separator: "\n", maxSplits: 1).last.map(String.init) ?? "" }
        #expect(header(byLocale) == header(expected))
    }

    @Test("a --lang Attune does not speak is refused, naming the two it does")
    func unknownLanguage() throws {
        let result = try runAttune(["lint", "--lang", "fr", "Cases"], in: Self.folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--lang es"))
        #expect(result.stderr.contains("'fr'"))
    }

    @Test("lint --rules in Spanish keeps the rule ids and says what each rule catches in Spanish")
    func rulesInSpanish() throws {
        let result = try runAttune(["lint", "--rules", "--lang", "es"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("unmet-assumption"))
        #expect(result.stdout.contains("Un texto cuyo 'assumes:' es falso en un camino que lo muestra"))
        #expect(result.stdout.contains("advertencia"))
        #expect(!result.stdout.contains("warning"))
    }

    @Test("test --coverage in Spanish")
    func coverageInSpanish() throws {
        let result = try runAttune(["test", "--coverage", "--lang", "es", "Cases/stale-assumes.yaml"], in: Self.folder)
        #expect(result.stdout.contains("Cobertura de stale-assumes"))
        #expect(result.stdout.contains("elecciones hechas: 2 de 2 (100%); attuned 1 de 1, missed 1 de 1"))
        #expect(!result.stdout.contains("Coverage"))
    }

    @Test("--help says how to choose the language")
    func help() throws {
        let result = try runAttune(["lint", "--help"])
        #expect(result.stdout.contains("--lang"))
        #expect(result.stdout.contains("ATTUNE_LANG"))
    }
}
