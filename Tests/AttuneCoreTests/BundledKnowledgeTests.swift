import Foundation
import Testing
@testable import AttuneCore

/// The repository's own Knowledge/ folder.
let bundledKnowledge: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Knowledge").path
}()

/// The canonical ids of knowledge-format.md: scenarios depend on every one of them.
let canonicalIDs: [String] = {
    var ids = [
        "attachment.perceive-cues", "attachment.respond-sensitively", "attachment.accept-feelings",
        "attachment.be-accessible", "attachment.be-consistent", "attachment.show-affection",
        "attachment.secure", "attachment.avoidant", "attachment.ambivalent", "attachment.disorganized",
        "stress.positive", "stress.tolerable", "toxic-stress", "toxic-stress.cortisol", "toxic-stress.signs",
        "risk.extreme-poverty", "risk.violence", "risk.abuse-neglect", "risk.homelessness", "risk.substance-use",
        "risk.incarceration", "risk.maternal-depression", "risk.basic-needs", "risk.isolation",
        "protective.parental-resilience", "protective.social-connections", "protective.concrete-support",
        "protective.parenting-knowledge", "protective.child-competence",
        "serve-and-return", "ace", "buffering",
        "competency.theoretical-foundations", "competency.law-policy", "competency.systems",
        "competency.direct-service", "competency.working-with-others", "competency.communicating",
        "competency.thinking", "competency.reflection",
        "reflective-supervision", "rios.understanding-the-story", "rios.parallel-process", "rios.baby-in-mind",
        "rios.use-of-self", "rios.working-alliance",
        "workforce.direct-caregivers", "workforce.non-specialists", "workforce.clinical",
        "course.development", "course.observation", "course.family-studies", "course.mental-health",
        "course.relationships", "course.reflective-supervision",
        "program.child-first", "program.parents-as-teachers", "program.family-based-recovery",
        "program.early-head-start", "program.minding-the-baby", "program.nurse-family-partnership",
        "program.nurturing-families-network", "program.triple-p", "program.eccp", "program.elm-city-launch",
        "program.family-resource-centers", "program.promising-starts", "program.pyramid-model",
        "program.circle-of-security", "program.peer-learning-pilot", "program.safe-babies-court-teams",
        "program.strengthening-families", "program.itsiey", "program.touchpoints",
        "program.child-parent-psychotherapy", "program.promoting-first-relationships",
        "ghosts-in-the-nursery", "angels-in-the-nursery", "parallel-process", "reflective-functioning",
        "wondering-stance", "infant-mental-health",
    ]
    // The safety entries the ratings policy leans on, and the entries added for the third
    // content review (issue 21), which cases link by id.
    ids += [
        "safe-sleep", "mandated-reporting", "perinatal-depression-screening", "plan-of-safe-care",
        "dv-safety-planning", "neonatal-opioid-withdrawal", "corrected-age",
        "bruising-sentinel-injuries", "crying-and-head-trauma", "part-c-early-intervention",
        "bowlby", "temperament", "dc-0-5",
    ]
    ids += (1...6).map { "tenet.\($0)" }
    ids += (1...5).map { "serve-and-return.\($0)" }
    ids += (1...4).map { "endorsement.\($0)" }
    return ids
}()

@Suite("Bundled knowledge base")
struct BundledKnowledgeTests {
    let result: KnowledgeLoadResult

    init() throws {
        result = try KnowledgeLoader.load(directory: bundledKnowledge)
    }

    @Test("loads with no errors and no warnings")
    func clean() {
        #expect(result.diagnostics.map(\.rendered) == [])
    }

    @Test("every canonical id exists")
    func canonicalIDsExist() {
        let missing = canonicalIDs.filter { !result.base.contains($0) }
        #expect(missing == [])
    }

    @Test("every program model carries ages, delivery and reach")
    func programFacts() {
        for entry in result.base.entries where entry.id.hasPrefix("program.") {
            let names = Set(entry.facts.map(\.name))
            #expect(names.isSuperset(of: ["ages", "delivery", "reach"]), "\(entry.id) has facts \(names.sorted())")
        }
    }

    @Test("every entry has a real body and a source")
    func substance() {
        for entry in result.base.entries {
            #expect(entry.body.count >= 200, "\(entry.id) has a body of \(entry.body.count) characters")
            #expect(!entry.sources.isEmpty)
        }
    }

    @Test("searching 'cortisol' puts toxic-stress entries first")
    func cortisol() throws {
        let hits = SearchIndex(knowledge: result.base).search("cortisol")
        let first = try #require(hits.first)
        #expect(first.id.hasPrefix("toxic-stress"))
    }

    @Test("searching 'attach' finds the attachment entries")
    func attach() {
        let ids = SearchIndex(knowledge: result.base).search("attach").map(\.id)
        #expect(ids.prefix(5).allSatisfy { $0.hasPrefix("attachment.") })
    }
}
