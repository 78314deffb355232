import Foundation
import Testing

/// Issue 24: the export, cache and record-file messages in Spanish, through the real binary
/// (`--lang es`, and the locale), checked against Tests/Golden/tools.es.txt. The temporary
/// folder the commands run in is written as `$TMP`. `ATTUNE_UPDATE_GOLDEN=1` writes the expected file afresh
/// (read the difference before committing it).
@Suite("Golden export, cache and record messages in Spanish")
struct ToolsGoldenTests {
    static let expectedFile = packageRoot.appendingPathComponent("Tests/Golden/tools.es.txt")

    /// Each step: the arguments, and the environment beyond the temporary cache and data folders.
    static func steps(_ folder: URL) -> [(arguments: [String], environment: [String: String])] {
        let tmp = folder.path
        let data = ["ATTUNE_HOME": "\(tmp)/datos", "XDG_CACHE_HOME": "\(tmp)/cache"]
        return [
            (["cache", "status"], data),
            (["cache", "status", "--no-cache"], data),
            (["cache", "clear"], data),
            (["cache", "status"], ["ATTUNE_HOME": "\(tmp)/datos", "XDG_CACHE_HOME": "", "HOME": ""]),
            (["journal", "export", "no-existe/diario.md"], data),
            (["journal", "export", "una carpeta"], data),
            (["progress", "export", "una carpeta"], data),
            (["export", "xapi", "--account", "ana"], data),
            (["export", "xapi", "yo.jsonl", "--account", "ana", "--lrs", "https://lrs.example.org/xAPI/"], data),
            (["export", "xapi", "no-existe/yo.jsonl", "--account", "ana"], data),
            (["export", "xapi", "yo.jsonl", "--account", "ana"], data),
            (["export", "xapi", "yo.jsonl", "--account", "ana"], data),
            (["export", "xapi", "yo.jsonl", "--account", "ana"], ["ATTUNE_HOME": "\(tmp)/un archivo", "XDG_CACHE_HOME": "\(tmp)/cache"]),
            (["export", "xapi", "--account", "ana", "--lrs", "http://lrs.example.org/xAPI/", "--insecure-http"], data),
        ]
    }

    func transcript(_ language: [String], environment extra: [String: String] = [:]) throws -> String {
        // A folder whose name is always as long, so the shell's line breaks fall alike on any machine.
        let folder = URL(fileURLWithPath: "/tmp/attune-tools-\(String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("una carpeta"), withIntermediateDirectories: true)
        try Data("no es una carpeta".utf8).write(to: folder.appendingPathComponent("un archivo"))
        let text = try commandTranscript(Self.steps(folder), adding: language, environment: extra, in: folder)
        return text.replacingOccurrences(of: folder.path, with: "$TMP")
    }

    @Test("export, cache and record messages read as expected in Spanish, by --lang and by the locale")
    func golden() throws {
        let chosen = try transcript(["--lang", "es"])
        let expected = try goldenExpected(chosen, at: Self.expectedFile)
        #expect(chosen == expected)
        let byLocale = try transcript([], environment: ["LANG": "es_US.UTF-8"])
        #expect(byLocale == expected.replacingOccurrences(of: " --lang es\n", with: "\n"))
    }
}
