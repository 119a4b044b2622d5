//! `analyze` end to end on small texts the team wrote: kinds, groups, checks, both languages,
//! and spans in UTF-16 code units whatever the script.

use sourcelight::{analyze, Kind, Language, LanguageChoice, Options, Reason};

fn utf16_slice(text: &str, start: u32, end: u32) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).expect("span on UTF-16 boundaries")
}

#[test]
fn spans_count_utf16_units_with_emoji_accents_and_cjk() {
    let text = "😀 Café 東京 — the port was hit, sources familiar with the matter said. 🚀 “We won,” said Ana Núñez.";
    let report = analyze(text, &Options::default());
    assert_eq!(report.length as usize, text.encode_utf16().count());
    assert_eq!(report.claims.len(), 2);
    for c in &report.claims {
        for span in [Some(&c.sentence), Some(&c.cue), c.source.as_ref(), Some(&c.claim)].into_iter().flatten() {
            assert_eq!(utf16_slice(text, span.start, span.end), span.text);
        }
    }
    assert_eq!(report.claims[0].kind, Kind::Anonymous);
    assert_eq!(report.claims[1].kind, Kind::Named);
    assert_eq!(report.claims[1].source.as_ref().unwrap().text, "Ana Núñez");
}

#[test]
fn every_kind_in_english() {
    let text = "The plant will close, two people briefed on the plans said, speaking on condition of anonymity because the talks are private. \
Critics say the closure was rushed. \
The manager reportedly resigned. \
The union was warned in March, The Wall Street Journal reported. \
The company declined to comment. \
“We are heartbroken,” said Maria Lopez, the union’s leader.";
    let report = analyze(text, &Options::default());
    let kinds: Vec<Kind> = report.claims.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, vec![Kind::Anonymous, Kind::Vague, Kind::Unverified, Kind::Report, Kind::Organisation, Kind::Named]);
    let checks = report.claims[0].checks.as_ref().unwrap();
    assert_eq!(checks.reason, Reason::Given);
    assert!(checks.vantage);
    assert_eq!(checks.count.number, Some(2));
    assert_eq!(report.summary.flagged, 4);
    assert_eq!(report.summary.by_kind["anonymous"], 1);
    for c in &report.claims {
        assert!(!c.explanation.is_empty());
    }
}

#[test]
fn anonymous_attack_is_an_opinion() {
    let text = "A senior aide described the coach as erratic and out of his depth.";
    let report = analyze(text, &Options::default());
    assert_eq!(report.claims.len(), 1);
    assert!(report.claims[0].checks.as_ref().unwrap().opinion);
    assert!(report.claims[0].explanation.contains("attack"));
}

#[test]
fn spanish_is_detected_and_read() {
    let text = "El Gobierno prepara un recorte de impuestos, según fuentes conocedoras de la negociación. \
«No habrá subidas», dijo la ministra Ana Ruiz. \
El alcalde habría cobrado comisiones. \
Se cree que la obra costará el doble. \
El ministerio declinó hacer comentarios.";
    let report = analyze(text, &Options::default());
    assert_eq!(report.language, Language::Es);
    let kinds: Vec<Kind> = report.claims.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, vec![Kind::Anonymous, Kind::Named, Kind::Unverified, Kind::Vague, Kind::Organisation]);
    assert!(report.claims[0].checks.as_ref().unwrap().vantage);
    assert!(report.claims[0].explanation.starts_with("Fuente anónima"));
}

#[test]
fn language_can_be_forced() {
    let report = analyze("Officials said so.", &Options { language: LanguageChoice::Es });
    assert_eq!(report.language, Language::Es);
}

#[test]
fn back_references_join_one_group() {
    let text = "The deal is close, sources familiar with the talks said. The sources said a vote could come Friday. One of the sources said the price was agreed.";
    let report = analyze(text, &Options::default());
    assert_eq!(report.claims.len(), 3);
    let group = report.claims[0].group;
    assert!(report.claims.iter().all(|c| c.group == group && c.kind == Kind::Anonymous));
    assert_eq!(report.summary.anonymous_groups, 1);
}

