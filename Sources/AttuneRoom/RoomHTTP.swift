import AttuneCatalog
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One request as the room reads it: its head was at most `RoomHTTP.maxHead` bytes and its
/// body at most `RoomServer.maxBody`, both read before any of it is parsed.
struct RoomRequest: Sendable {
    var method: String
    /// The path without its query, e.g. `/r/K7QX2M/state`.
    var path: String
    var query: [String: String]
    /// Header names in lower case.
    var headers: [String: String]
    var body: [UInt8]
    /// The address the request came from, e.g. `192.168.1.31`.
    var peer: String
}

struct RoomResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 501: "Not Implemented"
        default: "Error"
        }
    }

    /// The bytes on the wire; every answer closes its connection.
    var encoded: [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + body
    }
}

/// The room's HTTP server: one thread that never blocks, polling every connection.
///
/// FlyingFox 0.27.1 (which served the room before) reads the request line and headers with
/// `lines` on its buffered socket sequence, with no limit on a line's length and no deadline
/// for the head, on Swift's cooperative thread pool (one thread a core). Two requests with a
/// 40-65 KB request line kept both threads of a two-core machine busy for minutes, and its
/// configuration offers no bound on the head. So the room reads each request here first:
/// the request line and headers together are at most 8 KB and must arrive within 5 seconds,
/// the body at most 2 KB, and a request is parsed only once it is whole. A slow or oversized
/// request costs one entry in a poll list, never a thread; when the connection table is
/// full, the connection that has waited longest for its request is closed to make room.
final class RoomHTTP: @unchecked Sendable {
    /// The request line and headers together.
    static let maxHead = 8_192
    /// From the connection's start to its request being whole.
    static let requestDeadline: Double = 5
    /// To send the answer.
    static let writeDeadline: Double = 5
    /// After the answer, unread bytes are drained for this long (so the answer is not lost to
    /// a reset) and then the connection is closed.
    static let lingerDeadline: Double = 1
    static let lingerLimit = 4 * 1_048_576
    /// Open connections at once, in all (within the process's file limit) and from one
    /// address (phones behind one router's address share it).
    static let maxConnections: Int = {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 256 }
        return max(64, min(1_024, Int(clamping: limit.rlim_cur) - 128))
    }()
    static let maxConnectionsPerAddress = 256

    private let listeners: [Int32]
    private let handler: @Sendable (RoomRequest) -> RoomResponse
    private let wake: (read: Int32, write: Int32)
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let started = Atomic<Bool>(false)

    // Touched only by the server's thread.
    private var connections: [Int32: Connection] = [:]
    private var perAddress: [String: Int] = [:]
    private var acceptPausedUntil: Double = 0

    private enum Stage { case reading, writing, lingering }

    private struct Connection {
        var peer: String
        var stage: Stage = .reading
        var opened: Double
        var deadline: Double
        var input: [UInt8] = []
        /// Where the head ends (after the blank line), once found.
        var headEnd: Int?
        var request: RoomRequest?
        var bodyLength = 0
        var output: [UInt8] = []
        var written = 0
        var drained = 0
    }

    /// Words for a request refused before its head is read: the trainer's language.
    private let catalog: any MessageCatalog

    init(listeners: [Int32], catalog: any MessageCatalog = English(), handler: @escaping @Sendable (RoomRequest) -> RoomResponse) {
        self.listeners = listeners
        self.catalog = catalog
        self.handler = handler
        var pipeEnds: [Int32] = [0, 0]
        _ = pipe(&pipeEnds)
        for end in pipeEnds { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        wake = (pipeEnds[0], pipeEnds[1])
    }

    func start() {
        started.store(true, ordering: .sequentiallyConsistent)
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "attune-room-http"
        thread.start()
    }

    /// Stops serving and closes every socket; waits up to three seconds for the thread.
    func stop() {
        guard !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        if started.load(ordering: .sequentiallyConsistent) {
            var byte: UInt8 = 1
            _ = write(wake.write, &byte, 1)
            _ = finished.wait(timeout: .now() + 3)
        } else {
            for listener in listeners { close(listener) }
        }
        close(wake.read)
        close(wake.write)
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private func run() {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while !stopping.load(ordering: .sequentiallyConsistent) {
            var now = Self.now()
            var fds: [pollfd] = [pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let accepting = now >= acceptPausedUntil
            if accepting {
                for listener in listeners { fds.append(pollfd(fd: listener, events: Int16(POLLIN), revents: 0)) }
            }
            var nearest = now + 0.5
            for (fd, connection) in connections {
                let events = connection.stage == .writing ? Int16(POLLOUT) : Int16(POLLIN)
                fds.append(pollfd(fd: fd, events: events, revents: 0))
                nearest = min(nearest, connection.deadline)
            }
            if !accepting { nearest = min(nearest, acceptPausedUntil) }
            let wait = Int32(max(0, min(500, (nearest - now) * 1000 + 1)))
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if stopping.load(ordering: .sequentiallyConsistent) { break }
            now = Self.now()
            if ready > 0 {
                for entry in fds where entry.revents != 0 {
                    if entry.fd == wake.read { continue }
                    if listeners.contains(entry.fd) {
                        acceptAll(entry.fd, now: now)
                    } else {
                        service(entry.fd, revents: entry.revents, buffer: &buffer, now: now)
                    }
                }
            }
            // Deadlines: a request too slow to arrive, an answer not read, a drain done.
            for (fd, connection) in connections where connection.deadline <= now {
                if connection.stage == .reading {
                    respond(fd, RoomResponse(status: 408, headers: Router.textHeaders,
                                             body: Array(catalog.room(.answer(.tooSlow)).utf8)), now: now)
                    // One try to write it; a client that does not read is closed next round.
                    flush(fd, now: now)
                    if var late = connections[fd], late.stage == .writing {
                        late.deadline = now + 0.2
                        connections[fd] = late
                    }
                } else {
                    finish(fd)
                }
            }
        }
        for fd in Array(connections.keys) { finish(fd) }
        for listener in listeners { close(listener) }
    }

    private func acceptAll(_ listener: Int32, now: Double) {
        for _ in 0..<64 {
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let fd = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listener, $0, &length) }
            }
            if fd < 0 {
                if errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM {
                    // Out of file descriptors: make room, and wait a moment before accepting again.
                    evictOldestReader()
                    acceptPausedUntil = now + 0.05
                }
                return
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            var ip = address.sin_addr
            inet_ntop(AF_INET, &ip, &text, socklen_t(INET_ADDRSTRLEN))
            let peer = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if perAddress[peer, default: 0] >= Self.maxConnectionsPerAddress {
                close(fd)
                continue
            }
            if connections.count >= Self.maxConnections { evictOldestReader() }
            if connections.count >= Self.maxConnections {
                close(fd)
                continue
            }
            perAddress[peer, default: 0] += 1
            connections[fd] = Connection(peer: peer, opened: now, deadline: now + Self.requestDeadline)
        }
    }

    /// The connection that has waited longest for its request goes, so a room full of slow
    /// connections never keeps a phone out.
    private func evictOldestReader() {
        guard let oldest = connections.filter({ $0.value.stage == .reading }).min(by: { $0.value.opened < $1.value.opened }) else { return }
        finish(oldest.key)
    }

    private func finish(_ fd: Int32) {
        guard let connection = connections.removeValue(forKey: fd) else { return }
        close(fd)
        let count = perAddress[connection.peer, default: 1] - 1
        perAddress[connection.peer] = count > 0 ? count : nil
    }

    private func service(_ fd: Int32, revents: Int16, buffer: inout [UInt8], now: Double) {
        guard let connection = connections[fd] else { return }
        switch connection.stage {
        case .writing:
            if revents & Int16(POLLERR | POLLHUP) != 0 && revents & Int16(POLLOUT) == 0 { finish(fd); return }
            flush(fd, now: now)
        case .lingering:
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count > 0, var current = connections[fd] {
                    current.drained += count
                    connections[fd] = current
                    if current.drained > Self.lingerLimit { finish(fd); return }
                    continue
                }
                if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return }
                finish(fd)
                return
            }
        case .reading:
            read(fd, buffer: &buffer, now: now)
        }
    }

    private func read(_ fd: Int32, buffer: inout [UInt8], now: Double) {
        guard var connection = connections[fd] else { return }
        // Never hold more than the head and the largest body allowed.
        let room = Self.maxHead + RoomServer.maxBody + 4 - connection.input.count
        let count = recv(fd, &buffer, max(1, min(buffer.count, room)), 0)
        if count == 0 { finish(fd); return }
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return }
            finish(fd)
            return
        }
        let searchFrom = max(0, connection.input.count - 3)
        connection.input.append(contentsOf: buffer[0..<count])
        if connection.headEnd == nil {
            if let end = Self.blankLine(in: connection.input, from: searchFrom, limit: Self.maxHead) {
                connection.headEnd = end
                switch Self.parseHead(Array(connection.input[0..<end]), peer: connection.peer, catalog: catalog) {
                case let .failure(refusal):
                    connections[fd] = connection
                    respond(fd, refusal.response, now: now)
                    return
                case let .success((request, length)):
                    connection.request = request
                    connection.bodyLength = length
                }
            } else if connection.input.count >= Self.maxHead {
                connections[fd] = connection
                respond(fd, Router.text(431, catalog.room(.answer(.headTooLarge))), now: now)
                return
            } else {
                connections[fd] = connection
                return
            }
        }
        guard let end = connection.headEnd, var request = connection.request else { connections[fd] = connection; return }
        if connection.input.count - end >= connection.bodyLength {
            request.body = Array(connection.input[end..<(end + connection.bodyLength)])
            connection.input = []
            connections[fd] = connection
            respond(fd, handler(request), now: now)
        } else {
            connections[fd] = connection
        }
    }

    /// The index just past the first CRLF CRLF (or LF LF), looking no further than `limit`.
    static func blankLine(in bytes: [UInt8], from start: Int, limit: Int) -> Int? {
        let end = min(bytes.count, limit)
        var index = max(0, start - 1)
        while index + 1 < end {
            if bytes[index] == 10 {
                if bytes[index + 1] == 10 { return index + 2 }
                if bytes[index + 1] == 13, index + 2 < end, bytes[index + 2] == 10 { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    /// The method, target and headers of a head already bounded in size; the body's length.
    static func parseHead(_ head: [UInt8], peer: String,
                          catalog: any MessageCatalog = English()) -> Result<(RoomRequest, Int), ResponseError> {
        guard let text = String(bytes: head, encoding: .utf8) else {
            return .failure(ResponseError(Router.text(400, catalog.room(.answer(.unreadable)))))
        }
        var lines = text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" }.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard !lines.isEmpty else { return .failure(ResponseError(Router.text(400, catalog.room(.answer(.unreadable))))) }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else {
            return .failure(ResponseError(Router.text(400, catalog.room(.answer(.unreadable)))))
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(ResponseError(Router.text(400, catalog.room(.answer(.unreadable)))))
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            // Two lengths (or a length and chunks) is how requests are smuggled past a proxy.
            if name == "content-length" && headers[name] != nil {
                return .failure(ResponseError(Router.text(400, catalog.room(.answer(.unreadable)))))
            }
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["transfer-encoding"] != nil {
            return .failure(ResponseError(Router.text(411, catalog.room(.answer(.needsLength)))))
        }
        var length = 0
        if let value = headers["content-length"] {
            guard let number = Int(value), number >= 0 else {
                return .failure(ResponseError(Router.text(400, catalog.room(.answer(.unreadable)))))
            }
            length = number
        }
        if length > RoomServer.maxBody {
            return .failure(ResponseError(Router.text(413, catalog.room(.answer(.bodyTooLarge)))))
        }
        let target = requestLine[1]
        let pathPart = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [String: String] = [:]
        if pathPart.count > 1 {
            for pair in pathPart[1].split(separator: "&") {
                let sides = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(sides[0]).removingPercentEncoding ?? String(sides[0])
                let value = sides.count > 1 ? (String(sides[1]).removingPercentEncoding ?? String(sides[1])) : ""
                if query[name] == nil { query[name] = value }
            }
        }
        let request = RoomRequest(method: String(requestLine[0]), path: String(pathPart[0]), query: query,
                                  headers: headers, body: [], peer: peer)
        return .success((request, length))
    }

    struct ResponseError: Error {
        let response: RoomResponse
        init(_ response: RoomResponse) { self.response = response }
    }

    private func respond(_ fd: Int32, _ response: RoomResponse, now: Double) {
        guard var connection = connections[fd] else { return }
        connection.stage = .writing
        connection.output = response.encoded
        connection.written = 0
        connection.input = []
        connection.deadline = now + Self.writeDeadline
        connections[fd] = connection
        flush(fd, now: now)
    }

    private func flush(_ fd: Int32, now: Double) {
        guard var connection = connections[fd], connection.stage == .writing else { return }
        while connection.written < connection.output.count {
            let sent = connection.output.withUnsafeBytes {
                send(fd, $0.baseAddress! + connection.written, connection.output.count - connection.written, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                connection.written += sent
                continue
            }
            if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                connections[fd] = connection
                return
            }
            finish(fd)
            return
        }
        // All sent: say so, drain what the client still sends, then close.
        shutdown(fd, Int32(SHUT_WR))
        connection.stage = .lingering
        connection.output = []
        connection.deadline = now + Self.lingerDeadline
        connections[fd] = connection
    }
}
