import AttuneCore
@testable import AttuneRecords
import Foundation
import Synchronization
import Testing

/// Stopping a cohort read (`readCohort(_:into:progress:stop:)`, a trainer's Ctrl-C in the
/// shell), against Tests/LRSFixtures/misbehaving_lrs.py answering slowly, busily or never:
/// the read returns well before the LRS would have answered, throws ``LRSReadStopped`` (not
/// an ``LRSError``), and makes no request after the stop; a stop check that never fires
/// changes nothing.
@Suite("Cohort report from an LRS, stopped part way", .serialized)
struct CohortStopTests {
    private static let cohort = "spring-2027"

    /// Seconds the slow page takes: every stop must come back well before it.
    private static let slowDelay: Double = 20

    /// `count` pages of two statements each, each page its own learner.
    private static func pages(_ count: Int) -> [[[String: Any]]] {
        (1...count).map { page in
            (1...2).map { index in
                ["id": UUID().uuidString,
                 "actor": ["account": ["homePage": "https://attune.invalid", "name": "learner-\(page)"]],
                 "verb": ["id": "http://adlnet.gov/expapi/verbs/attempted"],
                 "object": ["id": "urn:attune:scenario:case-\(index)"],
                 "context": ["platform": "Attune", "contextActivities": ["grouping": [["id": "urn:attune:cohort:\(cohort)"]]]]]
            }
        }
    }

    private func newTally() -> CohortTally {
        CohortTally(scenarios: [], knowledge: .empty, options: .init(cohort: Self.cohort, checksPeriod: false))
    }

    /// What one read came to: the error (nil when it finished), the progress calls, and how long it took.
    private struct Read {
        var error: (any Error)?
        var progress: [[Int]]
        var seconds: TimeInterval
    }

    private func read(_ server: LocalLRS, stop: LRSClient.StopCheck?, limits: LRSClient.Limits = .init(overall: 60, perTry: 40, attempts: 1),
                      into tally: inout CohortTally, during: (Int) -> Void = { _ in }) throws -> Read {
        let client = try LRSClient(endpoint: server.endpoint, user: "tester", password: "secret", limits: limits)
        var calls: [[Int]] = []
        let started = Date()
        do {
            try client.readCohort(CohortQuery(cohort: Self.cohort, pageSize: 2), into: &tally, progress: { pages, statements in
                calls.append([pages, statements])
                during(pages)
            }, stop: stop)
            return Read(error: nil, progress: calls, seconds: Date().timeIntervalSince(started))
        } catch {
            return Read(error: error, progress: calls, seconds: Date().timeIntervalSince(started))
        }
    }

    /// Waits (up to ten seconds) until the LRS has been asked for `count` of the cohort's pages.
    private func waitForCohortRequests(_ server: LocalLRS, _ count: Int) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if server.cohortRequests >= count { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// Whether the read ended as a stop, and not as a failure of the LRS.
    private func wasStopped(_ read: Read) -> Bool {
        read.error is LRSReadStopped && !(read.error is LRSError)
    }

    @Test("stopped while a slow page is in flight: back well before the LRS answers, page 1 counted and no request after")
    func stopWhileSlowPageInFlight() throws {
        let server = try LocalLRS(mode: "pages-slow-2", pages: Self.pages(3), delay: Self.slowDelay)
        let stop = StopFlag()
        var tally = newTally()
        var pageTwoAsked = false
        let read = try read(server, stop: stop.check, into: &tally) { page in
            guard page == 1 else { return }
            pageTwoAsked = waitForCohortRequests(server, 2)
            Thread.sleep(forTimeInterval: 0.3)
            stop.set()
        }
        let afterStop = try #require(stop.seconds, "the stop was never asked for")
        #expect(pageTwoAsked, "page 2 was never asked for")
        #expect(wasStopped(read), "\(String(describing: read.error))")
        #expect(afterStop < Self.slowDelay / 4, "took \(afterStop) s after the stop; the slow page takes \(Self.slowDelay) s")
        #expect(read.progress == [[1, 2]])
        #expect(server.cohortRequests == 2)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(server.cohortRequests == 2, "a request after the stop")
        #expect(server.requestCount == 3, "the voiding page and two of the cohort's")
    }

    @Test("stopped between pages (page 2 fetched, waiting to be counted): page 2 never counted and page 3 never asked for")
    func stopBetweenPages() throws {
        let server = try LocalLRS(mode: "pages", pages: Self.pages(4))
        let stop = StopFlag()
        var tally = newTally()
        let read = try read(server, stop: stop.check, into: &tally) { page in
            guard page == 1 else { return }
            _ = waitForCohortRequests(server, 2)
            Thread.sleep(forTimeInterval: 0.3)
            stop.set()
        }
        #expect(wasStopped(read), "\(String(describing: read.error))")
        #expect((stop.seconds ?? 99) < 2, "took \(stop.seconds ?? 0) s after the stop")
        #expect(read.progress == [[1, 2]])
        Thread.sleep(forTimeInterval: 0.5)
        #expect(server.cohortRequests == 2, "a request after the stop")
    }

    @Test("stopped during the pause before a retry (the LRS busy): no further try, back well before the pause ends")
    func stopDuringBackoff() throws {
        let server = try LocalLRS(mode: "always-busy")
        let stop = StopFlag()
        var tally = newTally()
        // Set once the first try has been answered 503; the pause before the next is 8 s.
        stopAfterFirstRequest(server, stop)
        let read = try read(server, stop: stop.check, limits: .init(overall: 60, perTry: 10, attempts: 6, backoff: 8),
                            into: &tally)
        #expect(wasStopped(read), "\(String(describing: read.error))")
        #expect((stop.seconds ?? 99) < 2, "took \(stop.seconds ?? 0) s after the stop; the pause is 8 s")
        #expect(read.seconds < 6)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(server.requestCount == 1, "a try after the stop")
    }

    @Test("stopped while the LRS never answers the first request: back at once, with no second request")
    func stopWhileHanging() throws {
        let server = try LocalLRS(mode: "hang")
        let stop = StopFlag()
        var tally = newTally()
        stopAfterFirstRequest(server, stop)
        let read = try read(server, stop: stop.check, into: &tally)
        #expect(wasStopped(read), "\(String(describing: read.error))")
        #expect((stop.seconds ?? 99) < 5, "took \(stop.seconds ?? 0) s after the stop; the LRS never answers")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(server.requestCount == 1)
    }

    @Test("a stop asked for before reading starts: no request at all")
    func stoppedBeforeStarting() throws {
        let server = try LocalLRS(mode: "pages", pages: Self.pages(2))
        var tally = newTally()
        let read = try read(server, stop: { true }, into: &tally)
        #expect(wasStopped(read), "\(String(describing: read.error))")
        #expect(read.progress.isEmpty)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(server.requestCount == 0)
    }

    @Test("a stop check that never fires changes nothing: the same pages, tally and requests as without one")
    func neverFiringStop() throws {
        let pages = Self.pages(5)
        var reports: [CohortReport] = []
        var progress: [[[Int]]] = []
        var requests: [Int] = []
        for stop in [nil, { false }] as [LRSClient.StopCheck?] {
            let server = try LocalLRS(mode: "pages", pages: pages)
            var tally = newTally()
            let read = try read(server, stop: stop, into: &tally)
            #expect(read.error == nil, "\(String(describing: read.error))")
            reports.append(tally.report(source: .lrs(address: "lrs")))
            progress.append(read.progress)
            requests.append(server.requestCount)
        }
        #expect(reports[0] == reports[1])
        #expect(progress[0] == [[1, 2], [2, 4], [3, 6], [4, 8], [5, 10]])
        #expect(progress[0] == progress[1])
        #expect(requests == [6, 6])
    }

    @Test("a failure is still a failure when a stop check is given: an LRSError, not a stop")
    func failureWithStopCheck() throws {
        let server = try LocalLRS(mode: "not-json")
        var tally = newTally()
        let read = try read(server, stop: { false }, into: &tally)
        let error = try #require(read.error as? LRSError, "\(String(describing: read.error))")
        #expect("\(error)".contains("The report was not written"), "\(error)")
    }
}

/// A stop the test sets from any thread, and how long ago it was set.
private final class StopFlag: Sendable {
    private let setAt = Mutex<Date?>(nil)

