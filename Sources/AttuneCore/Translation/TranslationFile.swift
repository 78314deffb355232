import Crypto

/// A translation's place and language, from its file name: `maya-quiet-visit.es.yaml`
/// translates `maya-quiet-visit.yaml` into `es`. Any two lowercase letters before `.yaml`
/// (an ISO 639-1 code) make a file a translation, so a loader that lists a folder's cases
/// or topics never takes one for a case of its own, whatever the languages Attune speaks.
public struct TranslationName: Sendable, Hashable {
    /// The English file's name beside it: `maya-quiet-visit.yaml`.
    public var sourceName: String
    /// `es`.
    public var language: String

    /// Nil when `fileName` (a name, not a path) is not a translation's.
    public init?(fileName: String) {
        let extensions = [".yaml", ".yml"]
        guard let ext = extensions.first(where: { fileName.hasSuffix($0) }) else { return nil }
        let stem = fileName.dropLast(ext.count)
        guard let dot = stem.lastIndex(of: "."), stem.distance(from: dot, to: stem.endIndex) == 3 else { return nil }
        let code = stem[stem.index(after: dot)...]
        let base = stem[..<dot]
        guard !base.isEmpty, !base.hasPrefix("."), code.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else { return nil }
        sourceName = base + ext
        language = String(code)
    }

    /// Whether the file at `path` is a translation.
    public static func isTranslation(_ path: String) -> Bool {
        TranslationName(fileName: fileName(path)) != nil
    }

    /// The translation's path for a source file and a language: `Scenarios/x.yaml`, `es`
    /// → `Scenarios/x.es.yaml`.
    public static func path(of source: String, language: String) -> String {
        for ext in [".yaml", ".yml"] where source.hasSuffix(ext) {
            return String(source.dropLast(ext.count)) + "." + language + ext
        }
        return source + "." + language + ".yaml"
    }

    /// The source file's path for a translation's path.
    public static func sourcePath(of translation: String) -> String? {
        guard let name = TranslationName(fileName: fileName(translation)) else { return nil }
        return folder(translation) + name.sourceName
    }

    public static func fileName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }

    /// The folder part of a path, with its trailing `/` (empty for a bare name).
    static func folder(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }
}

/// `from:`: the first 8 hex digits of the SHA-256 of a text's UTF-8 bytes, exactly as the
/// loader yields the English (after YAML folding), so a translation knows which English
/// it was made from.
public enum TranslationHash {
    public static func of(_ text: String) -> String {
        let digest = SHA256.hash(data: Array(text.utf8))
        return digest.prefix(4).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// Whether `written` has the form of a hash: 8 hex digits (case ignored).
    public static func isWellFormed(_ written: String) -> Bool {
        written.utf8.count == 8 && written.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit }
    }
}

/// Where a text sits in its English file: the keys from the top, with a list's items as
/// their 0-based positions (`["nodes", "fifth-visit", "choices", "greet-both", "feedback"]`,
/// `["content-warnings", "#1"]`).
public typealias TextPath = [String]

extension Array where Element == String {
    /// As a message names it: `nodes.fifth-visit.text`, list items numbered from 1.
    public var shownPath: String {
        map { segment in
            segment.hasPrefix("#") ? String((Int(segment.dropFirst()) ?? 0) + 1) : segment
        }.joined(separator: ".")
    }
}

/// One translated text: the hash of the English it was made from, the translation, and
/// where it is written (the `from:` value, where a stale finding points).
public struct TranslatedText: Sendable, Hashable, Codable {
    public var from: String
    public var text: String
    public var location: SourceLocation
    /// Where `text:` is written (the block's place when it is not).
    public var textLocation: SourceLocation

    public init(from: String, text: String, location: SourceLocation, textLocation: SourceLocation? = nil) {
        self.from = from
        self.text = text
        self.location = location
        self.textLocation = textLocation ?? location
    }

    /// Nothing written yet (`text: ""`).
    public var isEmpty: Bool { text.allSatisfy(\.isWhitespace) }
}

/// A translation file as read: its texts by path, and where each block was written.
public struct TranslationFile: Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        case scenario, knowledge
    }

    public var path: String
    public var kind: Kind
    /// The language in the file name (`es`).
    public var language: String
    /// `translation:` as written.
    public var declaredID: Located<String>?
    /// `language:` as written.
    public var declaredLanguage: Located<String>?
    /// Single texts by path (well-formed ones only).
    public var texts: [TextPath: TranslatedText]
    /// Lists of texts by path, in the order written.
    public var lists: [TextPath: [TranslatedText]]
    /// Every block written (a node, a choice, `perspectives`, an entry, a list), by path,
    /// with where its key is: for a text the English does not have, and for the parent
    /// line a missing text is reported at.
    public var blocks: [TextPath: SourceLocation]
    /// The node, choice and entry ids written, by path, with their kind and place.
    public var ids: [TextPath: Located<IdentifierKind>]
    /// Where the file starts.
    public var root: SourceLocation

    public init(path: String, kind: Kind, language: String) {
        self.path = path
        self.kind = kind
        self.language = language
        texts = [:]
        lists = [:]
        blocks = [:]
        ids = [:]
        root = SourceLocation(file: path, line: 1, column: 1)
    }

    /// The nearest written block holding `path` (or the file's start): where a finding
    /// about a missing text goes.
    public func nearestBlock(to path: TextPath) -> SourceLocation {
        var prefix = path
        while !prefix.isEmpty {
            prefix.removeLast()
            if let location = blocks[prefix] { return location }
        }
        return declaredID?.location ?? root
    }
}
