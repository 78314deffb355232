import AttuneCore
@testable import AttuneRecords
@testable import AttuneStore
import Foundation
import GRDB
import Testing

private let fixtures = packageRoot.appendingPathComponent("Tests/LRSFixtures")

/// Tests/LRSFixtures/misbehaving_lrs.py on 127.0.0.1 (two free ports: the LRS and another
/// origin), logging every request; stopped when the test ends.
final class MisbehavingLRS {
    struct Request: Decodable {
        var port: Int
        var origin: String
        var method: String
        var target: String
        var host: String?
        var authorization: String?
        var length: Int
    }

    let process = Process()
    let directory: URL
    let port: Int
    let otherPort: Int

    var endpoint: String { "http://127.0.0.1:\(port)/xAPI/" }
    var key: String { "http://127.0.0.1:\(port)/xAPI/statements" }

    /// - Parameter arguments: more for the fixture (`--pages FILE` for the pages modes).
    init(mode: String, arguments: [String] = []) throws {
        directory = try temporaryDirectory()
        let ready = directory.appendingPathComponent("ready")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", fixtures.appendingPathComponent("misbehaving_lrs.py").path, "--mode", mode,
                             "--log", directory.appendingPathComponent("requests.jsonl").path, "--ready", ready.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = directory.appendingPathComponent("server.err")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let text = try? String(contentsOf: ready, encoding: .utf8) {
                let ports = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
                if ports.count == 2 {
                    port = ports[0]
                    otherPort = ports[1]
                    return
                }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw SpawnError(description: "the test LRS did not start; see \(errors.path)")
    }

    /// Every request either port received, in order.
    var requests: [Request] {
        let text = (try? String(contentsOf: directory.appendingPathComponent("requests.jsonl"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    deinit {
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}

private let basicTesterSecret = "Basic " + Data("tester:secret".utf8).base64EncodedString()
private let account = "learner-7"

/// A learner's data folder with one case attempted and two choices made: three statements,
/// the same ids in every folder made this way.
private func learnerFolder() throws -> (data: String, statements: [[String: Any]]) {
    let data = try temporaryDirectory().appendingPathComponent("learner").path
    let store = try ProgressStore(directory: data)
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let playthrough = try store.startPlaythrough(CaseKey(id: "visit"), at: t0)
    try store.recordChoice(playthrough: playthrough, step: 0, node: "arrival", choice: "greet-baby", rating: .attuned,
                           competencies: [], at: t0 + 10)
    try store.recordChoice(playthrough: playthrough, step: 1, node: "gaze", choice: "wait", rating: .attuned,
                           competencies: [], at: t0 + 20)
    let statements = XAPIStatements(account: LearnerAccount(name: account), includeReflections: false, scenarios: [])
        .statements(from: try store.activityLog())
    store.close()
    return (data, statements)
}

private func ids(_ statements: [[String: Any]]) -> [String] { statements.compactMap { $0["id"] as? String } }

/// The rows of the sent-statement record.
private func sentRows(_ data: String) throws -> [(endpoint: String, statement: String)] {
    let queue = try DatabaseQueue(path: (data as NSString).appendingPathComponent(ProgressStore.fileName))
    return try queue.read { db in
        try Row.fetchAll(db, sql: "SELECT endpoint, statement FROM xapiSent ORDER BY endpoint, statement").map {
            (endpoint: $0["endpoint"] as String, statement: $0["statement"] as String)
        }
    }
}

/// `attune export xapi --lrs ADDRESS ...` with the password in ATTUNE_LRS_PASSWORD.
private func export(to address: String, data: String, extra: [String] = ["--user", "tester"], timeout: Int = 10,
                    password: String? = "secret") throws -> ProcessResult {
    try runAttune(["export", "xapi", "--lrs", address] + extra + ["--account", account, "--data-dir", data,
                                                                 "--timeout", String(timeout)],
                  environment: password.map { ["ATTUNE_LRS_PASSWORD": $0] } ?? [:])
}

/// No byte that a terminal could act on.
private func isInert(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0 == "\n" || !LRSText.isUnsafe($0) }
}

@Suite("LRS that misbehaves")
struct LRSMisbehavingTests {
    // MARK: 1. Redirects

    @Test("a redirect is never followed: no credential or statement reaches another origin, the new address is reported, nothing is marked sent",
          arguments: ["redirect-301", "redirect-302", "redirect-303", "redirect-307", "redirect-308",
                      "redirect-host-301", "redirect-host-302", "redirect-host-303", "redirect-host-307", "redirect-host-308"])
    func redirectNotFollowed(mode: String) throws {
        let server = try MisbehavingLRS(mode: mode)
        let learner = try learnerFolder()
        let result = try export(to: server.endpoint, data: learner.data)
        #expect(result.status == 1)
        let code = String(mode.suffix(3))
        let host = mode.contains("host") ? "localhost" : "127.0.0.1"
        #expect(result.stderr.contains("redirect (\(code)) to http://\(host):\(server.otherPort)/xAPI/statements"), "\(result.stderr)")
        #expect(result.stderr.contains("Nothing was marked as sent"))
        #expect(!result.stdout.contains("Sent"))
        let requests = server.requests
        #expect(requests.filter { $0.origin == "other" }.isEmpty, "a request reached the other origin: \(requests)")
        #expect(requests.count == 1)
        #expect(requests.allSatisfy { $0.port == server.port && $0.method == "POST" && $0.target == "/xAPI/statements" })
        #expect(requests.allSatisfy { $0.authorization == basicTesterSecret && $0.host == "127.0.0.1:\(server.port)" })
        #expect(try sentRows(learner.data).isEmpty)
    }

    // MARK: 2. Plain http

    @Test("plain http to another computer is refused before anything is sent, and the learner is told why")
    func plainHTTPRefused() throws {
        let learner = try learnerFolder()
        // Refused before any connection: no traffic leaves this computer.
        let result = try export(to: "http://lrs.example.org/xAPI/", data: learner.data, timeout: 2)
        #expect(result.status == 1)
        #expect(result.stderr.contains("clear text"))
        #expect(result.stderr.contains("--insecure-http"))
        #expect(result.stderr.contains("https://"))
        #expect(!result.stdout.contains("Sent"))
        #expect(try sentRows(learner.data).isEmpty)
    }

    @Test("plain http to this computer is allowed (127.0.0.1 and localhost)")
    func loopbackAllowed() throws {
        let server = try MisbehavingLRS(mode: "lrs")
        let learner = try learnerFolder()
        let result = try export(to: "http://localhost:\(server.port)/xAPI/", data: learner.data)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Sent 3 new statements to http://localhost:\(server.port)/xAPI/statements"))
    }

    // MARK: 3. What counts as sent

    @Test("an honest LRS's 200 or 201 with the ids marks each statement sent; a second run sends none",
          arguments: ["lrs", "created"])
    func honestLRS(mode: String) throws {
        let server = try MisbehavingLRS(mode: mode)
        let learner = try learnerFolder()
        let first = try export(to: server.endpoint, data: learner.data)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Sent 3 new statements to \(server.key)"))
        #expect(try sentRows(learner.data).map(\.statement) == ids(learner.statements).sorted())
        #expect(try sentRows(learner.data).allSatisfy { $0.endpoint == server.key })
        let second = try export(to: server.endpoint, data: learner.data)
        #expect(second.stdout.contains("Sent 0 new statements"))
        #expect(second.stdout.contains("3 had been sent before"))
        #expect(server.requests.filter { $0.method == "POST" }.count == 1)
    }

    @Test("a captive portal's 200 web page is not taken for an LRS: nothing is marked sent, and the learner is told to sign in")
    func captivePortal() throws {
        let server = try MisbehavingLRS(mode: "portal")
        let learner = try learnerFolder()
        let result = try export(to: server.endpoint, data: learner.data)
        #expect(result.status == 1)
        #expect(result.stderr.contains("web page"))
        #expect(result.stderr.contains("Guest WiFi - please sign in"))
        #expect(result.stderr.contains("sign in"))
        #expect(!result.stdout.contains("Sent"))
        #expect(try sentRows(learner.data).isEmpty)
    }

    @Test("an LRS that answers 200 with [] confirms nothing: nothing is marked sent")
    func emptyList() throws {
        let server = try MisbehavingLRS(mode: "empty")
        let learner = try learnerFolder()
        let result = try export(to: server.endpoint, data: learner.data)
        #expect(result.status == 1)
        #expect(result.stderr.contains("did not confirm 3 of the statements"), "\(result.stderr)")
        #expect(try sentRows(learner.data).isEmpty)
    }

    @Test("statements an LRS already holds (it answers 204) count as sent only once it returns each when asked")
    func alreadyHeld() throws {
        let server = try MisbehavingLRS(mode: "lrs")
        let learner = try learnerFolder()
        let client = try LRSClient(endpoint: server.endpoint, user: "tester", password: "secret")
        #expect(Set(client.send(learner.statements).stored) == Set(ids(learner.statements)))
        let result = try export(to: server.endpoint, data: learner.data)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try sentRows(learner.data).map(\.statement) == ids(learner.statements).sorted())
        #expect(server.requests.filter { $0.method == "GET" && $0.target.contains("statementId=") }.count == 3)
    }

    @Test("a 409 conflict is reported on its own line and not marked sent; the other statements are")
    func conflict() throws {
        let server = try MisbehavingLRS(mode: "lrs")
        let learner = try learnerFolder()
        var different = learner.statements[1]
        different["timestamp"] = "2001-01-01T00:00:00.000Z"
        let client = try LRSClient(endpoint: server.endpoint, user: "tester", password: "secret")
        #expect(client.send([different]).stored.count == 1)
        let conflicted = ids(learner.statements)[1]

        let result = try export(to: server.endpoint, data: learner.data)
        #expect(result.status == 1)
        #expect(result.stdout.contains("Sent 2 new statements"))
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("conflict: statement \(conflicted) was not sent") && $0.contains("different statement") },
                "\(result.stderr)")
        #expect(try sentRows(learner.data).map(\.statement) == ids(learner.statements).filter { $0 != conflicted }.sorted())
    }

    // MARK: 4. Hostile text

    @Test("an LRS's error body reaches the terminal neutralised (no ESC, BEL, OSC 52) and cut to a short excerpt")
    func hostileErrorBody() throws {
        let server = try MisbehavingLRS(mode: "hostile-error")
        let learner = try learnerFolder()
        let client = try LRSClient(endpoint: server.endpoint, user: "tester", password: "secret")
        let problem = try #require(client.send(learner.statements).problem?.description)
        #expect(isInert(problem), "\(problem.debugDescription)")
        #expect(problem.contains("Bad statement"))
        #expect(!problem.contains("END-OF-BODY"))
        #expect(problem.count < 600)

        let result = try export(to: server.endpoint, data: learner.data)
        #expect(result.status == 1)
        #expect(isInert(result.stderr), "\(result.stderr.debugDescription)")
        #expect(!result.stderr.contains("\u{1B}]52"))
        #expect(result.stderr.contains("answered 400"))
        #expect(result.stderr.utf8.count < 1000)
    }

    // MARK: 5. Time and size limits

    @Test("an answer that trickles in one byte at a time is cut off at the deadline", .timeLimit(.minutes(1)))
    func trickle() throws {
        let server = try MisbehavingLRS(mode: "trickle")
        let learner = try learnerFolder()
        let client = try LRSClient(endpoint: server.endpoint, user: "tester", password: "secret",
                                   limits: .init(overall: 2, perTry: 1, backoff: 0.1))
        let started = Date()
        let report = client.send(learner.statements)
        #expect(Date().timeIntervalSince(started) < 6)
        #expect(report.stored.isEmpty)
        #expect(report.problem?.description.contains("did not finish answering within") == true,
                "\(String(describing: report.problem))")
    }

    @Test("a silent LRS is given up on at the deadline, each try within its own time limit", .timeLimit(.minutes(1)))
    func hang() throws {
        let server = try MisbehavingLRS(mode: "hang")
        let learner = try learnerFolder()
        let client = try LRSClient(endpoint: server.endpoint, user: "tester", password: "secret",
                                   limits: .init(overall: 3, perTry: 1, backoff: 0.1))
        let started = Date()
        let report = client.send(learner.statements)
        #expect(Date().timeIntervalSince(started) < 7)
        #expect(report.problem?.description.contains("did not finish answering") == true)
        #expect(server.requests.count >= 2, "retried within the deadline")
    }

    @Test("--timeout bounds the whole send from the command line", .timeLimit(.minutes(1)))
    func commandLineTimeout() throws {
        let server = try MisbehavingLRS(mode: "hang")
        let learner = try learnerFolder()
        let started = Date()
        let result = try export(to: server.endpoint, data: learner.data, timeout: 2)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Could not reach the LRS"))
        #expect(try sentRows(learner.data).isEmpty)
    }

    @Test("an answer larger than the limit is not read past it", .timeLimit(.minutes(1)), arguments: ["huge", "huge-chunked"])
    func hugeAnswer(mode: String) throws {
        let server = try MisbehavingLRS(mode: mode)
        let learner = try learnerFolder()
        let client = try LRSClient(endpoint: server.endpoint, user: "tester", password: "secret",
                                   limits: .init(overall: 20, perTry: 10))
        let started = Date()
        let report = client.send(learner.statements)
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(report.stored.isEmpty)
        #expect(report.problem?.description.contains("larger than 1 MB") == true, "\(String(describing: report.problem))")
        #expect(server.requests.count == 1, "a huge answer is not retried")
    }

    // MARK: 6. The record of what was sent, by endpoint

    @Test("statements sent to one LRS are still sent to another, and recorded for each")
    func recordedPerEndpoint() throws {
        let first = try MisbehavingLRS(mode: "lrs")
        let second = try MisbehavingLRS(mode: "lrs")
        let learner = try learnerFolder()
        #expect(try export(to: first.endpoint, data: learner.data).stdout.contains("Sent 3 new statements"))
        let toSecond = try export(to: second.endpoint, data: learner.data)
        #expect(toSecond.stdout.contains("Sent 3 new statements to \(second.key)"), "\(toSecond.stdout)")
        #expect(try export(to: second.endpoint, data: learner.data).stdout.contains("3 had been sent before"))
        let rows = try sentRows(learner.data)
        #expect(rows.count == 6)
        #expect(Set(rows.map(\.endpoint)) == [first.key, second.key])
        #expect(second.requests.filter { $0.method == "POST" }.count == 1)
    }

    @Test("spellings of one LRS address share one record")
    func oneRecordPerAddress() throws {
        let server = try MisbehavingLRS(mode: "lrs")
        let learner = try learnerFolder()
        #expect(try export(to: server.endpoint, data: learner.data).status == 0)
        for spelling in ["HTTP://127.0.0.1:\(server.port)/xAPI", "http://127.0.0.1:\(server.port)//xAPI/statements/"] {
            let again = try export(to: spelling, data: learner.data)
            #expect(again.stdout.contains("Sent 0 new statements to \(server.key); 3 had been sent before"), "\(again.stdout)")
        }
        #expect(Set(try sentRows(learner.data).map(\.endpoint)) == [server.key])
    }

    @Test("a record from the previous version keeps its rows, keyed by endpoint and statement, without credentials")
    func migration() throws {
        let folder = try temporaryDirectory().appendingPathComponent("data")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(ProgressStore.fileName).path
        let old = try DatabasePool(path: path)
        try ProgressStore.migrator.migrate(old, upTo: "v4-group-sessions-as-records")
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        try old.write { db in
            try db.execute(sql: "INSERT INTO xapiSent (statement, endpoint, sentAt) VALUES ('s1', 'http://me:hunter2@127.0.0.1:8/xAPI/statements', ?)",
                           arguments: [t0])
            try db.execute(sql: "INSERT INTO xapiSent (statement, endpoint, sentAt) VALUES ('s2', 'HTTP://LRS.Example.org:80/xAPI/statements', ?)",
                           arguments: [t0])
        }
        try old.close()

        let store = try ProgressStore(directory: folder.path)
        #expect(try store.sentStatements(endpoint: "http://127.0.0.1:8/xAPI/statements") == ["s1"])
        // The same statement can now be recorded for a second LRS.
        try store.markSent(["s1"], endpoint: "https://other.example.org/xAPI/statements", at: t0)
        #expect(try store.sentStatements(endpoint: "https://other.example.org/xAPI/statements") == ["s1"])
        try store.refileSentStatements(normalise: LRSEndpoint.key(for:))
        #expect(try store.sentStatements(endpoint: "http://lrs.example.org/xAPI/statements") == ["s2"])
        store.close()
        let queue = try DatabaseQueue(path: path)
        let keyColumns = try queue.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(xapiSent)").filter { ($0["pk"] as Int) > 0 }
                .sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { $0["name"] as String }
        }
        #expect(keyColumns == ["endpoint", "statement"])
        #expect(try sentRows(folder.path).count == 3)
        #expect(try sentRows(folder.path).allSatisfy { !$0.endpoint.contains("hunter2") })
    }

