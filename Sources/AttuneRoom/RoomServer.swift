import AttuneCatalog
import AttunePlay
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves the room on the local network while the trainer asks: the participant page for
/// phones, the room screen for the projector, and their small JSON feeds. Every address
/// carries the room code; wrong codes, oversized requests and floods are refused with a
/// clear HTTP status, and nothing a request carries can change a tally except a valid vote,
/// with a token the room minted, on the open moment.
public final class RoomServer: Sendable {
    public let board: RoomBoard
    /// Where phones connect, e.g. http://192.168.1.20:8765/r/K7QX2M/
    public let addresses: [String]
    /// The phones that joined (server-minted tokens).
    public let devices: DeviceRegistry
    private let http: RoomHTTP

    /// The largest request body read (a vote is a few dozen bytes).
    public static let maxBody = 2_048

    /// Starts listening on `hosts` (IPv4 addresses) at `port` (0: any free port). Throws a
    /// message in plain words when an address cannot be used, naming a free port when the
    /// port is taken. `mintsPerMinute` bounds the tokens one address may mint a minute.
    /// `language` is the trainer's: the pages speak it unless a browser asks for another
    /// Attune speaks (`Accept-Language`).
    public init(board: RoomBoard, hosts: [String], port: UInt16, language: Language = .english,
                mintsPerMinute: Int = DeviceRegistry.defaultMintsPerMinute) throws(RoomServerError) {
        self.board = board
        devices = DeviceRegistry(mintsPerMinute: mintsPerMinute)
        var listeners: [Int32] = []
        var listening: [String] = []
        for host in hosts {
            switch Self.listen(host: host, port: port) {
            case let .success((fd, actualPort)):
                listeners.append(fd)
                listening.append("http://\(host):\(actualPort)/r/\(board.code)/")
            case let .failure(error):
                listeners.forEach { close($0) }
                throw error
            }
        }
        addresses = listening
        let router = Router(board: board, guardrails: Guardrails(), devices: devices, addresses: listening, language: language)
        http = RoomHTTP(listeners: listeners, catalog: language.catalog) { request in router.handle(request) }
        http.start()
    }

    /// Phones seen in the last minute (a phone polls every second or two while its page is open).
    public func joinedPhones(now: Date = Date()) -> Int {
        devices.joined(now: now)
    }

    /// Stops listening; phones see the page stop updating.
    public func stop() {
        http.stop()
    }

    deinit { stop() }

    /// A listening socket on `host`:`port`, or the reason in plain words.
    static func listen(host: String, port: UInt16) -> Result<(Int32, UInt16), RoomServerError> {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            return .failure(RoomServerError(.notAnAddress(host: host)))
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return .failure(RoomServerError(.refusedConnection(host: host))) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if bound != 0 {
            let reason = errno
            close(fd)
            switch reason {
            case EADDRINUSE:
                return .failure(RoomServerError(.portInUse(port: Int(port), free: freePort(host: host, after: port).map(Int.init))))
            case EACCES:
                return .failure(RoomServerError(.portNeedsRights(port: Int(port))))
            default:
                return .failure(RoomServerError(.notAnAddress(host: host)))
            }
        }
        guard startListening(fd) else {
            close(fd)
            return .failure(RoomServerError(.couldNotListen(host: host)))
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var boundAddress = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &boundAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return .success((fd, UInt16(bigEndian: boundAddress.sin_port)))
    }

    /// The first of the next fifty ports that can be bound on `host` now.
    static func freePort(host: String, after port: UInt16) -> UInt16? {
        var candidate = Int(port) + 1
        while candidate <= min(65_535, Int(port) + 50) {
            if case let .success((fd, _)) = listen(host: host, port: UInt16(candidate)) {
                close(fd)
                return UInt16(candidate)
            }
            candidate += 1
        }
        return nil
    }
}

public struct RoomServerError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Why, for the trainer's catalog to word.
    public let reason: RoomText.Phones
    init(_ reason: RoomText.Phones) { self.reason = reason }
    /// In English, for logs and tests.
    public var description: String { English().room(.phones(reason)) }
}

/// Limits per address: wrong room codes and request rates. The table is bounded: past
/// `capacity` addresses, expired windows go first, then the addresses seen least recently,
/// so a flood of new addresses never lifts a lockout that is still being tried.
final class Guardrails: Sendable {
    private struct Window {
        var start: Date
        var lastSeen: Date
        var requests = 0
        var wrongCodes = 0
    }

