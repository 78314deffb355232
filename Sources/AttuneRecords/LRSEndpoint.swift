import AttuneCatalog
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An LRS's address as the learner typed it, made into the one form Attune sends to, shows,
/// and files its record of sent statements under: the statements resource, with the scheme
/// and host in lower case, no default port (80 for http, 443 for https), no user name or
/// password, no fragment, no empty, `.` or `..` path segments and no trailing slash, ending
/// in `/statements`. So `HTTPS://LRS.example.org:443/xAPI/`, `https://lrs.example.org/xAPI`
/// and `https://me:pw@lrs.example.org/xAPI/statements/` are one LRS:
/// `https://lrs.example.org/xAPI/statements`.
///
/// A user name and password written into the address are kept apart (``user``,
/// ``password``) for the caller to use or refuse; they are never part of ``statementsURL``
/// or ``key``, so they are never shown or stored.
public struct LRSEndpoint: Sendable, Hashable {
    /// Where statements are sent. Never holds credentials.
    public let statementsURL: URL
    /// A user name written into the address (`https://name@host/`), if any.
    public let user: String?
    /// A password written into the address (`https://name:password@host/`), if any.
    public let password: String?

    /// The normalised address: what the sent-statement record is keyed by, and what is shown.
    public var key: String { statementsURL.absoluteString }

    /// https: the password and statements are encrypted on the way.
    public var isEncrypted: Bool { statementsURL.scheme == "https" }

    /// The address is this computer (127.0.0.0/8, ::1 or localhost), so nothing crosses a network.
    public var isLoopback: Bool { Self.isLoopback(host: statementsURL.host ?? "") }

    /// Whether credentials were written into the address.
    public var hasEmbeddedCredentials: Bool { user != nil || password != nil }

    public init(_ text: String) throws(LRSError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = Self.redacted(trimmed)
        guard var parts = URLComponents(string: trimmed), let scheme = parts.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = parts.percentEncodedHost, !host.isEmpty else {
            throw LRSError(.notAnAddress(shown: shown))
        }
        if let query = parts.percentEncodedQuery, !query.isEmpty {
            throw LRSError(.addressHasQuery(shown: shown))
        }
        if let port = parts.port, !(1...65_535).contains(port) {
            throw LRSError(.impossiblePort(shown: shown, port: port))
        }
        user = parts.user.flatMap { $0.isEmpty ? nil : $0 }
        password = parts.password
        parts.user = nil
        parts.password = nil
        parts.fragment = nil
        parts.scheme = scheme
        var lowerHost = host.lowercased()
        if lowerHost.count > 1, lowerHost.hasSuffix(".") { lowerHost.removeLast() }
        parts.percentEncodedHost = lowerHost
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) { parts.port = nil }
        var segments: [String] = []
        for segment in parts.percentEncodedPath.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(String(segment))
            }
        }
        if segments.last != "statements" { segments.append("statements") }
        parts.percentEncodedPath = "/" + segments.joined(separator: "/")
        guard let url = parts.url else {
            throw LRSError(.unusableAddress(shown: shown))
        }
        statementsURL = url
    }

    /// The normalised key for an address, or nil when it is not one (for refiling old records).
    public static func key(for text: String) -> String? {
        try? LRSEndpoint(text).key
    }

    /// Whether `host` (as in a URL, IPv6 in brackets or not) names this computer.
    public static func isLoopback(host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.hasSuffix("."), name.count > 1 { name.removeLast() }
        if name == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, name, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, name, &v6) == 1 {
            let bytes = withUnsafeBytes(of: &v6) { Array($0) }
            if bytes == [UInt8](repeating: 0, count: 15) + [1] { return true }
            // ::ffff:127.x.y.z, an IPv4 loopback address written as IPv6.
            return bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
        }
        return false
    }

    /// `text` without any `user:password@`, and made safe to show: for messages about an
    /// address that may not even parse. Mistyped addresses are covered too: `http:/U:PW@host`,
    /// `http:\\U:PW@host`, `U:PW@host` (no scheme) and a password holding `/`, `?` or `#`.
    /// Everything before the last `@` of the part before the path is dropped (a scheme
    /// followed by a slash is kept); an `@` further on, where a path could have one, is
    /// dropped with what precedes it only when a `:` before it could start a password.
    public static func redacted(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        // A scheme is letters, digits, '+', '-' or '.' and a ':', followed by a slash.
        var start = 0
        if let colon = scalars.firstIndex(of: ":"), colon > 0, colon + 1 < scalars.count,
           scalars[colon + 1] == "/" || scalars[colon + 1] == "\\",
           scalars[..<colon].allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }) {
            start = colon + 1
            while start < scalars.count, scalars[start] == "/" || scalars[start] == "\\" { start += 1 }
        }
        let authorityEnd = scalars[start...].firstIndex(where: { "/\\?#".unicodeScalars.contains($0) }) ?? scalars.count
        if let at = scalars[start..<authorityEnd].lastIndex(of: "@") {
            scalars.removeSubrange(start...at)
        } else if let at = scalars[start...].lastIndex(of: "@"), scalars[start..<at].contains(":") {
            // 'https://me:pa/ss@host': a password with a slash in it.
            scalars.removeSubrange(start...at)
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return LRSText.excerpt(String(result), limit: 200)
    }
}
