import AttuneCatalog
import AttuneCore
import Foundation

/// A case file whose tests were not run because it has errors.
struct UntestedFile: Equatable {
    var file: String
    var errors: Int

    /// The files with errors among `diagnostics`, in the order first met, with their counts.
    static func from(_ diagnostics: [Diagnostic]) -> [UntestedFile] {
        var files: [UntestedFile] = []
        for diagnostic in diagnostics where diagnostic.severity == .error {
            if let index = files.firstIndex(where: { $0.file == diagnostic.location.file }) {
                files[index].errors += 1
            } else {
                files.append(UntestedFile(file: diagnostic.location.file, errors: 1))
            }
        }
        return files
    }
}

/// `test` results, the cases whose tests could not run, and `--coverage`, as text.
extension AuthoringRenderer {
    /// PASS and FAIL lines, a line for each case left untested because of its errors, and
    /// the counts. `lint` is how the author checks a file here: "attune lint" or "lint".
    /// Given a `width`, list items wrap under their own text rather than under their bullet.
    func tests(_ results: [ScenarioTestResult], untested: [UntestedFile] = [], cases: Int? = nil,
               lint: String = "attune lint", width: Int? = nil) -> String {
        var lines: [String] = []
        for result in results {
            let name = "\(result.scenario) / \(TerminalText.neutralize(result.test, keepingLineBreaks: false))"
            if result.passed {
                lines.append(style.good(catalog.report(.testPassed)) + " " + name)
                continue
            }
            lines.append(style.error(catalog.report(.testFailed)) + " \(name)  " + style.dim("(\(TerminalText.neutralize(result.location.description)))"))
            for failure in result.failures.map(catalog.failure) {
                for (offset, line) in failure.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    lines += item(TerminalText.neutralize(String(line)), first: offset == 0 ? "     - " : "       ",
                                  rest: "       ", width: width)
                }
            }
        }
        for file in untested {
            let path = TerminalText.neutralize(file.file, keepingLineBreaks: false)
            let why = catalog.report(.testsNotRunBecause(file: (path as NSString).lastPathComponent, errors: file.errors,
                                                         command: "\(lint) \(Self.shellQuoted(path))"))
            lines += item(style.error(catalog.report(.testsNotRun)) + " " + why, first: "", rest: "  ", width: width)
        }
        let passed = results.filter(\.passed).count
        if !results.isEmpty {
            lines.append(catalog.report(.testSummary(passed: passed, failed: results.count - passed, untested: untested.count)))
        } else if untested.isEmpty {
            lines.append(catalog.report(cases == 0 ? .noCases : .noTests))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `--coverage`: for each case, what its tests exercise (counts and percentages) and
    /// what they leave out, named so the author can find it; then the total.
    func coverage(_ coverages: [TestCoverage], untested: Int = 0, width: Int? = nil) -> String {
        var lines: [String] = []
        for coverage in coverages {
            lines += [""] + caseCoverage(coverage, width: width)
        }
        let total = CoverageTotal(coverages)
        if coverages.count > 1 || untested > 0 {
            lines += ["", style.heading(catalog.report(.coverageTotal)) + " "
                + catalog.report(.coverageTotalCases(cases: total.cases, unmeasured: untested))]
            lines += tallies(choices: total.choices, byRating: total.choicesByRating, endings: total.endings,
                             debrief: total.debriefRules, width: width)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func caseCoverage(_ coverage: TestCoverage, width: Int?) -> [String] {
        let file = TerminalText.neutralize(coverage.file, keepingLineBreaks: false)
        var lines = [style.heading(catalog.report(.coverageOf(scenario: coverage.scenario))) + " " + style.dim("(\(file))")]
        let byRating = Dictionary(uniqueKeysWithValues: Rating.allCases.map { ($0, coverage.choiceTally($0)) })
        lines += tallies(choices: coverage.choiceTally, byRating: byRating, endings: coverage.endingTally,
                         debrief: coverage.debriefTally, width: width)
        if coverage.isComplete {
            lines.append("  " + style.good(catalog.report(.everythingExercised)))
            return lines
        }
        if !coverage.missedChoices.isEmpty {
            lines.append("  " + catalog.report(.choicesNoTestMakes))
            for missed in coverage.missedChoices {
                let choice = missed.choice
                let text = TerminalText.neutralize(choice.text.shortened(), keepingLineBreaks: false)
                lines += item(catalog.report(.missedChoice(node: missed.node, choice: choice.id, rating: choice.rating,
                                                           line: choice.location.line, text: text)),
                              first: "    ", rest: "      ", width: width)
            }
        }
        if !coverage.missedEndings.isEmpty {
            lines.append("  " + catalog.report(.endingsNoTestReaches))
            lines += coverage.missedEndings.map { "    \($0)" }
        }
        if !coverage.missedDebriefRules.isEmpty {
            lines.append("  " + catalog.report(.debriefNoTestShows))
            for rule in coverage.missedDebriefRules {
                let when = TerminalText.neutralize(rule.condition.text.shortened(to: 60), keepingLineBreaks: false)
                let say = TerminalText.neutralize(rule.say.shortened(), keepingLineBreaks: false)
                lines += item(catalog.report(.missedDebrief(ending: rule.ending, line: rule.condition.location.line,
                                                            when: when, say: say)),
                              first: "    ", rest: "      ", width: width)
            }
        }
        return lines
    }

    private func tallies(choices: TestCoverage.Tally, byRating: [Rating: TestCoverage.Tally],
                         endings: TestCoverage.Tally, debrief: TestCoverage.Tally, width: Int?) -> [String] {
        let ratings = Rating.allCases.compactMap { rating in
            byRating[rating].flatMap { $0.total == 0 ? nil : catalog.report(.ratingTally(rating, covered: $0.covered, total: $0.total)) }
        }
        let made = tally(choices) + (ratings.isEmpty ? "" : "; " + ratings.joined(separator: ", "))
        return item(catalog.report(.choicesMade(made)), first: "  ", rest: "    ", width: width)
            + ["  " + catalog.report(.endingsReached(tally(endings))), "  " + catalog.report(.debriefShown(tally(debrief)))]
    }

    /// One list item: on one line, or wrapped to `width` with its later lines under its text.
    private func item(_ text: String, first: String, rest: String, width: Int?) -> [String] {
        guard let width, TextLayout.visibleWidth(first + text) > width else { return [first + text] }
        return TextLayout.wrap(text, width: width, indent: rest, firstIndent: first)
    }

    private func tally(_ tally: TestCoverage.Tally) -> String {
        guard let percent = tally.percent else { return catalog.report(.tallyNone) }
        let text = catalog.report(.tally(covered: tally.covered, total: tally.total, percent: percent))
        return tally.isComplete ? text : style.caution(text)
    }

    /// A path as the author would type it in a shell: quoted when it holds anything
    /// besides letters, digits and / . _ ~ -.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "/._~-+,".unicodeScalars.contains($0)
        }
        return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
