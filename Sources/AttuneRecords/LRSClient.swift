import AttuneCatalog
import Foundation

/// Why statements could not be sent or read: what happened, typed, for a catalog to say with
/// what to do (`catalog.transfer(.lrs(error.problem))`). Anything that came from the network
/// in it has been made safe to print (``LRSText``), and the password hidden.
public struct LRSError: Error, Sendable, Hashable, CustomStringConvertible {
    public let problem: TransferText.LRS

    public init(_ problem: TransferText.LRS) {
        self.problem = problem
    }

    /// The English, for logs and test output; a user is shown the catalog's words.
    public var description: String { English().transfer(.lrs(problem)) }
}

/// What one send achieved. Statements are confirmed one by one, so a send that stops part
/// way still says exactly which statements the LRS holds.
public struct LRSSendReport: Sendable {
    /// Ids the LRS confirmed it holds: listed in its answer to the POST, or returned when
    /// asked for by id. Only these may be recorded as sent.
    public var stored: [String] = []
    /// Ids for which the LRS already holds a *different* statement (409 Conflict): not stored.
    public var conflicts: [String] = []
    /// Why sending stopped before every statement was settled, if it did.
    public var problem: LRSError?

    public init() {}
}

/// Sends statements to a Learning Record Store's statements resource (xAPI 1.0.3) with
/// basic authentication, and nowhere else.
///
/// The rules, each checked by a test against a misbehaving local server
/// (Tests/AttuneShellTests/LRSMisbehavingTests.swift):
/// - Redirects are never followed, for any request: the credentials and the statements go
///   only to the address given. A 3xx answer is reported with its new address.
/// - Plain http is refused unless the address is this computer, or the caller allows it.
/// - A statement counts as stored only when the LRS names its id (see ``send(_:batchSize:)``).
/// - Every try has a time limit, the whole send has a deadline, and an answer is read only
///   up to ``Limits/maxResponseBytes``.
/// - Transient failures (no connection, a timeout, 429, 5xx) are retried with backoff while
///   the deadline allows.
/// - Nothing the network sends reaches a message unneutralised (``LRSText``).
public struct LRSClient: Sendable {
    /// How long and how much.
    public struct Limits: Sendable {
        /// The deadline for a whole send (all batches, retries and checks), in seconds.
        public var overall: TimeInterval
        /// The most one try (one request and its whole answer) may take, in seconds.
        public var perTry: TimeInterval
        /// The largest answer read; past it, reading stops and the send is reported.
        public var maxResponseBytes: Int
        /// The most tries for one request (the deadline usually ends retrying first).
        public var attempts: Int
        /// The first pause between tries, doubled after each, in seconds.
        public var backoff: TimeInterval

        public init(overall: TimeInterval = 60, perTry: TimeInterval = 20, maxResponseBytes: Int = 1 << 20,
                    attempts: Int = 6, backoff: TimeInterval = 0.5) {
            self.overall = max(overall, 0.1)
            self.perTry = max(min(perTry, self.overall), 0.1)
            self.maxResponseBytes = maxResponseBytes
            self.attempts = max(attempts, 1)
            self.backoff = backoff
        }

        public static let standard = Limits()
    }

    public let endpoint: LRSEndpoint
    public var statementsURL: URL { endpoint.statementsURL }
    public let limits: Limits
    let authorization: String
    /// The password in every form an LRS could echo it (as typed, percent-encoded, and in
    /// the basic-authentication header), hidden from every message this client makes.
    let secrets: [String]

    public init(endpoint: LRSEndpoint, user: String, password: String, allowInsecureHTTP: Bool = false,
                limits: Limits = .standard) throws(LRSError) {
        try Self.checkTransport(endpoint, allowInsecureHTTP: allowInsecureHTTP)
        if user.contains(":") { throw LRSError(.userHasColon) }
        self.endpoint = endpoint
        self.limits = limits
        let basic = Data("\(user):\(password)".utf8).base64EncodedString()
        authorization = "Basic " + basic
        secrets = password.isEmpty ? [] : [password, basic,
                                           password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password]
    }

    /// `error` with the password hidden wherever it appears.
    func hidingSecrets(_ error: LRSError) -> LRSError {
        error.hiding(secrets)
    }

    public init(endpoint: String, user: String, password: String, allowInsecureHTTP: Bool = false,
                limits: Limits = .standard) throws(LRSError) {
        try self.init(endpoint: try LRSEndpoint(endpoint), user: user, password: password,
                      allowInsecureHTTP: allowInsecureHTTP, limits: limits)
    }

