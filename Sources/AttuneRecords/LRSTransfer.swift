import AttuneCatalog
import CCurl
import Foundation

/// One HTTP request and its answer, over libcurl, with the answer bounded as it arrives.
///
/// Why not URLSession: on Linux (swift-corelibs-foundation) it asks for compressed answers,
/// inflates them, and queues every received chunk for its delegate without waiting, so a
/// delegate that stops at 1 MB stops too late: a 4.7 MB gzip answer inflating to 1 GB took
/// Attune to 1.19 GB, and an answer announcing 8 GB reached 529 MB before the cancel took
/// effect. Here every byte is counted in libcurl's own write callback, which ends the
/// transfer the moment the answer passes the limit; an announced length over the limit
/// ends it before any of the body is read; and compressed answers are neither asked for
/// (`Accept-Encoding: identity`) nor inflated: one that comes anyway is refused as soon as
/// its headers arrive. So memory stays at the limit whatever the LRS sends.
///
/// Redirects are never followed (libcurl's default), only http and https are spoken, and
/// the whole exchange has one time limit.
///
/// A caller that can be stopped (a trainer's Ctrl-C) gives a stop check: libcurl's progress
/// callback asks it while the transfer runs, at least about once a second even when nothing
/// arrives, and a yes aborts the transfer there (``Outcome/stopped``).
enum LRSTransfer {
    /// What one request came to.
    enum Outcome {
        case answered(status: Int, body: Data, headers: [String: String])
        /// Why, typed (a catalog says it), and whether trying again could help.
        case failed(TransferText.Connection, transient: Bool)
        case timedOut
        case tooLarge
        case compressed(String)
        /// The stop check said yes: the transfer was abandoned, its answer (if any) unread.
        case stopped
    }

    /// What the callbacks collect; reached from C through an unmanaged pointer.
    private final class Collector {
        let limit: Int
        var body = Data()
        var headers: [String: String] = [:]
        var headerBytes = 0
        var overflowed = false
        var compression: String?
        let stop: LRSClient.StopCheck?
        var stopped = false

        init(limit: Int, stop: LRSClient.StopCheck?) {
            self.limit = limit
            self.stop = stop
        }
    }

    private static let initialised: Bool = {
        curl_global_init(attune_curl_global_default) == CURLE_OK
    }()

    /// Sends one request; `headers` are added to it. At most `timeout` seconds in all, and
    /// abandoned as soon as `stop` (when given) says so.
    static func perform(method: String, url: URL, headers: [String: String], body: Data?, timeout: TimeInterval,
                        limit: Int, stop: LRSClient.StopCheck? = nil) -> Outcome {
        if let stop, stop() { return .stopped }
        guard initialised, let handle = curl_easy_init() else {
            return .failed(.cannotStart, transient: false)
        }
        defer { curl_easy_cleanup(handle) }
        let collector = Collector(limit: limit, stop: stop)
        let context = Unmanaged.passUnretained(collector).toOpaque()
        var list: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(list) }
        var lines = headers.map { "\($0.key): \($0.value)" }
        // No compression, and no waiting for a '100 Continue' before the body.
        lines += ["Accept-Encoding: identity", "Expect:"]
        for line in lines { list = curl_slist_append(list, line) }
        let milliseconds = max(1, Int(timeout * 1000))

        let code: CURLcode = url.absoluteString.withCString { address in
            method.withCString { verb in
                _ = attune_curl_set_pointer(handle, CURLOPT_URL, address)
                _ = attune_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
                _ = "http,https".withCString { attune_curl_set_pointer(handle, CURLOPT_PROTOCOLS_STR, $0) }
                _ = attune_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0)
                _ = attune_curl_set_long(handle, CURLOPT_TIMEOUT_MS, milliseconds)
                _ = attune_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds)
                _ = attune_curl_set_offset(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limit))
                _ = attune_curl_set_pointer(handle, CURLOPT_HTTPHEADER, list)
                _ = attune_curl_set_function(handle, CURLOPT_WRITEFUNCTION, receiveBody)
                _ = attune_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
                _ = attune_curl_set_function(handle, CURLOPT_HEADERFUNCTION, receiveHeader)
                _ = attune_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
                if stop != nil {
                    _ = attune_curl_set_progress(handle, checkStop)
                    _ = attune_curl_set_pointer(handle, CURLOPT_XFERINFODATA, context)
                    _ = attune_curl_set_long(handle, CURLOPT_NOPROGRESS, 0)
                }
                if let body {
                    _ = attune_curl_set_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                    _ = body.withUnsafeBytes { attune_curl_set_pointer(handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) }
                } else {
                    _ = attune_curl_set_long(handle, CURLOPT_HTTPGET, 1)
                }
                _ = attune_curl_set_pointer(handle, CURLOPT_CUSTOMREQUEST, verb)
                return withExtendedLifetime(collector) { curl_easy_perform(handle) }
            }
        }
        if collector.stopped { return .stopped }
        if let compression = collector.compression { return .compressed(compression) }
        if collector.overflowed || code == CURLE_FILESIZE_EXCEEDED { return .tooLarge }
        if code == CURLE_OK {
            return .answered(status: attune_curl_response_code(handle), body: collector.body, headers: collector.headers)
        }
        return describe(code)
    }

    /// A failed transfer in words, and whether trying again could help.
    private static func describe(_ code: CURLcode) -> Outcome {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_COULDNT_CONNECT: .failed(.refused, transient: true)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .failed(.nameNotFound, transient: true)
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE: .failed(.cutOff, transient: true)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS:
            .failed(.certificate, transient: false)
        case CURLE_WEIRD_SERVER_REPLY, CURLE_GOT_NOTHING, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_BAD_CONTENT_ENCODING:
            .failed(.invalidAnswer, transient: true)
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            .failed(.unusableAddress, transient: false)
        default: .failed(.other, transient: true)
        }
    }

    /// libcurl's progress callback: a non-zero answer aborts the transfer (CURLE_ABORTED_BY_CALLBACK).
    private static let checkStop: curl_xferinfo_callback = { context, _, _, _, _ in
        guard let context else { return 0 }
        let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
        guard let stop = collector.stop, stop() else { return 0 }
        collector.stopped = true
        return 1
    }

    /// Headers are kept up to this size in all; an answer with more is not an LRS's.
    static let maxHeaderBytes = 64 * 1024

    /// libcurl's body callback: keeps the bytes while the answer stays within the limit;
    /// returning less than it was given ends the transfer at once.
    private static let receiveBody: attune_curl_data_fn = { pointer, size, count, context in
        guard let pointer, let context else { return 0 }
        let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        guard collector.body.count + length <= collector.limit else {
            collector.overflowed = true
            collector.body = Data()
            return 0
        }
        pointer.withMemoryRebound(to: UInt8.self, capacity: length) { collector.body.append($0, count: length) }
        return length
    }

    /// libcurl's header callback, one line at a time: keeps the headers of the last answer
    /// (a '100 Continue' comes before the real one), names lower-cased. A compressed
    /// answer ends the transfer before its body is read.
    private static let receiveHeader: attune_curl_data_fn = { pointer, size, count, context in
        guard let pointer, let context else { return 0 }
        let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        collector.headerBytes += length
        guard collector.headerBytes <= maxHeaderBytes else {
            collector.overflowed = true
            return 0
        }
        let line = pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            collector.headers = [:]
            return length
        }
        guard let colon = line.firstIndex(of: ":") else { return length }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        collector.headers[name] = value
        if name == "content-encoding", !value.isEmpty, value.lowercased() != "identity" {
            collector.compression = value
            return 0
        }
        return length
    }
}