#[test]
fn look_alikes_are_left_alone() {
    for text in [
        "Sources of funding remain unclear.",
        "The firm builds open-source software.",
        "Officials from both teams shook hands.",
        "She told her children a story.",
        "The said property was sold in May.",
    ] {
        assert!(analyze(text, &Options::default()).claims.is_empty(), "{text}");
    }
}

#[test]
fn empty_and_odd_input_never_panics() {
    for text in ["", " ", "\0\0\u{1}", "\u{202e}said sources\u{202c}", "“““", "said", ". . . .", "According to", "\u{FFFD}said"] {
        let report = analyze(text, &Options::default());
        assert_eq!(report.length as usize, text.encode_utf16().count());
    }
}

#[test]
fn same_input_same_report() {
    let text = "Two officials said the strike worked. “It did,” one of them added.";
    assert_eq!(analyze(text, &Options::default()), analyze(text, &Options::default()));
}

#[test]
fn doubled_apostrophes_read_as_quote_marks_and_spans_keep_the_original_text() {
    let text = "''The vote is rigged,'' said Harlan Voss, a county clerk. ``We will count again,'' he added.";
    let report = analyze(text, &Options::default());
    let found: Vec<(&str, &str)> = report.claims.iter().map(|c| (c.cue.text.as_str(), c.source.as_ref().map_or("", |s| s.text.as_str()))).collect();
    assert_eq!(found, vec![("said", "Harlan Voss"), ("added", "he")]);
    assert!(report.claims.iter().all(|c| c.kind == Kind::Named));
    assert_eq!(report.claims[0].group, report.claims[1].group);
    // Spans are cut from the text as given, quote marks and all.
    assert!(report.claims[0].claim.text.starts_with("''The vote"));
    for c in &report.claims {
        assert_eq!(utf16_slice(text, c.sentence.start, c.sentence.end), c.sentence.text);
    }
}

#[test]
fn an_english_son_is_not_a_spanish_passive() {
    let report = analyze("His son said the plan would work. The son said it again.", &Options::default());
    assert_eq!(report.claims.len(), 2);
    assert_eq!(report.claims[0].source.as_ref().unwrap().text, "His son");
}

#[test]
fn a_long_aside_between_dashes_keeps_its_source() {
    for text in [
        "The judge -- who had traded insults with the candidate over the past several days -- said she regretted her remarks.",
        "The judge — who had traded insults with the candidate over the past several days — said she regretted her remarks.",
    ] {
        let report = analyze(text, &Options::default());
        assert_eq!(report.claims.len(), 1, "{text}");
        assert!(report.claims[0].source.as_ref().unwrap().text.starts_with("The judge"));
        assert_eq!(report.claims[0].claim.text, "she regretted her remarks.");
    }
}

#[test]
fn shares_of_a_poll_and_unnamed_members_of_the_public_are_vague() {
    let text = "One in five say the bridge should close. Nearly half of commuters say the tolls are too high. \
A woman in the crowd shouted that the mayor had lied. The Senate Majority Fund did not respond to a request for comment.";
    let report = analyze(text, &Options::default());
    let kinds: Vec<(Kind, &str)> = report.claims.iter().map(|c| (c.kind, c.cue.text.as_str())).collect();
    assert_eq!(
        kinds,
        vec![(Kind::Vague, "say"), (Kind::Vague, "say"), (Kind::Vague, "shouted"), (Kind::Organisation, "did not respond to a request for comment")]
    );
}