    /// Plain http is allowed only to this computer, or when the learner says so: over http
    /// the password (basic authentication is only base64) and the statements cross every
    /// network on the way in clear text.
    public static func checkTransport(_ endpoint: LRSEndpoint, allowInsecureHTTP: Bool) throws(LRSError) {
        guard !endpoint.isEncrypted, !endpoint.isLoopback, !allowInsecureHTTP else { return }
        throw LRSError(.notEncrypted(endpoint: endpoint.key))
    }

    // MARK: One exchange

    /// An answer from the LRS (any status), its body complete and within the size limit.
    struct Answer {
        var status: Int
        var body: Data
        var location: String?
        var retryAfter: TimeInterval?
    }

    /// What one try came to.
    private enum Try {
        case answered(Answer)
        case failed(TransferText.Connection, transient: Bool)
        case timedOut
        case tooLarge
        case compressed(String)
        case stopped
    }

    /// Asked while reading can be stopped (a trainer's Ctrl-C): before each try, during each
    /// (at least about once a second), and through each pause between tries. Once it says
    /// yes, no further request is made. It must be safe to call from any thread.
    public typealias StopCheck = @Sendable () -> Bool

    /// The seconds a `Retry-After` header asks for, when it gives a number of seconds that
    /// is finite (`1e400` is not: it would end the send at once), not negative, and at most
    /// a day; else nil, and the usual backoff applies. (An HTTP date is not used: the
    /// deadline decides anyway.)
    static func retryAfter(_ value: String) -> TimeInterval? {
        guard let seconds = TimeInterval(value.trimmingCharacters(in: .whitespaces)), seconds.isFinite,
              seconds >= 0, seconds <= 86_400 else { return nil }
        return seconds
    }

    /// One try: at most `timeout` seconds for the request and its whole answer, however
    /// slowly the answer arrives, and never more of the answer than the limit (see
    /// ``LRSTransfer``).
    private func attempt(method: String, url: URL, body: Data?, timeout: TimeInterval, stop: StopCheck?) -> Try {
        let headers = ["Authorization": authorization, "X-Experience-API-Version": "1.0.3", "Accept": "application/json"]
            .merging(body == nil ? [:] : ["Content-Type": "application/json"]) { first, _ in first }
        switch LRSTransfer.perform(method: method, url: url, headers: headers, body: body, timeout: timeout,
                                   limit: limits.maxResponseBytes, stop: stop) {
        case let .answered(status, body, headers):
            return .answered(Answer(status: status, body: body, location: headers["location"],
                                    retryAfter: headers["retry-after"].flatMap(Self.retryAfter)))
        case let .failed(why, transient): return .failed(why, transient: transient)
        case .timedOut: return .timedOut
        case .tooLarge: return .tooLarge
        case let .compressed(encoding): return .compressed(encoding)
        case .stopped: return .stopped
        }
    }

    /// One HTTP request, retried while the failure looks temporary and `deadline` allows.
    /// Returns any answer that is not transient (3xx included: never followed).
    /// What the exchanges are for, so their messages say what was (not) done.
    typealias Purpose = TransferText.Purpose

    func exchange(method: String, url: URL, body: Data?, deadline: Date, purpose: Purpose = .sending) throws(LRSError) -> Answer {
        // Without a stop check nothing returns nil.
        guard let answer = try exchange(method: method, url: url, body: body, deadline: deadline, purpose: purpose, stop: nil)
        else { throw LRSError(.requestNotMade) }
        return answer
    }

