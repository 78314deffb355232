import Crypto
import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where compiled content is kept between runs, and the only code that touches it on disk:
/// `$XDG_CACHE_HOME/attune` (default `~/.cache/attune`), a folder readable by its owner
/// alone (0700) holding files readable by their owner alone (0600).
///
/// Every failure is quiet and harmless: a folder that cannot be made or written, a file
/// that cannot be read, is damaged, cut short or from another version all mean "read the
/// YAML", never wrong content. Files are written to a temporary name in the same folder
/// and renamed into place, so a reader sees a whole file or none.
///
/// Every file is sealed: its first line is `sealed:` and an HMAC-SHA256 of the rest, keyed
/// by 32 random bytes kept in ``sealKeyName`` (0600) in the same folder. A snapshot edited
/// by hand, by a sync tool or by anything else that does not hold the key fails the check
/// and is not used, however well-formed it is: the YAML is read instead, silently, as for
/// any other bad snapshot.
///
/// Every build of Attune keeps snapshots of its own, side by side in the one folder: each
/// snapshot's name ends in the build's tag (``build``), so an installed release and a
/// program built from the source, run in turn, both start warm. Old builds' snapshots are
/// swept away (see `CacheBuilds.swift`).
public struct ContentCache: Sendable {
    public let directory: String
    public let version: String
    /// The clock that dates this build's mark of use and judges the others' (tests set it).
    let now: @Sendable () -> Date
    /// This build's tag in every name it writes: 12 hex digits of a SHA-256 of ``version``.
    public let build: String

    public init(directory: String, version: String = AttuneVersion.current, now: @escaping @Sendable () -> Date = { Date() }) {
        self.directory = directory
        self.version = version
        self.now = now
        build = String(ContentDigest.of(["attune-build", version]).prefix(12))
    }

    /// `$XDG_CACHE_HOME/attune` when that is an absolute path, else `~/.cache/attune`; nil
    /// when neither can be worked out.
    public static func defaultDirectory(environment: [String: String]) -> String? {
        XDGFolders.attune("XDG_CACHE_HOME", fallback: ".cache", environment: environment)
    }

    /// The Attune version with this program's size and modification time: a rebuilt
    /// program, whose loader may check content differently, never reads what another build
    /// wrote, even under the same version number.
    public static func buildVersion() -> String {
        var info = stat()
        guard let path = Bundle.main.executablePath, stat(path, &info) == 0 else { return AttuneVersion.current }
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return "\(AttuneVersion.current) build \(info.st_size)-\(modified)"
    }

    /// The most a cache file may be; anything larger is not one of ours.
    static let maximumFileSize = 64 * 1024 * 1024

