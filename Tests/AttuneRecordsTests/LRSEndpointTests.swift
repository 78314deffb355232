import Foundation
import Testing
@testable import AttuneRecords

@Suite("LRS address and network text")
struct LRSEndpointTests {
    @Test("the LRS address is normalised to its statements resource; a bad one is explained")
    func normalised() throws {
        let same = [
            "http://127.0.0.1:8100/xAPI/", "http://127.0.0.1:8100/xAPI", "HTTP://127.0.0.1:8100/xAPI//",
            "http://127.0.0.1:8100/xAPI/statements", "http://127.0.0.1:8100/xAPI/statements/", "http://127.0.0.1:8100/xAPI/./#top",
            "http://me:pw@127.0.0.1:8100/xAPI/", " http://127.0.0.1:8100/other/../xAPI/ ",
        ]
        for address in same {
            #expect(try LRSEndpoint(address).key == "http://127.0.0.1:8100/xAPI/statements", "\(address)")
        }
        #expect(try LRSEndpoint("HTTPS://LRS.Example.ORG:443/data/xAPI/").key == "https://lrs.example.org/data/xAPI/statements")
        #expect(try LRSEndpoint("http://lrs.example.org:80").key == "http://lrs.example.org/statements")
        #expect(try LRSEndpoint("https://lrs.example.org:8443/xAPI").key == "https://lrs.example.org:8443/xAPI/statements")
        #expect(try LRSEndpoint("https://lrs.example.org/xAPI/").key != LRSEndpoint("http://lrs.example.org/xAPI/").key)
        #expect(throws: LRSError.self) { try LRSEndpoint("lrs.example.org") }
        #expect(throws: LRSError.self) { try LRSEndpoint("ftp://lrs.example.org/xAPI/") }
        #expect(throws: LRSError.self) { try LRSEndpoint("https://lrs.example.org/xAPI/?tenant=1") }
    }

    @Test("credentials written in the address are kept apart: never in the address shown, stored or sent to")
    func embeddedCredentials() throws {
        let endpoint = try LRSEndpoint("https://tester:s%40cret@lrs.example.org/xAPI/")
        #expect(endpoint.user == "tester")
        #expect(endpoint.password == "s@cret")
        #expect(endpoint.key == "https://lrs.example.org/xAPI/statements")
        #expect(!endpoint.statementsURL.absoluteString.contains("cret"))
        #expect(endpoint.statementsURL.user == nil && endpoint.statementsURL.password == nil)
        // Even an address that cannot be used is shown without its password.
        #expect {
            try LRSEndpoint("https://tester:hunter2@lrs example.org/xAPI/")
        } throws: { error in
            !"\(error)".contains("hunter2") && "\(error)".contains("not a web address")
        }
        #expect(LRSEndpoint.redacted("https://a:b@host/x@y") == "https://host/x@y")
    }

    @Test("plain http is refused unless the LRS is this computer or --insecure-http is given; why is said")
    func plainHTTP() throws {
        #expect {
            try LRSClient(endpoint: "http://lrs.example.org/xAPI/", user: "u", password: "p")
        } throws: { error in
            let text = "\(error)"
            return text.contains("clear text") && text.contains("--insecure-http") && text.contains("password")
        }
        for remote in ["http://10.0.0.7/xAPI/", "http://128.0.0.1/xAPI/", "http://127.0.0.1.nip.io/xAPI/", "http://[::2]/xAPI/",
                       "http://0.0.0.0:8100/xAPI/", "http://localhost.example.org/xAPI/"] {
            #expect(throws: LRSError.self, "\(remote)") { try LRSClient(endpoint: remote, user: "u", password: "p") }
        }
        _ = try LRSClient(endpoint: "http://lrs.example.org/xAPI/", user: "u", password: "p", allowInsecureHTTP: true)
        for local in ["http://127.0.0.1:8100/xAPI/", "http://127.4.5.6/xAPI/", "http://localhost:8100/xAPI/",
                      "http://LOCALHOST/xAPI/", "http://[::1]:8100/xAPI/", "https://lrs.example.org/xAPI/"] {
            _ = try LRSClient(endpoint: local, user: "u", password: "p")
        }
        #expect(LRSEndpoint.isLoopback(host: "::ffff:127.0.0.1"))
        #expect(!LRSEndpoint.isLoopback(host: "::ffff:10.0.0.1"))
    }

    @Test("bytes from the network are neutralised before they are shown, and cut to a short excerpt")
    func neutralised() throws {
        var body = Data("Bad \u{1B}]52;c;ZWNobyBwd25lZA==\u{07} \u{1B}[2J\u{1B}[31mred \u{9B}31m \u{202E}txt.exe\r\nnext ".utf8)
        body += Data([0x9B, 0xFF, 0xC3])  // a raw C1 byte and invalid UTF-8
        body += Data(String(repeating: "x", count: 5000).utf8) + Data("END".utf8)
        let text = LRSText.excerpt(body)
        #expect(text.unicodeScalars.allSatisfy { !LRSText.isUnsafe($0) && $0 != "\n" && $0 != "\r" })
        #expect(text.hasPrefix("Bad \u{FFFD}]52;c;"))
        #expect(text.hasSuffix("…"))
        #expect(text.count <= 161)
        #expect(!text.contains("END"))
        let page = Data("<!DOCTYPE html><html><head><title>Guest WiFi \u{1B}[5m sign in</title></head><body>Accept</body></html>".utf8)
        #expect(LRSText.gist(of: page) == "Guest WiFi \u{FFFD}[5m sign in Accept")
        #expect(LRSText.gist(of: Data(#"{"detail":"Invalid \u001b[31m statement"}"#.utf8)) == "Invalid \u{FFFD}[31m statement")
    }

    @Test("an LRS that cannot be reached is retried, then reported")
    func unreachable() throws {
        let client = try LRSClient(endpoint: "http://127.0.0.1:9/xAPI/", user: "u", password: "p",
                                   limits: .init(attempts: 2, backoff: 0.01))
        let report = client.send([["id": "6b2f8e4a-1c3d-5f5a-9b7e-210cd455a893"]])
        #expect(report.stored.isEmpty)
        #expect(report.problem?.description.contains("after 2 tries") == true, "\(String(describing: report.problem))")
        #expect(report.problem?.description.contains("connection was refused") == true)
    }

    @Test("retrying an LRS that cannot be reached stops at the deadline")
    func unreachableDeadline() throws {
        let client = try LRSClient(endpoint: "http://127.0.0.1:9/xAPI/", user: "u", password: "p",
                                   limits: .init(overall: 1.5, attempts: 1000, backoff: 0.05))
        let started = Date()
        let report = client.send([["id": "6b2f8e4a-1c3d-5f5a-9b7e-210cd455a893"]])
        #expect(Date().timeIntervalSince(started) < 4)
        let problem = try #require(report.problem?.description)
        #expect(problem.contains("tries"))
        #expect(!problem.contains("after 1000 tries"))
    }
}
