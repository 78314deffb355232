import AttuneCatalog
import Foundation

/// Text that came from the network (an LRS's answer, a header, an address) on its way into
/// a message: every byte is treated as hostile. Only printable text is kept; control
/// characters (C0, DEL, C1, so ESC, BEL, CSI and the OSC sequences that retitle a terminal
/// or write to its clipboard) and the invisible characters that reorder text (bidirectional
/// overrides and isolates) become U+FFFD; line breaks and tabs become one space; invalid
/// UTF-8 becomes U+FFFD; and the result is cut to a short excerpt ending in "…".
enum LRSText {
    /// At most `limit` characters of `data`, safe to print.
    static func excerpt(_ data: Data, limit: Int = 160, hiding secrets: [String] = []) -> String {
        // Enough bytes for `limit` characters of any width; the rest is never decoded. With
        // secrets to hide, 64 KB, so that no secret is cut in two at the window's edge.
        let window = data.prefix(secrets.isEmpty ? limit * 4 + 4 : 64 * 1024)
        let text = excerpt(String(decoding: window, as: UTF8.self), limit: limit, hiding: secrets)
        return data.count > window.count && !text.hasSuffix("…") ? text + "…" : text
    }

    /// At most `limit` characters of `text`, safe to print.
    static func excerpt(_ text: String, limit: Int = 160, hiding secrets: [String] = []) -> String {
        let text = hide(secrets, in: text)
        var scalars = String.UnicodeScalarView()
        var count = 0
        var lastWasSpace = true
        var truncated = false
        for original in text.unicodeScalars {
            var scalar = original
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar.value == 0x2028 || scalar.value == 0x2029 {
                scalar = " "
            } else if isUnsafe(scalar) {
                scalar = "\u{FFFD}"
            }
            if scalar == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            if count == limit {
                truncated = true
                break
            }
            scalars.append(scalar)
            count += 1
        }
        var result = String(scalars)
        while result.hasSuffix(" ") { result.removeLast() }
        return truncated ? result + "…" : result
    }

    /// What is shown in place of a secret.
    static let hidden = "[hidden]"

    /// `text` with every occurrence of each secret (longest first) replaced by ``hidden``:
    /// done before anything is cut short, so no part of a secret survives at a cut.
    static func hide(_ secrets: [String], in text: String) -> String {
        var result = text
        for secret in secrets.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            result = result.replacingOccurrences(of: secret, with: hidden)
        }
        return result
    }

    /// A character a terminal could act on, or that would disguise the text around it.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true  // C0, DEL, C1 (ESC, BEL, CSI, OSC, ST...)
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return true  // bidirectional controls
        case 0xFFF9...0xFFFB: return true  // interlinear annotation controls
        default: return false
        }
    }

    /// What an answer body says, for a message: the text of an HTML page (tags dropped), the
    /// `detail`/`message`/`error` of a JSON error, or the text itself; always an excerpt.
    static func gist(of body: Data, limit: Int = 160, hiding secrets: [String] = []) -> String {
        let head = body.prefix(64 * 1024)
        if looksLikeHTML(head) {
            let text = String(decoding: head, as: UTF8.self)
            var plain = ""
            var inTag = false
            for character in text {
                if character == "<" { inTag = true; plain.append(" "); continue }
                if character == ">" { inTag = false; continue }
                if !inTag { plain.append(character) }
            }
            return excerpt(plain, limit: limit, hiding: secrets)
        }
        if let object = try? JSONSerialization.jsonObject(with: head) as? [String: Any] {
            for key in ["detail", "message", "error", "error_description"] {
                if let text = object[key] as? String { return excerpt(text, limit: limit, hiding: secrets) }
            }
        }
        return excerpt(body, limit: limit, hiding: secrets)
    }

    /// A web page rather than anything an LRS would send.
    static func looksLikeHTML(_ body: Data) -> Bool {
        let start = String(decoding: body.prefix(512), as: UTF8.self).lowercased()
        let trimmed = start.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        return trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || start.contains("<html")
            || start.contains("<head") || start.contains("<body")
    }
}

extension LRSError {
    /// The same problem with every secret hidden in the text it carries from the network
    /// (what the LRS said, where it pointed, an encoding). The words around them are the
    /// catalog's, and the address is the one typed with any credentials taken out
    /// (``LRSEndpoint``), so neither is touched: marking a short password where it happens to
    /// appear in them ("lrs.e[hidden]ample.org") would show it rather than hide it.
    func hiding(_ secrets: [String]) -> LRSError {
        guard secrets.contains(where: { !$0.isEmpty }) else { return self }
        func hide(_ text: String) -> String { LRSText.hide(secrets, in: text) }
        switch problem {
        case let .compressed(endpoint, encoding, purpose):
            return LRSError(.compressed(endpoint: endpoint, encoding: hide(encoding), purpose: purpose))
        case let .redirected(status, target, purpose):
            return LRSError(.redirected(status: status, target: target.map(hide), purpose: purpose))
        case let .webPage(gist, purpose): return LRSError(.webPage(gist: hide(gist), purpose: purpose))
        case let .notListed(status, gist): return LRSError(.notListed(status: status, gist: gist.map(hide)))
        case let .rejected(status, gist): return LRSError(.rejected(status: status, gist: gist.map(hide)))
        case let .nextPageElsewhere(endpoint, more): return LRSError(.nextPageElsewhere(endpoint: endpoint, more: hide(more)))
        case let .cohortNotAnswered(status, gist): return LRSError(.cohortNotAnswered(status: status, gist: gist.map(hide)))
        case let .notStatements(endpoint, gist): return LRSError(.notStatements(endpoint: endpoint, gist: gist.map(hide)))
        case .notAnAddress, .addressHasQuery, .impossiblePort, .unusableAddress, .userHasColon, .notEncrypted, .tooLarge,
             .failed, .unreachable, .refused, .statementWithoutID, .notJSON, .unconfirmed, .listAnswered, .requestNotMade,
             .pagesForever, .tooMuchInAll, .pagesInCircle:
            return self
        }
    }
}
