import AttuneCore
import Foundation

/// The command line and the author's tools: options and their errors, export, import, cache, cohort, lint and test wrappers, the scaffold, explore and graph reports, and problems with the record on disk.
///
/// Each case carries its values; `English` and `Spanish` put it in words (see
/// `MessageCatalog.tools(_:)`).
public enum ToolText: Sendable, Hashable {
    /// The words inside xAPI statements (verb displays, activity names).
    case xapi(XAPI)
    /// `attune export xapi`: what was written or sent, and what the options lack.
    case export(Export)
    /// Why the learner's record (the progress file) could not be opened, read or written.
    case record(Record)
    /// The folder for the learner's data and the command history in it.
    case dataFolder(DataFolder)
    /// `attune cache status` and `attune cache clear`.
    case cache(Cache)
    /// An export written to a file: "Wrote group session 3 (2 decisions, 1 note) to notes.md".
    case saved(Saved, path: String, replaced: Bool)
    /// Why a content folder or file could not be opened ("no such folder").
    case access(ContentAccessError.Reason)
    /// The author's tools in the shell: reload, goto, set, vars.
    case author(Author)

    public enum Author: Sendable, Hashable {
        case noFolderToReload
        /// `reason`: why the folder could not be opened.
        case cannotReload(path: String, reason: ContentAccessError.Reason)
        case reloaded(entries: Int, cases: Int)
        case caseDidNotLoad(id: String)
        case sameMoment
        case pathChanged
        /// The moment is gone; `command` ("play maya") continues from the last moment that fits, or begins again.
        case momentGone(node: String, command: String, resumes: Bool)
        case pathNotRecorded
        case gotoNeedsNode(example: String)
        case noSuchNode(id: String, guess: String?)
        case setUsage
        case noSuchCounter(name: String, guess: String?, declared: [String])
        case countersHeading
        case noneDeclared
        case startsAt(Int)
        case visitedHeading
        case choicesSoFarHeading
        case noneYet
        // `lint` and `test`: why a check could not run.
        case cannotOpenPath(path: String, reason: ContentAccessError.Reason)
        /// An argument that is no file and no case id (in `folder`, when there is one).
        case unknownTarget(argument: String, folder: String?, guess: String?)
        case lintNeedsTarget
    }


    /// The words an xAPI statement carries in each language's map (`{"en-US": …, "es-US": …}`).
    public enum XAPI: Sendable, Hashable {
        /// A verb's display: "attempted", "intentó".
        case verb(Verb)
        /// The name of the learner's journal as an activity.
        case journalActivity
        /// A case played from an author's draft folder: its title, marked as a draft.
        case draftCase(title: String)
    }

    /// The xAPI verbs Attune uses (ADL's verb ids end in the raw value).
    public enum Verb: String, Sendable, Hashable, CaseIterable {
        case attempted, responded, commented, completed
    }

    public enum Export: Sendable, Hashable {
        /// The statements written to a new file, or replacing an old one.
        case wroteStatements(count: Int, path: String)
        case replacedStatements(count: Int, path: String)
        /// Sent to an LRS: how many new ones, and how many had been sent before (0: say nothing of them).
        case sent(count: Int, endpoint: String, sentBefore: Int)
        /// The label before a conflict, as "error:" is before an error.
        case conflictLabel
        /// One statement the LRS holds differently.
        case conflict(id: String)
        /// After the conflicts: how many, and what to do.
        case conflicts(count: Int)
        /// The LRS stored statements that the record could not mark as sent (`problem`: the record's own words).
        case notMarkedSent(problem: String, stored: Int)
        // The options.
        case accountNeedsName
        case fileOrLRS
        case fileAndLRS
        case timeoutRange
        // Signing in to the LRS (`export xapi` sends, `cohort report` reads).
        /// Without encryption, as --insecure-http asks.
        case unencrypted(endpoint: String, sending: Bool)
        case passwordInAddress(variable: String)
        case addressCredentialsIgnored
        case passwordOption(variable: String)
        case needUser
        case passwordPrompt(endpoint: String)
        case noPassword(variable: String, sending: Bool)
    }

    public enum Record: Sendable, Hashable {
        case cannotCreateFolder(folder: String)
        case folderIsFile(folder: String)
        /// The progress file (or its -wal or -shm) is a link, or something else than an ordinary file.
        case notOrdinaryFile(file: String, isLink: Bool)
        /// `reason`: the system's own words.
        case cannotWriteFile(folder: String, reason: String)
        /// Written by a newer Attune; `copy`: where a backup was kept.
        case newerVersion(path: String, copy: String?)
        case damaged(path: String, copy: String?)
        /// `detail`: SQLite's own words.
        case couldNotOpen(path: String, detail: String)
        case couldNotSave(path: String, detail: String)
        case couldNotRead(path: String, detail: String)
        /// Rows that could not be read: the first few named, how many in all, and the file.
        case unreadable(parts: [RecordPart], total: Int, path: String)
    }

    /// A row of the record that could not be read: its table and row number.
    public struct RecordPart: Sendable, Hashable {
        /// playthrough, choice, journal, draft, groupSession, groupDecision, groupPending (anything else: "a record").
        public var table: String
        public var row: Int64?

        public init(table: String, row: Int64?) {
            self.table = table
            self.row = row
        }
    }

    public enum DataFolder: Sendable, Hashable {
        case cannotKeep(path: String, reason: DataFolderReason)
        /// The folder could be read by others and is now private.
        case madePrivate(path: String)
        /// The history file is not an ordinary file.
        case noHistory(path: String)
    }

    public enum DataFolderReason: Sendable, Hashable {
        case isFile, cannotCreate, notWritable
    }

    public enum Cache: Sendable, Hashable {
        case empty(folder: String)
        case holds(folder: String, CacheContents)
        case noCacheNote
        case isLink(folder: String)
        case nothingToRemove(folder: String)
        case removed(folder: String, files: Int)
        case noFolder
    }

    /// What the content cache holds, and for how many copies of Attune.
    public struct CacheContents: Sendable, Hashable {
        public var files: Int
        public var bytes: Int
        public var builds: Int
        public var includesThisBuild: Bool
        public var unusedDays: Int
        public var keptBuilds: Int

        public init(files: Int, bytes: Int, builds: Int, includesThisBuild: Bool, unusedDays: Int, keptBuilds: Int) {
            self.files = files
            self.bytes = bytes
            self.builds = builds
            self.includesThisBuild = includesThisBuild
            self.unusedDays = unusedDays
            self.keptBuilds = keptBuilds
        }

        /// "12 KB", "1.5 MB": the same figures in every language.
        public var size: String {
            bytes < 1024 * 1024 ? "\(max(1, (bytes + 1023) / 1024)) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
        }
    }

    /// What an export holds, for the line that says where it went.
    public enum Saved: Sendable, Hashable {
        case groupSession(id: Int64, decisions: Int, notes: Int)
    }
}
