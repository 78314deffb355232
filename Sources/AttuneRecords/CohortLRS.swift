import AttuneCatalog
import Foundation

/// What to ask an LRS for, and how much of its answer to accept.
public struct CohortQuery: Sendable {
    /// The cohort (checked by ``CohortName``): statements whose context names
    /// `urn:attune:cohort:NAME` (the standard `activity` filter with `related_activities`).
    public var cohort: String
    /// The standard `since` and `until` filters: when the LRS stored the statements.
    public var since: Date?
    public var until: Date?
    /// Statements asked for per page (`limit`).
    public var pageSize: Int
    /// The most pages read in all; an LRS that pages on past it is reported, not followed.
    public var maximumPages: Int
    /// The most bytes read in all, every page together.
    public var maximumBytes: Int

    public init(cohort: String, since: Date? = nil, until: Date? = nil, pageSize: Int = 500, maximumPages: Int = 10_000,
                maximumBytes: Int = 4 << 30) {
        self.cohort = cohort
        self.since = since
        self.until = until
        self.pageSize = max(pageSize, 1)
        self.maximumPages = max(maximumPages, 1)
        self.maximumBytes = max(maximumBytes, 1)
    }
}

/// Thrown by ``LRSClient/readCohort(_:into:progress:stop:)`` when its stop check said stop
/// (a trainer's Ctrl-C): not a failure of the LRS. The request in flight was abandoned, no
/// further request was made, and the reading thread has ended; the tally holds only part
/// of the cohort and must not be reported.
public struct LRSReadStopped: Error, Sendable, Hashable {
    public init() {}
}

extension LRSClient {
    /// Reads a cohort's statements into `tally`, page by page (`GET statements` with the
    /// standard filters, following `more`), under the same rules as sending: the one
    /// deadline (``Limits/overall``) for everything, every page read only up to
    /// ``Limits/maxResponseBytes``, redirects never followed, and a `more` that leads
    /// anywhere but this LRS refused (the password goes only to the address given).
    ///
    /// First the voiding statements are read (verb `voided`; an LRS leaves voided statements
    /// out of its answers anyway, but one that does not must not change a count), then the
    /// cohort's. Stops with a message on: a page that is not a list of statements, a `more`
    /// already followed (a loop), more than ``CohortQuery/maximumPages`` pages or
    /// ``CohortQuery/maximumBytes`` in all.
    ///
    /// The pages are fetched and decoded on a thread of its own, one page ahead of the
    /// counting (``CohortPageHandOff``): while `tally` counts page N, the LRS is already
    /// answering for page N+1. The counting stays on the calling thread, in order, and
    /// after the voiding pass is complete. A page counts only when it is sound, its `more`
    /// link included: on the first problem, the pages before it have been counted and none
    /// after; no further request is made, and the reading thread has ended when this returns
    /// or throws.
    ///
    /// - Parameters:
    ///   - progress: called after each page with the pages and statements read, on the
    ///     calling thread.
    ///   - stop: asked while reading (``LRSClient/StopCheck``: before and during each
    ///     request, through each pause between tries, and every 50 ms while the counting
    ///     waits); once it says stop, the request in flight is abandoned, no further request
    ///     is made, and ``LRSReadStopped`` is thrown once the reading thread has ended.
    /// - Throws: an ``LRSError`` (its `problem` for a catalog: `catalog.transfer(.lrs(error.problem))`),
    ///   the password hidden; or ``LRSReadStopped``. Declared untyped so callers that also
    ///   catch other errors compile unchanged.
    public func readCohort(_ query: CohortQuery, into tally: inout CohortTally,
                           progress: (_ pages: Int, _ statements: Int) -> Void = { _, _ in }, stop: StopCheck? = nil) throws {
        let deadline = Date().addingTimeInterval(limits.overall)
        let budget = Budget(pages: query.maximumPages, bytes: query.maximumBytes)
        var filters: [URLQueryItem] = [URLQueryItem(name: "limit", value: String(query.pageSize))]
        let stamp = ISO8601DateFormatter()
        if let since = query.since { filters.append(URLQueryItem(name: "since", value: stamp.string(from: since))) }
        if let until = query.until { filters.append(URLQueryItem(name: "until", value: stamp.string(from: until))) }
        let voiding = filters + [URLQueryItem(name: "verb", value: CohortStatement.voidedVerb)]
        let cohort = filters + [URLQueryItem(name: "activity", value: XAPIStatements.cohortActivity(query.cohort)),
                                URLQueryItem(name: "related_activities", value: "true"),
                                URLQueryItem(name: "ascending", value: "true")]
        let handOff = CohortPageHandOff()
        // The reader also abandons its request once the counting has stopped.
        let readerStop: StopCheck?
        if let stop { readerStop = { handOff.isStopped || stop() } } else { readerStop = nil }
        let reader = Thread { [self] in
            readPages(voiding: voiding, cohort: cohort, budget: budget, deadline: deadline, stop: readerStop, to: handOff)
            handOff.readerEnded()
        }
        reader.name = "Attune: reading the LRS"
        // The main thread's stack: a hostile page nested deep must not overflow a smaller one.
        reader.stackSize = 8 << 20
        reader.start()
        defer { handOff.stop(waitingFor: reader) }
        var pagesRead = 0
        var statementsRead = 0
        while true {
            switch handOff.take(unless: stop) {
            case .voided(let ids):
                tally.voided.formUnion(ids)
            case .page(let statements):
                pagesRead += 1
                for statement in statements {
                    statementsRead += 1
                    tally.add(raw: statement)
                }
                progress(pagesRead, statementsRead)
            case .finished:
                return
            case .failed(let error):
                throw hidingSecrets(error)
            case .stopped:
                throw LRSReadStopped()
            }
        }
    }

