import AttunePlay
import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// Serves the room on the local network while the trainer asks: the participant page for
/// phones, the room screen for the projector, and their small JSON feeds. Every address
/// carries the room code; wrong codes, oversized bodies and floods are refused with a clear
/// HTTP status, and nothing a request carries can change a tally except a valid vote on the
/// open moment.
public final class RoomServer: Sendable {
    public let board: RoomBoard
    /// Where phones connect, e.g. http://192.168.1.20:8765/r/K7QX2M/
    public let addresses: [String]
    private let servers: [HTTPServer]
    private let tasks: Mutex<[Task<Void, Never>]>
    private let guardrails: Guardrails

    /// The largest request body read (a vote is a few dozen bytes).
    public static let maxBody = 2_048

    /// Starts listening on `hosts` (IPv4 addresses) at `port` (0: any free port). Throws a
    /// message in plain words when an address cannot be used.
    public init(board: RoomBoard, hosts: [String], port: UInt16) throws(RoomServerError) {
        self.board = board
        guardrails = Guardrails()
        var servers: [HTTPServer] = []
        for host in hosts {
            let address: sockaddr_in
            do {
                address = try .inet(ip4: host, port: port)
            } catch {
                throw RoomServerError("'\(host)' is not an address of this computer that Attune can listen on.")
            }
            servers.append(HTTPServer(address: address, timeout: 10, logger: .disabled))
        }
        self.servers = servers
        tasks = Mutex([])
        let router = Router(board: board, guardrails: guardrails)
        var started: [Task<Void, Never>] = []
        var listening: [String] = []
        for (server, host) in zip(servers, hosts) {
            let ready = DispatchSemaphore(value: 0)
            let outcome = Outcome()
            started.append(Task {
                await server.appendRoute("*", to: router)
                do {
                    try await server.run()
                } catch {
                    outcome.settle(.failure(RoomServerError("Attune could not listen on \(host): \(error)")))
                    ready.signal()
                }
            })
            Task {
                do {
                    try await server.waitUntilListening(timeout: 5)
                    let bound = await server.listeningAddress
                    var actualPort = port
                    if case let .ip4(_, boundPort)? = bound { actualPort = boundPort }
                    outcome.settle(.success(actualPort))
                } catch {
                    outcome.settle(.failure(RoomServerError("Attune could not listen on \(host).")))
                }
                ready.signal()
            }
            ready.wait()
            switch outcome.result {
            case let .success(actualPort)?:
                listening.append("http://\(host):\(actualPort)/r/\(board.code)/")
            case let .failure(error)?:
                started.forEach { $0.cancel() }
                throw error
            case nil:
                started.forEach { $0.cancel() }
                throw RoomServerError("Attune could not listen on \(host).")
            }
        }
        addresses = listening
        tasks.withLock { $0 = started }
    }

    /// Stops listening; phones see the page stop updating.
    public func stop() {
        let running = tasks.withLock { tasks in
            defer { tasks = [] }
            return tasks
        }
        guard !running.isEmpty else { return }
        let done = DispatchSemaphore(value: 0)
        let servers = self.servers
        Task {
            for server in servers { await server.stop(timeout: 0.5) }
            done.signal()
        }
        _ = done.wait(timeout: .now() + 3)
        running.forEach { $0.cancel() }
    }

    deinit { stop() }
}

/// The first word on whether a server started listening.
private final class Outcome: Sendable {
    private let value = Mutex<Result<UInt16, RoomServerError>?>(nil)

    func settle(_ result: Result<UInt16, RoomServerError>) {
        value.withLock { if $0 == nil { $0 = result } }
    }

    var result: Result<UInt16, RoomServerError>? { value.withLock { $0 } }
}

public struct RoomServerError: Error, Sendable, CustomStringConvertible, Equatable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Limits per address: wrong room codes and request rates.
final class Guardrails: Sendable {
    private struct Window {
        var start: Date
        var requests = 0
        var wrongCodes = 0
    }

    private let windows = Mutex<[String: Window]>([:])
    static let wrongCodesPerMinute = 10
    static let requestsPerMinute = 600

    enum Verdict { case allowed, tooMany }

    func request(from address: String, wrongCode: Bool, now: Date = Date()) -> Verdict {
        windows.withLock { windows in
            var window = windows[address] ?? Window(start: now)
            if now.timeIntervalSince(window.start) > 60 { window = Window(start: now) }
            window.requests += 1
            if wrongCode { window.wrongCodes += 1 }
            if windows.count > 10_000 { windows.removeAll() }
            windows[address] = window
            return window.wrongCodes > Self.wrongCodesPerMinute || window.requests > Self.requestsPerMinute ? .tooMany : .allowed
        }
    }

