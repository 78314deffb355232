import AttuneCore

extension English {
    public func author(_ text: AuthorText) -> String {
        switch text {
        case .command(let words): command(words)
        case .explore(let words): explore(words)
        case .graph(let word): graph(word)
        case .scaffold(let part): scaffold(part)
        case .hidden(let character): hidden(character)
        }
    }

    private func command(_ words: AuthorText.Command) -> String {
        switch words {
        case .fixErrorsFirst: "Fix the errors above first; a case with errors cannot be explored or drawn."
        case .notAnID(let name): "'\(name)' cannot be a case id; use lowercase letters, digits and hyphens, like ana-first-visit."
        case let .bundledID(name, title):
            "'\(name)' is already the id of a case that comes with Attune (\(title)). Choose another id, for example \(name)-draft."
        case .cannotCreateFolder(let folder): "cannot create the folder \(folder): choose a folder you can write to."
        case .alreadyExists(let path): "\(path) already exists; choose another name."
        case .cannotWrite(let path): "cannot write \(path): the folder may not exist or be writable."
        case .wrote(let path): "Wrote \(path). Check it with:"
        case .lintExtra: "Every finding is located as file:line:col. Exit status: 0 clean, 1 findings, 2 a path that cannot be opened."
        case .testExtra:
            "Each target is a file, a folder or a case id; with none, every case. "
                + "Exit status 1 when a test fails or a case has errors; coverage never changes it."
        case .lintPathsHelp: "Files or folders to check, or case ids."
        case .lintFormatHelp: "text, or json for editors and CI."
        case .lintRulesHelp: "List the rules and what each catches."
        case .testTargetsHelp: "Files, folders or case ids."
        case .testCoverageHelp: "Also list, per case and in total, what no test exercises: choices, endings and debrief rules."
        case .exploreTargetHelp: "A scenario file or case id."
        case .exploreRandomHelp: "Also play this many random playthroughs (each must end)."
        case .exploreSeedHelp: "Seed for the random playthroughs."
        case .exploreMaxStatesHelp: "Stop exploring after this many states and use the node graph."
        case .graphTargetHelp: "A case id or scenario file."
        case .graphFormatHelp: "dot or mermaid."
        case .newNameHelp: "The case id: lowercase letters, digits and hyphens."
        }
    }

    private func explore(_ words: AuthorText.Explore) -> String {
        func paths(_ digits: String?) -> String {
            digits.map { "\(groupedDigits($0)) distinct paths to an ending" } ?? "unbounded paths (a loop can be taken any number of times)"
        }
        func way(_ path: [String]) -> String { path.isEmpty ? "at the start" : path.joined(separator: ", ") }
        switch words {
        case let .reachableStates(states, count): return "\(grouped(states)) reachable states; \(paths(count))"
        case let .tooManyStates(states, count):
            return "more than \(grouped(states)) states: checked on the node graph only (conditions ignored); \(paths(count)) at most"
        case .heading(let heading):
            switch heading {
            case .endingsReached: return "Endings reached"
            case .stuckStates: return "Stuck states"
            case .loopsWithNoWayOut: return "Loops with no way out"
            case .choicesNeverOffered: return "Choices never offered"
            case .whatTextsAssume: return "What texts assume"
            case .randomPlaythroughs: return "Random playthroughs"
            }
        case .none: return ": none"
        case let .endingReached(ending, kind, path):
            return "\(ending) (\(kind?.rawValue ?? "")): \(Plural(one: "choice", other: "choices")(path.count)): "
                + path.joined(separator: ", ")
        case .neverReached(let ending): return "\(ending): never reached"
        case .reachableInGraph(let reachable): return reachable ? "reachable in the node graph" : "never reached"
        case let .stuck(node, values, path): return node + (values.isEmpty ? "" : " with \(values)") + ": " + way(path)
        case let .assumptionsHold(count, onlyExplored):
            return ": \(Plural(one: "assumption", other: "assumptions")(count)), \(count == 1 ? "" : "each ")true on every route"
                + (onlyExplored ? " explored" : "")
        case let .assumptionsFail(unmet, total): return ": \(unmet) of \(total) false on some route"
        case .assumptionLine(let line): return "line \(line)"
        case let .assumptionFalse(text, route, reason): return " '\(text)': \(way(route)); there \(self.reason(reason))"
        case let .randomSummary(runs, seed, ended): return " (\(runs), seed \(seed)): \(ended) ended"
        case .didNotEnd: return "did not end"
        case let .stoppedAt(node, stop, path):
            let why = switch stop {
            case .noChoiceOffered: "no choice is offered"
            case .stillGoing(let choices): "still going after \(choices) choices"
            }
            return " at \(node) (\(why)): " + path.joined(separator: ", ")
        }
    }

