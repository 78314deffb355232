import Crypto

/// What a cached reading of one content file is valid for: the file's path (as the
/// loader names it in findings), size, modification time and a SHA-256 of its bytes.
///
/// The hash is always compared, so a file changed within the same second as the cache was
/// written, with the same size, is still seen as changed. SHA-256 (swift-crypto, already a
/// dependency) hashes the 816 KB of bundled content in about a millisecond; a
/// non-cryptographic hash would be faster by a fraction of that and is not worth its weaker
/// guarantee.
public struct ContentFileKey: Sendable, Hashable, Codable {
    public var path: String
    public var size: Int
    /// Nanoseconds since 1970.
    public var modified: Int64
    /// SHA-256 of the bytes, in hex.
    public var digest: String

    public init(path: String, size: Int, modified: Int64, digest: String) {
        self.path = path
        self.size = size
        self.modified = modified
        self.digest = digest
    }

    public init(_ file: ContentFileBytes) {
        self.init(path: file.path, size: file.size, modified: file.modified, digest: ContentDigest.of(file.bytes))
    }
}

/// SHA-256 in hex, for content keys and for checking a cache file's parts.
public enum ContentDigest {
    public static func of(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    public static func of(_ texts: [String]) -> String {
        var hasher = SHA256()
        for text in texts {
            hasher.update(data: Array(text.utf8))
            hasher.update(data: [0])
        }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