    func blocked(_ address: String, now: Date = Date()) -> Bool {
        windows.withLock { windows in
            guard let window = windows[address], now.timeIntervalSince(window.start) <= 60 else { return false }
            return window.wrongCodes > Self.wrongCodesPerMinute
        }
    }
}

/// Routes `/r/CODE/`, `/r/CODE/room`, `/r/CODE/state`, `/r/CODE/room-state` and
/// `POST /r/CODE/vote`.
struct Router: HTTPHandler, Sendable {
    let board: RoomBoard
    let guardrails: Guardrails

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let peer: String
        switch request.remoteAddress {
        case let .ip4(ip, _)?, let .ip6(ip, _)?: peer = ip
        default: peer = "unknown"
        }
        if guardrails.blocked(peer) { return Self.text(.tooManyRequests, "Too many tries with a wrong room code. Wait a minute.") }
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 2, parts[0] == "r" else {
            _ = guardrails.request(from: peer, wrongCode: true)
            return Self.text(.notFound, "Ask the trainer for the room's address.")
        }
        guard parts[1] == board.code else {
            let verdict = guardrails.request(from: peer, wrongCode: true)
            return verdict == .tooMany ? Self.text(.tooManyRequests, "Too many tries with a wrong room code. Wait a minute.")
                : Self.text(.notFound, "That room code is not right. Check it with the trainer.")
        }
        if guardrails.request(from: peer, wrongCode: false) == .tooMany {
            return Self.text(.tooManyRequests, "Too many requests. Wait a moment.")
        }
        let page = parts.count > 2 ? parts[2] : ""
        switch (request.method, page) {
        case (.GET, ""):
            return Self.html(RoomPages.participant(code: board.code))
        case (.GET, "room"):
            return Self.html(RoomPages.room(code: board.code))
        case (.GET, "state"):
            let device = request.query.first { $0.name == "device" }?.value
            return try Self.json(board.participantView(device: device))
        case (.GET, "room-state"):
            return try Self.json(board.roomView())
        case (.POST, "vote"):
            return await vote(request)
        case (_, ""), (_, "room"), (_, "state"), (_, "room-state"), (_, "vote"):
            return Self.text(.methodNotAllowed, "That is not how this page is used.")
        default:
            return Self.text(.notFound, "There is no such page.")
        }
    }

    struct Vote: Decodable {
        var device: String
        var decision: Int
        var choice: Int
    }

    private func vote(_ request: HTTPRequest) async -> HTTPResponse {
        if let length = request.bodySequence.count, length > RoomServer.maxBody {
            return Self.text(.payloadTooLarge, "A vote is small; this request is too large.")
        }
        var body = Data()
        do {
            for try await chunk in request.bodySequence {
                body.append(chunk)
                if body.count > RoomServer.maxBody { return Self.text(.payloadTooLarge, "A vote is small; this request is too large.") }
            }
        } catch {
            return Self.text(.badRequest, "The vote did not arrive whole. Try again.")
        }
        guard let vote = try? JSONDecoder().decode(Vote.self, from: body) else {
            return Self.text(.badRequest, "That is not a vote this page sends.")
        }
        do {
            try board.vote(device: vote.device, decision: vote.decision, choice: vote.choice)
            return Self.text(.ok, "Your vote is in. You can change it until the trainer closes voting.")
        } catch {
            switch error {
            case .notOpen: return Self.text(.conflict, "Voting is closed right now.")
            case .stale: return Self.text(.conflict, "That moment has passed; the page will show the new one.")
            case .notOffered: return Self.text(.unprocessableContent, "That choice is not offered at this moment.")
            case .badDevice: return Self.text(.badRequest, "This page could not identify your phone. Reload the page.")
            case .notSaved: return Self.text(.serviceUnavailable, "Your vote could not be kept. Try again in a moment.")
            }
        }
    }

    static let commonHeaders: [(HTTPHeader, String)] = [
        (HTTPHeader("Cache-Control"), "no-store"),
        (HTTPHeader("X-Content-Type-Options"), "nosniff"),
        (HTTPHeader("Referrer-Policy"), "no-referrer"),
        (HTTPHeader("Content-Security-Policy"), "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'"),
    ]

    static func response(_ status: HTTPStatusCode, type: String, body: Data) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        for (name, value) in commonHeaders { headers[name] = value }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }

    static func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        response(status, type: "text/plain; charset=utf-8", body: Data(message.utf8))
    }

    static func html(_ page: String) -> HTTPResponse {
        response(.ok, type: "text/html; charset=utf-8", body: Data(page.utf8))
    }

    static func json(_ value: some Encodable) throws -> HTTPResponse {
        response(.ok, type: "application/json", body: try JSONEncoder().encode(value))
    }
}
