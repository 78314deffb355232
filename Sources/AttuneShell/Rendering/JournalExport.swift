import AttuneCatalog
import AttuneCore
import AttuneStore
import Foundation

/// The journal as a Markdown document, or JSON for other programs.
///
/// In Markdown each reflection is a fenced block, so it reads exactly as typed in a plain
/// editor (no backslashes, no no-break spaces) and renders exactly: line breaks, indents,
/// runs of spaces and tabs stay, and `#`, `*` or `<script>` are shown, never read as markup.
/// The Markdown's headings are in the learner's language; JSON keeps its keys in English, and
/// the learner's words are never translated.
enum JournalExport {
    static func json(_ entries: [JournalEntry]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
    }

    static func markdown(_ entries: [JournalEntry], titles: [CaseKey: String], exportedAt: Date,
                         catalog: any MessageCatalog = English()) -> String {
        func words(_ text: ExportText) -> String { catalog.playing(.export(text)) }
        var lines = [words(.journalTitle), "",
                     words(.journalExported(at: ScenarioRenderer.timestamp(exportedAt), entries: entries.count)), ""]
        for entry in entries {
            let title = titles.title(for: entry, catalog: catalog)
            lines += [words(.journalEntry(id: entry.id, at: ScenarioRenderer.timestamp(entry.createdAt), title: title)), ""]
            if let prompt = entry.prompt {
                lines += prompt.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" } + [""]
            }
            lines += [fenced(entry.text), ""]
        }
        return lines.joined(separator: "\n")
    }

    /// `text` as a fenced code block whose fence is longer than any run of backticks in it,
    /// so no line of the text can close the block early.
    static func fenced(_ text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + "text\n" + text + "\n" + fence
    }
}
