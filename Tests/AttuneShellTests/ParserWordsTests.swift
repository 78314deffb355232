@testable import AttuneShell
import AttuneCatalog
import Foundation
import Testing

/// The command line parser's own words (swift-argument-parser writes them in English) in the
/// chosen language: help headings, the --help/--version lines, and its usage errors.
@Suite("The parser's words in the chosen language")
struct ParserWordsTests {
    /// Each usage error the parser writes, as it writes it.
    static let parserErrors = [
        "Missing expected argument '--account <account>'",
        "Missing one of: '--a', '--b'",
        "Missing value for '--lrs <url>'",
        "Unknown option '--wat'. Did you mean '--lang'?",
        "Unknown option '--wat'",
        "Unexpected argument 'extra'",
        "2 unexpected arguments: 'a', 'b'",
        "The value 'purple' is invalid for '--color <color>'. Please provide one of 'auto', 'always' or 'never'.",
        "The value 'purple' is invalid for '--format <format>'. Please provide one of 'text' and 'json'.",
        "The value 'x' is invalid for '--port <port>'",
        "The option '--group' does not take any value, but 'yes' was specified.",
    ]

    @Test("every usage error the parser writes is read as a typed message, and English writes it back byte for byte")
    func roundTrip() throws {
        for body in Self.parserErrors {
            let message = try #require(ParserWords.error(body), "\(body)")
            #expect(English().parser(message) == body)
        }
        #expect(ParserWords.error("Give the learners' exported files") == nil)
    }

    @Test("in Spanish, the errors, headings and fixed lines hold no English word; in English nothing changes")
    func spanish() {
        let help = """
            OVERVIEW: Exporta tu registro de aprendizaje.

            USAGE: attune export <subcommand> [<options>]

            OPTIONS:
              --color <color>         Cuándo usar color. (values: a, b, c; default:
                                      a)
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              xapi                    Tu registro.

              See 'attune help export <subcommand>' for detailed help.
            """
        let errors = Self.parserErrors.map { "Error: \($0)\nHelp:  --color <color>  Cuándo usar color.\nUsage: attune lint\n"
            + "  See 'attune lint --help' for more information." }
        for text in [help] + errors {
            #expect(ParserWords.localized(text, English()) == text)
            let spanish = ParserWords.localized(text, Spanish())
            #expect(SpanishTranscript.english(in: spanish).isEmpty, "\(spanish)")
            #expect(!SpanishTranscript.english(in: text).isEmpty || text.contains("Error: Missing one of"), "\(text)")
        }
        let spanish = ParserWords.localized(help, Spanish())
        #expect(spanish.contains("DESCRIPCIÓN: Exporta") && spanish.contains("USO: attune export <subcomando> [<opciones>]"))
        #expect(spanish.contains("(valores: a, b, c; si no se indica:\n"))
        #expect(spanish.contains("Muestra esta ayuda.") && spanish.contains("Para la ayuda de cada uno: 'attune help export <subcomando>'."))
        // What the user typed stays as typed.
        #expect(ParserWords.localized("Error: The value 'ñandú 🐣' is invalid for '--color <color>'", Spanish())
            == "Error: El valor 'ñandú 🐣' no sirve para '--color <color>'")
    }

    @Test("through the real binary: a wrong value, an unknown option and a subcommand's help, in Spanish and in English")
    func endToEnd() throws {
        let wrong = try runAttune(["--lang", "es", "lint", "--color", "púrpura"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("Error: El valor 'púrpura' no sirve para '--color <color>'. Usa uno de estos: 'auto', 'always' o 'never'."),
                "\(wrong.stderr)")
        #expect(wrong.stderr.contains("Para saber más: 'attune --help'."))
        let unknown = try runAttune(["lint", "--wat"], environment: ["LANG": "es_US.UTF-8"])
        #expect(unknown.status == 2 && unknown.stderr.contains("No existe la opción '--wat'"), "\(unknown.stderr)")
        let help = try runAttune(["--lang", "es", "export", "--help"])
        #expect(help.status == 0 && help.stdout.contains("OPCIONES:") && help.stdout.contains("Muestra esta ayuda."), "\(help.stdout)")
        let english = try runAttune(["--lang", "en", "lint", "--color", "purple"])
        #expect(english.stderr.contains("Error: The value 'purple' is invalid for '--color <color>'. Please provide one of 'auto', 'always' or 'never'."))
        #expect(english.stderr.contains("See 'attune --help' for more information."))
    }
}
