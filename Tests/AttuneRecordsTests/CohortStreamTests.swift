import AttuneCatalog
import AttuneCore
@testable import AttuneRecords
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What went wrong delivering a chunk in these tests.
private struct DeliveryFailed: Error, Equatable {
    let reason: String
}

/// A generated cohort (``CohortSpillTests/cohort(seed:)``) with some learners renamed to
/// what a trainer's cohort really has: accents, apostrophes, quotes, emoji, markup.
private func cohortReport(seed: UInt64) -> CohortReport {
    let names = ["learner-3": "Léa 👶🏽 \"O'Brien\"", "learner-7": "Ñandú <b>&amp;</b> | # María-José",
                 "learner-11": "d/v\\x", "learner-12": "Zoë"]
    let statements = CohortSpillTests.cohort(seed: seed).map { statement in
        var statement = statement
        if var actor = statement["actor"] as? [String: Any], var account = actor["account"] as? [String: Any],
           let name = account["name"] as? String, let renamed = names[name] {
            account["name"] = renamed
            actor["account"] = account
            statement["actor"] = actor
        }
        return statement
    }
    return CohortSpillTests.report(statements, memoryLimit: 1_000_000).0
}

@Suite("Cohort report: written as it is rendered")
struct CohortStreamTests {
    @Test("each format streamed in chunks of any size is byte for byte the text rendered in memory", arguments: [1, 2] as [UInt64])
    func streamedMatchesInMemory(seed: UInt64) throws {
        let report = cohortReport(seed: seed)
        #expect(report.learnerRows.contains { $0.name.contains("👶🏽") }, "the hostile names are in")
        // The rows held as an array (the report before this change) render the same bytes.
        var materialised = report
        materialised.learners = report.learners
        for format in CohortFormat.allCases {
            let inMemory = try format.render(report)
            #expect(Array(try format.render(materialised).utf8) == Array(inMemory.utf8), "\(format)")
            for chunkSize in [1, 7, 4096, CohortSink<Never>.defaultChunkSize] {
                var chunks: [[UInt8]] = []
                let sink = CohortSink<Never>(chunkSize: chunkSize) { chunks.append(Array($0)) }
                try format.render(report, into: sink)
                #expect(Array(chunks.joined()) == Array(inMemory.utf8), "\(format), chunks of \(chunkSize)")
                #expect(sink.delivered == inMemory.utf8.count)
                // Every chunk but the last is at least a chunk's size, and each is whole UTF-8 text.
                #expect(chunks.dropLast().allSatisfy { $0.count >= chunkSize }, "\(format), chunks of \(chunkSize)")
                #expect(chunks.allSatisfy { String(validating: $0, as: UTF8.self) != nil }, "\(format), chunks of \(chunkSize)")
            }
        }
        // Markdown and HTML in Spanish too.
        for format in [CohortFormat.markdown, .html] {
            let sink = CohortSink<Never>(chunkSize: 64) { _ in }
            try format.render(report, catalog: Spanish(), into: sink)
            #expect(sink.delivered == (try format.render(report, catalog: Spanish())).utf8.count)
        }
    }

    @Test("the learners' rows made from the tally are the rows an array holds: equal, encoded and decoded the same")
    func learnerRowsLikeAnArray() throws {
        let report = cohortReport(seed: 3)
        let array = Array(report.learnerRows)
        #expect(array.count == report.learnerCount)
        #expect(report.learnerRows == CohortReport.LearnerRows(array))
        #expect(array.map(\.name) == array.map(\.name).sorted { $0.localizedStandardCompare($1) == .orderedAscending })
        #expect(report.learnerRows[report.learnerRows.count - 1] == array.last)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        #expect(try encoder.encode(report.learnerRows) == encoder.encode(array))
        #expect(try encoder.encode(CohortReport.LearnerRows()) == encoder.encode([CohortReport.LearnerRow]()))
        let decoded = try JSONDecoder().decode(CohortReport.LearnerRows.self, from: encoder.encode(array))
        #expect(decoded == report.learnerRows)
        // The whole report, under the key it always had.
        let whole = try JSONSerialization.jsonObject(with: encoder.encode(report)) as? [String: Any]
        #expect((whole?["learners"] as? [Any])?.count == report.learnerCount)
        #expect(whole?["learnerRows"] == nil)
        var changed = report
        changed.learners = Array(array.dropFirst())
        #expect(changed != report)
    }

    @Test("a delivery that fails half-way is thrown, once, where it happened; nothing more is delivered and nothing crashes")
    func failedDelivery() throws {
        let report = cohortReport(seed: 1)
        for format in CohortFormat.allCases {
            var deliveries = 0
            let sink = CohortSink<DeliveryFailed>(chunkSize: 256) { _ throws(DeliveryFailed) in
                deliveries += 1
                if deliveries == 3 { throw DeliveryFailed(reason: "the disk is full") }
            }
            #expect(throws: DeliveryFailed(reason: "the disk is full"), "\(format)") { try format.render(report, into: sink) }
            #expect(deliveries == 3, "\(format): nothing delivered after the failure")
            #expect(sink.delivered >= 512, "two chunks of at least 256 bytes went before")
            // Writing on, or finishing, says the same again without delivering.
            #expect(throws: DeliveryFailed(reason: "the disk is full")) { try sink.line("more") }
            #expect(throws: DeliveryFailed(reason: "the disk is full")) { try sink.finish() }
            #expect(deliveries == 3)
        }
    }

    @Test("a sink writing to a closed descriptor, or to a full disk, reports the system's reason")
    func closedOrFullDescriptor() throws {
        let report = cohortReport(seed: 2)
        func sink(writingTo descriptor: Int32) -> CohortSink<DeliveryFailed> {
            CohortSink<DeliveryFailed>(chunkSize: 1024) { bytes throws(DeliveryFailed) in
                if write(descriptor, bytes.baseAddress, bytes.count) < 0 { throw DeliveryFailed(reason: String(cString: strerror(errno))) }
            }
        }
        let closed = open("/dev/null", O_WRONLY)
        try #require(closed >= 0)
        close(closed)
        #expect(throws: DeliveryFailed(reason: String(cString: strerror(EBADF)))) {
            try CohortFormat.markdown.render(report, into: sink(writingTo: closed))
        }
        let full = open("/dev/full", O_WRONLY)
        if full >= 0 {
            defer { close(full) }
            #expect(throws: DeliveryFailed(reason: String(cString: strerror(ENOSPC)))) {
                try CohortFormat.json.render(report, into: sink(writingTo: full))
            }
        }
    }

    @Test("the rendered text in memory and the rows: one learner, none, and an empty report")
    func edges() throws {
        let report = cohortReport(seed: 1)
        for count in [0, 1, 2] {
            var small = report
            small.learners = Array(report.learners.prefix(count))
            for format in CohortFormat.allCases {
                var bytes: [UInt8] = []
                try format.render(small, into: CohortSink<Never>(chunkSize: 3) { bytes.append(contentsOf: $0) })
                #expect(bytes == Array(try format.render(small).utf8), "\(count) learners, \(format)")
            }
        }
    }
}
