import AttuneRoom
import Foundation
import Testing

/// The real binary with its standard input held open, so a test can type a line, wait for
/// what it prints, and act in between (vote from a phone, click in a browser).
final class LiveAttune: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let lock = NSLock()
    private var printed = ""

    init(_ arguments: [String]) throws {
        process.executableURL = attuneBinary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        // English unless a test chooses a language (`--lang`): the developer's own locale never decides.
        for name in ["ATTUNE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] { environment.removeValue(forKey: name) }
        environment["COLUMNS"] = "100"
        process.environment = environment
        process.standardInput = input
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.printed += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    var text: String { lock.withLock { printed } }

    func type(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits up to `seconds` for the output to satisfy `condition`.
    @discardableResult
    func waitFor(_ what: String, seconds: Double = 15, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); printed:\n\(text.suffix(2000))")
        return false
    }

    /// The participant link printed by 'group serve'.
    var joinLink: String? {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("http://127.0.0.1:") && $0.hasSuffix("/") }
    }

    func quit() {
        type("quit")
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
    }
}

private let venvPython = packageRoot.appendingPathComponent(".build/browser-venv/bin/python").path
private let browserReady = FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
    && FileManager.default.isExecutableFile(atPath: venvPython)

@Suite("Phones vote, end to end", .serialized)
struct RoomEndToEndTests {
    /// The port and code in a join link.
    static func parts(of link: String) -> (port: UInt16, code: String)? {
        let pieces = link.split(separator: "/")
        guard pieces.count >= 4, let port = UInt16(pieces[1].split(separator: ":").last ?? "") else { return nil }
        return (port, String(pieces[3]))
    }

    @Test("a whole decision with phones voting gives the same export as the same tally typed by hand")
    func phonesMatchHandTally() throws {
        let folder = try temporaryDirectory()
        let phones = try LiveAttune(["--group", "--data-dir", folder.appendingPathComponent("a").path, "--color", "never"])
        phones.type("play maya")
        phones.type("group serve --bind 127.0.0.1 --port 0")
        phones.waitFor("the join link") { $0.contains("Room code:") }
        let link = try #require(phones.joinLink)
        let (port, code) = try #require(Self.parts(of: link))
        #expect(phones.text.contains("▀") || phones.text.contains("▄"), "a QR code is drawn")
        phones.type("open")
        phones.waitFor("voting open") { $0.contains("Voting is open on phones") }
        for number in 0..<12 {
            let choice = number < 7 ? 0 : number < 11 ? 1 : 2
            #expect(RawHTTP.vote(port, code: code, device: device(number), decision: 1 + 1, choice: choice) == 200
                    || RawHTTP.vote(port, code: code, device: device(number), decision: 1, choice: choice) == 200)
        }
        phones.type("lock")
        phones.waitFor("the bars") { $0.contains("The phones' votes (12 in all)") }
        #expect(RawHTTP.vote(port, code: code, device: device(99), decision: 2, choice: 0) == 409, "no vote after lock")
        phones.type("1")
        phones.type("group export \(folder.path)/phones.md")
        phones.waitFor("the export") { $0.contains("phones.md") }
        phones.quit()

