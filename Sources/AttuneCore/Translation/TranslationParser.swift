import Yams

/// Reads a translation file (`<source>.<lang>.yaml`): its texts by path, with a located
/// finding for everything that does not fit the format (docs/translating.md). The YAML's
/// own problems (syntax, a key written twice) come from `YAMLComposer`, as for any content.
public enum TranslationParser {
    /// The file read as a translation of a case or of a knowledge topic. The file is
    /// returned with what could be read even when there are findings.
    public static func parse(_ source: SourceText, kind: TranslationFile.Kind) -> (file: TranslationFile?, diagnostics: [Diagnostic]) {
        let language = TranslationName(fileName: TranslationName.fileName(source.path))?.language ?? ""
        let composed = YAMLComposer.compose(source)
        guard let root = composed.node else { return (nil, composed.diagnostics) }
        var parser = Parser(reader: NodeReader(source: source), file: TranslationFile(path: source.path, kind: kind, language: language))
        parser.root(root)
        return (parser.file, (composed.diagnostics + parser.reader.diagnostics).limitedPerFile())
    }

    /// What a translation whose English file is missing most likely translates, from its keys.
    public static func guessKind(_ source: SourceText) -> TranslationFile.Kind {
        let keys = (try? Yams.compose(yaml: source.text, Resolver.basic))?.flatMap { $0.mapping.map { Set($0.keys.compactMap(\.scalar?.string)) } }
        return keys?.contains("entries") == true && keys?.contains("nodes") != true ? .knowledge : .scenario
    }
}

private struct Parser {
    var reader: NodeReader
    var file: TranslationFile

    private func location(_ node: Node) -> SourceLocation { reader.location(of: node) }

    private mutating func report(_ node: Node, _ message: TranslationMessage) {
        reader.report(at: location(node), .translation(message), rule: .translationFormat)
    }

    mutating func root(_ node: Node) {
        guard case let .mapping(mapping) = node else {
            return report(node, .notABlock(path: "", found: reader.describe(node)))
        }
        var rest: [(Node, Node)] = []
        for (key, value) in mapping {
            switch key.scalar?.string {
            case "translation": file.declaredID = word(value, key: "translation")
            case "language":
                file.declaredLanguage = word(value, key: "language")
                if let written = file.declaredLanguage, written.value != file.language {
                    reader.report(at: written.location, .translation(.wrongLanguage(written: quoted(written.value, limit: 20),
                                                                                 fileName: file.language)),
                                  rule: .translationFormat)
                }
            default: rest.append((key, value))
            }
        }
        for key in ["translation", "language"] where !mapping.keys.contains(where: { $0.scalar?.string == key }) {
            report(node, .missingKey(key))
        }
        block(rest, shape: TranslationShape.of(file.kind), path: [])
    }

    private mutating func word(_ node: Node, key: String) -> Located<String>? {
        guard case let .scalar(scalar) = node, !node.isNull else {
            report(node, .notText(key: key, found: reader.describe(node)))
            return nil
        }
        return Located(scalar.string, at: location(node))
    }

    private mutating func walk(_ node: Node, shape: TranslationShape, path: TextPath) {
        if node.isNull { return }
        switch shape {
        case .text:
            if let text = text(node, path: path) { file.texts[path] = text }
        case .textList:
            guard case let .sequence(sequence) = node else {
                return report(node, .notAList(path: path.shownPath, found: reader.describe(node)))
            }
            file.lists[path] = sequence.enumerated().map { index, item in
                text(item, path: path + ["#\(index)"]) ?? TranslatedText(from: "", text: "", location: location(item))
            }
        case .block:
            guard case let .mapping(mapping) = node else {
                return report(node, .notABlock(path: path.shownPath, found: reader.describe(node)))
            }
            block(Array(mapping), shape: shape, path: path)
        case let .ids(kind, inner):
            guard case let .mapping(mapping) = node else {
                return report(node, .notABlock(path: path.shownPath, found: reader.describe(node)))
            }
            for (key, value) in mapping {
                guard case let .scalar(id) = key else {
                    report(key, .notText(key: path.shownPath, found: reader.describe(key)))
                    continue
                }
                file.ids[path + [id.string]] = Located(kind, at: location(key))
                file.blocks[path + [id.string]] = location(key)
                walk(value, shape: inner, path: path + [id.string])
            }
        }
    }

    private mutating func block(_ pairs: [(Node, Node)], shape: TranslationShape, path: TextPath) {
        guard case let .block(keys) = shape else { return }
        let allowed = keys.map(\.0)
        for (key, value) in pairs {
            guard case let .scalar(name) = key, let inner = keys.first(where: { $0.0 == name.string })?.1 else {
                let written = key.scalar?.string ?? ""
                if TranslationShape.notTranslatable.contains(written) {
                    report(key, .notTranslatable(written))
                } else {
                    report(key, .unknownKey(quoted(written, limit: 40), path: path.shownPath,
                                            suggestion: closestMatch(to: written, in: allowed)))
                }
                continue
            }
            if case .text = inner {} else { file.blocks[path + [name.string]] = location(key) }
            walk(value, shape: inner, path: path + [name.string])
        }
    }

    /// `{from: 1a2b3c4d, text: ...}`; nil (with a finding) when it is not one.
    private mutating func text(_ node: Node, path: TextPath) -> TranslatedText? {
        if node.isNull { return nil }
        guard case let .mapping(mapping) = node else {
            report(node, .notATextBlock(path: path.shownPath, found: reader.describe(node)))
            return nil
        }
        var from: Located<String>?, text = ""
        var textLocation = location(node)
        var sawFrom = false
        for (key, value) in mapping {
            switch key.scalar?.string {
            case "from":
                sawFrom = true
                guard let written = word(value, key: "from") else { continue }
                guard TranslationHash.isWellFormed(written.value) else {
                    report(value, .badHash(written: quoted(written.value, limit: 20)))
                    continue
                }
                from = Located(written.value.lowercased(), at: written.location)
            case "text":
                textLocation = location(value)
                if value.isNull { continue }
                guard case .scalar = value else {
                    report(value, .notText(key: "text", found: reader.describe(value)))
                    continue
                }
                text = reader.scalarText(value, field: "text", in: .scenario)?.value ?? ""
            default:
                let written = key.scalar?.string ?? ""
                report(key, .unknownKey(quoted(written, limit: 40), path: path.shownPath,
                                        suggestion: closestMatch(to: written, in: ["from", "text"])))
            }
        }
        if !sawFrom { report(node, .missingHash(path: path.shownPath)) }
        guard let from else { return nil }
        return TranslatedText(from: from.value, text: text, location: from.location, textLocation: textLocation)
    }
}
