import CYaml

/// Keys written twice in one block, found with libyaml's event parser so that every one
/// is reported (Yams stops at the first, and reports it where the key was first written).
///
/// Each repeat is then blanked out of the text, character for character, so the file can
/// be read once more with the first value of each key, and every other finding in it is
/// reported in the same pass. Lines and columns are unchanged by the blanking.
struct DuplicateKeys {
    struct Repeat {
        var key: String
        /// Where the key was first written (1-based).
        var firstLine: Int
        /// Where it is written again (1-based), and the span of that key and its value in
        /// Unicode scalars from the start of the text.
        var line: Int
        var column: Int
        var span: Range<Int>
    }

    /// The repeated keys, in file order, up to the first syntax error (which the second
    /// reading reports).
    static func find(in text: String) -> [Repeat] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return [] }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var walker = Walker()
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let type = event.type
                walker.take(&event)
                yaml_event_delete(&event)
                if type == YAML_STREAM_END_EVENT || type == YAML_NO_EVENT { break }
            }
            return walker.repeats
        } ?? []
    }

    /// The text with each repeat's key and value replaced by spaces (line breaks kept).
    static func blanking(_ repeats: [Repeat], in text: String) -> String {
        let spans = repeats.map(\.span).sorted { $0.lowerBound < $1.lowerBound }
        var result = String.UnicodeScalarView()
        var next = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            while next < spans.count, spans[next].upperBound <= index { next += 1 }
            let inside = next < spans.count && spans[next].contains(index)
            result.append(inside && scalar != "\n" && scalar != "\r" ? " " : scalar)
        }
        return String(result)
    }

    /// Follows the events, one frame per open block or list.
    private struct Walker {
        struct Frame {
            var isMapping: Bool
            var expectingKey = true
            var seen: [String: Int] = [:]
            /// A repeated key whose value is being read: its details and where it starts.
            var pending: (key: String, firstLine: Int, mark: yaml_mark_t)?
        }

        var stack: [Frame] = []
        var repeats: [Repeat] = []

        mutating func take(_ event: inout yaml_event_t) {
            switch event.type {
            case YAML_SCALAR_EVENT:
                let key = String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length),
                                 as: UTF8.self)
                started(key: key, at: event.start_mark)
                ended(at: event.end_mark)
            case YAML_ALIAS_EVENT:
                started(key: nil, at: event.start_mark)
                ended(at: event.end_mark)
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                started(key: nil, at: event.start_mark)
                stack.append(Frame(isMapping: event.type == YAML_MAPPING_START_EVENT))
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                _ = stack.popLast()
                ended(at: event.end_mark)
            default:
                break
            }
        }

        /// A node starts: if it is a key already seen in its block, remember it.
        private mutating func started(key: String?, at mark: yaml_mark_t) {
            guard let last = stack.indices.last, stack[last].isMapping, stack[last].expectingKey, let key else { return }
            let line = Int(mark.line) + 1
            if let first = stack[last].seen[key] {
                stack[last].pending = (key, first, mark)
            } else {
                stack[last].seen[key] = line
            }
        }

        /// A node ends: a key hands over to its value; a value closes its pair.
        private mutating func ended(at mark: yaml_mark_t) {
            guard let last = stack.indices.last, stack[last].isMapping else { return }
            if stack[last].expectingKey {
                stack[last].expectingKey = false
                return
            }
            stack[last].expectingKey = true
            if let pending = stack[last].pending {
                stack[last].pending = nil
                let start = Int(pending.mark.index), end = max(start, Int(mark.index))
                repeats.append(Repeat(
                    key: pending.key, firstLine: pending.firstLine, line: Int(pending.mark.line) + 1,
                    column: Int(pending.mark.column) + 1, span: start..<end))
            }
        }
    }
}
