import AttuneCore
import AttuneStore
import Foundation

/// Tells which record a loaded case belongs to. Cases read from the bundled folder are
/// `bundled`; any other case is keyed by the absolute folder its file is in, so an author's
/// draft that reuses a bundled id never touches the learner's record of the real case.
public struct CaseOrigins: Sendable {
    private let bundledFolder: String?

    /// - Parameter bundledFolder: the folder of the cases that ship with Attune, or nil
    ///   when none are loaded from it.
    public init(bundledFolder: String?) {
        self.bundledFolder = bundledFolder.map(Self.canonical)
    }

    public func key(for scenario: Scenario) -> CaseKey {
        let folder = Self.canonical((scenario.file as NSString).deletingLastPathComponent)
        return CaseKey(id: scenario.id, origin: folder == bundledFolder ? CaseKey.bundledOrigin : folder)
    }

    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path.isEmpty ? "." : path)
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
