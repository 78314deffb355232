import AttuneCatalog
import Foundation
import Testing
@testable import AttuneRecords

/// Issue 24: an LRS's problems are typed values (`LRSError.problem`), put in words by the
/// reader's catalog; the English `description` is for logs and tests only.
@Suite("LRS problems, typed")
struct LRSProblemTests {
    private func problem(_ make: () throws -> Void) -> TransferText.LRS? {
        do {
            try make()
            return nil
        } catch {
            return (error as? LRSError)?.problem
        }
    }

    @Test("a bad LRS address is a typed problem carrying the address as it may be shown")
    func addresses() {
        #expect(problem { _ = try LRSEndpoint("lrs.example.org") } == .notAnAddress(shown: "lrs.example.org"))
        #expect(problem { _ = try LRSEndpoint("https://me:hunter2@lrs.example.org/xAPI/?tenant=1") }
            == .addressHasQuery(shown: "https://lrs.example.org/xAPI/?tenant=1"))
        #expect(problem { _ = try LRSEndpoint("https://lrs.example.org:70000/xAPI/") }
            == .impossiblePort(shown: "https://lrs.example.org:70000/xAPI/", port: 70_000))
        #expect(problem { _ = try LRSClient(endpoint: "http://10.0.0.7/xAPI/", user: "u", password: "p") }
            == .notEncrypted(endpoint: "http://10.0.0.7/xAPI/statements"))
        #expect(problem { _ = try LRSClient(endpoint: "https://lrs.example.org/xAPI/", user: "a:b", password: "p") } == .userHasColon)
    }

    @Test("an LRS that cannot be reached says so in the learner's language")
    func unreachableInSpanish() throws {
        let client = try LRSClient(endpoint: "http://127.0.0.1:9/xAPI/", user: "u", password: "secret",
                                   limits: .init(attempts: 2, backoff: 0.01))
        let problem = try #require(client.send([["id": "6b2f8e4a-1c3d-5f5a-9b7e-210cd455a893"]]).problem?.problem)
        guard case let .unreachable(endpoint, tries, _, last, outOfTime, _, purpose) = problem else {
            Issue.record("\(problem)")
            return
        }
        #expect(endpoint == "http://127.0.0.1:9/xAPI/statements")
        #expect(tries == 2 && last == .connection(.refused) && !outOfTime && purpose == .sending)
        let spanish = Spanish().transfer(.lrs(problem))
        #expect(spanish.hasPrefix("No se pudo llegar al LRS en http://127.0.0.1:9/xAPI/statements tras 2 intentos en "), "\(spanish)")
        #expect(spanish.contains("nada respondió en esa dirección (se rechazó la conexión)"), "\(spanish)")
    }

    @Test("the password is hidden in what a problem carries, and only there")
    func hiding() {
        let echoed = LRSError(.rejected(status: 400, gist: "Bad request from tester:the-pw"))
        #expect(echoed.hiding(["the-pw"]).problem == .rejected(status: 400, gist: "Bad request from tester:[hidden]"))
        let elsewhere = LRSError(.nextPageElsewhere(endpoint: "https://lrs.example.org/statements",
                                                    more: "https://evil.example.net/?k=the-pw"))
        #expect(elsewhere.hiding(["the-pw"]).problem == .nextPageElsewhere(
            endpoint: "https://lrs.example.org/statements", more: "https://evil.example.net/?k=[hidden]"))
        // A password that is a common word, or a letter of the address, leaves the catalog's
        // words and the address alone: marking it there would show where it is.
        let refused = LRSError(.refused(status: 401, purpose: .sending))
        #expect(refused.hiding(["the"]).description == refused.description)
        #expect(refused.description.contains("the user name or password"))
        let unreachable = LRSError(.unreachable(endpoint: "https://lrs.example.org/xAPI/statements", tries: 2, elapsed: 1,
                                                last: .connection(.nameNotFound), outOfTime: true, overall: 2, purpose: .sending))
        #expect(unreachable.hiding(["x"]) == unreachable)
        #expect(LRSError(.webPage(gist: "sign in", purpose: .reading)).hiding([]).problem == .webPage(gist: "sign in", purpose: .reading))
    }
}