#[test]
fn records_and_data_speak_for_an_institution() {
    let text = "The plant leaked for a week, court records show. \
Tax filings reviewed by CNN show the charity spent $90,000 on flights. \
Harbour Council’s inspection report says the valves were never tested. \
The dockers’ union, which has been bargaining since spring, said the figures proved the port could pay more. \
The hosts argued after Monday’s show. \
The mayor showed reporters a photograph of the site.";
    let report = analyze(text, &Options::default());
    let found: Vec<(Kind, &str, &str)> =
        report.claims.iter().map(|c| (c.kind, c.cue.text.as_str(), c.source.as_ref().map_or("", |s| s.text.as_str()))).collect();
    assert_eq!(
        found,
        vec![
            (Kind::Organisation, "show", "court records"),
            (Kind::Organisation, "show", "Tax filings reviewed by CNN"),
            (Kind::Organisation, "says", "Harbour Council’s inspection report"),
            (Kind::Organisation, "said", "The dockers’ union"),
        ]
    );
}

#[test]
fn an_unnamed_person_granted_anonymity_is_anonymous() {
    let text = "A former cook who worked in the kitchen until June, and who asked us not to print his name because he still works in the trade, said the freezers had failed for weeks. \
“Nobody wanted to tell the owner,” he said. \
Several banks have quietly cut their lending, regulators involved in the review told the paper, declining to be named because the review is not finished.";
    let report = analyze(text, &Options::default());
    let found: Vec<(Kind, &str)> = report.claims.iter().map(|c| (c.kind, c.source.as_ref().map_or("", |s| s.text.as_str()))).collect();
    assert_eq!(found[0], (Kind::Anonymous, "A former cook who worked in the kitchen until June"));
    assert_eq!(found[1], (Kind::Anonymous, "he"));
    assert_eq!(report.claims[0].group, report.claims[1].group);
    // The grant belongs to the regulators, not to the banks their claim is about.
    assert!(found.iter().all(|(k, s)| !(s.starts_with("Several banks") && *k == Kind::Anonymous)));
    assert_eq!(report.claims[0].checks.as_ref().unwrap().reason, Reason::Given);
}

#[test]
fn spanish_anonymity_grants_and_no_comment() {
    let text = "Un técnico de la planta, que ha preferido no dar su nombre por miedo a represalias, aseguró que la válvula falló. \
El Ayuntamiento declinó responder a las preguntas de este diario.";
    let report = analyze(text, &Options::default());
    let kinds: Vec<Kind> = report.claims.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, vec![Kind::Anonymous, Kind::Organisation]);
}

#[test]
fn later_mentions_join_their_first_mention() {
    let text = "Photo app Brightlane said Tuesday that hackers had copied user emails. \
Brightlane Inc., which has 9 million users, said passwords were safe. \
The attackers used a test server, the company said. \
The coach of Riverton, Julia Menke, said the team would appeal. \
Menke said the ban was unfair. \
A source who works at the club told us the players were furious. \
The insider added that the captain had threatened to quit. \
Officials involved in the talks said the deal was close. \
One official said a signing could come within days.";
    let report = analyze(text, &Options::default());
    let group_of = |source: &str| report.claims.iter().find(|c| c.source.as_ref().is_some_and(|s| s.text == source)).and_then(|c| c.group).unwrap();
    assert_eq!(group_of("Photo app Brightlane"), group_of("Brightlane Inc."));
    assert_eq!(group_of("Photo app Brightlane"), group_of("the company"));
    assert_eq!(group_of("The coach of Riverton, Julia Menke"), group_of("Menke"));
    assert_eq!(group_of("A source who works at the club"), group_of("The insider"));
    assert_eq!(group_of("Officials involved in the talks"), group_of("One official"));
    assert_ne!(group_of("Menke"), group_of("The insider"));
}

