import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Several builds of Attune in one cache folder (an installed release and a program built
/// from the source, say), each with snapshots of its own, and the sweep that keeps the
/// folder from growing without bound.
///
/// - Each snapshot's name ends in its build's tag: `library-<folders>.<tag>.json`,
///   `index-<folders>.<tag>.json`, `file-<digest>.<tag>.json` (``ContentCache/build``).
/// - Each build has a mark of use, `build-<tag>.used`, whose modification time is when the
///   build last started, to within a day. It is renewed when more than a day old, so a warm start costs one
///   `lstat` and writes nothing; only the first start of a day writes.
/// - Renewing the mark (or writing it for a new build) sweeps the folder.
///
/// **The invariant**, true after every sweep: the folder holds the snapshots of at most
/// ``ContentCache/keptBuilds`` builds, namely this build and the others whose marks are the
/// most recent, none of them older than ``ContentCache/unusedDays`` days. Snapshots whose
/// build has no mark (names from before builds were told apart, or a mark removed by hand)
/// go too, as do temporary files more than a day old (a write cut short). A build writes its
/// mark before its first snapshot (both on the one writer queue), so a build at work always
/// has one. Names that are not the cache's are never touched; the seal's key is shared and
/// stays. Between sweeps the number of builds in the folder can only grow by the first start
/// of a new build, and that start sweeps.
///
/// Removing another build's snapshot while it reads them is harmless: a missing file means
/// reading the YAML, as for any other missing snapshot.
extension ContentCache {
    /// At most this many builds keep their snapshots: this one and those used most recently.
    public static let keptBuilds = 3
    /// A build not started for this many days loses its snapshots.
    public static let unusedDays = 30
    /// A mark of use is renewed when older than this, so at most once a day.
    static let markInterval: TimeInterval = 24 * 3600

    /// The name of a snapshot of this build: `stem` (`library-…`, `index-…`, `file-…`) and the tag.
    func snapshotName(_ stem: String) -> String { "\(stem).\(build).json" }

    static func markName(_ build: String) -> String { "build-\(build).used" }

    // MARK: Marking use and sweeping

    /// Notes that this build is starting: when its mark is missing or more than a day old,
    /// renews it and sweeps the folder, on the writer queue (``waitForWrites()`` finishes it).
    /// Otherwise, one `lstat` and nothing written.
    func noteUse() {
        var info = stat()
        if lstat(directory + "/" + Self.markName(build), &info) == 0, info.st_mode & S_IFMT == S_IFREG,
           abs(now().timeIntervalSince(Self.modified(info))) < Self.markInterval { return }
        let cache = self
        Self.writer.async(group: Self.pending) {
            cache.mark()
            cache.sweep()
        }
    }

    /// Writes this build's mark, dated ``now``, whole (renamed into place). Returns whether it was.
    @discardableResult
    func mark() -> Bool {
        guard makeFolder() else { return false }
        let target = directory + "/" + Self.markName(build)
        guard let temporary = writeTemporary(for: target, Array("Attune \(version)\n".utf8)) else { return false }
        let time = Self.timeSpec(now())
        var times = [time, time]
        guard utimensat(AT_FDCWD, temporary, &times, AT_SYMLINK_NOFOLLOW) == 0, rename(temporary, target) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Removes what the invariant above leaves out. Like ``clear()``, it works relative to
    /// the folder opened without following a link, so nothing outside it is ever removed.
    func sweep() {
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return }
        defer { close(folder) }
        var info = stat()
        guard fstat(folder, &info) == 0, Self.isOurs(info) else { return }
        let files = listing().compactMap { name in CacheFileName(name).map { (name, $0) } }
        let current = now()
        func age(_ name: String) -> TimeInterval? {
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG, Self.isOurs(info)
            else { return nil }
            return current.timeIntervalSince(Self.modified(info))
        }
        // Every other build's time since its last start, from its mark.
        var unused: [String: TimeInterval] = [:]
        for (name, file) in files where file.kind == .mark && !file.isTemporary && file.build != build {
            if let age = age(name), age <= TimeInterval(Self.unusedDays) * 24 * 3600 { unused[file.build] = age }
        }
        let others = unused.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(Self.keptBuilds - 1).map(\.key)
        let kept = Set([build] + others)
        for (name, file) in files {
            if kept.contains(file.build), !file.isTemporary || (age(name) ?? 0) < Self.markInterval { continue }
            unlinkat(folder, name, 0)
        }
    }

    // MARK: What is there

    /// How much the cache holds: its snapshots (marks and the key are not counted), and
    /// how many builds they belong to.
    public struct Status: Sendable, Equatable {
        public var files: Int
        public var bytes: Int
        /// How many builds of Attune have snapshots here (names from before builds were
        /// told apart count as one).
        public var builds: Int
        /// Whether this build is one of them.
        public var includesThisBuild: Bool

        public init(files: Int, bytes: Int, builds: Int, includesThisBuild: Bool) {
            self.files = files
            self.bytes = bytes
            self.builds = builds
            self.includesThisBuild = includesThisBuild
        }
    }

    public func status() -> Status {
        var owners = Set<String>()
        var files = 0, bytes = 0
        for name in listing() {
            guard let file = CacheFileName(name), file.kind == .snapshot, !file.isTemporary else { continue }
            var info = stat()
            guard lstat(directory + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            owners.insert(file.build)
            files += 1
            bytes += Int(info.st_size)
        }
        return Status(files: files, bytes: bytes, builds: owners.count, includesThisBuild: owners.contains(build))
    }

    /// Every name in the cache folder, or none when it is not a folder (a link included).
    func listing() -> [String] {
        var info = stat()
        guard lstat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return [] }
        return (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    }

    // MARK: Time

    static func modified(_ info: stat) -> Date {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }

    private static func timeSpec(_ date: Date) -> timespec {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        var spec = timespec()
        spec.tv_sec = Int(seconds)
        spec.tv_nsec = Int((date.timeIntervalSince1970 - seconds) * 1e9)
        return spec
    }
}

/// A name the cache writes, read back: a snapshot, a build's mark of use, or a temporary
/// file of either, and the build it belongs to. Nil for any other name (the seal's key
/// included), which the cache never removes.
struct CacheFileName: Equatable {
    enum Kind { case snapshot, mark }
    var kind: Kind
    /// The build's tag; empty for a snapshot named before builds were told apart.
    var build: String
    var isTemporary: Bool

    init(kind: Kind, build: String, isTemporary: Bool) {
        self.kind = kind
        self.build = build
        self.isTemporary = isTemporary
    }

    init?(_ name: String) {
        var base = Substring(name)
        isTemporary = false
        if let range = name.range(of: ".tmp-") {
            base = name[..<range.lowerBound]
            isTemporary = true
        }
        if base.hasPrefix("build-"), base.hasSuffix(".used") {
            let tag = base.dropFirst("build-".count).dropLast(".used".count)
            guard Self.isTag(tag) else { return nil }
            kind = .mark
            build = String(tag)
            return
        }
        guard ["library-", "index-", "file-"].contains(where: { base.hasPrefix($0) }), base.hasSuffix(".json") else { return nil }
        kind = .snapshot
        let stem = base.dropLast(".json".count)
        if let dot = stem.lastIndex(of: "."), Self.isTag(stem[stem.index(after: dot)...]) {
            build = String(stem[stem.index(after: dot)...])
        } else {
            build = ""
        }
    }

    private static func isTag(_ text: Substring) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }
}
