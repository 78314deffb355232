import Foundation
import GRDB

/// The progress file on disk, before and after SQLite has it: where it may live, the check
/// made before anything is written to it, one backup of a file Attune will not touch, and
/// the mark that tells whether the last run ended cleanly.
enum StoreFile {
    /// Present while a run has the record open; left behind by a crash or a kill.
    static func inUseMark(_ path: String) -> String { path + ".in-use" }

    /// The folder exists (0700 when created) and the file is an ordinary private file, never
    /// a link; a new file is created private before SQLite opens it (SQLite would use 0644).
    static func prepare(_ path: String, in directory: String) throws(StoreError) {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError(.cannotCreateFolder(folder: directory))
            }
        } else if !isDirectory.boolValue {
            throw StoreError(.folderIsFile(folder: directory))
        }
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            if lstat(file, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
                throw StoreError(.notOrdinaryFile(file: file, isLink: info.st_mode & S_IFMT == S_IFLNK))
            }
        }
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError(.cannotWriteFile(folder: directory, reason: String(cString: strerror(errno))))
        }
        fchmod(fd, 0o600)
        close(fd)
    }

    /// Reads an existing file without writing a byte to it: is it a database, is it whole
    /// (checked after a run that did not end cleanly), and was it written by a newer Attune?
    /// A file that fails is backed up once and explained; it is never opened for writing.
    static func check(_ path: String, migrator: DatabaseMigrator) throws(StoreError) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size > 0 else { return }
        guard hasDatabaseHeader(path) else { throw damaged(path) }
        let uncleanExit = FileManager.default.fileExists(atPath: inUseMark(path))
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let reader = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? reader.close() }
            let (integrity, newer) = try reader.read { db in
                (uncleanExit ? try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "" : "ok",
                 try migrator.hasBeenSuperseded(db))
            }
            if integrity != "ok" { throw damaged(path) }
            if newer {
                let copy = backUp(path)
                throw StoreError(.newerVersion(path: path, copy: copy))
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw damaged(path)
        } catch {
            // A read-only look that SQLite cannot make (a WAL file it must create, say) is not
            // damage; the writable open that follows reports real problems.
        }
    }

    private static func hasDatabaseHeader(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\u{0}".utf8)
    }

    static func damaged(_ path: String) -> StoreError {
        let copy = backUp(path)
        return StoreError(.damaged(path: path, copy: copy))
    }

    /// Copies the file's bytes (and its WAL's) beside it, private, with a timestamp, unless an
    /// identical copy is already there; the copy's path, or nil.
    static func backUp(_ path: String) -> String? {
        guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
        let wal = FileManager.default.contents(atPath: path + "-wal")
        let folder = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent + ".backup-"
        let existing = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix(base) && !$0.hasSuffix("-wal") }.sorted()
        for name in existing.reversed() {
            let copy = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.contents(atPath: copy) == bytes, FileManager.default.contents(atPath: copy + "-wal") == wal {
                return copy
            }
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        var copy = path + ".backup-" + formatter.string(from: Date())
        var suffix = 1
        while FileManager.default.fileExists(atPath: copy) {
            suffix += 1
            copy = path + ".backup-" + formatter.string(from: Date()) + "-\(suffix)"
        }
        guard writePrivate(bytes, to: copy) else { return nil }
        if let wal { _ = writePrivate(wal, to: copy + "-wal") }
        return copy
    }

    private static func writePrivate(_ data: Data, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, data.count) }
        return written == data.count && fsync(fd) == 0
    }

    static func markInUse(_ path: String) {
        let fd = open(inUseMark(path), O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd >= 0 { close(fd) }
    }
}