    /// A cache file's bytes, or nil when it is missing, not a plain file, unreadable, or
    /// could have been written by someone else: a file or folder another user owns, or
    /// that others may write to, is not trusted, since its content would be shown as ours.
    func readRaw(_ name: String) -> [UInt8]? {
        var folder = stat()
        guard lstat(directory, &folder) == 0, folder.st_mode & S_IFMT == S_IFDIR, Self.isOurs(folder) else { return nil }
        let descriptor = open(directory + "/" + name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Self.isOurs(info),
              Int(info.st_size) <= Self.maximumFileSize
        else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { SystemCalls.read(descriptor, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            done += count
        }
        return bytes
    }

    /// A cache file's body, or nil when it is missing, untrusted (see ``readRaw(_:)``) or
    /// its seal does not match its body under this cache's key.
    func read(_ name: String) -> [UInt8]? {
        guard let bytes = readRaw(name), let key = sealKey(creating: false) else { return nil }
        return Self.unseal(bytes, key: key)
    }

    // MARK: The seal

    /// The file holding the key that seals the snapshots.
    public static let sealKeyName = "seal.key"
    private static let sealPrefix = Array("sealed:".utf8)

    /// `bytes` with a first line sealing them under `key`.
    static func seal(_ bytes: [UInt8], key: SymmetricKey) -> [UInt8] {
        let code = HMAC<SHA256>.authenticationCode(for: bytes, using: key)
        return sealPrefix + Array(hex(Array(code)).utf8) + [UInt8(ascii: "\n")] + bytes
    }

    /// The body of a sealed file, or nil when the seal is missing or does not match.
    static func unseal(_ sealed: [UInt8], key: SymmetricKey) -> [UInt8]? {
        let headerLength = sealPrefix.count + 64 + 1
        guard sealed.count >= headerLength, sealed.starts(with: sealPrefix), sealed[headerLength - 1] == UInt8(ascii: "\n"),
              let code = unhex(sealed[sealPrefix.count..<(headerLength - 1)])
        else { return nil }
        let body = Array(sealed[headerLength...])
        guard HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: body, using: key) else { return nil }
        return body
    }

    /// This cache's key: read from ``sealKeyName`` when it is ours and whole; made (32
    /// random bytes, 0600, never replacing one already there) when `creating` and missing.
    func sealKey(creating: Bool) -> SymmetricKey? {
        if let bytes = readRaw(Self.sealKeyName), bytes.count == 32 { return SymmetricKey(data: bytes) }
        guard creating, makeFolder() else { return nil }
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }
        // Written whole under another name, then linked into place: two starts at once
        // agree on whichever key was linked first.
        let target = directory + "/" + Self.sealKeyName
        guard let temporary = writeTemporary(for: target, bytes) else { return nil }
        link(temporary, target)
        unlink(temporary)
        guard let kept = readRaw(Self.sealKeyName), kept.count == 32 else { return nil }
        return SymmetricKey(data: kept)
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func unhex(_ digits: ArraySlice<UInt8>) -> [UInt8]? {
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    /// Owned by this user and writable by no one else.
    static func isOurs(_ info: stat) -> Bool {
        info.st_uid == geteuid() && info.st_mode & 0o022 == 0
    }

    /// Writes a cache file, sealed, whole or not at all. Returns whether it was written.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> Bool {
        guard makeFolder(), let key = sealKey(creating: true) else { return false }
        let target = directory + "/" + name
        guard let temporary = writeTemporary(for: target, Self.seal(bytes, key: key)) else { return false }
        guard rename(temporary, target) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// `bytes` written whole to a new private file beside `target`; its path, or nil.
    func writeTemporary(for target: String, _ bytes: [UInt8]) -> String? {
        let temporary = target + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { SystemCalls.write(descriptor, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            done += count
        }
        let closed = close(descriptor) == 0
        guard done == bytes.count, closed else {
            unlink(temporary)
            return nil
        }
        return temporary
    }

    /// The cache folder, made private if it is new. A folder that exists but is not a
    /// folder, or is a link, is not written into.
    func makeFolder() -> Bool {
        var info = stat()
        if lstat(directory, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR && Self.isOurs(info) }
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != directory {
            try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
        return mkdir(directory, 0o700) == 0 || (lstat(directory, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
    }

    /// Whether the cache folder is a symbolic link. Attune neither reads, writes nor clears
    /// a cache through a link: clearing it would delete files in the folder it leads to.
    public var isLink: Bool {
        var info = stat()
        return lstat(directory, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Removes every build's snapshots and marks of use, the seal's key and left-over
    /// temporary files; returns how many. Files whose names are not the cache's are left. The folder is opened without following a link (`O_NOFOLLOW`), and files are
    /// removed relative to that open folder, so a link in its place, even one swapped in
    /// mid-way, leads nowhere: nothing outside the cache folder is ever removed.
    @discardableResult
    public func clear() -> Int {
        waitForWrites()
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return 0 }
        defer { close(folder) }
        var info = stat()
        guard fstat(folder, &info) == 0, Self.isOurs(info) else { return 0 }
        var removed = 0
        for name in listing() where name == Self.sealKeyName || name.hasPrefix(Self.sealKeyName + ".tmp-")
            || CacheFileName(name) != nil {
            if unlinkat(folder, name, 0) == 0 { removed += 1 }
        }
        return removed
    }

    // MARK: Writing after the answer

    /// Cache files are encoded and written on one background queue, so the first run
    /// answers without waiting for them; `waitForWrites` (called before the program exits)
    /// lets them finish.
    static let writer = DispatchQueue(label: "attune.content-cache", qos: .utility)
    static let pending = DispatchGroup()

    func writeLater(_ name: String, _ encode: @escaping @Sendable () -> [UInt8]?) {
        let cache = self
        Self.writer.async(group: Self.pending) {
            if let bytes = encode() { cache.write(name, bytes) }
        }
    }

    /// Waits until every cache file this process queued is written.
    public func waitForWrites() { Self.waitForWrites() }

    public static func waitForWrites() {
        pending.wait()
    }
}
