import Yams

/// Scenarios read from a folder, with every problem found on the way.
public struct ScenarioLoadResult: Sendable {
    public var scenarios: [Scenario]
    public var diagnostics: [Diagnostic]
}

/// One scenario file's own reading, before the files are checked against each other.
public struct ScenarioFileResult: Sendable, Codable {
    public var path: String
    public var scenario: Scenario?
    public var diagnostics: [Diagnostic]
}

/// Reads `Scenarios/<id>.yaml` files and checks them against themselves and the knowledge
/// base. A scenario with any error is left out: a learner never plays a broken case.
public enum ScenarioLoader {
    static let scenarioKeys = [
        "scenario", "title", "summary", "minutes", "audience", "competencies", "knowledge", "content-warnings",
        "variables", "facilitator", "start", "nodes", "tests",
    ]
    static let facilitatorKeys = ["notes", "discussion"]
    static let nodeKeys = ["text", "reflect", "facilitator", "prompt", "choices", "ending", "debrief", "assumes"]
    static let choiceKeys = [
        "id", "text", "next", "rating", "feedback", "perspectives", "refs", "competencies", "reflect", "when", "add", "set",
        "assumes",
    ]
    static let perspectiveKeys = ["baby", "parent", "practitioner"]
    static let debriefKeys = ["when", "say", "assumes"]
    static let testKeys = ["name", "choose", "expect"]
    static let expectKeys = ["ending", "visited", "not-visited", "variables", "ratings", "debrief-includes"]

    /// Loads every scenario file in `directory`.
    public static func load(directory: String, knowledge: KnowledgeBase) throws(ContentAccessError) -> ScenarioLoadResult {
        try load(paths: [directory], knowledge: knowledge)
    }

    /// Loads scenario files named by `paths` (files, or folders one level deep).
    public static func load(paths: [String], knowledge: KnowledgeBase) throws(ContentAccessError) -> ScenarioLoadResult {
        let read = ContentFiles.readAll(try ContentFiles.list(paths))
        var result = load(sources: read.sources, knowledge: knowledge)
        result.diagnostics = (read.diagnostics + result.diagnostics).limitedPerFile()
        return result
    }

    /// Parses and checks the given files; scenario ids must be unique across them.
    public static func load(sources: [SourceText], knowledge: KnowledgeBase) -> ScenarioLoadResult {
        let byPath = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return assemble(sources.map { parseFile($0, knowledge: knowledge) }, source: { byPath[$0] })
    }

    /// One scenario file read on its own (checked against the knowledge ids), as the
    /// content cache keeps it.
    public static func parseFile(_ source: SourceText, knowledge: KnowledgeBase) -> ScenarioFileResult {
        let parsed = parse(source, knowledge: knowledge)
        return ScenarioFileResult(path: source.path, scenario: parsed.scenario, diagnostics: parsed.diagnostics)
    }

    /// Files read one by one, checked against each other (unique ids). `source` gives a
    /// file's text, for the excerpt of a finding; it is asked only when there is one.
    public static func assemble(_ files: [ScenarioFileResult], source: (String) -> SourceText?) -> ScenarioLoadResult {
        var scenarios: [Scenario] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for parsed in files {
            diagnostics += parsed.diagnostics
            guard let scenario = parsed.scenario else { continue }
            if let earlier = seen[scenario.id] {
                let message = DiagnosticMessage.field(.duplicateScenarioID(quoted(scenario.id), earlierFile: earlier.file))
                if let source = source(parsed.path) {
                    diagnostics.append(source.diagnostic(
                        line: scenario.location.line, column: scenario.location.column, message, rule: .duplicateID))
                } else {
                    diagnostics.append(Diagnostic(at: scenario.location, message, rule: .duplicateID))
                }
                continue
            }
            seen[scenario.id] = scenario.location
            if !parsed.diagnostics.hasErrors { scenarios.append(scenario) }
        }
        return ScenarioLoadResult(scenarios: scenarios, diagnostics: diagnostics.limitedPerFile())
    }

