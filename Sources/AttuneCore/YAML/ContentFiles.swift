import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a content folder or file could not be opened at all (as opposed to a problem inside it).
public struct ContentAccessError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    /// Why, typed: a catalog says it in the reader's language (`catalog.tools(.access(problem))`).
    public let problem: Reason

    public init(path: String, problem: Reason) {
        self.path = path
        self.problem = problem
    }

    /// Why a path could not be opened.
    public enum Reason: Sendable, Hashable {
        case noSuchFolder
        case noSuchFile
        /// A link to a path that does not exist (`target` as it may be shown, quoted).
        case brokenLink(target: String)
        case linkLoop
        case folderOnTheWayLocked
        case partIsFile
        case tooLong
        /// `system`: the system's own words.
        case cannotOpen(system: String)
        case notAFolder
        case folderUnreadable
    }

    /// The path as it may be printed: control characters in a file name neutralised.
    public var displayPath: String { TerminalText.neutralize(path, keepingLineBreaks: false) }

    /// For programmers (logs, test output): the path and the reason's case. A reader sees
    /// `catalog.tools(.access(problem))`.
    public var description: String { "\(displayPath): \(problem)" }
}

/// The content files found at some paths, and a diagnostic for each entry that cannot be
/// one (a name that is not UTF-8, for instance).
public struct ContentListing: Sendable {
    public var files: [String]
    public var diagnostics: [Diagnostic]
    /// The translations found in the folders (`<source>.<lang>.yaml`, see
    /// `TranslationName`): never among `files`, so no loader takes one for a case or topic.
    /// A translation named on its own is among `files`, as named.
    public var translations: [String]

    public init(files: [String] = [], diagnostics: [Diagnostic] = [], translations: [String] = []) {
        self.files = files
        self.diagnostics = diagnostics
        self.translations = translations
    }

    /// Every entry looked at: the files and the entries reported.
    public var count: Int { files.count + diagnostics.count }
}

/// A content file's bytes as read, with its size and modification time (nanoseconds since
/// 1970) as `fstat` gave them when it was opened.
public struct ContentFileBytes: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var size: Int
    public var modified: Int64
}

/// Reading content files from disk: the I/O edge in front of the pure loaders.
///
/// One bad entry never stops the rest from loading: a link (never followed, see
/// ``linkRefusal``), a named pipe, a folder called `x.yaml`, an unreadable file or a name
/// that is not UTF-8 is a located diagnostic naming the entry. Only a folder or a path named on the command line
/// that cannot be opened at all is a `ContentAccessError`.
public enum ContentFiles {
    /// The `.yaml` / `.yml` files directly inside `directory`, sorted by name.
    public static func yamlFiles(in directory: String) throws(ContentAccessError) -> [String] {
        try list(directory: directory).files
    }

