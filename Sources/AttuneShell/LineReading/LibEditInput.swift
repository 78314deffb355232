import CLibEdit
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The keyboard side of `LibEditReader`: one character at a time for libedit, decoded from
/// UTF-8 here so Ctrl-C, a closed window and a resize can end or redraw the read, and pastes
/// are caught before libedit would run them as keystrokes.
///
/// A paste of one line is typed into the line (tabs as tabs), to be edited and entered like
/// typing. A paste of several lines ends the read as `.paste`, whole: it is never entered line
/// by line. With bracketed paste the terminal marks it; without, lines arriving within a few
/// milliseconds of the Enter before them are taken as one paste.
extension LibEditReader {
    /// A byte of input, or what to hand back to libedit instead (0 at the end, -1 for Ctrl-C).
    enum Input {
        case byte(UInt8)
        case timeout
        case stop(Int32)
    }

    /// Returns 1 with a character, 0 at end of input, -1 on error or interrupt.
    func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        while true {
            if !typing.isEmpty {
                let scalar = typing.removeFirst()
                tabIsText = scalar == "\t"
                character.pointee = wchar_t(bitPattern: scalar.value)
                return 1
            }
            let first: UInt8
            switch nextByte(idle: true) {
            case let .byte(byte): first = byte
            case .timeout: continue
            case let .stop(code): return code
            }
            if first == 0x1B, bracketsPastes {
                switch bracketedPaste() {
                case nil: break
                case let .stop(code)?: return code
                case let .text(bytes)?:
                    if takePaste(PastedText.text(bytes), afterEnter: false) {
                        character.pointee = 0x0D
                        return 1
                    }
                    continue
                }
            }
            if first == 0x0D || first == 0x0A, inputArrives(within: PastedText.unbracketedGap) {
                // More lines straight after an Enter: a paste the terminal did not mark.
                switch collectUntilQuiet() {
                case let .stop(code): return code
                case let .text(bytes):
                    _ = takePaste(PastedText.text(bytes), afterEnter: true)
                }
            }
            // A tab with more input already waiting is part of an unmarked paste.
            tabIsText = first == 0x09 && inputArrives(within: 0)
            return decode(first, into: character)
        }
    }

    /// The rest of a UTF-8 character that starts with `first`.
    private func decode(_ first: UInt8, into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        var bytes = [first]
        let needed = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
        while bytes.count < needed {
            switch nextByte(idle: false) {
            case let .byte(byte): bytes.append(byte)
            case .timeout: continue
            case let .stop(code): return code
            }
        }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        if case let .scalarValue(scalar) = decoder.decode(&iterator) {
            character.pointee = wchar_t(bitPattern: scalar.value)
        } else {
            character.pointee = 0xFFFD
        }
        return 1
    }

    enum Pasted {
        case text([UInt8])
        case stop(Int32)
    }

    /// After an escape byte: the pasted bytes if a bracketed paste starts here, else nil with
    /// the bytes looked at put back (an arrow key, Alt-something).
    private func bracketedPaste() -> Pasted? {
        var seen: [UInt8] = []
        for expected in PastedText.startMarker {
            switch byte(within: 30) {
            case let .byte(byte):
                seen.append(byte)
                if byte != expected {
                    readAhead.insert(contentsOf: seen, at: 0)
                    return nil
                }
            case .timeout:
                readAhead.insert(contentsOf: seen, at: 0)
                return nil
            case let .stop(code):
                return .stop(code)
            }
        }
        var bytes: [UInt8] = []
        let end = PastedText.endMarker
        while true {
            switch byte(within: 2000) {
            case let .byte(byte):
                bytes.append(byte)
                if bytes.count >= end.count, bytes.suffix(end.count).elementsEqual(end) {
                    return .text(Array(bytes.dropLast(end.count)))
                }
            case .timeout:
                // The end marker never came: what arrived is the paste.
                return .text(bytes)
            case let .stop(code):
                return .stop(code)
            }
        }
    }

    /// An unmarked paste after its first Enter: everything until input pauses.
    private func collectUntilQuiet() -> Pasted {
        var bytes: [UInt8] = [0x0A]
        while true {
            switch byte(within: PastedText.quietSpell) {
            case let .byte(byte): bytes.append(byte)
            case .timeout: return .text(bytes)
            case let .stop(code): return .stop(code)
            }
        }
    }

    /// Takes a paste. One line is typed into the line; a block becomes `pendingPaste`, with
    /// what was typed around it, and true is returned: the read ends there.
    /// - Parameter afterEnter: the paste follows a line already on screen (an unmarked paste).
    private func takePaste(_ text: String, afterEnter: Bool) -> Bool {
        guard PastedText.isBlock(text) else {
            if !afterEnter { typing += PastedText.typable(text) }
            return false
        }
        let body = PastedText.trimmed(text)
        var before = "", after = ""
        if let info = el_line(editLine), let buffer = info.pointee.buffer, let cursor = info.pointee.cursor,
           let last = info.pointee.lastchar {
            let start = UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self)
            before = String(decoding: UnsafeBufferPointer(start: start, count: cursor - buffer), as: UTF8.self)
            after = String(decoding: UnsafeBufferPointer(start: start + (cursor - buffer), count: last - cursor), as: UTF8.self)
        }
        let unseen = afterEnter ? String(body.drop { $0 != "\n" }.dropFirst()) : body
        pendingPaste = (before + body + after, unseen)
        return true
    }

    /// Whether input is waiting, or arrives within `milliseconds`.
    func inputArrives(within milliseconds: Int32) -> Bool {
        if !readAhead.isEmpty { return true }
        var waiting = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&waiting, 1, milliseconds) > 0
    }

    /// The next byte, waiting as long as it takes. While nothing is typed (`idle`), the live
    /// prompt is looked at twice a second and drawn again if it changed.
    func nextByte(idle: Bool) -> Input {
        if !readAhead.isEmpty { return .byte(readAhead.removeFirst()) }
        if idle, promptIsLive, livePrompt != nil {
            switch byte(within: 500) {
            case .timeout:
                redrawIfPromptChanged()
                return .timeout
            case let other:
                return other
            }
        }
        return byte(within: -1)
    }

    /// A byte if one arrives within `milliseconds` (-1: no limit). Signals are handled here:
    /// a closed window or Ctrl-C stops the read, a resize redraws the line.
    func byte(within milliseconds: Int32) -> Input {
        if !readAhead.isEmpty { return .byte(readAhead.removeFirst()) }
        while true {
            if milliseconds >= 0 {
                var waiting = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                let ready = poll(&waiting, 1, milliseconds)
                if ready == 0 { return .timeout }
                if ready < 0 {
                    guard errno == EINTR else { return .stop(-1) }
                    if let code = afterSignal() { return .stop(code) }
                    continue
                }
            }
            var byte: UInt8 = 0
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return .byte(byte) }
            if count == 0 { return .stop(0) }
            guard errno == EINTR else { return .stop(-1) }
            if let code = afterSignal() { return .stop(code) }
        }
    }

    /// After a signal: nil to read on, or what to return to libedit.
    private func afterSignal() -> Int32? {
        if hangUpRequested.load(ordering: .relaxed) {
            wasHungUp = true
            return 0
        }
        if interruptRequested.exchange(false, ordering: .relaxed) {
            wasInterrupted = true
            readAhead = []
            typing = []
            errno = EINTR
            return -1
        }
        if resizeRequested.exchange(false, ordering: .relaxed) { redrawAfterResize() }
        return nil
    }
}
