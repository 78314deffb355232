import AttuneCatalog
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an export could not be written: the path and the problem, put in words by the
/// catalog (`ShellText.privateFile`) for the person exporting.
struct PrivateFileError: Error, CustomStringConvertible, Equatable {
    let problem: PrivateFileProblem
    let path: String

    /// In the language of `catalog`.
    func message(_ catalog: any MessageCatalog) -> String { catalog.shell(.privateFile(problem, path: path)) }

    /// In English, for callers not yet speaking the chosen language.
    var description: String { message(English()) }
}

/// Exports hold reflections and records. They are written readable by their owner alone
/// (0600) and never, even briefly, readable by anyone else: the text goes into an unnamed
/// private file in the target folder (O_TMPFILE), is flushed to disk, and only then gets its
/// name. A kill at any moment leaves either the old file or the new one, and no copy.
///
/// The text may be given whole (``write(_:to:output:)``) or a chunk at a time as it is made
/// (``write(to:output:contents:)``, the cohort report): the same file, the same guarantees;
/// if the chunks stop with an error, the file being written is dropped and the old one, if
/// any, is left as it was.
enum PrivateFile {
    /// What a write did, for the message the person sees.
    enum Outcome: Equatable {
        case created
        case replaced
        case standardOutput
    }

    /// `path` "-" writes to standard output.
    @discardableResult
    static func write(_ text: String, to path: String, output: OutputSink? = nil) throws(PrivateFileError) -> Outcome {
        if path == "-" {
            (output ?? StandardStreams()).writePreformatted(text)
            return .standardOutput
        }
        let draft = try Draft(path: path)
        // Straight from the text's own bytes where they are contiguous (a native string), so a
        // large export is not held twice.
        var text = text
        text.makeContiguousUTF8()
        // `withContiguousStorageIfAvailable` rethrows untyped errors: the write's own comes
        // back as a result (as in `CohortSink`).
        let write = { (bytes: UnsafeRawBufferPointer) -> Result<Void, PrivateFileError> in
            do throws(PrivateFileError) {
                try draft.write(bytes)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        let outcome = text.utf8.withContiguousStorageIfAvailable { write(UnsafeRawBufferPointer($0)) }
            ?? Array(text.utf8).withUnsafeBytes(write)
        try outcome.get()
        return try draft.commit()
    }

    /// The file at `path` ("-": standard output) written a chunk at a time: `contents` is given
    /// a ``Chunks`` to write to as it makes the text, and the file gets its name only once
    /// `contents` has returned. The folder and the path are checked before `contents` runs.
    /// Throws a ``PrivateFileError`` (the file could not be made, written or named) or what
    /// `contents` throws; either way nothing is left where the file would have been, and an
    /// old file there is unchanged.
    @discardableResult
    static func write(to path: String, output: OutputSink? = nil, contents: (Chunks) throws -> Void) throws -> Outcome {
        if path == "-" {
            let chunks = Chunks(.standardOutput(output ?? StandardStreams()), path: path)
            defer { chunks.close() }
            try contents(chunks)
            return .standardOutput
        }
        let draft = try Draft(path: path)
        let chunks = Chunks(.draft(draft), path: path)
        defer { chunks.close() }
        try contents(chunks)
        chunks.close()
        return try draft.commit()
    }

    /// Whether a file could be written at `path` now: its folder exists and may be written
    /// in, and nothing but an ordinary file is there. Called by a command before long work (a
    /// cohort read from an LRS), so a mistyped folder is said at once, not after the wait;
    /// the write checks again. Gives the folder, and whether a file is there already.
    @discardableResult
    static func check(_ path: String) throws(PrivateFileError) -> (folder: String, exists: Bool) {
        if path == "-" { return (".", false) }
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0, folderInfo.st_mode & S_IFMT == S_IFDIR else {
            throw PrivateFileError(problem: .noFolder(folder), path: path)
        }
        var existing = stat()
        let exists = lstat(path, &existing) == 0
        if exists {
            let kind = existing.st_mode & S_IFMT
            guard kind == S_IFREG else {
                throw PrivateFileError(problem: kind == S_IFDIR ? .isFolder : kind == S_IFLNK ? .isLink : .notOrdinary, path: path)
            }
        }
        guard access(folder, W_OK) == 0 else { throw PrivateFileError(problem: .cannotWriteThere, path: path) }
        return (folder, exists)
    }

    /// Where ``write(to:output:contents:)`` puts each chunk; it takes no more once the write is
    /// over (a later chunk throws).
    final class Chunks {
        enum Target {
            case draft(Draft)
            case standardOutput(OutputSink)
        }

        private var target: Target?
        private let path: String

        init(_ target: Target, path: String) {
            self.target = target
            self.path = path
        }

        /// Writes `bytes`, whole UTF-8 text (standard output is given it as a `String`).
        func write(_ bytes: UnsafeRawBufferPointer) throws(PrivateFileError) {
            switch target {
            case .draft(let draft): try draft.write(bytes)
            case .standardOutput(let output): output.writePreformatted(String(decoding: bytes, as: UTF8.self))
            case nil: throw PrivateFileError(problem: .systemNothingChanged(String(cString: strerror(EBADF))), path: path)
            }
        }

        func close() { target = nil }
    }

    /// The file being written: an unnamed private file in the target folder (or, where the
    /// file system cannot make one, a named temporary created 0600), named by ``commit()``.
    /// Dropped if it is never committed: closed, and a named temporary removed.
    final class Draft {
        let path: String
        private let folder: String
        /// Whether a file was at `path` when the draft was opened.
        private let exists: Bool
        private let descriptor: Int32
        /// The temporary's name, when it has one.
        private var name: String?
        private var committed = false

        /// Checks the folder and the path, removes old leftovers, and opens the file.
        convenience init(path: String) throws(PrivateFileError) {
            let (folder, exists) = try PrivateFile.check(path)
            PrivateFile.removeLeftovers(in: folder)
            let opened = try PrivateFile.openUnnamed(in: folder, for: path)
            self.init(path: path, folder: folder, exists: exists, descriptor: opened.descriptor, name: opened.name)
        }

        /// A draft writing to `descriptor` (tests give one that fails).
        init(path: String, folder: String, exists: Bool, descriptor: Int32, name: String?) {
            self.path = path
            self.folder = folder
            self.exists = exists
            self.descriptor = descriptor
            self.name = name
        }

        deinit {
            close(descriptor)
            if !committed, let name { unlink(name) }
        }

        /// Writes all of `bytes`, or throws: the disk is full, or the system's reason; nothing
        /// at `path` has changed.
        func write(_ bytes: UnsafeRawBufferPointer) throws(PrivateFileError) {
            guard !committed else {
                throw PrivateFileError(problem: .systemNothingChanged(String(cString: strerror(EBADF))), path: path)
            }
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    let problem: PrivateFileProblem = errno == ENOSPC ? .diskFullNothingChanged
                        : .systemNothingChanged(String(cString: strerror(errno)))
                    throw PrivateFileError(problem: problem, path: path)
                }
                offset += written
            }
        }

        /// Flushes the file to disk and gives it its name. A new file: the unnamed file is
        /// linked to its name directly, so no temporary name ever exists. Otherwise a named
        /// temporary (linked at the last moment for an unnamed file) is renamed over the
        /// target in one step.
        func commit() throws(PrivateFileError) -> Outcome {
            guard !committed else {
                throw PrivateFileError(problem: .systemNothingChanged(String(cString: strerror(EBADF))), path: path)
            }
            if fsync(descriptor) != 0 {
                throw PrivateFileError(problem: .system(String(cString: strerror(errno))), path: path)
            }
            if name == nil, !exists,
               linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 {
                committed = true
                PrivateFile.syncFolder(folder)
                return .created
            }
            if name == nil {
                let temporary = PrivateFile.uniqueTemporary(in: folder, for: path)
                guard linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 else {
                    throw PrivateFileError(problem: .system(String(cString: strerror(errno))), path: path)
                }
                name = temporary
            }
            guard let temporary = name, rename(temporary, path) == 0 else {
                // The temporary is removed when the draft goes.
                throw PrivateFileError(problem: .system(String(cString: strerror(errno))), path: path)
            }
            committed = true
            PrivateFile.syncFolder(folder)
            return exists ? .replaced : .created
        }
    }

