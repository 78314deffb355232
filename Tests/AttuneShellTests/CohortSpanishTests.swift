import Foundation
import Testing

/// Three learners of the cohort play Maya's visit and hand in their exported files; a fourth
/// exported without the cohort. Cleo's reflection is in Spanish, with an accent and an emoji.
private let players: [(name: String, input: String, cohort: Bool)] = [
    ("ana", "play maya-quiet-visit\n1\n4\nstop\n", true),
    ("ben", "play maya-quiet-visit\n3\n2\nstop\n", true),
    ("cleo", "play maya-quiet-visit\n3\n3\nreflect Me preocupó lo quieta que estaba Maya 😟\nstop\n", true),
    ("dev", "play maya-quiet-visit\n3\n2\nstop\n", false),
]

private let browserPython = packageRoot.appendingPathComponent(".build/browser-venv/bin/python").path

/// Each learner's exported file, named NAME.jsonl in `directory`, with every statement's time
/// set to a fixed day (a minute apart, in the file's order), so a report from them reads the
/// same on any day.
private func handedIn(in directory: URL) throws -> [String] {
    var names: [String] = []
    for player in players {
        let data = directory.appendingPathComponent("data-\(player.name)").path
        let played = try runAttune(["--data-dir", data], input: player.input)
        #expect(played.status == 0, "\(played.stderr)")
        let file = directory.appendingPathComponent("\(player.name).jsonl")
        let exported = try runAttune(["export", "xapi", file.path, "--account", player.name, "--data-dir", data, "--include-reflections"]
                                     + (player.cohort ? ["--cohort", "spring-2027"] : []))
        #expect(exported.status == 0, "\(exported.stderr)")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").enumerated().map { index, line in
            line.replacingOccurrences(of: "\"timestamp\":\"[^\"]*\"", with: String(format: "\"timestamp\":\"2027-03-02T09:%02d:00Z\"", index),
                                      options: .regularExpression)
        }
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        names.append(file.lastPathComponent)
    }
    return names
}

@Suite("Cohort report in Spanish", .serialized)
struct CohortSpanishTests {
    static let golden = packageRoot.appendingPathComponent("Tests/Golden/cohort.es.txt")

    /// The command, what it said, and the report it wrote, as one transcript.
    private func transcript(_ arguments: [String], report: String, environment: [String: String] = [:], in directory: URL) throws -> String {
        let result = try runAttune(arguments, environment: environment, in: directory)
        let written = (try? String(contentsOf: directory.appendingPathComponent(report), encoding: .utf8)) ?? "(not written)\n"
        return "$ attune \(arguments.joined(separator: " "))\nexit status \(result.status)\n"
            + "--- standard output\n\(result.stdout)--- standard error\n\(result.stderr)--- \(report)\n\(written)"
    }

