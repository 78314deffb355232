import AttuneCore
import Foundation
@testable import AttuneShell

/// The package root, found from this file's path.
let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
}()

/// The built `attune` binary beside the test bundle.
let attuneBinary: URL = {
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
    let result = KnowledgeLoader.load(sources: [SourceText(path: "Knowledge/tenets.yaml", text: text)])
    return ContentLibrary(knowledge: result.base, diagnostics: result.diagnostics)
}

/// A shell over the fixture with captured output.
func makeShell(width: Int = 80) -> (Shell, CapturedOutput) {
    let output = CapturedOutput()
    return (Shell(library: fixtureLibrary(), output: output, style: .plain, width: { width }), output)
}

/// The result of running the real binary.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `attune` with `arguments`, feeding `input` on standard input.
func runAttune(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> ProcessResult {
    let process = Process()
    process.executableURL = attuneBinary
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    env["COLUMNS"] = "80"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    // Output goes to files, so a large output can never block the child on a full pipe.
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
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