    /// The `.yaml` / `.yml` entries directly inside `directory`, sorted by name. Names are
    /// read as bytes, so a name that is not UTF-8 is reported rather than skipped or mangled.
    public static func list(directory: String) throws(ContentAccessError) -> ContentListing {
        var info = stat()
        if stat(directory, &info) != 0 {
            let error = errno
            throw ContentAccessError(path: directory, problem: explainMissing(directory, errno: error, folder: true))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw ContentAccessError(path: directory, problem: .notAFolder)
        }
        guard let folder = opendir(directory) else {
            throw ContentAccessError(path: directory, problem: .folderUnreadable)
        }
        defer { closedir(folder) }
        var names: [[UInt8]] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            let isYAML = name.ends(with: Array(".yaml".utf8)) || name.ends(with: Array(".yml".utf8))
            if isYAML, name.first != UInt8(ascii: ".") { names.append(name) }
        }
        var listing = ContentListing()
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            if let text = String(validating: name, as: UTF8.self) {
                let path = (directory as NSString).appendingPathComponent(text)
                if TranslationName(fileName: text) != nil {
                    listing.translations.append(path)
                } else {
                    listing.files.append(path)
                }
            } else {
                let shown = (directory as NSString).appendingPathComponent(String(decoding: name, as: UTF8.self))
                listing.diagnostics.append(Diagnostic(at: SourceLocation(file: shown, line: 1, column: 1),
                                                      .file(.nameNotUTF8), rule: .yamlSyntax))
            }
        }
        return listing
    }

    /// Whether anything is at `path`: a file, a folder, or a link even if it leads nowhere.
    public static func entryExists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The YAML files named by `paths`: files as given, folders searched one level deep.
    public static func files(in paths: [String]) throws(ContentAccessError) -> [String] {
        try list(paths).files
    }

    /// The entries named by `paths`: files as given (whatever they are: reading them says
    /// what is wrong), folders searched one level deep. A path that does not exist at all
    /// is an access error.
    public static func list(_ paths: [String]) throws(ContentAccessError) -> ContentListing {
        var listing = ContentListing()
        for path in paths {
            var info = stat()
            guard lstat(path, &info) == 0 else {
                let error = errno
                throw ContentAccessError(path: path, problem: explainMissing(path, errno: error, folder: false))
            }
            var target = stat()
            if stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFDIR {
                let found = try list(directory: path)
                listing.files += found.files
                listing.diagnostics += found.diagnostics
                listing.translations += found.translations
            } else {
                listing.files.append(path)
            }
        }
        return listing
    }

    /// Reads every file: the texts that could be read, and a diagnostic for each entry
    /// that could not be read as text.
    public static func readAll(_ files: [String]) -> (sources: [SourceText], diagnostics: [Diagnostic]) {
        readAll(ContentListing(files: files))
    }

    public static func readAll(_ listing: ContentListing) -> (sources: [SourceText], diagnostics: [Diagnostic]) {
        var sources: [SourceText] = []
        var diagnostics = listing.diagnostics
        for file in listing.files {
            switch read(file) {
            case let .success(source): sources.append(source)
            case let .failure(diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (sources, diagnostics)
    }

    /// Content files are small; anything larger is almost certainly not one, and reading it
    /// would cost time and memory for nothing.
    public static let maximumSize = 4 * 1024 * 1024

    /// A file's text, or a located diagnostic saying why it cannot be read as one.
    public static func read(_ path: String) -> Result<SourceText, Diagnostic> {
        read(path, opening: openContent)
    }

    /// Opens a content file for reading without following a link in its last part
    /// (`O_NOFOLLOW`), without blocking (a named pipe with no writer would) and without
    /// making a terminal the controlling one.
    static func openContent(_ path: String) -> Int32 {
        open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | O_NOFOLLOW)
    }

    /// The finding for a content entry that is a symbolic link. It names the link only:
    /// where the link leads is neither read nor shown (it could be `/proc/self/environ` or a
    /// file of passwords).
    static let linkRefusal = FileMessage.link

    /// Whether `path` itself (not what it leads to) is a symbolic link.
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// `read(_:)` with the call that opens the file given, so tests can make it fail as an
    /// unreadable file would (tests run as root, which may read anything).
    static func read(_ path: String, opening: (String) -> Int32) -> Result<SourceText, Diagnostic> {
        readBytes(path, opening: opening).flatMap { decode($0.bytes, path: path) }
    }

    /// A file's bytes with its size and modification time, checked as `read(_:)` checks
    /// them, or a located diagnostic saying why it cannot be read. The content cache
    /// compares these with what it kept, and decodes the text only when it must.
    public static func readBytes(_ path: String) -> Result<ContentFileBytes, Diagnostic> {
        readBytes(path, opening: openContent)
    }

    static func readBytes(_ path: String, opening: (String) -> Int32) -> Result<ContentFileBytes, Diagnostic> {
        func refuse(_ message: FileMessage) -> Result<ContentFileBytes, Diagnostic> {
            .failure(Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), .file(message), rule: .yamlSyntax))
        }
        // A link is refused before anything is opened, and opening does not follow one
        // (O_NOFOLLOW), so a link swapped in between the two is refused too. Opening never
        // blocks (O_NONBLOCK: a named pipe with no writer would), and what was opened is
        // checked, so nothing can slip a device or a huge file past the checks.
        if isLink(path) { return refuse(linkRefusal) }
        let descriptor = opening(path)
        guard descriptor >= 0 else {
            let error = errno
            if error == ELOOP || isLink(path) { return refuse(linkRefusal) }
            return refuse(explainUnopenable(path, errno: error))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return refuse(.cannotRead(system: describe(errno: errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            return refuse(.folder)
        default:
            return refuse(.special(kind(of: info.st_mode)))
        }
        if Int(info.st_size) > maximumSize {
            return refuse(tooLarge(Int(info.st_size)))
        }
        // Read to the end, never past the limit (the file may grow while it is read).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { SystemCalls.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                let error = errno
                if error == EINTR { continue }
                return refuse(.cannotRead(system: describe(errno: error)))
            }
            if count == 0 { break }
            bytes += chunk[..<count]
            if bytes.count > maximumSize { return refuse(tooLarge(bytes.count)) }
        }
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return .success(ContentFileBytes(path: path, bytes: bytes, size: Int(info.st_size), modified: modified))
    }

    private static func tooLarge(_ size: Int) -> FileMessage {
        // One decimal, so 4.1 MB is not shown as "4 MB" beside a limit of 4 MB.
        .tooLarge(tenths: Int((Double(size) / (1024 * 1024) * 10).rounded(.up)), limit: maximumSize / (1024 * 1024))
    }

    /// Decodes UTF-8, locating the first byte that is not valid UTF-8, or the first
    /// control character (content is plain text; libyaml would refuse it too).
    public static func decode(_ data: Data, path: String) -> Result<SourceText, Diagnostic> {
        decode([UInt8](data), path: path)
    }

    static func decode(_ bytes: [UInt8], path: String) -> Result<SourceText, Diagnostic> {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(invalidUTF8(bytes, path: path)) }
        let source = SourceText(path: path, text: text)
        if let offset = firstControlCharacter(in: bytes) {
            let (line, column) = source.position(ofByte: offset)
            let scalar = String(decoding: bytes[offset..<min(bytes.count, offset + 3)], as: UTF8.self).unicodeScalars.first ?? "\u{0}"
            let found: ReadingMessage = scalar == "\u{0}" ? .binary : .hiddenInFile(HiddenCharacter(scalar), pasted: true)
            return .failure(source.diagnostic(line: line, column: column, .reading(found), rule: .yamlSyntax))
        }
        return .success(source)
    }

    /// The offset of the first character libyaml does not allow in a YAML file: C0
    /// controls other than tab, line feed and carriage return, DEL, C1 controls other than
    /// U+0085, U+FFFE and U+FFFF. The bytes are valid UTF-8.
    static func firstControlCharacter(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var index = 0
            while index < count {
                let byte = buffer[index]
                if byte < 0x20 {
                    if byte != 0x09, byte != 0x0A, byte != 0x0D { return index }
                } else if byte == 0x7F {
                    return index
                } else if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(buffer[index + 1]), buffer[index + 1] != 0x85 {
                    return index
                } else if byte == 0xEF, index + 2 < count, buffer[index + 1] == 0xBF, buffer[index + 2] >= 0xBE {
                    return index
                }
                index += 1
            }
            return nil
        }
    }

    private static func invalidUTF8(_ bytes: [UInt8], path: String) -> Diagnostic {
        // Find the first invalid byte: the line holding it, then the scalars before it.
        var line = 1, lineStart = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[lineStart..<offset], as: UTF8.self) == nil { break }
            line += 1
            lineStart = offset + 1
        }
        var column = 1
        var iterator = bytes[lineStart...].makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: column += 1
            case .emptyInput, .error: break loop
            }
        }
        let valid = String(decoding: bytes[lineStart...].prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        return Diagnostic(
            at: SourceLocation(file: path, line: line, column: column),
            .reading(.notUTF8), rule: .yamlSyntax, sourceLine: valid)
    }

    // MARK: Saying what is wrong with an entry

    /// Why `path` cannot be found, when `stat` or `lstat` failed with `errno`.
    static func explainMissing(_ path: String, errno error: Int32, folder: Bool) -> ContentAccessError.Reason {
        switch error {
        case ENOENT:
            if let target = linkTarget(path) { return .brokenLink(target: target) }
            return folder ? .noSuchFolder : .noSuchFile
        case ELOOP: return .linkLoop
        case EACCES, EPERM: return .folderOnTheWayLocked
        case ENOTDIR: return .partIsFile
        case ENAMETOOLONG: return .tooLong
        default: return .cannotOpen(system: describe(errno: error))
        }
    }

    /// Why an entry that exists cannot be opened for reading.
    static func explainUnopenable(_ path: String, errno error: Int32) -> FileMessage {
        switch error {
        case ENOENT: .disappeared
        case EACCES, EPERM: .permissionDenied
        case ENXIO, ENODEV: .deviceOrSocket
        default: .cannotOpen(system: describe(errno: error))
        }
    }

    /// Where a symbolic link points (as it may be shown), or nil when `path` is not one.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink(path, &buffer, 4096)
        guard count >= 0 else { return nil }
        let target = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return quoted(TerminalText.neutralize(target, keepingLineBreaks: false), limit: 200)
    }

    private static func kind(of mode: mode_t) -> FileMessage.Special {
        switch mode & S_IFMT {
        case S_IFIFO: .fifo
        case S_IFCHR: .characterDevice
        case S_IFBLK: .blockDevice
        case S_IFSOCK: .socket
        default: .other
        }
    }

    static func describe(errno error: Int32) -> String {
        String(cString: strerror(error)).lowercased()
    }
}


extension Array where Element: Equatable {
    fileprivate func ends(with suffix: [Element]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
