import Foundation

extension English {
    public func transfer(_ text: TransferText) -> String {
        switch text {
        case .lrs(let problem): lrs(problem)
        case .help(let help): transferHelp(help)
        case .cannotOpenFile(let path): "cannot open \(path): no such file."
        }
    }

    /// "4.2 seconds" under ten seconds, else "42 seconds".
    static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.1f seconds", value) : "\(Int(value.rounded())) seconds"
    }

    /// "1 MB", "64 KB", "200 bytes".
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : bytes >= 1024 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }

    private func connection(_ why: TransferText.Connection) -> String {
        switch why {
        case .cannotStart: "the connection could not be started on this computer"
        case .refused: "nothing answered at that address (the connection was refused)"
        case .nameNotFound: "the LRS's name could not be found; check the address for typing mistakes"
        case .cutOff: "the connection was cut off"
        case .certificate:
            "a secure connection could not be made (the LRS's certificate was not accepted). "
                + "Check the address with the LRS's administrator"
        case .invalidAnswer: "the answer was not a valid web answer"
        case .unusableAddress: "the address cannot be used (only http:// and https:// addresses can)"
        case .other: "the connection failed"
        }
    }

    private func attempt(_ last: TransferText.Attempt) -> String {
        switch last {
        case .busy: "the LRS said it was too busy (429)"
        case .serverError(let status): "the LRS had a problem of its own (it answered \(status))"
        case .didNotFinish(let seconds): "it did not finish answering within \(Self.seconds(seconds))"
        case .connection(let why): connection(why)
        }
    }

    private func nothingMore(_ purpose: TransferText.Purpose) -> String {
        purpose == .sending ? "Nothing more was sent." : "The report was not written."
    }

    private func lrs(_ problem: TransferText.LRS) -> String {
        let administrator = "Check the address with the LRS's administrator."
        switch problem {
        case .notAnAddress(let shown):
            return "'\(shown)' is not a web address. Give the LRS's xAPI address as its administrator wrote it, starting "
                + "with https://, for example https://lrs.example.org/xAPI/"
        case .addressHasQuery(let shown):
            return "The LRS address '\(shown)' has a part after '?'. Give the xAPI address without it, for example "
                + "https://lrs.example.org/xAPI/"
        case let .impossiblePort(shown, port):
            return "The LRS address '\(shown)' names port \(port), which no computer can have (ports go from 1 to 65535). "
                + "Check the number after ':' with the LRS's administrator, for example https://lrs.example.org:8443/xAPI/"
        case .unusableAddress(let shown):
            return "'\(shown)' is not a usable web address. Give the LRS's xAPI address, for example https://lrs.example.org/xAPI/"
        case .userHasColon:
            return "The user name for the LRS cannot contain ':'. Check it with the LRS's administrator."
        case .notEncrypted(let endpoint):
            return "\(endpoint) is not encrypted (it starts with http://, not https://). Your password and your records "
                + "would travel across the network in clear text, readable by anyone on the way. Nothing was sent. Use the "
                + "LRS's https:// address (ask its administrator). Only if you are sure the network is private, add "
                + "--insecure-http to send anyway."
        case let .tooLarge(endpoint, limit, purpose):
            return "The LRS at \(endpoint) sent an answer larger than \(Self.size(limit)), far more than an LRS sends; "
                + "Attune stopped reading it. \(nothingMore(purpose)) \(administrator)"
        case let .compressed(endpoint, encoding, purpose):
            return "The LRS at \(endpoint) sent a compressed answer (\(encoding)) although Attune asks for answers as they "
                + "are; a compressed answer can unpack to far more than it seems, so Attune did not read it. "
                + "\(nothingMore(purpose)) \(administrator)"
        case let .failed(endpoint, why, purpose):
            return "Could not \(purpose == .sending ? "send to" : "read from") the LRS at \(endpoint): \(connection(why))."
        case let .unreachable(endpoint, tries, elapsed, last, outOfTime, overall, purpose):
            return "Could not reach the LRS at \(endpoint) after \(tries) \(tries == 1 ? "try" : "tries") "
                + "in \(Self.seconds(elapsed)): \(last.map(attempt) ?? "no answer")"
                + (outOfTime ? ", and the time allowed for \(purpose == .sending ? "sending" : "reading") "
                    + "(\(Self.seconds(overall)), --timeout) ran out" : "")
                + ". Check the address and your connection, or ask the LRS's administrator, then run the same command "
                + (purpose == .sending ? "again; statements already sent are not sent twice." : "again.")
        case let .redirected(status, target, purpose):
            let whereTo = target.map { "to \($0)" } ?? "without saying where to"
            switch purpose {
            case .sending:
                return "The LRS address answered with a redirect (\(status)) \(whereTo). Attune does not follow redirects "
                    + "when sending, so your password and records go only to the address you gave. Nothing was marked as "
                    + "sent. If that is the LRS's new address, check it with the LRS's administrator and run the command "
                    + "again with --lrs and the new address."
            case .reading:
                return "The LRS address answered with a redirect (\(status)) \(whereTo). Attune does not follow redirects, "
                    + "so your password goes only to the address you gave. The report was not written. If that is the "
                    + "LRS's new address, check it with the LRS's administrator and give it with --lrs."
            }
        case let .refused(status, purpose):
            switch purpose {
            case .sending:
                return "The LRS refused the user name or password (it answered \(status)). Check them with the LRS's "
                    + "administrator. Nothing was marked as sent."
            case .reading:
                return "The LRS refused the user name or password (it answered \(status)), or they may not read "
                    + "statements. Check them with the LRS's administrator: reading a cohort needs an account that may "
                    + "read statements. The report was not written."
            }
        case let .webPage(gist, purpose):
            let expected = purpose == .sending ? "the list of stored statements an LRS sends" : "a list of statements"
            let consequence = purpose == .sending ? "Nothing was marked as sent." : "The report was not written."
            return "The answer did not come from an LRS: it was a web page (\"\(gist)\"), not \(expected). "
                + "\(consequence) This often means the network wants you to sign in first (a hotel, hospital or guest "
                + "network): open a web browser, sign in, then run the command again. Otherwise check the address with "
                + "the LRS's administrator."
        case let .notListed(status, gist):
            return "The LRS answered \(status) without listing the statements it stored"
                + (gist.map { " (\"\($0)\")" } ?? "") + ", so none can be counted as sent. Nothing was marked as sent. "
                + administrator
        case let .rejected(status, gist):
            return "The LRS did not accept the statements (it answered \(status))" + (gist.map { ": \"\($0)\"" } ?? "")
                + ". Nothing more was sent. If this happens again, show this message to the LRS's administrator."
        case .statementWithoutID:
            return "A statement without an id cannot be confirmed by the LRS, so it was not sent."
        case .notJSON:
            return "A statement could not be written as JSON, so nothing more was sent."
        case let .unconfirmed(status, count):
            let one = count == 1
            return "The LRS answered \(status) but did not confirm \(count) of the statements: it did not list "
                + "\(one ? "its id" : "their ids"), and did not return \(one ? "it" : "them") when asked. "
                + "\(one ? "It was" : "They were") not marked as sent and will be sent again next time. If this happens "
                + "again, ask the LRS's administrator."
        case .listAnswered(let status):
            return "The LRS answered \(status) to a request for statements."
        case .requestNotMade:
            return "The request for the cohort's statements could not be made from the LRS address."
        case let .pagesForever(endpoint, pages):
            return "The LRS at \(endpoint) kept sending more pages: Attune stopped after \(pages) pages. The report was "
                + "not written. If the cohort really is that large, give a shorter period with --since and --until; "
                + "otherwise show this message to the LRS's administrator."
        case let .tooMuchInAll(endpoint, limit):
            return "The LRS at \(endpoint) sent more than \(Self.size(limit)) in all; Attune stopped reading. The report "
                + "was not written. Give a shorter period with --since and --until, or show this message to the LRS's "
                + "administrator."
        case let .nextPageElsewhere(endpoint, more):
            return "The LRS at \(endpoint) pointed to its next page at another address (\(more)). Attune sends your "
                + "password only to the address you gave, so it did not follow. The report was not written. Show this "
                + "message to the LRS's administrator."
        case let .pagesInCircle(endpoint, pages):
            return "The LRS at \(endpoint) sent the same page again and again (its 'more' link went round in a circle "
                + "after \(pages) pages), so its statements could not all be read. The report was not written. Show this "
                + "message to the LRS's administrator."
        case let .cohortNotAnswered(status, gist):
            return "The LRS did not answer the request for the cohort's statements (it answered \(status))"
                + (gist.map { ": \"\($0)\"" } ?? "") + ". The report was not written. If this happens again, show this "
                + "message to the LRS's administrator."
        case let .notStatements(endpoint, gist):
            return "The LRS at \(endpoint) answered with something that is not a list of statements"
                + (gist.map { " (\"\($0)\")" } ?? " (an empty answer)") + ". The report was not written. " + administrator
        }
    }
}
