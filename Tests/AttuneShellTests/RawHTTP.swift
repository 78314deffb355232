import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.1 exchange over a loopback socket, so tests control every byte (slow
/// clients, garbage, oversized bodies).
enum RawHTTP {
    struct Reply { var status: Int; var body: String; var head: String = "" }

    /// A connection to the room on loopback, optionally from another loopback address
    /// (127.0.0.2 … 127.255.255.254 all reach this machine on Linux), as if from another phone.
    static func connectLoopback(_ port: UInt16, from source: String? = nil, timeout: Int = 5) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        if let source {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            local.sin_addr.s_addr = inet_addr(source)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else { close(fd); return nil }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); return nil }
        return fd
    }

    static func send(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    static func receive(_ fd: Int32) -> Reply? {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
            if let text = String(bytes: data, encoding: .utf8), let split = text.range(of: "\r\n\r\n") {
                let head = text[..<split.lowerBound]
                let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                if text.utf8.count - text[..<split.upperBound].utf8.count >= length { break }
            }
        }
        guard let text = String(bytes: data, encoding: .utf8), let line = text.split(separator: "\r\n").first else { return nil }
        let status = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        let head = text.range(of: "\r\n\r\n").map { String(text[..<$0.lowerBound]) } ?? text
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return Reply(status: status, body: body, head: head)
    }

    /// One request; `headers` replace the defaults of the same name (Host, Content-Type).
    static func request(_ port: UInt16, _ method: String, _ path: String, body: String = "",
                        headers: [String: String] = [:], from source: String? = nil) -> Reply? {
        guard let fd = connectLoopback(port, from: source) else { return nil }
        defer { close(fd) }
        var fields = ["Host": "127.0.0.1:\(port)", "Content-Type": "application/json"]
        for (name, value) in headers { fields[name] = value }
        let head = fields.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty }.map { "\($0.key): \($0.value)\r\n" }.joined()
        send(fd, Array("\(method) \(path) HTTP/1.1\r\n\(head)Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)".utf8))
        return receive(fd)
    }

    /// A token minted by the room (`POST /r/CODE/join`), or nil when refused.
    static func join(_ port: UInt16, code: String, from source: String? = nil) -> String? {
        guard let reply = request(port, "POST", "/r/\(code)/join", body: "{}", from: source), reply.status == 200,
              let object = try? JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any] else { return nil }
        return object["device"] as? String
    }

    /// Tokens the room minted, by the name a test gave the phone (`device(7)`), per room.
    private static let minted = Mutex([String: String]())

    /// The room's token for the phone a test calls `name`: joined once per room, each phone
    /// from its own loopback address (as phones on a Wi-Fi network have).
    static func token(_ port: UInt16, code: String, for name: String) -> String? {
        let key = "\(port)/\(code)/\(name)"
        if let token = minted.withLock({ $0[key] }) { return token }
        let number = minted.withLock { $0.count } + 2
        let source = "127.0.\(number / 250 + 1).\(number % 250 + 1)"
        guard let token = join(port, code: code, from: source) ?? join(port, code: code) else { return nil }
        minted.withLock { $0[key] = token }
        return token
    }

    /// A phone's vote: the phone joins the room first (once), then votes with the token it was given.
    static func vote(_ port: UInt16, code: String, device name: String, decision: Int, choice: Int) -> Int {
        guard let token = token(port, code: code, for: name) else { return 0 }
        return rawVote(port, code: code, device: token, decision: decision, choice: choice)
    }

    /// A vote with exactly this token, minted or not.
    static func rawVote(_ port: UInt16, code: String, device: String, decision: Int, choice: Int,
                        headers: [String: String] = [:], from source: String? = nil) -> Int {
        request(port, "POST", "/r/\(code)/vote", body: #"{"device":"\#(device)","decision":\#(decision),"choice":\#(choice)}"#,
                headers: headers, from: source)?.status ?? 0
    }
}

func device(_ number: Int) -> String { String(format: "%032x", number) }
