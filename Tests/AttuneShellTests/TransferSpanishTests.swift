import AttuneCatalog
import AttuneCore
import AttuneStore
import Foundation
import Testing
@testable import AttuneShell

/// Issue 24: sending (export xapi), translate and cache in Spanish through the real binary:
/// their help, their errors and the LRS's problems.
@Suite("Sending, translate and cache in Spanish")
struct TransferSpanishTests {
    @Test("'play PATH' with a file that is not there says why in Spanish")
    func playMissingFile() throws {
        let library = try ContentLibrary.load(knowledgeDirectory: packageRoot.appendingPathComponent("Knowledge").path,
                                              scenarioDirectory: nil)
        let output = CapturedOutput()
        let shell = Shell(library: library, output: output)
        shell.catalog = Spanish()
        shell.execute("play /no/existe/borrador-de-maría.yaml")
        let said = output.errors.replacingOccurrences(of: "\n", with: " ")
        #expect(said.contains("No se puede abrir /no/existe/borrador-de-maría.yaml: no existe ese archivo ni esa carpeta."),
                "\(said)")
        #expect(!said.contains("no such"))
    }

    @Test("'export xapi --help' speaks Spanish: what it does, each option and its value")
    func exportHelp() throws {
        let result = try runAttune(["export", "xapi", "--help", "--lang", "es"])
        #expect(result.status == 0)
        let help = result.stdout
        #expect(help.contains("Tu registro como declaraciones xAPI 1.0.3"), "\(help)")
        #expect(help.contains("--timeout <segundos>"), "\(help)")
        #expect(help.contains("--account <cuenta>"), "\(help)")
        #expect(help.contains("El nombre que te identifica en los registros"), "\(help)")
        #expect(help.contains("Incluye el texto de tus reflexiones"), "\(help)")
        #expect(!help.contains("Include the text of your reflections"))
        // English stays as it was.
        let english = try runAttune(["export", "xapi", "--help"]).stdout
        #expect(english.contains("--timeout <seconds>") && english.contains("Include the text of your reflections"), "\(english)")
    }

    @Test("'translate' and 'cache' help speak Spanish, by --lang and by the locale")
    func translateAndCacheHelp() throws {
        let extract = try runAttune(["translate", "extract", "--help"], environment: ["LANG": "es_US.UTF-8"]).stdout
        #expect(extract.contains("Escribe el archivo de traducción para llenar"), "\(extract)")
        #expect(extract.contains("--output <archivo>"), "\(extract)")
        // The options every command takes name their values in Spanish too; English keeps its own.
        #expect(extract.contains("--knowledge <carpeta>") && extract.contains("--lang <idioma>"), "\(extract)")
        let english = try runAttune(["translate", "extract", "--help"]).stdout
        #expect(english.contains("--knowledge <dir>") && english.contains("--lang <lang>"), "\(english)")
        let status = try runAttune(["translate", "status", "--help", "--lang", "es"]).stdout
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(status.contains("cuántos textos están traducidos"), "\(status)")
        #expect(status.contains("<rutas>"), "\(status)")
        let cache = try runAttune(["cache", "--help", "--lang", "es"]).stdout
        #expect(cache.contains("Dice dónde se guarda el contenido compilado"), "\(cache)")
        #expect(cache.contains("Borra el contenido compilado"), "\(cache)")
    }

    @Test("'translate extract' and 'translate status' say what cannot be opened in Spanish")
    func translateCannotOpen() throws {
        let extract = try runAttune(["translate", "extract", "/no/existe/caso.yaml", "--lang", "es"])
        #expect(extract.status == 2)
        #expect(extract.stderr == "error: no se puede abrir /no/existe/caso.yaml: no existe ese archivo.\n", "\(extract.stderr)")
        let status = try runAttune(["translate", "status", "/no/existe", "--lang", "es"])
        #expect(status.status == 2)
        #expect(status.stderr.contains("/no/existe") && status.stderr.contains("no existe"), "\(status.stderr)")
        #expect(!status.stderr.contains("cannot open") && !status.stderr.contains("no such"), "\(status.stderr)")
    }

    @Test("an LRS address that cannot be used is explained in Spanish, with nothing sent")
    func badAddress() throws {
        let result = try runAttune(["export", "xapi", "--account", "ana", "--lrs", "https://lrs.example.org/xAPI/?tenant=1",
                                    "--user", "ana", "--lang", "es"], environment: ["ATTUNE_LRS_PASSWORD": "secreto"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("La dirección del LRS 'https://lrs.example.org/xAPI/?tenant=1' tiene una parte después de '?'"),
                "\(result.stderr)")
        let remote = try runAttune(["export", "xapi", "--account", "ana", "--lrs", "http://lrs.example.org/xAPI/",
                                    "--user", "ana", "--lang", "es"], environment: ["ATTUNE_LRS_PASSWORD": "secreto"])
        #expect(remote.status == 1)
        #expect(remote.stderr.contains("no está cifrada") && remote.stderr.contains("No se envió nada."), "\(remote.stderr)")
    }
}
