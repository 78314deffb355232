import Foundation
import Testing
@testable import AttuneShell

/// Where the content that comes with Attune is found: an installed copy, a build in a source
/// tree, the current folder; folders named on the command line first.
@Suite("Finding the content")
struct ContentLocatorTests {
    /// A folder holding `Knowledge/` and `Scenarios/`.
    static func makeContent(_ root: URL) throws {
        for name in ["Knowledge", "Scenarios"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
    }

    /// An executable file at `path`, with its folders.
    static func makeExecutable(_ path: URL) throws {
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path.path, contents: Data("#!/bin/sh\n".utf8),
                                           attributes: [.posixPermissions: 0o755])
    }

    @Test("an installed copy finds PREFIX/share/attune and its guides in PREFIX/share/doc/attune, also through a link")
    func installedCopy() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let prefix = folder.appendingPathComponent("prefix")
        let binary = prefix.appendingPathComponent("bin/attune")
        try Self.makeExecutable(binary)
        try Self.makeContent(prefix.appendingPathComponent("share/attune"))
        // A current folder with content of its own does not win over the installed copy.
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try Self.makeContent(elsewhere)

        let expected = BundledContent(root: prefix.appendingPathComponent("share/attune").path,
                                      guides: prefix.appendingPathComponent("share/doc/attune").path)
        #expect(BundledContent.find(executable: binary.path, currentDirectory: elsewhere.path) == expected)

        // ~/.local/bin/attune -> PREFIX/bin/attune: the link is followed to the real copy.
        let link = folder.appendingPathComponent("home/.local/bin/attune")
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: binary.path)
        #expect(BundledContent.find(executable: link.path, currentDirectory: elsewhere.path) == expected)

        let paths = ContentPaths.locate(knowledge: nil, scenarios: nil, executable: link.path, currentDirectory: elsewhere.path)
        #expect(paths == ContentPaths(knowledge: expected.root + "/Knowledge", scenarios: expected.root + "/Scenarios"))
    }

    @Test("--knowledge and --scenarios win over the installed copy, each on its own")
    func explicitFoldersWin() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let prefix = folder.appendingPathComponent("prefix")
        try Self.makeExecutable(prefix.appendingPathComponent("bin/attune"))
        try Self.makeContent(prefix.appendingPathComponent("share/attune"))
        let executable = prefix.appendingPathComponent("bin/attune").path
        let installed = prefix.appendingPathComponent("share/attune").path

        let both = ContentPaths.locate(knowledge: "/my/knowledge", scenarios: "/my/cases", executable: executable,
                                       currentDirectory: folder.path)
        #expect(both == ContentPaths(knowledge: "/my/knowledge", scenarios: "/my/cases"))
        let one = ContentPaths.locate(knowledge: nil, scenarios: "/my/cases", executable: executable, currentDirectory: folder.path)
        #expect(one == ContentPaths(knowledge: installed + "/Knowledge", scenarios: "/my/cases"))
    }

    @Test("a build inside a source tree finds that tree and its docs/, before the current folder")
    func buildInSourceTree() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tree = folder.appendingPathComponent("attune")
        try Self.makeContent(tree)
        let binary = tree.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/attune")
        try Self.makeExecutable(binary)
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try Self.makeContent(elsewhere)

        #expect(BundledContent.find(executable: binary.path, currentDirectory: elsewhere.path)
            == BundledContent(root: tree.path, guides: tree.appendingPathComponent("docs").path))
    }

    @Test("a binary far from any content finds the current folder's, or one above it")
    func currentFolder() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("tools/attune")
        try Self.makeExecutable(binary)
        let project = folder.appendingPathComponent("project")
        try Self.makeContent(project)
        let inside = project.appendingPathComponent("Scenarios")

        #expect(BundledContent.find(executable: binary.path, currentDirectory: inside.path).root == project.path)
    }

    @Test("with no content anywhere near, the source tree this binary was built from")
    func sourceTreeLast() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("bin/attune")
        try Self.makeExecutable(binary)
        // A share/attune without Knowledge/ is not an installed copy.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("share/attune/Scenarios"),
                                                withIntermediateDirectories: true)

        let found = BundledContent.find(executable: binary.path, currentDirectory: folder.path)
        #expect(found == BundledContent(root: packageRoot.path, guides: packageRoot.appendingPathComponent("docs").path))
    }
}
