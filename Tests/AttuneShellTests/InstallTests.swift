import Foundation
import Testing

private let manPath = ["/usr/bin/man", "/usr/local/bin/man", "/bin/man"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// swift-argument-parser's generate-manual, the GenerateManual plugin's tool, built by `make test`.
private let manualTool = attuneBinary.deletingLastPathComponent().appendingPathComponent("generate-manual")

/// `make install` into a fresh prefix, the installed program used from a folder far from the
/// source tree, and `make uninstall` leaving the prefix as it was. SwiftPM cannot build while
/// `swift test` holds .build, so the install takes the program built for the tests
/// (`BINARY=`) and the manual page generator `make test` built; the rest is `make install`.
@Suite("Installing for daily use", .serialized,
       .enabled(if: manPath != nil, "man is not installed (the man-db package); `make test` installs it"),
       .enabled(if: FileManager.default.isExecutableFile(atPath: manualTool.path),
                "swift-argument-parser's generate-manual is not built; `make test` builds it (swift build --product generate-manual)"))
struct InstallTests {
    /// Runs `executable` with exactly `environment`, input from `input`, output through files.
    static func run(_ executable: String, _ arguments: [String], input: String = "", environment: [String: String],
                    in directory: URL) throws -> ProcessResult {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = ["stdin", "stdout", "stderr"].map { scratch.appendingPathComponent($0) }
        try Data(input.utf8).write(to: files[0])
        for file in files.dropFirst() { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        process.standardInput = try FileHandle(forReadingFrom: files[0])
        process.standardOutput = try FileHandle(forWritingTo: files[1])
        process.standardError = try FileHandle(forWritingTo: files[2])
        try process.run()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus,
                             stdout: try String(contentsOf: files[1], encoding: .utf8),
                             stderr: try String(contentsOf: files[2], encoding: .utf8))
    }

    /// Every path under `folder`, relative to it, with its kind and mode.
    static func snapshot(_ folder: URL) throws -> [String: String] {
        var paths: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return paths }
        while let relative = walker.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(relative).path)
            let mode = (attributes[.posixPermissions] as? Int).map { String($0, radix: 8) } ?? "?"
            paths[relative] = "\((attributes[.type] as? FileAttributeType)?.rawValue ?? "?") \(mode)"
        }
        return paths
    }

    /// `make ARGUMENTS` in the source tree, with this process's environment but `home` as HOME
    /// and no data folder named, as for a learner who never set one.
    static func make(_ arguments: [String], home: URL) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment.removeValue(forKey: "ATTUNE_HOME")
        environment.removeValue(forKey: "XDG_DATA_HOME")
        return try run("/usr/bin/env", ["make"] + arguments, environment: environment, in: packageRoot)
    }

    @Test("make install: the program, its content, guides, manual page and completions work from any folder; make uninstall removes exactly them")
    func installUseUninstall() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The default prefix, ~/.local, already in use: another program's files, and folders
        // the install shares. Its share/attune is also the learner's data folder.
        let home = folder.appendingPathComponent("home with space")
        let prefix = home.appendingPathComponent(".local")
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("share/man/man1"), withIntermediateDirectories: true)
        try Data("#!/bin/sh\n".utf8).write(to: prefix.appendingPathComponent("bin/other-tool"))
        try Data(".TH OTHER 1\n".utf8).write(to: prefix.appendingPathComponent("share/man/man1/other.1"))
        let before = try Self.snapshot(prefix)

        let install = try Self.make(["install", "BINARY=\(attuneBinary.path)"], home: home)
        try #require(install.status == 0, "make install: \(install.stdout)\n\(install.stderr)")
        #expect(install.stdout.contains("Installed Attune in \(prefix.path)"))
        #expect(install.stdout.contains("\(prefix.path)/bin is not on your PATH"), "\(install.stdout)")
        let shared = try FileManager.default.attributesOfItem(atPath: prefix.appendingPathComponent("share/attune").path)
        #expect(shared[.posixPermissions] as? Int == 0o700, "the data folder it shares is private")

        // Modes: the program 0755, everything else 0644; every file listed in the manifest.
        let manifest = try String(contentsOf: prefix.appendingPathComponent("share/attune/install-manifest.txt"), encoding: .utf8)
        let listed = manifest.split(separator: "\n").filter { $0.hasPrefix("file ") }.map { String($0.dropFirst(5)) }
        for file in ["bin/attune", "share/attune/Knowledge/tenets.yaml", "share/attune/Scenarios/maya-quiet-visit.yaml",
                     "share/doc/attune/authoring.md", "share/man/man1/attune.1", "share/bash-completion/completions/attune",
                     "share/zsh/site-functions/_attune", "share/fish/vendor_completions.d/attune.fish"] {
            #expect(listed.contains(file), "\(file) is in the manifest")
        }
        let knowledgeCount = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Knowledge").path).count
        #expect(listed.filter { $0.hasPrefix("share/attune/Knowledge/") }.count == knowledgeCount)
        for file in listed {
            let attributes = try FileManager.default.attributesOfItem(atPath: prefix.appendingPathComponent(file).path)
            #expect(attributes[.posixPermissions] as? Int == (file == "bin/attune" ? 0o755 : 0o644), "\(file)")
            #expect(((attributes[.size] as? NSNumber)?.intValue ?? 0) > 0, "\(file) is not empty")
        }

        // The installed program, from a folder with no content, its source tree nowhere on PATH;
        // the learner's data in a private home.
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let environment = ["PATH": prefix.appendingPathComponent("bin").path + ":/usr/local/bin:/usr/bin:/bin",
                           "HOME": home.path, "LANG": "C.UTF-8"]
        let show = try Self.run("/usr/bin/env", ["attune", "show", "tenet.4"], environment: environment, in: elsewhere)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Fraiberg"), "\(show.stdout)")

        let play = try Self.run("/usr/bin/env", ["attune", "play", "maya", "--choose", "1"], environment: environment, in: elsewhere)
        #expect(play.status == 0, "\(play.stderr)")
        #expect(play.stdout.contains("Maya, four months"), "\(play.stdout)")

        // The shell over a pipe; 'help format' names the installed guides; a case is recorded
        // in the data folder, beside the content, with no note about its privacy.
        let shell = try Self.run("/usr/bin/env", ["attune"], input: "cases\nplay maya\n1\nstop\nhelp format\nquit\n",
                                 environment: environment, in: elsewhere)
        #expect(shell.status == 0, "\(shell.stderr)")
        #expect(shell.stderr.isEmpty, "\(shell.stderr)")
        #expect(shell.stdout.contains("Jonah"), "the cases are listed: \(shell.stdout)")
        let guide = prefix.appendingPathComponent("share/doc/attune/authoring.md").path
        // The shell wraps to 80 columns, here at the space in the prefix's name.
        let unwrapped = shell.stdout.replacingOccurrences(of: "\\n +", with: " ", options: .regularExpression)
        #expect(unwrapped.contains(guide), "help format names \(guide): \(shell.stdout)")
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent(".local/share/attune/attune.sqlite").path))

        // A file of one's own beside the installed content is read (so the installed copy is
        // the one in use), through a link from another bin folder too.
        let ownTopic = prefix.appendingPathComponent("share/attune/Knowledge/my-notes.yaml")
        try Data("""
            topic: my-notes
            title: My notes
            summary: Notes of my own.
            entries:
              - id: my-notes.1
                title: A note kept beside the installed content
                kind: concept
                summary: Mine.
                body: Written by me.
                sources: [me]
            """.utf8).write(to: ownTopic)
        let link = home.appendingPathComponent("bin/attune")
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: prefix.appendingPathComponent("bin/attune").path)
        let mine = try Self.run(link.path, ["show", "my-notes.1"], environment: environment, in: elsewhere)
        #expect(mine.status == 0, "\(mine.stderr)")
        #expect(mine.stdout.contains("A note kept beside the installed content"), "\(mine.stdout)")

        // The manual page renders, without warnings, with the command's name and options.
        let manual = try Self.run(manPath!, ["-l", prefix.appendingPathComponent("share/man/man1/attune.1").path],
                                  environment: environment.merging(["MANPAGER": "cat", "MANWIDTH": "80"]) { $1 }, in: elsewhere)
        #expect(manual.status == 0, "\(manual.stderr)")
        #expect(manual.stderr.isEmpty, "man -l warns: \(manual.stderr)")
        for text in ["ATTUNE(1)", "attune", "--knowledge", "--data-dir", "--accessible", "play", "lint", "export"] {
            #expect(manual.stdout.contains(text), "the manual page mentions \(text)")
        }

        // Completions: bash's script is valid and registers 'attune'; zsh's and fish's name it.
        let bashScript = prefix.appendingPathComponent("share/bash-completion/completions/attune").path
        let syntax = try Self.run("/bin/bash", ["-n", bashScript], environment: environment, in: elsewhere)
        #expect(syntax.status == 0, "\(syntax.stderr)")
        let registered = try Self.run("/bin/bash", ["-c", "source \"$1\" && complete -p attune", "bash", bashScript],
                                      environment: environment, in: elsewhere)
        #expect(registered.status == 0 && registered.stdout.contains("attune"), "\(registered.stdout)\(registered.stderr)")
        let zsh = try String(contentsOf: prefix.appendingPathComponent("share/zsh/site-functions/_attune"), encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef attune"))
        let fish = try String(contentsOf: prefix.appendingPathComponent("share/fish/vendor_completions.d/attune.fish"), encoding: .utf8)
        #expect(fish.contains("complete -c 'attune'") || fish.contains("complete -c attune"), "\(fish.prefix(400))")

        // Uninstall: the other program's files, my own topic and my record stay (with the
        // folders holding them); everything the install wrote is gone.
        let uninstall = try Self.make(["uninstall"], home: home)
        #expect(uninstall.status == 0, "make uninstall: \(uninstall.stderr)")
        let after = try Self.snapshot(prefix)
        let added = Set(after.keys).subtracting(before.keys)
        #expect(added.allSatisfy { $0.hasPrefix("share/attune") }, "\(added.sorted())")
        #expect(added.isSuperset(of: ["share/attune/Knowledge/my-notes.yaml", "share/attune/attune.sqlite"]), "\(added.sorted())")
        #expect(listed.allSatisfy { after[$0] == nil }, "\(listed.filter { after[$0] != nil })")
        #expect(after["share/attune/install-manifest.txt"] == nil)
        #expect(before.allSatisfy { after[$0.key] == $0.value }, "nothing that was there before is gone or changed")

        // With my topic and record gone, installing twice (the second replacing the first)
        // and uninstalling leaves the prefix exactly as it was; PREFIX named this time.
        try FileManager.default.removeItem(at: prefix.appendingPathComponent("share/attune"))
        #expect(try Self.snapshot(prefix) == before)
        for _ in 0..<2 {
            let again = try Self.make(["install", "PREFIX=\(prefix.path)", "BINARY=\(attuneBinary.path)"], home: home)
            try #require(again.status == 0, "\(again.stderr)")
        }
        #expect(try Self.make(["uninstall", "PREFIX=\(prefix.path)"], home: home).status == 0)
        let last = try Self.snapshot(prefix)
        #expect(last == before, "\(Set(last.keys).symmetricDifference(before.keys).sorted())")
    }

    @Test("make uninstall where nothing was installed says so, and removes nothing")
    func uninstallNothing() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let before = try Self.snapshot(folder)
        let result = try Self.make(["uninstall", "PREFIX=\(folder.path)"], home: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("Attune is not installed in \(folder.path)"), "\(result.stderr)")
        #expect(try Self.snapshot(folder) == before)
    }
}