    // MARK: 7. The password

    @Test("the password can come from ATTUNE_LRS_PASSWORD instead of the command line")
    func passwordFromEnvironment() throws {
        let server = try MisbehavingLRS(mode: "lrs")
        let learner = try learnerFolder()
        let result = try export(to: server.endpoint, data: learner.data)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.requests.allSatisfy { $0.authorization == basicTesterSecret })
        #expect(!result.stderr.contains("--password can be seen"))
    }

    @Test("with no password and no terminal to ask on, the learner is told where to give it, and nothing is sent")
    func noPassword() throws {
        let server = try MisbehavingLRS(mode: "lrs")
        let learner = try learnerFolder()
        let result = try export(to: server.endpoint, data: learner.data, password: nil)
        #expect(result.status == 1)
        #expect(result.stderr.contains("ATTUNE_LRS_PASSWORD"))
        #expect(server.requests.isEmpty)
    }

    @Test("on a terminal, the password is asked for and not shown as it is typed", .timeLimit(.minutes(1)))
    func passwordPrompt() throws {
        let server = try MisbehavingLRS(mode: "lrs")
        let learner = try learnerFolder()
        let transcript = try temporaryDirectory().appendingPathComponent("transcript")
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "ATTUNE_LRS_PASSWORD")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", fixtures.appendingPathComponent("run_in_terminal.py").path,
                             "--expect", "Password for the LRS", "--type", "secret", "--transcript", transcript.path, "--",
                             attuneBinary.path, "export", "xapi", "--lrs", server.endpoint, "--user", "tester",
                             "--account", account, "--data-dir", learner.data, "--timeout", "10"]
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let shown = try String(decoding: Data(contentsOf: transcript), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(shown)")
        #expect(shown.contains("Password for the LRS at \(server.key):"))
        #expect(shown.contains("--- echo: off"))
        #expect(!shown.contains("secret"), "the password was shown: \(shown)")
        #expect(shown.contains("Sent 3 new statements"))
        #expect(server.requests.allSatisfy { $0.authorization == basicTesterSecret })
    }

    @Test("credentials written in the address are used, but never shown or stored")
    func credentialsInAddress() throws {
        let server = try MisbehavingLRS(mode: "lrs")
        let learner = try learnerFolder()
        let password = "pw-7f3a9c"
        let result = try export(to: "http://tester:\(password)@127.0.0.1:\(server.port)/xAPI/", data: learner.data, extra: [],
                                password: nil)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Sent 3 new statements to \(server.key)"))
        #expect(!(result.stdout + result.stderr).contains(password))
        #expect(server.requests.allSatisfy { $0.authorization == "Basic " + Data("tester:\(password)".utf8).base64EncodedString() })
        #expect(try sentRows(learner.data).allSatisfy { $0.endpoint == server.key })
        for file in try FileManager.default.contentsOfDirectory(atPath: learner.data) {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: learner.data).appendingPathComponent(file))) ?? Data()
            #expect(bytes.range(of: Data(password.utf8)) == nil, "the password is in \(file)")
        }

        // Given --user (or --password), the address's credentials are set aside, and the learner told.
        let other = try export(to: "http://someone:\(password)@127.0.0.1:\(server.port)/xAPI/", data: learner.data)
        #expect(other.status == 0, "\(other.stderr)")
        #expect(other.stderr.contains("written in the address was ignored"))
        #expect(!(other.stdout + other.stderr).contains(password))
    }

    // MARK: 8. Retries

    @Test("a busy LRS (503) is retried with backoff, and the statements then count as sent")
    func busyThenFine() throws {
        let server = try MisbehavingLRS(mode: "busy-then-lrs")
        let learner = try learnerFolder()
        let result = try export(to: server.endpoint, data: learner.data)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Sent 3 new statements"))
        #expect(server.requests.filter { $0.method == "POST" }.count == 3)
        #expect(try sentRows(learner.data).count == 3)
    }

    @Test("an LRS that stays busy is retried only until the deadline", .timeLimit(.minutes(1)))
    func alwaysBusy() throws {
        let server = try MisbehavingLRS(mode: "always-busy")
        let learner = try learnerFolder()
        let client = try LRSClient(endpoint: server.endpoint, user: "tester", password: "secret",
                                   limits: .init(overall: 2, perTry: 1, attempts: 1000, backoff: 0.1))
        let started = Date()
        let report = client.send(learner.statements)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(report.problem?.description.contains("answered 503") == true, "\(String(describing: report.problem))")
        #expect(server.requests.count >= 3)
        #expect(report.stored.isEmpty)
    }
}