    private func graph(_ word: GraphWord) -> String {
        switch word {
        case .legend: "Legend"
        case .choice(let rating):
            switch rating {
            case .attuned: "an attuned choice"
            case .partial: "a partly attuned choice"
            case .missed: "a missed-the-cue choice"
            case .unsafe: "a safety-concern choice"
            }
        case .dashed: "dashed: offered only when its condition [in brackets] holds"
        case .start(let doubleSides): doubleSides ? "box with double sides: where the case starts" : "thick border: where the case starts"
        case .filled(let kind): "filled: a \(kind.rawValue) ending"
        case .ending(let kind): "\(kind.rawValue) ending"
        }
    }

    private func scaffold(_ part: ScaffoldText) -> String {
        switch part {
        case .header:
            "A new case. Replace the text, add moments, and keep `attune lint` and\n"
                + "`attune test` clean as you go. The guide: docs/authoring.md (attune help format)."
        case .title: "A new case"
        case .summary: "One or two sentences shown in the scenario list."
        case .facilitatorNotes: "Background for a trainer leading a group."
        case .discussion: "What did you notice first?"
        case .arrival: "Describe the setting, the family and the baby, and what the practitioner\nnotices on arrival."
        case .reflect: "What might the baby be telling you?"
        case .prompt: "What do you do first?"
        case .babyFirstChoice: "Greet the baby first, at the baby's level, and wait."
        case .babyFirstFeedback:
            "Say why this matters for the baby, the parent and the practitioner,\nin a reflective voice, and name the idea it rests on."
        case .babyPerspective: "What the baby might experience."
        case .parentPerspective: "What the parent might think or feel."
        case .practitionerPerspective: "What the practitioner might notice in themselves."
        case .paperworkChoice: "Start with the paperwork."
        case .paperworkFeedback: "Say what this choice might miss, without judgment, and what could\nhelp next time."
        case .hopefulText: "What happens when the practitioner follows the baby's lead."
        case .hopefulDebrief: "You met the baby first."
        case .hopefulReflect: "What will you bring to your next supervision session?"
        case .mixedText: "What happens when the visit starts with the forms."
        case .mixedDebrief: "The forms got done; the baby waited."
        case .babyFirstTest: "baby first"
        case .paperworkTest: "paperwork first"
        case .debriefIncludes: "met the baby first"
        }
    }

    /// "an invisible control character (U+001B, escape)": never the character itself.
    func hidden(_ character: HiddenCharacter) -> String {
        let named = "\(character.codePoint)" + (character.name.map { ", " + characterName($0) } ?? "")
        return switch character.kind {
        case .control: "an invisible control character (\(named))"
        case .space: "a special space or line break (\(named))"
        case .format: "an invisible formatting character (\(named))"
        }
    }

    private func characterName(_ name: HiddenCharacter.Name) -> String {
        switch name {
        case .zeroByte: "a zero byte"
        case .bell: "bell"
        case .backspace: "backspace"
        case .tab: "tab"
        case .lineFeed: "line feed"
        case .verticalTab: "vertical tab"
        case .formFeed: "form feed"
        case .carriageReturn: "carriage return"
        case .escape: "escape"
        case .delete: "delete"
        case .nextLine: "next line"
        case .controlSequenceIntroducer: "control sequence introducer"
        case .noBreakSpace: "no-break space"
        case .lineSeparator: "line separator"
        case .paragraphSeparator: "paragraph separator"
        case .zeroWidthSpace: "zero-width space"
        case .leftToRightEmbedding: "left-to-right embedding"
        case .rightToLeftEmbedding: "right-to-left embedding"
        case .popDirectionalFormatting: "pop directional formatting"
        case .leftToRightOverride: "left-to-right override"
        case .rightToLeftOverride: "right-to-left override"
        case .leftToRightIsolate: "left-to-right isolate"
        case .rightToLeftIsolate: "right-to-left isolate"
        case .firstStrongIsolate: "first strong isolate"
        case .popDirectionalIsolate: "pop directional isolate"
        case .byteOrderMark: "byte order mark"
        }
    }
}

/// "1234567" as "1,234,567": a count too large for an `Int`, in digits.
func groupedDigits(_ digits: String) -> String {
    var result = ""
    for (index, character) in digits.reversed().enumerated() {
        if index > 0, index % 3 == 0 { result.append(",") }
        result.append(character)
    }
    return String(result.reversed())
}