#[test]
fn according_to_names_a_source_whatever_word_opens_it() {
    let text = "The campaign hired two data firms, according to multiple people familiar with the effort. \
According to law enforcement officials, the phone had been wiped. \
Turnout fell to 41 percent, according to early returns. \
Ballots will be counted according to rules set by the county board. \
The launch went ahead according to plan.";
    let report = analyze(text, &Options::default());
    let found: Vec<(Kind, &str)> = report.claims.iter().map(|c| (c.kind, c.source.as_ref().map_or("", |s| s.text.as_str()))).collect();
    assert_eq!(
        found,
        vec![
            (Kind::Anonymous, "multiple people familiar with the effort"),
            (Kind::Anonymous, "law enforcement officials"),
            (Kind::Organisation, "early returns"),
        ]
    );
}

#[test]
fn title_case_headlines_report_with_their_subject() {
    let report = analyze("Mayor Says Bridge Will Reopen By Spring", &Options::default());
    assert_eq!(report.claims.len(), 1);
    assert_eq!(report.claims[0].source.as_ref().unwrap().text, "Mayor");
    for text in [
        "Old Rivalry Revives Old Fears In Port Town",
        "Her cookbook, Say It With Soup, sold 80,000 copies.",
        "In a later note to staff, Ruiz said the newsroom would move.",
        "Ortiz, who helped found the Harbor Trust, said the vote was rushed.",
    ] {
        let r = analyze(text, &Options::default());
        assert!(r.claims.iter().all(|c| !matches!(c.cue.text.as_str(), "Revives" | "Say" | "note" | "found")), "{text}: {:?}", r.claims.iter().map(|c| &c.cue.text).collect::<Vec<_>>());
    }
    let r = analyze("“It will not close,” said the 61-year-old.", &Options::default());
    assert_eq!(r.claims[0].source.as_ref().unwrap().text, "the 61-year-old");
}

#[test]
fn stances_rest_on_named_people_and_institutions_only() {
    let text = "Senator Ruth Okafor supports a ban on the sale, which critics say would cost 900 jobs. \
The utility plans to raise rates in March. \
Some residents want the plant closed. \
The Kings have agreed to trade Mercer for two picks, according to two people briefed on the deal, who requested anonymity because it has not been announced.";
    let report = analyze(text, &Options::default());
    let found: Vec<(Kind, &str)> = report.claims.iter().map(|c| (c.kind, c.cue.text.as_str())).collect();
    assert_eq!(
        found,
        vec![
            (Kind::Named, "supports"),
            (Kind::Vague, "say"),
            (Kind::Organisation, "plans"),
            (Kind::Organisation, "agreed"),
            (Kind::Anonymous, "according to"),
        ]
    );
    let anonymous = &report.claims[4];
    assert!(anonymous.claim.text.starts_with("The Kings have agreed"));
}

#[test]
fn verbs_that_only_look_like_reporting() {
    for text in [
        "Her lead of nearly 300 pledged delegates is hard to overcome.",
        "Most refugees admitted to the country last year were children.",
        "The city responded by building three new shelters.",
        "They hired a firm called Northline Data to run the polls.",
    ] {
        let report = analyze(text, &Options::default());
        assert!(report.claims.is_empty(), "{text}: {:?}", report.claims.iter().map(|c| &c.cue.text).collect::<Vec<_>>());
    }
    for text in ["The mayor responded by saying the shelters were full.", "The senator admitted to misleading the committee."] {
        assert_eq!(analyze(text, &Options::default()).claims.len(), 1, "{text}");
    }
}

#[test]
fn a_capitalised_name_before_an_appositive_is_named() {
    let report = analyze("Hemsley, the co-author of a book on viral news, said the days of one shared story are gone.", &Options::default());
    assert_eq!(report.claims.len(), 1);
    assert_eq!(report.claims[0].kind, Kind::Named);
    assert_eq!(report.claims[0].source.as_ref().unwrap().text, "Hemsley, the co-author of a book on viral news");
    // Only with a verb of speech: a rider who "claimed the jersey" won a race.
    let race = analyze("Brun, 26, claimed the mountains jersey at the spring tour.", &Options::default());
    assert!(race.claims.is_empty(), "{:?}", race.claims);
}