    @Test("the Markdown report from exported files reads as expected in Spanish, by --lang and by the locale")
    func golden() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try handedIn(in: directory)
        let arguments = ["--lang", "es", "cohort", "report", "--cohort", "spring-2027", "--include-reflections"] + files + ["cohorte.md"]
        let chosen = try transcript(arguments, report: "cohorte.md", in: directory)
        let expected = try goldenExpected(chosen, at: Self.golden)
        #expect(chosen == expected)
        let byLocale = try transcript(Array(arguments.dropFirst(2)), report: "cohorte.md", environment: ["LANG": "es_US.UTF-8"],
                                      in: directory)
        let body = { (text: String) in text.split(separator: "\n", maxSplits: 1).last.map(String.init) ?? "" }
        #expect(body(byLocale) == body(expected))
    }

    @Test("mistakes on the command line are told in Spanish, by --lang and by the locale")
    func usage() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [([String], String)] = [
            (["cohort", "report", "a.jsonl"], "Indica los archivos que exportaron quienes aprenden"),
            (["cohort", "report", "a.jsonl", "salida.txt"], "Termina el nombre del informe en .md, .json o .html"),
            (["cohort", "report", "--lrs", "http://127.0.0.1:9/xAPI/", "out.html"], "indica el nombre de la cohorte con --cohort"),
            (["cohort", "report", "--lrs", "http://127.0.0.1:9/xAPI/", "--cohort", "x"], "Indica el archivo donde escribir el informe, por ejemplo"),
            (["cohort", "report", "--cohort", "primavera 2027", "a.jsonl", "out.md"], "'primavera 2027' no puede ser el nombre de una cohorte"),
            (["cohort", "report", "--cohort", "café-niños", "a.jsonl", "out.md"], "no puede ser el nombre de una cohorte"),
            (["cohort", "report", "--since", "marzo", "a.jsonl", "out.md"], "--since necesita un día escrito como año-mes-día"),
            (["cohort", "report", "--since", "2027-04-01", "--until", "2027-03-01", "a.jsonl", "out.md"], "--since debe ser anterior"),
            (["cohort", "report", "--timeout", "0", "a.jsonl", "out.md"], "--timeout necesita un número de segundos"),
            (["cohort", "report", "--page-size", "0", "a.jsonl", "out.md"], "--page-size necesita un número de declaraciones"),
            (["cohort", "report", "falta.jsonl", "out.md"], "No hay ningún archivo en falta.jsonl"),
            (["cohort", "report", ".", "out.md"], ". es una carpeta. Indica los archivos que exportaron quienes aprenden"),
            (["export", "xapi", "x.jsonl", "--account", "ana", "--cohort", "a/b"], "no puede ser el nombre de una cohorte"),
        ]
        for (arguments, message) in cases {
            for (extra, environment) in [(["--lang", "es"], [:]), ([], ["LANG": "es_US.UTF-8"])] as [([String], [String: String])] {
                let result = try runAttune(extra + arguments, environment: environment, in: directory)
                #expect(result.status != 0, "\(arguments)")
                #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
                #expect(!result.stderr.contains("Give") && !result.stderr.contains("cannot"), "\(arguments): \(result.stderr)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.md").path), "no report was written")
    }

    @Test("in the Spanish shell, cohort report speaks Spanish: its mistakes, the password rules and what it wrote")
    func inTheShell() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try handedIn(in: directory)
        let input = """
            cohort
            cohort report a.jsonl
            cohort report --since marzo \(files.joined(separator: " ")) cohorte.md
            cohort report --lrs https://lrs.example.org/xAPI/ --user ana --password secreto --cohort x cohorte.md
            cohort report --lrs https://lrs.example.org/xAPI/ --user ana --cohort x cohorte.md
            cohort report --cohort spring-2027 \(files.joined(separator: " ")) cohorte.html
            quit

            """
        let shell = try runAttune(["--lang", "es"], input: input, in: directory)
        #expect(shell.stderr.contains("Usa 'cohort report' con un LRS"), "\(shell.stderr)")
        #expect(shell.stderr.contains("Indica los archivos que exportaron quienes aprenden"), "\(shell.stderr)")
        #expect(shell.stderr.contains("--since necesita un día escrito como año-mes-día"), "\(shell.stderr)")
        #expect(shell.stderr.contains("En el shell, no escribas --password"), "\(shell.stderr)")
        #expect(shell.stderr.contains("la contraseña del LRS viene de ATTUNE_LRS_PASSWORD"), "\(shell.stderr)")
        #expect(!shell.stderr.contains("Give") && !shell.stderr.contains("In the shell"), "\(shell.stderr)")
        #expect(shell.stdout.contains("Se escribió el informe de la cohorte en cohorte.html: 3 personas, 10 declaraciones contadas."),
                "\(shell.stdout)")
        let html = try String(contentsOf: directory.appendingPathComponent("cohorte.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"es\">"))
        #expect(html.contains("Me preocupó lo quieta que estaba Maya 😟") == false, "reflections only when asked for")
    }

    @Test("the shell's language decides cohort report's words, not the locale it was started in")
    func shellLanguageDecides() throws {
        let english = try runAttune(["--lang", "en"], input: "cohort report a.jsonl\nquit\n", environment: ["LANG": "es_US.UTF-8"])
        #expect(english.stderr.contains("Give the learners' exported files and then the report file"), "\(english.stderr)")
        #expect(!english.stderr.contains("Indica"), "\(english.stderr)")
        let spanish = try runAttune(["--lang", "es"], input: "cohort report a.jsonl\nquit\n", environment: ["LANG": "en_US.UTF-8"])
        #expect(spanish.stderr.contains("Indica los archivos que exportaron quienes aprenden"), "\(spanish.stderr)")
    }

    @Test("the Spanish HTML report in headless Chromium: Spanish headings, a screenshot that is not blank, no serious or critical axe violation",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
                       && FileManager.default.isExecutableFile(atPath: browserPython),
                   "chromium, chromium-driver, Selenium or axe-selenium-python is missing; `make test` installs them"))
    func inChromium() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try handedIn(in: directory)
        let made = try runAttune(["--lang", "es", "cohort", "report", "--include-reflections", "--cohort", "spring-2027"] + files
                                 + ["cohorte.html"], in: directory)
        #expect(made.status == 0, "\(made.stderr)")
        let html = directory.appendingPathComponent("cohorte.html")
        #expect(try String(contentsOf: html, encoding: .utf8).contains("<html lang=\"es\">"))
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: browserPython)
        let shot = directory.appendingPathComponent("cohorte.png"), result = directory.appendingPathComponent("result.json")
        browser.arguments = [packageRoot.appendingPathComponent("Tests/Browser/cohort_report.py").path, html.path, shot.path,
                             result.path, "Informe de la cohorte: spring-2027", "Plan de conversación para el siguiente taller",
                             "Casos practicados", "Cada persona", "Competencias puestas en práctica", "Reflexiones",
                             "Sobre este informe", "1. Maya, cuatro meses"]
        let log = directory.appendingPathComponent("browser.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        browser.standardOutput = try FileHandle(forWritingTo: log)
        browser.standardError = try FileHandle(forWritingTo: log)
        try browser.run()
        browser.waitUntilExit()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(browser.terminationStatus == 0, "\(output)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: result)) as? [String: Any]
        #expect(summary?["ok"] as? Bool == true, "\(summary?["failures"] ?? output)")
        #expect((summary?["axe"] as? [Any])?.count == 2, "axe ran on screen and print")
        #expect((try FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int ?? 0) > 10_000)
    }
}
