import AttunePlay
import AttuneRoom
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// 5. The room page under load: 200 phones on their own loopback addresses join, poll their
/// state and vote while one more client times requests, each row beside a baseline in the
/// same run (`/favicon.ico`, a 204 the server answers without touching the room).
enum RoomBenchmark {
    static let phones = 200
    /// How long the timed requests run, all rows interleaved.
    static let seconds: Double = 5

    /// One request from `source`; the time to the whole answer, or nil.
    static func timed(_ port: UInt16, _ method: String, _ path: String, body: String = "", from source: String) -> (Double, Int, String)? {
        let clock = ContinuousClock()
        let start = clock.now
        guard let reply = request(port, method, path, body: body, from: source) else { return nil }
        return ((clock.now - start).nanoseconds, reply.0, reply.1)
    }

    static func request(_ port: UInt16, _ method: String, _ path: String, body: String = "", from source: String) -> (Int, String)? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_addr.s_addr = inet_addr(source)
        var remote = sockaddr_in()
        remote.sin_family = sa_family_t(AF_INET)
        remote.sin_port = port.bigEndian
        remote.sin_addr.s_addr = inet_addr("127.0.0.1")
        var wait = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        let ok = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0 && withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
        guard ok else { return nil }
        let text = Array("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
        var offset = 0
        while offset < text.count {
            let sent = text.withUnsafeBytes { send(fd, $0.baseAddress! + offset, text.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return nil }
            offset += sent
        }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        let reply = String(decoding: data, as: UTF8.self)
        let status = Int(reply.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, reply.range(of: "\r\n\r\n").map { String(reply[$0.upperBound...]) } ?? "")
    }

    static func source(_ number: Int, block: Int) -> String { "127.\(block).\(number / 200).\(number % 200 + 1)" }

    static func run() throws -> String {
        let board = RoomBoard()
        let server = try RoomServer(board: board, hosts: ["127.0.0.1"], port: 0)
        defer { server.stop() }
        let port = UInt16(server.addresses[0].split(separator: ":")[2].split(separator: "/")[0])!
        board.show(RoomMoment(caseTitle: "Maya, four months", number: 1, prompt: "What do you do first?",
                              choices: ["Greet Alicia", "Start the questionnaire", "Agree she's easy"]))
        board.openVoting()
        let code = board.code
        let decision = board.decision

        // The load: each phone joins, then polls its state and votes (changing its vote) until told to stop.
        let stop = Atomic<Bool>(false)
        let served = Atomic<Int>(0)
        let refused = Atomic<Int>(0)
        let running = DispatchGroup()
        for number in 0..<phones {
            running.enter()
            Thread.detachNewThread {
                defer { running.leave() }
                let from = source(number, block: 60)
                guard let joined = request(port, "POST", "/r/\(code)/join", body: "{}", from: from),
                      let token = joined.1.split(separator: "\"").dropFirst(3).first else {
                    refused.add(1, ordering: .relaxed)
                    return
                }
                var round = 0
                while !stop.load(ordering: .relaxed) {
                    let reply = round % 3 == 2
                        ? request(port, "POST", "/r/\(code)/vote", body: #"{"device":"\#(token)","decision":\#(decision),"choice":\#((number + round) % 3)}"#, from: from)
                        : request(port, "GET", "/r/\(code)/state?device=\(token)", from: from)
                    if reply?.0 == 200 { served.add(1, ordering: .relaxed) } else { refused.add(1, ordering: .relaxed) }
                    round += 1
                    // A phone polls about once a second; the load runs five times hotter.
                    Thread.sleep(forTimeInterval: 0.2)
                }
            }
        }
        Thread.sleep(forTimeInterval: 1)
        let clock = ContinuousClock()
        let began = clock.now
        let loadBefore = served.load(ordering: .relaxed) + refused.load(ordering: .relaxed)
        let rows: [(String, String, String)] = [
            ("baseline: /favicon.ico (204, no room work)", "GET", "/favicon.ico"),
            ("participant page /r/CODE/", "GET", "/r/\(code)/"),
            ("room screen feed /r/CODE/room-state", "GET", "/r/\(code)/room-state"),
            ("room screen page /r/CODE/room", "GET", "/r/\(code)/room"),
        ]
        var timings = Array(repeating: [Double](), count: rows.count)
        var failures = Array(repeating: 0, count: rows.count)
        // Rows interleaved, one request of each at a time, so load changes move them together.
        var sample = 0
        while (clock.now - began).nanoseconds < seconds * 1e9 {
            defer { sample += 1 }
            for (index, row) in rows.enumerated() {
                // Each request from its own address, under the per-address request limit.
                if let (nanoseconds, status, _) = timed(port, row.1, row.2, from: source(sample, block: 70 + index)),
                   status == (index == 0 ? 204 : 200) {
                    timings[index].append(nanoseconds)
                } else {
                    failures[index] += 1
                }
            }
        }
        let elapsed = (clock.now - began).nanoseconds / 1e9
        let load = served.load(ordering: .relaxed) + refused.load(ordering: .relaxed) - loadBefore
        stop.store(true, ordering: .relaxed)
        running.wait()
        var table = Table("5. Room page under load: \(phones) phones joined, polling and voting; \(sample) timed requests a row over \(Format.fixed(elapsed, 1)) s, interleaved", [
            ("request", .left), ("p50 ms", .right), ("p99 ms", .right), ("max ms", .right), ("ratio p99 to baseline", .right), ("failed", .right),
        ])
        let baseline = Timings(nanoseconds: timings[0]).percentile(99)
        for (index, row) in rows.enumerated() {
            let t = Timings(nanoseconds: timings[index])
            table.add([row.0, Format.ms(t.median), Format.ms(t.percentile(99)), Format.ms(t.percentile(100)),
                       index == 0 ? "-" : Format.ratio(t.percentile(99) / baseline), "\(failures[index])"])
        }
        table.notes = [
            "Each phone: its own loopback address, one join, then its state or a vote every 0.2 s on a new connection "
                + "(the room answers one request a connection): \(Format.grouped(load)) requests while timing "
                + "(\(Format.grouped(Int(Double(load) / elapsed))) a second), \(refused.load(ordering: .relaxed)) in all not answered 200.",
            "Times from connect to the whole answer, on loopback, so they are the server's cost plus the client's; "
                + "the phones' own network adds to both alike.",
            "Tally after the run: \(board.lock().map { $0.map(String.init).joined(separator: " / ") } ?? "-") "
                + "(\(server.joinedPhones()) phones joined in the last minute).",
        ]
        return table.render()
    }
}
