@testable import Corpus
import Foundation
import Testing
import TestSupport

/// The statements found in an article's text: each form of attribution of English news, against
/// articles written for the test, and on text drawn at random from its pieces, where every draft
/// must stand at its span.
@Suite struct ArticleStatementsTests {
    typealias Found = (speaker: String, kind: String, cue: String?, text: String)

    func found(_ text: String, published: String? = nil) -> [Found] {
        ArticleStatements.find(in: text, published: published.flatMap(CorpusDate.init)).map { ($0.speaker, $0.kind, $0.cue, $0.text) }
    }

    func expect(_ text: String, _ wanted: [Found], sourceLocation: SourceLocation = #_sourceLocation) {
        let got = found(text)
        #expect(got.count == wanted.count, "\(got)", sourceLocation: sourceLocation)
        for (g, w) in zip(got, wanted) {
            #expect(g.speaker == w.speaker && g.kind == w.kind && g.cue == w.cue && g.text == w.text, "\(g) is not \(w)", sourceLocation: sourceLocation)
        }
    }

    @Test func quotationsWithTheirSpeakerAfter() {
        expect("“The border will stay closed,” said Interior Minister Mohsin Naqvi.",
               [("Mohsin Naqvi", "direct", "said", "The border will stay closed")])
        expect("“We want good relations with all neighbours,” Taliban spokesman Zabihullah Mujahid told the agency in an interview.",
               [("Zabihullah Mujahid", "direct", "told", "We want good relations with all neighbours")])
        // A pronoun is the person last named; a surname alone the full name met before.
        expect("Foreign Minister Ishaq Dar said the talks had stalled. “We will not wait forever,” he added. “Patience has limits,” Dar said.",
               [("Ishaq Dar", "indirect", "said", "the talks had stalled"), ("Ishaq Dar", "direct", "added", "We will not wait forever"),
                ("Ishaq Dar", "direct", "said", "Patience has limits")])
    }

    /// Single marks, as British papers quote, beside apostrophes that close nothing; guillemets.
    /// Some sites write ” for both marks: one before a word opens.
    @Test func quotationsWrittenWithClosingMarksOnly() {
        expect("”The talks are over,” Khawaja Asif said.", [("Khawaja Asif", "direct", "said", "The talks are over")])
        expect("Khawaja Asif said the headlines, ”Asif to quit the talks,” were wrong.",
               [("Khawaja Asif", "mixed", "said", "the headlines, ”Asif to quit the talks,” were wrong")])
    }

    @Test func quotationsInSingleMarksAndGuillemets() {
        expect("‘We will not back down,’ Pakistan’s defence minister Khawaja Asif told the BBC. ‘The talks are over.’ He said the officials’ efforts had failed.",
               [("Khawaja Asif", "direct", "told", "We will not back down"), ("Khawaja Asif", "direct", nil, "The talks are over."),
                ("Khawaja Asif", "indirect", "said", "the officials’ efforts had failed")])
        expect("«We want peace with our neighbours», said Zabihullah Mujahid.", [("Zabihullah Mujahid", "direct", "said", "We want peace with our neighbours")])
    }

    @Test func quotationsWithTheirSpeakerBefore() {
        expect("Speaking to Geo News, Khawaja Asif said, “As we speak, the talks are over.”",
               [("Khawaja Asif", "direct", "said", "As we speak, the talks are over.")])
        expect("Defence Minister Khawaja Asif told Dawn: “The ceasefire holds for now.”",
               [("Khawaja Asif", "direct", "told", "The ceasefire holds for now.")])
        // A participle's subject is the sentence's.
        expect("Speaking on a television programme, Mr. Asif gave a blunt assessment, stating, “Right now, negotiations are over.”",
               [("Asif", "direct", "stating", "Right now, negotiations are over.")])
    }

    @Test func reportedSpeech() {
        expect("Pakistan’s Information Minister Attaullah Tarar told reporters that negotiations in Istanbul had reached a deadlock.",
               [("Attaullah Tarar", "indirect", "told", "negotiations in Istanbul had reached a deadlock")])
        expect("The Taliban administration said on Sunday it would not allow its territory to be used against any country.",
               [("Taliban administration", "indirect", "said", "it would not allow its territory to be used against any country")])
        // Words in quotation marks inside reported speech make it mixed, not statements of their own.
        expect("Khawaja Asif announced on Friday that the talks had “entered an indefinite phase” after a deadlock.",
               [("Khawaja Asif", "mixed", "announced", "the talks had “entered an indefinite phase” after a deadlock")])
        expect("Analysts say the collapse of the talks is a major blow to regional stability.",
               [("analysts", "indirect", "say", "the collapse of the talks is a major blow to regional stability")])
        expect("The Taliban government in Kabul, meanwhile, has blamed Islamabad for the strikes.",
               [("Taliban government", "indirect", "blamed", "Islamabad for the strikes")])
        expect("Afghan officials said the strikes had killed civilians.", [("Afghan officials", "indirect", "said", "the strikes had killed civilians")])
        expect("Islamabad, however, accused the Taliban of failing to prevent attacks.",
               [("Islamabad", "indirect", "accused", "the Taliban of failing to prevent attacks")])
        // “…,” he said, adding that …: the quotation's speaker says the rest.
        expect("Zabihullah Mujahid said the talks had failed. “Our delegation had a clear mandate,” he said, adding that Pakistan had made “unrealistic demands”.",
               [("Zabihullah Mujahid", "indirect", "said", "the talks had failed"), ("Zabihullah Mujahid", "direct", "said", "Our delegation had a clear mandate"),
                ("Zabihullah Mujahid", "mixed", "adding", "Pakistan had made “unrealistic demands”")])
    }

    /// What was said first, its attribution after it: "…, the ministry said in a statement",
    /// "…, said the ministry". An adverbial before the attribution is not what was said.
    @Test func attributionAfterWhatWasSaid() {
        expect("Pakistan and Afghanistan agreed to an immediate ceasefire, Qatar’s foreign ministry said in a statement. “Both sides agreed to a mechanism,” the ministry said.",
               [("Qatar’s foreign ministry", "indirect", "said", "Pakistan and Afghanistan agreed to an immediate ceasefire"),
                ("Qatar’s foreign ministry", "direct", "said", "Both sides agreed to a mechanism")])
        expect("Pakistan will respond to any aggression, Foreign Office spokesperson Shafqat Ali Khan said at the weekly briefing.",
               [("Shafqat Ali Khan", "indirect", "said", "Pakistan will respond to any aggression")])
        expect("The talks, which began on Thursday, ended without agreement, officials said.",
               [("officials", "indirect", "said", "The talks, which began on Thursday, ended without agreement")])
        expect("Kabul will answer any attack, said the ministry.", [("ministry", "indirect", "said", "Kabul will answer any attack")])
        expect("The ceasefire was holding, Asif told reporters on Monday.", [("Asif", "indirect", "told", "The ceasefire was holding")])
        expect("After the talks collapsed, Asif said on Sunday.", [])
        // A quotation that ends the clause before the attribution: the clause was said too (mixed),
        // its quotations inside; not words set off before the quotation, nor a verb of saying's own.
        expect("The two sides have “begun to discuss the security measures,” the ministry said. Goals include reaching “an effective halt” and setting “a timetable for talks,” the ministry added.",
               [("ministry", "mixed", "said", "The two sides have “begun to discuss the security measures,”"),
                ("ministry", "mixed", "added", "Goals include reaching “an effective halt” and setting “a timetable for talks,”")])
        expect("Asked about the talks, “We will not wait forever,” Asif said.", [("Asif", "direct", "said", "We will not wait forever")])
        expect("Asif warned: “We will not wait forever,” the report said.", [("Asif", "direct", "warned", "We will not wait forever")])
        expect("Pakistan link“Talks are over,” Asif said.", [("Asif", "direct", "said", "Talks are over")])
        // Words of a clause after the verb are what was said, not where or when.
        expect("Since the talks collapsed, Asif said on Sunday it would respond.", [("Asif", "indirect", "said", "it would respond")])
    }

    /// A phrase between the subject and its verb: an apposition, a participle, a relative clause.
    /// A title in it is the role; a name in it, after a title, is the speaker.
    @Test func insertedPhrasesBetweenSubjectAndVerb() {
        expect("A senior security official, who spoke on condition of anonymity, said the talks had failed.",
               [("senior security official", "indirect", "said", "the talks had failed")])
        expect("Prime Minister Shehbaz Sharif, speaking at a rally in Lahore, said the country would not bow to pressure.",
               [("Shehbaz Sharif", "indirect", "said", "the country would not bow to pressure")])
        expect("The Inter-Services Public Relations (ISPR), the military’s media wing, said 23 soldiers were killed.",
               [("ISPR", "indirect", "said", "23 soldiers were killed")])
        expect("The minister, Ishaq Dar, said Pakistan wanted peace.", [("Ishaq Dar", "indirect", "said", "Pakistan wanted peace")])
        func roles(_ text: String) -> [String?] { ArticleStatements.find(in: text).map(\.role) }
        #expect(roles("Zabihullah Mujahid, the Taliban chief spokesman, said the talks had failed.") == ["Taliban chief spokesman"])
        #expect(roles("Afghanistan’s acting foreign minister, Amir Khan Muttaqi, told Al Jazeera: “The door to talks is open.”") == ["acting foreign minister"])
        #expect(roles("The minister, Ishaq Dar, said Pakistan wanted peace.") == ["minister"])
        #expect(roles("Speaking to reporters, Ishaq Dar said Pakistan wanted peace.") == [nil], "a participle's phrase is no title")
    }

