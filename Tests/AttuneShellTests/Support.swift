import AttuneCore
import AttuneStore
import Foundation
@testable import AttuneShell

/// The package root, found from this file's path.
let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
}()

/// The built `attune` binary beside the test bundle. Before anything starts it, the
/// content cache of every child this test run starts is pointed at a private folder, so
/// tests never write to the real ~/.cache (runAttune gives each run a folder of its own).
let attuneBinary: URL = {
    let cacheHome = FileManager.default.temporaryDirectory.appendingPathComponent("attune-test-cache-\(getpid())")
    setenv("XDG_CACHE_HOME", cacheHome.path, 1)
    var directory = Bundle.main.bundleURL
    if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
    let candidate = directory.appendingPathComponent("attune")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    return packageRoot.appendingPathComponent(".build/debug/attune")
}()

/// A small knowledge base for shell tests, independent of the bundled content.
func fixtureLibrary() -> ContentLibrary {
    let text = """
        topic: tenets
        title: Tenets of infant mental health
        summary: Weatherston's tenets.
        entries:
          - id: tenet.1
            title: Nurturing relationships
            kind: tenet
            summary: Babies grow within relationships.
            body: |
              Babies grow within relationships. Serve and return builds the brain.

              - first point
              - second point
            facts:
              ages: Birth to 3
            sources: ["Weatherston (2000), The infant mental health specialist"]
            see: [tenet.4]
          - id: tenet.4
            title: Ghosts in the nursery
            kind: tenet
            summary: A parent's past can shape the present.
            body: A parent's unresolved loss can surface with the baby, as cortisol does under stress.
            sources: ["Fraiberg, Adelson & Shapiro (1975), Ghosts in the nursery"]
        """
    let more = """
        topic: more
        title: More
        summary: Groups and competencies.
        entries:
          - id: workforce.non-specialists
            title: Non-specialist professionals
            kind: group
            summary: Home visitors and others.
            body: Text.
            sources: [s]
          - id: competency.reflection
            title: Reflection
            kind: competency
            summary: Reflection.
            body: Text.
            sources: [s]
        """
    let result = KnowledgeLoader.load(sources: [SourceText(path: "Knowledge/tenets.yaml", text: text),
                                                SourceText(path: "Knowledge/more.yaml", text: more)])
    let scenarios = ScenarioLoader.load(sources: [SourceText(path: "Scenarios/visit.yaml", text: fixtureScenarioText)],
                                        knowledge: result.base)
    precondition(!scenarios.diagnostics.hasErrors, "\(scenarios.diagnostics.map(\.rendered))")
    return ContentLibrary(knowledge: result.base, scenarios: scenarios.scenarios,
                          diagnostics: result.diagnostics + scenarios.diagnostics)
}

/// A short case: two decisions, a counter, a condition, two endings, journal prompts.
let fixtureScenarioText = """
    scenario: visit
    title: A visit
    summary: A short case.
    minutes: 5
    audience: [workforce.non-specialists]
    competencies: [competency.reflection]
    knowledge: [tenet.1]
    content-warnings: [low mood]
    variables:
      trust: 0
    start: arrival
    nodes:
      arrival:
        text: You arrive. The baby is very still.
        reflect: What might the stillness say?
        prompt: What first?
        choices:
          - id: greet-baby
            text: Greet the baby.
            next: gaze
            rating: attuned
            feedback: Babies notice who comes to them.
            perspectives:
              baby: Someone came down to me.
              parent: She came for my baby.
            refs: [tenet.1]
            add: { trust: 1 }
          - id: forms
            text: Start the forms.
            next: gaze
            rating: missed
            feedback: The forms can wait.
            refs: [tenet.4]
      gaze:
        text: The baby looks away.
        prompt: And now?
        choices:
          - id: wait
            text: Wait for her.
            next: warm
            rating: attuned
            feedback: Waiting gives her time.
            refs: [tenet.1]
            when: trust >= 1
            reflect: What was it like to wait?
          - id: talk
            text: Talk on.
            next: flat
            rating: partial
            feedback: Talking fills the silence.
            refs: [tenet.1]
      warm:
        ending: hopeful
        text: A warm moment.
        debrief:
          - say: You waited.
          - when: chose(arrival.greet-baby)
            say: You greeted the baby first.
        reflect: What will you bring to supervision?
      flat:
        ending: concerning
        text: It stays flat.
        debrief:
          - say: The silence stayed.
    tests:
      - name: warm
        choose: [greet-baby, wait]
        expect: { ending: warm }
      - name: flat
        choose: [forms, talk]
        expect: { ending: flat }
    """

