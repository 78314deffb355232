import Foundation

/// Why an export could not be written, in words for the person exporting.
struct PrivateFileError: Error, CustomStringConvertible {
    let description: String
}

/// Exports hold reflections and records: written readable by their owner alone (0600),
/// never briefly readable by others.
enum PrivateFile {
    static func write(_ text: String, to path: String) throws(PrivateFileError) {
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw PrivateFileError(description: "Could not write \(path): the folder \(folder) does not exist.")
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw PrivateFileError(description: "Could not write \(path): that place cannot be written to. Choose another folder.")
        }
        chmod(path, 0o600)
    }
}
