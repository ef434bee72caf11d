/// The numbers a statement's text states with what they count ("killed 58 soldiers", "four Afghan
/// civilians", "2,000 families"), as the format's figures: the value, the unit (the noun counted),
/// what happened to them when a verb in -ed stands before the number ("killed"), and the stance
/// and party the statement's verb and speaker give (a figure "claimed" by whoever claimed it).
enum FigureMentions {
    static let numberWords: [String: Double] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
        "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
    ]
    /// Nouns a number is a length of time or a measure with, not a count of people or things hurt.
    static let measures: Set<String> = ["years", "months", "weeks", "days", "hours", "minutes", "seconds", "percent", "times",
                                        "km", "kilometres", "kilometers", "miles", "metres", "meters", "rounds", "points"]
    /// Plural nouns that do not end in s.
    static let plurals: Set<String> = ["people", "police", "personnel", "children", "men", "women", "troops", "civilians", "militia"]
    /// What befalls people that a number may stand before alone ("50 killed and 447 wounded"):
    /// those counted are the ones the figure before counted, or people.
    static let harms: Set<String> = ["wounded", "injured", "killed", "dead", "missing", "arrested", "detained", "displaced", "martyred"]
    /// Words between those counted and what befell them ("were killed", "had reportedly been").
    static let auxiliaries: Set<String> = ["were", "was", "had", "have", "been", "reportedly", "also", "allegedly", "later", "being"]
    /// Verbs before a number that say what befell those counted without ending in -ed ("lost seven
    /// soldiers", "killing four soldiers"), as the -ed form says it.
    static let harmVerbs: [String: String] = ["lost": "lost", "losing": "lost", "killing": "killed", "wounding": "wounded",
                                              "injuring": "injured", "capturing": "captured", "slew": "killed"]
    /// Words between a verb and its number ("killed at least 50", "more than 200").
    static let qualifiers: Set<String> = ["at", "least", "more", "than", "over", "nearly", "about", "some", "around", "almost",
                                          "approximately", "roughly", "up", "to", "an", "estimated", "another", "further"]
    /// The stance a verb of saying gives the figures it reports.
    static let stances: [String: String] = [
        "claimed": "claimed", "claims": "claimed", "claim": "claimed", "claiming": "claimed",
        "acknowledged": "acknowledged", "acknowledges": "acknowledged", "acknowledging": "acknowledged",
        "admitted": "acknowledged", "admits": "acknowledged", "conceded": "acknowledged",
        "denied": "denied", "denies": "denied", "denying": "denied",
        "disputed": "disputed", "disputes": "disputed", "disputing": "disputed",
    ]

    static func find(in text: ArticleText, span: Range<Int>, cue: String?, speaker: String) -> [Figure] {
        let words = text.words(in: span)
        var figures: [Figure] = []
        // Each figure's stance is its statement verb's, its party the statement's speaker.
        let statementStance = cue.flatMap { stances[$0] }, by = speaker == "unknown" ? nil : speaker
        /// A verb of stance a few words before the figure's own words ("accused Pakistan … and
        /// claimed to have killed 58"), else the statement's.
        func stance(before i: Int) -> String? {
            for j in stride(from: i - 1, through: max(0, i - 6), by: -1) {
                if let near = stances[words[j].lowered] { return near }
                if words[j].afterPunctuation && j < i - 1 { break }
            }
            return statementStance
        }
        func add(_ value: Double, _ unit: String, what: String?, at i: Int) {
            var figure = Figure(value: value, unit: unit)
            (figure.what, figure.stance, figure.by) = (what, stance(before: i), by)
            figures.append(figure)
        }
        var i = 0
        while i < words.count {
            defer { i += 1 }
            var value: Double?
            var last = i
            if let digits = Double(words[i].text) {
                // "2,000": digits grouped by commas.
                var number = words[i].text
                while last + 1 < words.count, words[last + 1].text.count == 3, Double(words[last + 1].text) != nil,
                      text.scalars[words[last].range.upperBound..<words[last + 1].range.lowerBound].elementsEqual([","]) {
                    last += 1
                    number += words[last].text
                }
                value = Double(number) ?? digits
            } else {
                value = numberWords[words[i].lowered]
            }
            // A year ("the 2021 talks") counts nothing, nor "the two sides" (a reference, not a figure).
            guard let value, last + 1 < words.count, !(words[i].text.count == 4 && (1900...2100).contains(value)),
                  !(i > 0 && words[i - 1].lowered == "the" && value < 10) else { continue }
            // "50 civilians were killed and 447 wounded": a number before what befell them alone
            // counts those the figure before counted.
            var harm = last + 1
            while harm + 1 < words.count, auxiliaries.contains(words[harm].lowered) { harm += 1 }
            if harms.contains(words[harm].lowered), !(i > 0 && words[i - 1].lowered == "the") {
                add(value, figures.last?.unit ?? "people", what: words[harm].lowered, at: i)
                i = harm
                continue
            }
            // The noun counted, at most two words after the number, past names and nationalities
            // ("four Afghan civilians").
            guard let noun = (last + 1...min(last + 3, words.count - 1)).first(where: { j in
                !words[j].isCapitalized && (words[j].lowered.hasSuffix("s") || plurals.contains(words[j].lowered))
            }), words[(last + 1)..<noun].allSatisfy({ $0.isCapitalized || $0.lowered.hasSuffix("ian") }) else { continue }
            let unit = words[noun].lowered
            guard !measures.contains(unit), unit.count > 2 else { continue }
            // What happened to them: "killed (at least) 58 soldiers", "four civilians (and two
            // others) were killed".
            var after = noun + 1
            if after + 1 < words.count, ["and", "or"].contains(words[after].lowered),
               let other = (after + 1...min(after + 3, words.count - 1)).first(where: { !words[$0].isCapitalized && words[$0].lowered.hasSuffix("s") }) {
                after = other + 1
            }
            let coordinated = after
            while after < words.count, auxiliaries.contains(words[after].lowered) { after += 1 }
            var verb = i - 1
            while verb >= 0, verb >= i - 3, qualifiers.contains(words[verb].lowered) { verb -= 1 }
            var what: String?
            if verb >= 0, words[verb].lowered.hasSuffix("ed"), !words[verb].isCapitalized {
                what = words[verb].lowered
            } else if verb >= 0, let past = harmVerbs[words[verb].lowered] {
                what = past
            } else if after > coordinated, after < words.count, words[after].lowered.hasSuffix("ed") {
                what = words[after].lowered
            } else if coordinated < words.count, harms.contains(words[coordinated].lowered) || words[coordinated].lowered == "died" {
                what = words[coordinated].lowered     // "two civilians died", "four soldiers wounded"
            }
            add(value, unit, what: what, at: min(i, max(verb, 0)))
            i = noun
        }
        return figures
    }
}