    private let windows = Mutex<[String: Window]>([:])
    static let wrongCodesPerMinute = 10
    /// Enough for a hundred phones behind one router's address, each polling every second.
    static let requestsPerMinute = 12_000
    let capacity: Int

    init(capacity: Int = 10_000) { self.capacity = capacity }

    enum Verdict { case allowed, tooMany }

    func request(from address: String, wrongCode: Bool, now: Date = Date()) -> Verdict {
        windows.withLock { windows in
            var window = windows[address] ?? Window(start: now, lastSeen: now)
            if now.timeIntervalSince(window.start) > 60 { window = Window(start: now, lastSeen: now) }
            window.requests += 1
            window.lastSeen = now
            if wrongCode { window.wrongCodes += 1 }
            windows[address] = window
            if windows.count > capacity { Self.evict(&windows, keep: capacity, now: now) }
            return window.wrongCodes > Self.wrongCodesPerMinute || window.requests > Self.requestsPerMinute ? .tooMany : .allowed
        }
    }

    private static func evict(_ windows: inout [String: Window], keep capacity: Int, now: Date) {
        windows = windows.filter { now.timeIntervalSince($0.value.start) <= 60 }
        guard windows.count > capacity else { return }
        // Make room for a hundredth more at a time, so eviction is not paid on every request.
        let excess = windows.count - capacity + max(1, capacity / 100)
        for (address, _) in windows.sorted(by: { $0.value.lastSeen < $1.value.lastSeen }).prefix(excess) {
            windows[address] = nil
        }
    }

    /// Whether the address is locked out; a locked-out address that keeps trying stays fresh
    /// in the table.
    func blocked(_ address: String, now: Date = Date()) -> Bool {
        windows.withLock { windows in
            guard var window = windows[address], now.timeIntervalSince(window.start) <= 60 else { return false }
            window.lastSeen = max(window.lastSeen, now)
            windows[address] = window
            return window.wrongCodes > Self.wrongCodesPerMinute
        }
    }

    var count: Int { windows.withLock { $0.count } }
}

/// Routes `/r/CODE/`, `/r/CODE/room`, `/r/CODE/state`, `/r/CODE/room-state`, `/r/CODE/qr.svg`,
/// `POST /r/CODE/join` and `POST /r/CODE/vote`.
final class Router: Sendable {
    let board: RoomBoard
    let guardrails: Guardrails
    let devices: DeviceRegistry
    let addresses: [String]
    /// The trainer's language, for a browser that names none Attune speaks.
    let language: Language
    private let svgCache = Mutex<[String: [UInt8]]>([:])

    init(board: RoomBoard, guardrails: Guardrails, devices: DeviceRegistry, addresses: [String], language: Language = .english) {
        self.board = board
        self.guardrails = guardrails
        self.devices = devices
        self.addresses = addresses
        self.language = language
    }

    static let movedMessage = English().room(.answer(.moved))