    private static func syncFolder(_ folder: String) {
        let directory = open(folder, O_RDONLY | O_DIRECTORY)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    static let temporaryMarker = ".attune-export-"

    /// An unnamed private file in `folder`, or where the file system cannot make one, a
    /// new named file created exclusively with mode 0600.
    private static func openUnnamed(in folder: String, for path: String) throws(PrivateFileError) -> (descriptor: Int32, name: String?) {
        let unnamed = open(folder, oTmpFile | O_WRONLY | O_CLOEXEC, 0o600)
        if unnamed >= 0 { return (unnamed, nil) }
        let name = uniqueTemporary(in: folder, for: path)
        let named = open(name, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard named >= 0 else {
            let problem: PrivateFileProblem = errno == EACCES || errno == EROFS ? .cannotWriteThere
                : errno == ENOSPC ? .diskFull : .system(String(cString: strerror(errno)))
            throw PrivateFileError(problem: problem, path: path)
        }
        fchmod(named, 0o600)
        return (named, name)
    }

    /// O_TMPFILE, which Swift does not import from the C headers.
    private static let oTmpFile: Int32 = 0o20000000 | O_DIRECTORY

    private static func uniqueTemporary(in folder: String, for path: String) -> String {
        let base = (path as NSString).lastPathComponent
        return (folder as NSString).appendingPathComponent(".\(base)\(temporaryMarker)\(UInt32.random(in: .min ... .max))")
    }

    /// Removes named temporaries a kill left behind in the instant between naming and
    /// renaming: ours, and over a minute old, so another export writing into the same folder
    /// at this moment keeps its own.
    private static func removeLeftovers(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let now = time(nil)
        for name in names where name.hasPrefix(".") && name.contains(temporaryMarker) {
            let full = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            if lstat(full, &info) == 0, info.st_uid == getuid(), info.st_mode & S_IFMT == S_IFREG,
               now - info.st_mtim.tv_sec > 60 {
                unlink(full)
            }
        }
    }
}
