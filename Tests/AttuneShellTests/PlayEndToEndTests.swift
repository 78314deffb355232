import AttuneCore
import AttuneStore
import Foundation
import Testing

/// The bundled content, loaded as the binary loads it.
private func bundledLibrary() throws -> ContentLibrary {
    try ContentLibrary.load(knowledgeDirectory: packageRoot.appendingPathComponent("Knowledge").path,
                            scenarioDirectory: packageRoot.appendingPathComponent("Scenarios").path)
}

/// A path to a last decision whose choices lead straight to two different endings.
private func forkBeforeEndings(in library: ContentLibrary) throws -> (scenario: Scenario, path: [String], first: String, second: String) {
    for scenario in library.scenarios.sorted(by: { $0.id < $1.id }) {
        let engine = ScenarioEngine(scenario)
        var frontier: [(PlayState, [String])] = [(engine.start(), [])]
        var seen = Set<PlayState>()
        while !frontier.isEmpty {
            let (state, path) = frontier.removeFirst()
            guard seen.insert(state).inserted, path.count < 12 else { continue }
            let offered = engine.offeredChoices(in: state)
            var endings: [String: String] = [:]
            for (index, choice) in offered.enumerated() {
                let next = engine.choose(choice, in: state)
                if engine.isEnding(next) { endings[next.node] = endings[next.node] ?? String(index + 1) }
                frontier.append((next, path + [String(index + 1)]))
            }
            if endings.count >= 2 {
                let numbers = endings.values.sorted()
                return (scenario, path, numbers[0], numbers[1])
            }
        }
    }
    throw SpawnError(description: "no bundled case has a decision leading straight to two endings")
}

@Suite("Play end to end", .serialized)
struct PlayEndToEndTests {
    @Test("a piped case shows feedback, refs and the debrief; back then another choice gives another ending")
    func pipedPlay() throws {
        let library = try bundledLibrary()
        let fork = try forkBeforeEndings(in: library)
        let engine = ScenarioEngine(fork.scenario)
        let states = try fork.path.reduce(into: [engine.start()]) { states, number in
            states.append(try engine.choose(number, in: states.last!).state)
        }
        let endA = try engine.choose(fork.first, in: states.last!).state
        let endB = try engine.choose(fork.second, in: states.last!).state
        #expect(endA.node != endB.node)

        let data = try temporaryDirectory()
        let input = (["play \(fork.scenario.id)"] + fork.path + [fork.first, "back", fork.second, "quit"])
            .joined(separator: "\n") + "\n"
        let result = try runAttune(["--data-dir", data.appendingPathComponent("data").path], input: input)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let out = result.stdout
        #expect(out.contains("Read more (show ID):"))
        #expect(out.contains("The case ends here"))
        #expect(out.contains("(a \(engine.scenario.node(endA.node)!.ending!.rawValue) ending)"))
        #expect(out.contains("Back to the moment before the ending. The ending stays in the record."))
        #expect(out.contains("(a \(engine.scenario.node(endB.node)!.ending!.rawValue) ending)"))
        for say in engine.debrief(for: endB) {
            let firstWords = say.split(separator: " ").prefix(5).joined(separator: " ")
            #expect(out.replacingOccurrences(of: "\n", with: " ").contains(firstWords))
        }
        let store = try ProgressStore(directory: data.appendingPathComponent("data").path)
        #expect(try Set(store.progress().endings.map(\.ending)) == [endA.node, endB.node])
    }

    @Test("SIGKILL mid-case: the next run resumes at the same node with the same counters; no journal entry is lost")
    func killAndResume() throws {
        let library = try bundledLibrary()
        let scenario = try #require(library.scenario("maya-quiet-visit"))
        let engine = ScenarioEngine(scenario)
        let afterFirst = try engine.choose("1", in: engine.start()).state
        let expected = try engine.choose("2", in: afterFirst).state

        let data = try temporaryDirectory()
        let outputFile = data.appendingPathComponent("out.txt")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let process = Process()
        process.executableURL = attuneBinary
        process.arguments = ["--data-dir", data.appendingPathComponent("data").path]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("play maya-quiet-visit\n1\n2\nreflect Her stillness stayed with me.\n".utf8))
        // Wait for the acknowledgement, then kill without warning; stdin stays open.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
            if text.contains("Saved to your journal.") { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try String(contentsOf: outputFile, encoding: .utf8).contains("Saved to your journal."))

        let result = try runAttune(["--data-dir", data.appendingPathComponent("data").path],
                                   input: "play maya-quiet-visit\nquit\n")
        #expect(result.stdout.contains("Continuing where you stopped (2 choices so far)."))
        let node = try #require(scenario.node(expected.node))
        let firstLine = try #require(node.text.split(separator: "\n").first)
        #expect(result.stdout.contains(String(firstLine.prefix(40))))

        let store = try ProgressStore(directory: data.appendingPathComponent("data").path)
        let active = try #require(try store.activePlaythrough(CaseKey(id: scenario.id)))
        let resumed = try engine.replay(active.choices).last
        #expect(resumed == expected, "same node, counters, visits and path")
        #expect(try store.journal().map(\.text) == ["Her stillness stayed with me."])
    }

    @Test("attune play ID --choose prints the transcript and records nothing")
    func scriptedPlay() throws {
        let data = try temporaryDirectory().appendingPathComponent("data")
        let result = try runAttune(["play", "maya-quiet-visit", "--choose", "1,2", "--data-dir", data.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Content note:"))
        #expect(result.stdout.components(separatedBy: "Read more (show ID):").count == 3)
        #expect(!FileManager.default.fileExists(atPath: data.path), "nothing is written for a scripted run")

        let bad = try runAttune(["play", "maya-quiet-visit", "--choose", "1,9"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("There is no choice 9 here"))
        #expect(bad.stderr.contains("Step 2 of 2 ('9') could not be taken; the steps before it were played."))
        // A scripted run prints no hints about what to type next.
        let scripted = try runAttune(["play", "maya-quiet-visit", "--choose", "1,2"])
        #expect(scripted.status == 0)
        #expect(!scripted.stdout.contains("Type 1-") && !scripted.stdout.contains("(type 'reflect'"))
        let unknown = try runAttune(["play", "no-such-case"])
        #expect(unknown.status == 1)
    }

    @Test("an unwritable data folder: play still works, with a clear warning")
    func unwritableData() throws {
        let file = try temporaryDirectory().appendingPathComponent("file")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data())
        let result = try runAttune(["--data-dir", file.path], input: "play maya-quiet-visit\n1\nreflect x\n")
        #expect(result.stderr.contains("it is a file, not a folder"))
        #expect(result.stderr.contains("nothing will be saved this time"))
        #expect(result.stdout.contains("Read more (show ID):"))
    }
}
