import AttuneCatalog
import Testing

@Suite("Choosing the language")
struct LanguageTests {
    @Test("--lang wins over every variable")
    func optionFirst() {
        let environment = ["ATTUNE_LANG": "en", "LC_ALL": "en_US.UTF-8", "LANG": "en_US.UTF-8"]
        #expect(Language.resolve(option: "es", environment: environment) == .spanish)
        #expect(Language.resolve(option: "en", environment: ["LANG": "es_US.UTF-8"]) == .english)
    }

    @Test("a --lang Attune does not speak is refused, not quietly English")
    func unknownOption() {
        #expect(Language.resolve(option: "fr", environment: [:]) == nil)
        #expect(Language.resolve(option: "", environment: ["LANG": "es_US.UTF-8"]) == nil)
    }

    @Test("ATTUNE_LANG comes before the locale")
    func attuneLang() {
        #expect(Language.resolve(option: nil, environment: ["ATTUNE_LANG": "es", "LC_ALL": "en_US.UTF-8"]) == .spanish)
        #expect(Language.resolve(option: nil, environment: ["ATTUNE_LANG": "en", "LANG": "es_MX.UTF-8"]) == .english)
        // Empty or unknown: the locale decides.
        #expect(Language.resolve(option: nil, environment: ["ATTUNE_LANG": "", "LANG": "es_US.UTF-8"]) == .spanish)
        #expect(Language.resolve(option: nil, environment: ["ATTUNE_LANG": "fr", "LANG": "es_US.UTF-8"]) == .spanish)
    }

    @Test("LC_ALL, then LC_MESSAGES, then LANG: the first set and not empty decides")
    func posixPrecedence() {
        #expect(Language.resolve(option: nil, environment: ["LC_ALL": "es_US.UTF-8", "LC_MESSAGES": "en_US", "LANG": "en_US"]) == .spanish)
        #expect(Language.resolve(option: nil, environment: ["LC_ALL": "C", "LANG": "es_US.UTF-8"]) == .english)
        #expect(Language.resolve(option: nil, environment: ["LC_ALL": "", "LC_MESSAGES": "es_MX", "LANG": "en_US"]) == .spanish)
        #expect(Language.resolve(option: nil, environment: ["LC_MESSAGES": "en_US.UTF-8", "LANG": "es_US.UTF-8"]) == .english)
        #expect(Language.resolve(option: nil, environment: ["LANG": "es"]) == .spanish)
    }

    @Test("Spanish locales in any region and spelling are Spanish; C, POSIX, unset and others are English", arguments: [
        ("es_US.UTF-8", Language.spanish), ("es", .spanish), ("es_MX", .spanish), ("es-PR", .spanish), ("ES_us", .spanish),
        ("es_ES@euro", .spanish), ("en_US.UTF-8", .english), ("C", .english), ("C.UTF-8", .english), ("POSIX", .english),
        ("fr_FR.UTF-8", .english), ("pt_BR", .english), ("espanol", .english),
    ])
    func locales(value: String, expected: Language) {
        #expect(Language.resolve(option: nil, environment: ["LANG": value]) == expected)
    }

    @Test("nothing set is English")
    func unset() {
        #expect(Language.resolve(option: nil, environment: [:]) == .english)
    }
}
