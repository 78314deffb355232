import AttuneCore
import AttuneStore
import Foundation
import Testing

/// Issue 24: sending to an LRS, and the translate and cache commands' errors, in Spanish
/// through the real binary (`--lang es`, and the locale), checked against
/// Tests/Golden/transfer.es.txt. The temporary folder is written as `$TMP`, and the time a
/// send took (which varies from run to run) as `N`. `ATTUNE_UPDATE_GOLDEN=1` writes the
/// expected file afresh (read the difference before committing it).
@Suite("Golden sending, translate and cache messages in Spanish", .serialized)
struct TransferGoldenTests {
    static let expectedFile = packageRoot.appendingPathComponent("Tests/Golden/transfer.es.txt")

    /// Each step: the arguments, and the environment beyond the temporary data and cache folders.
    static func steps(_ folder: URL) -> [(arguments: [String], environment: [String: String])] {
        let tmp = folder.path
        let data = ["ATTUNE_HOME": "\(tmp)/datos", "XDG_CACHE_HOME": "\(tmp)/cache"]
        let password = data.merging(["ATTUNE_LRS_PASSWORD": "contraseña-ñandú-🔑"]) { _, new in new }
        return [
            // Nothing listens on port 9 (discard): every try is refused until the time allowed runs out.
            (["export", "xapi", "--account", "José", "--lrs", "http://127.0.0.1:9/xAPI/", "--user", "josé", "--timeout", "2"],
             password),
            (["export", "xapi", "--account", "José", "--lrs", "lrs.example.org", "--user", "josé"], password),
            (["export", "xapi", "--account", "José", "--lrs", "https://josé:clave@lrs.example.org:70000/xAPI/"], password),
            (["export", "xapi", "--account", "José", "--lrs", "http://lrs.example.org/xAPI/", "--user", "josé"], password),
            (["export", "xapi", "--account", "José", "--lrs", "https://lrs.example.org/xAPI/", "--user", "jo:sé"], password),
            // Wrong options: a --timeout out of range, an option the command does not have.
            (["export", "xapi", "yo.jsonl", "--account", "José", "--timeout", "0"], data),
            (["export", "xapi", "yo.jsonl", "--account", "José", "--tiempo", "5"], data),
            (["translate", "extract", "no-existe/caso.yaml"], data),
            (["translate", "status", "no-existe"], data),
        ]
    }

    func transcript(_ language: [String], environment extra: [String: String] = [:]) throws -> String {
        // A folder whose name is always as long, so line breaks fall alike on any machine.
        let folder = URL(fileURLWithPath: "/tmp/attune-transfer-\(String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A record with a case begun and a choice made: something to send.
        let store = try ProgressStore(directory: folder.appendingPathComponent("datos").path)
        let started = Date(timeIntervalSince1970: 1_800_000_000)
        let playthrough = try store.startPlaythrough(CaseKey(id: "maya-quiet-visit"), at: started)
        try store.recordChoice(playthrough: playthrough, step: 0, node: "fifth-visit", choice: "greet-both", rating: .attuned,
                               competencies: [], at: started + 10)
        store.close()
        let text = try commandTranscript(Self.steps(folder), adding: language, environment: extra, in: folder)
        return Self.steady(text.replacingOccurrences(of: folder.path, with: "$TMP"))
    }

    /// The transcript with the tries and the time a send took (which depend on the machine's
    /// load) written as N: "tras 3 intentos en 1.5 segundos" → "tras N intentos en N segundos".
    static func steady(_ text: String) -> String {
        text.replacingOccurrences(of: #"tras \d+ intentos? en \d+(\.\d)? segundos"#, with: "tras N intentos en N segundos",
                                  options: .regularExpression)
    }

    @Test("sending, translate and cache errors read as expected in Spanish, by --lang and by the locale",
          .timeLimit(.minutes(2)))
    func golden() throws {
        let chosen = try transcript(["--lang", "es"])
        let expected = try goldenExpected(chosen, at: Self.expectedFile)
        #expect(chosen == expected)
        // The passwords are in the commands typed (the transcript's "$ attune" lines), never in what Attune says.
        let said = chosen.split(separator: "\n").filter { !$0.hasPrefix("$ attune") }.joined(separator: "\n")
        #expect(!said.contains("contraseña-ñandú") && !said.contains("clave"), "a password was shown")
        let byLocale = try transcript([], environment: ["LANG": "es_US.UTF-8"])
        #expect(byLocale == expected.replacingOccurrences(of: " --lang es\n", with: "\n"))
    }
}
