import Testing
@testable import AttuneCore

private let exampleKnowledge = KnowledgeLoader.load(
    sources: [SourceText(path: "Knowledge/tenets.yaml", text: exampleKnowledgeText)]).base

/// The example scenario with each `(old, new)` replacement made once.
private func scenario(_ changes: (String, String)...) -> String {
    var text = exampleScenarioText
    for (old, new) in changes {
        precondition(text.components(separatedBy: old).count == 2, "the example scenario must contain \(old) once")
        text = text.replacingOccurrences(of: old, with: new)
    }
    return text
}

private func lint(_ text: String, file: String = "Scenarios/visit.yaml") -> [Diagnostic] {
    Linter(fallbackKnowledge: exampleKnowledge).lint(sources: [SourceText(path: file, text: text)]).diagnostics
}

/// The only finding, its place and message.
private func only(_ text: String, file: String = "Scenarios/visit.yaml") throws -> Diagnostic {
    let found = lint(text, file: file)
    #expect(found.count == 1, "\(found.map(\.headline))")
    return try #require(found.first)
}

/// Words from the parser that must never reach an author.
private let parserWords = ["scalar", "token", "stream", "mapping", "indicator", "simple key", "libyaml", "violates"]

private func expectPlain(_ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for word in parserWords {
        #expect(!message.contains(word), "'\(word)' in: \(message)", sourceLocation: sourceLocation)
    }
}

/// Issue 13's slips: each is reported on the line where the author made it, with a fix in
/// plain words, and nothing else in the file is hidden by it.
@Suite("YAML slips")
struct YAMLSlipTests {
    @Test("a double quote never closed in the title is reported at the quote, not lines later")
    func unclosedTitle() throws {
        let found = try only(scenario(("title: A visit", "title: \"A visit")))
        #expect((found.location.line, found.location.column) == (2, 8))
        #expect(found.message == "this quoted text is never closed; add the closing \" where the text ends")
        #expect(found.sourceLine == "title: \"A visit")
    }

    @Test("a quote never closed in a choice, closed by the next line's quote, is reported at its opening")
    func runawayChoiceText() throws {
        let found = try only(scenario(("text: Greet the baby.", "text: \"Greet the baby."),
                                      ("feedback: Forms can wait.", "feedback: \"Forms can wait.\"")))
        #expect((found.location.line, found.location.column) == (17, 15))
        #expect(found.message.hasPrefix("this quoted text is not closed on its line, so it runs on to line 27;"))
        #expect(found.message.hasSuffix("add the closing \" where the text ends"))
    }

    @Test("a single quote never closed is reported at the quote, on a real line")
    func unclosedSingle() throws {
        let found = try only(scenario(("text: Greet the baby.", "text: 'Greet the baby.")))
        #expect((found.location.line, found.location.column) == (17, 15))
        #expect(found.message == "this quoted text is never closed; add the closing ' where the text ends")
    }

