import AttuneRecords
import Foundation
import Testing

let ralph = packageRoot.appendingPathComponent(".build/lrs-venv/bin/ralph").path
let ralphPython = packageRoot.appendingPathComponent(".build/lrs-venv/bin/python3").path
let ralphInstalled = FileManager.default.isExecutableFile(atPath: ralph)

/// A free TCP port on the loopback interface.
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw SpawnError(description: "no free port") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// A real LRS (ralph-malph, filesystem backend) on 127.0.0.1, stopped when the test ends.
final class RalphServer {
    let process = Process()
    let endpoint: String

    /// - Parameter appending: ralph's filesystem backend takes one POST only; appending,
    /// it takes any number (Tests/LRSFixtures/ralph_appending.py), for several learners.
    init(directory: URL, appending: Bool = false) throws {
        let environment = ProcessInfo.processInfo.environment.merging([
            "RALPH_APP_DIR": directory.appendingPathComponent("app").path, "RALPH_RUNSERVER_BACKEND": "fs",
        ]) { _, new in new }
        let auth = Process()
        auth.executableURL = URL(fileURLWithPath: ralph)
        auth.arguments = ["auth", "-u", "tester", "-p", "secret", "-s", "all", "-M", "mailto:tester@example.org", "-w"]
        auth.environment = environment
        auth.standardOutput = FileHandle.nullDevice
        auth.standardError = FileHandle.nullDevice
        try auth.run()
        auth.waitUntilExit()
        let port = try freePort()
        endpoint = "http://127.0.0.1:\(port)/xAPI/"
        process.executableURL = URL(fileURLWithPath: appending ? ralphPython : ralph)
        process.arguments = (appending ? [packageRoot.appendingPathComponent("Tests/LRSFixtures/ralph_appending.py").path] : [])
            + ["runserver", "-b", "fs", "--fs-default-directory-path", directory.appendingPathComponent("data").path,
                             "-h", "127.0.0.1", "-p", String(port)]
        process.environment = environment
        let log = directory.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let client = try LRSClient(endpoint: endpoint, user: "tester", password: "secret", limits: .init(attempts: 1))
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if (try? client.fetchStatementIDs()) != nil { return }
            Thread.sleep(forTimeInterval: 0.25)
        }
        throw SpawnError(description: "the LRS did not start; see \(log.path)")
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }
}

@Suite("LRS round trip", .serialized, .enabled(if: ralphInstalled, "ralph-malph is not installed in .build/lrs-venv; `make test` installs it"))
struct LRSRoundTripTests {
    @Test("a playthrough's statements reach a running LRS, and sending twice stores each once")
    func roundTrip() throws {
        let directory = try temporaryDirectory()
        let server = try RalphServer(directory: directory)
        let data = directory.appendingPathComponent("learner").path
        let played = try runAttune(["--data-dir", data],
                                   input: "play maya-quiet-visit\n1\n2\nreflect Private words.\nstop\n")
        #expect(played.status == 0)

        let file = directory.appendingPathComponent("statements.jsonl")
        #expect(try runAttune(["export", "xapi", file.path, "--account", "learner-7", "--data-dir", data]).status == 0)
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        let ids = try lines.map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object?["id"] as? String)
        }
        #expect(ids.count == 4, "attempted, two choices, one reflection")
        #expect(!lines.joined().contains("Private words."))

        let arguments = ["export", "xapi", "--lrs", server.endpoint, "--user", "tester", "--password", "secret",
                         "--account", "learner-7", "--data-dir", data]
        let first = try runAttune(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Sent 4 new statements"))
        let client = try LRSClient(endpoint: server.endpoint, user: "tester", password: "secret")
        #expect(Set(try client.fetchStatementIDs()) == Set(ids))

        let second = try runAttune(arguments)
        #expect(second.stdout.contains("Sent 0 new statements"))
        #expect(second.stdout.contains("4 had been sent before"))

        // Even sent again directly, the LRS keeps one copy of each: the ids are fixed. Ralph
        // answers 204 to statements it already holds; each is then confirmed by asking for it.
        let statements = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let again = client.send(statements)
        #expect(again.problem == nil, "\(String(describing: again.problem))")
        #expect(Set(again.stored) == Set(ids))
        #expect(again.conflicts.isEmpty)
        #expect(try client.fetchStatementIDs().count == 4)

        let wrongPassword = try runAttune(["export", "xapi", "--lrs", server.endpoint, "--user", "tester", "--password", "nope",
                                           "--account", "learner-8", "--data-dir", data])
        #expect(wrongPassword.status == 1)
        #expect(wrongPassword.stderr.contains("refused the user name or password"))
        withExtendedLifetime(server) {}
    }
}
