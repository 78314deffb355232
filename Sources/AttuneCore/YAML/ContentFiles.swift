import Foundation

/// Why a content folder or file could not be opened at all (as opposed to a problem inside it).
public struct ContentAccessError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// Reading content files from disk: the I/O edge in front of the pure loaders.
public enum ContentFiles {
    /// The `.yaml` / `.yml` files directly inside `directory`, sorted by name.
    public static func yamlFiles(in directory: String) throws(ContentAccessError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw ContentAccessError(path: directory, reason: "no such folder")
        }
        guard isDirectory.boolValue else {
            throw ContentAccessError(path: directory, reason: "this is a file, not a folder")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ContentAccessError(path: directory, reason: "the folder cannot be read (check its permissions)")
        }
        return names
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
            .sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    /// The YAML files named by `paths`: files as given, folders searched one level deep.
    public static func files(in paths: [String]) throws(ContentAccessError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ContentAccessError(path: path, reason: "no such file or folder")
            }
            if isDirectory.boolValue {
                files += try yamlFiles(in: path)
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// Reads every file: the texts that could be read, and a diagnostic for each that could
    /// not be read as text.
    public static func readAll(_ files: [String]) throws(ContentAccessError) -> (sources: [SourceText], diagnostics: [Diagnostic]) {
        var sources: [SourceText] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            switch try read(file) {
            case let .success(source): sources.append(source)
            case let .failure(diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (sources, diagnostics)
    }

    /// Content files are small; anything larger is almost certainly not one, and reading it
    /// would cost time and memory for nothing.
    public static let maximumSize = 4 * 1024 * 1024

    /// A file's text. Invalid UTF-8 is a located diagnostic, not an access error.
    public static func read(_ path: String) throws(ContentAccessError) -> Result<SourceText, Diagnostic> {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumSize {
            return .failure(Diagnostic(
                .error, at: SourceLocation(file: path, line: 1, column: 1),
                "the file is \(size / (1024 * 1024)) MB; a content file is at most \(maximumSize / (1024 * 1024)) MB, "
                    + "so this is probably not a scenario or topic file",
                rule: "yaml-syntax"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw ContentAccessError(path: path, reason: "the file cannot be read (check its permissions)")
            }
            throw ContentAccessError(path: path, reason: "no such file")
        }
        return decode(data, path: path)
    }

    /// Decodes UTF-8, locating the first byte that is not valid UTF-8.
    public static func decode(_ data: Data, path: String) -> Result<SourceText, Diagnostic> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            if text.contains("\0") {
                let (line, column) = position(of: text.unicodeScalars.firstIndex(of: "\0")!, in: text)
                return .failure(Diagnostic(
                    .error, at: SourceLocation(file: path, line: line, column: column),
                    "the file contains binary data (a zero byte); content files must be plain text",
                    rule: "yaml-syntax"))
            }
            return .success(SourceText(path: path, text: text))
        }
        // Find the first invalid byte by decoding prefixes line by line.
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
        return .failure(Diagnostic(
            .error, at: SourceLocation(file: path, line: line, column: column),
            "the file is not valid UTF-8 text; save it as UTF-8", rule: "yaml-syntax", sourceLine: valid))
    }

    private static func position(of index: String.UnicodeScalarView.Index, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for scalar in text.unicodeScalars[..<index] {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