    /// One scenario file. The scenario is returned even with errors (for tools that want to
    /// show as much as possible); callers that play it must check the diagnostics.
    public static func parse(_ source: SourceText, knowledge: KnowledgeBase) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        let composed = YAMLComposer.compose(source)
        guard let root = composed.node else { return (nil, composed.diagnostics) }
        // Some other YAML file among the cases: one finding, not one per missing field.
        if let keys = root.mapping.map({ Set($0.keys.compactMap(\.scalar?.string)) }), !keys.contains("scenario"), !keys.contains("nodes") {
            let message = DiagnosticMessage.fileKind(keys.contains("topic") ? .topicAmongCases : .notACase)
            return (nil, composed.diagnostics + [source.diagnostic(line: 1, column: 1, message, rule: .notContent)])
        }
        var reader = NodeReader(source: source)
        guard let file = reader.fields(root, what: .scenarioFile, allowed: scenarioKeys) else {
            return (nil, composed.diagnostics + reader.diagnostics)
        }
        var parser = ScenarioParser(reader: reader, knowledge: knowledge)
        let scenario = parser.scenario(file, path: source.path)
        return (scenario, (composed.diagnostics + parser.reader.diagnostics).limitedPerFile())
    }
}

/// The reading of one scenario file, then its internal cross-checks.
private struct ScenarioParser {
    var reader: NodeReader
    let knowledge: KnowledgeBase
    /// The knowledge ids, prepared once for suggestions.
    private let knowledgeIDs: SuggestionIndex
    /// Conditions are checked after all nodes are read, since they may name later nodes.
    private var conditions: [WrittenCondition] = []
    /// Each condition's text as written, for a caret at the name a finding is about.
    private var conditionScalars: [Node.Scalar] = []
    /// Node ids and declared counters, prepared once for suggestions by `crossCheck`.
    private var nodeIDs = SuggestionIndex([])
    private var variableNames = SuggestionIndex([])
    /// Node ids and each node's choice ids as written, loaded or not: a reference to a node
    /// or choice that has its own error (a missing 'next', say) is not a second error.
    private var writtenNodes: Set<String> = []
    private var writtenChoices: [String: Set<String>] = [:]

    init(reader: NodeReader, knowledge: KnowledgeBase) {
        self.reader = reader
        self.knowledge = knowledge
        self.knowledgeIDs = SuggestionIndex(knowledge.ids)
    }

    mutating func scenario(_ file: Fields, path: String) -> Scenario? {
        let id = reader.text(file, "scenario", required: true)
        let title = reader.text(file, "title", required: true)
        let summary = reader.text(file, "summary", required: true)
        let minutes = reader.requireField(file, "minutes").flatMap { reader.integer($0, field: "minutes", in: .scenario) }
        let audience = reader.textList(file, "audience", required: true) ?? []
        let competencies = reader.textList(file, "competencies", required: true) ?? []
        let knowledgeIDs = reader.textList(file, "knowledge", required: true) ?? []
        let warnings = reader.textList(file, "content-warnings") ?? []
        let variables = counters(file, "variables", what: .scenario)
        let facilitator = facilitation(file)
        let start = reader.text(file, "start", required: true)
        let expected = fileStem(path)
        if let id {
            KnowledgeLoader.checkIdentifier(id, what: .scenario, in: &reader)
            if id.value != expected {
                reader.report(at: id.location, .fileNameMismatch(.scenario, id: quoted(id.value), fileName: quoted(expected)),
                              rule: .fileNameMismatch)
            }
        }
        for reference in audience { checkKnowledge(reference, field: "audience") }
        for reference in competencies { checkKnowledge(reference, field: "competencies") }
        for reference in knowledgeIDs { checkKnowledge(reference, field: "knowledge") }

        var nodes: [ScenarioNode] = []
        if let nodesNode = reader.requireField(file, "nodes") {
            if case let .mapping(mapping) = nodesNode {
                for (key, value) in mapping {
                    guard let nodeID = reader.scalarText(key, field: "nodes", in: .nodes) else { continue }
                    KnowledgeLoader.checkIdentifier(nodeID, what: .node, in: &reader)
                    writtenNodes.insert(nodeID.value)
                    if let node = self.node(nodeID, value) { nodes.append(node) }
                }
                if mapping.count == 0 {
                    reader.report(at: nodesNode, .nodesEmpty, rule: .missingField)
                }
            } else {
                reader.report(at: nodesNode, .nodesNotABlock(found: reader.describe(nodesNode)), rule: .wrongType)
            }
        }
        let tests = (reader.list(file, "tests", required: false) ?? []).compactMap { test($0) }

        let scenarioLocation = id?.location ?? reader.location(of: file.node)
        let result = Scenario(
            id: id?.value ?? expected, file: path, location: scenarioLocation, title: title?.value ?? expected,
            summary: summary?.value ?? "", minutes: minutes?.value ?? 0, audience: audience, competencies: competencies,
            knowledge: knowledgeIDs, contentWarnings: warnings.map(\.value), variables: variables,
            facilitator: facilitator, start: start ?? Located("", at: scenarioLocation), nodes: nodes, tests: tests)
        crossCheck(result, startGiven: start != nil)
        return result
    }

