import ArgumentParser
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
            fail("Use 'cohort report' with an LRS (--lrs URL --user U --cohort NAME FILE) or with learners' exported "
                + "files (FILES... FILE). Type 'help cohort' for more.")
            return
        }
        let arguments = Array(words.dropFirst())
        if arguments.contains(where: { $0 == "--password" || $0.hasPrefix("--password=") }) {
            fail("In the shell, leave --password out: a line typed here can be kept in the shell's history. Set "
                + "ATTUNE_LRS_PASSWORD before starting Attune, or run 'attune cohort report' on the command line, which "
                + "asks for it without showing it.")
            return
        }
        let environment = ProcessInfo.processInfo.environment
        if arguments.contains(where: { $0 == "--lrs" || $0.hasPrefix("--lrs=") }),
           (environment[XAPIExport.passwordVariable] ?? "").isEmpty {
            fail("In the shell, the LRS password comes from ATTUNE_LRS_PASSWORD: quit, set it, and start Attune again, or "
                + "run 'attune cohort report' on the command line, which asks for it without showing it. Nothing was read.")
            return
        }
        let command: CohortReportCommand
        do {
            command = try CohortReportCommand.parse(arguments)
        } catch {
            fail(CohortReportCommand.message(for: error))
            return
        }
        let progress = CohortProgressLine(environment: ProcessInfo.processInfo.environment)
        let succeeded = CohortReportRun(
            paths: command.paths, lrs: command.lrs, user: command.user, password: nil, cohort: command.cohort,
            since: command.since, until: command.until, insecureHTTP: command.insecureHTTP, timeout: command.timeout,
            includeReflections: command.includeReflections, pageSize: command.pageSize
        ).run(knowledge: library.knowledge, scenarios: library.scenarios, output: output, style: style,
              environment: environment, catalog: catalog, mayPrompt: false, progress: progress.show)
        if !succeeded { lastCommandFailedBecauseOfFindings() }
    }
}