    /// The same, stopped when `stop` says so: then nil, the request in flight abandoned and
    /// no further try made.
    func exchange(method: String, url: URL, body: Data?, deadline: Date, purpose: Purpose,
                  stop: StopCheck?) throws(LRSError) -> Answer? {
        let started = Date()
        var tries = 0
        var lastProblem: TransferText.Attempt?
        var outOfTime = false
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0.05 {
                outOfTime = true
                break
            }
            tries += 1
            let timeout = min(limits.perTry, remaining)
            var retryAfter: TimeInterval?
            switch attempt(method: method, url: url, body: body, timeout: timeout, stop: stop) {
            case .stopped:
                return nil
            case .answered(let answer) where answer.status == 429 || answer.status >= 500:
                lastProblem = answer.status == 429 ? .busy : .serverError(status: answer.status)
                retryAfter = answer.retryAfter
            case .answered(let answer):
                return answer
            case .tooLarge:
                throw LRSError(.tooLarge(endpoint: endpoint.key, limit: limits.maxResponseBytes, purpose: purpose))
            case .compressed(let encoding):
                throw LRSError(.compressed(endpoint: endpoint.key, encoding: LRSText.excerpt(encoding, limit: 30), purpose: purpose))
            case .timedOut:
                // A try the deadline cut short says less than what went before it.
                if timeout >= limits.perTry || lastProblem == nil {
                    lastProblem = .didNotFinish(seconds: timeout)
                }
                outOfTime = timeout < limits.perTry
            case .failed(let why, let transient):
                lastProblem = .connection(why)
                if !transient { throw LRSError(.failed(endpoint: endpoint.key, why: why, purpose: purpose)) }
            }
            if tries >= limits.attempts { break }
            let pause = max(limits.backoff * Double(1 << min(tries - 1, 10)), retryAfter ?? 0)
            if Date().addingTimeInterval(pause + 0.05) >= deadline {
                outOfTime = true
                break
            }
            guard Self.sleep(pause, unless: stop) else { return nil }
        }
        let elapsed = Date().timeIntervalSince(started)
        throw LRSError(.unreachable(endpoint: endpoint.key, tries: tries, elapsed: elapsed, last: lastProblem,
                                    outOfTime: outOfTime, overall: limits.overall, purpose: purpose))
    }

    /// Sleeps `seconds`, in short naps while there is a stop check; false, at once, when it says stop.
    private static func sleep(_ seconds: TimeInterval, unless stop: StopCheck?) -> Bool {
        guard let stop else {
            Thread.sleep(forTimeInterval: seconds)
            return true
        }
        let end = Date().addingTimeInterval(seconds)
        while true {
            if stop() { return false }
            let left = end.timeIntervalSinceNow
            if left <= 0 { return true }
            Thread.sleep(forTimeInterval: min(left, 0.05))
        }
    }

    // MARK: Answers that end a send

    /// A 3xx answer, never followed: where it pointed (credentials taken out), if it said.
    func redirected(_ answer: Answer, from url: URL, purpose: Purpose = .sending) -> LRSError {
        let target = answer.location.map {
            LRSEndpoint.redacted(URL(string: $0, relativeTo: url)?.absoluteURL.absoluteString ?? $0)
        }
        return LRSError(.redirected(status: answer.status, target: target, purpose: purpose))
    }

    /// What an answer's body says, for a message (nil when it says nothing), the password hidden.
    func gist(of answer: Answer) -> String? {
        let gist = LRSText.gist(of: answer.body, hiding: secrets)
        return gist.isEmpty ? nil : gist
    }

    /// A web page where an LRS's answer was due.
    func webPage(_ answer: Answer, purpose: Purpose) -> LRSError {
        LRSError(.webPage(gist: LRSText.gist(of: answer.body, hiding: secrets), purpose: purpose))
    }

    private func notAnLRS(_ answer: Answer) -> LRSError {
        if LRSText.looksLikeHTML(answer.body) { return webPage(answer, purpose: .sending) }
        return LRSError(.notListed(status: answer.status, gist: gist(of: answer)))
    }

    // MARK: Sending

    /// Sends statements in batches and says which the LRS now holds.
    ///
    /// xAPI 1.0.3 (Communication 2.1.2), exactly: a POST to the statements resource is
    /// answered 200 OK with a JSON array of the ids stored. A statement counts as stored
    /// only when the LRS names its id:
    /// - 200 (or 201) with a JSON array of strings: the ids in it that were sent are stored.
    ///   Any other 200 body (a captive portal's web page, garbage) ends the send: none stored.
    /// - 204 No Content is the answer to a PUT, which Attune never sends; some LRSs also give
    ///   it to a POST whose statements they all held already, and `[]` or a partial list can
    ///   mean the same. It confirms nothing by itself: each id not listed is asked for
    ///   (GET ?statementId=ID), and counts as stored only if the LRS returns that statement.
    /// - 409 Conflict: the LRS holds a different statement under one of the ids. A batch is
    ///   resent one statement at a time so the others are settled; a single statement
    ///   answered 409 is a conflict (``LRSSendReport/conflicts``), never stored.
    /// - 3xx (never followed), 401/403, other 4xx, an answer too large, or the deadline end
    ///   the send (``LRSSendReport/problem``); what was confirmed before stays confirmed.
    public func send(_ statements: [[String: Any]], batchSize: Int = 50) -> LRSSendReport {
        let deadline = Date().addingTimeInterval(limits.overall)
        var report = LRSSendReport()
        var index = 0
        do throws(LRSError) {
            while index < statements.count {
                let batch = Array(statements[index..<min(index + max(batchSize, 1), statements.count)])
                index += max(batchSize, 1)
                try sendBatch(batch, deadline: deadline, into: &report)
            }
        } catch {
            report.problem = hidingSecrets(error)
        }
        return report
    }

    private func sendBatch(_ batch: [[String: Any]], deadline: Date, into report: inout LRSSendReport) throws(LRSError) {
        let ids = batch.compactMap { $0["id"] as? String }
        guard ids.count == batch.count else {
            throw LRSError(.statementWithoutID)
        }
        let body: Data
        do {
            body = try JSONSerialization.data(withJSONObject: batch, options: [.withoutEscapingSlashes])
        } catch {
            throw LRSError(.notJSON)
        }
        let answer = try exchange(method: "POST", url: statementsURL, body: body, deadline: deadline)
        switch answer.status {
        case 200, 201:
            guard let listed = Self.statementIDs(in: answer.body) else { throw notAnLRS(answer) }
            report.stored += ids.filter { listed.contains($0.lowercased()) }
            try confirm(ids.filter { !listed.contains($0.lowercased()) }, answered: answer.status, deadline: deadline, into: &report)
        case 204:
            try confirm(ids, answered: answer.status, deadline: deadline, into: &report)
        case 409 where batch.count > 1:
            for statement in batch { try sendBatch([statement], deadline: deadline, into: &report) }
        case 409:
            report.conflicts += ids
        case 300...399:
            throw redirected(answer, from: statementsURL)
        case 401, 403:
            throw LRSError(.refused(status: answer.status, purpose: .sending))
        default:
            throw LRSError(.rejected(status: answer.status, gist: gist(of: answer)))
        }
    }

    /// Asks the LRS for each statement it did not list; those it returns are stored.
    private func confirm(_ ids: [String], answered status: Int, deadline: Date,
                         into report: inout LRSSendReport) throws(LRSError) {
        var unconfirmed = 0
        for id in ids {
            if try holds(id, deadline: deadline) { report.stored.append(id) } else { unconfirmed += 1 }
        }
        guard unconfirmed > 0 else { return }
        throw LRSError(.unconfirmed(status: status, count: unconfirmed))
    }

    /// Whether the LRS returns the statement with this id.
    func holds(_ id: String, deadline: Date) throws(LRSError) -> Bool {
        var components = URLComponents(url: statementsURL, resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "statementId", value: id)]
        guard let url = components.url else { return false }
        let answer = try exchange(method: "GET", url: url, body: nil, deadline: deadline)
        switch answer.status {
        case 200:
            // The statement itself, as xAPI says; some LRSs (ralph) wrap it in a StatementResult.
            guard let object = try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any] else { return false }
            let statements = object["statements"] as? [[String: Any]] ?? [object]
            return statements.contains { ($0["id"] as? String)?.lowercased() == id.lowercased() }
        case 300...399:
            throw redirected(answer, from: url)
        default:
            return false
        }
    }

    /// The ids in an LRS's answer to a POST (a JSON array of strings), in lower case; else nil.
    static func statementIDs(in body: Data) -> Set<String>? {
        guard let array = try? JSONSerialization.jsonObject(with: body) as? [Any] else { return nil }
        var ids = Set<String>()
        for element in array {
            guard let id = element as? String else { return nil }
            ids.insert(id.lowercased())
        }
        return ids
    }

    /// The statements the LRS holds (first page), for checking a round trip.
    public func fetchStatementIDs(limit: Int = 1000) throws(LRSError) -> [String] {
        var components = URLComponents(url: statementsURL, resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "limit", value: String(limit))]
        let deadline = Date().addingTimeInterval(limits.overall)
        let answer = try exchange(method: "GET", url: components.url!, body: nil, deadline: deadline)
        if (300...399).contains(answer.status) { throw redirected(answer, from: statementsURL) }
        guard answer.status == 200,
              let object = try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any],
              let statements = object["statements"] as? [[String: Any]] else {
            throw LRSError(.listAnswered(status: answer.status))
        }
        return statements.compactMap { $0["id"] as? String }
    }
}