    // MARK: Parts

    private mutating func facilitation(_ file: Fields) -> Facilitation? {
        guard let value = file["facilitator"], !value.isNull,
              let fields = reader.fields(value, what: .facilitator, allowed: ScenarioLoader.facilitatorKeys) else { return nil }
        let notes = reader.text(fields, "notes", required: false)
        let discussion = reader.textList(fields, "discussion") ?? []
        return Facilitation(notes: notes?.value, discussion: discussion.map(\.value))
    }

    /// `variables`, `add` and `set`: a block of `name: whole number` lines.
    private mutating func counters(_ fields: Fields, _ key: String, what: FieldOwner) -> [CounterChange] {
        guard let value = fields[key], !value.isNull else { return [] }
        guard case let .mapping(mapping) = value else {
            reader.report(at: value, .notCounters(field: key, in: what, found: reader.describe(value),
                                                  fix: YAMLSlips.counterColonFix(for: value)),
                          rule: .wrongType)
            return []
        }
        var changes: [CounterChange] = []
        for (name, amount) in mapping {
            guard let variable = reader.scalarText(name, field: key, in: what),
                  let number = reader.integer(amount, field: "\(key).\(quoted(variable.value, limit: 40))", in: what,
                                              limit: CounterLimits.maximum) else { continue }
            changes.append(CounterChange(variable: variable.value, amount: number.value, location: variable.location))
        }
        return changes
    }

    private mutating func node(_ id: Located<String>, _ value: Node) -> ScenarioNode? {
        let nodeID = quoted(id.value, limit: 40)
        let what = FieldOwner.node(nodeID)
        guard let fields = reader.fields(value, what: what, allowed: ScenarioLoader.nodeKeys) else { return nil }
        let text = reader.text(fields, "text", required: true)
        let reflect = reader.text(fields, "reflect", required: false)
        let facilitator = reader.text(fields, "facilitator", required: false)
        let prompt = reader.text(fields, "prompt", required: false)
        let assumes = condition(fields, "assumes")
        var ending: EndingKind?
        if let written = reader.text(fields, "ending", required: false) {
            ending = EndingKind(rawValue: written.value)
            if ending == nil {
                reader.report(at: written.location, .badEndingKind(quoted(written.value)), rule: .invalidValue)
                ending = .mixed
            }
        }
        var choices: [Choice] = []
        var seenChoices: [String: SourceLocation] = [:]
        for (position, item) in (reader.list(fields, "choices", required: false) ?? []).enumerated() {
            if let written = item.mapping?["id"]?.scalar?.string { writtenChoices[id.value, default: []].insert(written) }
            guard let choice = self.choice(item, position: position + 1, node: id.value) else { continue }
            if let earlier = seenChoices[choice.id] {
                reader.report(at: choice.location, .duplicateChoiceID(quoted(choice.id), node: nodeID, line: earlier.line),
                              rule: .duplicateID)
            }
            seenChoices[choice.id] = choice.location
            choices.append(choice)
        }
        var debrief: [DebriefItem] = []
        for item in reader.list(fields, "debrief", required: false) ?? [] {
            guard let itemFields = reader.fields(item, what: .debriefItem(what), allowed: ScenarioLoader.debriefKeys),
                  let say = reader.text(itemFields, "say", required: true) else { continue }
            let when = condition(itemFields)
            let assumes = condition(itemFields, "assumes")
            debrief.append(DebriefItem(when: when, say: say.value, assumes: assumes))
        }
        if ending != nil, !choices.isEmpty, let written = fields["choices"] {
            reader.report(at: written, .endingWithChoices(node: nodeID), rule: .endingWithChoices)
        }
        if ending == nil {
            if let written = fields["choices"], !written.isNull {
                if written.sequence?.count == 0 {
                    reader.report(at: written, .emptyChoiceList(node: nodeID), rule: .noChoices)
                }
            } else {
                reader.report(at: id.location, .noChoices(node: nodeID), rule: .noChoices)
            }
            if let written = fields["debrief"] {
                reader.report(at: written, .unusedDebrief(node: nodeID), rule: .unusedDebrief)
            }
        }
        guard let text else { return nil }
        return ScenarioNode(
            id: id.value, location: id.location, text: text.value, reflect: reflect?.value, facilitator: facilitator?.value,
            prompt: prompt?.value, choices: choices, ending: ending, debrief: debrief, assumes: assumes)
    }

