/// What a field-reading finding is about: the block the field is in, as the author knows it.
public indirect enum FieldOwner: Sendable, Hashable, Codable {
    case scenarioFile
    case topicFile
    case scenario
    case facilitator
    case nodes
    /// A node, by its id.
    case node(String)
    /// A choice by its id, or by its place in the node's list when it has none.
    case choice(id: String?, position: Int, node: String)
    case perspectives(FieldOwner)
    case debriefItem(FieldOwner)
    /// A test by its name, when it has one.
    case test(String?)
    case expect(FieldOwner)
    /// A knowledge entry by its id, when it has one.
    case entry(String?)
}

/// How a value looks, for "but it is ...".
public enum NodeShape: Sendable, Hashable, Codable {
    case block
    case list
    case alias
    case empty
    /// A text, cut to a readable length.
    case text(String)
}

/// The kind of id a finding names.
public enum IdentifierKind: Sendable, Hashable, Codable {
    case scenario, node, choice, topic, entry
}

/// The findings of reading a file's fields: missing, of the wrong kind, misspelt, or not
/// what the format allows. Field names and ids are as written.
public enum FieldMessage: Sendable, Hashable, Codable {
    case notABlock(FieldOwner, found: NodeShape)
    case keyNotPlain(FieldOwner, found: NodeShape)
    case unknownKey(String, in: FieldOwner, suggestion: String?)
    case missingField(String, in: FieldOwner)
    case noValue(String, in: FieldOwner)
    case notText(field: String, in: FieldOwner, found: NodeShape)
    /// A node id under `nodes:` that is not text.
    case nodeIDNotText(found: NodeShape)
    /// Unquoted text followed by ` #word`: YAML drops the rest of the line as a comment.
    case commentCutsText
    case notWholeNumber(field: String, in: FieldOwner, found: NodeShape)
    /// `limit`: the counters' bound, when the field is a counter.
    case numberTooLarge(field: String, in: FieldOwner, written: String, limit: Int?)
    /// `example`: the value written as a list, `[...]`.
    case notAList(field: String, in: FieldOwner, example: String, found: NodeShape)
    case notAListOfItems(field: String, in: FieldOwner, found: NodeShape)
    case notNamedTexts(field: String, in: FieldOwner, found: NodeShape)
    /// `fix`: a `name number` line missing its ':', with the line as it should be.
    case notCounters(field: String, in: FieldOwner, found: NodeShape, fix: SyntaxMessage?)
    case conditionNotText(field: String, found: NodeShape)
    /// A condition that does not parse: as written, and what is wrong.
    case condition(String, ConditionSyntax)
    case duplicateScenarioID(String, earlierFile: String)
    case duplicateEntryID(String, earlier: SourceLocation)
    case duplicateChoiceID(String, node: String, line: Int)
    case fileNameMismatch(IdentifierKind, id: String, fileName: String)
    case invalidID(IdentifierKind, id: String)
    case nodesEmpty
    case nodesNotABlock(found: NodeShape)
    case badEndingKind(String)
    case endingWithChoices(node: String)
    case emptyChoiceList(node: String)
    case noChoices(node: String)
    case unusedDebrief(node: String)
    case badRating(String, suggestion: String?)
    case testBadRating(String)
    case missingFeedback(FieldOwner)
    case missingRefs(FieldOwner)
    case entryNeedsSource(FieldOwner)
}

/// A character the file holds that no one can see, by its code point and how it shows.
public struct HiddenCharacter: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        /// A control character (escape, bell, a zero byte...).
        case control
        /// A special space or line break.
        case space
        /// A formatting character (a zero-width space, a bidirectional control...).
        case format
    }

    public var code: UInt32
    public var kind: Kind

    public init(_ scalar: Unicode.Scalar) {
        code = scalar.value
        kind = TerminalText.isControl(scalar) || scalar == "\n" || scalar == "\t" || scalar.value == 0x85 ? .control
            : scalar.properties.isWhitespace ? .space : .format
    }

    /// `U+200B`.
    public var codePoint: String {
        let hex = String(code, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// The findings of reading a file as YAML text: libyaml's problems restated with their
/// usual cause and what to do, and what the file holds that content never does.
public enum ReadingMessage: Sendable, Hashable, Codable {
    /// The character libyaml stopped at.
    public enum Shown: Sendable, Hashable, Codable {
        case character(String)
        case hidden(HiddenCharacter)
        case unknown
    }

    case duplicateKeyAbove(String, firstLine: Int)
    case duplicateKeys([String])
    case emptyFile
    case notYAMLText
    case unreadable
    case tooComplicated
    case notUTF8
    case binary
    /// `pasted`: found when the file was opened (it often comes from copying text out of
    /// another program), rather than by the YAML reader.
    case hiddenInFile(HiddenCharacter, pasted: Bool)
    /// An escape in a text value that writes a control or bidirectional character.
    case hiddenInText(HiddenCharacter, bidirectional: Bool)
    /// `more`: how many more in the file.
    case anchorsAndAliases(more: Int)
    case bracketsTooDeep(limit: Int)
    case tab
    case cannotStart(Shown)
    case anchorStart(Shown)
    case unexpectedColon
    case complexKey
    case keysNotLinedUp
    case listNotLinedUp
    case listItemHere
    case keyWithoutColonOrTooLong
    case keyWithoutColon
    case endsInsideValue
    case valueMissing
    case listNotClosedHere
    case blockNotClosedHere
    case spaceNeeded
    case textAfterValue
    case zeroIndentation
    case unknownEscape
    case badCharacterCode
    case documentIndicator
    case secondDocument
    case nestedTooDeep
    case typeTag
    case directive
    case cannotRead
}

/// Why a content file could not be read at all.
public enum FileMessage: Sendable, Hashable, Codable {
    /// What a special file is.
    public enum Special: Sendable, Hashable, Codable { case fifo, characterDevice, blockDevice, socket, other }

    /// A file name that is not UTF-8 (shown with the marked characters).
    case nameNotUTF8
    /// A symbolic link, not followed (where it leads is never shown).
    case link
    case folder
    case special(Special)
    /// `size` in tenths of a megabyte, rounded up; `limit` in megabytes.
    case tooLarge(tenths: Int, limit: Int)
    case disappeared
    case permissionDenied
    case deviceOrSocket
    /// The system's own words for the error (from `strerror`, in English).
    case cannotOpen(system: String)
    case cannotRead(system: String)
}
