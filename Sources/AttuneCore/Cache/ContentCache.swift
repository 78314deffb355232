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
public struct ContentCache: Sendable {
    public let directory: String
    public let version: String

    public init(directory: String, version: String = AttuneVersion.current) {
        self.directory = directory
        self.version = version
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
    func read(_ name: String) -> [UInt8]? {
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

    /// Owned by this user and writable by no one else.
    private static func isOurs(_ info: stat) -> Bool {
        info.st_uid == geteuid() && info.st_mode & 0o022 == 0
    }

    /// Writes a cache file whole or not at all. Returns whether it was written.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> Bool {
        guard makeFolder() else { return false }
        let target = directory + "/" + name
        let temporary = target + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { SystemCalls.write(descriptor, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            done += count
        }
        let closed = close(descriptor) == 0
        guard done == bytes.count, closed, rename(temporary, target) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// The cache folder, made private if it is new. A folder that exists but is not a
    /// folder, or is a link, is not written into.
    private func makeFolder() -> Bool {
        var info = stat()
        if lstat(directory, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR && Self.isOurs(info) }
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != directory {
            try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
        return mkdir(directory, 0o700) == 0 || (lstat(directory, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
    }

    /// The cache's files (ours only: names ending in .json) and their total size.
    public func status() -> (files: Int, bytes: Int) {
        var files = 0, bytes = 0
        for name in names() {
            var info = stat()
            if lstat(directory + "/" + name, &info) == 0 {
                files += 1
                bytes += Int(info.st_size)
            }
        }
        return (files, bytes)
    }

    /// Removes every cache file (and left-over temporary files); returns how many.
    @discardableResult
    public func clear() -> Int {
        waitForWrites()
        var removed = 0
        for name in names(includingTemporary: true) where unlink(directory + "/" + name) == 0 { removed += 1 }
        return removed
    }

    private func names(includingTemporary: Bool = false) -> [String] {
        guard let all = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return all.filter { name in
            (name.hasPrefix("library-") || name.hasPrefix("index-") || name.hasPrefix("file-"))
                && (name.hasSuffix(".json") || includingTemporary && name.contains(".json.tmp-"))
        }
    }

    // MARK: Writing after the answer

    /// Cache files are encoded and written on one background queue, so the first run
    /// answers without waiting for them; `waitForWrites` (called before the program exits)
    /// lets them finish.
    private static let writer = DispatchQueue(label: "attune.content-cache", qos: .utility)
    private static let pending = DispatchGroup()

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
