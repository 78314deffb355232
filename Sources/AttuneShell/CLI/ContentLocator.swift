import AttuneCatalog
import AttuneCore
import AttuneStore
import Foundation

/// Where the content and the learner's data live for this run.
public struct ContentPaths: Sendable, Equatable {
    public var knowledge: String
    public var scenarios: String

    public init(knowledge: String, scenarios: String) {
        self.knowledge = knowledge
        self.scenarios = scenarios
    }

    /// Folders named with `--knowledge` and `--scenarios` win; otherwise the content that
    /// comes with Attune (`BundledContent.find`).
    public static func locate(knowledge: String?, scenarios: String?, executable: String? = BundledContent.runningExecutable(),
                              currentDirectory: String = FileManager.default.currentDirectoryPath) -> ContentPaths {
        let root = BundledContent.find(executable: executable, currentDirectory: currentDirectory).root
        return ContentPaths(
            knowledge: knowledge ?? (root as NSString).appendingPathComponent("Knowledge"),
            scenarios: scenarios ?? (root as NSString).appendingPathComponent("Scenarios"))
    }
}

/// The content that comes with Attune (`Knowledge/`, `Scenarios/`) and the author guides,
/// in an installed copy or in a source tree.
public struct BundledContent: Sendable, Equatable {
    /// The folder holding `Knowledge/` and `Scenarios/`.
    public var root: String
    /// The folder holding `authoring.md`, `knowledge.md` and `ratings-policy.md`.
    public var guides: String

    public init(root: String, guides: String) {
        self.root = root
        self.guides = guides
    }

    /// The first of these that holds a `Knowledge/` folder:
    /// 1. `PREFIX/share/attune`, for an executable installed as `PREFIX/bin/attune` (links to
    ///    it followed), with the guides in `PREFIX/share/doc/attune`;
    /// 2. the executable's folder or one above it (a build in `.build/debug` finds its
    ///    source tree), with the guides in its `docs/`;
    /// 3. the current folder or one above it;
    /// 4. the source tree this binary was built from.
    public static func find(executable: String?, currentDirectory: String) -> BundledContent {
        var starts: [String] = []
        if let executable {
            let folder = ((executable as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
            let prefix = (folder as NSString).deletingLastPathComponent
            let installed = (prefix as NSString).appendingPathComponent("share/attune")
            if holdsKnowledge(installed) {
                return BundledContent(root: installed, guides: (prefix as NSString).appendingPathComponent("share/doc/attune"))
            }
            starts.append(folder)
        }
        starts.append(currentDirectory)
        for start in starts {
            var directory = start
            while true {
                if holdsKnowledge(directory) { return sourceTree(directory) }
                let parent = (directory as NSString).deletingLastPathComponent
                if parent == directory || parent.isEmpty { break }
                directory = parent
            }
        }
        // Sources/AttuneShell/CLI/ContentLocator.swift -> the package root.
        var source = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { source.deleteLastPathComponent() }
        return sourceTree(source.path)
    }

    /// The path of the running program itself, links followed: on Linux `/proc/self/exe`,
    /// so `~/.local/bin/attune` linked to an installed copy still finds that copy's content.
    public static func runningExecutable() -> String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), path.hasPrefix("/") {
            return path
        }
        return Bundle.main.executablePath
    }

    private static func holdsKnowledge(_ directory: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("Knowledge"),
                                              isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func sourceTree(_ root: String) -> BundledContent {
        BundledContent(root: root, guides: (root as NSString).appendingPathComponent("docs"))
    }
}

/// The folder for the learner's private data (progress, journal, history).
public enum DataDirectory {
    /// `--data-dir`, else $ATTUNE_HOME, else $XDG_DATA_HOME/attune (a full path), else ~/.local/share/attune.
    public static func resolve(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return expandTilde(option) }
        if let home = environment["ATTUNE_HOME"], !home.isEmpty { return expandTilde(home) }
        return XDGFolders.attune("XDG_DATA_HOME", fallback: ".local/share", environment: environment)
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share/attune")
    }

    static func expandTilde(_ path: String) -> String {
        (path as NSString).expandingTildeInPath
    }

    /// Creates the folder (mode 0700) if needed, and makes an existing one private if others
    /// could read it; returns a note saying so. The error says what went wrong (typed).
    @discardableResult
    public static func prepare(_ path: String) throws(DataDirectoryError) -> ToolText.DataFolder? {
        var isDirectory: ObjCBool = false
        var notice: ToolText.DataFolder?
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw DataDirectoryError(path: path, reason: .isFile)
            }
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & 0o077 != 0, info.st_uid == getuid() {
                chmod(path, 0o700)
                notice = .madePrivate(path: path)
            }
        } else {
            do {
                try FileManager.default.createDirectory(
                    atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw DataDirectoryError(path: path, reason: .cannotCreate)
            }
        }
        guard FileManager.default.isWritableFile(atPath: path) else {
            throw DataDirectoryError(path: path, reason: .notWritable)
        }
        return notice
    }

    /// The command history file, unless it is a link (then no history is kept this run).
    static func historyPath(in directory: String, output: OutputSink, style: TextStyle, catalog: any MessageCatalog) -> String? {
        let path = (directory as NSString).appendingPathComponent("history")
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            output.writeError(style.warning(catalog.severity(.note) + ":") + " " + catalog.tools(.dataFolder(.noHistory(path: path))) + "\n")
            return nil
        }
        return path
    }
}

public struct DataDirectoryError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: ToolText.DataFolderReason

    /// The problem in the learner's language.
    public func words(_ catalog: any MessageCatalog) -> String { catalog.tools(.dataFolder(.cannotKeep(path: path, reason: reason))) }

    public var description: String { words(English()) }
}

extension RunContext {
    /// "error:" in this run's language, styled.
    var errorLabel: String { style.error(catalog.severity(.error) + ":") }

    /// A problem with the data folder or the record, in this run's language; any other error
    /// as it describes itself.
    func words(_ error: any Error) -> String {
        switch error {
        case let error as StoreError: error.words(catalog)
        case let error as DataDirectoryError: error.words(catalog)
        default: "\(error)"
        }
    }

    /// Says once, on standard error, which rows of the record could not be read.
    func noteUnreadableRows(_ store: ProgressStore?) {
        guard let problem = store?.unreadableProblem() else { return }
        output.writeError(style.warning(catalog.severity(.note) + ":") + " " + catalog.tools(.record(problem)) + "\n")
    }
}
