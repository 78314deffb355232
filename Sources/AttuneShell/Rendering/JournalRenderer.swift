import AttuneCatalog
import AttuneCore
import AttuneStore
import Foundation

/// The learner's journal on the terminal. Each entry shows its number (the one `journal
/// delete N` takes, kept for good), when and in which case it was written, the prompt it
/// answered, and the learner's own words exactly as typed (see `VerbatimText`).
struct JournalRenderer {
    let style: TextStyle
    let width: Int
    /// Accessible mode: commas between the parts of an entry's heading, not dots a screen
    /// reader would name.
    var accessible = false
    /// The learner's language for Attune's words; the learner's own words are shown as typed.
    var catalog: any MessageCatalog = English()

    private func words(_ text: JournalText) -> String { catalog.playing(.journal(text)) }

    /// Attune's own indent before the learner's words.
    static let gutter = "  "

    /// The whole journal, with how to find and delete entries.
    func journal(_ entries: [JournalEntry], titles: [CaseKey: String]) -> String {
        guard !entries.isEmpty else {
            return words(.empty) + "\n"
        }
        var lines = entries.flatMap { entry($0, titles: titles) + [""] }
        lines += TextLayout.wrap(words(.footer), width: width).map(style.dim)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The entries written in one case.
    func journal(_ entries: [JournalEntry], of title: String, titles: [CaseKey: String]) -> String {
        let title = TextLayout.neutralize(title)
        guard !entries.isEmpty else {
            return TextLayout.wrap(words(.noEntriesFrom(title: title)), width: width).joined(separator: "\n") + "\n"
        }
        var lines = TextLayout.wrap(words(.entriesFrom(count: entries.count, title: title)), width: width).map(style.heading) + [""]
        lines += entries.flatMap { entry($0, titles: titles) + [""] }
        lines.removeLast()
        return lines.joined(separator: "\n") + "\n"
    }

    /// The entries that mention every one of `words`.
    func search(_ hits: [JournalEntry], words asked: [String], titles: [CaseKey: String]) -> String {
        let asked = asked.map { TerminalText.quoted($0) }
        guard !hits.isEmpty else {
            return TextLayout.wrap(words(.noneMention(words: asked)), width: width).joined(separator: "\n") + "\n"
        }
        var lines = TextLayout.wrap(words(.mention(count: hits.count, words: asked, numbers: hits.map(\.id))), width: width)
            .map(style.heading) + [""]
        lines += hits.flatMap { entry($0, titles: titles) + [""] }
        lines.removeLast()
        return lines.joined(separator: "\n") + "\n"
    }

    /// One entry: "Entry 3 · 2026-12-06 21:40 · the case", the prompt, the learner's words.
    func entry(_ entry: JournalEntry, titles: [CaseKey: String]) -> [String] {
        let separator = accessible ? ", " : " · "
        var context = separator + ScenarioRenderer.timestamp(entry.createdAt)
        if let title = titles.title(for: entry, catalog: catalog) { context += separator + TextLayout.neutralize(title) }
        var lines = TextLayout.wrap(style.bold(words(.entry(entry.id))) + style.dim(context), width: width, indent: Self.gutter,
                                    firstIndent: "")
        if let prompt = entry.prompt {
            lines += TextLayout.wrap(style.italic(TextLayout.neutralize(prompt)), width: width, indent: Self.gutter)
        }
        return lines + VerbatimText.lines(entry.text, width: width, gutter: Self.gutter)
    }
}
