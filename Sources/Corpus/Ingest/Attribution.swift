/// Who a sentence says spoke: the words of English news attribution (PARC's cue verbs, the titles
/// that come before a name) and how a subject is read from the words before its verb.
enum Attribution {
    /// Reporting verbs, in the forms news writes them.
    static let cues: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "warned", "warns", "claimed", "claims", "stated", "states",
        "announced", "announces", "declared", "declares", "accused", "accuses", "denied", "denies", "insisted", "insists",
        "noted", "notes", "stressed", "stresses", "argued", "argues", "maintained", "maintains", "acknowledged", "acknowledges",
        "confirmed", "confirms", "urged", "urges", "vowed", "vows", "pledged", "pledges", "suggested", "suggests",
        "explained", "explains", "wrote", "writes", "tweeted", "posted", "reiterated", "reiterates", "emphasised",
        "emphasized", "alleged", "alleges", "asserted", "asserts", "remarked", "replied", "responded", "cautioned",
        "threatened", "admitted", "admits", "conceded", "predicted", "recalled", "blamed", "blames", "revealed", "reveals",
        "disclosed", "indicated", "observed", "mentioned", "complained", "affirmed", "contended",
    ]
    /// Reporting verbs in -ing, whose subject is the sentence's ("Mr. Asif spoke …, saying that …").
    static let participles: Set<String> = [
        "saying", "stating", "adding", "noting", "warning", "insisting", "posting", "claiming", "arguing", "declaring",
        "writing", "acknowledging", "accusing", "denying", "stressing", "telling", "urging",
    ]
    /// Words of a title before a name ("Defence Minister", "Taliban spokesman"), not the name.
    static let titles: Set<String> = [
        "minister", "ministers", "defence", "defense", "foreign", "information", "interior", "finance", "prime", "president",
        "vice", "deputy", "secretary", "general", "chief", "spokesman", "spokeswoman", "spokesperson", "ambassador",
        "envoy", "senator", "governor", "mayor", "commander", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir",
        "king", "queen", "prince", "official", "adviser", "advisor", "chairman", "chairwoman", "leader", "representative",
        "director", "head", "army", "state", "affairs", "national", "security", "federal", "acting", "former", "senior",
        "lt.", "gen.", "col.", "maj.", "capt.", "sen.", "gov.", "prof.", "mullah", "maulana", "sheikh",
    ]
    /// Words between a subject and its verb that are neither ("Asif on Saturday said", "Islamabad, however, accused").
    static let between: Set<String> = [
        "also", "later", "earlier", "however", "had", "has", "have", "was", "were", "reportedly", "then", "again",
        "previously", "once", "repeatedly", "publicly", "separately", "meanwhile", "further", "on", "night", "morning",
        "evening", "afternoon", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "yesterday", "today", "recently", "last", "week", "this",
    ]
    /// Titles of address, which are not a role.
    static let honorifics: Set<String> = ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "prof.", "sheikh"]
    static let pronouns: Set<String> = ["he", "she", "they"]
    /// Plural nouns that speak for a group ("Analysts say").
    static let groups: Set<String> = ["analysts", "officials", "experts", "residents", "sources", "witnesses", "observers",
                                      "diplomats", "critics", "activists", "police", "authorities", "villagers", "locals"]
    /// Nouns for a body that may end its name ("Taliban administration", "foreign ministry").
    static let bodies: Set<String> = ["administration", "government", "ministry", "office", "army", "military", "embassy",
                                      "council", "committee", "party", "delegation", "spokesman", "spokeswoman", "spokesperson",
                                      "official", "officials", "authorities", "department", "police", "forces", "militants"]
    /// Words that open a sentence and are capitalized for that alone.
    static let openers: Set<String> = ["the", "a", "an", "in", "but", "and", "yet", "still", "speaking", "earlier", "later",
                                       "meanwhile", "however", "also", "both", "while", "after", "before", "when", "as"]

    struct Speaker {
        var name: String
        var role: String?
        var confidence: Double
    }

    /// The speaker the words before a cue name (`words` ends just before the cue), given the people
    /// named so far (the last first); nil when they name no one.
    static func subject(_ words: [ArticleText.Word], named: [String]) -> Speaker? {
        var end = words.count
        while end > 0, between.contains(words[end - 1].lowered) { end -= 1 }
        guard end > 0 else { return nil }
        let last = words[end - 1].lowered
        if pronouns.contains(last) {
            return named.first.map { Speaker(name: $0, role: nil, confidence: 0.6) }
        }
        if groups.contains(last) {
            // With whose they are: "Afghan officials".
            var first = end - 1
            while first > 0, words[first - 1].isCapitalized, !words[first].afterPunctuation, !openers.contains(words[first - 1].lowered) { first -= 1 }
            let name = (words[first..<end - 1].map(\.text) + [last]).joined(separator: " ")
            return Speaker(name: name, role: nil, confidence: 0.5)
        }
        // The run of capitalized words and titles before the verb: "Pakistan’s Defence Minister Khawaja Asif".
        var start = end
        // A body named by a noun after its name ("the Taliban administration said").
        let endsWithBody = bodies.contains(last) && !words[end - 1].isCapitalized
        while start > 0, words[start - 1].isCapitalized || titles.contains(words[start - 1].lowered) || (start == end && endsWithBody) {
            // The run does not cross punctuation ("…Geo News, Khawaja Asif said").
            if start < end && words[start].afterPunctuation { break }
            start -= 1
        }
        // "The Taliban government in Kabul said": the body, not the place it is in.
        var before = start - 1
        if before > 0, words[before].lowered == "the" { before -= 1 }
        if before > 0, ["in", "of", "from", "at"].contains(words[before].lowered), !words[start].afterPunctuation,
           bodies.contains(words[before - 1].lowered) || titles.contains(words[before - 1].lowered),
           let head = subject(Array(words[..<before]), named: named) {
            return head
        }
        var run = Array(words[start..<end])
        while let first = run.first, openers.contains(first.lowered) { run.removeFirst() }
        guard !run.isEmpty else { return nil }
        // "a senior security official": someone the article does not name, by what it says of them.
        let indefinite = start > 0 && ["a", "an"].contains(words[start - 1].lowered)
        if endsWithBody || indefinite {
            let described = run.filter { !isPossessive($0.text) }.map(\.text).joined(separator: " ")
            if !described.isEmpty, indefinite || run.count > 1 { return Speaker(name: described, role: nil, confidence: 0.5) }
        }
        // The name: the capitalized words after the last title word; the title: those before, without
        // a possessive ("Pakistan’s").
        let lastTitle = run.lastIndex { titles.contains($0.lowered) }
        let nameWords = run[(lastTitle.map { $0 + 1 } ?? 0)...].filter(\.isCapitalized)
        let titleWords = run[..<(lastTitle.map { $0 + 1 } ?? 0)].filter { !isPossessive($0.text) && !honorifics.contains($0.lowered) }
        let role = titleWords.isEmpty ? nil : titleWords.map(\.text).joined(separator: " ")
        guard !nameWords.isEmpty else {
            // "The minister said": the person last named, if any; a body ("The Taliban") by its name.
            if let role, titleWords.allSatisfy({ titles.contains($0.lowered) }), let person = named.first {
                return Speaker(name: person, role: nil, confidence: 0.4)
            }
            return role.map { Speaker(name: $0, role: nil, confidence: 0.5) }
        }
        let name = nameWords.map(\.text).joined(separator: " ")
        // A surname alone ("Asif said") is the person of that surname named before.
        if nameWords.count == 1, let full = named.first(where: { $0.hasSuffix(" " + name) }) {
            return Speaker(name: full, role: role, confidence: 0.7)
        }
        return Speaker(name: name, role: role, confidence: 0.8)
    }

    /// The speaker named after a cue ("says Defence Minister Khawaja Asif"): the title and name
    /// words that follow it.
    static func object(_ words: [ArticleText.Word], named: [String]) -> Speaker? {
        var words = words[...]
        // "according to a senior official": "a" or "the" before the words tells someone unnamed.
        let article = words.first.map { ["a", "an", "the"].contains($0.lowered) } ?? false
        if article { words = words.dropFirst() }
        var end = words.startIndex
        while end < words.endIndex, words[end].isCapitalized || titles.contains(words[end].lowered) || bodies.contains(words[end].lowered) {
            end += 1
            if end < words.endIndex, words[end].afterPunctuation { break }
        }
        guard end > words.startIndex else { return nil }
        let run = Array(words[..<end])
        let described = run.filter { !isPossessive($0.text) }.map(\.text).joined(separator: " ")
        if article, !described.isEmpty, run.allSatisfy({ !$0.isCapitalized || titles.contains($0.lowered) }) || bodies.contains(run.last!.lowered) {
            return Speaker(name: described, role: nil, confidence: 0.5)
        }
        return subject(run, named: named)
    }

    /// The subject of a sentence whose verb of saying is a participle: the first run of capitalized
    /// words before it that is a person named before (by surname too), or else one with a title.
    static func sentenceSubject(_ words: [ArticleText.Word], named: [String]) -> Speaker? {
        var withTitle: Speaker?
        for j in words.indices.dropFirst() where !words[j].isCapitalized && words[j - 1].isCapitalized {
            guard let found = subject(Array(words[..<j]), named: named) else { continue }
            if named.contains(found.name) { return Speaker(name: found.name, role: found.role, confidence: 0.5) }
            // A person by a title or a form of address ("Minister Tarar", "Mr. Asif").
            let addressed = words[..<j].suffix(3).contains { honorifics.contains($0.lowered) }
            if withTitle == nil, found.role != nil || addressed { withTitle = Speaker(name: found.name, role: found.role, confidence: 0.5) }
        }
        return withTitle
    }

    static func isPossessive(_ word: String) -> Bool { word.hasSuffix("’s") || word.hasSuffix("'s") }
}