#[test]
fn the_main_verb_is_the_cue_when_a_relative_clause_holds_another() {
    let report = analyze("The union, which wants higher pay, said the talks had failed.", &Options::default());
    assert_eq!(report.claims.len(), 1);
    let claim = &report.claims[0];
    assert_eq!((claim.kind, claim.cue.text.as_str(), claim.claim.text.as_str()), (Kind::Organisation, "said", "the talks had failed."));
}

#[test]
fn an_infinitive_that_opens_a_sentence_is_no_source() {
    let report = analyze("To report an outage, call the utility at 1-800-555-0147 or use its app.", &Options::default());
    assert!(report.claims.is_empty(), "{:?}", report.claims);
}

#[test]
fn plural_roles_are_unnamed_people_or_the_named_ones_just_quoted() {
    let report = analyze("The lawyers said the company would return.", &Options::default());
    assert_eq!(report.claims.iter().map(|c| c.kind).collect::<Vec<_>>(), vec![Kind::Anonymous]);
    let text = "Maria Lopez, a lawyer for the families, said the plant had been warned. The lawyers said the company would appeal.";
    let report = analyze(text, &Options::default());
    assert_eq!(report.claims.iter().map(|c| c.kind).collect::<Vec<_>>(), vec![Kind::Named, Kind::Named]);
    assert_eq!(report.claims[0].group, report.claims[1].group);
}

#[test]
fn declining_an_interview_is_no_comment_but_declining_a_contract_is_not() {
    let text = "Ms. Brainard declined to be interviewed for this article. A council spokeswoman, Nina Ortiz, declined comment beyond its filings. \
The sponsor declined to renew its contract.";
    let report = analyze(text, &Options::default());
    let cues: Vec<&str> = report.claims.iter().map(|c| c.cue.text.as_str()).collect();
    assert_eq!(cues, vec!["declined to be interviewed", "declined comment"]);
}

/// (kind, source) of every claim.
fn kinds_and_sources(text: &str) -> Vec<(Kind, Option<String>)> {
    analyze(text, &Options::default()).claims.iter().map(|c| (c.kind, c.source.as_ref().map(|s| s.text.clone()))).collect()
}

/// (kind, cue, source) of every claim.
fn kinds_cues_and_sources(text: &str) -> Vec<(Kind, String, Option<String>)> {
    analyze(text, &Options::default()).claims.iter().map(|c| (c.kind, c.cue.text.clone(), c.source.as_ref().map(|s| s.text.clone()))).collect()
}

/// (source, cue) of every claim.
fn sources_and_cues(text: &str) -> Vec<(String, String)> {
    analyze(text, &Options::default())
        .claims
        .iter()
        .map(|c| (c.source.as_ref().map_or(String::new(), |s| s.text.clone()), c.cue.text.clone()))
        .collect()
}

#[test]
fn a_manner_adverb_between_a_source_and_its_cue_is_stepped_over() {
    let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
    assert_eq!(
        sources_and_cues("Governor Pell jokingly said the budget was “a love letter to accountants.” The mayor sometimes says the opposite."),
        pairs(&[("Governor Pell", "said"), ("The mayor", "says")])
    );
    // "family" ends like an adverb but is the source.
    assert_eq!(sources_and_cues("The family said the inquiry was a whitewash."), pairs(&[("The family", "said")]));
}

