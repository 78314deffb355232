import AttuneCatalog
import Foundation
import Testing
@testable import AttuneStore

/// Issue 24: the record's problems are typed, so the shell says them in the learner's
/// language; `description` keeps the English.
@Suite("The record's problems, typed")
struct StoreErrorWordsTests {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "attune-store-words-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("a damaged file: the problem names the file and the copy kept, in English and in Spanish")
    func damaged() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent(ProgressStore.fileName)
        try Data("not a database at all, just words".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ProgressStore(directory: directory)
            Issue.record("a damaged file was opened")
        } catch {
            guard case let .damaged(named, copy) = error.problem else {
                Issue.record("\(error.problem)")
                return
            }
            #expect(named == path)
            let kept = try #require(copy)
            #expect(FileManager.default.fileExists(atPath: kept))
            #expect(error.description.hasPrefix("Your progress file \(path) is damaged and cannot be opened"))
            #expect(error.words(Spanish()).hasPrefix("Tu archivo de progreso \(path) está dañado y no se puede abrir"))
            #expect(error.words(Spanish()).contains("Se guardó una copia en \(kept)."))
        }
    }

    @Test("a folder that is a file, and a record file that is a link")
    func notAFolderOrALink() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = (directory as NSString).appendingPathComponent("un archivo")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: StoreError(.folderIsFile(folder: file))) { _ = try ProgressStore(directory: file) }
        let linked = (directory as NSString).appendingPathComponent("datos")
        try FileManager.default.createDirectory(atPath: linked, withIntermediateDirectories: true)
        let record = (linked as NSString).appendingPathComponent(ProgressStore.fileName)
        try FileManager.default.createSymbolicLink(atPath: record, withDestinationPath: file)
        #expect(throws: StoreError(.notOrdinaryFile(file: record, isLink: true))) { _ = try ProgressStore(directory: linked) }
        #expect(StoreError(.notOrdinaryFile(file: record, isLink: true)).words(Spanish())
            == "\(record) es un enlace a otro archivo, así que Attune no lo usará para tu registro. Muévelo a otro lugar o elige "
            + "otra carpeta con --data-dir.")
    }
}
