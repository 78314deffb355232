/// `attune translate extract`: a translation file to fill in, mirroring the English file.
/// Every text is a block with its `from:` hash and the English as a comment right above
/// `text:`, which is empty (`text: ""`) until translated. With an earlier translation, its
/// texts are kept: a current one as it is, a stale one with a comment saying so and its
/// old `from:` (so lint keeps reporting it until someone checks it). Texts of the earlier
/// file that the English no longer has are left out.
public enum TranslationSkeleton {
    /// The words the skeleton's comments use, in the translator's language.
    public struct Comments: Sendable {
        /// The file's first line (without `# `), e.g. "Spanish translation of x.yaml (see docs/translating.md)."
        public var header: String
        /// Above a stale text, given the hash of the English as it is now.
        public var stale: @Sendable (_ current: String) -> String

        public init(header: String, stale: @escaping @Sendable (_ current: String) -> String) {
            self.header = header
            self.stale = stale
        }
    }

    /// The skeleton for a case.
    public static func text(for scenario: Scenario, language: String, existing: TranslationFile?, comments: Comments) -> String {
        let check = existing.map { TranslationCheck.apply($0, to: scenario).check } ?? TranslationCheck.untranslated(scenario)
        return render(id: scenario.id, language: language, check: check, comments: comments)
    }

    /// The skeleton for a knowledge topic file; `id` is the file's name without `.yaml`.
    public static func text(for topic: TopicTexts, id: String, language: String, existing: TranslationFile?,
                            comments: Comments) -> String {
        let check = existing.map { TranslationCheck.apply($0, to: topic).check } ?? TranslationCheck.untranslated(topic)
        return render(id: id, language: language, check: check, comments: comments)
    }

    static func render(id: String, language: String, check: TranslationCheck, comments: Comments) -> String {
        var lines = commentLines(comments.header, indent: "")
        lines.append("translation: \(key(id))")
        lines.append("language: \(key(language))")
        var open: [String] = []
        for entry in check.entries {
            let isItem = entry.path.last?.hasPrefix("#") == true
            let keys = isItem ? Array(entry.path.dropLast()) : entry.path
            var shared = 0
            while shared < min(open.count, keys.count), open[shared] == keys[shared] { shared += 1 }
            // A single text's key is never shared with the next entry's.
            if !isItem, shared == keys.count { shared -= 1 }
            for depth in shared..<keys.count {
                lines.append(indent(depth) + key(keys[depth]) + ":")
            }
            open = keys
            let base = indent(keys.count)
            let first = isItem ? base + "- " : base
            let inner = isItem ? base + "  " : base
            var block: [String] = []
            let hash = TranslationHash.of(entry.english)
            if entry.state == .stale, let old = entry.translation {
                block += commentLines(comments.stale(hash), indent: "")
                block.append("from: \(old.from)")
            } else {
                block.append("from: \(hash)")
            }
            block += commentLines(entry.english, indent: "")
            let kept = entry.state == .untranslated ? "" : entry.translation?.text ?? ""
            block.append("text: " + quotedScalar(kept))
            for (index, line) in block.enumerated() {
                lines.append((index == 0 ? first : inner) + line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func indent(_ depth: Int) -> String { String(repeating: "  ", count: depth) }

    /// The longest comment line, so the English reads in any editor (longer lines are
    /// wrapped at a space; a word longer than this stays whole).
    static let commentWidth = 100

    /// Each line of `text` as YAML comment lines, wrapped; a final line break adds no line.
    static func commentLines(_ text: String, indent: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
        }
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        var result: [String] = []
        for line in lines {
            guard !line.isEmpty else {
                result.append(indent + "#")
                continue
            }
            var current: String?
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                if let full = current, !word.isEmpty, full.count + 1 + word.count > commentWidth {
                    result.append(indent + "# " + full)
                    current = String(word)
                } else {
                    current = current.map { $0 + " " + word } ?? String(word)
                }
            }
            result.append(indent + "# " + (current ?? ""))
        }
        return result
    }

    /// A key or id as written: plain when it is a plain word, else double-quoted.
    static func key(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        } && !word.hasPrefix("-") && !word.hasPrefix(".")
        return plain ? word : quotedScalar(word)
    }

    /// A text as a YAML double-quoted scalar, every character kept.
    static func quotedScalar(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