#[test]
fn quantities_of_people_asides_and_postmodifiers_do_not_hide_the_source() {
    let kinds = kinds_and_sources;
    // A noun of quantity before "of": the people after it are the head.
    assert_eq!(kinds("Raising rates now, a wide array of economists say, would stall the recovery."), vec![(Kind::Vague, Some("a wide array of economists".into()))]);
    assert_eq!(kinds("Dozens of officials said the plan was dead."), vec![(Kind::Anonymous, Some("Dozens of officials".into()))]);
    assert_eq!(kinds("Un grupo de expertos dijo que el plan fracasará."), vec![(Kind::Vague, Some("Un grupo de expertos".into()))]);
    // "nine out of 10": poll respondents.
    assert_eq!(kinds("Nearly eight out of 10 say they want a recount."), vec![(Kind::Vague, Some("Nearly eight out of 10".into()))]);
    // "privy to" modifies "sources", like "familiar with".
    assert_eq!(kinds("Two sources privy to the talks say the deal is close."), vec![(Kind::Anonymous, Some("Two sources privy to the talks".into()))]);
    // A parenthetical aside is not part of the name.
    assert_eq!(kinds("Halvorsen (who has 25 delegates so far) said the race was open."), vec![(Kind::Named, Some("Halvorsen (who has 25 delegates so far)".into()))]);
    // "Even" opens the sentence, not the source.
    assert_eq!(kinds("Even the organizer of the march said the route was unsafe."), vec![(Kind::Named, Some("the organizer of the march".into()))]);
}

#[test]
fn a_relative_clause_of_speech_after_a_clause_is_the_name_s() {
    let kinds = kinds_cues_and_sources;
    // "who" describes the name right before it, not the clause that ends with it; and "said" is no
    // part of the next verb's subject ("said he intended").
    assert_eq!(
        kinds("The defeat was heavy for Ms. Varga, who said she intended to rest for a day."),
        vec![(Kind::Named, "said".into(), Some("Ms. Varga".into()))]
    );
    // "which" is not a person: the records speak, not "July".
    let claims = kinds("The senator released her tax records in July, which showed she owed nothing.");
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0].1, "showed");
    assert!(claims[0].2.as_deref().is_some_and(|s| s.contains("tax records")), "{claims:?}");
    // Not for a noun phrase: the spokesman may be who said it, and he declined.
    assert_eq!(
        kinds("A spokesman for Gov. Ellen Marsh, who said the governor would sign the bill, declined to elaborate."),
        vec![(Kind::Named, "declined to elaborate".into(), Some("A spokesman for Gov. Ellen Marsh".into()))]
    );
    // Not after "of": "Sen. Ada Ruiz of Vermont, who opposed" is Ruiz.
    let claims = kinds("The bill was backed by Sen. Ada Ruiz of Vermont, who opposed the war.");
    assert!(claims.iter().all(|(_, _, source)| source.as_deref() != Some("Vermont")), "{claims:?}");
}

#[test]
fn review_cases_that_must_not_misfire() {
    let kinds = kinds_and_sources;
    // "the host of the show" is one person, not a quantity ("a host of critics").
    assert_eq!(kinds("The host of the show said the season would be the last."), vec![(Kind::Named, Some("The host of the show".into()))]);
    // "speaking" and "connected" modify the noun before them only with a preposition after them.
    assert_eq!(kinds("Spanish speaking voters said they felt ignored."), vec![(Kind::Vague, Some("Spanish speaking voters".into()))]);
    assert_eq!(kinds("Well connected insiders said the merger was off."), vec![(Kind::Anonymous, Some("Well connected insiders".into()))]);
    // A name in parentheses names the source.
    assert_eq!(kinds("A spokesperson (Maria Lopez) said the plant would reopen."), vec![(Kind::Named, Some("A spokesperson (Maria Lopez)".into()))]);
    // An auxiliary before the pronoun makes a question or an inversion, not a statement.
    assert!(kinds("Why did he say the vote was rigged?").is_empty());
    assert!(kinds("Not once did he say the word sorry.").is_empty());
    assert!(kinds("Had he said that, the deal would have collapsed.").is_empty());
    // An adjective after "be", however many adverbs between: "are so vehemently opposed to".
    assert!(kinds("Some donors are so vehemently opposed to the merger that they sold their shares.").is_empty());
}

#[test]
fn an_email_is_a_record_that_can_show() {
    let claims = analyze("A March email shows the department sent ten staffers to the gala.", &Options::default()).claims;
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].source.as_ref().map(|s| s.text.as_str()), Some("A March email"));
}