/// The peak memory (resident set, in KB) of `attune ARGUMENTS`, measured by GNU time around
/// the real binary; with its exit status and messages.
private func exportMeasuringMemory(to address: String, data: String, timeout: Int = 20) throws -> (peakKB: Int, result: ProcessResult) {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let report = directory.appendingPathComponent("time")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
    process.arguments = ["-f", "%M", "-o", report.path, attuneBinary.path, "export", "xapi", "--lrs", address, "--user", "tester",
                         "--account", account, "--data-dir", data, "--timeout", String(timeout)]
    var environment = ProcessInfo.processInfo.environment
    environment["ATTUNE_LRS_PASSWORD"] = "secret"
    environment["XDG_CACHE_HOME"] = directory.appendingPathComponent("cache").path
    process.environment = environment
    let output = directory.appendingPathComponent("out"), errors = directory.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = try FileHandle(forWritingTo: errors)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let peak = Int((try String(contentsOf: report, encoding: .utf8)).split(whereSeparator: \.isNewline).last ?? "") ?? -1
    return (peak, ProcessResult(status: process.terminationStatus, stdout: try String(contentsOf: output, encoding: .utf8),
                                stderr: try String(contentsOf: errors, encoding: .utf8)))
}

/// Third round of hardening (issue 23): answers built to exhaust memory, an LRS that echoes
/// the password, mistyped addresses, odd Retry-After values and impossible ports.
@Suite("LRS that attacks")
struct LRSHostileAnswerTests {
    @Test("a gzip bomb (4.7 MB inflating to 1 GB) or an 8 GB Content-Length: the real binary stays under 100 MB and says why it stopped",
          .timeLimit(.minutes(2)), arguments: ["gzip-bomb", "gzip-bomb-chunked", "huge", "huge-chunked"])
    func memoryIsBounded(mode: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return }
        let server = try MisbehavingLRS(mode: mode)
        let learner = try learnerFolder()
        let started = Date()
        let (peak, result) = try exportMeasuringMemory(to: server.endpoint, data: learner.data)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(peak > 0 && peak < 100 * 1024, "peak memory \(peak / 1024) MB")
        #expect(result.status == 1)
        let said = result.stderr.replacingOccurrences(of: "\n", with: " ")
        #expect(said.contains(mode.hasPrefix("gzip") ? "compressed" : "larger than 1 MB"), "\(said)")
        #expect(try sentRows(learner.data).isEmpty)
        #expect(server.requests.count == 1, "an answer like this is not asked for again")
    }

    @Test("an LRS that echoes the password in its error body: the password is never printed, in any form")
    func echoedPassword() throws {
        let server = try MisbehavingLRS(mode: "echo-password")
        let learner = try learnerFolder()
        let password = "pw-Echo/7f3a+9c"
        let basic = Data("tester:\(password)".utf8).base64EncodedString()
        let client = try LRSClient(endpoint: server.endpoint, user: "tester", password: password)
        let problem = try #require(client.send(learner.statements).problem?.description)
        #expect(!problem.contains(password) && !problem.contains(basic) && !problem.contains("pw-Echo"), "\(problem)")
        let result = try export(to: server.endpoint, data: learner.data, password: password)
        #expect(result.status == 1)
        let printed = result.stdout + result.stderr
        #expect(printed.contains("did not accept the statements (it answered 400): \"Bad request from tester:[hidden]"), "\(printed)")
        #expect(!printed.contains(password) && !printed.contains(basic) && !printed.contains("pw-Echo"), "\(printed)")
        // The body is shown in a rejection: 400 with the password in it.
        let body = Data("{\"detail\": \"no such user tester:\(password) here\"}".utf8)
        let shown = LRSText.gist(of: body, hiding: client.secrets)
        #expect(shown.contains("no such user tester:[hidden] here"), "\(shown)")
    }

    @Test("a mistyped address never prints the password written in it",
          arguments: ["http:/tester:pw-Typo42@127.0.0.1:9/xAPI/", "http:tester:pw-Typo42@127.0.0.1:9/xAPI/",
                      "tester:pw-Typo42@127.0.0.1:9/xAPI/", "http:\\\\tester:pw-Typo42@127.0.0.1:9/xAPI/",
                      "https://tester:pw-Typo42/x@127.0.0.1:9/xAPI/", "htps://tester:pw-Typo42@lrs.example.org/xAPI/",
                      "https://tester:pw-Typo42@lrs.example.org:99999/xAPI/", "https://tester:pw-Typo42@lrs.example.org/xAPI/?x=1"])
    func mistypedAddress(address: String) throws {
        #expect(!LRSEndpoint.redacted(address).contains("pw-Typo42"), "\(LRSEndpoint.redacted(address))")
        let learner = try learnerFolder()
        let started = Date()
        let result = try export(to: address, data: learner.data, extra: [], timeout: 5, password: nil)
        #expect(Date().timeIntervalSince(started) < 4, "refused at once, not retried")
        #expect(result.status == 1)
        let printed = result.stdout + result.stderr
        #expect(!printed.contains("pw-Typo42"), "\(printed)")
    }

    @Test("port 99999 is refused at once, before anything is sent")
    func impossiblePort() throws {
        #expect(throws: LRSError.self) { try LRSEndpoint("https://lrs.example.org:99999/xAPI/") }
        #expect(throws: LRSError.self) { try LRSEndpoint("http://127.0.0.1:0/xAPI/") }
        let learner = try learnerFolder()
        let started = Date()
        let result = try export(to: "http://127.0.0.1:99999/xAPI/", data: learner.data)
        #expect(Date().timeIntervalSince(started) < 4)
        #expect(result.status == 1)
        #expect(result.stderr.contains("port 99999"), "\(result.stderr)")
    }

    @Test("Retry-After: 1e400 does not end the send at once: the usual backoff applies, and the statements are sent",
          .timeLimit(.minutes(1)))
    func absurdRetryAfter() throws {
        #expect(LRSClient.retryAfter("1e400") == nil)
        #expect(LRSClient.retryAfter("-3") == nil)
        #expect(LRSClient.retryAfter("nan") == nil)
        #expect(LRSClient.retryAfter(" 2 ") == 2)
        let server = try MisbehavingLRS(mode: "busy-forever-then-lrs")
        let learner = try learnerFolder()
        let result = try export(to: server.endpoint, data: learner.data)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Sent 3 new statements"))
        #expect(server.requests.filter { $0.method == "POST" }.count == 3)
    }
}