/// A shell over the fixture with captured output (and a store, when given). The fixture's
/// cases stand for the bundled ones (their folder is the bundled folder), so their records
/// are the learner's own, not a draft's.
func makeShell(width: Int = 80, store: ProgressStore? = nil) -> (Shell, CapturedOutput) {
    let output = CapturedOutput()
    return (Shell(library: fixtureLibrary(), output: output, style: .plain, width: { width }, store: store,
                  bundledScenarios: fixtureScenarioFolder), output)
}

/// The folder the fixture's case file is named in, as the bundled folder.
let fixtureScenarioFolder = "Scenarios"

/// The result of running the real binary.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `attune` with `arguments`, feeding `input` on standard input.
func runAttune(_ arguments: [String], input: String = "", environment: [String: String] = [:],
               in workingDirectory: URL? = nil) throws -> ProcessResult {
    let process = Process()
    if let workingDirectory { process.currentDirectoryURL = workingDirectory }
    process.executableURL = attuneBinary
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    // No width unless a test gives one: the shell wraps to 80, and messages reach a pipe whole.
    env.removeValue(forKey: "COLUMNS")
    // English unless a test chooses a language: the developer's own locale never decides.
    for name in ["ATTUNE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] { env.removeValue(forKey: name) }
    for (key, value) in environment { env[key] = value }
    // Output goes to files, so a large output can never block the child on a full pipe.
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // A content cache of its own, so each run starts cold and writes one.
    if environment["XDG_CACHE_HOME"] == nil { env["XDG_CACHE_HOME"] = directory.appendingPathComponent("cache").path }
    // A record of its own unless the test names one: a test never opens the developer's own
    // progress and journal (and a newer schema never lands in them).
    if !arguments.contains("--data-dir"), ["ATTUNE_HOME", "XDG_DATA_HOME", "HOME"].allSatisfy({ environment[$0] == nil }) {
        env["ATTUNE_HOME"] = directory.appendingPathComponent("data").path
    }
    process.environment = env
    let inputFile = directory.appendingPathComponent("stdin")
    let outputFile = directory.appendingPathComponent("stdout")
    let errorFile = directory.appendingPathComponent("stderr")
    try Data(input.utf8).write(to: inputFile)
    _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    process.standardInput = try FileHandle(forReadingFrom: inputFile)
    process.standardOutput = try FileHandle(forWritingTo: outputFile)
    process.standardError = try FileHandle(forWritingTo: errorFile)
    try process.run()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus,
        stdout: try String(contentsOf: outputFile, encoding: .utf8),
        stderr: try String(contentsOf: errorFile, encoding: .utf8))
}

/// A fresh private folder for one test.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("attune-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

struct SpawnError: Error, CustomStringConvertible {
    let description: String
}

/// Runs a program to completion and returns its standard output. Output goes through a
/// file, never a pipe, so a daemon the program leaves behind cannot hold the read open.
@discardableResult
func spawn(_ arguments: [String]) throws -> String {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let outputPath = directory.appendingPathComponent("out").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid = pid_t()
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let status = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
    guard status == 0 else { throw SpawnError(description: "could not start \(arguments[0]): error \(status)") }
    var exitStatus: Int32 = 0
    while waitpid(pid, &exitStatus, 0) < 0, errno == EINTR {}
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
}

/// The expected text of a golden transcript at `file`; with `ATTUNE_UPDATE_GOLDEN=1` in the
/// environment, `actual` is written there first (read the difference before committing it).
func goldenExpected(_ actual: String, at file: URL) throws -> String {
    if ProcessInfo.processInfo.environment["ATTUNE_UPDATE_GOLDEN"] == "1" {
        try actual.write(to: file, atomically: true, encoding: .utf8)
    }
    return try String(contentsOf: file, encoding: .utf8)
}

/// Each step run through the real binary in `folder`, with `adding` after its arguments and
/// `environment` over its own, written as a transcript: the command (arguments with a space
/// quoted), its exit status, then its standard output and standard error.
func commandTranscript(_ steps: [(arguments: [String], environment: [String: String])], adding: [String],
                       environment: [String: String], in folder: URL) throws -> String {
    var text = ""
    for step in steps {
        let arguments = step.arguments + adding
        let result = try runAttune(arguments, environment: step.environment.merging(environment) { _, new in new }, in: folder)
        text += "$ attune \(arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "))\n"
            + "exit status \(result.status)\n--- standard output\n\(result.stdout)--- standard error\n\(result.stderr)"
    }
    return text
}