    @Test("an apostrophe inside '...' is reported at the apostrophe, with the fix spelled out")
    func apostrophe() throws {
        let found = try only(scenario(("text: Greet the baby.", "text: 'Don't worry, I'll be back.'")))
        #expect((found.location.line, found.location.column) == (17, 19))
        #expect(found.message == "this apostrophe closes the quoted text early; inside '...' write '' for an apostrophe "
            + "(Don''t), or put the text in double quotes")
        #expect(lint(scenario(("text: Greet the baby.", "text: 'Don''t worry, I''ll be back.'"))).isEmpty)
        #expect(lint(scenario(("text: Greet the baby.", "text: \"Don't worry, I'll be back.\""))).isEmpty)
    }

    @Test("a quotation mark inside \"...\" is reported where it closes the text")
    func quoteInsideDouble() throws {
        let found = try only(scenario(("text: Greet the baby.", "text: \"She said \"hi\" to me\"")))
        #expect((found.location.line, found.location.column) == (17, 25))
        #expect(found.message == "this \" ends the quoted text, but the text goes on after it; inside \"...\" write \\\" "
            + "for a quotation mark, or put the whole text on its own line after '>'")
        // A quotation that opens the text and is followed by more words: the same place, the same advice.
        let said = try only(scenario(("text: Greet the baby.", "text: \"She's so easy,\" Alicia says.")))
        #expect((said.location.line, said.location.column) == (17, 30))
        #expect(said.message == found.message)
    }

    @Test("a tab says YAML indents with spaces only, at the tab")
    func tabs() throws {
        let indent = try only(scenario(("        next: warm", "\t    next: warm")))
        #expect((indent.location.line, indent.location.column) == (18, 1))
        #expect(indent.message == "a tab character here; YAML indents with spaces only, so use spaces instead")
        // In the middle of a text that goes on over two lines (libyaml: "while scanning a plain scalar").
        let continued = try only(scenario(("    text: You arrive.", "    text: You\n    \tarrive.")))
        #expect((continued.location.line, continued.location.column) == (14, 5))
        #expect(continued.message == indent.message)
    }

    @Test("a key indented further than the keys above is reported at that key, not as a colon problem")
    func indentedTooFar() throws {
        let top = try only(scenario(("summary: A short case.", "summary: A short case.\n  minutes: 5")))
        #expect((top.location.line, top.location.column) == (4, 3))
        #expect(top.message.hasPrefix("'minutes' is indented further than 'summary' above it; line it up with the keys above"))
        let inChoice = try only(scenario(("        rating: attuned", "        rating: attuned\n          feedback: F.")))
        #expect((inChoice.location.line, inChoice.location.column) == (20, 11))
        #expect(inChoice.message.hasPrefix("'feedback' is indented further than 'rating' above it"))
        // A colon inside text on its own line is still the colon message.
        let colon = try only(scenario(("summary: A short case.", "summary: A short case: really.")))
        #expect(colon.message.hasPrefix("unexpected ':' here"))
        #expect((colon.location.line, colon.location.column) == (3, 22))
    }

    @Test("a bracket never closed at the end of the file is reported at the bracket, on a real line")
    func endOfFile() throws {
        let text = scenario(("    expect: { ending: warm }", "    expect: { ending: warm"))
        let brace = try only(text)
        #expect((brace.location.line, brace.location.column) == (41, 13))
        #expect(brace.message == "this block in { } is never closed; add '}' where the block ends")
        #expect(brace.location.line <= SourceText(path: "", text: text).lineCount)
        let list = try only(scenario(("choose: [greet]", "choose: [greet")))
        #expect((list.location.line, list.location.column) == (40, 13))
        #expect(list.message == "this list in [ ] is never closed; add ']' where the list ends")
        // Blank lines at the end: still the line where the unfinished text started.
        let plain = try only("scenario: visit\ntitle: \"A visit\nsummary: x\n\n\n")
        #expect(plain.location.line == 2)
    }

    @Test("every libyaml problem is restated in plain words; an unknown one keeps its place")
    func noParserWords() throws {
        let problems = [
            "did not find expected key", "did not find expected '-' indicator", "did not find expected node content",
            "found character that cannot start any token", "mapping values are not allowed in this context",
            "block sequence entries are not allowed in this context", "could not find expected ':'",
            "found unexpected end of stream", "did not find expected ',' or ']'", "did not find expected ',' or '}'",
            "found unknown escape character", "found unexpected document indicator", "did not find expected <document start>",
            "found undefined tag handle", "found unknown directive name", "found a tab character that violates indentation",
            "did not find expected comment or line break", "something libyaml says in a later version",
        ]
        let source = SourceText(path: "a.yaml", text: "title: x\n")
        for problem in problems {
            let message = DiagnosticMessage.reading(
                YAMLComposer.explain(problem: problem, context: "while scanning a plain scalar", at: (1, 3), in: source)).english
            #expect(!message.contains(problem), "\(problem) -> \(message)")
            expectPlain(message)
        }
        #expect(YAMLComposer.explain(problem: "something new", context: nil, at: (1, 3), in: source) == .cannotRead)
        #expect(DiagnosticMessage.reading(YAMLComposer.explain(problem: "something new", context: nil, at: (1, 3), in: source)).english
            == "this line cannot be read as YAML; check its quotes, colons and indentation against the lines above")
    }

    @Test("a repeated key is reported at the repeat, naming the first, and the rest of the file is still checked")
    func duplicateKeys() throws {
        let found = lint(scenario(("title: A visit\n", "title: A visit\ntitle: Again\n"),
                                  ("rating: missed", "rating: mised"), ("    prompt: What first?", "    promt: What first?")))
        #expect(found.map(\.rule) == [.duplicateKey, .unknownKey, .invalidValue])
        let repeated = try #require(found.first)
        #expect((repeated.location.line, repeated.location.column) == (3, 1))
        #expect(repeated.message == "'title' is already written on line 2 of this block; only the first is read, "
            + "so remove or rename this one")
        // Several repeats in different blocks, each at its own place; the first value is read.
        let nodes = lint(scenario(("  flat:\n", "  warm:\n    ending: hopeful\n    text: Again.\n  flat:\n"),
                                  ("summary: A short case.\n", "summary: A short case.\nsummary: Again.\n")))
        #expect(nodes.map(\.rule) == [.duplicateKey, .duplicateKey])
        #expect(nodes.map(\.location.line) == [4, 36])
        #expect(nodes.last?.message.contains("already written on line 30 of this block") == true)
        let parsed = ScenarioLoader.parse(
            SourceText(path: "Scenarios/visit.yaml", text: scenario(("title: A visit\n", "title: A visit\ntitle: Again\n"))),
            knowledge: exampleKnowledge)
        #expect(parsed.scenario?.title == "A visit")
    }

    @Test("a repeated key and a syntax error later in the file are both reported")
    func duplicateThenSyntax() {
        let found = lint(scenario(("title: A visit\n", "title: A visit\ntitle: Again\n"), ("text: Greet the baby.", "text: 'Don't.'")))
        #expect(found.map(\.rule) == [.duplicateKey, .yamlSyntax])
        #expect(found.map(\.location.line) == [3, 18])
    }

    @Test("a choice without 'next' is one finding: tests and conditions that name it are not")
    func removedNext() throws {
        let found = try only(scenario(("        next: warm\n", ""), ("when: trust >= 1", "when: chose(arrival.greet)")))
        #expect(found.rule == .missingField)
        #expect(found.message == "choice 'greet' in node 'arrival' is missing the required field 'next'")
        let node = try only(scenario(("    text: Flat.\n", "")))
        #expect(node.rule == .missingField)
    }

    @Test("a YAML file among the cases that is not a case is one finding")
    func notACase() throws {
        let source = SourceText(path: "Scenarios/notes.yaml", text: "title: Notes\nideas:\n  - one\n  - two\n")
        let result = ScenarioLoader.load(sources: [source], knowledge: exampleKnowledge)
        #expect(result.diagnostics.map(\.rule) == [.notContent])
        #expect(result.diagnostics.first?.message.english
            == "this file is not a case: it has no 'scenario:' line and no 'nodes:'; a case file starts with 'scenario: <its id>'")
        let topic = ScenarioLoader.load(sources: [SourceText(path: "Scenarios/tenets.yaml", text: exampleKnowledgeText)],
                                        knowledge: exampleKnowledge)
        #expect(topic.diagnostics.map(\.rule) == [.notContent])
        #expect(topic.diagnostics.first?.message.contains("move it to the knowledge folder") == true)
        let knowledge = KnowledgeLoader.load(sources: [SourceText(path: "Knowledge/visit.yaml", text: exampleScenarioText)])
        #expect(knowledge.diagnostics.map(\.rule) == [.notContent])
        // A case that only lacks its 'scenario:' line is still read as a case.
        let unnamed = ScenarioLoader.load(
            sources: [SourceText(path: "Scenarios/visit.yaml", text: scenario(("scenario: visit\n", "")))], knowledge: exampleKnowledge)
        #expect(unnamed.diagnostics.map(\.rule) == [.missingField])
    }

    @Test("a '#' that silently cuts unquoted text short is a warning at the '#'; an ordinary comment is not")
    func cutShort() throws {
        let prompt = try only(scenario(("    prompt: What first?", "    prompt: Which first? #1 or #2")))
        #expect(prompt.rule == .commentInText)
        #expect(prompt.severity == .warning)
        #expect((prompt.location.line, prompt.location.column) == (14, 26))
        #expect(prompt.message == "this '#' starts a YAML comment, so the rest of the line is left out of the text; "
            + "if it belongs to the text, put the whole text in quotes")
        let when = try only(scenario(("when: trust >= 1", "when: trust >= 1 #and visited(warm)")))
        #expect((when.location.line, when.location.column) == (33, 26))
        #expect(lint(scenario(("    prompt: What first?", "    prompt: What first?   # asked of every learner"))).isEmpty)
        #expect(lint(scenario(("    prompt: What first?", "    prompt: 'Which first? #1 or #2'"))).isEmpty)
        #expect(lint(scenario(("      - id: forms", "      - id: forms #2"))).isEmpty)
    }

    @Test("condition slips suggest what was meant, at the slip")
    func conditions() throws {
        let cases: [(String, Int, String)] = [
            ("trust => 1", 21, "'=>' is not a comparison; write '>=' (the '=' comes second)"),
            ("trust =< 1", 21, "'=<' is not a comparison; write '<=' (the '=' comes second)"),
            ("visits(arrival)", 15, "'visits( )' is not part of the condition language (did you mean 'visited( )'?); "
                + "a condition can use visited(node) and chose(node.choice)"),
            ("chose(arrival, greet)", 28, "chose( ) takes the node id and the choice id joined by a '.', "
                + "like chose(arrival.greet-baby), not a ','"),
        ]
        for (condition, column, advice) in cases {
            let found = try only(scenario(("when: trust >= 1", "when: \(condition)")))
            #expect(found.rule == .badCondition)
            #expect((found.location.line, found.location.column) == (33, column), "\(condition)")
            #expect(found.message == "in the condition '\(condition)': \(advice)")
        }
    }

    /// Issue 22, item 10: a missing colon was reported on the next line ("a key longer than
    /// 1,024 characters", or "put the whole text in quotes"). It is reported on the line that
    /// lacks it, quoting the key, with the line written as it should be.
    @Test("a key without its ':' is reported on its own line, quoting the key, with the fix",
          arguments: [
              ("        rating: attuned", "        rating attuned", 19, 9, "'rating' has no ':' after it; write 'rating: attuned'"),
              ("    prompt: What first?", "    prompt What first?", 14, 5, "'prompt' has no ':' after it; write 'prompt: What first?'"),
              ("minutes: 5", "minutes 5", 4, 1, "'minutes' has no ':' after it; write 'minutes: 5'"),
              ("start: arrival", "start arrival", 10, 1, "'start' has no ':' after it; write 'start: arrival'"),
              ("title: A visit", "title A visit", 2, 1, "'title' has no ':' after it; write 'title: A visit'"),
              ("  warm:\n", "  warm\n", 29, 3, "'warm' has no ':' after it; write 'warm:'"),
              ("        rating: attuned", "        rating:attuned", 19, 9,
               "'rating:attuned' needs a space after the ':'; write 'rating: attuned'"),
              ("      - id: greet", "      - id greet", 16, 9, "'id' has no ':' after it; write 'id: greet'"),
              ("        feedback: Babies notice.", "        feedback Babies notice. # first", 20, 9,
               "'feedback' has no ':' after it; write 'feedback: Babies notice.'"),
          ])
    func missingColon(old: String, new: String, line: Int, column: Int, message: String) throws {
        let found = try only(scenario((old, new)))
        #expect((found.location.line, found.location.column) == (line, column), "\(new)")
        #expect(found.message == message)
        #expect(found.rule == .yamlSyntax)
        expectPlain(found.message.english)
    }

    @Test("'trust 0' under 'variables:' is reported on its line with the fix")
    func counterWithoutColon() throws {
        for written in ["trust 0", "trust:0"] {
            let found = try #require(lint(scenario(("  trust: 0", "  \(written)"))).first)
            #expect((found.location.line, found.location.column) == (9, 3))
            #expect(found.message.hasSuffix("but it is the text '\(written)'; "
                + (written == "trust 0" ? "'trust' has no ':' after it" : "'trust:0' needs a space after the ':'")
                + "; write 'trust: 0'"), "\(found.message)")
        }
    }

    @Test("text that runs on after a key's value is not taken for a missing colon")
    func runOnTextIsNotAMissingColon() throws {
        let found = try only(scenario(("    text: You arrive.", "    text: You arrive\n      and see: the baby")))
        #expect(!found.message.contains("has no ':'"))
    }

    /// Issue 22, item 12: the caret for a misspelt name inside a `when:` was at the start of
    /// the condition; it is at the name.
    @Test("a misspelt name inside a condition is pointed at, not the condition's start",
          arguments: [
              ("trust >= 1 and trsut >= 2", 30, RuleID.unknownVariable),
              ("visited(wram)", 23, .unknownNode),
              ("chose(arrival.gret)", 29, .unknownChoice),
              ("chose(arival.greet)", 21, .unknownNode),
              ("\"trust >= 1 and visited(wram)\"", 39, .unknownNode),
              ("'not trsut >= 1'", 20, .unknownVariable),
          ])
    func caretAtMisspeltName(condition: String, column: Int, rule: RuleID) throws {
        let found = try only(scenario(("when: trust >= 1", "when: \(condition)")))
        #expect(found.rule == rule)
        #expect((found.location.line, found.location.column) == (33, column), "\(condition)")
    }
}
