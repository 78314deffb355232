/// Sending and fetching statements (an LRS), and the command line's help for `export xapi`,
/// `translate extract`, `translate status` and `cache`: why an LRS exchange failed, what the
/// options are for, and the few lines of those commands not said elsewhere.
///
/// Each case carries its values; `English` and `Spanish` put it in words (see
/// `MessageCatalog.transfer(_:)`). Anything in a value that came from the network (`gist`,
/// a redirect's target, an encoding) has been made safe to print, and the password hidden,
/// before it is put here.
public enum TransferText: Sendable, Hashable {
    /// Why an exchange with an LRS failed: what happened and what to do.
    case lrs(LRS)
    /// The command line's help for these commands (`attune export xapi --help`).
    case help(Help)
    /// `translate extract` and `translate status`: a file or folder that cannot be opened.
    case cannotOpenFile(path: String)

    /// What the exchanges were for, so a message says what was (not) done: `export xapi`
    /// sends; `cohort report` reads.
    public enum Purpose: Sendable, Hashable {
        case sending, reading
    }

    /// An LRS problem. `endpoint` is the normalised address (never with credentials).
    public enum LRS: Sendable, Hashable {
        // The address (`--lrs`); `shown` has any user name and password taken out.
        case notAnAddress(shown: String)
        case addressHasQuery(shown: String)
        case impossiblePort(shown: String, port: Int)
        case unusableAddress(shown: String)
        // The account.
        case userHasColon
        /// http:// to another computer without --insecure-http.
        case notEncrypted(endpoint: String)
        // One exchange.
        /// An answer over `limit` bytes.
        case tooLarge(endpoint: String, limit: Int, purpose: Purpose)
        /// A compressed answer (`encoding`: its Content-Encoding, an excerpt).
        case compressed(endpoint: String, encoding: String, purpose: Purpose)
        /// A failure that trying again cannot mend.
        case failed(endpoint: String, why: Connection, purpose: Purpose)
        /// Every try failed: how many, in how long (seconds), the last problem, and whether
        /// the time allowed (`overall` seconds, --timeout) ran out.
        case unreachable(endpoint: String, tries: Int, elapsed: Double, last: Attempt?, outOfTime: Bool, overall: Double,
                         purpose: Purpose)
        /// A 3xx answer, never followed; `target`: where it pointed (credentials taken out), if it said.
        case redirected(status: Int, target: String?, purpose: Purpose)
        /// 401 or 403.
        case refused(status: Int, purpose: Purpose)
        /// A web page where an LRS's answer was due (a network that wants a sign-in first, most often).
        case webPage(gist: String, purpose: Purpose)
        // Sending.
        /// A 200 or 201 that does not list the statements stored; `gist`: what it said, if anything.
        case notListed(status: Int, gist: String?)
        /// Any other answer to a POST: the statements were not accepted.
        case rejected(status: Int, gist: String?)
        case statementWithoutID
        case notJSON
        /// The LRS answered `status` but neither listed nor returned `count` of the statements.
        case unconfirmed(status: Int, count: Int)
        /// The answer to a request for statements (a round trip's check) was not a list of them.
        case listAnswered(status: Int)
        // Reading a cohort.
        case requestNotMade
        /// More than `pages` pages.
        case pagesForever(endpoint: String, pages: Int)
        /// More than `limit` bytes in all.
        case tooMuchInAll(endpoint: String, limit: Int)
        /// A `more` link to another address (`more`: credentials taken out).
        case nextPageElsewhere(endpoint: String, more: String)
        /// A `more` link already followed, after `pages` pages.
        case pagesInCircle(endpoint: String, pages: Int)
        /// Any answer but 200, 3xx, 401 and 403 to the cohort's request.
        case cohortNotAnswered(status: Int, gist: String?)
        /// A 200 that is not a list of statements; `gist`: what it said (nil: an empty answer).
        case notStatements(endpoint: String, gist: String?)
    }

    /// Why one try failed, as the connection tells it.
    public enum Connection: Sendable, Hashable {
        case cannotStart
        case refused
        case nameNotFound
        case cutOff
        case certificate
        case invalidAnswer
        case unusableAddress
        case other
    }

    /// The last problem of a try that may be tried again.
    public enum Attempt: Sendable, Hashable {
        /// 429.
        case busy
        /// 5xx.
        case serverError(status: Int)
        /// No whole answer within `seconds`.
        case didNotFinish(seconds: Double)
        case connection(Connection)
    }

    /// The help of `export xapi`, `translate extract`, `translate status`, `cache status` and `cache clear`.
    public enum Help: Sendable, Hashable {
        case xapiAbstract, xapiDiscussion
        case xapiFile, xapiAccount, xapiLRS, xapiUser, xapiPassword, xapiInsecureHTTP, xapiTimeout
        case xapiIncludeReflections, xapiCohort, xapiIncludeDrafts
        case extractAbstract, extractDiscussion, extractFile, extractOutput, extractForce
        case statusAbstract, statusDiscussion, statusPaths
        case cacheStatusAbstract, cacheClearAbstract
        /// The placeholder of an option's value in the usage line (`--timeout <seconds>`).
        case value(Value)
    }

    /// The placeholders of option values.
    public enum Value: Sendable, Hashable, CaseIterable {
        case file, account, lrs, user, password, seconds, name, paths
        /// The options every command takes: `--knowledge <dir>`, `--lang <lang>`.
        case folder, language
    }
}
