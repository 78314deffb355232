import ArgumentParser
import AttuneCatalog
import AttuneCore
import AttuneRecords
import Foundation

/// The trainer's `cohort report`: a cohort's practice between workshops, from an LRS or from
/// learners' exported files (the work is `CohortReportRun`'s; this is the shell's side).
final class CohortController: ShellPart {
    unowned let shell: Shell
    var context: ShellContext { shell.context }

    init(shell: Shell) { self.shell = shell }

    func report(_ words: [String]) {
        guard words.first?.lowercased() == "report" else {
            fail(catalog.cohort(.command(.shellUsage)))
            return
        }
        let arguments = Array(words.dropFirst())
        if arguments.contains(where: { $0 == "--password" || $0.hasPrefix("--password=") }) {
            fail(catalog.cohort(.command(.shellNoPasswordOption(variable: XAPIExport.passwordVariable))))
            return
        }
        let environment = ProcessInfo.processInfo.environment
        if arguments.contains(where: { $0 == "--lrs" || $0.hasPrefix("--lrs=") }),
           (environment[XAPIExport.passwordVariable] ?? "").isEmpty {
            fail(catalog.cohort(.command(.shellPasswordFromEnvironment(variable: XAPIExport.passwordVariable))))
            return
        }
        let command: CohortReportCommand
        do {
            // The shell's language, for the checks' messages (the command line's comes from --lang or the locale).
            command = try CohortReportCommand.parse(["--lang", catalog.language.rawValue] + arguments)
        } catch {
            fail(CohortReportCommand.message(for: error))
            return
        }
        let progress = CohortProgressLine(environment: ProcessInfo.processInfo.environment)
        // Ctrl-C while the LRS is read stops the reading (the line editor's SIGINT handler only
        // sets this flag); one pressed before the command is no request to stop it.
        interruptRequested.store(false, ordering: .relaxed)
        defer { interruptRequested.store(false, ordering: .relaxed) }
        let succeeded = CohortReportRun(
            paths: command.paths, lrs: command.lrs, user: command.user, password: nil, cohort: command.cohort,
            since: command.since, until: command.until, insecureHTTP: command.insecureHTTP, timeout: command.timeout,
            includeReflections: command.includeReflections, pageSize: command.pageSize
        ).run(knowledge: library.knowledge, scenarios: library.scenarios, output: output, style: style,
              environment: environment, catalog: catalog, mayPrompt: false,
              stop: { interruptRequested.load(ordering: .relaxed) }, progress: progress.show)
        if !succeeded { lastCommandFailedBecauseOfFindings() }
    }
}