        let byHand = try runAttune(["--group", "--data-dir", folder.appendingPathComponent("b").path],
                                   input: "play maya\nvotes 7 4 1\n1\ngroup export \(folder.path)/hand.md\nquit\n")
        #expect(byHand.status == 0)
        func body(_ name: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n").dropFirst(3).joined(separator: "\n")
        }
        // The same decision and tally; only where the votes came from differs.
        #expect(try body("phones.md").replacingOccurrences(of: "Votes counted from phones.", with: "Votes typed by the trainer.")
                == body("hand.md"))
        #expect(try body("phones.md").contains("Votes counted from phones."))
    }

    @Test("a piped session with the room page running prints what it prints without it")
    func shellUnchangedByServer() throws {
        let folder = try temporaryDirectory()
        let transcript = "play maya\nvotes 6 2 1\n1\nreveal\nchoices\n"
        let plain = try runAttune(["--group", "--data-dir", folder.appendingPathComponent("a").path], input: transcript + "quit\n")
        let served = try runAttune(["--group", "--serve", "--bind", "127.0.0.1", "--data-dir", folder.appendingPathComponent("b").path],
                                   input: transcript + "group serve off\nquit\n")
        #expect(served.status == 0, "\(served.stderr)")
        func play(_ text: String) -> String {
            (text.components(separatedBy: "Group session 1 begins.").last ?? "").split(separator: "\n")
                .filter { !$0.hasPrefix("Phones:") && !$0.hasPrefix("The room page has stopped") }.joined(separator: "\n")
        }
        #expect(!play(plain.stdout).isEmpty)
        #expect(play(served.stdout) == play(plain.stdout))
        #expect(served.stdout.contains("Room code:"))
    }

    @Test("a workshop in a real browser: 12 phones and the room screen through every phase, driven from the terminal (screenshots, axe)",
          .enabled(if: browserReady, "chromium, chromium-driver, Selenium or axe-selenium-python is missing; `make test` installs them"))
    func workshop() throws {
        let folder = try temporaryDirectory()
        let shots = packageRoot.appendingPathComponent(".build/screenshots/workshop")
        try? FileManager.default.removeItem(at: shots)
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let control = folder.appendingPathComponent("control")
        try FileManager.default.createDirectory(at: control, withIntermediateDirectories: true)
        let attune = try LiveAttune(["--group", "--serve", "--bind", "127.0.0.1", "--port", "0",
                                     "--data-dir", folder.appendingPathComponent("data").path, "--color", "never"])
        defer { attune.quit() }
        attune.waitFor("the join link") { $0.contains("Room code:") }
        let link = try #require(attune.joinLink)
        attune.type("play maya")
        attune.waitFor("the first moment") { $0.contains("What do you do first?") }
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: venvPython)
        browser.arguments = [packageRoot.appendingPathComponent("Tests/Browser/room_workshop.py").path, link, link + "room",
                             shots.path, control.path]
        let log = folder.appendingPathComponent("browser.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        browser.standardOutput = try FileHandle(forWritingTo: log)
        browser.standardError = browser.standardOutput
        try browser.run()
        let deadline = Date().addingTimeInterval(400)
        func file(_ name: String) -> Bool { FileManager.default.fileExists(atPath: control.appendingPathComponent(name).path) }
        func waitFile(_ name: String) {
            while !file(name), browser.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        }
        /// Tells the harness the room shows `phase`, and waits until every page has been checked in it.
        func phase(_ name: String) {
            _ = FileManager.default.createFile(atPath: control.appendingPathComponent("phase-" + name).path, contents: Data())
            waitFile("seen-" + name)
        }
        phase("reading")
        attune.type("open")
        attune.waitFor("voting open") { $0.contains("Voting is open on phones") }
        _ = FileManager.default.createFile(atPath: control.appendingPathComponent("phase-voting").path, contents: Data())
        waitFile("voted")
        waitFile("seen-voting")
        attune.type("lock")
        attune.waitFor("the phones' tally") { $0.contains("The phones' votes (12 in all)") }
        phase("locked")
        attune.type("1")
        attune.waitFor("the next moment") { $0.contains("How do you respond?") }
        phase("chosen")
        attune.type("reveal")
        attune.waitFor("the reveal") { $0.contains("How each option met the family") }
        phase("revealed")
        // The room settles on the first response at every later moment, up to the ending.
        for _ in 0..<30 where !attune.text.contains("The room's path") {
            attune.type("1")
            Thread.sleep(forTimeInterval: 0.3)
        }
        attune.waitFor("the room's path") { $0.contains("The room matched the most attuned option at") }
        phase("ended")
        attune.type("stop")
        attune.waitFor("the stop") { $0.contains("group resume 1") }
        phase("closed")
        while browser.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        if browser.isRunning { browser.terminate() }
        let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(browser.terminationStatus == 0, "\(said.suffix(4000))")
        for name in ["reading", "voting", "locked", "chosen", "revealed", "ended", "closed"] {
            #expect(file("seen-" + name), "the pages were checked in phase \(name)")
        }
    }
}