    private mutating func choice(_ item: Node, position: Int, node: String) -> Choice? {
        let writtenID = item.mapping?["id"]?.scalar?.string
        let what = FieldOwner.choice(id: writtenID.map { quoted($0, limit: 40) }, position: position, node: quoted(node, limit: 40))
        guard let fields = reader.fields(item, what: what, allowed: ScenarioLoader.choiceKeys) else { return nil }
        let id = reader.text(fields, "id", required: false)
        if let id { KnowledgeLoader.checkIdentifier(id, what: .choice, in: &reader) }
        let text = reader.text(fields, "text", required: true)
        let next = reader.text(fields, "next", required: true)
        let ratingText = reader.text(fields, "rating", required: true)
        var rating: Rating?
        if let ratingText {
            rating = Rating(rawValue: ratingText.value)
            if rating == nil {
                let guess = closestMatch(to: ratingText.value, in: Rating.allCases.map(\.rawValue))
                reader.report(at: ratingText.location, .badRating(quoted(ratingText.value), suggestion: guess), rule: .invalidValue)
                // Keep reading the choice so its other fields are still checked.
                rating = .partial
            }
        }
        let feedback = reader.text(fields, "feedback", required: false)
        if feedback == nil {
            reader.report(at: fields.node, .missingFeedback(what), rule: .missingFeedback)
        }
        let refs = reader.textList(fields, "refs") ?? []
        if refs.isEmpty {
            reader.report(at: fields["refs"] ?? fields.node, .missingRefs(what), rule: .missingRefs)
        }
        for reference in refs { checkKnowledge(reference, field: "refs") }
        let competencies = reader.textList(fields, "competencies") ?? []
        for reference in competencies { checkKnowledge(reference, field: "competencies") }
        var perspectives = Perspectives()
        if let value = fields["perspectives"], !value.isNull,
           let written = reader.fields(value, what: .perspectives(what), allowed: ScenarioLoader.perspectiveKeys) {
            perspectives.baby = reader.text(written, "baby", required: false)?.value
            perspectives.parent = reader.text(written, "parent", required: false)?.value
            perspectives.practitioner = reader.text(written, "practitioner", required: false)?.value
        }
        let reflect = reader.text(fields, "reflect", required: false)
        let when = condition(fields)
        let add = counters(fields, "add", what: what)
        let set = counters(fields, "set", what: what)
        let assumes = condition(fields, "assumes")
        guard let text, let next, let rating else { return nil }
        return Choice(
            id: id?.value ?? String(position), location: reader.location(of: item), text: text.value, next: next,
            rating: rating, feedback: feedback?.value ?? "", perspectives: perspectives, refs: refs,
            competencies: competencies, reflect: reflect?.value, when: when, add: add, set: set, assumes: assumes)
    }

