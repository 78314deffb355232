import CStemmer
import Synchronization

/// One of Snowball's stemmers (Debian's libstemmer), shared by every thread: a stemmer is
/// not safe to use from two threads at once, so each call holds a lock, and words already
/// stemmed are remembered (a text repeats its words, and the lock is then held briefly).
final class SnowballStemmer: Sendable {
    private struct State: ~Copyable {
        let stemmer: OpaquePointer?
        var known: [String: String] = [:]
    }

    private let state: Mutex<State>

    /// Nil when libstemmer does not have `algorithm` ("spanish", "english").
    init?(algorithm: String) {
        guard let stemmer = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        state = Mutex(State(stemmer: stemmer))
    }

    deinit {
        state.withLock { sb_stemmer_delete($0.stemmer) }
    }

    /// `word` (lowercase) reduced to its stem.
    func stem(_ word: String) -> String {
        state.withLock { state -> String in
            if let known = state.known[word] { return known }
            var bytes = Array(word.utf8)
            let count = Int32(bytes.count)
            let result = bytes.withUnsafeMutableBufferPointer { buffer -> String in
                guard let stemmed = sb_stemmer_stem(state.stemmer, buffer.baseAddress, count) else { return word }
                let length = Int(sb_stemmer_length(state.stemmer))
                return String(decoding: UnsafeBufferPointer(start: stemmed, count: length), as: UTF8.self)
            }
            if state.known.count < 100_000 { state.known[word] = result }
            return result
        }
    }

    static let spanish = SnowballStemmer(algorithm: "spanish")
}
