import AttuneCore
import Foundation
import Testing

/// Issue 24: the author tools in the shell (`vars`, `set`, `goto`, `reload`) speak the
/// session's language; ids and what the author typed stay as written.
@Suite("Author tools in Spanish")
struct AuthorToolsSpanishTests {
    @Test("vars, set, goto and reload in Spanish, with a misspelt counter and node")
    func authorToolsInSpanish() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = folder.appendingPathComponent("casos")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        try exampleScenarioText.write(to: cases.appendingPathComponent("visit.yaml"), atomically: true, encoding: .utf8)
        let input = "play visit\nvars\nset trus 2\nset trust dos\ngoto arival\ngoto\nreload\nquit\n"
        let result = try runAttune(["--scenarios", cases.path, "--lang", "es"], input: input)
        let all = result.stdout + result.stderr
        #expect(all.contains("Variables\n  trust = 0  (empieza en 0)"), "\(all)")
        #expect(all.contains("Elecciones hasta ahora\n  (ninguna)"), "\(all)")
        // The shell wraps its lines; a sentence is read across them.
        let flat = all.replacingOccurrences(of: "\n", with: " ")
        #expect(flat.contains("El caso no tiene la variable 'trus'. ¿Quisiste decir 'trust'? Sus variables: trust."), "\(all)")
        #expect(all.contains("Usa 'set VARIABLE N' con un número entero, por ejemplo: set trust 2"), "\(all)")
        #expect(all.contains("El caso no tiene el nodo 'arival'. ¿Quisiste decir 'arrival'?"), "\(all)")
        #expect(all.contains("'goto' necesita el id de un nodo, por ejemplo: goto flat"), "\(all)")
        #expect(all.contains("Se volvió a cargar:"), "\(all)")
        #expect(all.contains("1 caso."), "\(all)")
        #expect(!all.contains("Did you mean") && !all.contains("Counters") && !all.contains("Reloaded"), "\(all)")
    }

    @Test("lint and test say in Spanish why they could not run: a path that names nothing, a word that is no case")
    func checksCannotRun() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try runAttune(["test", "no-existe/visita.yaml", "--lang", "es"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: no se puede abrir no-existe/visita.yaml: no existe ese archivo ni esa carpeta.\n",
                "\(missing.stderr)")
        let unknown = try runAttune(["lint", "mya-quiet-visit", "--lang", "es"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("'mya-quiet-visit' no es un archivo ni el id de un caso en "), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("¿Quisiste decir 'maya-quiet-visit'?"), "\(unknown.stderr)")
        let inShell = try runAttune(["--lang", "es"], input: "lint mya-quiet-visit\nquit\n")
        #expect(inShell.stderr.contains("'mya-quiet-visit' no es un archivo ni el id de un caso"), "\(inShell.stderr)")
    }
}
