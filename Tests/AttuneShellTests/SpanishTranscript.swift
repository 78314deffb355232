import Foundation

/// The one English check over Spanish transcripts in this target: which words give English
/// away, and how a line splits into words with what stands inside quotes marked. The word
/// list starts from `EnglishDetector` (Tests/AttuneCatalogTests/CatalogTests.swift, another
/// test target, so it is repeated here) with the words of play, the shell and the room.
/// Each check decides for itself what content to leave out (`TranscriptEnglish`,
/// `SpanishCheck`, `RoomTranscriptEnglish`).
enum SpanishTranscript {
    /// Never "no", which Spanish shares.
    static let englishWords: Set<String> = [
        "the", "is", "are", "not", "which", "file", "files", "line", "and", "of", "to", "was", "were", "it", "this", "that",
        "with", "has", "have", "be", "at", "from", "can", "never", "but", "for", "there", "choice", "choices", "node",
        "ending", "expected", "only", "more", "shown", "offered", "case", "cases", "warning", "warnings", "problems",
        "passed", "failed", "checked", "run", "write", "add", "its", "by", "in", "or", "what", "where", "when",
        // Play, the journal and progress.
        "you", "your", "type", "again", "here", "saved", "journal", "progress", "entry", "entries", "moment", "left", "kept",
        "place", "reflect", "read", "done", "started", "feedback", "path", "baby", "parent", "practitioner", "debrief",
        // The shell (its command names, `show`, `search`, `topics`, are typed as they are).
        "did", "mean", "command", "commands",
        // The room.
        "room", "phone", "phones", "voting", "vote", "session", "sessions", "tally", "trainer", "page", "screen", "time",
        "chose", "choose", "matched", "join", "joined", "code", "now", "then", "how", "each", "option", "family", "most",
        "attuned", "closed", "ended",
    ]

    /// A line's words, lowercased, each marked when it stands inside quotes ('...', "..." or
    /// `...`, where an apostrophe between two letters is part of a word, not a quote). A word
    /// with a dot, slash, underscore or hyphen (an id, a file, an address) is left out.
    static func tokens(_ line: String) -> [(word: String, quoted: Bool)] {
        var result: [(word: String, quoted: Bool)] = []
        var current = ""
        var quote: Character?
        let characters = Array(line)
        func flush() {
            let word = current.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "'’"))
            if !word.isEmpty, !word.contains("."), !word.contains("/"), !word.contains("_"), !word.contains("-") {
                result.append((word, quote != nil))
            }
            current = ""
        }
        for (index, character) in characters.enumerated() {
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            if character == "'" || character == "\"" || character == "’" || character == "`" {
                if character == "'" || character == "’", before.isLetter && after.isLetter {
                    current.append(character)  // an apostrophe in a word
                    continue
                }
                flush()
                if quote == character { quote = nil } else if quote == nil, character != "’", !before.isLetter { quote = character }
                continue
            }
            if character.isLetter || ((character == "." || character == "/" || character == "_" || character == "-") && !current.isEmpty
                && after.isLetter) {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// The English words of `text` outside quotes, leaving out `ignoring` (command names).
    static func english(in text: String, ignoring: Set<String> = []) -> [String] {
        text.split(separator: "\n").flatMap { tokens(String($0)) }
            .filter { !$0.quoted && englishWords.contains($0.word) && !ignoring.contains($0.word) }
            .map(\.word)
    }
}
