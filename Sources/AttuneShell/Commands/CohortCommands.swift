import ArgumentParser
import AttuneCore
import AttuneRecords
import Foundation

extension Shell {
    func makeCohortCommands() -> [ShellCommand] {
        [
            ShellCommand(
                name: "cohort", usage: "cohort report [--lrs URL --user U --cohort NAME | FILES...] FILE",
                summary: "A cohort's practice between workshops, for the next workshop's discussion.",
                details: "'cohort report --lrs URL --user U --cohort NAME cohort.html' reads what learners sent with "
                    + "'export xapi --cohort NAME', with the password from ATTUNE_LRS_PASSWORD, set before starting Attune "
                    + "(a password typed here would be kept in the shell's history; 'attune cohort report' on the command "
                    + "line can ask for it). 'cohort report maya.jsonl sam.jsonl cohort.html' reads "
                    + "learners' exported files instead. The discussion plan comes first: the moments most learners missed. "
                    + "The extension chooses the format (.md, .json, .html); add --since DATE, --until DATE or "
                    + "--include-reflections. The same as 'attune cohort report' on the command line.",
                example: "cohort report week1.jsonl week2.jsonl cohort.html", argument: .path,
                flags: ["report", "--lrs", "--user", "--cohort", "--since", "--until", "--include-reflections", "--insecure-http", "--timeout"],
                group: .trainers, run: { $0.cohortReport($1) }),
        ]
    }

    func cohortReport(_ words: [String]) {
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
              environment: environment, mayPrompt: false, progress: progress.show)
        if !succeeded { lastCommandFailedBecauseOfFindings() }
    }
}
