import Foundation
import Testing

/// `attune lint` and `attune translate status` on a translation with one of each finding
/// (a stale title, an untranslated choice, an id the English no longer has), checked against
/// Tests/Golden/translate.LANG.txt in English and Spanish. `ATTUNE_UPDATE_GOLDEN=1` writes
/// the expected files afresh (read the difference before committing it).
@Suite("Golden translation reports in each language")
struct TranslateGoldenTests {
    static let folder = packageRoot.appendingPathComponent("Tests/Golden")

    func transcript(_ language: String) throws -> String {
        var text = ""
        for arguments in [["lint", "--lang", language, "Translate"], ["translate", "status", "--lang", language, "Translate"]] {
            let result = try runAttune(arguments, in: Self.folder)
            text += "$ attune \(arguments.joined(separator: " "))\nexit status \(result.status)\n"
                + "--- standard output\n\(result.stdout)--- standard error\n\(result.stderr)"
        }
        return text
    }

    @Test("lint and translate status read as expected", arguments: ["en", "es"])
    func golden(language: String) throws {
        let expectedFile = Self.folder.appendingPathComponent("translate.\(language).txt")
        let actual = try transcript(language)
        #expect(actual == (try goldenExpected(actual, at: expectedFile)))
    }
}