#[test]
fn a_subject_pronoun_is_the_whole_subject_and_time_phrases_are_stepped_over() {
    let kinds = kinds_cues_and_sources;
    assert_eq!(
        kinds("Ferris was so taken with the offer he said the board should sign that night."),
        vec![(Kind::Named, "said".into(), Some("he".into()))]
    );
    // A question's auxiliary before the pronoun: no subject there.
    assert!(kinds("Can he keep the lead through the winter?").is_empty());
    // "in the past" between the subject and its cue, with the auxiliary before it.
    assert_eq!(
        kinds("The mayor’s advisers have in the past said the levy was too low."),
        vec![(Kind::Anonymous, "said".into(), Some("The mayor’s advisers".into()))]
    );
    // A crowd with its own postmodifier is still a crowd.
    assert_eq!(
        kinds("In interviews, young voters in both counties described the race as a blur."),
        vec![(Kind::Vague, "described".into(), Some("young voters in both counties".into()))]
    );
}

#[test]
fn an_appositive_whose_comma_sits_inside_a_closing_quote() {
    let claims = analyze("Maria Whitlock, host of “Morning Table,” said the programme would end in May.", &Options::default()).claims;
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].kind, Kind::Named);
    assert_eq!(claims[0].source.as_ref().map(|s| s.text.as_str()), Some("Maria Whitlock, host of “Morning Table,”"));
    // A closing quote after a quoted claim is no appositive.
    let claims = analyze("The plant will close, “and soon,” Whitlock said.", &Options::default()).claims;
    assert_eq!(claims[0].source.as_ref().map(|s| s.text.as_str()), Some("Whitlock"));
}

#[test]
fn a_journalist_of_an_outlet_is_named_whatever_the_given_name() {
    // "Zorvan" is in no list of given names: the name beside the outlet makes the person.
    for (text, source) in [
        ("CNN's Zorvan Haskell reported that the count was slow.", "CNN's Zorvan Haskell"),
        ("Zorvan Haskell of NBC News said the count was slow.", "Zorvan Haskell of NBC News"),
        ("The Washington Post's Ilse Varga wrote that the count was slow.", "The Washington Post's Ilse Varga"),
    ] {
        assert_eq!(kinds_and_sources(text), vec![(Kind::Named, Some(source.to_string()))], "{text}");
    }
    // An apostrophe alone makes the possessive after an s.
    assert_eq!(kinds_and_sources("Reuters’ Zorvan Haskell argued that the count was slow."), vec![(Kind::Named, Some("Reuters’ Zorvan Haskell".to_string()))]);
    // The outlet itself, its programmes and desks, its poll, and a job title are its reporting.
    for text in [
        "As CNN previously reported, the count was slow.",
        "Fox's Special Report said the count was slow.",
        "The count was slow, according to an ABC News-Washington Post poll.",
        "MSNBC's Morning Joe reported that the count was slow.",
        "CBS Evening News reported that the count was slow.",
        "CNN's Situation Room reported that the count was slow.",
        "The Washington Post's Fact Checker wrote that the count was slow.",
        "NBC's Saturday Night Live said the count was slow.",
        "A Senior Correspondent of CNN said the count was slow.",
    ] {
        assert_eq!(kinds_and_sources(text).iter().map(|(k, _)| *k).collect::<Vec<_>>(), vec![Kind::Report], "{text}");
    }
}

#[test]
fn a_given_name_makes_a_person_of_a_title_and_an_institution() {
    // "Ross" and "Dana" are in first_names.txt: the person speaks, not the institute or the network.
    for text in ["Ross Haldane of the Policy Institute said wages fell.", "NBC's Dana Haskell said the count was slow."] {
        let claims = analyze(text, &Options::default()).claims;
        assert_eq!(claims.iter().map(|c| c.kind).collect::<Vec<_>>(), vec![Kind::Named], "{text}");
    }
}
