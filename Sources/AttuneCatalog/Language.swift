import AttuneCore

/// A language Attune speaks.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case english = "en"
    case spanish = "es"

    /// Its catalog.
    public var catalog: any MessageCatalog {
        switch self {
        case .english: English()
        case .spanish: Spanish()
        }
    }

    /// `es`, `es_US.UTF-8`, `es-MX`, `ES` → Spanish; `en`, `en_US` → English; anything
    /// else (`C`, `POSIX`, `fr_FR`, empty) → nil.
    public init?(tag: String) {
        let code = tag.prefix { $0.isLetter }.lowercased()
        switch code {
        case "es": self = .spanish
        case "en": self = .english
        default: return nil
        }
    }

    /// The language to speak: `--lang` when given, else `ATTUNE_LANG`, else the POSIX
    /// locale variables in their order of precedence (`LC_ALL`, then `LC_MESSAGES`, then
    /// `LANG`; the first one set and not empty decides, as for any program). English
    /// when none names a language Attune speaks. A `--lang` Attune does not speak is an
    /// error for the caller to report (`nil`), not a silent fallback.
    public static func resolve(option: String?, environment: [String: String]) -> Language? {
        if let option { return Language(tag: option) }
        if let chosen = environment["ATTUNE_LANG"], !chosen.isEmpty, let language = Language(tag: chosen) {
            return language
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return Language(tag: value) ?? .english
        }
        return .english
    }
}