    /// The language a request's page and answers speak: the most wanted of `es` and `en` in
    /// its `Accept-Language` (q-values honoured, `q=0` never), else the trainer's. A `*`
    /// stands for the trainer's language.
    static func language(accepting header: String?, trainer: Language) -> Language {
        guard let header else { return trainer }
        var best: (language: Language, quality: Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            guard quality > 0, quality <= 1 else { continue }
            let language: Language? = tag == "*" ? trainer : (tag.count == 2 || tag.dropFirst(2).first == "-" || tag.dropFirst(2).first == "_")
                ? Language(tag: tag) : nil
            guard let language else { continue }
            // The first of equal preferences wins, as the browser listed them.
            if quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language ?? trainer
    }

    /// Six characters from the room code's alphabet, in any case.
    static func isCodeShaped(_ text: String) -> Bool {
        text.utf8.count == 6 && text.uppercased().allSatisfy { "ABCDEFGHJKMNPQRSTUVWXYZ23456789".contains($0) }
    }

    func handle(_ request: RoomRequest, now: Date = Date()) -> RoomResponse {
        let catalog = Self.language(accepting: request.headers["accept-language"], trainer: language).catalog
        func text(_ status: Int, _ answer: RoomText.Answer) -> RoomResponse {
            Self.text(status, catalog.room(.answer(answer)), language: catalog.language)
        }
        let peer = request.peer
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // Browsers ask for icons on their own; that is never a wrong code.
        if let last = parts.last, parts.count == 1 || (parts.count == 3 && parts[0] == "r") {
            if last == "favicon.ico" { return Self.response(204, type: nil, body: []) }
            if last.hasPrefix("apple-touch-icon") && last.hasSuffix(".png") { return text(404, .noIcon) }
        }
        if guardrails.blocked(peer, now: now) { return text(429, .tooManyTries) }
        guard parts.count >= 2, parts[0] == "r" else {
            _ = guardrails.request(from: peer, wrongCode: true, now: now)
            return text(404, .askAddress)
        }
        let page = parts.count > 2 ? parts[2...].joined(separator: "/") : ""
        guard parts[1].uppercased() == board.code else {
            // A page left open from an earlier room keeps asking for its state: tell it the room
            // moved, without counting it as a guess.
            if Self.isCodeShaped(parts[1]), request.method == "GET", page == "state" || page == "room-state" {
                if guardrails.request(from: peer, wrongCode: false, now: now) == .tooMany {
                    return text(429, .tooManyRequests)
                }
                return text(410, .moved)
            }
            let verdict = guardrails.request(from: peer, wrongCode: true, now: now)
            return verdict == .tooMany ? text(429, .tooManyTries)
                : text(404, .wrongCode)
        }
        if guardrails.request(from: peer, wrongCode: false, now: now) == .tooMany {
            return text(429, .tooManyRequests)
        }
        switch (request.method, page) {
        case ("GET", ""):
            return Self.html(RoomPages.participant(code: board.code, catalog: catalog), language: catalog.language)
        case ("GET", "room"):
            return Self.html(RoomPages.room(code: board.code, catalog: catalog), language: catalog.language)
        case ("GET", "state"):
            // Only a token the room minted registers a phone; any other is shown the room anonymously.
            let device = request.query["device"].flatMap { devices.seen($0, now: now) ? $0 : nil }
            return Self.json(board.participantView(device: device))
        case ("GET", "room-state"):
            return roomState(now: now, catalog: catalog)
        case ("GET", "qr.svg"):
            return qrCode(for: request, catalog: catalog)
        case ("POST", "join"):
            if let refusal = refuseCrossSite(request, catalog: catalog) { return refusal }
            guard let token = devices.mint(for: peer, now: now) else {
                return text(429, .tooManyPhones)
            }
            return Self.response(200, type: "application/json", body: Array(#"{"device":"\#(token)"}"#.utf8))
        case ("POST", "vote"):
            if let refusal = refuseCrossSite(request, catalog: catalog) { return refusal }
            return vote(request, now: now, catalog: catalog)
        case (_, ""), (_, "room"), (_, "state"), (_, "room-state"), (_, "vote"), (_, "join"), (_, "qr.svg"):
            return text(405, .notHowUsed)
        default:
            return text(404, .noSuchPage)
        }
    }

    /// A POST must say it carries JSON (a plain form on another site cannot), and when the
    /// browser names the page it came from, that page must be this room's.
    func refuseCrossSite(_ request: RoomRequest, catalog: any MessageCatalog = English()) -> RoomResponse? {
        let refusal = Self.text(403, catalog.room(.answer(.onlyFromPage)), language: catalog.language)
        // A page on another site that points its own name at this laptop (DNS rebinding) is
        // same-origin in the browser's eyes; its Host is not one of the room's addresses.
        let host = request.headers["host"]?.lowercased() ?? ""
        // 'localhost' names this computer on every system, so it cannot be pointed here from outside.
        let named = host.hasPrefix("localhost:") ? "127.0.0.1:" + host.dropFirst("localhost:".count) : host
        guard addresses.contains(where: { $0.lowercased().hasPrefix("http://\(named)/") })
                || addresses.contains(where: { $0.hasPrefix("http://0.0.0.0:") }) else {
            return refusal
        }
        let type = request.headers["content-type"]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/json" else {
            return Self.text(415, catalog.room(.answer(.onlyFromPage)), language: catalog.language)
        }
        if let origin = request.headers["origin"] {
            guard origin.lowercased() == "http://\(host)" else {
                return refusal
            }
        }
        return nil
    }

    /// The projector's view, with `joined` counted by the server: phones seen in the last minute.
    func roomState(now: Date, catalog: any MessageCatalog = English()) -> RoomResponse {
        guard let encoded = try? JSONEncoder().encode(board.roomView()),
              var object = (try? JSONSerialization.jsonObject(with: encoded)) as? [String: Any] else {
            return Self.text(500, catalog.room(.answer(.screenNotPrepared)), language: catalog.language)
        }
        object["joined"] = devices.joined(now: now)
        guard let body = try? JSONSerialization.data(withJSONObject: object) else {
            return Self.text(500, catalog.room(.answer(.screenNotPrepared)), language: catalog.language)
        }
        return Self.response(200, type: "application/json", body: Array(body))
    }

    /// The join link as the projector reached it (when that is one of the room's addresses),
    /// else the first address.
    func joinLink(for request: RoomRequest) -> String {
        if let host = request.headers["host"]?.lowercased(),
           let match = addresses.first(where: { $0.lowercased().hasPrefix("http://\(host)/") }) {
            return match
        }
        return addresses.first ?? ""
    }

    func qrCode(for request: RoomRequest, catalog: any MessageCatalog = English()) -> RoomResponse {
        let link = joinLink(for: request)
        // The label is in the page's language: one drawing per link and language.
        let key = catalog.language.rawValue + " " + link
        if let cached = svgCache.withLock({ $0[key] }) {
            return Self.response(200, type: "image/svg+xml", body: cached)
        }
        guard let svg = QRCode.svg(for: link, label: RoomPages.html(catalog.room(.page(.qrAlt)))) else {
            return Self.text(500, catalog.room(.answer(.qrNotDrawn)), language: catalog.language)
        }
        let body = Array(svg.utf8)
        svgCache.withLock { $0[key] = body }
        return Self.response(200, type: "image/svg+xml", body: body)
    }

    struct Vote: Decodable {
        var device: String
        var decision: Int
        var choice: Int
    }

    private func vote(_ request: RoomRequest, now: Date, catalog: any MessageCatalog) -> RoomResponse {
        func text(_ status: Int, _ answer: RoomText.Answer) -> RoomResponse {
            Self.text(status, catalog.room(.answer(answer)), language: catalog.language)
        }
        guard let vote = try? JSONDecoder().decode(Vote.self, from: Data(request.body)) else {
            return text(400, .notAVote)
        }
        guard devices.seen(vote.device, now: now) else {
            return text(403, .notJoined)
        }
        do {
            try board.vote(device: vote.device, decision: vote.decision, choice: vote.choice)
            return text(200, .voteIn)
        } catch {
            switch error {
            case .notOpen: return text(409, .notOpen)
            case .stale: return text(409, .stale)
            case .notOffered: return text(422, .notOffered)
            case .badDevice: return text(400, .badDevice)
            case .notSaved: return text(503, .notSaved)
            }
        }
    }

    static let commonHeaders: [(String, String)] = [
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Content-Security-Policy", "default-src 'self'; img-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'"),
    ]

    static let textHeaders: [(String, String)] = [("Content-Type", "text/plain; charset=utf-8")] + commonHeaders

    static func response(_ status: Int, type: String?, body: [UInt8]) -> RoomResponse {
        RoomResponse(status: status, headers: (type.map { [("Content-Type", $0)] } ?? []) + commonHeaders, body: body)
    }

    /// A plain-text answer; `language` names its language (`Content-Language`) when known.
    static func text(_ status: Int, _ message: String, language: Language? = nil) -> RoomResponse {
        var answer = response(status, type: "text/plain; charset=utf-8", body: Array(message.utf8))
        if let language { answer.headers.append(("Content-Language", language.rawValue)) }
        return answer
    }

    static func html(_ page: String, language: Language = .english) -> RoomResponse {
        var answer = response(200, type: "text/html; charset=utf-8", body: Array(page.utf8))
        answer.headers += [("Content-Language", language.rawValue), ("Vary", "Accept-Language")]
        return answer
    }

    static func json(_ value: some Encodable) -> RoomResponse {
        guard let body = try? JSONEncoder().encode(value) else { return text(500, English().room(.answer(.stateNotPrepared))) }
        return response(200, type: "application/json", body: Array(body))
    }
}

/// `listen(2)`, named apart from `RoomServer.listen`.
private func startListening(_ fd: Int32) -> Bool {
    listen(fd, 512) == 0
}