    func set() { setAt.withLock { $0 = Date() } }

    /// The stop check handed to the read.
    var check: LRSClient.StopCheck { { [self] in setAt.withLock { $0 != nil } } }

    /// Seconds since the stop was set, or nil before.
    var seconds: TimeInterval? { setAt.withLock { $0 }.map { Date().timeIntervalSince($0) } }
}

/// Tests/LRSFixtures/misbehaving_lrs.py on 127.0.0.1, logging every request; stopped when the
/// test ends. (The shell tests' `MisbehavingLRS` does the same with more modes' options.)
private final class LocalLRS: @unchecked Sendable {
    private let process = Process()
    private let directory: URL
    let port: Int

    var endpoint: String { "http://127.0.0.1:\(port)/xAPI/" }

    /// - Parameters:
    ///   - pages: the cohort's pages for the pages modes (the voiding pass gets one empty page).
    ///   - delay: seconds a pages-slow-N page waits before it is answered.
    init(mode: String, pages: [[[String: Any]]] = [[]], delay: Double = 30) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("attune-stop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pagesFile = directory.appendingPathComponent("pages.json")
        try JSONSerialization.data(withJSONObject: ["voiding": [[]], "cohort": pages]).write(to: pagesFile)
        let ready = directory.appendingPathComponent("ready")
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("LRSFixtures/misbehaving_lrs.py")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", fixture.path, "--mode", mode, "--log", directory.appendingPathComponent("requests.jsonl").path,
                             "--ready", ready.path, "--pages", pagesFile.path, "--delay", String(delay)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let text = try? String(contentsOf: ready, encoding: .utf8),
               let first = text.split(whereSeparator: \.isWhitespace).first, let port = Int(first) {
                self.port = port
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw CocoaError(.fileReadNoSuchFile)
    }

    /// Every request the LRS's port received, in order: its target (path and query).
    private var targets: [String] {
        let text = (try? String(contentsOf: directory.appendingPathComponent("requests.jsonl"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            guard let entry = try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any],
                  entry["origin"] as? String == "lrs" else { return nil }
            return entry["target"] as? String
        }
    }

    var requestCount: Int { targets.count }

    /// Requests for the cohort's pages (not the voiding pass).
    var cohortRequests: Int { targets.filter { $0.contains("activity=") }.count }

    deinit {
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Sets `stop` 0.3 s after the server has seen its first request (waiting at most 10 s for it),
/// from another thread, as a trainer's Ctrl-C would arrive.
private func stopAfterFirstRequest(_ server: LocalLRS, _ stop: StopFlag) {
    let watcher = Thread {
        let deadline = Date().addingTimeInterval(10)
        while server.requestCount < 1 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        Thread.sleep(forTimeInterval: 0.3)
        stop.set()
    }
    watcher.start()
}
