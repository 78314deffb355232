import AttuneCore
import Foundation
import Testing

/// A folder holding a copy of the example case (`visit.yaml`) and the example knowledge.
private func caseFolder() throws -> (folder: URL, knowledge: URL) {
    let root = try temporaryDirectory()
    let scenarios = root.appendingPathComponent("Scenarios"), knowledge = root.appendingPathComponent("Knowledge")
    try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: knowledge, withIntermediateDirectories: true)
    try exampleScenarioText.write(to: scenarios.appendingPathComponent("visit.yaml"), atomically: true, encoding: .utf8)
    try exampleKnowledgeText.write(to: knowledge.appendingPathComponent("tenets.yaml"), atomically: true, encoding: .utf8)
    return (scenarios, knowledge)
}

@Suite("attune translate extract, end to end")
struct TranslateExtractEndToEndTests {
    @Test("extract writes the skeleton beside the case, and lint reads it as a translation")
    func writesSkeleton() throws {
        let (folder, knowledge) = try caseFolder()
        let file = folder.appendingPathComponent("visit.yaml").path
        let run = try runAttune(["translate", "extract", file, "--lang", "es", "--knowledge", knowledge.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Se escribió \(folder.path)/visit.es.yaml: 11 textos."))
        #expect(run.stdout.contains("attune lint \(folder.path)/visit.es.yaml"))
        let written = try String(contentsOf: folder.appendingPathComponent("visit.es.yaml"), encoding: .utf8)
        #expect(written.hasPrefix("# Traducción al español de visit.yaml"))
        #expect(written.contains("title:\n  from: \(TranslationHash.of("A visit"))\n  # A visit\n  text: \"\"\n"))
        // One case still, and lint finds nothing wrong (untranslated texts are notes).
        let lint = try runAttune(["lint", "--knowledge", knowledge.path, folder.path])
        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(lint.stdout.contains("note: 'title' is not translated yet; the English is shown [translation-untranslated]"))
        let cases = try runAttune(["cases", "--scenarios", folder.path, "--knowledge", knowledge.path])
        #expect(cases.stdout.components(separatedBy: "not started").count == 2, "\(cases.stdout)")
        #expect(cases.stderr.isEmpty)
    }

    @Test("an existing translation is never overwritten without --force; --force keeps its texts; --output writes elsewhere")
    func refusesExisting() throws {
        let (folder, knowledge) = try caseFolder()
        let file = folder.appendingPathComponent("visit.yaml").path
        let translation = folder.appendingPathComponent("visit.es.yaml")
        try exampleTranslationText.replacingOccurrences(of: "text: \"Plano.\"", with: "text: \"\"")
            .write(to: translation, atomically: true, encoding: .utf8)
        let refused = try runAttune(["translate", "extract", file, "--lang", "es", "--knowledge", knowledge.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(translation.path) ya existe. Agrega --force"))
        #expect(try String(contentsOf: translation, encoding: .utf8).hasPrefix("translation: visit"))

        let other = folder.appendingPathComponent("copy.txt").path
        let elsewhere = try runAttune(["translate", "extract", file, "--lang", "es", "--output", other, "--knowledge", knowledge.path])
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
        #expect(try String(contentsOfFile: other, encoding: .utf8).contains("text: \"Una visita\""))

        // --lang chooses the translation's language and the words Attune speaks alike.
        let forced = try runAttune(["translate", "extract", file, "--force", "--knowledge", knowledge.path],
                                   environment: ["LANG": "es_US.UTF-8"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("11 textos (10 traducidos)"))
        let rewritten = try String(contentsOf: translation, encoding: .utf8)
        #expect(rewritten.hasPrefix("# Traducción al español de visit.yaml"))
        #expect(rewritten.contains("text: \"Una visita\"") && rewritten.contains("# Flat.\n      text: \"\""))
    }

    @Test("extract says what is wrong: no language, a translation named, a missing or broken file")
    func errors() throws {
        let (folder, knowledge) = try caseFolder()
        let file = folder.appendingPathComponent("visit.yaml").path
        let english = try runAttune(["translate", "extract", file, "--knowledge", knowledge.path])
        #expect(english.status == 2)
        #expect(english.stderr.contains("Say which language to translate into with --lang"))

        let named = try runAttune(["translate", "extract", folder.appendingPathComponent("visit.es.yaml").path, "--lang", "es"])
        #expect(named.status == 2)
        #expect(named.stderr.contains("visit.es.yaml ya es una traducción; nombra su archivo en inglés, \(file)."))

        let missing = try runAttune(["translate", "extract", folder.appendingPathComponent("nope.yaml").path, "--lang", "es"])
        #expect(missing.status == 2 && missing.stderr.contains("nope.yaml: no existe ese archivo."))

        try exampleScenarioText.replacingOccurrences(of: "next: flat", with: "next: flta")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let broken = try runAttune(["translate", "extract", file, "--lang", "es", "--knowledge", knowledge.path])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("visit.yaml:") && broken.stderr.contains("[unknown-node]"))
        #expect(broken.stderr.contains("tiene los errores de arriba; corrígelos primero"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("visit.es.yaml").path))
    }

    @Test("test on a translation runs its English case's tests, once, however the files were named")
    func testOnATranslation() throws {
        let (folder, knowledge) = try caseFolder()
        try exampleTranslationText.write(to: folder.appendingPathComponent("visit.es.yaml"), atomically: true, encoding: .utf8)
        let english = try runAttune(["test", folder.appendingPathComponent("visit.yaml").path, "--knowledge", knowledge.path])
        let translation = try runAttune(["test", folder.appendingPathComponent("visit.es.yaml").path, "--knowledge", knowledge.path])
        let both = try runAttune(["test", folder.appendingPathComponent("visit.yaml").path,
                                  folder.appendingPathComponent("visit.es.yaml").path, "--knowledge", knowledge.path])
        #expect(english.status == 0 && translation.status == 0 && both.status == 0, "\(translation.stdout)\(translation.stderr)")
        #expect(!translation.stdout.contains("error") && !translation.stderr.contains("unknown key"), "\(translation.stdout)")
        #expect(translation.stdout == english.stdout && both.stdout == english.stdout)
    }

    @Test("translate is in the command table: --help, help authors")
    func registered() throws {
        let help = try runAttune(["translate", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("extract") && help.stdout.contains("status"))
        let extractHelp = try runAttune(["translate", "extract", "--help"])
        #expect(extractHelp.stdout.contains("--force") && extractHelp.stdout.contains("--output"))
    }
}

@Suite("Playing in Spanish, end to end")
struct SpanishPlayEndToEndTests {
    @Test("a translated case plays in Spanish; one without a translation says, in Spanish, that it is shown in English")
    func playsTranslated() throws {
        let (folder, knowledge) = try caseFolder()
        let arguments = ["--lang", "es", "--scenarios", folder.path, "--knowledge", knowledge.path]
        let untranslated = try runAttune(arguments, input: "cases\nplay visit\nstop\n")
        #expect(untranslated.stdout.contains("Este caso aún no está traducido; se muestra en inglés."), "\(untranslated.stdout)")
        #expect(untranslated.stdout.contains("You arrive."))
        // The list marks it before it is opened, and the note comes before any English but the title.
        #expect(untranslated.stdout.contains("visit  sin empezar · en inglés"), "\(untranslated.stdout)")
        let note = untranslated.stdout.range(of: "aún no está traducido")
        let openingSummary = untranslated.stdout.range(of: "A short case", options: .backwards)
        #expect(note != nil && openingSummary != nil && note!.lowerBound < openingSummary!.lowerBound)

        try exampleTranslationText.write(to: folder.appendingPathComponent("visit.es.yaml"), atomically: true, encoding: .utf8)
        let translated = try runAttune(arguments, input: "cases\nplay visit\n1\nstop\nsearch visita\n")
        #expect(translated.stdout.contains("Una visita") && translated.stdout.contains("Llegas."))
        #expect(translated.stdout.contains("Saludas al bebé.") && translated.stdout.contains("Los bebés se dan cuenta."))
        #expect(!translated.stdout.contains("aún no está traducido"))
        #expect(!translated.stdout.contains("en inglés"))
        #expect(translated.stdout.contains("visit"))
        #expect(translated.stderr.isEmpty, "\(translated.stderr)")

        let english = try runAttune(["--scenarios", folder.path, "--knowledge", knowledge.path], input: "play visit\nstop\n")
        #expect(english.stdout.contains("You arrive.") && !english.stdout.contains("Llegas."))
        #expect(!english.stdout.contains("traducido") && !english.stdout.contains("not translated"))
    }

    @Test("search in Spanish matches with or without accents and across word forms")
    func searchesSpanish() throws {
        let (folder, knowledge) = try caseFolder()
        try """
            translation: tenets
            language: es
            entries:
              tenet.1:
                title: {from: \(TranslationHash.of("Nurturing relationships")), text: "Relaciones que nutren"}
                summary: {from: \(TranslationHash.of("Babies grow in relationships.")), text: "Los bebés crecen con sus madres; la depresión pesa."}
            """.write(to: knowledge.appendingPathComponent("tenets.es.yaml"), atomically: true, encoding: .utf8)
        for query in ["depresion", "depresión", "madre", "bebes"] {
            let run = try runAttune(["--lang", "es", "--scenarios", folder.path, "--knowledge", knowledge.path, "search", query])
            #expect(run.stdout.contains("tenet.1") && run.stdout.contains("Relaciones que nutren"), "\(query): \(run.stdout)")
        }
    }
}

/// The line (from 1) of the first line of `text` holding `fragment`.
private func line(of fragment: String, in text: String) -> Int {
    (text.components(separatedBy: "\n").firstIndex { $0.contains(fragment) } ?? -1) + 1
}

@Suite("attune lint on translations, end to end")
struct TranslationLintEndToEndTests {
    @Test("editing an English text that has a translation makes lint report the stale translation at its line")
    func staleAtItsLine() throws {
        let (folder, knowledge) = try caseFolder()
        let translation = folder.appendingPathComponent("visit.es.yaml")
        try exampleTranslationText.write(to: translation, atomically: true, encoding: .utf8)
        let clean = try runAttune(["lint", "--knowledge", knowledge.path, folder.path])
        #expect(clean.status == 0 && !clean.stdout.contains("visit.es.yaml:"), "\(clean.stdout)")

        let english = folder.appendingPathComponent("visit.yaml")
        try exampleScenarioText.replacingOccurrences(of: "text: Greet the baby.", with: "text: Greet the baby by name.")
            .write(to: english, atomically: true, encoding: .utf8)
        let stale = try runAttune(["lint", "--knowledge", knowledge.path, folder.path])
        #expect(stale.status == 1)
        let hash = TranslationHash.of("Greet the baby.")
        let at = line(of: "from: \(hash)", in: exampleTranslationText)
        let column = exampleTranslationText.components(separatedBy: "\n")[at - 1].components(separatedBy: "from: ")[0].count + 7
        #expect(stale.stdout.contains("\(translation.path):\(at):\(column): warning: the English of 'nodes.arrival.choices.greet.text' "
            + "has changed since this was translated, so the English is shown; check the translation against the English, "
            + "then set 'from: \(TranslationHash.of("Greet the baby by name."))' [translation-stale]"), "\(stale.stdout)")
        // The same in Spanish, and as JSON for editors.
        let spanish = try runAttune(["lint", "--lang", "es", "--knowledge", knowledge.path, folder.path])
        #expect(spanish.stdout.contains("\(translation.path):\(at):\(column): advertencia: el inglés de "
            + "'nodes.arrival.choices.greet.text' cambió después de traducirlo"), "\(spanish.stdout)")
        let json = try runAttune(["lint", "--format", "json", "--knowledge", knowledge.path, folder.path])
        #expect(json.stdout.contains("\"rule\" : \"translation-stale\"") || json.stdout.contains("\"rule\":\"translation-stale\""))
        // Linting the translation alone finds its English beside it.
        let alone = try runAttune(["lint", "--knowledge", knowledge.path, translation.path])
        #expect(alone.stdout.contains(":\(at):\(column): warning:") && alone.stdout.contains("[translation-stale]"), "\(alone.stdout)")
    }

    @Test("an id the English no longer has, an untranslated text, a missing English file, a broken translation")
    func findings() throws {
        let (folder, knowledge) = try caseFolder()
        let translation = folder.appendingPathComponent("visit.es.yaml")
        let text = exampleTranslationText.replacingOccurrences(of: "  flat:\n", with: "  flta:\n")
            .replacingOccurrences(of: "text: \"Una visita\"", with: "text: \"\"")
        try text.write(to: translation, atomically: true, encoding: .utf8)
        let run = try runAttune(["lint", "--knowledge", knowledge.path, folder.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(translation.path):\(line(of: "  flta:", in: text)):3: error: the English file has no node "
            + "'flta', so this translation of it is never shown (did you mean 'flat'?) [translation-unknown-id]"), "\(run.stdout)")
        #expect(run.stdout.contains("\(translation.path):3:"))
        #expect(run.stdout.contains("note: 'title' is not translated yet; the English is shown [translation-untranslated]"))
        #expect(run.stdout.contains("note: 'nodes.flat.text' is not translated yet; the English is shown [translation-untranslated]"))

        // A translation whose English file was renamed.
        try FileManager.default.moveItem(at: translation, to: folder.appendingPathComponent("visita.es.yaml"))
        let orphan = try runAttune(["lint", "--knowledge", knowledge.path, folder.path])
        #expect(orphan.status == 1)
        #expect(orphan.stdout.contains("visita.es.yaml:1:1: error: this file translates 'visita.yaml', which is not in this folder"))
        // Lint lists it; the cases do not take it for a case.
        let cases = try runAttune(["cases", "--scenarios", folder.path, "--knowledge", knowledge.path])
        #expect(cases.stderr.isEmpty && cases.stdout.components(separatedBy: "not started").count == 2)

        // A translation that is not YAML.
        try "translation: visit\nlanguage: es\ntitle: {from: f042d64c, text: \"Una\n".write(to: translation, atomically: true, encoding: .utf8)
        let broken = try runAttune(["lint", "--knowledge", knowledge.path, folder.path])
        #expect(broken.status == 1 && broken.stdout.contains("visit.es.yaml:3:") && broken.stdout.contains("[yaml-syntax]"), "\(broken.stdout)")
    }

    @Test("lint --rules lists the translation rules")
    func rules() throws {
        let run = try runAttune(["lint", "--rules"])
        for rule in ["translation-format", "translation-source", "translation-unknown-id", "translation-stale", "translation-untranslated"] {
            #expect(run.stdout.contains(rule))
        }
    }
}

@Suite("attune translate status, end to end")
struct TranslateStatusEndToEndTests {
    @Test("per file: translated, stale and untranslated counts and percent; exit 0")
    func counts() throws {
        let (folder, knowledge) = try caseFolder()
        let none = try runAttune(["translate", "status", folder.path, knowledge.path])
        #expect(none.status == 0)
        #expect(none.stdout.contains("visit.yaml (Spanish): no translation yet, 11 texts to translate"), "\(none.stdout)")
        #expect(none.stdout.contains("tenets.yaml (Spanish): no translation yet"))

        let stale = exampleTranslationText.replacingOccurrences(of: "from: \(TranslationHash.of("Flat."))", with: "from: 0badf00d")
            .replacingOccurrences(of: "text: \"Una visita\"", with: "text: \"\"")
        try stale.write(to: folder.appendingPathComponent("visit.es.yaml"), atomically: true, encoding: .utf8)
        let some = try runAttune(["translate", "status", "--lang", "es", folder.path])
        #expect(some.status == 0)
        #expect(some.stdout.contains("visit.es.yaml (español): 9 traducidos, 1 desactualizado, 1 sin traducir, 81% hecho"), "\(some.stdout)")
        #expect(some.stdout.contains("En total, 1 archivo: 9 traducidos, 1 desactualizado, 1 sin traducir, 81% hecho"))

        try exampleTranslationText.write(to: folder.appendingPathComponent("visit.es.yaml"), atomically: true, encoding: .utf8)
        let done = try runAttune(["translate", "status", folder.path])
        #expect(done.stdout.contains("visit.es.yaml (Spanish): 11 translated, 0 stale, 0 untranslated, 100% done"))
        #expect(!done.stdout.contains("Stale and untranslated texts are shown in English"))

        // With no folders, the knowledge and scenarios folders in use.
        let defaults = try runAttune(["translate", "status", "--scenarios", folder.path, "--knowledge", knowledge.path])
        #expect(defaults.status == 0 && defaults.stdout.contains("visit.es.yaml") && defaults.stdout.contains("tenets.yaml"))
        let missing = try runAttune(["translate", "status", "/nonexistent/folder"])
        #expect(missing.status == 2 && missing.stderr.contains("cannot open /nonexistent/folder"))
    }
}
