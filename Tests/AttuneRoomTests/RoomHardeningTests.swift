import AttunePlay
@testable import AttuneRoom
import Foundation
import Testing

/// Issue 23 (high 2, low) and issue 20 (items 8 and 12), below the network: minted tokens,
/// the bounded wrong-code table, the bounded request head, and a QR code that scans.
@Suite("Room hardening")
struct RoomHardeningTests {
    @Test("the registry mints random tokens, at most 100 a minute from one address, and counts phones seen in the last minute")
    func registry() {
        let registry = DeviceRegistry()
        let start = Date(timeIntervalSince1970: 1_000_000)
        var tokens: [String] = []
        for _ in 0..<100 { if let token = registry.mint(for: "192.168.1.7", now: start) { tokens.append(token) } }
        #expect(tokens.count == 100)
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy { RoomBoard.isDeviceToken($0) && $0.count == 32 })
        #expect(registry.mint(for: "192.168.1.7", now: start.addingTimeInterval(59)) == nil, "the 101st in a minute")
        #expect(registry.mint(for: "192.168.1.8", now: start) != nil, "another address")
        #expect(registry.joined(now: start.addingTimeInterval(30)) == 101)
        #expect(registry.mint(for: "192.168.1.7", now: start.addingTimeInterval(60)) != nil, "the next minute")
        #expect(registry.isMinted(tokens[0]))
        #expect(!registry.isMinted(String(repeating: "a", count: 32)))
        #expect(!registry.seen(String(repeating: "a", count: 32), now: start), "a made-up token is never recorded")
        #expect(registry.joined(now: start.addingTimeInterval(90)) == 1, "only the one minted at 60 s is recent")
        registry.seen(tokens[5], now: start.addingTimeInterval(100))
        #expect(registry.joined(now: start.addingTimeInterval(130)) == 1, "the token seen at 100 s, not the one minted at 60 s")
    }

    @Test("the registry keeps at most its capacity, dropping the longest unseen")
    func registryBounded() {
        let registry = DeviceRegistry(mintsPerMinute: 1_000, capacity: 50)
        let start = Date(timeIntervalSince1970: 1_000_000)
        let first = registry.mint(for: "a", now: start)!
        for second in 1...60 { _ = registry.mint(for: "b\(second)", now: start.addingTimeInterval(Double(second))) }
        #expect(registry.minted == 50)
        #expect(!registry.isMinted(first))
    }

    @Test("past 10,000 addresses the wrong-code table evicts the oldest, and a lockout still being tried holds")
    func wrongCodeTableEvicts() {
        let guardrails = Guardrails()
        let start = Date(timeIntervalSince1970: 1_000_000)
        for _ in 0...10 { _ = guardrails.request(from: "10.9.9.9", wrongCode: true, now: start) }
        #expect(guardrails.blocked("10.9.9.9", now: start))
        for number in 0..<10_001 {
            _ = guardrails.request(from: "10.0.\(number / 256).\(number % 256)", wrongCode: true, now: start.addingTimeInterval(1))
            // The locked-out address keeps trying (and is refused) while the table fills.
            if number == 5_000 { #expect(guardrails.blocked("10.9.9.9", now: start.addingTimeInterval(1.5))) }
        }
        // Before, the table was cleared past 10,000 addresses, and every lockout lifted with it.
        #expect(guardrails.blocked("10.9.9.9", now: start.addingTimeInterval(2)), "the lockout holds")
        #expect(guardrails.count <= 10_000)
        #expect(guardrails.count > 9_000, "only the oldest went")
    }

    @Test("a request head is parsed only once whole; its parts; what is refused")
    func headParsing() throws {
        let head = Array("GET /r/ABCDEF/state?device=abc%2Dd&x=1 HTTP/1.1\r\nHost: 10.0.0.2:8765\r\nX-A:  b \r\n\r\n".utf8)
        #expect(RoomHTTP.blankLine(in: head, from: 0, limit: 8_192) == head.count)
        #expect(RoomHTTP.blankLine(in: Array(head.dropLast(2)), from: 0, limit: 8_192) == nil)
        #expect(RoomHTTP.blankLine(in: head, from: 0, limit: 20) == nil, "never looks past the limit")
        let (request, length) = try RoomHTTP.parseHead(head, peer: "10.0.0.9").get()
        #expect(request.method == "GET" && request.path == "/r/ABCDEF/state" && length == 0)
        #expect(request.query == ["device": "abc-d", "x": "1"])
        #expect(request.headers["host"] == "10.0.0.2:8765" && request.headers["x-a"] == "b")
        func status(_ text: String) -> Int? {
            if case let .failure(refusal) = RoomHTTP.parseHead(Array(text.utf8), peer: "p") { return refusal.response.status }
            return nil
        }
        #expect(status("GET /\r\n\r\n") == 400)
        #expect(status("POST /r/A/vote HTTP/1.1\r\nContent-Length: 3000\r\n\r\n") == 413)
        #expect(status("POST /r/A/vote HTTP/1.1\r\nContent-Length: -1\r\n\r\n") == 400)
        #expect(status("POST /r/A/vote HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") == 411)
        #expect(status("GET / HTTP/1.1\r\nno colon here\r\n\r\n") == 400)
        #expect(status("POST /r/A/vote HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 60\r\n\r\n") == 400, "two lengths")
    }

    @Test("the router: codes in any case, 410 for an old tab's code, icons not counted, a cross-site POST refused")
    func router() {
        let board = RoomBoard(code: "K7QX2M")
        let router = Router(board: board, guardrails: Guardrails(), devices: DeviceRegistry(), addresses: ["http://10.0.0.2:8765/r/K7QX2M/"])
        func get(_ path: String, from peer: String = "10.0.0.5") -> RoomResponse {
            router.handle(RoomRequest(method: "GET", path: path, query: [:], headers: ["host": "10.0.0.2:8765"], body: [], peer: peer))
        }
        #expect(get("/r/k7qx2m/state").status == 200)
        for _ in 0..<50 { #expect(get("/r/ABCDEF/state").status == 410) }
        for _ in 0..<20 { #expect(get("/favicon.ico").status == 204) }
        #expect(get("/apple-touch-icon-precomposed.png").status == 404)
        #expect(get("/r/K7QX2M/state").status == 200, "none of that counted as a wrong code")
        for _ in 0..<11 { _ = get("/r/NOPE/") }
        #expect(get("/r/K7QX2M/state").status == 429)
        let join = RoomRequest(method: "POST", path: "/r/K7QX2M/join", query: [:],
                               headers: ["host": "10.0.0.2:8765", "origin": "http://attacker.example", "content-type": "application/json"],
                               body: Array("{}".utf8), peer: "10.0.0.6")
        #expect(router.handle(join).status == 403)
        var sameSite = join
        sameSite.headers["origin"] = "http://10.0.0.2:8765"
        #expect(router.handle(sameSite).status == 200)
        // The drawing's label is in the room's language (issue 24), the same words as the page's alt text.
        let svg = String(decoding: get("/r/K7QX2M/qr.svg", from: "10.0.0.7").body, as: UTF8.self)
        #expect(["QR code for the join address", "Código QR de la dirección para entrar"].contains {
            svg == QRCode.svg(for: "http://10.0.0.2:8765/r/K7QX2M/", label: $0)
        })
    }

    /// The terminal text as modules again: two rows a line, ink where the text draws ink.
    static func modules(fromTerminal text: String) -> [[Bool]] {
        var rows: [[Bool]] = []
        for line in text.split(separator: "\n") {
            let plain = line.replacingOccurrences(of: QRCode.forcedColours, with: "").replacingOccurrences(of: QRCode.resetColours, with: "")
            rows.append(plain.map { $0 == "█" || $0 == "▀" })
            rows.append(plain.map { $0 == "█" || $0 == "▄" })
        }
        return rows
    }

    /// Plain PBM (P1), `scale` pixels a module: 1 is black.
    static func pbm(_ rows: [[Bool]], scale: Int = 4) -> String {
        let width = (rows.first?.count ?? 0) * scale
        var out = "P1\n\(width) \(rows.count * scale)\n"
        for row in rows {
            let line = row.flatMap { Array(repeating: $0 ? "1" : "0", count: scale) }.joined(separator: " ")
            for _ in 0..<scale { out += line + "\n" }
        }
        return out
    }

    static let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func decode(_ pbm: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("attune-qr-\(UUID().uuidString).pbm")
        try pbm.write(to: file, atomically: true, encoding: .ascii)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg!)
        process.arguments = ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    @Test("the terminal QR code has a 4-module quiet zone and forced black on white on every line")
    func terminalQRShape() throws {
        let link = "http://192.168.1.20:8765/r/K7QX2M/"
        let text = try #require(QRCode.blockText(for: link))
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix(QRCode.forcedColours) && $0.hasSuffix(QRCode.resetColours) })
        let rows = Self.modules(fromTerminal: text)
        let modules = try #require(QRCode.modules(for: link))
        let zone = QRCode.quietZone
        #expect(rows[0].count == modules.count + 2 * zone)
        // Every module where the code is, and light all round it.
        for y in 0..<rows.count {
            for x in 0..<rows[y].count {
                let inside = (zone..<(zone + modules.count)).contains(y) && (zone..<(zone + modules.count)).contains(x)
                #expect(rows[y][x] == (inside ? modules[y - zone][x - zone] : false), "\(x),\(y)")
            }
        }
    }

    @Test("the terminal QR code, drawn as an image, decodes with zbarimg to the join link",
          .enabled(if: zbarimg != nil, "zbarimg is missing (Debian zbar-tools; scripts/install-deps.sh installs it)"))
    func terminalQRScans() throws {
        for link in ["http://192.168.1.20:8765/r/K7QX2M/", "http://10.0.0.2:49152/r/ABCDEF/"] {
            let text = try #require(QRCode.blockText(for: link))
            #expect(try Self.decode(Self.pbm(Self.modules(fromTerminal: text))) == link)
        }
    }

    @Test("the SVG QR code: black on white, quiet zone, crisp edges; its modules decode with zbarimg to the link",
          .enabled(if: zbarimg != nil, "zbarimg is missing (Debian zbar-tools)"))
    func svgQR() throws {
        let link = "http://192.168.1.20:8765/r/K7QX2M/"
        let svg = try #require(QRCode.svg(for: link, label: "QR code for the join address"))
        let modules = try #require(QRCode.modules(for: link))
        let size = modules.count + 2 * QRCode.quietZone
        #expect(svg.contains("viewBox=\"0 0 \(size) \(size)\""))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.contains("fill=\"#fff\"") && svg.contains("fill=\"#000\""))
        // Draw the path's runs back into a grid.
        var grid = Array(repeating: Array(repeating: false, count: size), count: size)
        let d = try #require(svg.range(of: " d=\"").map { svg[$0.upperBound...].prefix { $0 != "\"" } })
        for run in d.split(separator: "z") {
            let numbers = run.split { !$0.isNumber }.compactMap { Int($0) }
            guard numbers.count >= 3 else { continue }
            for x in numbers[0]..<(numbers[0] + numbers[2]) { grid[numbers[1]][x] = true }
        }
        #expect(grid[0..<QRCode.quietZone].allSatisfy { !$0.contains(true) })
        #expect(try Self.decode(Self.pbm(grid)) == link)
    }
}
