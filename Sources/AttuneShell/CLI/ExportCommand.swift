import ArgumentParser
import AttuneCore
import AttuneRecords
import AttuneStore
import Foundation

/// `attune export xapi ...`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export your learning record.", subcommands: [XAPIExport.self])
}

/// `attune export xapi FILE` or `attune export xapi --lrs URL --user U --password P`
struct XAPIExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xapi",
        abstract: "Your record as xAPI 1.0.3 statements: to a file (JSON lines) or sent to a Learning Record Store.",
        discussion: """
            One statement for each case attempted, choice made (with its rating and competencies), reflection \
            written and case completed. You are identified only by the account name you give. Reflection text is \
            included only with --include-reflections. Statement ids are fixed by your record, so sending again \
            never stores a statement twice; statements already sent to that LRS are skipped.
            """)

    @Argument(help: "The file to write (JSON lines). Omit it when sending with --lrs.")
    var file: String?

    @Option(help: "The name that identifies you in the records (any name you choose).")
    var account: String

    @Option(help: "The LRS's xAPI endpoint, for example https://lrs.example.org/xAPI/")
    var lrs: String?

    @Option(help: "User name for the LRS.")
    var user: String?

    @Option(help: "Password for the LRS.")
    var password: String?

    @Flag(help: "Include the text of your reflections (left out unless you ask).")
    var includeReflections = false

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if account.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--account needs a name.") }
        switch (file, lrs) {
        case (nil, nil): throw ValidationError("Give a FILE to write, or --lrs URL with --user and --password to send.")
        case (.some, .some): throw ValidationError("Give either a FILE or --lrs, not both.")
        case (nil, .some) where user == nil || password == nil: throw ValidationError("--lrs needs --user and --password.")
        default: break
        }
    }

    func run() throws {
        let context = RunContext(options: options)
        let store: ProgressStore
        do {
            store = try ProgressStore(directory: context.dataDirectory)
        } catch {
            context.output.writeError(context.style.error("error:") + " \(error)\n")
            throw ExitCode(2)
        }
        let knowledge = (try? KnowledgeLoader.load(directory: context.paths.knowledge).base) ?? .empty
        let scenarios = (try? ScenarioLoader.load(directory: context.paths.scenarios, knowledge: knowledge).scenarios) ?? []
        let builder = XAPIStatements(account: LearnerAccount(name: account), includeReflections: includeReflections,
                                     scenarios: scenarios)
        let statements: [[String: Any]]
        do {
            statements = builder.statements(from: try store.activityLog())
        } catch {
            context.output.writeError(context.style.error("error:") + " \(error)\n")
            throw ExitCode(1)
        }
        if let file {
            let path = (file as NSString).expandingTildeInPath
            do {
                try PrivateFile.write(try XAPIStatements.jsonLines(statements), to: path)
            } catch let error as PrivateFileError {
                context.output.writeError(context.style.error("error:") + " \(error)\n")
                throw ExitCode(2)
            }
            context.output.write("Wrote \(statements.count) statements to \(path).\n")
            return
        }
        guard let lrs, let user, let password else { return }
        do {
            let client = try LRSClient(endpoint: lrs, user: user, password: password)
            let endpoint = client.statementsURL.absoluteString
            let already = try store.sentStatements(endpoint: endpoint)
            let fresh = statements.filter { !already.contains($0["id"] as? String ?? "") }
            let stored = try client.send(fresh)
            try store.markSent(stored, endpoint: endpoint, at: Date())
            context.output.write("Sent \(stored.count) new statement\(stored.count == 1 ? "" : "s") to \(endpoint)"
                + (already.isEmpty ? "" : "; \(statements.count - fresh.count) had been sent before") + ".\n")
        } catch let error as LRSError {
            context.output.writeError(context.style.error("error:") + " \(error)\n")
            throw ExitCode(1)
        } catch {
            context.output.writeError(context.style.error("error:") + " \(error)\n")
            throw ExitCode(1)
        }
    }
}