    /// Parses a `when:` (or an `assumes:`, in the same language); a syntax error is located
    /// at the offending character.
    private mutating func condition(_ fields: Fields, _ key: String = "when") -> WrittenCondition? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard case let .scalar(scalar) = value else {
            reader.report(at: value, .conditionNotText(field: key, found: reader.describe(value)), rule: .wrongType)
            return nil
        }
        let location = reader.location(of: value)
        reader.checkCutShort(value, scalar)
        do {
            let parsed = try ConditionParser.parse(scalar.string)
            let written = WrittenCondition(text: scalar.string, condition: parsed, location: location)
            conditions.append(written)
            conditionScalars.append(scalar)
            return written
        } catch {
            var errorLocation = location
            errorLocation.column = column(ofOffset: error.offset, in: scalar, at: location)
            reader.report(at: errorLocation, .condition(quoted(scalar.string), error.message), rule: .badCondition)
            return nil
        }
    }

    /// The column of the `offset`-th character of a scalar's value, when the value is
    /// written on the line where the scalar starts: plain text as is, quoted text one column
    /// after its quote and with each escape (`\t`, `\u00e9`, `''`) counted as written.
    /// Otherwise (a block scalar, or a value folded over several lines) the scalar's start.
    private func column(ofOffset offset: Int, in scalar: Node.Scalar, at location: SourceLocation) -> Int {
        guard let excerpt = reader.source.excerpt(line: location.line, column: location.column, width: Int.max),
              excerpt.text.unicodeScalars.count >= excerpt.caret else { return location.column }
        let written = Array(excerpt.text.unicodeScalars.dropFirst(excerpt.caret))
        var index = 0, decoded = 0
        switch scalar.style {
        case .plain:
            index = offset
        case .singleQuoted:
            index = 1
            while decoded < offset, index < written.count {
                index += written[index] == "'" && index + 1 < written.count && written[index + 1] == "'" ? 2 : 1
                decoded += 1
            }
        case .doubleQuoted:
            index = 1
            while decoded < offset, index < written.count {
                if written[index] == "\\", index + 1 < written.count {
                    switch written[index + 1] {
                    case "x": index += 4
                    case "u": index += 6
                    case "U": index += 10
                    default: index += 2
                    }
                } else {
                    index += 1
                }
                decoded += 1
            }
        default:
            return location.column
        }
        // Past the end of this line: the value goes on over several lines.
        guard index <= written.count else { return location.column }
        return location.column + index
    }

    private mutating func test(_ item: Node) -> ScenarioTest? {
        let name = item.mapping?["name"]?.scalar?.string
        let what = FieldOwner.test(name.map { quoted($0, limit: 40) })
        guard let fields = reader.fields(item, what: what, allowed: ScenarioLoader.testKeys) else { return nil }
        let written = reader.text(fields, "name", required: true)
        let choose = reader.textList(fields, "choose", required: true) ?? []
        var expectation = ScenarioTest.Expectation()
        if let value = reader.requireField(fields, "expect"),
           let expect = reader.fields(value, what: .expect(what), allowed: ScenarioLoader.expectKeys) {
            expectation.ending = reader.text(expect, "ending", required: false)
            expectation.visited = reader.textList(expect, "visited") ?? []
            expectation.notVisited = reader.textList(expect, "not-visited") ?? []
            expectation.variables = counters(expect, "variables", what: .expect(what))
            if let ratings = reader.textList(expect, "ratings") {
                var parsed: [Rating] = []
                for rating in ratings {
                    if let value = Rating(rawValue: rating.value) {
                        parsed.append(value)
                    } else {
                        reader.report(at: rating.location, .testBadRating(quoted(rating.value)), rule: .invalidValue)
                    }
                }
                expectation.ratings = parsed
            }
            expectation.debriefIncludes = (reader.textList(expect, "debrief-includes") ?? []).map(\.value)
        }
        guard let written else { return nil }
        return ScenarioTest(name: written.value, location: reader.location(of: item), choose: choose, expect: expectation)
    }

    // MARK: Cross-checks

    private mutating func checkKnowledge(_ reference: Located<String>, field: String) {
        guard !knowledge.contains(reference.value) else { return }
        guard reader.hasRoom else { return reader.omit(at: reference.location) }
        let message = ReferenceMessage.unknownEntry(id: quoted(reference.value), in: .field(field),
                                                    suggestion: knowledgeIDs.closest(to: reference.value))
        reader.report(at: reference.location, .reference(message), rule: .unknownRef)
    }

    private mutating func checkNode(_ reference: Located<String>, in scenario: Scenario, role: ReferenceMessage.Place) {
        guard scenario.node(reference.value) == nil, !writtenNodes.contains(reference.value) else { return }
        guard reader.hasRoom else { return reader.omit(at: reference.location) }
        let message = ReferenceMessage.unknownNode(id: quoted(reference.value), in: role,
                                                   suggestion: nodeIDs.closest(to: reference.value))
        reader.report(at: reference.location, .reference(message), rule: .unknownNode)
    }

    private mutating func checkVariable(_ name: String, at location: SourceLocation, declared: Set<String>) {
        guard !declared.contains(name) else { return }
        guard reader.hasRoom else { return reader.omit(at: location) }
        let message = ReferenceMessage.unknownVariable(name: quoted(name), suggestion: variableNames.closest(to: name))
        reader.report(at: location, .reference(message), rule: .unknownVariable)
    }

    private mutating func crossCheck(_ scenario: Scenario, startGiven: Bool) {
        let declared = Set(scenario.variables.map(\.variable))
        nodeIDs = SuggestionIndex(scenario.nodes.map(\.id))
        variableNames = SuggestionIndex(Array(declared))
        if startGiven { checkNode(scenario.start, in: scenario, role: .field("start")) }
        for node in scenario.nodes {
            for choice in node.choices {
                checkNode(choice.next, in: scenario, role: .field("next"))
                for change in choice.add + choice.set { checkVariable(change.variable, at: change.location, declared: declared) }
            }
        }
        for (written, scalar) in zip(conditions, conditionScalars) {
            // The caret goes to the name the finding is about, not the start of the condition.
            func at(_ reference: Condition.Reference) -> SourceLocation {
                guard let offset = ConditionParser.offset(of: reference, in: written.text) else { return written.location }
                var location = written.location
                location.column = column(ofOffset: offset, in: scalar, at: written.location)
                return location
            }
            for reference in written.condition.references {
                switch reference {
                case let .variable(name):
                    checkVariable(name, at: at(reference), declared: declared)
                case let .node(node):
                    checkNode(Located(node, at: at(reference)), in: scenario, role: .condition(quoted(written.text)))
                case let .choice(node, choice):
                    guard let target = scenario.node(node) else {
                        checkNode(Located(node, at: at(.node(node))), in: scenario, role: .condition(quoted(written.text)))
                        continue
                    }
                    if !target.choices.contains(where: { $0.id == choice }), writtenChoices[node]?.contains(choice) != true {
                        guard reader.hasRoom else {
                            reader.omit(at: written.location)
                            continue
                        }
                        let message = ReferenceMessage.unknownChoice(
                            condition: quoted(written.text), choice: quoted(choice), node: quoted(node),
                            suggestion: closestMatch(to: choice, in: target.choices.map(\.id)))
                        reader.report(at: at(reference), .reference(message), rule: .unknownChoice)
                    }
                }
            }
        }
        let choiceIDs = Set(scenario.nodes.flatMap { $0.choices.map(\.id) }).union(writtenChoices.values.joined())
        let choiceSuggestions = SuggestionIndex(Array(choiceIDs))
        for test in scenario.tests {
            let name = quoted(test.name, limit: 40)
            for step in test.choose where Int(step.value) == nil && !choiceIDs.contains(step.value) {
                guard reader.hasRoom else {
                    reader.omit(at: step.location)
                    continue
                }
                let message = ReferenceMessage.testUnknownChoice(test: name, choice: quoted(step.value),
                                                                 suggestion: choiceSuggestions.closest(to: step.value))
                reader.report(at: step.location, .reference(message), rule: .badTest)
            }
            if let ending = test.expect.ending {
                if let node = scenario.node(ending.value) {
                    if !node.isEnding {
                        reader.report(at: ending.location,
                                      .reference(.testEndingNotEnding(test: name, node: quoted(ending.value))), rule: .badTest)
                    }
                } else {
                    checkNode(ending, in: scenario, role: .testEnding(name))
                }
            }
            for node in test.expect.visited + test.expect.notVisited {
                checkNode(node, in: scenario, role: .test(name))
            }
            for variable in test.expect.variables {
                checkVariable(variable.variable, at: variable.location, declared: declared)
            }
        }
    }
}