    /// What is left of the page and byte allowance.
    struct Budget {
        var pages: Int
        var bytes: Int
        let maximumPages: Int
        let maximumBytes: Int

        init(pages: Int, bytes: Int) {
            self.pages = pages
            self.bytes = bytes
            maximumPages = pages
            maximumBytes = bytes
        }
    }

    /// The reading thread's work: the voiding pass (its ids handed over once it is
    /// complete), then the cohort's pages one by one, then `finished`; or the first problem;
    /// or `stopped` when `stop` said so (dropped if the counting has stopped already).
    private func readPages(voiding: [URLQueryItem], cohort: [URLQueryItem], budget: Budget, deadline: Date,
                           stop: StopCheck?, to handOff: CohortPageHandOff) {
        var budget = budget
        do throws(LRSError) {
            var voided = Set<String>()
            let voidingRead = try pages(voiding, budget: &budget, deadline: deadline, stop: stop, handOff: handOff) { statements in
                for statement in statements {
                    if let target = CohortTally.voidedTarget(of: statement) { voided.insert(target) }
                }
                return true
            }
            guard voidingRead, handOff.hand(.voided(voided)) else {
                handOff.hand(.stopped)
                return
            }
            guard try pages(cohort, budget: &budget, deadline: deadline, stop: stop, handOff: handOff,
                            each: { handOff.hand(.page($0)) })
            else {
                handOff.hand(.stopped)
                return
            }
            handOff.hand(.finished)
        } catch {
            handOff.hand(.failed(error))
        }
    }

    /// Every page for `filters`, following `more`, each passed to `each` once it and its
    /// `more` link are sound. Before each request, waits for the hand-off to have room;
    /// returns false, making no further request, when the counting has stopped (or `each`
    /// says so, or `stop` did), true when the last page has been passed on.
    private func pages(_ filters: [URLQueryItem], budget: inout Budget, deadline: Date, stop: StopCheck?,
                       handOff: CohortPageHandOff,
                       each: ([CohortRawStatement?]) -> Bool) throws(LRSError) -> Bool {
        var components = URLComponents(url: statementsURL, resolvingAgainstBaseURL: false)!
        components.queryItems = filters
        guard var url = components.url else {
            throw LRSError(.requestNotMade)
        }
        // The first address too: a `more` back to it goes round in a circle at once.
        var followed: Set<String> = [url.absoluteString]
        while true {
            guard budget.pages > 0 else {
                throw LRSError(.pagesForever(endpoint: endpoint.key, pages: budget.maximumPages))
            }
            guard handOff.waitForRoom() else { return false }
            budget.pages -= 1
            guard let answer = try exchange(method: "GET", url: url, body: nil, deadline: deadline, purpose: .reading, stop: stop)
            else { return false }
            budget.bytes -= answer.body.count
            guard budget.bytes >= 0 else {
                throw LRSError(.tooMuchInAll(endpoint: endpoint.key, limit: budget.maximumBytes))
            }
            let page = try statements(in: answer, from: url)
            var next: URL?
            if let more = page.more, !more.isEmpty {
                guard let link = URL(string: more, relativeTo: url)?.absoluteURL,
                      link.scheme == statementsURL.scheme, link.host == statementsURL.host, link.port == statementsURL.port else {
                    throw LRSError(.nextPageElsewhere(endpoint: endpoint.key, more: LRSEndpoint.redacted(more)))
                }
                guard followed.insert(link.absoluteString).inserted else {
                    throw LRSError(.pagesInCircle(endpoint: endpoint.key, pages: followed.count))
                }
                next = link
            }
            guard each(page.statements) else { return false }
            guard let next else { return true }
            url = next
        }
    }

    /// The statements of one answer and its `more` link; or why not.
    private func statements(in answer: Answer, from url: URL) throws(LRSError) -> (statements: [CohortRawStatement?], more: String?) {
        switch answer.status {
        case 200:
            break
        case 300...399:
            throw redirected(answer, from: url, purpose: .reading)
        case 401, 403:
            throw LRSError(.refused(status: answer.status, purpose: .reading))
        default:
            throw LRSError(.cohortNotAnswered(status: answer.status, gist: gist(of: answer)))
        }
        guard let page = try? JSONDecoder().decode(CohortPage.self, from: answer.body) else {
            if LRSText.looksLikeHTML(answer.body) { throw webPage(answer, purpose: .reading) }
            throw LRSError(.notStatements(endpoint: endpoint.key, gist: gist(of: answer)))
        }
        return (page.statements.map(\.statement), page.more)
    }
}
