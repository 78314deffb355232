import AttuneCatalog
import AttuneCore
import Foundation

/// Lint findings, test results and exploration reports as text (and lint as JSON), in the
/// catalog's language.
struct AuthoringRenderer {
    let style: TextStyle
    let catalog: any MessageCatalog

    /// A finding: its headline, then the source line with a caret under the column. With
    /// `width`, the headline wraps at word boundaries (continued four spaces in) and a long
    /// source line is cut to a window around the column, so every line fits the window.
    func diagnostic(_ diagnostic: Diagnostic, width: Int? = nil) -> String {
        let label: String
        switch diagnostic.severity {
        case .error: label = style.error(catalog.severity(.error) + ":")
        case .warning: label = style.warning(catalog.severity(.warning) + ":")
        case .note: label = style.dim(catalog.severity(.note) + ":")
        }
        // `file:line:col: error:` and the message's first word always share the first line,
        // where editors and scripts look for them.
        let place = "\(style.bold(TerminalText.neutralize(diagnostic.location.description, keepingLineBreaks: false) + ":")) \(label) "
        let text = catalog.message(diagnostic.message)
        let message = "\(TerminalText.neutralize(text, keepingLineBreaks: false)) \(style.dim("[\(diagnostic.rule)]"))"
        let lines = width.map { TextLayout.wrap(message, width: $0, indent: "    ", firstIndent: place) } ?? [place + message]
        return (lines + diagnostic.excerptLines(width: width)).joined(separator: "\n")
    }

    /// Findings one after another, each as `diagnostic` lays it out.
    func findings(_ diagnostics: [Diagnostic], width: Int? = nil) -> String {
        diagnostics.map { diagnostic($0, width: width) }.joined(separator: "\n")
    }

    func lint(_ report: LintReport, width: Int? = nil) -> String {
        var text = findings(report.diagnostics, width: width)
        if !text.isEmpty { text += "\n" }
        let omitted = report.diagnostics.filter { $0.rule == Diagnostic.omittedRule }.reduce(0) { $0 + $1.omittedCount }
        let summary = catalog.report(.lintSummary(files: report.filesChecked, errors: report.errors,
                                                  warnings: report.warnings, omitted: omitted))
        let styled = report.errors > 0 || omitted > 0 ? style.error(summary) : report.warnings > 0 ? style.warning(summary) : style.good(summary)
        text += (width.map { TextLayout.fit(styled, width: $0) } ?? styled) + "\n"
        return text
    }

    struct JSONFinding: Encodable {
        let file: String
        let line: Int
        let column: Int
        let severity: String
        let rule: String
        let message: String
        let source: String?
    }

    struct JSONReport: Encodable {
        let files: Int
        let errors: Int
        let warnings: Int
        let findings: [JSONFinding]
    }

    func lintJSON(_ report: LintReport) -> String {
        let findings = report.diagnostics.map {
            JSONFinding(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                        severity: $0.severity.rawValue, rule: $0.rule.rawValue, message: catalog.message($0.message),
                        source: $0.sourceLine)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(JSONReport(files: report.filesChecked, errors: report.errors,
                                                   warnings: report.warnings, findings: findings))) ?? Data()
        return Self.escapingControlCharacters(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// JSON escapes C0 controls itself but leaves DEL and the C1 controls raw; written as
    /// \u escapes they mean the same to a JSON reader and nothing to a terminal.
    static func escapingControlCharacters(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: TerminalText.isControl) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            if TerminalText.isControl(scalar) {
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    func exploration(_ analysis: ScenarioAnalysis, random: RandomPlayReport?, seed: UInt64?) -> String {
        func say(_ words: AuthorText.Explore) -> String { catalog.author(.explore(words)) }
        func heading(_ heading: AuthorText.Heading, empty: Bool = false) -> String {
            style.heading(say(.heading(heading))) + (empty ? say(.none(heading)) : "")
        }
        let scenario = analysis.scenario
        var lines = [style.heading("\(scenario.id): \(TerminalText.neutralize(scenario.title))")]
        let paths = analysis.pathCount()?.description
        let states = analysis.space.states.count
        lines.append(analysis.isComplete ? say(.reachableStates(states: states, paths: paths))
            : style.caution(say(.tooManyStates(states: states, paths: paths))))
        lines += ["", heading(.endingsReached)]
        if analysis.isComplete {
            let reached = analysis.endings()
            for item in reached {
                lines.append("  " + say(.endingReached(ending: item.ending.id, kind: item.ending.ending, path: item.path)))
            }
            for ending in scenario.endings where !reached.contains(where: { $0.ending.id == ending.id }) {
                lines.append("  " + style.error(say(.neverReached(ending: ending.id))))
            }
        } else {
            for ending in scenario.endings {
                let reachable = analysis.reachableNodes.contains(ending.id)
                let words = say(.reachableInGraph(reachable))
                lines.append("  \(ending.id): " + (reachable ? words : style.error(words)))
            }
        }
        let stuck = analysis.stuckStates()
        lines += ["", heading(.stuckStates, empty: stuck.isEmpty)]
        for item in stuck { lines.append("  " + say(.stuck(node: item.node.id, values: item.values, path: item.path))) }
        let trapped = analysis.trappedStates()
        lines += ["", heading(.loopsWithNoWayOut, empty: trapped.isEmpty)]
        for item in trapped { lines.append("  \(item.node.id): " + item.path.joined(separator: ", ")) }
        let never = analysis.neverOffered()
        lines += ["", heading(.choicesNeverOffered, empty: never.isEmpty)]
        for item in never {
            lines.append("  \(item.node.id).\(item.choice.id)"
                + (item.choice.when.map { " (when: \(TerminalText.neutralize($0.text)))" } ?? ""))
        }
        if !scenario.assumptions.isEmpty {
            let unmet = analysis.unmetAssumptions()
            let total = scenario.assumptions.count
            lines += ["", style.heading(say(.heading(.whatTextsAssume))) + (unmet.isEmpty
                ? say(.assumptionsHold(count: total, onlyExplored: !analysis.isComplete))
                : say(.assumptionsFail(unmet: unmet.count, total: total)))]
            for item in unmet {
                let rest = say(.assumptionFalse(text: TerminalText.quoted(item.assumption.assumes.text, limit: 80),
                                                route: item.route.map(\.id), reason: item.reason))
                lines.append("  " + style.error(say(.assumptionLine(item.assumption.assumes.location.line)))
                    + TerminalText.neutralize(rest, keepingLineBreaks: false))
            }
        }
        if let random, let seed {
            let ended = random.endings.values.reduce(0, +)
            lines += ["", style.heading(say(.heading(.randomPlaythroughs))) + say(.randomSummary(runs: random.runs, seed: seed, ended: ended))]
            for (ending, runs) in random.endings.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(ending): \(runs)")
            }
            for item in random.unfinished.prefix(10) {
                lines.append("  " + style.error(say(.didNotEnd))
                    + say(.stoppedAt(node: item.node, stop: item.reason, path: Array(item.path.suffix(12)))))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension OutputSink {
    /// Findings laid out for this sink's width (standard error's unless `isError` is false),
    /// then written as they are, so each caret stays under its column.
    func writeFindings(_ diagnostics: [Diagnostic], renderer: AuthoringRenderer, isError: Bool = true) {
        writePreformatted(renderer.findings(diagnostics, width: fittingWidth(isError: isError)) + "\n", isError: isError)
    }
}