    /// An age after the name, a question asked, a name after a dash (a pull quote), a quotation
    /// after where it was said; a title after the name is the role.
    @Test func moreWaysOfNamingTheSpeaker() {
        expect("“We will have an open war,” Khawaja Asif, 75, told reporters in Sialkot on Saturday.",
               [("Khawaja Asif", "direct", "told", "We will have an open war")])
        expect("“Why should we trust them again?” asked Khawaja Asif.", [("Khawaja Asif", "direct", "asked", "Why should we trust them again?")])
        expect("“The Islamic Emirate does not allow attacks from its soil” — Zabihullah Mujahid",
               [("Zabihullah Mujahid", "direct", nil, "The Islamic Emirate does not allow attacks from its soil")])
        expect("Zabihullah Mujahid said in a post on X: “We want a peaceful solution.”",
               [("Zabihullah Mujahid", "direct", "said", "We want a peaceful solution.")])
        func roles(_ text: String) -> [String?] { ArticleStatements.find(in: text).map(\.role) }
        #expect(roles("“Both sides are playing to domestic audiences,” said Michael Kugelman, director of the South Asia Institute at the Wilson Center.")
                == ["director of the South Asia Institute at the Wilson Center"])
        #expect(roles("A spokesman for the Pakistani foreign ministry, Tahir Andrabi, said Islamabad would not accept it.")
                == ["spokesman for the Pakistani foreign ministry"])
        // Nothing said after the verb but to whom, where and when: no statement of those words.
        expect("Khawaja Asif told reporters in Sialkot on Saturday.", [])
    }

    /// An attribution inside what was said ("The talks, Asif said, were over"): the sentence is
    /// the statement. "…, Asif said, adding that …": the second clause is his too.
    @Test func anAttributionInsideWhatWasSaid() {
        expect("The talks, Pakistan’s defense minister Khawaja Asif said Tuesday, were over.",
               [("Khawaja Asif", "indirect", "said", "The talks, Pakistan’s defense minister Khawaja Asif said Tuesday, were over")])
        expect("Khawaja Asif said the talks had failed. Pakistan, he said, was ready.",
               [("Khawaja Asif", "indirect", "said", "the talks had failed"), ("Khawaja Asif", "indirect", "said", "Pakistan, he said, was ready")])
        expect("The talks have failed, Khawaja Asif said, adding that Pakistan would respond.",
               [("Khawaja Asif", "indirect", "said", "The talks have failed"), ("Khawaja Asif", "indirect", "adding", "Pakistan would respond")])
        expect("Khawaja Asif said the talks had failed, adding that Pakistan would respond.",
               [("Khawaja Asif", "indirect", "said", "the talks had failed"), ("Khawaja Asif", "indirect", "adding", "Pakistan would respond")])
    }

    /// A title with whose it is ("the Taliban-run government’s spokesman") is someone not named,
    /// not the person last named; "he" may be them, "the minister" is not.
    @Test func aTitleWithWhoseItIs() {
        expect("Khawaja Asif said the talks were over. The Taliban-run government’s spokesman said the accusations were baseless. Pakistan, he said, was hiding its failures. “No more talks,” the minister said.",
               [("Khawaja Asif", "indirect", "said", "the talks were over"),
                ("Taliban-run government’s spokesman", "indirect", "said", "the accusations were baseless"),
                ("Taliban-run government’s spokesman", "indirect", "said", "Pakistan, he said, was hiding its failures"),
                ("Khawaja Asif", "direct", "said", "No more talks")])
    }

    /// Words quoted inside reported speech are part of it, also where the paragraph's speaker
    /// goes on; "according to the defense minister" is the person named with that title.
    @Test func quotedWordsInsideReportedSpeechAreNotStatementsOfTheirOwn() {
        expect("“Right now, negotiations are over,” Khawaja Asif said. He said the delegation arrived “without any programme” and left.",
               [("Khawaja Asif", "direct", "said", "Right now, negotiations are over"),
                ("Khawaja Asif", "mixed", "said", "the delegation arrived “without any programme” and left")])
        expect("Defense Minister Khawaja Asif confirmed the talks had ended. According to the defense minister, the Afghan side wanted verbal assurances.",
               [("Khawaja Asif", "indirect", "confirmed", "the talks had ended"),
                ("Khawaja Asif", "according_to", "according to", "the Afghan side wanted verbal assurances")])
    }

    /// The drafts come in the order of the text, though a sentence's quotations are read first;
    /// "X said … and added: “…”" is X's twice, what was said ending before the second verb.
    @Test func draftsComeInTheOrderOfTheText() {
        expect("Khawaja Asif said the talks had failed and added: “We will respond.”",
               [("Khawaja Asif", "indirect", "said", "the talks had failed"), ("Khawaja Asif", "direct", "added", "We will respond.")])
    }

    /// Names with particles ("Staffan de Mistura"), a verb of saying inside a name ("the United
    /// States said"), "according to a statement by X", a clause of when after an attribution.
    @Test func namesAsWireStoriesWriteThem() {
        expect("U.N. Syria envoy Staffan de Mistura said on Thursday he hoped for a resolution. “It is very urgent,” he told Reuters as he arrived at the United Nations in Geneva.",
               [("Staffan de Mistura", "indirect", "said", "he hoped for a resolution"), ("Staffan de Mistura", "direct", "told", "It is very urgent")])
        expect("The United States said on Monday it was working to extend the agreement.",
               [("United States", "indirect", "said", "it was working to extend the agreement")])
        expect("Guterres welcomed the extension, according to a statement by spokesperson Stephane Dujarric.",
               [("Stephane Dujarric", "according_to", "according to", "Guterres welcomed the extension")])
    }

    /// A verb joined to the sentence's first ("X, in a statement, reacted to … and said that …",
    /// "X warned that …, but assured that …"),
    /// the outlet that reports a speaker's words ("…, according to Tolo News"), a first name alone,
    /// whom a quotation was told to at length.
    @Test func speakersAsAgencyCopyNamesThem() {
        expect("The Islamic Emirate’s spokesperson, Zabihullah Mujahid, in a statement, reacted to the claim and said that Afghan soil is no threat.",
               [("Zabihullah Mujahid", "indirect", "said", "Afghan soil is no threat")])
        // A second verb of saying joined to a first one's words is a statement of its own (it ran on
        // inside the first's words); the subject's name keeps its particle ("de").
        expect("Khawaja Asif warned that any attack would invite a response, but assured that the ceasefire would hold.",
               [("Khawaja Asif", "indirect", "warned", "any attack would invite a response"), ("Khawaja Asif", "indirect", "assured", "the ceasefire would hold")])
        expect("The government rejected the demand outright and said its negotiators would return home.",
               [("government", "indirect", "rejected", "the demand outright"), ("government", "indirect", "said", "its negotiators would return home")])
        expect("U.N. Syria envoy Staffan de Mistura said he hoped for a resolution, but said it would not be easy.",
               [("Staffan de Mistura", "indirect", "said", "he hoped for a resolution"), ("Staffan de Mistura", "indirect", "said", "it would not be easy")])
        expect("Earlier, Abdulhaq Wasiq, a member of the political office, said the strikes broke the Doha agreement, according to Tolo News TV.",
               [("Abdulhaq Wasiq", "indirect", "said", "the strikes broke the Doha agreement")])
        expect("Zabihullah Mujahid said the talks had failed. In an interview, Zabihullah said the strikes had killed civilians.",
               [("Zabihullah Mujahid", "indirect", "said", "the talks had failed"), ("Zabihullah Mujahid", "indirect", "said", "the strikes had killed civilians")])
        expect("Zabihullah Mujahid spoke first. “We condemn such attacks,” Mujahid told CGTN’s guest reporter Zmaryali Abasin in a written response to the strikes.",
               [("Mujahid", "direct", "told", "We condemn such attacks")])
        expect("Zabihullah Mujahid clarified, “The commander is located in Pakistan.”",
               [("Zabihullah Mujahid", "direct", "clarified", "The commander is located in Pakistan.")])
        expect("The Taliban’s statement pointed out that the regions are home to families. A soldier pointed a rifle at the crowd.",
               [("Taliban", "indirect", "pointed", "the regions are home to families")])
    }

    /// Titles of a portfolio ("Minister for Information and Broadcasting", "Secretary of State"),
    /// whose words are no part of the name, and which later sentences refer back to.
    @Test func titlesWithAPortfolio() {
        expect("The cabinet had agreed to a truce with the group, the country's Minister for Information and Broadcasting Ali Rahimi said on Tuesday. The Minister further stated that elders had joined the talks.",
               [("Ali Rahimi", "indirect", "said", "The cabinet had agreed to a truce with the group"),
                ("Ali Rahimi", "indirect", "stated", "elders had joined the talks")])
        expect("Federal Minister of State for Foreign Affairs Sara Malik has said that the envoy would return.",
               [("Sara Malik", "indirect", "said", "the envoy would return")])
        expect("Secretary of State Antony Blinken told reporters in New York the deal was close.",
               [("Antony Blinken", "indirect", "told", "the deal was close")])
        // "and" between two names stays between two people.
        expect("Ali Rahimi and Sara Malik said the envoy would return.", [("Sara Malik", "indirect", "said", "the envoy would return")])
        #expect(ArticleStatements.find(in: "Secretary of State Antony Blinken said the deal was close.").first?.role == "Secretary of State")
    }

    /// An outlet that quotes a speaker is not the speaker: "X quoted Y as saying", "Y was quoted by
    /// X", "the statement reported him as telling Z".
    @Test func whomAnOutletQuotes() {
        expect("Only the truce was on the table, Ariana News quoted Rahimi as saying at a press conference. Earlier, Sara Malik spoke.",
               [("Rahimi", "indirect", "quoted", "Only the truce was on the table")])
        expect("Ali Rahimi said the truce held. “No one can negotiate outside the law,” Rahimi was quoted by state television.",
               [("Ali Rahimi", "indirect", "said", "the truce held"), ("Ali Rahimi", "direct", "quoted", "No one can negotiate outside the law")])
        expect("Ali Rahimi said the truce held. The agency quoted Rahimi as saying that the border would reopen.",
               [("Ali Rahimi", "indirect", "said", "the truce held"), ("Ali Rahimi", "indirect", "quoted", "the border would reopen")])
        expect("President Petro Ivanenko said the talks were the last chance. “Tomorrow is the last chance for a truce,” the statement reported him as telling a visiting minister.",
               [("Petro Ivanenko", "indirect", "said", "the talks were the last chance"), ("Petro Ivanenko", "direct", "reported", "Tomorrow is the last chance for a truce")])
    }

    /// A few words quoted inside what was said are part of it ("said “the last thing” he
    /// wanted …"), not a quotation of their own; "added" with a thing added is no verb of saying.
    @Test func quotedWordsAndAddedThings() {
        expect("Kuleba said “the last thing” he wanted was to end the talks.",
               [("Kuleba", "mixed", "said", "“the last thing” he wanted was to end the talks")])
        expect("Kuleba said: “They want surrender.”", [("Kuleba", "direct", "said", "They want surrender.")])
        expect("Gains by the rebels in east Ukraine have added impetus to the talks.", [])
        expect("Kuleba added the talks would go on.", [("Kuleba", "indirect", "added", "the talks would go on")])
    }

    /// As Kremlin and Kyiv coverage writes: whose a person is before the name ("Ukraine’s Vladimir
    /// Zelensky" was the name), how it was said before a quotation ("replied succinctly: “…”" was
    /// mixed, from "succinctly"), a title and then the name set off after "according to" (the title
    /// was the speaker and the name began what was said), "said this" for the sentence before (was
    /// "this in response …"), "As X said in an interview with Y, …" (where was what was said), "told a
    /// news conference in the Turkish capital Ankara …" (began "conference in …"), a press secretary.
    @Test func talksAsKremlinAndKyivCoverageWritesThem() {
        expect("Ukraine’s Vladimir Zelensky also expressed readiness to talk.",
               [("Vladimir Zelensky", "indirect", "expressed", "readiness to talk")])
        expect("Dmitry Peskov replied succinctly: “We only evaluate Putin’s statements.”",
               [("Dmitry Peskov", "direct", "replied", "We only evaluate Putin’s statements.")])
        expect("According to the US Special Envoy for Ukraine and Russia, Keith Kellogg, Washington is counting on Putin.",
               [("Keith Kellogg", "according_to", "according to", "Washington is counting on Putin")])
        #expect(ArticleStatements.find(in: "According to the US Special Envoy for Ukraine and Russia, Keith Kellogg, Washington is counting on Putin.").first?.role
                == "US Special Envoy for Ukraine and Russia")
        expect("The Russian delegation is in Istanbul this morning. Dmitry Peskov, the press secretary of the President, said this in response to a question from TASS.",
               [("Dmitry Peskov", "indirect", "said", "The Russian delegation is in Istanbul this morning")])
        expect("As Vladimir Putin’s press secretary Dmitry Peskov said in an interview with Rossiya 1 correspondent Pavel Zarubin, the delegation is ready to meet.",
               [("Dmitry Peskov", "indirect", "said", "the delegation is ready to meet")])
        #expect(ArticleStatements.find(in: "As Vladimir Putin’s press secretary Dmitry Peskov said in an interview, the delegation is ready.").first?.role == "press secretary")
        expect("The Ukrainian president Volodymyr Zelenskyy told a news conference in the Turkish capital Ankara the Russian delegation does not include “anyone who makes decisions”.",
               [("Volodymyr Zelenskyy", "mixed", "told", "the Russian delegation does not include “anyone who makes decisions”")])
        // "said so" with a sentence before that is a statement already: not taken again.
        expect("Peskov said the delegation had arrived. Peskov said so in Moscow.", [("Peskov", "indirect", "said", "the delegation had arrived")])
    }

    /// As Cairo talks coverage writes: an outlet named before its noun ("Egypt’s Qahera TV network
    /// reported": no one, and the next "said" was "Egypt's Qahera TV"), a relative clause between a
    /// quotation's speaker and verb (was mixed, with the marks), "asked about …" set off after a
    /// subject (was a statement of "about …"), a first name that is a place after a title ("Israeli
    /// Foreign Minister Israel Katz" is whom "Katz" means).
    @Test func talksAsCairoCoverageWritesThem() {
        expect("Egypt’s Qahera TV network also reported that the talks had been extended, but said they were “facing difficulties”.",
               [("Qahera TV", "indirect", "reported", "the talks had been extended"), ("Qahera TV", "mixed", "said", "they were “facing difficulties”")])
        expect("“There is nothing new in the Cairo talks,” the Hamas official, who asked not to be named, told Reuters.",
               [("Hamas official", "direct", "told", "There is nothing new in the Cairo talks")])
        expect("A senior Israeli official, asked about Naim’s comments, said: “The claim is incorrect.”",
               [("senior Israeli official", "direct", "said", "The claim is incorrect.")])
        expect("Israeli Foreign Minister Israel Katz described the talks as close. Katz stated to Israeli Army Radio, “We have reached a critical point.”",
               [("Israel Katz", "direct", "stated", "We have reached a critical point.")])
        // Words after the quotation before its attribution, with no phrase set off: what was said goes on.
        expect("“Netanyahu doesn’t want to reach an agreement” to press him for a deal, Naim said.",
               [("Naim", "mixed", "said", "“Netanyahu doesn’t want to reach an agreement” to press him for a deal")])
    }

    /// As Yerevan and Baku coverage writes: a title of a body named in full, then the name, before
    /// the verb, after it and after a quotation (was the whole phrase, or "Ministry Aykhan
    /// Hajizada", or no one), "according to her", "…, X said when commenting on …" (the clause of
    /// when was taken for what was said), "concluded" after a quotation but not before a thing.
    @Test func talksAsYerevanAndBakuCoverageWritesThem() {
        expect("Statements of the Azerbaijani FM are not true, said spokeswoman for the Armenian Foreign Ministry Anna Naghdalyan, commenting on the latest statements. According to her, such an approach is destructive.",
               [("Anna Naghdalyan", "indirect", "said", "Statements of the Azerbaijani FM are not true"),
                ("Anna Naghdalyan", "according_to", "according to", "such an approach is destructive")])
        expect("“Azerbaijan is trying to create an imitation of negotiations,” Spokesman for the Armenian Ministry of Foreign Affairs Tigran Balayan said. “Till now all such proposals have been rejected by Baku,” Balayan concluded.",
               [("Tigran Balayan", "direct", "said", "Azerbaijan is trying to create an imitation of negotiations"),
                ("Tigran Balayan", "direct", "concluded", "Till now all such proposals have been rejected by Baku")])
        #expect(ArticleStatements.find(in: "Spokesperson of the Azerbaijani Foreign Ministry Aykhan Hajizada noted that the claims are surprising.").map { [$0.speaker, $0.role] }
                == [["Aykhan Hajizada", "Spokesperson of the Azerbaijani Foreign Ministry"]])
        expect("Armenia again tries to impede the negotiations, Azerbaijani Foreign Ministry Spokesperson Hikmet Hajiyev said when commenting on the meeting.",
               [("Hikmet Hajiyev", "indirect", "said", "Armenia again tries to impede the negotiations")])
        expect("The talks concluded without agreement. Pakistan concluded the deal on Friday.", [])
    }

    /// As Minsk and Lausanne coverage writes: outlets described, not named ("Iranian state media",
    /// "Russian news wires": were lost, or "Iranian", or stayed in what was said); a person
    /// described by whose they are and where ("Kiev’s representative at the talks in Minsk": was
    /// lost); a call of three leaders reported by a body (was the second leader's); "citing" a
    /// source before "that"; a relative clause set off before "later told" (was lost); "he said
    /// without elaboration"; an adverbial clause opening what was said (was lost).
    @Test func ceasefiresAsThaiIndianAndSudaneseCoverageWritesThem() {
        // A document by whom it was issued; a title alone that a later "he" means.
        expect("A statement issued by the FO spokesperson in response to media queries said that Pakistan remained committed to the ceasefire. The spokesperson said that any issues should be addressed through communication. “The troops on ground should also exercise restraint,” he added.",
               [("FO spokesperson", "indirect", "said", "Pakistan remained committed to the ceasefire"),
                ("FO spokesperson", "indirect", "said", "any issues should be addressed through communication"),
                ("FO spokesperson", "direct", "added", "The troops on ground should also exercise restraint")])
        // A quotation ending with its own "!" before its speaker and verb; "expressed in a post".
        expect("“Thank you for your attention to this matter!” Trump posted on Truth Social. S Jaishankar said the talks were over. “Today, India and Pakistan have reached an understanding,” he expressed in a post on X.",
               [("Trump", "direct", "posted", "Thank you for your attention to this matter!"), ("S Jaishankar", "indirect", "said", "the talks were over"),
                ("S Jaishankar", "direct", "expressed", "Today, India and Pakistan have reached an understanding")])
        // A quotation over several paragraphs whose speaker is named in the last.
        expect("Foreign Minister Mohamad Hasan said talks would be held soon.\n\n“If possible, to be held in Malaysia because they have lost trust in each other.\n\n“They have contacted us. Cambodia has requested the talks.\n\n“We regret the matter,” he said.",
               [("Mohamad Hasan", "indirect", "said", "talks would be held soon"),
                ("Mohamad Hasan", "direct", nil, "If possible, to be held in Malaysia because they have lost trust in each other."),
                ("Mohamad Hasan", "direct", nil, "They have contacted us. Cambodia has requested the talks."),
                ("Mohamad Hasan", "direct", "said", "We regret the matter")])
        // A view expressed ("expressed skepticism"): its speaker is whom a later "he" means.
        expect("Hun Manet stated that the goal was a ceasefire. However, Phumtham expressed skepticism about Cambodia’s intentions. “We do not believe Cambodia is acting in good faith,” he told reporters in Bangkok.",
               [("Hun Manet", "indirect", "stated", "the goal was a ceasefire"), ("Phumtham", "indirect", "expressed", "skepticism about Cambodia’s intentions"),
                ("Phumtham", "direct", "told", "We do not believe Cambodia is acting in good faith")])
        // Where and to whom before what was said.
        expect("Saudi foreign minister Faisal bin Farhan said in a tweet he hoped both sides would engage in dialogue.",
               [("Faisal bin Farhan", "indirect", "said", "he hoped both sides would engage in dialogue")])
        expect("Trump posted on Truth Social on Saturday (Sunday in most of Southeast Asia) that he would not move forward with trade agreements.",
               [("Trump", "indirect", "posted", "he would not move forward with trade agreements")])
        expect("Foreign Secretary Vikram Misri informed the press that the Pakistani commander reached out to his counterpart.",
               [("Vikram Misri", "indirect", "informed", "the Pakistani commander reached out to his counterpart")])
        // A rank before a name of a body; a body whose a title is; the speaker after what was said,
        // then a clause of when; a clause after "said on Sunday" that ends with a quotation.
        expect("Colonel Sofiya Qureshi of the Indian Army said, “Pakistan's target was India's military infrastructure.”",
               [("Sofiya Qureshi", "direct", "said", "Pakistan's target was India's military infrastructure.")])
        expect("The leaders are to meet in Malaysia for talks, the Thai prime minister’s office said today.",
               [("Thai prime minister’s office", "indirect", "said", "The leaders are to meet in Malaysia for talks")])
        expect("India and Pakistan have come to an agreement, stated External Affairs Minister S Jaishankar on Saturday, while emphasizing India’s approach towards terrorism.",
               [("S Jaishankar", "indirect", "stated", "India and Pakistan have come to an agreement")])
        expect("The Cambodian prime minister said on Sunday his country agreed to pursue an “immediate and unconditional ceasefire.”",
               [("Cambodian prime minister", "mixed", "said", "his country agreed to pursue an “immediate and unconditional ceasefire.”")])
        // Two countries that open the clause speak as one; "they" then means both.
        expect("India and Pakistan on Saturday announced a sudden truce. Thailand and Cambodia said they would meet on Monday. They said the talks would be held in Malaysia.",
               [("India and Pakistan", "indirect", "announced", "a sudden truce"), ("Thailand and Cambodia", "indirect", "said", "they would meet on Monday"),
                ("Thailand and Cambodia", "indirect", "said", "the talks would be held in Malaysia")])
        // Yerevan, Baku and Doha coverage: a title given in a sentence that quotes no one is whom
        // "the Prime Minister" means; a quotation alone after someone's reported words is theirs;
        // a document released by those described; heads of state are a group.
        expect("Armenian Prime Minister Nikol Pashinyan regretted that he will not sign a peace agreement in Spain.\n\nHowever, the Prime Minister also emphasized that the peace agenda is Armenia’s priority.\n\n“We want to sign a peace agreement as soon as possible.”",
               [("Nikol Pashinyan", "indirect", "regretted", "he will not sign a peace agreement in Spain"),
                ("Nikol Pashinyan", "indirect", "emphasized", "the peace agenda is Armenia’s priority"),
                ("Nikol Pashinyan", "direct", nil, "We want to sign a peace agreement as soon as possible.")])
        expect("“The heads of state reaffirmed the commitment of all parties to a ceasefire,” a statement released by the three countries said. The army warned of retaliation, a statement released by the military on Sunday said.",
               [("three countries", "direct", "said", "The heads of state reaffirmed the commitment of all parties to a ceasefire"),
                ("army", "indirect", "warned", "of retaliation")])
        expect("The heads of state said the talks were over. In a joint statement Congo and Rwanda reaffirmed their commitment to a ceasefire.",
               [("heads of state", "indirect", "said", "the talks were over"), ("Congo and Rwanda", "indirect", "reaffirmed", "their commitment to a ceasefire")])
        // Parties of several words, and lists of three, speak as one too; the participle after
        // their document is theirs; a place set off by a comma before them is no party.
        expect("The United States and Saudi Arabia announced on Saturday that the two sides had agreed to a week-long ceasefire. Egypt, Qatar and the United States said in a joint statement that talks would resume.",
               [("United States and Saudi Arabia", "indirect", "announced", "the two sides had agreed to a week-long ceasefire"),
                ("Egypt, Qatar and United States", "indirect", "said", "talks would resume")])
        // South Sudan and Darfur coverage: a title that names a body at length, then the name set
        // off; where a quotation was added, at length; "was quoted by" an outlet "as saying".
        expect("The chief mediator for the Inter-governmental Authority on Development (IGAD), Seyoum Mesfin, said on Saturday that the warring factions have agreed to a ceasefire.\n\n“The parties commit to an end to all hostilities,” Mesfin added on the sidelines of the 28th Extraordinary Summit of the IGAD Head of State and Government in Addis Ababa.",
               [("Seyoum Mesfin", "indirect", "said", "the warring factions have agreed to a ceasefire"),
                ("Seyoum Mesfin", "direct", "added", "The parties commit to an end to all hostilities")])
        expect("Spokesman Al-Tigani Salih Fidhail was quoted by Al Anbaa daily as saying the government had not been notified.",
               [("Al-Tigani Salih Fidhail", "indirect", "quoted", "the government had not been notified")])
        // Iranian coverage: "the Iranian minister" is the minister named with that nationality; a
        // participle after a meeting "with" someone is the sentence's subject's, described.
        expect("Iranian Foreign Minister Mohammad Javad Zarif said the talks were good.\n\n“I’m satisfied with this first step,” the Iranian minister said.\n\nThe Iranian top diplomat also pointed to his meeting with US Secretary of State John Kerry after the talks, saying they have agreed to meet again.",
               [("Mohammad Javad Zarif", "indirect", "said", "the talks were good"), ("Mohammad Javad Zarif", "direct", "said", "I’m satisfied with this first step"),
                ("Iranian top diplomat", "indirect", "saying", "they have agreed to meet again")])
        // When, then what was said without "that": an article after the day opens it.
        expect("Iran said on Monday the talks went well. Tehran said Monday the next round would be held next week. “We will go,” he said on the sidelines of the summit.",
               [("Iran", "indirect", "said", "the talks went well"), ("Tehran", "indirect", "said", "the next round would be held next week"),
                ("unknown", "direct", "said", "We will go")])
        // An outlet quoting those it describes "as saying", and a quotation after "as saying:" once,
        // theirs (it was also given to the outlet).
        expect("The New York Times quoted unnamed U.S. administration officials on Saturday as saying that secret exchanges had resulted in an agreement. ISNA quoted an unnamed Iranian diplomat as saying: \"The American envoy had requested to meet with Saeed Jalili.\"",
               [("unnamed U.S. administration officials", "indirect", "quoted", "secret exchanges had resulted in an agreement"),
                ("unnamed Iranian diplomat", "direct", "saying", "The American envoy had requested to meet with Saeed Jalili.")])
        // Chinese briefings as Xinhua reports them: a state's stance inside the sentence is what the
        // spokesperson who ends it said; a speech verb inside keeps its own statement.
        expect("China expresses deep concern over the current escalation, the spokesperson said. China maintains contact on this issue with other members, Geng Shuang added. The army warned of retaliation, officials said.",
               [("spokesperson", "indirect", "said", "China expresses deep concern over the current escalation"),
                ("Geng Shuang", "indirect", "added", "China maintains contact on this issue with other members"),
                ("army", "indirect", "warned", "of retaliation")])
        // A sentence opening "Having …" names no one by that word.
        expect("Having pointed out that the ceasefire was initiated by Russia and the US, the envoy said that casualties were close to zero.",
               [("envoy", "indirect", "said", "casualties were close to zero")])
        // Afghan and Pakistani coverage of the Istanbul talks: a person named before by one word,
        // after a phrase that opens the sentence, is whom "he" means next; the statement "In a
        // statement on X, the Ministry of Information said" is the ministry's (a body by its noun
        // before "of"), which "the statement" means next.
        expect("Mujahid claimed that the groups were creating pretexts. Earlier, Defence Minister Khawaja Asif said the talks had reached a deadlock.\n\nBefore the press conference, Mujahid had already confirmed the failure of the talks. In a post on X earlier on Saturday, he wrote that the negotiations produced no results.\n\nIn a statement on X, the Ministry of Information said Pakistan had demanded arrests. “Islamabad proposed their handover,” the statement clarified.",
               [("Mujahid", "indirect", "claimed", "the groups were creating pretexts"), ("Khawaja Asif", "indirect", "said", "the talks had reached a deadlock"),
                ("Mujahid", "indirect", "wrote", "the negotiations produced no results"),
                ("Ministry of Information", "indirect", "said", "Pakistan had demanded arrests"),
                ("Ministry of Information", "direct", "clarified", "Islamabad proposed their handover")])
        // Pakistani Foreign Office briefings: where between the name and its verb; "continued" right
        // before a quotation.
        expect("Foreign Office spokesperson, Dr Muhammad Faisal during his weekly presser said, “Khalilzad assured him of cooperation.” Dr Faisal continued, “The letter highlighted the fact that Afghanistan is an important issue.”",
               [("Muhammad Faisal", "direct", "said", "Khalilzad assured him of cooperation."),
                ("Muhammad Faisal", "direct", "continued", "The letter highlighted the fact that Afghanistan is an important issue.")])
        // A body in lower case by its portfolio (Times of India coverage of the border clashes).
        expect("According to Afghanistan’s ministry of defence, the operations concluded by midnight. The ministry of foreign affairs said the talks failed. The US Department of State said it had no comment.",
               [("Afghanistan’s ministry of defence", "according_to", "according to", "the operations concluded by midnight"),
                ("ministry of foreign affairs", "indirect", "said", "the talks failed"), ("US Department of State", "indirect", "said", "it had no comment")])
        // A body by its letters is whom "it" means next, and no person "he" may mean.
        expect("A statement issued by the military’s media wing said terrorists opened fire. Inter-Services Public Relations (ISPR) said Pakistan Army troops responded. “Terrorists suffered heavy casualties,” it added.",
               [("military’s media wing", "indirect", "said", "terrorists opened fire"), ("ISPR", "indirect", "said", "Pakistan Army troops responded"),
                ("ISPR", "direct", "added", "Terrorists suffered heavy casualties")])
        // Gaza ceasefire coverage: an outlet after whose it is and what kind; a figure of a movement;
        // a body that is a service, after "according to" opens the sentence.
        expect("Mediators have conveyed a new proposal to Hamas, according to Egypt’s state-linked Al Qahera News TV on Monday. However, a senior Hamas figure said two aspects of the offer are unacceptable.\n\nAccording to Al Qahera, the head of Egypt’s state information service said, “Hamas knows very well the value of time now.”",
               [("Al Qahera News TV", "according_to", "according to", "Mediators have conveyed a new proposal to Hamas"),
                ("senior Hamas figure", "indirect", "said", "two aspects of the offer are unacceptable"),
                ("head of Egypt’s state information service", "direct", "said", "Hamas knows very well the value of time now.")])
        // A relative clause not set off ends the subject at its noun (FARC coverage).
        expect("In a press release, the rebel delegation that has been formally negotiating peace with the government since Monday, said they have been in full compliance of their own truce. Sources that spoke to Reuters said the talks failed.",
               [("rebel delegation", "indirect", "said", "they have been in full compliance of their own truce"),
                ("sources", "indirect", "said", "the talks failed")])
        // "insisted on …": what it is about is what was said, and a "that" in it a relative.
        expect("Opposition spokesman Louay Safi again insisted on discussion of a transitional government that does not include President Bashar al-Assad. The minister commented on the talks that they were useful.",
               [("Louay Safi", "indirect", "insisted", "discussion of a transitional government that does not include President Bashar al-Assad"),
                ("minister", "indirect", "commented", "they were useful")])
        expect("Colombia and the National Liberation Army released a joint statement saying the ceasefire would be extended. In Doha, Qatar and Ecuador announced that the talks would continue.",
               [("Colombia and National Liberation Army", "indirect", "saying", "the ceasefire would be extended"),
                ("Qatar and Ecuador", "indirect", "announced", "the talks would continue")])
        // Gaza talks coverage: a statement by a group, which "the statement" means after; a plural's
        // possessive; the speaker after words with commas of their own; "according to" in an
        // opening clause; an outlet is no "he".
        expect("A statement by the Palestinian group on Thursday said a delegation would visit Egypt. The statement added that Haniyeh had affirmed the group's position. Hamas' statement added that the negotiations aim to “mature a deal.”",
               [("Palestinian group", "indirect", "said", "a delegation would visit Egypt"),
                ("Palestinian group", "indirect", "added", "Haniyeh had affirmed the group's position"),
                ("Hamas", "mixed", "added", "the negotiations aim to “mature a deal.”")])
        expect("In a separate statement, Hamas insisted it maintained a positive approach. The statement mentioned that its key demands include a complete end to the fighting.",
               [("Hamas", "indirect", "insisted", "it maintained a positive approach"), ("Hamas", "indirect", "mentioned", "its key demands include a complete end to the fighting")])
        expect("We discussed our proposal with them (the Egyptians), and we will wait until they return from Paris, said the Hamas official.",
               [("Hamas official", "indirect", "said", "We discussed our proposal with them (the Egyptians), and we will wait until they return from Paris")])
        expect("Earlier, at around the same time the delegation was meeting mediators according to a Hamas source, Israeli Prime Minister Benjamin Netanyahu said surrendering would amount to defeat.",
               [("Benjamin Netanyahu", "indirect", "said", "surrendering would amount to defeat")])
        expect("Saudi broadcaster Al Arabiya reported that Egypt received the demands. “We will not stop the war,” he said.",
               [("Al Arabiya", "indirect", "reported", "Egypt received the demands"), ("unknown", "direct", "said", "We will not stop the war")])
        // Paris climate talks coverage: a participle's subject after "with"; whom it was told to
        // after "the"; a long title set off before the verb; a person from a place; a phrase set off
        // before "that".
        expect("Negotiators are within reach of a deal, with the French foreign minister, Laurent Fabius, saying the meeting was close to the finishing line.",
               [("Laurent Fabius", "indirect", "saying", "the meeting was close to the finishing line")])
        expect("Talks appeared to make progress late Friday, with some negotiators telling the Associated Press a deal was close.",
               [("negotiators", "indirect", "telling", "a deal was close")])
        expect("“We are pretty much there,” Egyptian Environment Minister Khaled Fahmy, the chairman of a bloc of African countries, told the AP late Friday.",
               [("Khaled Fahmy", "direct", "told", "We are pretty much there")])
        expect("Ahmed Djoghlaf, an Algerian diplomat, and Dan Reifsnyder from the US told Climate Home they were committed to the work.",
               [("Dan Reifsnyder", "indirect", "told", "they were committed to the work")])
        expect("Tim Gore said the text had improved. He notes, with a raised eyebrow, that human rights have been purged from the text.",
               [("Tim Gore", "indirect", "said", "the text had improved"), ("Tim Gore", "indirect", "notes", "human rights have been purged from the text")])
        // Security Council coverage: the subject of words quoted at a sentence's start is nobody the
        // sentence is about ("the international envoy" was the United Nations).
        expect("“The ceasefire is still very fragile,” Wencesland said.\n\n“The United Nations is working closely with all parties,” he added.\n\n“I urge all parties to refrain from unilateral steps,” the international envoy said.",
               [("Wencesland", "direct", "said", "The ceasefire is still very fragile"), ("Wencesland", "direct", "added", "The United Nations is working closely with all parties"),
                ("Wencesland", "direct", "said", "I urge all parties to refrain from unilateral steps")])
        // Istanbul talks coverage: a sentence that opens with "according to X" and goes on with its
        // own speaker and verb is that speaker's; a name after an opening phrase, then a relative
        // clause; the parties; a speaker after a dash at a paragraph's end; a page's label.
        expect("According to Russian diplomatic sources, Presidential Aide Vladimir Medinsky said the swap would take place soon.",
               [("Vladimir Medinsky", "indirect", "said", "the swap would take place soon")])
        expect("In a post on X, Turkish Foreign Minister Hakan Fidan, who chaired the negotiation, noted that the meeting produced several outcomes. The parties stated that they had reached agreements.",
               [("Hakan Fidan", "indirect", "noted", "the meeting produced several outcomes"), ("parties", "indirect", "stated", "they had reached agreements")])
        expect("We are preparing a meeting of the leaders. First, we need to exchange prisoners - Umerov said.\n\nIn general, we are satisfied with the result – said Medinsky.\n\nQuote from Medinsky: “In the coming days, a large exchange of prisoners will take place.”",
               [("Umerov", "direct", "said", "We are preparing a meeting of the leaders. First, we need to exchange prisoners"),
                ("Medinsky", "direct", "said", "In general, we are satisfied with the result"),
                ("Medinsky", "direct", nil, "In the coming days, a large exchange of prisoners will take place.")])
        // A title set off before the name, in a sentence that quotes no one: a later surname is theirs.
        expect("The political chief of Hamas, Ismail Haniyeh, countered by accusing Netanyahu of sabotage. Haniyeh said Hamas remained eager to reach an agreement.",
               [("Ismail Haniyeh", "indirect", "said", "Hamas remained eager to reach an agreement")])
        // Whom it was told to, by whose they are.
        expect("Asif told his aides the talks had failed. Asif told his cabinet Israel would not stop.",
               [("Asif", "indirect", "told", "the talks had failed"), ("Asif", "indirect", "told", "Israel would not stop")])
        // A line linking to another story is that story's headline, nobody's statement.
        expect("Read more: Pakistan says talks with Taliban “over”\n\n“There is no next round,” Khawaja Asif told Geo News.\n\nAlso read: Kabul says Islamabad is to blame",
               [("Khawaja Asif", "direct", "told", "There is no next round")])
        // Left from the Minsk coverage: whose by "of", then where; a group described after the verb.
        expect("The talks ended without a deal, the representative of Kiev at the talks said. The talks had failed, said officials from both countries.",
               [("representative of Kiev at the talks", "indirect", "said", "The talks ended without a deal"),
                ("officials from both countries", "indirect", "said", "The talks had failed")])
        // A participle opening the sentence with a thing, not a clause, is what it is about.
        expect("Confirming the ceasefire from Islamabad, Pakistan's Foreign Minister Ishaq Dar said, “Pakistan and India have agreed to a ceasefire.” Announcing the truce, Foreign Secretary Vikram Misri said that the commanders had spoken.",
               [("Ishaq Dar", "direct", "said", "Pakistan and India have agreed to a ceasefire."),
                ("Vikram Misri", "indirect", "said", "the commanders had spoken")])
        // Straight single quotation marks; apostrophes are none.
        expect("'We want this conflict to end as soon as possible,' Rubio said in statement released late on Sunday in the US and early Monday in Asia.",
               [("Rubio", "direct", "said", "We want this conflict to end as soon as possible")])
        expect("The minister's aides said the talks' outcome was 'a disappointment'.",
               [("aides", "mixed", "said", "the talks' outcome was 'a disappointment'")])
    }

    @Test func talksAsMinskAndLausanneCoverageWritesThem() {
        expect("The talks were over, Iranian state media reported. The talks had failed, Afghan media said. No date was set, the official IRNA news agency reported.",
               [("Iranian state media", "indirect", "reported", "The talks were over"), ("Afghan media", "indirect", "said", "The talks had failed"),
                ("official IRNA news agency", "indirect", "reported", "No date was set")])
        expect("Denis Pushilin said rebel leaders would only sign a deal if Kiev halts fire first, Russian news wires reported.",
               [("Denis Pushilin", "indirect", "said", "rebel leaders would only sign a deal if Kiev halts fire first")])
        expect("Peace talks ended without a deal Saturday, Kiev’s representative at the talks in Minsk said.",
               [("Kiev’s representative at the talks in Minsk", "indirect", "said", "Peace talks ended without a deal Saturday")])
        expect("The talks ended without a deal, an official at the ministry said.",
               [("official at the ministry", "indirect", "said", "The talks ended without a deal")])
        expect("Russian President Vladimir Putin, French President Francois Hollande and German Chancellor Angela Merkel held a call, urging the factions to agree a ceasefire, the Kremlin said.",
               [("Kremlin", "indirect", "said", "Russian President Vladimir Putin, French President Francois Hollande and German Chancellor Angela Merkel held a call, urging the factions to agree a ceasefire")])
        expect("The Egyptian news channel reported earlier on Monday, citing a senior Egyptian source, that the talks had made progress.",
               [("Egyptian news channel", "indirect", "reported", "the talks had made progress")])
        expect("IRNA reported, citing officials, that the talks were over. The talks were over, Reuters reported, quoting officials.",
               [("IRNA", "indirect", "reported", "the talks were over"), ("Reuters", "indirect", "reported", "The talks were over")])
        expect("Russian Foreign Minister Sergei Lavrov arrived. Lavrov, who had said he had “no special expectations” for the meeting, later told Russian news agencies that contacts would continue. The parties had discussed several “interesting ideas”, he said without elaboration.",
               [("Sergei Lavrov", "indirect", "told", "contacts would continue"), ("Sergei Lavrov", "mixed", "said", "The parties had discussed several “interesting ideas”")])
        // Geneva and Macolin coverage of the Yemen talks: a title with whose it is; delegates.
        expect("Yemen’s foreign minister accused the Houthi movement of trying to sabotage the talks. The Houthis would not resume talks, government delegates told the AP.",
               [("Yemen’s foreign minister", "indirect", "accused", "the Houthi movement of trying to sabotage the talks"),
                ("government delegates", "indirect", "told", "The Houthis would not resume talks")])
        expect("Yemeni peace talks were halted on Friday, members of Yemen’s two warring sides told The Associated Press. Members of the delegation said the talks had failed.",
               [("members of Yemen’s two warring sides", "indirect", "told", "Yemeni peace talks were halted on Friday"),
                ("Members of the delegation", "indirect", "said", "the talks had failed")])
        expect("The Houthis said they would not resume talks unless the UN condemned the breaches, the delegates said.",
               [("Houthis", "indirect", "said", "they would not resume talks unless the UN condemned the breaches")])
        // Tigray coverage: a mediator by whose they are after "the"; "said a statement by X"; a
        // second verb joined after an earlier quotation.
        expect("The parties have agreed on a “permanent cessation of hostilities”, the African Union mediator said, a week after talks began.",
               [("African Union mediator", "mixed", "said", "The parties have agreed on a “permanent cessation of hostilities”")])
        expect("“The government of Tigray is prepared to participate in a peace process,” said a statement by the Tigrayan authorities.",
               [("Tigrayan authorities", "direct", "said", "The government of Tigray is prepared to participate in a peace process")])
        expect("AU Commission chief Moussa Faki Mahamat issued a statement welcoming it as a “unique opportunity” and urged “both parties to work towards a ceasefire.”",
               [("Moussa Faki Mahamat", "direct", "urged", "both parties to work towards a ceasefire.")])
        // Libya talks coverage: a month's abbreviation before its day is no sentence's end; a person
        // of a body; a second attribution joined by "and"; a mission is a body; a relative clause
        // after whom it was told to is not what was said.
        expect("Prime Minister Fayez al-Sarraj of the GNA said on Feb. 19 talk about peace has been overtaken by events. “There must be a strong signal from all players,” he told reporters at Tripoli's sea port which got shelled on Feb. 18.",
               [("Fayez al-Sarraj", "indirect", "said", "talk about peace has been overtaken by events"),
                ("Fayez al-Sarraj", "direct", "told", "There must be a strong signal from all players")])
        expect("The envoy was trying to convince the delegation to stay, a source close to the talks said and the United Nations confirmed. In a separate statement, the U.N. mission said it was “expressing its strong condemnation of the bombing”.",
               [("source close to the talks", "indirect", "said", "The envoy was trying to convince the delegation to stay"),
                ("U.N. mission", "mixed", "said", "it was “expressing its strong condemnation of the bombing”")])
        expect("Since the breakdown of cooperation, officials have worked on ideas, and the regional format could be the basis of a new process, the US official said. After the talks collapsed, Asif said.",
               [("US official", "indirect", "said", "Since the breakdown of cooperation, officials have worked on ideas, and the regional format could be the basis of a new process")])
    }

    /// "A senior U.S. administration official" is someone not named (not the name last met); a
    /// name of one word with a title ("President Obama") is a person "he" and "the president" mean;
    /// words quoted inside narration are no statement; "did say that" is reported speech.
    @Test func peopleAsWashingtonCopyNamesThem() {
        expect("The United States warned on Wednesday that it could widen the list. A senior U.S. administration official told reporters on a conference call that the measures were designed to limit the risk.",
               [("United States", "indirect", "warned", "it could widen the list"),
                ("senior U.S. administration official", "indirect", "told", "the measures were designed to limit the risk")])
        expect("“We stand ready to act,” President Obama said. “Provocations achieve nothing,” he said. The president reiterated that the vote was not recognised.",
               [("Obama", "direct", "said", "We stand ready to act"), ("Obama", "direct", "said", "Provocations achieve nothing"),
                ("Obama", "indirect", "reiterated", "the vote was not recognised")])
        expect("The president froze the assets of seven officials “responsible for undermining the government” in a move against his circle.", [])
        expect("Earlier, Russian PM Dmitry Medvedev warned that new measures would mean war. PM Medvedev said Russia would retaliate.",
               [("Dmitry Medvedev", "indirect", "warned", "new measures would mean war"), ("Dmitry Medvedev", "indirect", "said", "Russia would retaliate")])
        expect("Boris Johnson denied that checks were planned. But he did say that checks would be needed.",
               [("Boris Johnson", "indirect", "denied", "checks were planned"), ("Boris Johnson", "indirect", "say", "checks would be needed")])
    }

    /// As UN coverage writes it: what someone "described as" or "called" in quotation marks is
    /// theirs; a participle's subject stands before an earlier quotation of the sentence; a name
    /// of one word beside its verb is a person "he" means later (a country is not); a body's
    /// letters before a name are whose the person is; "a UN source" is someone not named.
    @Test func quotationsAsUNCoverageWritesThem() {
        expect("UN Secretary-General Lena Varga described the situation as the “cruelest phase of the war”, warning that “families are being starved”.",
               [("Lena Varga", "direct", "described", "cruelest phase of the war"), ("Lena Varga", "direct", "warning", "families are being starved")])
        expect("Varga said the offensive was widening. “The big picture is grim”, he added.",
               [("Varga", "indirect", "said", "the offensive was widening"), ("Varga", "direct", "added", "The big picture is grim")])
        expect("Pakistan said the border was shut. “It will reopen,” he said.",
               [("Pakistan", "indirect", "said", "the border was shut"), ("unknown", "direct", "said", "It will reopen")])
        expect("Israel's ambassador to the UN Gilad Arad accused the council of bias.",
               [("Gilad Arad", "indirect", "accused", "the council of bias")])
        expect("The U.S. Central Command said the strike hit a vehicle.", [("U.S. Central Command", "indirect", "said", "the strike hit a vehicle")])
        expect("In response, Israeli Ministry of Foreign Affairs spokesperson Oren Levi rejected the remarks, insisting that there is “no shortage of aid.”",
               [("Oren Levi", "indirect", "rejected", "the remarks"), ("Oren Levi", "mixed", "insisting", "there is “no shortage of aid.”")])
        expect("According to a UN source cited by AFP, the plans included limits on fuel.",
               [("UN source", "according_to", "according to", "the plans included limits on fuel")])
    }

    /// As conflict reporting writes it: a date after the attribution ("the army said on May 4"),
    /// a statement by whose it is ("An army statement said", "the statement added"), a body
    /// described ("the army’s media wing"), someone described by what they speak for ("A spokesman
    /// for the group"), a phrase of how it was said between name and verb ("… in a telephone call
    /// to AFP claimed"), "last month".
    @Test func claimsAsConflictReportingWritesThem() {
        expect("Militants killed six soldiers in an exchange of fire, the army said on May 4. An army statement said three militants were killed. The statement said two were injured.",
               [("army", "indirect", "said", "Militants killed six soldiers in an exchange of fire"),
                ("army", "indirect", "said", "three militants were killed"), ("army", "indirect", "said", "two were injured")])
        expect("“Four terrorists were sent to hell,” the army’s media wing said.",
               [("army’s media wing", "direct", "said", "Four terrorists were sent to hell")])
        expect("A spokesman for the group claimed the death toll is much higher.",
               [("spokesman for the group", "indirect", "claimed", "the death toll is much higher")])
        expect("Taliban spokesman Ehsanullah Ehsan in a telephone call to AFP claimed responsibility for the raid, saying 12 soldiers were killed.",
               [("Ehsanullah Ehsan", "indirect", "claimed", "responsibility for the raid"), ("Ehsanullah Ehsan", "indirect", "saying", "12 soldiers were killed")])
        expect("Military spokesman General Ahmad Chaudhry last month told a news conference that 157 militants were killed.",
               [("Ahmad Chaudhry", "indirect", "told", "157 militants were killed")])
    }

    /// As Afghan and Indian outlets relay the Taliban's spokesman: a date in brackets after the
    /// subject, "as quoted by", an outlet described before its name with "quoting", "according to"
    /// inside what was said, a title "in" a place, a verb inside what was said.
    @Test func claimsAsOutletsRelayThem() {
        expect("The Taliban on Sunday (12 October) accused Pakistan of sheltering fighters.",
               [("Taliban", "indirect", "accused", "Pakistan of sheltering fighters")])
        expect("Addressing a press conference, Mujahid said, as quoted by Tolo News, “Afghanistan has the right to defend its borders.”",
               [("Mujahid", "direct", "said", "Afghanistan has the right to defend its borders.")])
        expect("Pakistan closed its main border crossings on Sunday, news agency Reuters reported, quoting officials.",
               [("Reuters", "indirect", "reported", "Pakistan closed its main border crossings on Sunday")])
        expect("Afghan troops captured three posts, Kabul based news outlet Hurriyat Radio reported.",
               [("Hurriyat Radio", "indirect", "reported", "Afghan troops captured three posts")])
        expect("In retaliation, Afghan forces, according to the Taliban spokesman, targeted several posts.",
               [("Taliban spokesman", "according_to", "according to", "In retaliation, Afghan forces, according to the Taliban spokesman, targeted several posts")])
        #expect(ArticleStatements.find(in: "Zabihullah Mujahid, spokesperson for the Taliban government in Afghanistan, announced that the clashes ended.").first?.role
                == "spokesperson for the Taliban government in Afghanistan")
        expect("Mujahid said governments knew that ISIS maintained havens in the region, adding that attacks were the group’s work.",
               [("Mujahid", "indirect", "said", "governments knew that ISIS maintained havens in the region"),
                ("Mujahid", "indirect", "adding", "attacks were the group’s work")])
    }

    /// As a foreign ministry's words are relayed: whom a title is for after "according to the
    /// spokesperson", a quotation after "stated in a press release that", a body's title before a name.
    @Test func aMinistrysWordsRelayed() {
        expect("Iran condemned the strikes, according to the spokesperson for the Iranian Foreign Ministry.",
               [("spokesperson for the Iranian Foreign Ministry", "according_to", "according to", "Iran condemned the strikes")])
        expect("The spokesperson, Nasser Kanaani, stated in a press release that “the attack is another strategic mistake.”",
               [("Nasser Kanaani", "direct", "stated", "the attack is another strategic mistake.")])
        #expect(ArticleStatements.find(in: "The Iranian foreign ministry spokesperson Nasser Kanaani said the strikes were a mistake.").first?.role
                == "Iranian foreign ministry spokesperson")
    }

    /// As a lobby briefing is written up: the letters in brackets after a title stand for it, and
    /// later for the same speaker; a verb of saying in the passive ("was asked") is no one's words.
    @Test func aBriefingWrittenUp() {
        expect("Asked about the talks, the Prime Minister’s Spokesman (PMS) said that there had been no calls. Asked again, the PMS said the position was clear. He added that when the PM was asked about it he answered.",
               [("Prime Minister’s Spokesman", "indirect", "said", "there had been no calls"),
                ("Prime Minister’s Spokesman", "indirect", "said", "the position was clear"),
                ("Prime Minister’s Spokesman", "indirect", "added", "when the PM was asked about it he answered")])
        expect("The minister was told that the border had closed.", [])
        // The progressive is the subject's own words.
        expect("Experts were saying, “The talks are over.”", [("experts", "direct", "saying", "The talks are over.")])
    }

    /// A participle's subject is the name the sentence opens with ("But Johnson refused …,
    /// stating: “…”"), not a place after a preposition nor a word capitalized for opening it; a verb of saying written with a capital
    /// inside a sentence is a heading's word ("Ceasefire Holds, with a Warning: …").
    @Test func theSubjectASentenceOpensWith() {
        expect("Boris Johnson has refused to explain the row, declaring that it would be unfair on his family. But Johnson refused again, stating: “I do not talk about my family.”",
               [("Boris Johnson", "indirect", "declaring", "it would be unfair on his family"), ("Boris Johnson", "direct", "stating", "I do not talk about my family.")])
        expect("In Kabul, crowds gathered, saying the strikes had killed civilians.", [])
        // A word capitalized only for opening the sentence, and not named before, is no one.
        expect("Peace talks collapsed after four hours, with envoys angrily accusing each other of sabotage.", [])
        expect("Pakistan walked out of the talks on Friday, accusing Kabul of sabotage.",
               [("Pakistan", "indirect", "accusing", "Kabul of sabotage")])
        expect("Saying that he enjoyed “a good feud”, Piers Morgan also called for action.",
               [("Piers Morgan", "mixed", "saying", "he enjoyed “a good feud”")])
        expect("Khawaja Asif spoke on Friday. Ceasefire Holds, with a Warning: The Defence Minister cautioned that Pakistan would respond.",
               [("Defence Minister", "indirect", "cautioned", "Pakistan would respond")])
    }

    /// Two clauses each with its speaker are two statements; a report inside what was said is not.
    @Test func aSentenceOfTwoSpeakers() {
        expect("The army said 12 militants were killed, while the Taliban claimed to have killed 58 soldiers.",
               [("army", "indirect", "said", "12 militants were killed"), ("Taliban", "indirect", "claimed", "to have killed 58 soldiers")])
        expect("Afghan officials said the border was shut; Pakistani officials said it was open.",
               [("Afghan officials", "indirect", "said", "the border was shut"), ("Pakistani officials", "indirect", "said", "it was open")])
        expect("Khawaja Asif said the Taliban claimed the attack.", [("Khawaja Asif", "indirect", "said", "the Taliban claimed the attack")])
    }

    /// Where and to whom a thing was said ("wrote on X that", "said in a statement that") is not
    /// what was said.
    @Test func wordsOfWhereAreNotWhatWasSaid() {
        expect("Zabihullah Mujahid wrote on X that the Islamic Emirate remained committed to dialogue.",
               [("Zabihullah Mujahid", "indirect", "wrote", "the Islamic Emirate remained committed to dialogue")])
        expect("The Foreign Office said in a statement issued late on Sunday that Pakistan remained committed to peace.",
               [("Foreign Office", "indirect", "said", "Pakistan remained committed to peace")])
        expect("Khawaja Asif said the talks had failed. Security sources said the border was shut. He said Pakistan would respond.",
               [("Khawaja Asif", "indirect", "said", "the talks had failed"), ("Security sources", "indirect", "said", "the border was shut"),
                ("Khawaja Asif", "indirect", "said", "Pakistan would respond")])
        // A title with whose it is, given to someone named before, is theirs; not another's of the
        // same office.
        expect("Pakistani spokesman Ali Khan said talks would go on. Taliban spokesman Zabihullah Mujahid said they had failed. The Taliban spokesman said it was over.",
               [("Ali Khan", "indirect", "said", "talks would go on"), ("Zabihullah Mujahid", "indirect", "said", "they had failed"),
                ("Zabihullah Mujahid", "indirect", "said", "it was over")])
        expect("Pakistani Foreign Minister Ishaq Dar said the talks had failed. The Pakistani foreign minister said the delegation would return.",
               [("Ishaq Dar", "indirect", "said", "the talks had failed"), ("Ishaq Dar", "indirect", "said", "the delegation would return")])
        expect("“It is over,” the Taliban spokesman said.", [("Taliban spokesman", "direct", "said", "It is over")])
        // "the sources" are the sources named before; "officials", with no "the", anyone's.
        expect("Security sources said the border was shut. However, the sources said it would open. Officials said little more.",
               [("Security sources", "indirect", "said", "the border was shut"), ("Security sources", "indirect", "said", "it would open"),
                ("officials", "indirect", "said", "little more")])
    }

    /// "the ministry" is the ministry named before; "the defence minister" the person named with
    /// that title, not whoever spoke last; "the army" is a body, not a person.
    @Test func titlesAndBodiesReferBack() {
        expect("Defence Minister Khawaja Asif said the talks were over. Foreign Minister Ishaq Dar said Pakistan wanted peace. “We will respond,” the defence minister said.",
               [("Khawaja Asif", "indirect", "said", "the talks were over"), ("Ishaq Dar", "indirect", "said", "Pakistan wanted peace"),
                ("Khawaja Asif", "direct", "said", "We will respond")])
        expect("Foreign Minister Ishaq Dar said Pakistan wanted peace. “We will respond,” the minister said.",
               [("Ishaq Dar", "indirect", "said", "Pakistan wanted peace"), ("Ishaq Dar", "direct", "said", "We will respond")])
        expect("“We will respond,” the defence minister said.", [("defence minister", "direct", "said", "We will respond")])
        expect("Foreign Minister Ishaq Dar said Pakistan wanted peace. The army said 12 militants were killed.",
               [("Ishaq Dar", "indirect", "said", "Pakistan wanted peace"), ("army", "indirect", "said", "12 militants were killed")])
        expect("In a statement, the Foreign Office said Pakistan remained committed to peace. He said nothing more.",
               [("Foreign Office", "indirect", "said", "Pakistan remained committed to peace")])
        expect("Khawaja Asif said the talks had failed. Security sources said the border was shut. He said Pakistan would respond.",
               [("Khawaja Asif", "indirect", "said", "the talks had failed"), ("Security sources", "indirect", "said", "the border was shut"),
                ("Khawaja Asif", "indirect", "said", "Pakistan would respond")])
        // A title with whose it is, given to someone named before, is theirs; not another's of the
        // same office.
        expect("Pakistani spokesman Ali Khan said talks would go on. Taliban spokesman Zabihullah Mujahid said they had failed. The Taliban spokesman said it was over.",
               [("Ali Khan", "indirect", "said", "talks would go on"), ("Zabihullah Mujahid", "indirect", "said", "they had failed"),
                ("Zabihullah Mujahid", "indirect", "said", "it was over")])
        expect("Pakistani Foreign Minister Ishaq Dar said the talks had failed. The Pakistani foreign minister said the delegation would return.",
               [("Ishaq Dar", "indirect", "said", "the talks had failed"), ("Ishaq Dar", "indirect", "said", "the delegation would return")])
        expect("“It is over,” the Taliban spokesman said.", [("Taliban spokesman", "direct", "said", "It is over")])
        // "the sources" are the sources named before; "officials", with no "the", anyone's.
        expect("Security sources said the border was shut. However, the sources said it would open. Officials said little more.",
               [("Security sources", "indirect", "said", "the border was shut"), ("Security sources", "indirect", "said", "it would open"),
                ("officials", "indirect", "said", "little more")])
    }

    /// A title of a body or a place after "the" ("the spokesman of the Qatari foreign ministry"),
    /// governments of two countries: the whole phrase speaks (these found no speaker, and the
    /// statement was lost or no one's); a name after
    /// the place is still the person's; the place alone ("Qatar pledged") is the place's, not a
    /// person's whose name ends with it.
    @Test func aTitleOfABodyOrAPlace() {
        expect("Israel seems “unwilling to reach an agreement”, the Foreign Ministry spokesperson of mediator Qatar said. Qatar said it would go on. The president said talks would resume.",
               [("Foreign Ministry spokesperson of mediator Qatar", "mixed", "said", "Israel seems “unwilling to reach an agreement”"),
                ("Qatar", "indirect", "said", "it would go on"), ("president", "indirect", "said", "talks would resume")])
        expect("Israel is stalling, the spokesman of the Qatari foreign ministry said.",
               [("spokesman of the Qatari foreign ministry", "indirect", "said", "Israel is stalling")])
        expect("The head of the Afghan delegation said the talks had failed.",
               [("head of the Afghan delegation", "indirect", "said", "the talks had failed")])
        expect("A representative of the Taliban said the border would open.",
               [("representative of the Taliban", "indirect", "said", "the border would open")])
        // Groups of two whose ("the US and Saudi governments"), also after "the statement from".
        expect("The statement from the US and Saudi governments said they “urge both parties to engage in the talks”.",
               [("US and Saudi governments", "mixed", "said", "they “urge both parties to engage in the talks”")])
        expect("Afghan and Pakistani officials said the border would open.",
               [("Afghan and Pakistani officials", "indirect", "said", "the border would open")])
        expect("The President of Afghanistan Ashraf Ghani said the talks had failed.",
               [("Ashraf Ghani", "indirect", "said", "the talks had failed")])
        #expect(ArticleStatements.find(in: "The President of Afghanistan Ashraf Ghani said the talks had failed.").first?.role == "President of Afghanistan")
        // The place a title is for is no part of the name (it was "Syria Staffan de Mistura"); his
        // surname is his with a capital too; where he told it is not what he told.
        expect("UN Special Envoy for Syria Staffan de Mistura said the talks never stopped. De Mistura told reporters in Geneva after a briefing to the UN Security Council that he had informed it.",
               [("Staffan de Mistura", "indirect", "said", "the talks never stopped"), ("Staffan de Mistura", "indirect", "told", "he had informed it")])
        #expect(ArticleStatements.find(in: "UN Special Envoy for Syria Staffan de Mistura said the talks never stopped.").first?.role == "UN Special Envoy for Syria")
        // A relative clause set off after the title is not where the subject ends (it was "Qatar", and
        // "he" was no one); a body by a word and its noun (it was "said" by no one, and "rejected" by Qatar).
        expect("Sultan Barakat, director of the Center in Qatar, which had been facilitating the meeting, said there was no disagreement. \"Clearly, the moment is not yet right\", he added.",
               [("Sultan Barakat", "indirect", "said", "there was no disagreement"), ("Sultan Barakat", "direct", "added", "Clearly, the moment is not yet right")])
        expect("In a statement, the presidential palace said Qatar had rejected the long list. \"It was a disrespect to the national will\", the statement said.",
               [("presidential palace", "indirect", "said", "Qatar had rejected the long list"), ("presidential palace", "direct", "said", "It was a disrespect to the national will")])
        // A body by whose it is, as a participle's subject, and "it" for that body (they were "Ashraf
        // Ghani's", "It" and no one).
        expect("Afghan President Ashraf Ghani's office reacted to the cancellation, blaming the Qatari official. It said the list was not the one proposed. \"This act is not acceptable,\" it said in a statement.",
               [("Afghan President Ashraf Ghani's office", "indirect", "blaming", "the Qatari official"),
                ("Afghan President Ashraf Ghani's office", "indirect", "said", "the list was not the one proposed"),
                ("Afghan President Ashraf Ghani's office", "direct", "said", "This act is not acceptable")])
        let barakat = ArticleStatements.find(in: "Director of the Center for Conflict and Humanitarian Studies in Qatar Sultan Barakat also said that there was no disagreement.")
        #expect(barakat.first?.speaker == "Sultan Barakat" && barakat.first?.role == "Director of the Center for Conflict and Humanitarian Studies in Qatar")
        // A title of a body named by its noun, before the name (the role was lost).
        for (sentence, role) in [("Head of Sudan’s delegation Mohamed Bashir Abu-Namo said the talks ended.", "Head of Sudan’s delegation"),
                                 ("Head of the Afghan delegation Anas Haqqani said the talks ended.", "Head of the Afghan delegation")] {
            let drafts = ArticleStatements.find(in: sentence)
            #expect(drafts.count == 1 && drafts.first?.role == role && drafts.first?.text == "the talks ended", "\(drafts)")
        }
        #expect(ArticleStatements.find(in: "Head of Sudan’s delegation Mohamed Bashir Abu-Namo said the talks ended.").first?.speaker == "Mohamed Bashir Abu-Namo")
    }

    /// Quotation marks as sites mix them (`"…”`, `“…"`) and a quotation opened right after a stop
    /// (`proliferates."The …`): the first was read as reported speech, the second not split from
    /// the sentence before it.
    @Test func quotationMarksAsSitesWriteThem() {
        expect("Benjamin Netanyahu met John Kerry and said, \"I want peace with the Palestinians. We hold to the terms.”",
               [("Benjamin Netanyahu", "direct", "said", "I want peace with the Palestinians. We hold to the terms.")])
        expect("“Nobody is walking out of the talks,\" Brahimi said.", [("Brahimi", "direct", "said", "Nobody is walking out of the talks")])
        expect("A senior Palestinian official told AFP that the Palestinians would refuse to go on.\"The negotiations broke down on Tuesday night,\" the official said.",
               [("senior Palestinian official", "indirect", "told", "the Palestinians would refuse to go on"),
                ("senior Palestinian official", "direct", "said", "The negotiations broke down on Tuesday night")])
        // A title set off by commas after the quotation; a title with a noun for a person.
        expect("“Any notion that we support terrorists is ludicrous,” Edgar Vasquez, a State Department spokesman, said in a statement.",
               [("Edgar Vasquez", "direct", "said", "Any notion that we support terrorists is ludicrous")])
        #expect(ArticleStatements.find(in: "Negotiations were to resume Wednesday, Lakhdar Brahimi, the chief U.N. mediator, told reporters.").first?.role
                == "chief U.N. mediator")
        // "According to X," opening a sentence: the quotation is X's, not the outlet's after it.
        expect("According to Mujahid, “Nine Afghan soldiers were also wounded in the clashes,\" Tolo News reported.",
               [("Mujahid", "according_to", "according to", "Nine Afghan soldiers were also wounded in the clashes")])
    }

    /// An outlet's verb at the end of a sentence ("…, Anadolu reports.") is not what was said, also
    /// after words quoted at the end of reported speech, which stay part of it: they were taken for
    /// the outlet's own quotation, and the outlet's name for the end of what was said.
    @Test func anOutletsVerbEndsTheSentence() {
        expect("Antonio Guterres sounded the alarm over the war, emphasizing that recent aid delivery “now amounts to a teaspoon of aid,” Anadolu reports.",
               [("Antonio Guterres", "mixed", "emphasizing", "recent aid delivery “now amounts to a teaspoon of aid,”")])
        expect("The army said militants “were killed in the raid,” Reuters reported.", [("army", "mixed", "said", "militants “were killed in the raid,”")])
        expect("Antonio Guterres said that aid now amounts to a teaspoon, Anadolu reports.",
               [("Antonio Guterres", "indirect", "said", "aid now amounts to a teaspoon")])
        expect("Aid is scarce in the north, Reuters reports.", [("Reuters", "indirect", "reports", "Aid is scarce in the north")])
        // A quotation after a verb and a comma is the verb's; "reports" before a verb is the noun,
        // and the reports are what speaks (it was "Unconfirmed").
        expect("“We will respond,” Asif said, “and we will win,” he added.",
               [("Asif", "direct", "said", "We will respond"), ("Asif", "direct", "added", "and we will win")])
        expect("Unconfirmed reports said the talks had failed.", [("Unconfirmed reports", "indirect", "said", "the talks had failed")])
    }

    /// Reports of other conflicts' talks: whom it was told to, people described or grouped before
    /// where they are, a broadcaster of the state, a surname of two words, an honorific.
    @Test func talksAsOtherConflictsReportThem() {
        expect("Denis Pushilin told the Russian news agency RIA that they were ready for dialogue.",
               [("Denis Pushilin", "indirect", "told", "they were ready for dialogue")])
        expect("Leonid Kuchma told Interfax Ukraine news agency the talks had been thwarted.",
               [("Leonid Kuchma", "indirect", "told", "the talks had been thwarted")])
        expect("Leonid Kuchma left the talks, telling Interfax news agency that the separatists had undermined them.",
               [("Leonid Kuchma", "indirect", "telling", "the separatists had undermined them")])
        // Whom it was told to stops at its last outlet word; a clause's own capitals are what was said.
        expect("Khawaja Asif told Reuters Pakistan would respond.", [("Khawaja Asif", "indirect", "told", "Pakistan would respond")])
        // (An outlet of one word crashed the first version of this rule, found by the random pieces.)
        expect("Khawaja Asif told television the talks had failed.", [("Khawaja Asif", "indirect", "told", "the talks had failed")])
        expect("Scandinavian monitors in Sri Lanka say the ceasefire is valid only on paper.",
               [("Scandinavian monitors", "indirect", "say", "the ceasefire is valid only on paper")])
        expect("A rebel fighter in Zabadani said army warplanes were flying over the town.",
               [("rebel fighter", "indirect", "said", "army warplanes were flying over the town")])
        expect("Shelling killed a child, state TV reported.", [("state TV", "indirect", "reported", "Shelling killed a child")])
        expect("Ahmed Qara Ali said the ceasefire was over. Qara Ali said: “The reason it has collapsed is the prisoners.”",
               [("Ahmed Qara Ali", "indirect", "said", "the ceasefire was over"), ("Ahmed Qara Ali", "direct", "said", "The reason it has collapsed is the prisoners.")])
        expect("Afghanistan’s defence minister, Mawlawi Mohammad Yaqub Mujahid, warned that the forces were ready.",
               [("Mohammad Yaqub Mujahid", "indirect", "warned", "the forces were ready")])
        expect("Minister of Information Alhaji Lai Mohammed said the reports were wrong. Alhaji Mohammed said the President would rest.",
               [("Lai Mohammed", "indirect", "said", "the reports were wrong"), ("Lai Mohammed", "indirect", "said", "the President would rest")])
        // Sudan's talks in Jeddah: an undersecretary's title, someone described once and then "the
        // diplomat", an official not named who is not the one before, a title with "of" before the
        // name of someone written about.
        expect("The statement quoted Sudanese Foreign Ministry undersecretary Hussein Awad as saying the talks focused on aid.",
               [("Hussein Awad", "indirect", "quoted", "the talks focused on aid")])
        expect("A Saudi official told AFP the talks had stalled. But a Saudi diplomat told AFP that “no major progress is achieved so far”. “A permanent ceasefire isn’t on the table,” the diplomat added. An official said the request had not been approved.",
               [("Saudi official", "indirect", "told", "the talks had stalled"), ("Saudi diplomat", "direct", "told", "no major progress is achieved so far"),
                ("Saudi diplomat", "direct", "added", "A permanent ceasefire isn’t on the table"), ("official", "indirect", "said", "the request had not been approved")])
        expect("al-Burhan expressed reservations about the presence of any party supporting the RSF.",
               [("al-Burhan", "indirect", "expressed", "reservations about the presence of any party supporting the RSF")])
        // Institutions whose names have small words in them.
        expect("The International Organization for Migration said 115,000 people had fled.",
               [("International Organization for Migration", "indirect", "said", "115,000 people had fled")])
        expect("The Office for the Coordination of Humanitarian Affairs said aid was blocked. The Committee to Protect Journalists said two reporters were held.",
               [("Office for the Coordination of Humanitarian Affairs", "indirect", "said", "aid was blocked"),
                ("Committee to Protect Journalists", "indirect", "said", "two reporters were held")])
        expect("The Ministry of Defence said the strikes hit camps.", [("Ministry of Defence", "indirect", "said", "the strikes hit camps")])
        // Gaza's ceasefire talks: a name set off by commas inside what was said, a day before a
        // name, a surname with its article written with a capital, a source not described before.
        expect("The Islamist faction said in a statement that its chief, Ismail Haniyeh, had informed the mediators of its acceptance.",
               [("Islamist faction", "indirect", "said", "its chief, Ismail Haniyeh, had informed the mediators of its acceptance")])
        expect("Early on Tuesday Majed al-Ansari, a spokesman for Qatar’s foreign ministry, said the proposal was positive.",
               [("Majed al-Ansari", "indirect", "said", "the proposal was positive")])
        expect("The deputy chief, Khalil al-Hayya, told Al Jazeera the deal had three stages. Al-Hayya also said the second stage meant a withdrawal.",
               [("Khalil al-Hayya", "indirect", "told", "the deal had three stages"), ("Khalil al-Hayya", "indirect", "said", "the second stage meant a withdrawal")])
        expect("“The ball is in Israel's court,” the source told Reuters.", [("source", "direct", "told", "The ball is in Israel's court")])
        expect("A source familiar with the ceasefire talks told Al Jazeera the proposal included a pause of 60 days.",
               [("source familiar with the ceasefire talks", "indirect", "told", "the proposal included a pause of 60 days")])
        expect("Hamas agreed to the latest proposal, an official briefed on the talks said, adding the mediators had spoken to Hamas.",
               [("official briefed on the talks", "indirect", "said", "Hamas agreed to the latest proposal"),
                ("official briefed on the talks", "indirect", "adding", "the mediators had spoken to Hamas")])
        expect("Prince Faisal said the talks had begun. US Secretary of State Anthony Blinken thanked Saudi Arabia for hosting the talks. He urged the parties to engage seriously.",
               [("Faisal", "indirect", "said", "the talks had begun"), ("Anthony Blinken", "indirect", "urged", "the parties to engage seriously")])
    }

    /// More verbs of saying in -ing, whose subject is the sentence's.
    @Test func participlesOfSaying() {
        // A participle's clause after an attribution is what the speaker did, not what was said going
        // on around it (the whole sentence was taken); "bring" after one is what was said.
        expect("Israeli and Palestinian leaders were unwilling to make compromises, a top U.S. official said on Thursday, faulting both sides for the collapse.",
               [("top U.S. official", "indirect", "said", "Israeli and Palestinian leaders were unwilling to make compromises")])
        expect("The talks, Asif said on Tuesday, bring no hope.", [("Asif", "indirect", "said", "The talks, Asif said on Tuesday, bring no hope")])
        expect("Khawaja Asif spoke to reporters in Sialkot, confirming the talks had stalled despite mediation.",
               [("Khawaja Asif", "indirect", "confirming", "the talks had stalled despite mediation")])
        expect("Tahir Andarabi said Islamabad will not accept any violations of the treaty, emphasizing that water security is vital.",
               [("Tahir Andarabi", "indirect", "said", "Islamabad will not accept any violations of the treaty"),
                ("Tahir Andarabi", "indirect", "emphasizing", "water security is vital")])
    }

    /// "Expressed" and "voiced" say something when what is expressed is a feeling or view: what
    /// was hoped or feared is what was said; "deep concern at “…”" is said as it is.
    @Test func feelingsAndViewsExpressed() {
        expect("The Foreign Office expressed the hope on Thursday that the Afghan Taliban would accept the offer.",
               [("Foreign Office", "indirect", "expressed", "the Afghan Taliban would accept the offer")])
        expect("Khawaja Asif voiced hope that talks would resume.", [("Khawaja Asif", "indirect", "voiced", "talks would resume")])
        expect("Defence Minister Khawaja Asif expressed deep concern at “the clear violations of international law” in Gaza.",
               [("Khawaja Asif", "mixed", "expressed", "deep concern at “the clear violations of international law” in Gaza")])
        expect("The trader expressed the goods to Kabul on Friday.", [])
    }

    /// Someone a sentence is about without quoting them is whom a later "he said" means: by a
    /// title before the name, or by "his" or "her" after it; not a body or a place.
    @Test func aPersonWrittenAboutIsWhomHeMeans() {
        expect("António Guterres sought to set the record straight by re-reading his words. He said his words were not justifying terror.",
               [("António Guterres", "indirect", "said", "his words were not justifying terror")])
        expect("Prime Minister Shehbaz Sharif visited the families. “We will root out terrorism,” he said in a statement.",
               [("Shehbaz Sharif", "direct", "said", "We will root out terrorism")])
        // The person written about last, after the one who spoke before.
        expect("Khawaja Asif said the talks had failed. Prime Minister Shehbaz Sharif chaired a meeting on Friday. He said Pakistan would respond.",
               [("Khawaja Asif", "indirect", "said", "the talks had failed"), ("Shehbaz Sharif", "indirect", "said", "Pakistan would respond")])
        // No person: a body, a place, a sentence's opening words; and a name with nothing to say it is one person's.
        expect("The United Nations sought to end its role. He said nothing more.", [])
        expect("New York Police arrested his brother. He said nothing more.", [])
        expect("Amina Rahimi visited the camp. He said the camp was full.", [])
        // "she" is not someone "he" was said of before, nor the other way round.
        expect("Farida Ahmadi said the schools must reopen. Khawaja Asif said the talks failed. He said Pakistan would respond. She said the girls were waiting.",
               [("Farida Ahmadi", "indirect", "said", "the schools must reopen"), ("Khawaja Asif", "indirect", "said", "the talks failed"),
                ("Khawaja Asif", "indirect", "said", "Pakistan would respond"), ("Farida Ahmadi", "indirect", "said", "the girls were waiting")])
        // The subject read as a speaker's is: a title of several words before the name.
        expect("Dr Muhammad Faisal said Pakistan was ready. Senior State Department official Alice Wells earlier this week visited Islamabad. Ahead of her visit, she, according to Reuters, said the US had seen no action.",
               [("Muhammad Faisal", "indirect", "said", "Pakistan was ready"), ("Alice Wells", "indirect", "said", "the US had seen no action")])
    }

    /// News opens each paragraph of a long quotation with a mark and closes only the last: the
    /// speaker goes on; a paragraph that opens with no mark is not the quotation's.
    @Test func aQuotationOverParagraphs() {
        expect("“The people deserve peace,” Hakan Fidan said. “We will continue to support the process.\n\n“Turkey stands ready to host the next round.”",
               [("Hakan Fidan", "direct", "said", "The people deserve peace"), ("Hakan Fidan", "direct", nil, "We will continue to support the process."),
                ("Hakan Fidan", "direct", nil, "Turkey stands ready to host the next round.")])
        expect("“The people deserve peace,” Hakan Fidan said. “We will continue to support the process.\n\nThe talks went on. “Nothing is agreed,” a note read.",
               [("Hakan Fidan", "direct", "said", "The people deserve peace"), ("Hakan Fidan", "direct", nil, "We will continue to support the process."),
                ("unknown", "direct", nil, "Nothing is agreed")])
        // A paragraph that is a quotation alone, after one whose last statement was a quotation,
        // goes on with its speaker (it was no one's); not after a paragraph of narrative.
        expect("\"I'm disappointed the initiative has been delayed,\" US envoy Zalmay Khalilzad said on Twitter.\n\n\"I urge all sides to seize the moment.\"",
               [("Zalmay Khalilzad", "direct", "said", "I'm disappointed the initiative has been delayed"), ("Zalmay Khalilzad", "direct", nil, "I urge all sides to seize the moment.")])
        expect("\"I'm disappointed the initiative has been delayed,\" US envoy Zalmay Khalilzad said on Twitter.\n\nThe meeting was cancelled on Thursday.\n\n\"I urge all sides to seize the moment.\"",
               [("Zalmay Khalilzad", "direct", "said", "I'm disappointed the initiative has been delayed"), ("unknown", "direct", nil, "I urge all sides to seize the moment.")])
    }

    @Test func accordingTo() {
        expect("At least 23 soldiers were killed, according to the Inter-Services Public Relations.",
               [("Inter-Services Public Relations", "according_to", "according to", "At least 23 soldiers were killed")])
        expect("According to a senior security official, the border crossing at Chaman was closed.",
               [("senior security official", "according_to", "according to", "the border crossing at Chaman was closed")])
        // An outlet inserted between a speaker and the verb reports whose words they are.
        expect("Farida Ahmadi said the ban was cruel. She, according to Reuters, said that the schools must reopen.",
               [("Farida Ahmadi", "indirect", "said", "the ban was cruel"), ("Farida Ahmadi", "indirect", "said", "the schools must reopen")])
        expect("Afghan forces, according to the Taliban spokesman, targeted the posts.",
               [("Taliban spokesman", "according_to", "according to", "Afghan forces, according to the Taliban spokesman, targeted the posts")])
        expect("The clash between the two delegations has – according to the Palestinians – led to a halt of the talks.",
               [("Palestinians", "according_to", "according to", "The clash between the two delegations has – according to the Palestinians – led to a halt of the talks")])
        // An outlet's attribution after "according to X," ends what was said before "according to"
        // (it ran to the sentence's end), and a quotation in it is not the outlet's own.
        expect("Blinken also “discussed how escalation is in no party’s interest,” according to the spokesman, TASS reported.",
               [("spokesman", "according_to", "according to", "Blinken also “discussed how escalation is in no party’s interest,”")])
        expect("Blinken also discussed how escalation is in no party’s interest, according to the spokesman, TASS reported.",
               [("spokesman", "according_to", "according to", "Blinken also discussed how escalation is in no party’s interest")])
        // "according to the statement": the body whose statement it is (it was no one's, and ran into what was said).
        expect("The Sudanese army said in a statement that talks had ended. “Our delegation returned for consultations,” according to the statement.",
               [("Sudanese army", "indirect", "said", "talks had ended"),
                ("Sudanese army", "according_to", "according to", "“Our delegation returned for consultations,”")])
        expect("The council said in a statement that talks were held. Al-Burhan expressed reservations about the RSF, according to the statement.",
               [("council", "indirect", "said", "talks were held"), ("Al-Burhan", "indirect", "expressed", "reservations about the RSF")])
    }

    /// A document's words, and whose they are: whoever put it out ("Hamas issued a statement"), or
    /// whose it is when it opens a sentence ("A joint US-Saudi statement welcomed …"), for a later
    /// "the statement said"; "reads" says what a document says; "says a joint statement released
    /// by the two sides". (Ethiopian and Sudanese coverage; each of these was no one's, with no verb.)
    @Test func documentsAndWhoPutThemOut() {
        expect("Hamas issued a statement on Monday.\n\nIts fighters are “ready to be deployed without delay,” the statement added.",
               [("Hamas", "mixed", "added", "Its fighters are “ready to be deployed without delay,”")])
        expect("A joint US-Saudi statement welcomed the talks.\n\n“Both parties must engage in the talks,” the statement said.",
               [("US-Saudi", "direct", "said", "Both parties must engage in the talks")])
        expect("The African Union released a communique on Friday.\n\n“We have agreed to silence the guns,” the communique reads.",
               [("African Union", "direct", "reads", "We have agreed to silence the guns")])
        expect("“We have agreed to end the war,” says a joint statement released by the two sides on Wednesday.",
               [("two sides", "direct", "says", "We have agreed to end the war")])
        // With no one named who put it out: said, by whom the reviewer tells; in a paragraph
        // someone spoke in, theirs; a speaker named before the quotation comes first.
        expect("“We have agreed to end the war,” the document says.", [("unknown", "direct", "says", "We have agreed to end the war")])
        expect("Imran Khan said he was ready. “We are ready for talks,” the statement added.",
               [("Imran Khan", "indirect", "said", "he was ready"), ("Imran Khan", "direct", "added", "We are ready for talks")])
        expect("Asif warned: “We will not wait forever,” the report said.", [("Asif", "direct", "warned", "We will not wait forever")])
        // How a document was put out is no statement of its own ("posted" was a second one, its
        // speaker "… said in statement"), nor is putting it out.
        expect("Iran and the United States “have agreed to enter the next phase,” a spokesman at Oman's foreign ministry said in statement posted on X.",
               [("spokesman at Oman's foreign ministry", "mixed", "said", "Iran and the United States “have agreed to enter the next phase,”")])
        expect("Hamas posted a statement on Telegram. “We are ready for talks,” the statement said.",
               [("Hamas", "direct", "said", "We are ready for talks")])
        // Not a document's words: whoever reads it, or what is read out.
        expect("He read the statement to reporters. The statement read by the spokesman said the talks were over.",
               [("spokesman", "indirect", "said", "the talks were over")])
    }

    /// A participle of saying right after the verb, without its comma (Iranian coverage: the
    /// quotation was no one's, and "adding that …" what was said).
    @Test func aParticipleWithoutItsComma() {
        expect("“It was a good meeting,” Araghchi said adding that talks lasted four hours.",
               [("Araghchi", "direct", "said", "It was a good meeting"), ("Araghchi", "indirect", "adding", "talks lasted four hours")])
    }

    /// Colombian coverage of the ELN talks: someone described after the verb ("said the guerrillas’
    /// lead negotiator", "according to the guerrilla negotiator": no one's, and nothing); a clause
    /// that opens the sentence ("Although …,") holds its own speech, and a participle after the main
    /// clause is that clause's subject's; "said a few days later that …".
    @Test func describedNegotiatorsAndOpeningClauses() {
        expect("“We came to this round to agree on a ceasefire,” said the guerrillas’ lead negotiator.",
               [("guerrillas’ lead negotiator", "direct", "said", "We came to this round to agree on a ceasefire")])
        expect("“We came to this round to agree on a ceasefire,” said the group's spokesman.",
               [("group's spokesman", "direct", "said", "We came to this round to agree on a ceasefire")])
        expect("A deal would only end hostilities with the army, according to the guerrilla negotiator.",
               [("guerrilla negotiator", "according_to", "according to", "A deal would only end hostilities with the army")])
        expect("Although President Petro announced the ceasefire on December 31, the guerrillas said a few days later that it was false, arguing that it had not been agreed.",
               [("Petro", "indirect", "announced", "the ceasefire on December 31"), ("guerrillas", "indirect", "said", "it was false"),
                ("guerrillas", "indirect", "arguing", "it had not been agreed")])
        expect("When asked about the talks, Asif said they were over.", [("Asif", "indirect", "said", "they were over")])
        // A title set off before the name is the speaker's, not what was said; a participle's subject
        // after a phrase that opens the sentence; a group described by whom it is for; where it was
        // said, then a clause of when.
        expect("The negotiations do not mean a halt to operations, Colombia’s Defense Minister, Ivan Velasquez, warned on Monday.",
               [("Ivan Velasquez", "indirect", "warned", "The negotiations do not mean a halt to operations")])
        expect("Speaking on the process, Pablo Beltrán, the head of the ELN delegation, said the issue would be discussed, stating, “You have to agree on the rules of the game.”",
               [("Pablo Beltrán", "indirect", "said", "the issue would be discussed"),
                ("Pablo Beltrán", "direct", "stating", "You have to agree on the rules of the game.")])
        expect("The talks will resume in May, negotiators for both sides said in a joint statement just hours before the ceremony was due to take place.",
               [("negotiators for both sides", "indirect", "said", "The talks will resume in May")])
    }

    /// Belgrade–Pristina coverage: a title, then the name set off by commas, before the verb or
    /// after it ("The head of diplomacy of the European Union, Josep Borrell, said": was the
    /// European Union's; "said the spokesperson of the EU, Peter Stano": was the title's), and after
    /// "according to" at the sentence's end (what was said ran to the end, the name in it).
    @Test func aTitleThenTheNameSetOff() {
        expect("The head of diplomacy of the European Union, Josep Borrell, said that he expects both leaders to be flexible.",
               [("Josep Borrell", "indirect", "said", "he expects both leaders to be flexible")])
        expect("“We are always ready to host a meeting,” said the spokesperson of the EU, Peter Stano.",
               [("Peter Stano", "direct", "said", "We are always ready to host a meeting")])
        expect("Iran condemned the strikes, according to the spokesperson for the Iranian Foreign Ministry, Nasser Kanaani.",
               [("Nasser Kanaani", "according_to", "according to", "Iran condemned the strikes")])
        func roles(_ text: String) -> [String?] { ArticleStatements.find(in: text).map(\.role) }
        #expect(roles("The head of diplomacy of the European Union, Josep Borrell, said that he expects both leaders to be flexible.")
                == ["head of diplomacy of the European Union"])
        #expect(roles("“We are always ready to host a meeting,” said the spokesperson of the EU, Peter Stano.") == ["spokesperson of the EU"])
    }

    /// Yemeni coverage (Reuters, AP, Xinhua): groups described by what follows them ("two people
    /// involved in the talks said": nothing), a title to a place ("The United Nations special envoy
    /// to Yemen said": was Yemen's), a body's noun after its name ("a spokesman for the Yemeni rebel
    /// group": "… the Yemeni"), where it was posted with no "that" ("said on Twitter the 13 detainees
    /// had arrived": the words began at "Twitter").
    @Test func groupsTitlesAndPlatforms() {
        expect("The envoys will visit Sanaa next week, two people involved in the talks said.",
               [("two people involved in the talks", "indirect", "said", "The envoys will visit Sanaa next week")])
        expect("The envoys will visit Sanaa next week, sources familiar with the matter said.",
               [("sources familiar with the matter", "indirect", "said", "The envoys will visit Sanaa next week")])
        expect("The United Nations special envoy to Yemen said the agreement is one of many developments.",
               [("United Nations special envoy to Yemen", "indirect", "said", "the agreement is one of many developments")])
        expect("The deal was agreed, according to a spokesman for the Yemeni rebel group.",
               [("spokesman for the Yemeni rebel group", "according_to", "according to", "The deal was agreed")])
        expect("Houthi official Abdul Qader al-Mortada said on Twitter the 13 detainees had arrived.",
               [("Abdul Qader al-Mortada", "indirect", "said", "the 13 detainees had arrived")])
        expect("Trump said on Truth Social the deal was done.", [("Trump", "indirect", "said", "the deal was done")])
        // Sudanese coverage of the Jeddah talks: an institution whose name has small words in it,
        // after "according to" (was "UN Office"); mediators by their other names.
        expect("More than 4,000 people have been killed, according to the UN Office of the High Commissioner for Human Rights.",
               [("UN Office of the High Commissioner for Human Rights", "according_to", "according to", "More than 4,000 people have been killed")])
        expect("More than 4,000 people have been killed, according to the International Organization for Migration in Geneva.",
               [("International Organization for Migration", "according_to", "according to", "More than 4,000 people have been killed")])
        expect("In a statement, the facilitators announced the commitment of the army to a joint mechanism.",
               [("facilitators", "indirect", "announced", "the commitment of the army to a joint mechanism")])
        // A plural subject's verb ("The facilitators confirm that …", "Sources tell Reuters …": were
        // nothing), whose quotation ends what was said before it (at the comma before its speaker);
        // "We urge …" outside quotation marks names no one.
        expect("The facilitators voiced regret that the parties failed to agree, however the facilitators confirm that “agreement has been reached on steps to help”.",
               [("facilitators", "indirect", "voiced", "the parties failed to agree"),
                ("facilitators", "direct", "confirm", "agreement has been reached on steps to help")])
        expect("Sources tell Reuters the talks have failed.", [("sources", "indirect", "tell", "the talks have failed")])
        expect("Analysts warn that the talks have failed.", [("analysts", "indirect", "warn", "the talks have failed")])
        expect("We urge the parties to talk.", [])
    }

    /// Lebanese coverage of the Hochstein talks: a paragraph that ends with a verb of saying and a
    /// colon introduces the quotation that opens the next one (it was no one's); an outlet
    /// described, then named ("according to Lebanon’s official news agency, NNA": was "Lebanon’s
    /// official", its name in what was said).
    @Test func aQuotationIntroducedByTheParagraphBefore() {
        expect("Ali Hassan Khalil, a close aide to Berri, commented to Reuters:\n\n“Lebanon presented its comments on the proposal in a positive atmosphere.”",
               [("Ali Hassan Khalil", "direct", "commented", "Lebanon presented its comments on the proposal in a positive atmosphere.")])
        expect("Amos Hochstein said a deal was close. After the meeting, he addressed the media, emphasizing:\n\n“We have a real opportunity to end the conflict.”",
               [("Amos Hochstein", "indirect", "said", "a deal was close"),
                ("Amos Hochstein", "direct", "emphasizing", "We have a real opportunity to end the conflict.")])
        // Not a quotation further on, nor one after a paragraph that says nothing.
        expect("Khalil said:\n\nThe talks went on. “Lebanon presented its comments on the proposal,” an aide added.",
               [("aide", "direct", "added", "Lebanon presented its comments on the proposal")])
        expect("The meeting ended as follows:\n\n“Lebanon presented its comments on the proposal.”",
               [("unknown", "direct", nil, "Lebanon presented its comments on the proposal.")])
        expect("His belongings were inspected, according to Lebanon’s official news agency, NNA.",
               [("NNA", "according_to", "according to", "His belongings were inspected")])
        // A paragraph that opens with a quotation no one is named for and goes on "He added that …"
        // after the same speaker's words: theirs (it was no one's); not when someone else goes on.
        expect("Hochstein noted that the talks were hard.\n\n“The Speaker and I had a productive discussion.” He added that time was short.",
               [("Hochstein", "indirect", "noted", "the talks were hard"), ("Hochstein", "direct", nil, "The Speaker and I had a productive discussion."),
                ("Hochstein", "indirect", "added", "time was short")])
        expect("Hochstein noted that the talks were hard.\n\n“The Speaker and I had a productive discussion.” Berri added that time was short.",
               [("Hochstein", "indirect", "noted", "the talks were hard"), ("unknown", "direct", nil, "The Speaker and I had a productive discussion."),
                ("Berri", "indirect", "added", "time was short")])
    }

    @Test func whatIsNotAStatement() {
        // A headline's words are the outlet's; a title in quotation marks is no one's; a quotation of
        // one or two words is a scare quote; a sentence without a verb of saying says nothing.
        expect("Khawaja Asif Declares Pakistan-Afghanistan Talks “Over” Amid Deadlock\n\n“Afghans Support Pakistan’s Stance”: the mediators met again.\n"
               + "The talks were “over” by Friday. Skirmishes continued along the border near Chaman.", [])
        // A headline's words in quotation marks that no one is named for, as the body quotes them again.
        expect("UN Syria envoy: Only Plan B to talks is 'return to war'\n\nThe U.N. special envoy for Syria said the talks were a moment of truth.",
               [("U.N. special envoy for Syria", "indirect", "said", "the talks were a moment of truth")])
        // A verb of saying after "in the" with no name before it: read no further than the sentence (it stopped the program).
        expect("The talks were held in the said.", [])
        // A quotation no one is named for is kept, with no one.
        expect("The statement released after the talks read: “All parties have agreed on a verification mechanism.”",
               [("unknown", "direct", nil, "All parties have agreed on a verification mechanism.")])
    }

    /// The numbers a statement states with what they count, with its verb's stance and its speaker:
    /// 58 soldiers claimed by the Taliban, 23 deaths acknowledged by Pakistan. Years, lengths of
    /// time and "the two sides" are no figures.
    @Test func figuresWithTheirStanceAndParty() {
        func figures(_ sentence: String) -> [String] {
            ArticleStatements.find(in: sentence).flatMap(\.figures).map { f in
                [String(Int(f.value)), f.unit, f.what, f.stance, f.by].map { $0 ?? "-" }.joined(separator: " ")
            }
        }
        #expect(figures("The Taliban claimed that their attacks killed 58 soldiers and wounded 2,000 people.")
                == ["58 soldiers killed claimed Taliban", "2000 people wounded claimed Taliban"])
        #expect(figures("Pakistan acknowledged 23 deaths among its troops.") == ["23 deaths - acknowledged Pakistan"])
        #expect(figures("An Afghan official said four Afghan civilians were killed on the border.") == ["4 civilians killed - Afghan official"])
        #expect(figures("Khawaja Asif said the 2021 talks had failed after three days between the two sides.") == [])
        #expect(figures("Khawaja Asif said Pakistan had 12 Pakistani") == [], "a number with nothing counted after it")
        // "at least" between the verb and its number; two nouns counted together; a number before
        // what befell them alone counts the figure before's.
        #expect(figures("The Taliban claimed to have killed at least 58 soldiers.") == ["58 soldiers killed claimed Taliban"])
        #expect(figures("The ISPR said more than 200 Taliban fighters and affiliated terrorists were killed.") == ["200 fighters killed - ISPR"])
        #expect(figures("The UN said 50 civilians were killed and 447 wounded.") == ["50 civilians killed - UN", "447 civilians wounded - UN"])
        #expect(figures("The UN said 12 were injured.") == ["12 people injured - UN"])
        #expect(figures("The Taliban said two civilians died in the shelling.") == ["2 civilians died - Taliban"])
        // What befell them in other words: "lost", "killing", "were also killed"; a verb of stance
        // next to the figure in a statement of another verb ("accused … and claimed to have killed").
        // (A body named by its noun alone, with no body named before, is the speaker: it found no one.)
        #expect(figures("The military said it lost seven soldiers in the fighting.") == ["7 soldiers lost - military"])
        #expect(figures("The TTP said its fighters targeted a vehicle, killing four soldiers.") == ["4 soldiers killed - TTP"])
        #expect(figures("The army said 18 militants were also killed.") == ["18 militants killed - army"])
        #expect(figures("The Taliban accused Pakistan of sheltering fighters and claimed to have killed 58 troops.")
                == ["58 troops killed claimed Taliban"])
    }

    /// "on Friday" in a report of Saturday 8 November 2025 is 2025-11-07; the words are kept as written.
    @Test func wordsOfWhenAreCountedBackFromTheReport() {
        func when(_ sentence: String, _ published: String) -> [String?] {
            let d = ArticleStatements.find(in: sentence, published: CorpusDate(published)).first
            return [d?.dateText, d?.date]
        }
        #expect(when("Khawaja Asif said on Friday that the talks were over.", "2025-11-08") == ["on Friday", "2025-11-07"])
        #expect(when("Khawaja Asif said on Saturday that the talks were over.", "2025-11-08") == ["on Saturday", "2025-11-08"])
        #expect(when("Khawaja Asif said last Saturday that the talks were over.", "2025-11-08") == ["last Saturday", "2025-11-01"])
        #expect(when("Khawaja Asif said on Thursday night that the talks were over.", "2025-11-08") == ["on Thursday night", "2025-11-06"])
        #expect(when("Khawaja Asif said yesterday that the talks were over.", "2025-03-01") == ["yesterday", "2025-02-28"])
        #expect(when("Khawaja Asif said on November 7 that the talks were over.", "2025-11-08") == ["on November 7", "2025-11-07"])
        #expect(when("Khawaja Asif said on 30 December that the talks were over.", "2026-01-02") == ["on 30 December", "2025-12-30"])
        #expect(when("Khawaja Asif said earlier this week that the talks were over.", "2025-11-08") == ["earlier this week", nil])
        #expect(when("Khawaja Asif said on Friday that the talks were over.", "2025-11") == ["on Friday", nil], "a report dated by month only")
    }

    @Test func daysCountedFromTheEpochAreCalendarDays() {
        var numbers = SeededNumbers(seed: 1970)
        for _ in 0..<2000 {
            let (year, month) = (1600 + numbers.next(900), 1 + numbers.next(12))
            let day = 1 + numbers.next(CorpusDate.daysIn(month: month, year: year))
            let text = CorpusDate.dayText(daysSinceEpoch: CorpusDate.daysSinceEpoch(year: year, month: month, day: day))
            let date = CorpusDate(text)
            #expect(date?.year == year && date?.month == month && date?.day == day, "\(text)")
        }
    }

    /// Text drawn at random from the pieces of news attribution (names, titles, verbs, quotation
    /// marks of both kinds, some left open, stops and line breaks): never a crash, and every draft
    /// is the text at its span, as the corpus loader checks it.
    @Test func everyDraftStandsAtItsSpan() throws {
        let pieces = ["“", "”", "\"", ",", ".", "!", "?", ":", " ", " ", " ", "\n", "Mr.", "Khawaja", "Asif", "Tarar", "Minister", "Defence",
                      "said", "told", "reporters", "that", "he", "added", "according", "to", "a", "senior", "official", "on", "Friday",
                      "the", "talks", "are", "over", "stating", "adding", "Analysts", "say", "Pakistan’s", "Erdoğan", "王毅", "—", "’", "e.g.",
                      "‘", "«", "»", "killed", "58", "soldiers", "2,000",
                      // The words of quoting, describing, portfolios and bodies' statements.
                      "quoted", "as", "saying", "was", "by", "in", "described", "calling", "statement", "army’s", "media", "wing",
                      "for", "of", "Information", "and", "Broadcasting", "UN", "spokesman", "an", "him", "did", "May", "4", "with",
                      // Feelings expressed, and people written about.
                      "expressed", "voiced", "hope", "concern", "deep", "at", "She", "his", "her", "Secretary-General", "visited",
                      "telling", "news", "agency", "state", "TV", "monitors", "fighter", "Mawlawi", "Qara", "Ali",
                      "al-Burhan", "Organization", "Office", "Migration", "diplomat", "An",
                      "Qatar", "Afghanistan", "head", "ministry", "President", "reports", "Anadolu", "governments", "It", "it", "blaming", "office",
                      // Clauses a quotation ends, "according to the statement", a title of a body before a name.
                      "have", "include", "Head", "delegation", "Sudan’s", "statement", "(AFP):",
                      // Kremlin and Kyiv coverage.
                      "this", "so", "succinctly:", "conference", "capital", "press", "As", "Special", "Envoy", "Ukraine’s",
                      // Cairo talks coverage.
                      "network", "who", "named,", "asked", "about", "Israel", "Katz",
                      // Yerevan and Baku coverage.
                      "Spokesman", "Affairs", "Foreign", "Ministry", "her,", "when", "commenting", "concluded",
                      // Minsk and Lausanne coverage.
                      "wires", "Iranian", "citing", "later", "without", "elaboration", "Since", "Kiev’s", "representative", "Putin,", "Merkel",
                      // Libya talks coverage.
                      "Feb.", "19", "based", "mission", "confirmed", "which", "port", "sea",
                      // Thai, Indian and Sudanese ceasefire coverage: straight single marks, a document by whom it was issued.
                      "'", "don't", "talks'", "issued", "posted", "Truth", "tweet", "informed", "Colonel", "minister’s", "skepticism",
                      // Gaza talks coverage: a plural's possessive, a group's statement, brackets.
                      "Hamas'", "Hamas", "group", "reads", "read", "document", "communique", "released", "joint",
                      // Colombian and Belgrade–Pristina coverage: described negotiators, opening clauses, titles set off.
                      "negotiator", "lead", "guerrillas’", "guerrillas", "Although", "although", "few", "days", "later", "sides",
                      "Speaking", "process", "Peter", "Stano", "EU", "diplomacy", "Union",
                      "people", "involved", "familiar", "two", "Twitter", "Yemen", "envoy", "rebel",
                      "confirm", "warn", "tell", "We", "facilitators", "however", "Office", "Rights",
                      "commented", "emphasizing:", "said:", "\n\n“", "agency,", "NNA", "(the", "Egyptians)", "source,", "Al", "Arabiya", "reported",
                      // Paris climate talks coverage: "with" before a participle's subject, whom it was told to.
                      "from", "Associated", "Press", "Climate", "Home", "they", "notes", "saying",
                      // Istanbul talks coverage: a speaker after a dash, a page's label for a quotation.
                      "-", "–", "Quote", "Presidential", "Aide", "parties", "According",
                      // Joint statements: parties of several words, lists of them.
                      "United", "States", "Saudi", "Arabia", "Ecuador", "National", "Liberation", "Army", "Egypt,", "IGAD", "In", "Doha,",
                      // Relatives not set off, long titles and places, passive quoting.
                      "that", "who", "delegation", "Sources", "(IGAD),", "Mesfin,", "sidelines", "quoted", "by", "as", "insisted", "on"]
        let rounds = Int(ProcessInfo.processInfo.environment["PARLEY_FUZZ_ROUNDS"] ?? "") ?? 400
        var numbers = SeededNumbers(seed: UInt64(ProcessInfo.processInfo.environment["PARLEY_FUZZ_SEED"] ?? "") ?? 2025)
        var drafts = 0
        for _ in 0..<rounds {
            let text = (0..<(5 + numbers.next(120))).map { _ in pieces[numbers.next(pieces.count)] }.joined(separator: numbers.next(3) == 0 ? "" : " ")
            let scalars = Array(text.unicodeScalars)
            for d in ArticleStatements.find(in: text, published: CorpusDate("2025-11-08")) {
                drafts += 1
                #expect(d.span.lowerBound >= 0 && d.span.upperBound <= scalars.count)
                #expect(String(String.UnicodeScalarView(scalars[d.span])) == d.text, "\(text)")
                #expect(!d.speaker.isEmpty && (0...1).contains(d.confidence))
            }
        }
        #expect(drafts > 100, "the draw must find statements to check")
    }

    /// Shapes no article has, of 100,000 words or marks (a line of dots, of abbreviations, of
    /// verbs, of quotation marks, one sentence of twenty thousand quotations): each is read in one
    /// pass (the splitter once looked back over the sentence at every full stop, and took minutes).
    @Test func hostileShapesAreReadInOnePass() {
        let shapes = [String(repeating: "a.", count: 100_000), String(repeating: "Mr. ", count: 100_000), String(repeating: "said ", count: 100_000),
                      String(repeating: "\"", count: 100_000), String(repeating: "“x y z” said Asif, ", count: 20_000)]
        for shape in shapes {
            let drafts = ArticleStatements.find(in: shape)
            let scalars = Array(shape.unicodeScalars)
            #expect(drafts.allSatisfy { String(String.UnicodeScalarView(scalars[$0.span])) == $0.text })
        }
        #expect(ArticleStatements.find(in: shapes[4]).count == 20_000)
    }
}
