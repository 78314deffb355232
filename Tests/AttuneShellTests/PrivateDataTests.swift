import AttuneCore
import AttuneStore
import Foundation
import GRDB
import Testing
@testable import AttuneShell

/// Exports and the record on disk: private at every moment, never a stray copy, never a
/// damaged or newer file written to, and the file the README names holds the record.
@Suite("Private data on disk", .serialized)
struct PrivateDataTests {
    func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    /// A record with a journal large enough that exporting it takes a moment.
    func bigRecord() throws -> String {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let store = try ProgressStore(directory: data)
        let text = String(repeating: "I noticed how still she was, and how quiet the room felt. ", count: 80)
        for index in 0..<600 {
            try store.addJournalEntry(text: "\(index): \(text)", context: ReflectionContext(), at: Date())
        }
        store.close()
        return data
    }

    @Test("kill -9 during exports, 40 times: no temporary copy is left, and no export is ever readable by others")
    func killLoopDuringExports() throws {
        let data = try bigRecord()
        let folder = try temporaryDirectory().appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("journal.json").path
        // Watch the folder the whole time: every file that appears must be private.
        let watching = Atomic(true)
        let exposed = Mutex<[String]>([])
        let watcher = Thread {
            while watching.value {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                    let path = folder.appendingPathComponent(name).path
                    if let mode = self.mode(path), mode & 0o077 != 0 { exposed.withLock { $0.append("\(name) \(String(mode, radix: 8))") } }
                }
            }
        }
        watcher.start()
        var generator = SeededGenerator(seed: 40)
        for _ in 0..<40 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // umask 000 would make an ordinary file 0666: exports must not depend on the umask.
            process.arguments = ["-c", "umask 000; exec \"$0\" journal export \"$1\" --data-dir \"$2\"", attuneBinary.path, target, data]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0.0...0.08, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let finished = try runAttune(["journal", "export", target, "--data-dir", data])
        watching.value = false
        while watcher.isExecuting { Thread.sleep(forTimeInterval: 0.01) }
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(exposed.withLock { $0 }.isEmpty, "files readable by others appeared: \(exposed.withLock { $0 })")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["journal.json"], "no temporary copy is left: \(names)")
        #expect(mode(target) == 0o600)
        let entries = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: target))) as? [Any]
        #expect(entries?.count == 600)
    }

    @Test("another user cannot read an export (checked as 'nobody' when the tests run as root)",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")))
    func anotherUserCannotRead() throws {
        let data = try bigRecord()
        let folder = try temporaryDirectory()
        chmod(folder.path, 0o755)
        let target = folder.appendingPathComponent("journal.md").path
        #expect(try runAttune(["journal", "export", target, "--data-dir", data]).status == 0)
        let reading = try spawn(["/usr/sbin/runuser", "-u", "nobody", "--", "/bin/sh", "-c", "cat \(target) >/dev/null 2>&1 && echo READ || echo REFUSED"])
        #expect(reading.contains("REFUSED"))
    }

    @Test("exports refuse devices, folders and links; '-' writes to standard output; a replaced file is said so")
    func exportTargets() throws {
        let data = try bigRecord()
        let device = try runAttune(["journal", "export", "/dev/null", "--data-dir", data])
        #expect(device.status == 1)
        #expect(device.stderr.replacingOccurrences(of: "\n", with: " ").contains("it is not an ordinary file"))
        let folder = try temporaryDirectory()
        let directory = try runAttune(["journal", "export", folder.path, "--data-dir", data])
        #expect(directory.stderr.replacingOccurrences(of: "\n", with: " ").contains("it is a folder"))
        let real = folder.appendingPathComponent("real.md").path
        try "keep".write(toFile: real, atomically: true, encoding: .utf8)
        let link = folder.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let linked = try runAttune(["journal", "export", link, "--data-dir", data])
        #expect(linked.stderr.replacingOccurrences(of: "\n", with: " ").contains("it is a link to another file"))
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "keep")
        let piped = try runAttune(["journal", "export", "-", "--data-dir", data])
        #expect(piped.status == 0)
        #expect(piped.stdout.hasPrefix("# Attune journal"))
        let target = folder.appendingPathComponent("journal.md").path
        _ = try runAttune(["journal", "export", target, "--data-dir", data])
        let again = try runAttune(["journal", "export", target, "--data-dir", data])
        #expect(again.stdout.replacingOccurrences(of: "\n", with: " ").contains("Replaced \(target) with 600 journal entries."))
    }

    @Test("after a session, attune.sqlite alone holds the record (the log is folded in on quit); a start that only reads writes nothing")
    func checkpointOnQuit() throws {
        let data = try temporaryDirectory().appendingPathComponent("data")
        let result = try runAttune(["--data-dir", data.path], input: "play maya\n1\nreflect Kept in the main file.\nquit\n")
        #expect(result.status == 0)
        let wal = data.appendingPathComponent(ProgressStore.fileName + "-wal").path
        #expect((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int ?? 0 == 0)
        let file = data.appendingPathComponent(ProgressStore.fileName).path
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        // A start that only reads writes nothing to the record.
        _ = try runAttune(["--data-dir", data.path], input: "journal\nquit\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "a start that only reads leaves the file as it was")
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent(ProgressStore.fileName + ".in-use").path),
                "a clean exit says so")
        let copy = try temporaryDirectory().appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: data.appendingPathComponent(ProgressStore.fileName),
                                         to: copy.appendingPathComponent(ProgressStore.fileName))
        let store = try ProgressStore(directory: copy.path)
        #expect(try store.journal().map(\.text) == ["Kept in the main file."])
    }

    @Test("a newer or damaged file is not written to: its bytes are unchanged and it is backed up once")
    func untouchedAndBackedUpOnce() throws {
        let directory = try temporaryDirectory().path
        let store = try ProgressStore(directory: directory)
        try store.addJournalEntry(text: "keep me", context: ReflectionContext(), at: Date())
        store.close()
        let path = store.path
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        _ = try queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for _ in 0..<3 {
            #expect(throws: StoreError.self) { _ = try ProgressStore(directory: directory) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "not a byte changed")
        let backups = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".backup-") && !$0.hasSuffix("-wal") }
        #expect(backups.count == 1, "\(backups)")
    }

    @Test("a database that is a link is refused, and its target is left as it was")
    func symlinkedDatabase() throws {
        let elsewhere = try temporaryDirectory().appendingPathComponent("elsewhere.sqlite").path
        try Data("not mine".utf8).write(to: URL(fileURLWithPath: elsewhere))
        chmod(elsewhere, 0o644)
        let directory = try temporaryDirectory().path
        try FileManager.default.createSymbolicLink(atPath: directory + "/" + ProgressStore.fileName, withDestinationPath: elsewhere)
        #expect { _ = try ProgressStore(directory: directory) } throws: { "\($0)".contains("is a link to another file") }
        #expect(mode(elsewhere) == 0o644)
        #expect(try String(contentsOfFile: elsewhere, encoding: .utf8) == "not mine")
    }

    @Test("a data folder others could read is made private, and said so; a history link is not followed")
    func dataFolderAndHistory() throws {
        let data = try temporaryDirectory().appendingPathComponent("open")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        chmod(data.path, 0o755)
        let elsewhere = try temporaryDirectory().appendingPathComponent("other-history").path
        try "x".write(toFile: elsewhere, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: data.appendingPathComponent("history").path, withDestinationPath: elsewhere)
        let result = try runAttune(["--data-dir", data.path], input: "quit\n")
        #expect(result.stderr.contains("it is now private to you"))
        #expect(mode(data.path) == 0o700)
        #expect(try String(contentsOfFile: elsewhere, encoding: .utf8) == "x")
    }

    @Test("control characters typed or pasted never reach the terminal raw; a 1 MB pasted line answers at once")
    func typedControlCharacters() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let pasted = String(repeating: "x", count: 1_000_000)
        let started = Date()
        let result = try runAttune(["--data-dir", data], input: "show \u{1B}]52;c;aGVsbG8=\u{07}\n\u{1B}[2Jclear\n\(pasted)\nquit\n")
        #expect(Date().timeIntervalSince(started) < 5)
        let raw = (result.stdout + result.stderr).unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }
        #expect(raw.isEmpty, "raw control characters reached the terminal")
        #expect(result.stderr.contains("There is no command"))
    }
}

/// A flag shared with a watcher thread.
final class Atomic<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A value guarded by a lock.
final class Mutex<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&value) } }
}
