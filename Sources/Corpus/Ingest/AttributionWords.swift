/// The words of English news attribution that `Attribution` reads: verbs of saying (PARC's cue
/// verbs), titles, the nouns of bodies and groups, and the small words around them.
extension Attribution {
    /// Reporting verbs, in the forms news writes them.
    static let cues: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "warned", "warns", "claimed", "claims", "stated", "states",
        "announced", "announces", "declared", "declares", "accused", "accuses", "denied", "denies", "insisted", "insists",
        "noted", "notes", "stressed", "stresses", "argued", "argues", "maintained", "maintains", "acknowledged", "acknowledges",
        "confirmed", "confirms", "urged", "urges", "vowed", "vows", "pledged", "pledges", "suggested", "suggests",
        "explained", "explains", "wrote", "writes", "tweeted", "posted", "reiterated", "reiterates", "reaffirmed", "reaffirms",
        "regretted", "regrets", "lamented", "laments", "emphasised", "emphasized", "alleged", "alleges", "asserted", "asserts", "remarked", "replied", "responded", "cautioned",
        "threatened", "admitted", "admits", "conceded", "predicted", "recalled", "blamed", "blames", "revealed", "reveals",
        "disclosed", "indicated", "observed", "mentioned", "complained", "affirmed", "contended", "asked", "asks",
        "disputes", "disputed", "rejected", "rejects", "dismissed", "dismisses", "clarified", "clarifies", "underlined",
        "underscored", "highlighted", "assured", "informed", "reminded", "reported", "reports", "pointed", "points",
        "expressed", "expresses", "voiced", "voices", "concluded",
        // As a plural subject has them ("Analysts warn that …", "The facilitators confirm that …").
        "warn", "claim", "insist", "deny", "argue", "stress", "confirm", "acknowledge", "allege", "urge", "tell", "announce",
        "accuse", "admit", "commented",
    ]
    /// Verbs of saying only with a feeling or view after them ("expressed deep concern at …",
    /// "voiced hope that …"; not "expressed the goods to Kabul").
    static let expressing: Set<String> = ["expressed", "expresses", "voiced", "voices", "expressing", "voicing"]
    /// What one expresses: the feelings and views that make "expressed" a verb of saying.
    static let expressedThings: Set<String> = [
        "hope", "hopes", "concern", "concerns", "confidence", "fear", "fears", "regret", "alarm", "dismay", "disappointment",
        "satisfaction", "optimism", "doubt", "doubts", "support", "solidarity", "condolences", "gratitude", "frustration",
        "anger", "outrage", "shock", "surprise", "displeasure", "reservations", "opposition", "willingness", "readiness",
        "skepticism", "scepticism", "pessimism", "appreciation", "sympathy", "thanks", "condemnation", "unease", "dissatisfaction",
        "determination", "commitment",
    ]
    /// Verbs that name a thing in someone's words, quoted right after them ("described the situation
    /// as the “cruelest phase”", "calling the strikes “cowardly”").
    static let characterizing: Set<String> = [
        "described", "describes", "describing", "called", "calls", "calling", "termed", "terms", "terming",
        "branded", "brands", "branding", "labelled", "labeled", "labelling", "labeling", "dubbed", "dubbing",
    ]
    /// Verbs of saying only with "out" after them ("pointed out", not "pointed a rifle").
    static let withOut: Set<String> = ["pointed", "points", "pointing"]
    /// Reporting verbs in -ing, whose subject is the sentence's ("Mr. Asif spoke …, saying that …").
    static let participles: Set<String> = [
        "saying", "stating", "adding", "noting", "warning", "insisting", "posting", "claiming", "arguing", "declaring",
        "writing", "acknowledging", "accusing", "blaming", "denying", "stressing", "telling", "urging", "pointing", "expressing", "voicing",
        "emphasizing", "emphasising", "reiterating", "underscoring", "underlining", "highlighting", "cautioning", "alleging",
        "asserting", "vowing", "pledging", "recalling", "explaining", "announcing", "confirming", "admitting", "predicting",
    ]
    /// Words of a title before a name ("Defence Minister", "Taliban spokesman"), not the name.
    static let titles: Set<String> = [
        "minister", "ministers", "defence", "defense", "foreign", "information", "interior", "finance", "prime", "president",
        "vice", "deputy", "secretary", "general", "chief", "spokesman", "spokeswoman", "spokesperson", "ambassador",
        "envoy", "senator", "governor", "mayor", "commander", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir",
        "king", "queen", "prince", "official", "secretary-general", "under-secretary-general", "adviser", "advisor", "chairman",
        "chairwoman", "leader", "representative", "pm", "coordinator", "undersecretary", "under-secretary",
        "director", "head", "army", "state", "affairs", "national", "security", "federal", "acting", "former", "senior", "special", "press",
        "lt.", "gen.", "col.", "maj.", "capt.", "sen.", "gov.", "prof.", "mullah", "maulana", "mawlawi", "maulvi", "mawlana", "sheikh", "alhaji", "alhaja", "hajia",
        "colonel", "lieutenant", "brigadier", "captain", "admiral", "marshal", "sergeant", "commodore", "presidential", "aide",
    ]
    /// What a minister or a secretary is of or for, after "of", "for" or "and" in a title
    /// ("Minister for Information and Broadcasting", "Secretary of State", "Minister of Foreign
    /// Affairs"): part of the title there, and nowhere else (a "Human Rights" group is no title).
    static let portfolios: Set<String> = [
        "information", "broadcasting", "foreign", "affairs", "state", "defence", "defense", "interior", "finance", "home",
        "external", "internal", "justice", "law", "health", "education", "trade", "commerce", "planning", "development",
        "energy", "economy", "economic", "parliamentary", "human", "rights", "religious", "communications", "culture",
        "agriculture", "industry", "industries", "petroleum", "water", "railways", "labour", "labor", "transport", "housing",
        "environment", "climate", "science", "technology", "tourism", "sports", "youth", "women", "treasury", "revenue",
        "overseas", "national", "security", "reform", "reforms", "public", "works", "power", "food", "narcotics", "control",
    ]
    /// Articles, which open a noun phrase and are no part of a name or title.
    static let articles: Set<String> = ["the", "a", "an"]
    /// Words that say whose a noun is ("told his cabinet", "said on Sunday his country …").
    static let possessiveDeterminers: Set<String> = ["his", "her", "their", "its", "our"]
    /// Participles that name whose words a report gives ("…, Reuters reported, quoting officials").
    static let sourcing: Set<String> = ["citing", "quoting"]
    /// Words that say what an outlet is, before its name ("news agency Reuters", "state broadcaster
    /// PTV", "Kabul based news outlet Hurriyat Radio").
    static let outletWords: Set<String> = Set(["news", "outlet", "agency", "newspaper", "channel", "broadcaster", "daily", "website",
                                           "radio", "television", "tv", "based", "state-run", "state-owned", "state-linked", "state-affiliated",
                                           "state-backed", "state-controlled", "semi-official", "wire", "service",
                                           "magazine", "weekly", "network", "portal", "site"]).union(manyOutlets)
    /// Nouns for several outlets at once, never one outlet's name ("Iranian media": Iran's, not "Iranian").
    static let manyOutlets: Set<String> = ["media", "outlets", "agencies", "newspapers", "channels", "broadcasters", "wires", "networks"]
    /// Nouns for outlets that an outlet described, not named, ends with ("Iranian state media",
    /// "Russian news agencies", "the official IRNA news agency").
    /// (The outlet words but those that only describe: "news", "based", "state-run", "state-owned".)
    static let outletNouns: Set<String> = outletWords.subtracting(["news", "based", "state-run", "state-owned"])
    /// Words that describe an outlet before its noun, besides names and `outletWords`.
    static let outletDescriptions: Set<String> = ["state", "local", "official", "semi-official", "national", "independent", "private",
                                                  "public", "pro-government", "opposition", "regional", "foreign", "international"]
    /// Words between a subject and its verb that are neither ("Asif on Saturday said", "Islamabad, however, accused").
    /// (Days of the week and parts of the day as `RelativeDate` reads them.)
    static let between: Set<String> = Set(RelativeDate.weekdays).union(RelativeDate.partsOfDay).union([
        "also", "later", "earlier", "however", "had", "has", "have", "was", "were", "did", "does", "reportedly", "then", "again",
        "previously", "once", "repeatedly", "publicly", "separately", "meanwhile", "further", "on",
        "yesterday", "today", "recently", "last", "week", "month", "year", "this",
    ])
    /// Verbs of a stance a state takes, as briefings are reported ("China expresses deep concern
    /// …, the spokesperson said", "China maintains contact …, Geng added"): a statement by one of
    /// them is part of what the attribution that ends the sentence says.
    static let stanceVerbs: Set<String> = ["expresses", "expressed", "maintains", "maintained", "calls", "hopes", "believes", "supports",
                                           "opposes", "welcomes", "appreciates", "values", "respects", "stands"]
    /// Verbs whose "on" says what about ("insisted on a transitional government that …", "agreed on
    /// a plan that …"): the phrase is what was said, and its "that" a relative, not the clause's.
    /// (Not "commented on the talks that they were useful", whose "that" opens what was said.)
    static let onComplements: Set<String> = ["insist", "insists", "insisted", "insisting", "agree", "agrees", "agreed", "agreeing",
                                             "focus", "focused", "focusing"]
    /// The words of a time counted from another ("a few days later", "two weeks earlier"), which
    /// end with "later", "earlier" or "ago".
    static let timeAfterWords: Set<String> = ["a", "few", "several", "some", "two", "three", "day", "days", "weeks", "months", "hours", "years",
                                              "later", "earlier", "ago"]
    /// Words that begin a phrase of where, when or to whom ("wrote on X that", "said in a statement").
    static let prepositions: Set<String> = ["on", "in", "at", "during", "after", "before", "via", "through", "to", "from", "for", "while", "late", "early",
                                            "without"]   // "he said without elaboration"
    /// Words that join a clause to the one before ("…, while the Taliban claimed"), with articles.
    static let joiners: Set<String> = ["while", "whereas", "but", "and", "as", "though", "although", "the", "a", "an"]
    /// Words a sentence's attribution may end with after its verb ("told reporters", "said in a
    /// statement on Sunday"): to whom, where and when.
    static let tailWords: Set<String> = ["reporters", "journalists", "lawmakers", "parliament", "senators", "supporters", "the", "a", "an"]
    /// Words of a clause of its own: subjects and auxiliaries ("said on Sunday it would …").
    static let clauseWords: Set<String> = ["that", "it", "he", "she", "they", "we", "i", "you", "would", "will", "could", "should", "may",
                                           "might", "must", "can", "was", "were", "is", "are", "had", "has", "have", "did", "does", "do",
                                           "be", "been", "not", "there", "this"]
    /// Words that open an adverbial phrase or clause ("After the talks collapsed, …"), never what
    /// was said.
    static let adverbialOpeners: Set<String> = ["after", "before", "when", "while", "as", "if", "although", "though", "because", "since",
                                                "despite", "following", "speaking", "in", "on", "at", "during", "earlier", "later",
                                                "meanwhile", "however", "separately", "asked", "addressing", "responding", "according"]
    /// Words that open a clause of when or why after an attribution ("he said as he arrived").
    static let whenClauses: Set<String> = ["as", "when", "while", "after", "before", "because", "since", "following", "during", "upon"]
    /// Words in lower case inside a name ("Staffan de Mistura", "Mohammed bin Salman").
    static let nameParticles: Set<String> = ["de", "da", "di", "del", "della", "der", "den", "van", "von", "du", "la", "le", "bin", "ibn",
                                             "al", "el", "ul", "ud", "abu", "dos", "das", "ben", "bint"]
    /// Where something is posted ("said on Twitter the detainees had arrived"): not what was said.
    static let platforms: Set<String> = ["twitter", "x", "facebook", "telegram", "instagram", "tiktok", "youtube", "whatsapp", "weibo", "truth"]
    /// What "according to" may name before whom it names: "according to a statement by X".
    static let documents: Set<String> = ["statement", "statements", "report", "reports", "post", "letter", "figures", "data", "estimate",
                                         "estimates", "tally", "count", "transcript", "readout", "release", "notice", "video", "message",
                                         "document", "communique", "communiqué"]
    /// Verbs by which someone puts a document out ("a statement issued by …", "Hamas released a statement").
    static let issuingVerbs: Set<String> = ["issued", "released", "published", "signed", "posted", "sent", "put", "made"]
    /// Verbs of saying only with a document as their subject ("the statement reads", "the letter read: …").
    static let readingVerbs: Set<String> = ["reads", "read"]
    /// Titles of address, which are not a role.
    static let honorifics: Set<String> = ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "prof.", "sheikh", "mawlawi", "maulvi", "mawlana", "alhaji", "alhaja", "hajia"]
    static let pronouns: Set<String> = ["he", "she", "they"]
    /// Plural nouns that speak for a group ("Analysts say").
    static let groups: Set<String> = ["analysts", "officials", "experts", "residents", "sources", "witnesses", "observers",
                                      "diplomats", "critics", "activists", "police", "authorities", "villagers", "locals",
                                      "fighters", "troops", "soldiers", "militants", "rebels", "protesters", "lawmakers",
                                      "monitors", "negotiators", "mediators", "envoys", "investigators", "inspectors", "doctors",
                                      "medics", "aides", "members", "leaders", "relatives", "survivors", "farmers", "traders", "students",
                                      "governments", "reports", "delegates", "representatives", "spokesmen", "ministers", "heads", "chiefs",
                                      "parties", "guerrillas", "insurgents", "separatists", "combatants", "delegations", "people",
                                      "intermediaries", "facilitators", "guarantors"]
    /// Nouns for a body that may end its name ("Taliban administration", "foreign ministry").
    static let bodies: Set<String> = ["administration", "government", "ministry", "office", "army", "military", "embassy", "mission",
                                      "council", "committee", "party", "delegation", "spokesman", "spokeswoman", "spokesperson",
                                      "official", "officials", "authorities", "department", "police", "forces", "militants", "source",
                                      "command", "commission", "agency", "court", "organisation", "organization", "institute", "fund",
                                      "union", "front", "movement", "centre", "center", "watch", "bureau", "directorate", "corps", "wing",
                                      "faction", "militia", "palace", "group", "service"]
    /// Words that open a sentence and are capitalized for that alone.
    static let openers: Set<String> = Set(["the", "a", "an", "in", "but", "and", "yet", "still", "speaking", "having", "earlier", "later",
                                           "meanwhile", "however", "also", "both", "as"]).union(subordinators)
    /// Words that open a clause set before the sentence's main one ("Although Petro announced a
    /// ceasefire, the guerrillas denied it"): what is said in it ends with it.
    static let subordinators: Set<String> = ["although", "though", "whereas", "because", "if", "unless", "once", "until", "while", "when", "after", "before"]
    /// Names of one word that speak in news and are no person: countries, capitals standing for
    /// their governments, movements. A name of one word not among them, beside its verb
    /// ("Guterres said"), is a person whom a later "he" means.
    static let placesAndMovements: Set<String> = [
        "afghanistan", "pakistan", "india", "china", "russia", "ukraine", "iran", "iraq", "israel", "palestine", "syria",
        "turkey", "türkiye", "turkiye", "qatar", "egypt", "jordan", "lebanon", "yemen", "libya", "sudan", "ethiopia", "somalia",
        "kenya", "nigeria", "mali", "niger", "algeria", "morocco", "tunisia", "france", "germany", "britain", "england",
        "italy", "spain", "poland", "japan", "korea", "taiwan", "vietnam", "myanmar", "bangladesh", "nepal", "indonesia",
        "malaysia", "philippines", "thailand", "australia", "canada", "mexico", "brazil", "argentina", "venezuela",
        "colombia", "cuba", "belarus", "georgia", "armenia", "azerbaijan", "kazakhstan", "uzbekistan", "tajikistan",
        "europe", "africa", "asia", "america", "washington", "moscow", "beijing", "kabul", "islamabad", "tehran", "kyiv",
        "kiev", "london", "paris", "berlin", "delhi", "brussels", "ankara", "doha", "riyadh", "cairo", "jerusalem", "gaza",
        "damascus", "baghdad", "beirut", "tokyo", "seoul", "pyongyang", "hamas", "hezbollah", "taliban", "nato", "kremlin",
        "pentagon", "whitehall", "westminster", "congress", "parliament", "saudi", "emirates",
        "cambodia", "laos", "eritrea", "rwanda", "congo", "uganda", "serbia", "kosovo", "greece", "cyprus", "bahrain",
        "kuwait", "oman", "singapore", "mongolia", "bangkok", "khartoum", "tripoli", "sanaa", "minsk", "tbilisi", "yerevan", "baku",
        "dhaka", "kathmandu", "colombo", "nairobi", "addis", "mogadishu", "hanoi", "manila", "jakarta",
        // The other states (not those that are also given names, as Chad), their capitals where
        // news makes one speak for its government, and movements that speak as parties.
        "ecuador", "peru", "chile", "bolivia", "paraguay", "uruguay", "guatemala", "honduras", "nicaragua", "panama",
        "haiti", "jamaica", "norway", "sweden", "finland", "denmark", "netherlands", "belgium", "switzerland", "austria",
        "portugal", "ireland", "scotland", "wales", "hungary", "romania", "bulgaria", "croatia", "bosnia", "montenegro",
        "albania", "macedonia", "slovakia", "slovenia", "czechia", "lithuania", "latvia", "estonia", "moldova", "iceland",
        "luxembourg", "malta", "kyrgyzstan", "turkmenistan", "bhutan", "maldives", "lanka", "brunei", "timor", "zealand",
        "ghana", "senegal", "cameroon", "angola", "mozambique", "zimbabwe", "zambia", "malawi", "tanzania", "burundi",
        "botswana", "namibia", "madagascar", "djibouti", "mauritania", "gabon", "benin", "togo", "guinea", "liberia",
        "burkina", "ottawa", "canberra", "madrid", "rome", "warsaw", "vienna", "stockholm", "oslo", "helsinki", "copenhagen",
        "amman", "muscat", "kinshasa", "kigali", "juba", "pretoria", "abuja", "caracas", "bogota", "bogotá", "havana",
        "houthis", "fatah",
    ]

    /// Nouns of `bodies` that are a person's title ("the spokesman said").
    static let personNouns: Set<String> = ["spokesman", "spokeswoman", "spokesperson", "official", "source",
                                           // People described, not named ("a rebel fighter in Zabadani said").
                                           "fighter", "resident", "witness", "eyewitness", "diplomat", "negotiator", "mediator", "analyst",
                                           "member", "figure", "doctor", "worker", "soldier", "officer", "lawmaker", "activist", "journalist",
                                           "survivor", "farmer", "teacher", "student", "villager", "relative", "insider", "aide", "expert",
                                           "observer", "monitor", "trader", "commander", "person"]
}
