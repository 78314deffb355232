import Foundation

/// Where a cohort report's text goes as it is rendered, so the whole text is never held:
/// the renderers write their lines to it, it gathers them in a buffer and hands the buffer
/// to `deliver` whenever it holds a chunk (64 KiB) or more, then once more at ``finish()``.
/// A chunk always ends where one of the renderer's writes ended, so it is whole UTF-8 text
/// (standard output may be given one chunk at a time as a `String`).
///
/// `Failure` is what delivering can throw: ``PrivateFile``'s error for a file, `Never` for
/// the text kept in memory (``text(_:)``), so rendering into memory needs no `try`. Once a
/// delivery has failed the sink keeps its error: every later write and ``finish()`` throw it
/// again without delivering anything more, so a renderer that goes on writing stops at its
/// next line and the failure is reported once, as it happened.
public final class CohortSink<Failure: Error> {
    /// The size of a chunk handed to `deliver` (a chunk may be larger by one write).
    public static var defaultChunkSize: Int { 65_536 }

    private var buffer: [UInt8] = []
    private let chunkSize: Int
    private let deliver: (UnsafeRawBufferPointer) throws(Failure) -> Void
    private var failure: Failure?
    /// Bytes delivered so far.
    public private(set) var delivered = 0

    public init(chunkSize: Int = CohortSink.defaultChunkSize, deliver: @escaping (UnsafeRawBufferPointer) throws(Failure) -> Void) {
        self.chunkSize = max(chunkSize, 1)
        self.deliver = deliver
        buffer.reserveCapacity(self.chunkSize)
    }

    /// Appends `text`.
    public func write(_ text: String) throws(Failure) {
        try append { $0.append(contentsOf: text.utf8) }
    }

    /// Appends `text` and a line break.
    public func line(_ text: String) throws(Failure) {
        try append {
            $0.append(contentsOf: text.utf8)
            $0.append(0x0A)
        }
    }

    /// Appends bytes that are whole UTF-8 text (a JSON encoder's output).
    public func write(bytes: some Sequence<UInt8>) throws(Failure) {
        try append { $0.append(contentsOf: bytes) }
    }

    /// The one way into the buffer: refused after a failed delivery, delivered once a chunk is full.
    private func append(_ add: (inout [UInt8]) -> Void) throws(Failure) {
        if let failure { throw failure }
        add(&buffer)
        if buffer.count >= chunkSize { try flush() }
    }

    /// Delivers what is left in the buffer; call it once the rendering is over.
    public func finish() throws(Failure) {
        if let failure { throw failure }
        try flush()
    }

    private func flush() throws(Failure) {
        guard !buffer.isEmpty else { return }
        // `withUnsafeBytes` rethrows untyped errors: the delivery's own comes back as a result.
        let result = buffer.withUnsafeBytes { bytes -> Result<Void, Failure> in
            do throws(Failure) {
                try deliver(bytes)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        if case .failure(let error) = result {
            failure = error
            buffer = []
            throw error
        }
        delivered += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}

extension CohortSink where Failure == Never {
    /// The text `render` writes, kept in memory: the tests' and small reports' way.
    public static func text(_ render: (CohortSink<Never>) throws -> Void) rethrows -> String {
        var bytes: [UInt8] = []
        let sink = CohortSink<Never> { bytes.append(contentsOf: $0) }
        try render(sink)
        sink.finish()
        return String(decoding: bytes, as: UTF8.self)
    }
}
