import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Why statements could not be sent, in words for the person running the export.
public struct LRSError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// Sends statements to a Learning Record Store's statements resource with basic
/// authentication. Transient failures (no connection, 429, 5xx) are retried with backoff;
/// a statement the LRS already holds (409, or 204 for a repeated id) counts as stored.
public struct LRSClient: Sendable {
    public let statementsURL: URL
    let authorization: String
    let attempts: Int
    let backoff: Double

    public init(endpoint: String, user: String, password: String, attempts: Int = 4, backoff: Double = 0.5) throws(LRSError) {
        guard var components = URLComponents(string: endpoint), let scheme = components.scheme,
              ["http", "https"].contains(scheme.lowercased()), components.host != nil else {
            throw LRSError(description: "'\(endpoint)' is not a web address; give the LRS's xAPI endpoint, like https://lrs.example.org/xAPI/")
        }
        var path = components.path
        if !path.hasSuffix("/statements") && !path.hasSuffix("/statements/") {
            path += path.hasSuffix("/") ? "statements" : "/statements"
        }
        components.path = path
        guard let url = components.url else { throw LRSError(description: "'\(endpoint)' is not a usable web address") }
        statementsURL = url
        authorization = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        self.attempts = attempts
        self.backoff = backoff
    }

    private final class Reply: @unchecked Sendable {
        var data: Data?
        var status: Int?
        var error: Error?
    }

    /// One HTTP exchange, retried while the failure looks temporary.
    func exchange(method: String, url: URL, body: Data?) throws(LRSError) -> (status: Int, data: Data) {
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.httpMethod = method
        request.setValue(authorization, forHTTPHeaderField: "Authorization")
        request.setValue("1.0.3", forHTTPHeaderField: "X-Experience-API-Version")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        var lastProblem = ""
        for attempt in 1...attempts {
            let reply = Reply()
            let done = DispatchSemaphore(value: 0)
            let task = URLSession.shared.dataTask(with: request) { data, response, error in
                reply.data = data
                reply.status = (response as? HTTPURLResponse)?.statusCode
                reply.error = error
                done.signal()
            }
            task.resume()
            done.wait()
            if let status = reply.status, status != 429, status < 500 {
                return (status, reply.data ?? Data())
            }
            lastProblem = reply.status.map { "the LRS answered \($0)" } ?? "no answer (\(reply.error.map { $0.localizedDescription } ?? "unknown"))"
            if attempt < attempts { Thread.sleep(forTimeInterval: backoff * Double(1 << (attempt - 1))) }
        }
        throw LRSError(description: "Could not reach the LRS at \(statementsURL) after \(attempts) tries: \(lastProblem).")
    }

    /// Sends statements in batches; returns the ids the LRS now holds from this call.
    @discardableResult
    public func send(_ statements: [[String: Any]], batchSize: Int = 50) throws(LRSError) -> [String] {
        var stored: [String] = []
        var index = 0
        while index < statements.count {
            let batch = Array(statements[index..<min(index + batchSize, statements.count)])
            index += batchSize
            let body: Data
            do {
                body = try JSONSerialization.data(withJSONObject: batch, options: [.withoutEscapingSlashes])
            } catch {
                throw LRSError(description: "A statement could not be written as JSON: \(error)")
            }
            let reply = try exchange(method: "POST", url: statementsURL, body: body)
            switch reply.status {
            case 200, 204:
                stored += batch.compactMap { $0["id"] as? String }
            case 409 where batch.count == 1:
                // The LRS already holds this id.
                stored += batch.compactMap { $0["id"] as? String }
            case 409:
                // Some are already there: send one at a time so each is settled.
                for statement in batch { stored += try send([statement], batchSize: 1) }
            case 401, 403:
                throw LRSError(description: "The LRS refused the user name or password (\(reply.status)).")
            default:
                let detail = String(decoding: reply.data.prefix(300), as: UTF8.self)
                throw LRSError(description: "The LRS did not accept the statements (\(reply.status)): \(detail)")
            }
        }
        return stored
    }

    /// The statements the LRS holds (first page), for checking a round trip.
    public func fetchStatementIDs(limit: Int = 1000) throws(LRSError) -> [String] {
        var components = URLComponents(url: statementsURL, resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "limit", value: String(limit))]
        let reply = try exchange(method: "GET", url: components.url!, body: nil)
        guard reply.status == 200,
              let object = try? JSONSerialization.jsonObject(with: reply.data) as? [String: Any],
              let statements = object["statements"] as? [[String: Any]] else {
            throw LRSError(description: "The LRS answered \(reply.status) to a request for statements.")
        }
        return statements.compactMap { $0["id"] as? String }
    }
}
