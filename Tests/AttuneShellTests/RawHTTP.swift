import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.1 exchange over a loopback socket, so tests control every byte (slow
/// clients, garbage, oversized bodies).
enum RawHTTP {
    struct Reply { var status: Int; var body: String }

    static func connectLoopback(_ port: UInt16) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
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
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return Reply(status: status, body: body)
    }

    static func request(_ port: UInt16, _ method: String, _ path: String, body: String = "") -> Reply? {
        guard let fd = connectLoopback(port) else { return nil }
        defer { close(fd) }
        send(fd, Array("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)".utf8))
        return receive(fd)
    }

    static func vote(_ port: UInt16, code: String, device: String, decision: Int, choice: Int) -> Int {
        request(port, "POST", "/r/\(code)/vote", body: #"{"device":"\#(device)","decision":\#(decision),"choice":\#(choice)}"#)?.status ?? 0
    }
}

func device(_ number: Int) -> String { String(format: "%032x", number) }


