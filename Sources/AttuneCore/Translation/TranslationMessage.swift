/// What a finding about a translation file says (`<source>.<lang>.yaml`, see
/// docs/translating.md). Paths name a text as the English file has it, dotted:
/// `nodes.fifth-visit.choices.greet-both.feedback`, with a list's items numbered from 1
/// (`content-warnings.2`).
public enum TranslationMessage: Sendable, Hashable, Codable {
    /// The English text changed since it was translated: `path` names it, `current` is
    /// the hash of the English as it is now (what `from:` becomes once the text is updated).
    case stale(path: String, current: String)
    /// A node, choice or entry id the English file does not have (any more). `kind`:
    /// which kind of id; `suggestion`: a close id the English has.
    case unknownID(IdentifierKind, id: String, suggestion: String?)
    /// A text the English does not have at this place (a `reflect:` where the English
    /// moment has none, a fourth item of a three-item list).
    case noEnglish(path: String)
    /// A text not translated yet (missing, or `text: ""`): the English is shown.
    case untranslated(path: String)
    /// The summary of a file's untranslated texts.
    case untranslatedCount(count: Int, total: Int)
    /// The translation's English file is not beside it. `fileName`: the name looked for.
    case sourceMissing(fileName: String)
    /// The English file beside it has errors, so the translation cannot be checked.
    case sourceHasErrors(fileName: String)
    /// `from:` is not the first 8 hex digits of a hash, as written.
    case badHash(written: String)
    /// A text block without `from:`.
    case missingHash(path: String)
    /// `language:` differs from the language in the file name.
    case wrongLanguage(written: String, fileName: String)
    /// `translation:` differs from the English file's id.
    case wrongID(written: String, expected: String)
    /// A value that should be `{from: ..., text: ...}`.
    case notATextBlock(path: String, found: NodeShape)
    /// A value that should be a block of keys (or of ids).
    case notABlock(path: String, found: NodeShape)
    /// A value that should be a list of texts.
    case notAList(path: String, found: NodeShape)
    /// `from:`, `text:`, `translation:` or `language:` that is not a single text.
    case notText(key: String, found: NodeShape)
    /// A key the format does not have; `suggestion`: a close one it has.
    case unknownKey(String, path: String, suggestion: String?)
    /// A key of the English file that is not text (`next:`, `rating:`, `when:`, `refs:`):
    /// a translation never changes what a case does.
    case notTranslatable(String)
    /// `translation:` or `language:` missing.
    case missingKey(String)
}
