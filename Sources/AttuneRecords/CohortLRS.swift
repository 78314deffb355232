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
    /// - Parameter progress: called after each page with the pages and statements read.
    /// - Throws: an ``LRSError`` only (its `problem` for a catalog: `catalog.transfer(.lrs(error.problem))`),
    ///   the password hidden. Declared untyped so callers that also catch other errors compile
    ///   unchanged.
    public func readCohort(_ query: CohortQuery, into tally: inout CohortTally,
                           progress: (_ pages: Int, _ statements: Int) -> Void = { _, _ in }) throws {
        let deadline = Date().addingTimeInterval(limits.overall)
        var budget = Budget(pages: query.maximumPages, bytes: query.maximumBytes)
        var filters: [URLQueryItem] = [URLQueryItem(name: "limit", value: String(query.pageSize))]
        let stamp = ISO8601DateFormatter()
        if let since = query.since { filters.append(URLQueryItem(name: "since", value: stamp.string(from: since))) }
        if let until = query.until { filters.append(URLQueryItem(name: "until", value: stamp.string(from: until))) }
        do throws(LRSError) {
            var voided = Set<String>()
            try pages(filters + [URLQueryItem(name: "verb", value: CohortStatement.voidedVerb)], budget: &budget,
                      deadline: deadline) { (statement: CohortRawStatement?) in
                if let target = CohortTally.voidedTarget(of: statement) { voided.insert(target) }
            }
            tally.voided.formUnion(voided)
            var pagesRead = 0
            var statementsRead = 0
            try pages(filters + [URLQueryItem(name: "activity", value: XAPIStatements.cohortActivity(query.cohort)),
                                 URLQueryItem(name: "related_activities", value: "true"),
                                 URLQueryItem(name: "ascending", value: "true")],
                      budget: &budget, deadline: deadline, page: {
                          pagesRead += 1
                          progress(pagesRead, statementsRead)
                      }) { statement in
                statementsRead += 1
                tally.add(raw: statement)
            }
        } catch {
            throw hidingSecrets(error)
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

    /// Every statement of every page for `filters`, following `more`.
    private func pages(_ filters: [URLQueryItem], budget: inout Budget, deadline: Date, page: () -> Void = {},
                       statement: (CohortRawStatement?) -> Void) throws(LRSError) {
        var components = URLComponents(url: statementsURL, resolvingAgainstBaseURL: false)!
        components.queryItems = filters
        guard var url = components.url else {
            throw LRSError(.requestNotMade)
        }
        var followed = Set<String>()
        while true {
            guard budget.pages > 0 else {
                throw LRSError(.pagesForever(endpoint: endpoint.key, pages: budget.maximumPages))
            }
            budget.pages -= 1
            let answer = try exchange(method: "GET", url: url, body: nil, deadline: deadline, purpose: .reading)
            budget.bytes -= answer.body.count
            guard budget.bytes >= 0 else {
                throw LRSError(.tooMuchInAll(endpoint: endpoint.key, limit: budget.maximumBytes))
            }
            let more = try statements(in: answer, from: url, each: statement)
            page()
            guard let more, !more.isEmpty else { return }
            guard let next = URL(string: more, relativeTo: url)?.absoluteURL,
                  next.scheme == statementsURL.scheme, next.host == statementsURL.host, next.port == statementsURL.port else {
                throw LRSError(.nextPageElsewhere(endpoint: endpoint.key, more: LRSEndpoint.redacted(more)))
            }
            guard followed.insert(next.absoluteString).inserted else {
                throw LRSError(.pagesInCircle(endpoint: endpoint.key, pages: followed.count))
            }
            url = next
        }
    }

    /// The statements of one answer, passed to `each`, and its `more` link; or why not.
    private func statements(in answer: Answer, from url: URL, each: (CohortRawStatement?) -> Void) throws(LRSError) -> String? {
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
        for element in page.statements { each(element.statement) }
        return page.more
    }
}
