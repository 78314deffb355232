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
        removeLeftovers(in: folder)
        let fd = try openUnnamed(in: folder, for: path)
        defer { close(fd.descriptor) }
        // Straight from the text's own bytes where they are contiguous (a native string), so a
        // large export (a cohort report) is not held twice.
        var text = text
        text.makeContiguousUTF8()
        let write = { (bytes: UnsafeRawBufferPointer) -> Result<Void, PrivateFileError> in
            do throws(PrivateFileError) {
                try writeAll(bytes, to: fd.descriptor, path: path, cleanup: fd.name)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        let outcome = text.utf8.withContiguousStorageIfAvailable { write(UnsafeRawBufferPointer($0)) }
            ?? Array(text.utf8).withUnsafeBytes(write)
        try outcome.get()
        if fsync(fd.descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            if let name = fd.name { unlink(name) }
            throw PrivateFileError(problem: .system(reason), path: path)
        }
        // Give the finished file its name. A new file: the unnamed file is linked to its name
        // directly, so no temporary name ever exists. Otherwise a named temporary (linked at
        // the last moment for an unnamed file) is renamed over the target in one step.
        if fd.name == nil, !exists,
           linkat(AT_FDCWD, "/proc/self/fd/\(fd.descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 {
            syncFolder(folder)
            return .created
        }
        let temporary = fd.name ?? uniqueTemporary(in: folder, for: path)
        if fd.name == nil {
            guard linkat(AT_FDCWD, "/proc/self/fd/\(fd.descriptor)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 else {
                throw PrivateFileError(problem: .system(String(cString: strerror(errno))), path: path)
            }
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PrivateFileError(problem: .system(reason), path: path)
        }
        syncFolder(folder)
        return exists ? .replaced : .created
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

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32, path: String, cleanup name: String?) throws(PrivateFileError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let problem: PrivateFileProblem = errno == ENOSPC ? .diskFullNothingChanged
                    : .systemNothingChanged(String(cString: strerror(errno)))
                if let name { unlink(name) }
                throw PrivateFileError(problem: problem, path: path)
            }
            offset += written
        }
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
