import AttuneCatalog
import Foundation
import Testing

/// Playing a case in Spanish through the real binary, chosen by the locale
/// (`LANG=es_US.UTF-8`): `cases`, `play maya`, a choice, `why`, `reflect` with the learner's
/// own sentence (accents, a dash, quotes, emoji), `journal`, `progress`, `quit`. Checked
/// against Tests/Golden/play.es.txt (`ATTUNE_UPDATE_GOLDEN=1` writes it afresh; read the
/// difference before committing it), and word by word for English that Attune itself says.
@Suite("Golden play transcript in Spanish")
struct PlayGoldenTests {
    static let expectedFile = packageRoot.appendingPathComponent("Tests/Golden/play.es.txt")
    /// The learner's own words: kept and shown exactly as typed, never translated.
    static let ownWords = "Sentí que Alicia necesitaba más tiempo; no quise apurarla 🌱 — \"así está bien\", me dije."
    static let input = "help\ncases\nplay maya\n1\nwhy\nreflect \(ownWords)\njournal\nprogress\nquit\n"

    /// Times of day change from run to run; the transcript shows where they go.
    static func withoutTimes(_ text: String) -> String {
        text.replacingOccurrences(of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"#, with: "YYYY-MM-DD hh:mm", options: .regularExpression)
    }

    func transcript() throws -> String {
        let result = try runAttune([], input: Self.input, environment: ["LANG": "es_US.UTF-8", "COLUMNS": "80"])
        return "$ LANG=es_US.UTF-8 attune\nexit status \(result.status)\n--- standard output\n"
            + Self.withoutTimes(result.stdout) + "--- standard error\n" + Self.withoutTimes(result.stderr)
    }

    @Test("help, cases, play maya, a choice, why, reflect, journal, progress and quit read as expected in Spanish")
    func golden() throws {
        let text = try transcript()
        let expected = try goldenExpected(text, at: Self.expectedFile)
        #expect(text == expected)
        #expect(text.contains("exit status 0"))
        // The learner's words, exactly (wrapped under the journal's gutter at 80 columns).
        #expect(text.replacingOccurrences(of: "\n  ", with: " ").contains(Self.ownWords))
        #expect(text.contains("Se guardó en tu diario."))
        #expect(text.contains("Tu progreso"))
    }

    @Test("Attune says nothing in English in the Spanish transcript (the case's own text aside, until it is translated)")
    func noEnglish() throws {
        // Command names are typed as they are in every language ('journal', 'progress'): in
        // help's usage lines they are names, not sentences, so they are taken out first.
        let names = Set(ShellCommandID.allCases.map(\.rawValue))
        let text = try transcript().split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.drop { $0 == " " }
            guard let first = trimmed.split(separator: " ").first, names.contains(String(first)), line.hasPrefix("  ") else {
                return String(line)
            }
            return String(trimmed.dropFirst(first.count))
        }.joined(separator: "\n")
        let found = TranscriptEnglish(masking: TranscriptEnglish.untranslatedContent()).englishWords(in: text)
        #expect(found.isEmpty, "English in the Spanish transcript: \(found.joined(separator: "; "))")
    }

    @Test("the detector finds Attune's English, and leaves the case's content and quotes alone")
    func detectorWorks() throws {
        let detector = TranscriptEnglish(masking: TranscriptEnglish.untranslatedContent())
        // Attune's own English is found, also next to the case's words.
        #expect(!detector.englishWords(in: "Type 'choices' to see this moment's choices again.").isEmpty)
        #expect(!detector.englishWords(in: "Reflect: What happened in you when Alicia said that?").isEmpty)
        // The case's words (still English) and quoted commands are not.
        #expect(detector.englishWords(in: "Para reflexionar: What is Dani afraid of, and what are you afraid of?").isEmpty)
        #expect(detector.englishWords(in: "Escribe 'back' para probar otro camino.").isEmpty)
        #expect(detector.englishWords(in: "Entrada 1 · Eli, nine months: the closed door").isEmpty)
        // The same session in English: Attune's own sentences are found, so masking the
        // content does not hide them.
        let english = try runAttune([], input: Self.input, environment: ["LC_ALL": "C"]).stdout
        let found = detector.englishWords(in: english)
        for sentence in ["Saved to your journal.", "Your progress", "Type 'choices' to see this moment's choices again."] {
            #expect(found.contains { $0.hasSuffix("in: " + sentence) }, "\(sentence) not found in \(found)")
        }
    }
}

/// Finds common English words in a transcript, word by word, outside quotes. The word list is
/// `SpanishTranscript`'s.
///
/// Case content (node texts, choices, feedback, titles, knowledge titles) is still English and is
/// not Attune's to translate here: a word is left alone when it stands in a run of three words
/// found in that content (`masking`). A file with a Spanish translation beside it
/// (Scenarios/maya-quiet-visit.es.yaml) is not masked, so the Maya case played here must read
/// in Spanish; when every file is translated nothing is masked and every English word fails.
struct TranscriptEnglish {
    static let words = SpanishTranscript.englishWords

    /// The files whose text is shown as written, still in English. Remove a file when its
    /// Spanish translation is loaded in its place.
    static let untranslatedFiles: [String] = {
        let root = packageRoot.path
        let folders = ["Scenarios", "Knowledge"]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(folder)")) ?? [])
                .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".es.yaml") }
                // A file with a Spanish translation beside it is shown in Spanish: not masked.
                .filter { !FileManager.default.fileExists(atPath: "\(root)/\(folder)/\($0.dropLast(5)).es.yaml") }
                .sorted().map { "\(root)/\(folder)/\($0)" }
        }
    }()

    /// Every run of three words in the untranslated files.
    static func untranslatedContent() -> Set<String> {
        var runs: Set<String> = []
        for path in untranslatedFiles {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            // The YAML keys ("reflect:", "text:") are not content: "reflect: What happened" must not
            // hide an English "Reflect: What happened" in the transcript.
            let values = text.replacingOccurrences(of: #"(?m)^\s*(- )?[A-Za-z_]+:(?=\s|$)"#, with: " ", options: .regularExpression)
            let tokens = plainWords(values)
            guard tokens.count >= 3 else { continue }
            for index in 0...(tokens.count - 3) { runs.insert(tokens[index..<index + 3].joined(separator: " ")) }
        }
        return runs
    }

    /// A text's words, lowercased, without punctuation (an apostrophe inside a word stays).
    static func plainWords(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'’")) }.filter { !$0.isEmpty }
    }

    let masking: Set<String>

    /// The English words outside quotes and outside the case's content, each with the line it is on.
    /// Runs of three words are looked for across line ends, as the content wraps.
    func englishWords(in text: String) -> [String] {
        var tokens: [(word: String, quoted: Bool, line: String)] = []
        for line in text.split(separator: "\n") {
            tokens += Self.tokens(String(line)).map { ($0.word, $0.quoted, String(line)) }
        }
        var content = Array(repeating: false, count: tokens.count)
        if tokens.count >= 3 {
            for index in 0...(tokens.count - 3)
            where masking.contains(tokens[index..<index + 3].map(\.word).joined(separator: " ")) {
                for covered in index..<index + 3 { content[covered] = true }
            }
        }
        return tokens.indices.filter { !tokens[$0].quoted && !content[$0] && Self.words.contains(tokens[$0].word) }
            .map { "\(tokens[$0].word) in: \(tokens[$0].line)" }
    }

    static func tokens(_ line: String) -> [(word: String, quoted: Bool)] { SpanishTranscript.tokens(line) }
}
