use super::*;
use crate::article::Article;

/// One attribution, as text.
#[derive(Debug)]
struct Seen {
    kind: ContentKind,
    content: Vec<String>,
    cue: Option<String>,
    source: Option<String>,
    resolved: Option<String>,
    addressee: Option<String>,
    chain: Vec<String>,
    confidence: Confidence,
}

fn seen(text: &str) -> Vec<Seen> {
    let a = Article::new(text);
    let s = |x: Option<Span>| x.map(|x| x.slice(text).to_string());
    a.attributions()
        .items
        .iter()
        .map(|at| Seen {
            kind: at.kind,
            content: at
                .content
                .iter()
                .map(|c| c.slice(text).to_string())
                .collect(),
            cue: s(at.cue()),
            source: s(at.source()),
            resolved: s(at.resolved()),
            addressee: s(at.addressee()),
            chain: at
                .chain()
                .iter()
                .map(|c| c.slice(text).to_string())
                .collect(),
            confidence: at.confidence,
        })
        .collect()
}

fn only(text: &str) -> Seen {
    let mut all = seen(text);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.remove(0)
}

const H: &str = "Headline of the day\n\n";

/// The words of the first statement of `all` whose source is `source`, parts joined.
fn content_of(all: &[Seen], source: &str) -> Option<String> {
    all.iter()
        .find(|s| s.source.as_deref() == Some(source))
        .map(|s| s.content.join(" "))
}

/// For each `(text, source, words)`: the statement of `source` in the paragraph `text`
/// has these words.
#[track_caller]
fn assert_words(cases: &[(&str, &str, &str)]) {
    for &(text, source, content) in cases {
        let all = seen(&format!("{H}{text}"));
        assert_eq!(
            content_of(&all, source).as_deref(),
            Some(content),
            "{text}: {all:#?}"
        );
    }
}

/// For each `(text, cue)`: a statement of the paragraph `text` has the cue `cue`.
#[track_caller]
fn assert_cues(cases: &[(&str, &str)]) {
    for &(text, cue) in cases {
        let all = seen(&format!("{H}{text}"));
        assert!(
            all.iter().any(|s| s.cue.as_deref() == Some(cue)),
            "{text}: {all:#?}"
        );
    }
}

/// No statement of `all` has the cue `cue`.
#[track_caller]
fn assert_no_cue(all: &[Seen], cue: &str) {
    assert!(
        all.iter().all(|s| s.cue.as_deref() != Some(cue)),
        "{all:#?}"
    );
}

#[test]
fn direct_quote_with_trailing_speaker() {
    for (mark_open, mark_close) in [
        ("\"", "\""),
        ("\u{201c}", "\u{201d}"),
        ("\u{ab}", "\u{bb}"),
        ("\u{2018}", "\u{2019}"),
    ] {
        let text = format!(
            "{H}{mark_open}We will win this election,{mark_close} Maria Lopez said on Tuesday."
        );
        let s = only(&text);
        assert_eq!(s.kind, ContentKind::Direct);
        assert_eq!(s.content, ["We will win this election"], "{mark_open}");
        assert_eq!(s.cue.as_deref(), Some("said"));
        assert_eq!(s.source.as_deref(), Some("Maria Lopez"));
        assert_eq!(s.confidence, Confidence::High);
    }
    let s = only(&format!(
        "{H}\"The dam will hold,\" said Anna Berg, the chief engineer."
    ));
    assert_eq!(s.content, ["The dam will hold"]);
    assert_eq!(s.source.as_deref(), Some("Anna Berg"));
}

#[test]
fn direct_quote_after_the_cue() {
    let s = only(&format!("{H}Maria Lopez said: \"The budget is balanced.\""));
    assert_eq!(s.kind, ContentKind::Direct);
    assert_eq!(s.content, ["The budget is balanced"]);
    assert_eq!(s.source.as_deref(), Some("Maria Lopez"));
}

#[test]
fn quote_split_around_the_cue() {
    let s = only(&format!(
        "{H}\u{201c}The bridge is safe,\u{201d} the engineer said, \u{201c}and it will open in May.\u{201d}"
    ));
    assert_eq!(s.content, ["The bridge is safe", "and it will open in May"]);
    assert_eq!(s.source.as_deref(), Some("the engineer"));
    // Over two sentences: the second part follows the speaker's sentence.
    let s = only(&format!(
        "{H}\"We counted twice,\" Tom Baker said, smiling. \"Nothing was missing.\""
    ));
    assert_eq!(s.content, ["We counted twice", "Nothing was missing"]);
}

#[test]
fn quote_over_several_paragraphs() {
    let s = only(&format!(
        "{H}Tom Baker said: \"The first thing we did was count the votes.\n\n\"Then we counted them again, by hand.\"\n\nThe count ended at noon."
    ));
    assert_eq!(
        s.content,
        [
            "The first thing we did was count the votes",
            "Then we counted them again, by hand"
        ]
    );
    assert_eq!(s.source.as_deref(), Some("Tom Baker"));
}

#[test]
fn indirect_speech_after_a_cue() {
    let s = only(&format!(
        "{H}The mayor of Springfield said that the new park would open next spring."
    ));
    assert_eq!(s.kind, ContentKind::Indirect);
    assert_eq!(s.content, ["the new park would open next spring"]);
    assert_eq!(s.cue.as_deref(), Some("said"));
    assert_eq!(s.source.as_deref(), Some("The mayor of Springfield"));
    let s = only(&format!("{H}The company denied the allegations of fraud."));
    assert_eq!(
        (s.cue.as_deref(), s.content[0].as_str()),
        (Some("denied"), "the allegations of fraud")
    );
    let s = only(&format!(
        "{H}Health officials warned the outbreak could spread to the coast."
    ));
    assert_eq!(s.content, ["the outbreak could spread to the coast"]);
    // A verb the old built-in list did not have.
    let s = only(&format!(
        "{H}The minister acknowledged that mistakes were made."
    ));
    assert_eq!(s.cue.as_deref(), Some("acknowledged"));
    // "said in a statement" is the cue as written.
    let s = only(&format!(
        "{H}The port authority said in a statement that ships were delayed."
    ));
    assert_eq!(s.cue.as_deref(), Some("said in a statement"));
    assert_eq!(s.content, ["ships were delayed"]);
}

#[test]
fn according_to_before_and_after() {
    let s = only(&format!(
        "{H}According to the fire department, the blaze started in the kitchen."
    ));
    assert_eq!(s.content, ["the blaze started in the kitchen"]);
    assert_eq!(s.cue.as_deref(), Some("According to"));
    assert_eq!(s.source.as_deref(), Some("the fire department"));
    let s = only(&format!(
        "{H}The blaze started in the kitchen, according to the fire department."
    ));
    assert_eq!(s.content, ["The blaze started in the kitchen"]);
    assert_eq!(s.source.as_deref(), Some("the fire department"));
    // A reporting word inside the source is a noun there (`show`, `survey`).
    let s = only(&format!(
        "{H}The host demeaned the guests on air, according to show insiders."
    ));
    assert_eq!(s.cue.as_deref(), Some("according to"));
    assert_eq!(s.source.as_deref(), Some("show insiders"));
    assert_eq!(s.content, ["The host demeaned the guests on air"]);
    // A participle phrase after the source's noun is the source's, up to the comma.
    let s = only(&format!(
        "{H}According to figures published by the council, sailings fell by a fifth."
    ));
    assert_eq!(
        s.source.as_deref(),
        Some("figures published by the council")
    );
    assert_eq!(s.content, ["sailings fell by a fifth"]);
}

#[test]
fn a_quotation_closed_on_a_period_ends_its_sentence() {
    // American style puts the period inside the marks: the next speaker's clause is a
    // statement of its own, not a reporting clause of the quotation before it.
    let all = seen(&format!(
        "{H}Mayor Greta Aydin said the reform was \u{201c}far too late for the towns.\u{201d} Harbor Times said the mine was \u{201c}a serious threat for our members.\u{201d}"
    ));
    let by = |who: &str| {
        all.iter()
            .find(|s| s.source.as_deref() == Some(who))
            .unwrap_or_else(|| panic!("{who}: {all:#?}"))
    };
    assert_eq!(
        by("Mayor Greta Aydin").content,
        ["the reform was \u{201c}far too late for the towns.\u{201d}"]
    );
    assert_eq!(
        by("Harbor Times").content,
        ["the mine was \u{201c}a serious threat for our members.\u{201d}"]
    );
    // A short clause after it still reports it.
    let s = only(&format!("{H}\u{201c}We will win.\u{201d} he said."));
    assert_eq!(
        (s.content[0].as_str(), s.source.as_deref()),
        ("We will win", Some("he"))
    );
}

#[test]
fn a_participle_before_a_person_noun_is_part_of_the_subject() {
    let s = only(&format!(
        "{H}The firm filed in Richmond, where restructuring experts say judges move quickly."
    ));
    assert_eq!(s.source.as_deref(), Some("restructuring experts"));
    assert_eq!(s.content, ["judges move quickly"]);
    // A participle opening a phrase of its own is no subject (`defending his record`).
    let all = seen(&format!(
        "{H}The mayor spent the week defending his record says nothing new."
    ));
    assert!(
        all.iter()
            .all(|s| s.source.as_deref() != Some("defending his record")),
        "{all:#?}"
    );
}

#[test]
fn trailing_attribution() {
    let s = only(&format!(
        "{H}The vote was postponed until Friday, the council said."
    ));
    assert_eq!(s.content, ["The vote was postponed until Friday"]);
    assert_eq!(s.source.as_deref(), Some("the council"));
    let s = only(&format!(
        "{H}The vote was postponed until Friday, said Anna Berg."
    ));
    assert_eq!(s.source.as_deref(), Some("Anna Berg"));
    assert_eq!(s.cue.as_deref(), Some("said"));
}

#[test]
fn an_inverted_speaker_described_to_the_sentence_end() {
    // A phrase that describes the inverted speaker closes the sentence: the statement is
    // still read, and nobody `asked` anything in a request for anonymity.
    for (text, source) in [
        (
            "The ferry will not run this winter, said one harbor official in the room.",
            "one harbor official",
        ),
        (
            "The ferry will not run this winter, said an aide at the ministry.",
            "aide at the ministry",
        ),
        (
            "The ferry will not run this winter, said an official who asked not to be named.",
            "official",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.content, ["The ferry will not run this winter"], "{text}");
        assert_eq!(s.cue.as_deref(), Some("said"), "{text}");
        assert!(
            s.source.as_deref().is_some_and(|x| x.ends_with(source)),
            "{text}: {s:#?}"
        );
    }
    // An infinitive or a clause with a verb of its own after the inverted words is the
    // reported clause (`said the council tends to delay votes`), not a description.
    let s = only(&format!(
        "{H}Mark Hale -- author of a book on budgets -- said the plan in Ohio would fail."
    ));
    assert_eq!(s.source.as_deref(), Some("Mark Hale"));
    assert_eq!(s.content, ["the plan in Ohio would fail"]);
    // A phrase that goes on with a report of its own is not a description.
    let all = seen(&format!(
        "{H}The ferry will not run this winter, said Ann Dole in a letter that warned of storms."
    ));
    assert!(
        all.iter().all(|s| s.source.as_deref() != Some("Ann Dole")
            || s.content != ["The ferry will not run this winter"]),
        "{all:#?}"
    );
}

#[test]
fn a_clause_joined_by_a_conjunction_is_no_apposition() {
    // `…, and the meeting soured from there, said X`: both clauses are X's, and no
    // words of the reported sentence become the speaker.
    let s = only(&format!(
        "{H}The delay angered the council, and the talks broke down after that, said one harbor official."
    ));
    assert_eq!(s.source.as_deref(), Some("one harbor official"));
    assert_eq!(
        s.content,
        ["The delay angered the council, and the talks broke down after that"]
    );
}

#[test]
fn a_past_tense_verb_ends_the_speaker_before_a_quotation() {
    // No cue for the quotation: the sentence's subject said it, up to its verb (`took`),
    // not `Lind took the mayor`. A past form that is as often a noun stays in the phrase.
    let all = seen(&format!(
        "{H}Petra Lind took the mayor through a tour of \"her harbor\" on the ferry."
    ));
    let s = all
        .iter()
        .find(|s| s.content == ["her harbor"])
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(s.source.as_deref(), Some("Petra Lind"));
    let all = seen(&format!(
        "{H}The tax cut bill stood \"no chance at all\" in the Senate."
    ));
    let s = all
        .iter()
        .find(|s| s.content == ["no chance at all"])
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(s.source.as_deref(), Some("The tax cut bill"));
}

#[test]
fn a_long_role_after_the_name_is_an_apposition() {
    // Past 16 words the apposition is still the speaker's role when it has no verb.
    let s = only(&format!(
        "{H}\"The toll is fair,\" Leo Marsh, director of the small Harbor Policy Center and a lecturer at the Coastal School of the Northern University, said of the plan."
    ));
    assert_eq!(s.source.as_deref(), Some("Leo Marsh"));
    assert_eq!(s.content, ["The toll is fair"]);
    // A long stretch with a verb is a clause of the sentence: its words name nobody.
    let all = seen(&format!(
        "{H}The toll would rise again next year, and the families who live on the far side of the harbor would pay most of it, said Ann Dole."
    ));
    assert!(
        all.iter()
            .all(|s| s.source.as_deref().is_none_or(|x| x == "Ann Dole")),
        "{all:#?}"
    );
}

#[test]
fn accents_decomposed_or_garbled_stay_inside_the_name() {
    // `José` with a combining accent, and `Françoise` decoded with the wrong encoding
    // (`Fran§oise`, `FranÃ§oise`): one name each, which speaks.
    for name in [
        "Jose\u{301} Ramos",
        "Fran\u{a7}oise Lind",
        "Fran\u{c3}\u{a7}oise Lind",
        "FranA\u{303}\u{83}A\u{302}\u{a7}oise Lind",
    ] {
        let s = only(&format!(
            "{H}\"Europe must defend itself,\" President {name} said Friday."
        ));
        assert_eq!(
            s.source.as_deref(),
            Some(format!("President {name}").as_str())
        );
        assert_eq!(s.content, ["Europe must defend itself"]);
    }
}

#[test]
fn said_to_an_addressee_and_said_to_be() {
    // `said to reporters`, `explained to the crowd`: a report, the addressee named.
    for (text, content, addressee) in [
        (
            "\"The ferry will run,\" Ann Dole said to reporters.",
            "The ferry will run",
            "reporters",
        ),
        (
            "\"The ferry will run,\" Ann Dole explained to the crowd.",
            "The ferry will run",
            "the crowd",
        ),
        (
            "Ann Dole said to the council that the ferry will run.",
            "the ferry will run",
            "the council",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.content, [content], "{text}");
        assert_eq!(s.source.as_deref(), Some("Ann Dole"), "{text}");
        assert_eq!(s.addressee.as_deref(), Some(addressee), "{text}");
    }
    // `is said to be`, `agreed to an interview`, `spoke to this week`: no addressee.
    assert!(seen(&format!("{H}Ann Dole is said to be angry about the ferry.")).is_empty());
    let all = seen(&format!(
        "{H}Ann Dole agreed to a long interview for the harbor paper."
    ));
    assert!(all.iter().all(|s| s.addressee.is_none()), "{all:#?}");
}

#[test]
fn a_quotation_going_on_after_but_and_as_put_it_after_an_apposition() {
    // `"…," he said, but "…"`: both parts are the speaker's.
    let s = only(&format!(
        "{H}\"Frankly, I trust Tom,\" Ann Dole said, but \"when it comes to ferries, Tom has a history.\""
    ));
    assert_eq!(
        s.content,
        [
            "Frankly, I trust Tom",
            "when it comes to ferries, Tom has a history"
        ]
    );
    // `As X, a role, recently put it, …`: `as` opens the clause before the apposition.
    let s = only(&format!(
        "{H}As Ann Dole, a tax lawyer at the harbor center, recently put it, \"Did the board lower the tolls?\""
    ));
    assert_eq!(s.source.as_deref(), Some("Ann Dole"));
    assert_eq!(s.cue.as_deref(), Some("put it"));
    assert_eq!(s.content, ["Did the board lower the tolls"]);
}

#[test]
fn participles_adding_a_clause_and_set_off_by_commas() {
    // `…, adding he would …`: a subject pronoun opens the added clause (but `adding
    // fuel to …` adds nothing said).
    let all = seen(&format!(
        "{H}\"The toll was the last straw,\" Bill Smith said, adding he would not back the plan."
    ));
    let added = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("adding"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(added.content, ["he would not back the plan"]);
    assert_eq!(added.source.as_deref(), Some("Bill Smith"));
    let all = seen(&format!(
        "{H}The storm hit the coast on Monday, adding fuel to the debate over the sea wall."
    ));
    assert_no_cue(&all, "adding");
    // `X, despite admitting that …, voted …`: the phrase ends at its comma.
    let s = only(&format!(
        "{H}Mayor Ann Dole, despite admitting that she had doubts about the toll, voted for the bridge."
    ));
    assert_eq!(s.source.as_deref(), Some("Mayor Ann Dole"));
    assert_eq!(s.content, ["she had doubts about the toll"]);
    // A phrase that is the predicate's own runs on past the comma.
    let all = seen(&format!(
        "{H}Mayor Ann Dole spoke first. She began by emphasizing safety, and a need to repair the pier."
    ));
    assert!(
        all.iter()
            .any(|s| s.content == ["safety, and a need to repair the pier"]),
        "{all:#?}"
    );
}

#[test]
fn a_reporting_participle_ends_the_statement_before_it_and_reports_for_its_subject() {
    // `…, adding that …` after an indirect statement: two statements, not one running on.
    let all = seen(&format!(
        "{H}Councillor Ivo Marsh said the pier was too old, adding that repairs would cost millions."
    ));
    let said = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("said"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(said.content, ["the pier was too old"]);
    let added = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("adding"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(added.content, ["repairs would cost millions"]);
    assert_eq!(added.source.as_deref(), Some("Councillor Ivo Marsh"));
    // `…, going on to say that …`: the participle leads to the cue, and the speaker is
    // the one before the comma.
    let all = seen(&format!(
        "{H}\"The ferry stays,\" Ivo Marsh said, going on to say that the night route would close."
    ));
    let went_on = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("say"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(went_on.content, ["the night route would close"]);
    assert_eq!(went_on.source.as_deref(), Some("Ivo Marsh"));
    let all = seen(&format!(
        "{H}Ivo Marsh said the pier was old, going on to note that the tolls would rise."
    ));
    assert!(
        all.iter().any(|s| s.content == ["the pier was old"]),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|s| s.cue.as_deref() == Some("note") && s.source.as_deref() == Some("Ivo Marsh")),
        "{all:#?}"
    );
    // `…, according to …` after a statement: the statement ends at the comma.
    let all = seen(&format!(
        "{H}Shipping group Marlow warned customers of delays of up to five days, according to a notice on its website."
    ));
    assert!(
        all.iter().any(|s| s.cue.as_deref() == Some("warned")
            && s.content == ["customers of delays of up to five days"]),
        "{all:#?}"
    );
    // `citing` reports too (PolNeAR's annotators read it as a cue of its own).
    let all = seen(&format!(
        "{H}Ivo Marsh said the pier would close, citing the cost of the repairs."
    ));
    assert!(
        all.iter()
            .any(|s| s.cue.as_deref() == Some("said") && s.content == ["the pier would close"]),
        "{all:#?}"
    );
    assert_eq!(
        with_cue(&all, "citing").content,
        ["the cost of the repairs"]
    );
}

#[test]
fn an_absolute_phrase_gives_its_participle_a_subject_of_its_own() {
    // `…, with one organiser, Mairi Lund, describing …`: the organiser's words, and the
    // statement before ends at the comma.
    let all = seen(&format!(
        "{H}Residents' groups warned the cuts would hit tourism, with one organiser, Mairi Lund, describing the plans as reckless."
    ));
    let warned = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("warned"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(warned.content, ["the cuts would hit tourism"]);
    let described = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("describing"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(described.source.as_deref(), Some("Mairi Lund"));
    assert_eq!(described.content, ["the plans as reckless"]);
    // No apposition: the noun phrase itself; an act before it ends at the comma.
    let all = seen(&format!(
        "{H}Parents blocked the road to the school, with many saying that it was unfair."
    ));
    let said = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("saying"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(said.source.as_deref(), Some("many"));
    assert_eq!(said.content, ["it was unfair"]);
    assert!(
        all.iter()
            .any(|s| s.cue.as_deref() == Some("blocked")
                && s.content == ["the road to the school"]),
        "{all:#?}"
    );
    // A participle that reports nothing is no statement, and the words before run on.
    assert!(seen(&format!(
        "{H}The road reopened, with the traffic flowing freely."
    ))
    .is_empty());
    let s = only(&format!(
        "{H}Officials warned the storm would hit the coast, with waves rising fast."
    ));
    assert_eq!(
        s.content,
        ["the storm would hit the coast, with waves rising fast"]
    );
}

#[test]
fn a_description_of_unknown_kind_is_not_whoever_spoke_last() {
    // `the authority` is neither a person nor a listed kind of group: it stands for an
    // earlier speaker only when that speaker's name holds its head word.
    let all = seen(&format!(
        "{H}Pieter Janssens said the talks had failed.\n\nThe authority said that cargo handling had slowed."
    ));
    let port = all
        .iter()
        .find(|s| s.source.as_deref() == Some("The authority"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(port.resolved, None);
    let all = seen(&format!(
        "{H}The Harbor Port Authority said the talks had failed.\n\nThe authority said that cargo handling had slowed."
    ));
    let port = all
        .iter()
        .find(|s| s.source.as_deref() == Some("The authority"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(port.resolved.as_deref(), Some("The Harbor Port Authority"));
}

#[test]
fn single_quotation_marks_as_british_papers_write_them() {
    // `'…,' said X`: the mark closing the quotation is no possessive before a noun.
    for (open, close) in [("'", "'"), ("\u{2018}", "\u{2019}")] {
        let text = format!(
            "{H}{open}This is a betrayal,{close} said Angus Rowe, the MP for the Outer Isles. {open}We were told one thing.{close}"
        );
        let all = seen(&text);
        let rowe = all
            .iter()
            .find(|s| s.content.first().map(String::as_str) == Some("This is a betrayal"))
            .unwrap_or_else(|| panic!("{all:#?}"));
        assert_eq!(rowe.source.as_deref(), Some("Angus Rowe"));
        assert_eq!(rowe.cue.as_deref(), Some("said"));
        // A mark closing before punctuation closes the quotation: the content keeps it.
        let text = format!("{H}She added that the talks were {open}constructive{close}.");
        let s = only(&text);
        assert_eq!(
            s.content,
            [format!("the talks were {open}constructive{close}")]
        );
    }
    // A possessive after a name or plural in `-s` stays one: `the Jones' claim that …`
    // is no cue.
    let all = seen(&format!(
        "{H}The Jones' claim that the pier is unsafe was rejected. Workers' claims that the pier is old were rejected."
    ));
    assert!(
        all.iter()
            .all(|s| !matches!(s.cue.as_deref(), Some("claim" | "claims"))),
        "{all:#?}"
    );
}

#[test]
fn an_object_pronoun_before_a_quotation_is_the_addressee() {
    // `asking her, “…”`: `her` is whom the speaker asked, not the quotation's first word;
    // the verb of its own takes the second quotation from the first one's cue.
    let all = seen(&format!(
        "{H}\u{201c}Hold the line,\u{201d} Ann Dole sings to the mayor before asking her, \u{201c}Who pays for the pier?\u{201d}"
    ));
    let asked = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("asking"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(asked.content, ["Who pays for the pier"]);
    assert_eq!(asked.addressee.as_deref(), Some("her"));
    let sung = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("sings"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(sung.content, ["Hold the line"]);
    assert_eq!(sung.source.as_deref(), Some("Ann Dole"));
}

#[test]
fn a_connective_opening_the_sentence_is_not_part_of_the_speaker() {
    // `Meanwhile Dole continues …` without a comma: the speaker is `Dole`, resolved to
    // the full name.
    let all = seen(&format!(
        "{H}Ann Dole met the council on Friday.\n\nMeanwhile Dole continues her campaign against the toll."
    ));
    let s = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("continues"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(s.source.as_deref(), Some("Dole"));
    assert_eq!(s.resolved.as_deref(), Some("Ann Dole"));
}

#[test]
fn headline_form() {
    let text = "date 2021-03-04 Ramos: the port will reopen next week\n\nThe harbour master, Luis Ramos, spoke on Monday.";
    let s = only(text);
    assert_eq!(s.kind, ContentKind::Headline);
    assert_eq!(s.content, ["the port will reopen next week"]);
    assert_eq!(s.source.as_deref(), Some("Ramos"));
    // A title with a colon whose first words the body never names is no attribution.
    assert!(seen("Rain Over Plains: the port will reopen\n\nNothing else.").is_empty());
    // Nor one whose last word alone the body uses.
    assert!(seen("Rain Over Plains: the port will reopen\n\nThe plains were dry.").is_empty());
    // A common noun heading the headline is a source when the body uses its words.
    let s = only("Survey: the night ferry is popular\n\nThe survey asked 400 people.");
    assert_eq!(s.source.as_deref(), Some("Survey"));
    // A name in capitals before the colon is named in the body in any case.
    let s = only("RAMOS: the port will reopen next week\n\nThe harbour master, Luis Ramos, spoke.");
    assert_eq!(s.source.as_deref(), Some("RAMOS"));
}

#[test]
fn told_addressee_is_never_the_source() {
    let s = only(&format!(
        "{H}Anna Berg told Radio Nord that the port would reopen."
    ));
    assert_eq!(s.cue.as_deref(), Some("told"));
    assert_eq!(s.source.as_deref(), Some("Anna Berg"));
    assert_eq!(s.addressee.as_deref(), Some("Radio Nord"));
    assert_eq!(
        s.chain,
        ["Radio Nord"],
        "an outlet spoken to passes the words on"
    );
    let s = only(&format!(
        "{H}Anna Berg told reporters that the port would reopen."
    ));
    assert_eq!(s.addressee.as_deref(), Some("reporters"));
    assert!(s.chain.is_empty());
    // An audience at a news conference is no outlet either.
    for audience in [
        "reporters at a news conference",
        "a news conference",
        "reporters at the Herald building",
    ] {
        let s = only(&format!(
            "{H}Anna Berg told {audience} that the port would reopen."
        ));
        assert_eq!(s.addressee.as_deref(), Some(audience));
        assert!(s.chain.is_empty(), "{s:#?}");
    }
    let s = only(&format!(
        "{H}Anna Berg told Tom Reyes of Radio Nord that the port would reopen."
    ));
    assert_eq!(s.chain, ["Tom Reyes of Radio Nord"]);
    let s = only(&format!(
        "{H}Anna Berg has argued, in an interview with Radio Nord, that the port would reopen."
    ));
    assert_eq!(s.addressee.as_deref(), Some("Radio Nord"));
    assert_eq!(s.source.as_deref(), Some("Anna Berg"));
}

#[test]
fn citing_chain() {
    let s = only(&format!(
        "{H}The storm destroyed 40 homes, the Daily Courier reported citing a local firefighter."
    ));
    assert_eq!(s.content, ["The storm destroyed 40 homes"]);
    assert_eq!(s.cue.as_deref(), Some("reported citing"));
    assert_eq!(s.source.as_deref(), Some("a local firefighter"));
    assert_eq!(s.chain, ["the Daily Courier"]);
}

#[test]
fn pronouns_resolve_to_the_earlier_speaker() {
    let all = seen(&format!(
        "{H}Anna Berg said the port was closed for repairs.\n\nShe said it would reopen within a month."
    ));
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].source.as_deref(), Some("She"));
    assert_eq!(all[1].resolved.as_deref(), Some("Anna Berg"));
    assert_eq!(all[1].confidence, Confidence::Medium);
    assert_eq!(all[0].confidence, Confidence::High);
}

#[test]
fn descriptors_resolve_people_to_people_and_bodies_to_bodies() {
    let all = seen(&format!(
        "{H}The Finance Ministry said taxes would rise next year. Colonel Ivan Petrov said the border was quiet.\n\nThe ministry added that pensions were safe. The officer said no shots were fired."
    ));
    let by_source = |s: &str| all.iter().find(|a| a.source.as_deref() == Some(s)).unwrap();
    assert_eq!(
        by_source("The ministry").resolved.as_deref(),
        Some("The Finance Ministry")
    );
    assert_eq!(
        by_source("The officer").resolved.as_deref(),
        Some("Colonel Ivan Petrov")
    );
    // A surname names the full name given earlier.
    let all = seen(&format!(
        "{H}Maria Lopez said the budget was balanced.\n\nLater, Lopez said the deficit had shrunk."
    ));
    assert_eq!(all[1].resolved.as_deref(), Some("Maria Lopez"));
    assert_eq!(all[1].confidence, Confidence::High);
    // A sentence-opening word before the full name is no part of it.
    for opener in ["But", "And", "Yet", "Meanwhile,", "In Ohio,"] {
        let all = seen(&format!(
            "{H}{opener} Megan Hester, an organizer, said parents want good schools.\n\n\"Nobody wants to bus their kids,\" said Hester."
        ));
        let last = all.last().unwrap();
        assert_eq!(last.source.as_deref(), Some("Hester"), "{opener}");
        assert_eq!(last.resolved.as_deref(), Some("Megan Hester"), "{opener}");
    }
}

#[test]
fn a_role_resolves_to_the_speaker_given_that_role_not_merely_the_latest() {
    // `the mayor` after a teacher spoke: the speaker the apposition makes mayor, before or
    // after the name.
    for intro in [
        "Ann Berg, the city\u{2019}s mayor, said two schools would close next year.",
        "The city\u{2019}s mayor, Ann Berg, said two schools would close next year.",
    ] {
        let all = seen(&format!(
            "{H}{intro}\n\nTom Reed, a teacher at the school, said the plan was rushed.\n\nYet the mayor insisted the plan would save money.\n\nThe teacher said parents were never asked."
        ));
        let by_source = |s: &str| all.iter().find(|a| a.source.as_deref() == Some(s)).unwrap();
        let mayor = by_source("the mayor");
        assert_eq!(mayor.resolved.as_deref(), Some("Ann Berg"), "{intro}");
        assert_eq!(mayor.confidence, Confidence::Medium);
        assert_eq!(
            by_source("The teacher").resolved.as_deref(),
            Some("Tom Reed")
        );
    }
}

#[test]
fn a_role_given_to_no_earlier_speaker_stays_unresolved_and_weak() {
    // The only earlier speaker is a teacher: `the mayor` is someone else, not known.
    let all = seen(&format!(
        "{H}Tom Reed, a teacher at the school, said the plan was rushed.\n\nYet the mayor insisted the plan would save money."
    ));
    let mayor = all
        .iter()
        .find(|a| a.source.as_deref() == Some("the mayor"))
        .unwrap();
    assert_eq!(mayor.resolved, None);
    assert_eq!(mayor.confidence, Confidence::Low);
    // Without an apposition nothing is against the latest speaker (`Colonel Ivan Petrov`
    // for `the officer`), and a description that names no role (`the man`) refers back to
    // the latest person as before.
    let all = seen(&format!(
        "{H}Tom Reed, a teacher at the school, said the plan was rushed.\n\nThe man added that he would protest."
    ));
    assert_eq!(all[1].resolved.as_deref(), Some("Tom Reed"));
}
#[test]
fn metonymy_is_kept_as_written() {
    let s = only(&format!("{H}Moscow said the talks had failed."));
    assert_eq!(s.source.as_deref(), Some("Moscow"));
    assert_eq!(s.resolved, None);
}

#[test]
fn nouns_and_infinitives_are_not_cues() {
    for text in [
        "The report was published on Monday.",
        "Her claims were examined by a judge.",
        "The United States and Canada signed a treaty.",
        "She came to say goodbye.",
        "The man, who refused to give his name, left early.",
        "The alleged theft happened at night.",
        "This decision by the board to not recommend any charges destroys trust.",
        "The mayor's harbor plan is too expensive for the town.",
        "The state budget report was late again this year.",
        "The opponents will face off in court against the agency, 18 states, two companies and a number of cities that support the rules.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert!(all.is_empty(), "{text}: {all:#?}");
    }
}

#[test]
fn a_pronoun_s_contracted_auxiliary_is_no_possessive() {
    // `He’s claiming that …` reads as `He is claiming that …`: the pronoun is the source
    // and the content starts after `that`; `’ll`, `’ve` and `'re` likewise.
    for (text, cue, content) in [
        (
            "Mayor Ann Dole spoke on Friday.\n\nShe\u{2019}s claiming that the ferry costs too much.",
            "claiming",
            "the ferry costs too much",
        ),
        (
            "Mayor Ann Dole spoke on Friday.\n\nShe's said that the bridge would close.",
            "said",
            "the bridge would close",
        ),
        (
            "Mayor Ann Dole spoke on Friday.\n\nShe\u{2019}ll argue that the harbor needs dredging.",
            "argue",
            "the harbor needs dredging",
        ),
        (
            "The council met on Friday.\n\nThey're saying that the vote was rigged.",
            "saying",
            "the vote was rigged",
        ),
    ] {
        let all = seen(&format!("{H}{text}"));
        let s = all
            .iter()
            .find(|s| s.cue.as_deref() == Some(cue))
            .unwrap_or_else(|| panic!("{text}: {all:#?}"));
        assert_eq!(s.content, [content], "{text}");
        let source = s.source.as_deref().expect("a source");
        assert!(
            ["She", "They"].contains(&source),
            "{text}: the pronoun without its auxiliary, got {source:?}"
        );
    }
    // A name's `’s` is still a possessive: `Dole’s claiming` is not read as a report, and
    // `Dole’s claim that …` keeps its possessor as the source.
    let s = only(&format!(
        "{H}Dole\u{2019}s claim that the ferry costs too much, made on Friday, was wrong."
    ));
    assert_eq!(s.source.as_deref(), Some("Dole"), "{s:#?}");
}

#[test]
fn a_cue_word_after_a_preposition_or_other_is_a_noun() {
    // `thrown into question`, `among other claims`: the word is a noun, nobody reports.
    for text in [
        "The ferry timetable was thrown into question by the storm on the coast.",
        "The harbour board faces a host of other challenges this winter.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert!(
            all.iter()
                .all(|s| s.cue.as_deref() != Some("question")
                    && s.cue.as_deref() != Some("challenges")),
            "{text}: {all:#?}"
        );
    }
    // An `-ing` form after a preposition still reports (`after saying …`), and a verb
    // after a noun still does.
    let s = only(&format!(
        "{H}Ines Vale questioned whether the ferry would run at all this winter."
    ));
    assert_eq!(s.cue.as_deref(), Some("questioned"));
}

#[test]
fn the_opening_name_a_pronoun_resolves_to_leaves_out_a_conjunction() {
    for (opener, name) in [
        ("When Ines Vale met the board on Monday", "Ines Vale"),
        ("But Ines Vale, at the board on Monday", "Ines Vale"),
        ("Mayor Ines Vale, at the board on Monday", "Mayor Ines Vale"),
    ] {
        let all = seen(&format!(
            "{H}{opener}, she said the ferry would run all winter.\n"
        ));
        let s = all
            .iter()
            .find(|s| s.source.as_deref() == Some("she"))
            .unwrap_or_else(|| panic!("{opener}: {all:#?}"));
        assert_eq!(s.resolved.as_deref(), Some(name), "{opener}");
    }
}

#[test]
fn passive_with_agent() {
    let s = only(&format!("{H}These accusations were denied by the army."));
    assert_eq!(s.content, ["These accusations"]);
    assert_eq!(s.cue.as_deref(), Some("denied"));
    assert_eq!(s.source.as_deref(), Some("the army"));
}

#[test]
fn bad_input_does_not_panic() {
    for text in [
        "",
        "\"",
        "said",
        "\u{201c}\u{201d}",
        "x said: \"",
        "According to",
        ", said",
        "\"a,\" said",
        "''''",
        "He said \u{2014}",
        "date 2020-01-01 A: b\n\n\"open",
    ] {
        let a = Article::new(text);
        let _ = a.attributions();
    }
}

#[test]
fn nested_attributions_are_told_apart() {
    let text = format!("{H}Anna Berg said the mayor had promised a new bridge.");
    let a = Article::new(text.as_str());
    let items = &a.attributions().items;
    assert_eq!(items.len(), 2, "{items:#?}");
    let outer = items
        .iter()
        .find(|x| x.cue().unwrap().slice(&text) == "said")
        .unwrap();
    let inner = items
        .iter()
        .find(|x| x.cue().unwrap().slice(&text) == "promised")
        .unwrap();
    assert!(!a.attributions().is_nested(outer));
    assert!(a.attributions().is_nested(inner));
    assert_eq!(inner.source().unwrap().slice(&text), "the mayor");
}

#[test]
fn transcript_turns_and_quotes_without_a_cue() {
    let all = seen(&format!(
        "{H}HOST: Will the port reopen next week?\n\nRAMOS: It will, and the cranes are ready.\n\nThe union greeted the plan as \"a betrayal of every worker\" on Friday."
    ));
    let by_source = |s: &str| all.iter().find(|a| a.source.as_deref() == Some(s)).unwrap();
    assert_eq!(
        by_source("RAMOS").content,
        ["It will, and the cranes are ready"]
    );
    assert_eq!(
        by_source("HOST").content,
        ["Will the port reopen next week"]
    );
    let quote = all
        .iter()
        .find(|a| a.content == ["a betrayal of every worker"])
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(quote.source.as_deref(), Some("The union"));
}

#[test]
fn overlapping_by_binary_search_finds_what_a_scan_finds() {
    // Hand-made items, sorted by start, with multi-part contents that reach far ahead
    // (a quote over paragraphs) and parts of every length, then unsorted ones.
    let item = |parts: &[(usize, usize)]| -> Attribution {
        bare_parts(
            parts.iter().map(|&(a, b)| Span::new(a, b)).collect(),
            Confidence::High,
        )
        .into()
    };
    let mut seed = 17u64;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let mut items = Vec::new();
    let mut at = 0;
    for _ in 0..300 {
        at += next(40);
        let mut parts = vec![(at, at + next(30))];
        if next(5) == 0 {
            let far = at + 100 + next(400);
            parts.push((far, far + 1 + next(20)));
        }
        items.push(item(&parts));
    }
    let unsorted = {
        let mut v = items.clone();
        v.reverse();
        v
    };
    for list in [items, unsorted] {
        let atts = Attributions::new(list);
        for _ in 0..2000 {
            let start = next(at + 600);
            let span = Span::new(start, start + next(3) * next(60));
            let by_scan: Vec<&Attribution> = atts
                .items
                .iter()
                .filter(|a| {
                    a.content
                        .iter()
                        .any(|c| c.start < span.end.max(span.start + 1) && span.start < c.end)
                })
                .collect();
            let found: Vec<&Attribution> = atts.overlapping(span).collect();
            assert_eq!(found, by_scan, "{span:?}");
        }
    }
}

#[test]
fn a_named_subject_with_a_verb_outside_the_lexicon() {
    // The subject's act or stance, as PARC-style annotation counts it: low confidence.
    let text = format!(
        "{H}Anna Berg met Omar Reyes in Lakeside last spring.\n\nAnna Berg defended the new toll on the harbour bridge."
    );
    let s = only(&text);
    assert_eq!(s.content, ["the new toll on the harbour bridge"]);
    assert_eq!(s.cue.as_deref(), Some("defended"));
    assert_eq!(s.source.as_deref(), Some("Anna Berg"));
    assert_eq!(s.confidence, Confidence::Low);
    let s = only(&format!(
        "{H}The city council is weighing a ban on night flights."
    ));
    assert_eq!(s.source.as_deref(), Some("The city council"));
    assert_eq!(s.content, ["a ban on night flights"]);
    // After a short phrase of time before the subject.
    let s = only(&format!(
        "{H}On Friday, the city council rejected the plan for a second runway."
    ));
    assert_eq!(s.source.as_deref(), Some("the city council"));
    assert_eq!(s.content, ["the plan for a second runway"]);
    // Not an act of the subject: a copula, a passive, a place after the verb, a
    // capitalized common word opening the sentence, a phrase of no one.
    for sentence in [
        "The city council is a body of nine members.",
        "The city council was praised for the new park.",
        "Anna Berg moved into a flat near the harbour last year.",
        "Tensions rose sharply across the region after the vote.",
        "The dissolution of the Lakeside Union ended the old treaty.",
    ] {
        let all = seen(&format!("{H}{sentence}"));
        assert!(all.is_empty(), "{sentence}: {all:#?}");
    }
}

#[test]
fn a_quotation_closing_a_clause_that_opens_before_it() {
    // The reported words are the whole clause, quoted part and all.
    let s = only(&format!(
        "{H}Not paying the fee \u{201c}makes me clever,\u{201d} Tom Reed said last week."
    ));
    assert_eq!(
        s.content,
        ["Not paying the fee \u{201c}makes me clever,\u{201d}"]
    );
    assert_eq!(s.kind, ContentKind::Indirect);
    assert_eq!(s.source.as_deref(), Some("Tom Reed"));
    // A quotation that is the whole clause stays direct, without its marks.
    let s = only(&format!(
        "{H}\u{201c}We will win,\u{201d} Tom Reed said at a rally."
    ));
    assert_eq!(s.content, ["We will win"]);
    assert_eq!(s.kind, ContentKind::Direct);
}

#[test]
fn a_noun_that_looks_like_a_verb_of_saying_leaves_the_clause_mixed() {
    // `plan` and `details` are words of saying elsewhere; here they are nouns, and the
    // speaker after the quotation said the whole clause.
    for (text, content) in [
        (
            "The plan would \u{201c}devastate the region,\u{201d} Tom Reed said.",
            "The plan would \u{201c}devastate the region,\u{201d}",
        ),
        (
            "The plan would \u{201c}devastate the region,\u{201d} said Tom Reed, a farmer.",
            "The plan would \u{201c}devastate the region,\u{201d}",
        ),
        (
            "Details aside, the budget sends a clear signal that the top goal \u{201c}is cutting the deficit,\u{201d} Tom Reed said.",
            "Details aside, the budget sends a clear signal that the top goal \u{201c}is cutting the deficit,\u{201d}",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.content, [content], "{text}");
        assert_eq!(s.kind, ContentKind::Indirect, "{text}");
        assert_eq!(s.source.as_deref(), Some("Tom Reed"), "{text}");
    }
    // A verb of saying before the quotation reports on its own: the quoted words are
    // not the later speaker's whole clause.
    let all = seen(&format!(
        "{H}In a letter, the group said it would \u{201c}fight the plan in every court,\u{201d} Tom Reed said."
    ));
    let reed = all
        .iter()
        .find(|s| s.source.as_deref() == Some("Tom Reed"))
        .expect("Reed's statement");
    assert_eq!(reed.content, ["fight the plan in every court"]);
}

#[test]
fn earlier_before_a_past_form_is_an_adverb() {
    assert_words(&[
        (
            "Tom Reed had earlier said that the dam was unsafe.",
            "Tom Reed",
            "the dam was unsafe",
        ),
        (
            "Tom Reed earlier said that the dam was unsafe.",
            "Tom Reed",
            "the dam was unsafe",
        ),
        (
            "The ministry had earlier warned the dam was unsafe.",
            "The ministry",
            "the dam was unsafe",
        ),
        (
            "\u{201c}The dam is safe,\u{201d} Tom Reed had earlier said.",
            "Tom Reed",
            "The dam is safe",
        ),
    ]);
    // A noun's adjective: the participle or noun after it is no verb of saying.
    for text in [
        "The earlier reported figure was wrong, the ministry said.",
        "Earlier reports said the dam was unsafe.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert!(!all.is_empty(), "{text}");
        assert!(
            all.iter().all(|s| s.cue.as_deref() == Some("said")),
            "{text}: {all:#?}"
        );
    }
}

#[test]
fn a_plural_noun_before_said_is_the_subject() {
    // No verb in `-s` takes `said` after it: `reports` is the speaker's noun.
    assert_words(&[
        (
            "News reports said the dam was unsafe.",
            "News reports",
            "the dam was unsafe",
        ),
        (
            "The reports said the dam was unsafe.",
            "The reports",
            "the dam was unsafe",
        ),
        (
            "Several claims told a different story, the ministry said.",
            "the ministry",
            "Several claims told a different story",
        ),
    ]);
    let all = seen(&format!("{H}Local news reports said the dam was unsafe."));
    assert_no_cue(&all, "reports");
    // `earlier` before a noun stays the noun's adjective.
    let all = seen(&format!(
        "{H}Tom Reed stood by an earlier report that the dam was unsafe."
    ));
    assert_no_cue(&all, "report");
}

#[test]
fn an_adjective_after_be_that_says_the_act_was_done() {
    assert_words(&[
        (
            "Tom Reed was careful to say that the dam was safe.",
            "Tom Reed",
            "the dam was safe",
        ),
        (
            "Tom Reed was forced to admit that the dam was unsafe.",
            "Tom Reed",
            "the dam was unsafe",
        ),
        (
            "The Ledger was the first to report that the dam was unsafe.",
            "The Ledger",
            "the dam was unsafe",
        ),
        (
            "The Ledger was first to report that the dam was unsafe.",
            "The Ledger",
            "the dam was unsafe",
        ),
    ]);
    // A wish, a feeling, a forecast: nothing was said.
    for (text, cue) in [
        (
            "Tom Reed would be happy to say that the dam was safe.",
            "say",
        ),
        ("Tom Reed was happy to see the dam reopen.", "see"),
        ("Tom Reed is likely to argue that the dam is safe.", "argue"),
        (
            "Tom Reed hopes to be the first to say that the dam is safe.",
            "say",
        ),
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), cue);
    }
}

#[test]
fn a_relative_clause_naming_its_noun_with_a_quotation_reports_it() {
    // The relative pronoun is the verb's first object, the quotation its second: the
    // clause's subject said the quoted words, not the main clause's.
    assert_words(&[
        (
            "The board voted to close the pier, a decision that Mayor Ann Dole called \u{201c}a sad day for the town.\u{201d}",
            "Mayor Ann Dole",
            "a sad day for the town",
        ),
        (
            "The board voted to close the pier, which Ann Dole branded \u{201c}a betrayal of the town.\u{201d}",
            "Ann Dole",
            "a betrayal of the town",
        ),
    ]);
    let all = seen(&format!(
        "{H}The board closed the pier, which Ann Dole called \u{201c}a sad day.\u{201d}"
    ));
    let quoted = all
        .iter()
        .find(|s| s.content == ["a sad day"])
        .expect("the quotation's statement");
    assert_eq!(quoted.source.as_deref(), Some("Ann Dole"));
    // Without a quotation the pronoun is the only object (`called` on the phone).
    assert_no_cue(
        &seen(&format!("{H}The aide, whom Ann Dole called, was fired.")),
        "called",
    );
}

#[test]
fn an_adverb_between_the_cue_and_that_is_no_part_of_the_words() {
    assert_words(&[
        (
            "Lena Ortiz said only that the agency was reviewing the decision.",
            "Lena Ortiz",
            "the agency was reviewing the decision",
        ),
        (
            "Lena Ortiz said again that the agency was reviewing it.",
            "Lena Ortiz",
            "the agency was reviewing it",
        ),
        (
            "Lena Ortiz said repeatedly that the agency was reviewing it.",
            "Lena Ortiz",
            "the agency was reviewing it",
        ),
    ]);
}

#[test]
fn a_negated_verb_of_saying_keeps_its_negation_in_the_cue() {
    assert_cues(&[
        ("Tom Reed did not say that the dam was safe.", "did not say"),
        (
            "Tom Reed has not ruled out a second veto.",
            "has not ruled out",
        ),
        (
            "Tom Reed never claimed that the dam was safe.",
            "never claimed",
        ),
        (
            "The ministry did not immediately respond to a request for comment.",
            "did not immediately respond",
        ),
        ("Tom Reed said the dam was safe.", "said"),
    ]);
}

#[test]
fn see_after_a_modal_is_what_befalls_the_subject() {
    for text in [
        "Most renters would see their bills go up under the plan, the agency said.",
        "Some renters would actually see their rents go up by as much as 5 percent.",
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), "see");
    }
    // A view, a realization and a view without a modal stay reported.
    assert_cues(&[
        ("Tom Reed would see the deal as a win for the town.", "see"),
        ("You can see why the plan failed so badly.", "see"),
        ("Voters will see that the council kept its word.", "see"),
        ("Analysts see the economy slowing next year.", "see"),
    ]);
}

#[test]
fn a_noun_after_a_possessive_name_is_no_verb() {
    for text in [
        "Mr. Reed's efforts pale by comparison with the plan.",
        "Mr. Reed's attempts pale by comparison with the plan.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert!(all.is_empty(), "{text}: {all:#?}");
    }
    // A present form after a name still ends the subject.
    let all = seen(&format!("{H}Ann Berg defends the plan as fair to renters."));
    assert_eq!(all[0].cue.as_deref(), Some("defends"), "{all:#?}");
}

#[test]
fn a_relative_that_after_a_place_opens_no_reported_clause() {
    for text in [
        "The mayor spoke in a hall on a hill that overlooks the bay in her town.",
        "The mayor spoke in a cottage on a base that overlooks Kaneohe Bay.",
        "The mayor spoke at a school that was built in 1920 about the need for teachers.",
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), "spoke");
    }
    assert_words(&[
        (
            "The mayor said on Monday that talks would resume next week.",
            "The mayor",
            "talks would resume next week",
        ),
        (
            "The mayor said at a rally on Monday that it's the right plan.",
            "The mayor",
            "it's the right plan",
        ),
        (
            "The mayor said at a rally on Monday that Ted Cruz would lose.",
            "The mayor",
            "Ted Cruz would lose",
        ),
        (
            "The mayor said at a rally on Monday that the plan was a mistake.",
            "The mayor",
            "the plan was a mistake",
        ),
    ]);
}

#[test]
fn a_year_or_a_month_after_in_is_when_it_was_said() {
    assert_words(&[
        (
            "As Reed said in 2009, the banks can change their minds.",
            "Reed",
            "the banks can change their minds",
        ),
        (
            "As Reed said in March, the banks can change their minds.",
            "Reed",
            "the banks can change their minds",
        ),
        (
            "Reed said in 2009 the banks would change their minds.",
            "Reed",
            "the banks would change their minds",
        ),
    ]);
}

#[test]
fn a_connective_before_an_interrupting_report_is_no_part_of_the_words() {
    assert_words(&[
        (
            "After all, as we said in 2009, the banks can change their minds.",
            "we",
            "the banks can change their minds",
        ),
        (
            "Of course, Reed noted, the banks can change their minds.",
            "Reed",
            "the banks can change their minds",
        ),
        (
            "In fact, as Reed noted, the banks can change their minds.",
            "Reed",
            "the banks can change their minds",
        ),
        ("The plan, Reed said, is dead.", "Reed", "The plan is dead"),
        (
            "The old plan, Reed said, is dead.",
            "Reed",
            "The old plan is dead",
        ),
    ]);
}

#[test]
fn a_lone_pronoun_before_an_interrupting_reporting_clause_is_the_subject_of_the_words() {
    assert_words(&[
        (
            "That, Reed said, was a mistake.",
            "Reed",
            "That was a mistake",
        ),
        (
            "Nothing, she said, had changed since the vote.",
            "she",
            "Nothing had changed since the vote",
        ),
        (
            "Much, Reed said, depends on the vote.",
            "Reed",
            "Much depends on the vote",
        ),
        // A connective is still the writer's link, no part of the words.
        (
            "Still, Reed said, the plan would work.",
            "Reed",
            "the plan would work",
        ),
        (
            "Frankly, Reed said, the plan would work.",
            "Reed",
            "the plan would work",
        ),
    ]);
    // Without the rest of the sentence, one pronoun is no statement.
    let all = seen(&format!("{H}That, Reed said."));
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn a_reporting_participle_after_a_comma_ends_the_words_before_it() {
    assert_words(&[
        (
            "Reed said the plant would close, citing falling demand.",
            "Reed",
            "the plant would close",
        ),
        (
            "The union called Dole a \"champion\" for its members, blaming the board.",
            "The union",
            "Dole a \"champion\" for its members",
        ),
        // `assuming` is the estimate's own condition.
        (
            "The Tax Office estimates the plan would raise $4 billion, assuming no change in \
             output.",
            "The Tax Office",
            "the plan would raise $4 billion, assuming no change in output",
        ),
        // After a subordinate clause the participle goes on with the clause before it.
        (
            "Tom Reed criticized the deal, treating it as a joke and, when asked about it \
             later, citing the cost.",
            "Tom Reed",
            "the deal, treating it as a joke and, when asked about it later, citing the cost",
        ),
    ]);
    let all = seen(&format!(
        "{H}Reed said the plant would close, citing falling demand."
    ));
    assert_eq!(
        content_of(&all, "Reed").as_deref(),
        Some("the plant would close")
    );
    assert_cues(&[(
        "Reed said the plant would close, citing falling demand.",
        "citing",
    )]);
}

#[test]
fn a_verb_of_stance_joined_to_the_cue_is_the_speakers_next_statement() {
    assert_words(&[
        (
            "Tom Reed said the plan was dead and called for a new vote.",
            "Tom Reed",
            "the plan was dead",
        ),
        (
            "Tom Reed said the port was losing money and warned that jobs would go.",
            "Tom Reed",
            "the port was losing money",
        ),
        // Not in another tense: the reported clause's own verbs.
        (
            "Tom Reed said the group backs a plan that helps workers and demands higher wages.",
            "Tom Reed",
            "the group backs a plan that helps workers and demands higher wages",
        ),
        (
            "Tom Reed said he would stay and warn voters that the plan was dead.",
            "Tom Reed",
            "he would stay and warn voters that the plan was dead",
        ),
        // Not after a subordinate clause, whose subject may own it.
        (
            "Tom Reed called the plan a disgrace after the mayor praised the police and \
             blamed the council.",
            "Tom Reed",
            "the plan a disgrace after the mayor praised the police and blamed the council",
        ),
    ]);
    let all = seen(&format!(
        "{H}Tom Reed said the plan was dead and called for a new vote."
    ));
    assert_eq!(with_cue(&all, "called for").content, ["a new vote"]);
    assert_eq!(
        with_cue(&all, "called for").source.as_deref(),
        Some("Tom Reed")
    );
}

#[test]
fn a_verb_joined_to_a_cue_in_a_subordinate_clause_is_that_clauses_speakers() {
    let text = "Tom Reed called the plan a disgrace after Ann Dole attacked the police and \
                blamed the mayor.";
    let all = seen(&format!("{H}{text}"));
    let s = with_cue(&all, "blamed");
    assert_eq!(s.source.as_deref(), Some("Ann Dole"));
    assert_eq!(s.content, ["the mayor"]);
    // Without the subordinate clause, the clause's first speaker.
    let all = seen(&format!(
        "{H}Tom Reed said Ann Dole had attacked the police and blamed the mayor."
    ));
    assert_eq!(with_cue(&all, "blamed").source.as_deref(), Some("Tom Reed"));
}

#[test]
fn a_verb_joined_to_a_possessive_subjects_cue_keeps_the_whole_subject() {
    let all = seen(&format!(
        "{H}Tom Reed's brief said the reports were false and dismissed them as rumors."
    ));
    assert_eq!(with_cue(&all, "said").content, ["the reports were false"]);
    let s = with_cue(&all, "dismissed");
    assert_eq!(s.source.as_deref(), Some("Tom Reed's brief"));
    assert_eq!(s.content, ["them as rumors"]);
}

#[test]
fn that_before_a_verb_is_the_subject_of_the_words() {
    assert_words(&[
        (
            "Reed said that was not his view.",
            "Reed",
            "that was not his view",
        ),
        (
            "Reed said that would pay for more ships.",
            "Reed",
            "that would pay for more ships",
        ),
        // A conjunction before a subject is no part of the words.
        (
            "Reed said that costs would rise.",
            "Reed",
            "costs would rise",
        ),
    ]);
}

#[test]
fn a_phrase_of_time_after_the_cue_ends_at_its_comma_or_a_question_word() {
    assert_words(&[
        // The comma after the phrase opens the words, `that` here is a relative pronoun.
        (
            "As Reed noted in 2009, banks that lend freely can change their minds.",
            "Reed",
            "banks that lend freely can change their minds",
        ),
        // A place's next part, another phrase or a participle goes on to `that`.
        (
            "Reed said at a stop in Toledo, Ohio, that the plan was dead.",
            "Reed",
            "the plan was dead",
        ),
        (
            "Reed said on Twitter, in a post on Monday, that the plan was dead.",
            "Reed",
            "the plan was dead",
        ),
        // A question word opens the words before any pronoun.
        (
            "Reed told reporters on Thursday how angry he was.",
            "Reed",
            "how angry he was",
        ),
        // Past a phrase of time to the pronoun that opens the words.
        (
            "Reed said on Thursday he was angry.",
            "Reed",
            "he was angry",
        ),
    ]);
    // A reporting participle after the phrase's comma joins the cue.
    let all = seen(&format!(
        "{H}Ann Dole chimed in on Twitter, saying that the city should pay."
    ));
    assert_eq!(with_cue(&all, "chimed in").content, ["the city should pay"]);
}

#[test]
fn a_clause_after_a_semicolon_with_its_own_speaker_is_another_statement() {
    assert_words(&[
        (
            "Tom Reed said he would veto the bill; Ann Dole said she would not.",
            "Tom Reed",
            "he would veto the bill",
        ),
        (
            "Tom Reed said he would veto the bill; he told aides it was flawed.",
            "Tom Reed",
            "he would veto the bill",
        ),
        (
            "Tom Reed said taxes would rise; critics say they will not.",
            "Tom Reed",
            "taxes would rise",
        ),
        (
            "Tom Reed said taxes would rise; Ann Dole, the mayor, said they would not.",
            "Tom Reed",
            "taxes would rise",
        ),
        // A list of the speaker's own clauses runs on.
        (
            "Tom Reed said the goal was not revenue; it was to curb speculators.",
            "Tom Reed",
            "the goal was not revenue; it was to curb speculators",
        ),
        (
            "Tom Reed said taxes would rise; Ann Dole called the plan fair.",
            "Tom Reed",
            "taxes would rise; Ann Dole called the plan fair",
        ),
    ]);
    let all = seen(&format!(
        "{H}Tom Reed said he would veto the bill; Ann Dole said she would not."
    ));
    assert!(
        all.iter()
            .any(|s| s.source.as_deref() == Some("Ann Dole") && s.content == ["she would not"]),
        "{all:#?}"
    );
}

#[test]
fn a_plural_in_s_before_a_closing_verb_of_saying_is_a_noun() {
    assert_words(&[
        (
            "Donations hit $1 billion through August, an analysis of campaign reports shows.",
            "an analysis of campaign reports",
            "Donations hit $1 billion through August",
        ),
        (
            "Donations hit $1 billion through August, an analysis of campaign records shows.",
            "an analysis of campaign records",
            "Donations hit $1 billion through August",
        ),
    ]);
    // A verb of saying before another one's clause still reports, and so does one
    // before a plural object that goes on.
    assert_words(&[
        (
            "The agency reports renewed fighting in the north.",
            "The agency",
            "renewed fighting in the north",
        ),
        (
            "Reed rejects claims of fraud in the vote.",
            "Reed",
            "claims of fraud in the vote",
        ),
    ]);
}

#[test]
fn a_relative_clause_set_off_by_dashes_speaks_for_the_noun_before_it() {
    assert_words(&[
        (
            "Instead, the study -- which notes that 40 towns would lose aid if the plan passed -- should be read widely.",
            "the study",
            "40 towns would lose aid if the plan passed",
        ),
        (
            "The study \u{2014} which notes that 40 towns would lose aid \u{2014} should be read widely.",
            "The study",
            "40 towns would lose aid",
        ),
        (
            "The study -- which notes that towns face \u{201c}a slow -- and painful -- decline\u{201d} -- should be read.",
            "The study",
            "towns face \u{201c}a slow -- and painful -- decline\u{201d}",
        ),
        (
            "The study, which notes that 40 towns would lose aid, should be read widely.",
            "The study",
            "40 towns would lose aid",
        ),
    ]);
}

#[test]
fn a_clause_of_even_as_after_a_comma_is_the_writers() {
    assert_words(&[
        (
            "Reed said the pier should be closed, even as crews kept working on it.",
            "Reed",
            "the pier should be closed",
        ),
        // Without the comma, or with `even` alone, the words go on.
        (
            "Reed said the pier should be closed even as crews kept working on it.",
            "Reed",
            "the pier should be closed even as crews kept working on it",
        ),
        (
            "Reed said the pier should be closed, even if crews kept working on it.",
            "Reed",
            "the pier should be closed, even if crews kept working on it",
        ),
    ]);
}

#[test]
fn a_name_before_a_noun_of_saying_is_whose_words_they_are() {
    assert_words(&[
        (
            "The mayor seized on a New York Times report that the firm had lost $900 million.",
            "New York Times",
            "the firm had lost $900 million",
        ),
        (
            "Reed dismissed the White House claim that the deal was dead.",
            "White House",
            "the deal was dead",
        ),
        // Inside another verb's words, whole, the phrase is read too.
        (
            "Critics pointed to a CNN report that the agency had ignored the warnings.",
            "CNN",
            "the agency had ignored the warnings",
        ),
    ]);
    // A month says when, not who; a relative `that` opens no words.
    for text in [
        "Reed cited the March report that the port was losing money.",
        "The Times report that aired Monday was wrong about the port.",
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), "report");
    }
    // `report` after `a` and a name is the noun, not a verb with the name as subject.
    for text in [
        "Reed shared a Fox News report blaming the city for the delays.",
        "A Fox News report blaming the city for the delays was shared widely.",
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), "report");
    }
}

#[test]
fn a_quotation_after_and_an_adverb_goes_on_with_the_same_speaker() {
    assert_words(&[
        (
            "Smith \"got a plea deal,\" Jones said, and still \"got to sit in on the talks.\"",
            "Jones",
            "got a plea deal got to sit in on the talks",
        ),
        (
            "\"We will win this fight,\" Jones said, but then \"the court will have its say.\"",
            "Jones",
            "We will win this fight the court will have its say",
        ),
    ]);
    // A verb of its own between gives the second quotation its own speaker.
    let all = seen(&format!(
        "{H}\"We will win this fight,\" Jones said, and the crowd chanted \"four more years.\""
    ));
    assert_eq!(
        content_of(&all, "Jones").as_deref(),
        Some("We will win this fight")
    );
}

#[test]
fn a_free_relative_of_saying_reports_no_words() {
    for text in [
        "Everything Reed says is a lie unless proven otherwise.",
        "We don't care. Everything Reed says is a lie. We aren't blind.",
        "What she said was false, and the board knew it.",
        "It goes without saying that the plan is dead and the port will close.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert_no_cue(&all, "says");
        assert_no_cue(&all, "said");
        assert_no_cue(&all, "saying");
    }
    // The words stay another speaker's when one reports them.
    assert_words(&[(
        "Everything Reed says is a lie, the critics argue.",
        "the critics",
        "Everything Reed says is a lie",
    )]);
    // A name and `says` before `is` after a comma still report (`The plan, Reed says, is
    // dead`), and so does saying without the free relative.
    assert_cues(&[
        ("The plan, Reed says, is dead.", "says"),
        ("Reed says the plan is dead.", "says"),
        ("Reed kept saying that the plan was dead.", "saying"),
    ]);
}

#[test]
fn a_gerund_after_a_verb_of_going_on_reports() {
    assert_words(&[
        (
            "Reed kept saying that the plan was dead.",
            "Reed",
            "the plan was dead",
        ),
        (
            "Reed keeps insisting that the plan is dead.",
            "Reed",
            "the plan is dead",
        ),
        (
            "Reed began saying the plan was dead.",
            "Reed",
            "the plan was dead",
        ),
        (
            "Reed went on saying the plan was dead.",
            "Reed",
            "the plan was dead",
        ),
    ]);
    // What one stops saying, or goes on without `on`, is not said.
    for text in [
        "Reed stopped saying that the plan was dead.",
        "Reed went saying that the plan was dead.",
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), "saying");
    }
}

#[test]
fn a_short_phrase_of_manner_before_that_is_passed() {
    assert_words(&[
        (
            "Reed said without hesitation that the plan was dead.",
            "Reed",
            "the plan was dead",
        ),
        (
            "Reed said with a smile that the plan was dead.",
            "Reed",
            "the plan was dead",
        ),
    ]);
    // Company, not manner: a relative clause follows, and nothing is reported.
    for text in [
        "Reed spoke with a woman that lives near the port.",
        "Reed spoke with aides that run the port.",
        "Reed spoke with a man that Dole fired last year.",
        "Reed spoke with groups that run the port.",
        "Reed spoke with a crew that fixed the pier.",
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), "spoke");
    }
}

#[test]
fn a_bare_plural_before_who_said_is_the_speaker() {
    assert_words(&[
        (
            "Reed met with environmental groups, who said the talks were over.",
            "environmental groups",
            "the talks were over",
        ),
        (
            "The study was paid for by industry, which said it had no role in the work.",
            "industry",
            "it had no role in the work",
        ),
        // With a determiner or a name, as before.
        (
            "Reed met Dole and Hale, who said the talks were over.",
            "Dole and Hale",
            "the talks were over",
        ),
    ]);
    let all = seen(&format!(
        "{H}The plan was criticized by environmental groups, who said it would destroy wetlands."
    ));
    assert!(
        all.iter().any(|s| s.cue.as_deref() == Some("said")
            && s.source.as_deref() == Some("environmental groups")
            && s.content == ["it would destroy wetlands"]),
        "{all:#?}"
    );
}

#[test]
fn more_heads_the_object_of_a_verb_that_takes_a_noun_phrase() {
    assert_words(&[
        ("Reed called for more money.", "Reed", "more money"),
        ("Reed demanded much more time.", "Reed", "much more time"),
        (
            "Reed continued to call for more information about the fire.",
            "Reed",
            "more information about the fire",
        ),
        // A clause whose subject is `more` still reads as one.
        ("Reed said more must be done.", "Reed", "more must be done"),
    ]);
    // How much was said, not what: no words.
    for text in [
        "Reed said more about the plan.",
        "Reed explained more about the plan.",
        "Reed demanded more.",
        "Reed demanded more of the money.",
        "Reed spoke more slowly than usual.",
        "Reed wrote more books than Dole.",
        "Reed testified much longer than expected.",
        "Reed explained more clearly than Dole.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert!(
            all.iter()
                .all(|s| s.content.is_empty() || s.source.as_deref() != Some("Reed")),
            "{text}: {all:#?}"
        );
    }
}

#[test]
fn continued_before_a_gerund_is_not_a_cue_of_its_own() {
    for text in [
        "Reed continued saying that the plan would fail.",
        "Reed continued insisting that the plan would fail.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert_no_cue(&all, "continued");
        assert_eq!(
            content_of(&all, "Reed").as_deref(),
            Some("the plan would fail"),
            "{text}: {all:#?}"
        );
        assert_eq!(all.len(), 1, "{text}: {all:#?}");
    }
    let all = seen(&format!("{H}Reed continued working on the plan."));
    assert!(all.is_empty(), "{all:#?}");
    // After a quotation it reports.
    assert_cues(&[("\"The plan will fail,\" Reed continued.", "continued")]);
}

#[test]
fn a_verb_of_starting_in_the_perfect_leads_to_the_cue() {
    assert_words(&[
        (
            "Reed has begun to argue that the plan is illegal.",
            "Reed",
            "the plan is illegal",
        ),
        (
            "Reed is beginning to argue that the plan is illegal.",
            "Reed",
            "the plan is illegal",
        ),
        (
            "Reed is starting to argue that the plan is illegal.",
            "Reed",
            "the plan is illegal",
        ),
    ]);
}

#[test]
fn where_it_was_said_at_the_end_of_the_content_is_not_the_content() {
    assert_words(&[
        (
            "Reed called for a new vote in a statement on Thursday.",
            "Reed",
            "a new vote",
        ),
        (
            "Reed said the plan would fail in a statement on Thursday.",
            "Reed",
            "the plan would fail",
        ),
        (
            "Reed said the plan was dead in an interview with CNN on Sunday.",
            "Reed",
            "the plan was dead",
        ),
        (
            "Reed said the plan was dead at a news conference on Monday.",
            "Reed",
            "the plan was dead",
        ),
        (
            "Reed said the plan was dead in a letter to the council.",
            "Reed",
            "the plan was dead",
        ),
        (
            "Reed said his views were clear in a speech last year.",
            "Reed",
            "his views were clear",
        ),
        (
            "Reed called the plan \"a disaster\" in a statement.",
            "Reed",
            "the plan \"a disaster\"",
        ),
        // What the content itself says was put there, or where a verb of saying inside it
        // was, stays.
        (
            "Reed said the details were spelled out in a letter.",
            "Reed",
            "the details were spelled out in a letter",
        ),
        (
            "Reed said the mayor had made the remark in an interview.",
            "Reed",
            "the mayor had made the remark in an interview",
        ),
        (
            "Reed said he would speak in an interview.",
            "Reed",
            "he would speak in an interview",
        ),
        (
            "Reed said it was mentioned by Dole in an interview.",
            "Reed",
            "it was mentioned by Dole in an interview",
        ),
        (
            "Reed said he could not answer because Dole had asked for it in a letter.",
            "Reed",
            "he could not answer because Dole had asked for it in a letter",
        ),
        // `the` points back to something the content may be about; an event is no medium;
        // nor is a place after the medium.
        (
            "Reed said there were errors in the report.",
            "Reed",
            "there were errors in the report",
        ),
        (
            "Reed noted the rule in the interview last week.",
            "Reed",
            "the rule in the interview last week",
        ),
        (
            "Reed said protesters were arrested at a rally on Monday.",
            "Reed",
            "protesters were arrested at a rally on Monday",
        ),
        (
            "Reed said the plan was sound in a speech Friday in Port Clyde.",
            "Reed",
            "the plan was sound in a speech Friday in Port Clyde",
        ),
        (
            "Reed said she would vote in an election.",
            "Reed",
            "she would vote in an election",
        ),
        // `at` a gathering for the press only (`look at a video`).
        (
            "Reed said the council would look at a video.",
            "Reed",
            "the council would look at a video",
        ),
    ]);
}

#[test]
fn an_adverb_and_its_degree_word_before_the_clause_are_no_part_of_it() {
    assert_words(&[
        (
            "Reed said much later that the plan was dead.",
            "Reed",
            "the plan was dead",
        ),
        (
            "Reed said once again that the plan was dead.",
            "Reed",
            "the plan was dead",
        ),
        (
            "Reed said soon afterward that the plan was dead.",
            "Reed",
            "the plan was dead",
        ),
        (
            "Reed said very clearly that the plan was dead.",
            "Reed",
            "the plan was dead",
        ),
        (
            "Reed explained clearly why the plan failed.",
            "Reed",
            "why the plan failed",
        ),
        (
            "Reed explained more clearly how the plan failed.",
            "Reed",
            "how the plan failed",
        ),
        (
            "Reed asked angrily whether the plan had failed.",
            "Reed",
            "whether the plan had failed",
        ),
        (
            "Reed denied very strongly the reports.",
            "Reed",
            "the reports",
        ),
        (
            "Reed spoke very briefly about the plan.",
            "Reed",
            "about the plan",
        ),
        // A lone adverb before words without `that` may be theirs.
        (
            "Reed said only the rich would gain.",
            "Reed",
            "only the rich would gain",
        ),
    ]);
}

/// The statement of `all` with the cue `cue`: its source as written and resolved.
fn source_and_resolved(all: &[Seen], cue: &str) -> (Option<String>, Option<String>) {
    let s = all
        .iter()
        .find(|s| s.cue.as_deref() == Some(cue))
        .unwrap_or_else(|| panic!("no `{cue}`: {all:#?}"));
    (s.source.clone(), s.resolved.clone())
}

#[test]
fn it_is_one_thing_and_many_people_are_not_one() {
    let own = |s: &str| Some(s.to_string());
    // `it` is not a plural that spoke last; it is the singular before it.
    let all = seen(&format!(
        "{H}The agency said the plan was legal. The states sued. It says the plan is legal."
    ));
    assert_eq!(
        source_and_resolved(&all, "says"),
        (own("It"), own("The agency"))
    );
    let all = seen(&format!(
        "{H}Twenty-seven states and industry groups sued, saying the plan was illegal. The plan is the tool for the country to meet the target it pledged to reach."
    ));
    let (_, resolved) = source_and_resolved(&all, "pledged");
    assert!(!resolved.is_some_and(|r| r.contains("states")), "{all:#?}");
    // The thing the sentence before opens with, later than the latest speaker.
    let all = seen(&format!(
        "{H}The mayor said the ad was wrong. The city sent a letter on Thursday. It says the campaign broke the law."
    ));
    assert_eq!(
        source_and_resolved(&all, "says"),
        (own("It"), own("The city"))
    );
    let all = seen(&format!(
        "{H}The mayor said the ad was wrong. This letter went out on Thursday. It says the campaign broke the law."
    ));
    assert_eq!(
        source_and_resolved(&all, "says"),
        (own("It"), own("This letter"))
    );
    // Not when a speaker came after it.
    let all = seen(&format!(
        "{H}The city sent a letter on Thursday, the agency said. It says the campaign broke the law."
    ));
    assert_eq!(
        source_and_resolved(&all, "says"),
        (own("It"), own("the agency"))
    );
    // A singular in `-ss` is one thing.
    let all = seen(&format!(
        "{H}The press said the plan was dead. It says the council lied."
    ));
    assert_eq!(
        source_and_resolved(&all, "says"),
        (own("It"), own("The press"))
    );
    // Not a person, not things in the plural.
    for text in [
        "The mayor said the ad was wrong. The spokesman sent a letter on Thursday. It says the campaign broke the law.",
        "The mayor said the ad was wrong. The documents were released on Thursday. It says the campaign broke the law.",
    ] {
        let all = seen(&format!("{H}{text}"));
        let (_, resolved) = source_and_resolved(&all, "says");
        assert!(
            resolved.is_none_or(|r| !r.contains("spokesman") && !r.contains("documents")),
            "{all:#?}"
        );
    }
    // Not people (`they` are), nor a thing after a name.
    let all = seen(&format!(
        "{H}The mayor said the ad was wrong. The officials sent a letter on Thursday. It says the campaign broke the law."
    ));
    // `The officials` are not `The mayor` either.
    assert_eq!(
        source_and_resolved(&all, "sent"),
        (own("The officials"), None)
    );
    assert_eq!(source_and_resolved(&all, "says"), (own("It"), None));
    let all = seen(&format!(
        "{H}The mayor said the ad was wrong. The officials sent a letter on Thursday. They say the campaign broke the law."
    ));
    assert_eq!(
        source_and_resolved(&all, "say"),
        (own("They"), own("The officials"))
    );
    // A singular role still resolves to a singular speaker.
    let all = seen(&format!(
        "{H}Ann Berg, the city's mayor, said the ad was wrong. The mayor sent a letter on Thursday."
    ));
    assert_eq!(
        source_and_resolved(&all, "sent"),
        (own("The mayor"), own("Ann Berg"))
    );
}

#[test]
fn a_quoted_title_after_a_preposition_is_not_the_reported_words() {
    let s = only(&format!(
        "{H}On this week\u{2019}s episode of \u{201c}Town Talk,\u{201d} Senator Tom Reed said his rival\u{2019}s plan was a stunt meant to distract voters."
    ));
    assert_eq!(s.source.as_deref(), Some("Senator Tom Reed"));
    assert_eq!(
        s.content,
        ["his rival\u{2019}s plan was a stunt meant to distract voters"]
    );
}

#[test]
fn a_phrase_of_time_between_subject_and_cue() {
    let all = seen(&format!(
        "{H}The new tax was first proposed by Tom Reed, who in 2009 said the main goal was to oust the mayor."
    ));
    let s = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("said"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(s.source.as_deref(), Some("Tom Reed"));
    assert_eq!(s.content, ["the main goal was to oust the mayor"]);
}

#[test]
fn a_participle_with_its_own_preposition_or_infinitive() {
    let s = only(&format!(
        "{H}A group of nurses sent a letter to the board, calling for his dismissal."
    ));
    assert_eq!(s.cue.as_deref(), Some("calling for"));
    assert_eq!(s.source.as_deref(), Some("A group of nurses"));
    assert_eq!(s.content, ["his dismissal"]);
    let s = only(&format!(
        "{H}Anna Berg spoke to the farmers, promising to lower the water levy."
    ));
    assert_eq!(s.cue.as_deref(), Some("promising"));
    assert_eq!(s.source.as_deref(), Some("Anna Berg"));
    assert_eq!(s.content, ["to lower the water levy"]);
    // Not a report: a participle modifying a noun, with no comma before it.
    assert!(seen(&format!(
        "{H}The ships calling for repairs waited in the bay."
    ))
    .is_empty());
}

#[test]
fn a_clause_opening_with_too_much_or_more() {
    let s = only(&format!(
        "{H}Anna Berg says too much is made of the delays."
    ));
    assert_eq!(s.content, ["too much is made of the delays"]);
    // "said too much" reports nothing.
    assert!(seen(&format!("{H}Anna Berg said too much at the hearing.")).is_empty());
}

#[test]
fn a_source_before_an_apposition_in_dashes() {
    let s = only(&format!(
        "{H}Mark Hale -- author of a book on local budgets -- said the council tends to delay hard votes."
    ));
    assert_eq!(s.source.as_deref(), Some("Mark Hale"));
    assert_eq!(s.content, ["the council tends to delay hard votes"]);
}

#[test]
fn a_noun_of_saying_after_its_possessor() {
    let all = seen(&format!(
        "{H}Anna Berg spoke first.\n\nThe auditors checked Tom Reed\u{2019}s claim that the old pipes leak in every street, and found it true."
    ));
    let s = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("claim"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(s.source.as_deref(), Some("Tom Reed"));
    assert_eq!(s.content, ["the old pipes leak in every street"]);
    assert_eq!(s.confidence, Confidence::Low);
    let s = only(&format!(
        "{H}Anna Berg spoke first. Contrary to her claim that the town would \u{201c}learn nothing,\u{201d} the files helped."
    ));
    assert_eq!(s.source.as_deref(), Some("her"));
    assert_eq!(s.resolved.as_deref(), Some("Anna Berg"));
    assert_eq!(s.content, ["the town would \u{201c}learn nothing,\u{201d}"]);
    // A relative clause after the noun, or no possessor: no source to name.
    for sentence in [
        "The claim that was made by the council is false.",
        "The claim that the pipes leak is old.",
    ] {
        let all = seen(&format!("{H}{sentence}"));
        assert!(
            all.iter().all(|s| s.cue.as_deref() != Some("claim")),
            "{sentence}: {all:#?}"
        );
    }
}

#[test]
fn a_report_citing_its_source_between_commas() {
    let s = only(&format!(
        "{H}The Evening Post reported, citing nurses at the city clinic, that the ward had closed in May."
    ));
    assert_eq!(s.source.as_deref(), Some("nurses at the city clinic"));
    assert_eq!(s.chain, ["The Evening Post"]);
    assert_eq!(s.content, ["the ward had closed in May"]);
}

#[test]
fn a_title_case_headline_with_its_reporting_verb() {
    let all = seen("Mayor Says New Bridge Will Open In May\n\nThe mayor spoke on Monday.");
    let s = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("Says"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(s.source.as_deref(), Some("Mayor"));
    assert_eq!(s.content, ["New Bridge Will Open In May"]);
    // Inside a sentence, a capitalized verb form is part of a name.
    let all = seen(&format!(
        "{H}The Tells Group opened a new office in the harbour district."
    ));
    assert_no_cue(&all, "Tells");
}

#[test]
fn a_second_act_in_a_sentence_with_a_report() {
    // The act opening the sentence is read besides the participle after it; its content
    // stops before the participle's comma.
    let all = seen(&format!(
        "{H}Paul Osei is defending his late-night posts about the mayor, saying they show he is awake at all hours."
    ));
    let act = all
        .iter()
        .find(|a| a.cue.as_deref() == Some("defending"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(act.content, ["his late-night posts about the mayor"]);
    assert_eq!(act.source.as_deref(), Some("Paul Osei"));
    assert_eq!(act.confidence, Confidence::Low);
    assert!(all.iter().any(|a| a.cue.as_deref() == Some("saying")));
    // A verb inside a relative clause after the subject is no act of its own.
    let all = seen(&format!(
        "{H}Anna Berg, who chairs the port board, said the toll would stay in place."
    ));
    assert!(
        all.iter().all(|a| a.cue.as_deref() == Some("said")),
        "{all:#?}"
    );
}

#[test]
fn a_stance_written_with_be_and_an_adjective_or_a_noun() {
    let s = only(&format!(
        "{H}Ms. Rivera is confident that the budget will pass next month."
    ));
    assert_eq!(s.content, ["the budget will pass next month"]);
    assert_eq!(s.cue.as_deref(), Some("is confident that"));
    assert_eq!(s.source.as_deref(), Some("Ms. Rivera"));
    let s = only(&format!(
        "{H}Dale Smith has been a staunch opponent of the new toll."
    ));
    assert_eq!(s.content, ["the new toll"]);
    assert_eq!(s.source.as_deref(), Some("Dale Smith"));
    // No content, or no word of stance: nothing.
    for sentence in [
        "Ms. Rivera is confident.",
        "The harbour is a popular spot for tourists.",
        "Dale Smith is a member of the port board.",
    ] {
        let all = seen(&format!("{H}{sentence}"));
        assert!(all.is_empty(), "{sentence}: {all:#?}");
    }
}

#[test]
fn a_headline_that_is_a_subjects_act() {
    let text = "Farmers Union Fights Harbour Toll Plan\n\nThe Farmers Union met on Monday in the town hall.";
    let all = seen(text);
    let s = all
        .iter()
        .find(|a| a.source.as_deref() == Some("Farmers Union"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(s.content, ["Harbour Toll Plan"]);
    assert_eq!(s.cue.as_deref(), Some("Fights"));
    assert_eq!(s.confidence, Confidence::Low);
    // A subject the body never names is no speaker (`Storm`), nor a phrase of time.
    for text in [
        "Storm Hits Coastal Towns Overnight\n\nHeavy rain fell on the coast on Monday.",
        "Every Minute Counts For Rescue Crews\n\nThe crews worked through the night.",
    ] {
        let all = seen(text);
        assert!(all.is_empty(), "{text}: {all:#?}");
    }
}

#[test]
fn a_transcript_turn_opening_with_a_quotation_mark() {
    let all = seen(&format!(
        "{H}\"HOST: Will the port reopen next week?\n\n\"RAMOS: It will, and the cranes are ready."
    ));
    let ramos = all
        .iter()
        .find(|a| a.source.as_deref() == Some("RAMOS"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(ramos.content, ["It will, and the cranes are ready"]);
    // A quotation with a colon inside is no turn: its speaker is the one who said it.
    let s = only(&format!(
        "{H}\"We need two things: cranes and workers,\" Ramos said."
    ));
    assert_eq!(s.source.as_deref(), Some("Ramos"));
}

#[test]
fn a_paragraph_introduced_by_a_colon_after_a_cue() {
    let all = seen(&format!(
        "{H}The governor added:\n\nThe port will reopen next week. The cranes are ready."
    ));
    let s = all
        .iter()
        .find(|a| a.content == ["The port will reopen next week. The cranes are ready"])
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(s.source.as_deref(), Some("The governor"));
    assert_eq!(s.cue.as_deref(), Some("added"));
    // A colon with no reporting verb before it introduces no one's words.
    let all = seen(&format!(
        "{H}The schedule is as follows:\n\nThe port opens at nine."
    ));
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn verbs_of_thinking_and_infinitives_and_prepositions_of_their_own() {
    for (sentence, cue, content) in [
        (
            "Ms. Rivera believes her plan to cut waste will be the most lasting result of her term.",
            "believes",
            "her plan to cut waste will be the most lasting result of her term",
        ),
        (
            "Ms. Rivera is hoping that cities will allow the fees to be passed on.",
            "hoping",
            "cities will allow the fees to be passed on",
        ),
        (
            "Ultimately, Ms. Rivera hopes to offset all of the costs with new grants.",
            "hopes",
            "to offset all of the costs with new grants",
        ),
        ("Through a spokesman, Paul Osei declined to comment.", "declined", "to comment"),
        (
            "Dale Smith agreed with the mayor that the fees were too high.",
            "agreed",
            "the fees were too high",
        ),
        (
            "Dale Smith did not respond to repeated calls from the paper.",
            "did not respond",
            "to repeated calls from the paper",
        ),
        (
            "Paul Osei is once again questioning the fairness of the election board.",
            "questioning",
            "the fairness of the election board",
        ),
    ] {
        let s = only(&format!("{H}{sentence}"));
        assert_eq!(s.cue.as_deref(), Some(cue), "{sentence}");
        assert_eq!(s.content, [content], "{sentence}");
    }
    // A belief in something, a passive of thinking, a bare agreement: no content.
    for sentence in [
        "Ms. Rivera believes in hard work.",
        "The plan is expected to pass next week.",
        "Dale Smith agreed.",
    ] {
        let all = seen(&format!("{H}{sentence}"));
        assert!(all.is_empty(), "{sentence}: {all:#?}");
    }
}

#[test]
fn subjects_ended_by_their_verb() {
    // A present tense after a name, a past tense without `-ed` after a noun of people,
    // a plural noun of people alone, a quotation inside the object.
    for (sentence, source, cue) in [
        (
            "Anna Berg defends the new toll on the harbour bridge.",
            "Anna Berg",
            "defends",
        ),
        (
            "The leaders made no secret of the quarrel over taxes.",
            "The leaders",
            "made",
        ),
        (
            "Lawmakers have long debated the role of family ties in voting.",
            "Lawmakers",
            "debated",
        ),
    ] {
        let s = only(&format!("{H}{sentence}"));
        assert_eq!(s.source.as_deref(), Some(source), "{sentence}");
        assert_eq!(s.cue.as_deref(), Some(cue), "{sentence}");
    }
    let all = seen(&format!(
        "{H}Anna Berg greeted the mayor as \u{201c}a steady hand in every storm\u{201d} at the meeting."
    ));
    assert!(
        all.iter().any(|a| a.cue.as_deref() == Some("greeted")
            && a.content
                == ["the mayor as \u{201c}a steady hand in every storm\u{201d} at the meeting"]),
        "{all:#?}"
    );
    // The quotation keeps an attribution of its own.
    assert!(
        all.iter()
            .any(|a| a.content == ["a steady hand in every storm"]),
        "{all:#?}"
    );
    // A capitalized first word is not a name before a plural noun (`Power plants`).
    let all = seen(&format!(
        "{H}Power plants remain the main cause of smoke in the valley."
    ));
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn an_act_after_an_opening_phrase_or_with_a_parenthesis() {
    let s = only(&format!(
        "{H}Recently, however, the union issued a policy paper welcoming the new harbor rules."
    ));
    assert_eq!(s.source.as_deref(), Some("the union"));
    assert_eq!(s.cue.as_deref(), Some("issued"));
    let s = only(&format!(
        "{H}Karl Moen, in particular, has been steadily pounding the toll plan as a costly mistake."
    ));
    assert_eq!(s.source.as_deref(), Some("Karl Moen"));
    // A name with its apposition is no opening phrase; a comma list names no one.
    assert!(seen(&format!(
        "{H}Quietly, the river rose over the old stone steps."
    ))
    .is_empty());
}

#[test]
fn a_noun_of_stance_with_a_possessor_and_a_preposition() {
    let s = only(&format!(
        "{H}The debate turned on Mayor Lund's determination to close the old ferry dock."
    ));
    assert_eq!(s.source.as_deref(), Some("Mayor Lund"));
    assert_eq!(s.cue.as_deref(), Some("determination"));
    assert_eq!(s.content, ["close the old ferry dock"]);
    // Without a possessor there is no source.
    assert!(seen(&format!(
        "{H}The debate turned on a determination to close the dock."
    ))
    .is_empty());
}

#[test]
fn a_reporting_verb_after_continue_or_go_on() {
    let s = only(&format!(
        "{H}Ruth Amsel continues to insist that the ferry dock will reopen in spring."
    ));
    assert_eq!(s.source.as_deref(), Some("Ruth Amsel"));
    assert_eq!(s.content, ["the ferry dock will reopen in spring"]);
    let s = only(&format!(
        "{H}Ruth Amsel went on to explain how the levy would be spent."
    ));
    assert_eq!(s.source.as_deref(), Some("Ruth Amsel"));
    // An infinitive after any other verb is no report.
    assert!(seen(&format!("{H}The clerk ran to say hello.")).is_empty());
}

#[test]
fn an_infinitive_of_purpose_after_a_medium_reports() {
    for (text, content) in [
        (
            "Ruth Amsel took to Twitter overnight to accuse the council of lying.",
            "the council of lying",
        ),
        (
            "Ruth Amsel went on television to deny the report.",
            "the report",
        ),
        (
            "Ruth Amsel used a speech to accuse the council of lying.",
            "the council of lying",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.source.as_deref(), Some("Ruth Amsel"), "{text}");
        assert_eq!(s.content, [content], "{text}");
    }
    // No medium, no statement: steps and money are no place of speech.
    assert_no_cue(
        &seen(&format!("{H}Officials took steps to deny him entry.")),
        "deny",
    );
    assert_no_cue(
        &seen(&format!(
            "{H}The city used the levy to claim federal funds."
        )),
        "claim",
    );
    // The medium belongs to the infinitive's own clause, not to one before a comma.
    let all = seen(&format!(
        "{H}Ruth Amsel went on television, and aides rushed to deny the report."
    ));
    assert!(
        all.iter()
            .all(|s| s.cue.as_deref() != Some("deny") || s.source.as_deref() != Some("Ruth Amsel")),
        "{all:#?}"
    );
}

#[test]
fn go_on_reports_only_as_going_on_speaking() {
    // `went on television`, `go on offense`: a place or a course, no words.
    for text in [
        "Ruth Amsel went on television to deny the report.",
        "Ruth Amsel said they would go on offense against the levy.",
        "Ruth Amsel has gone on a tour to talk with farmers about the levy.",
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), "went on");
        assert_no_cue(&seen(&format!("{H}{text}")), "go on");
        assert_no_cue(&seen(&format!("{H}{text}")), "gone on");
    }
    let s = only(&format!("{H}Ruth Amsel went on: \"The levy is unfair.\""));
    assert_eq!(s.cue.as_deref(), Some("went on"));
}

#[test]
fn a_sentence_opening_with_a_stray_period_does_not_panic() {
    // Found by fuzzing: a period before any word used to index the token before it
    // (`toks[i - 1]` at i = 0) while looking for a title such as `Mrs.`.
    let found = seen(". He said the plan works.");
    assert!(
        found.iter().all(|s| s.source.as_deref() != Some(". He")),
        "the stray period is no part of a name: {found:?}"
    );
    let found = seen("Nora Falk arrived.\n\n. He said the plan works.");
    assert!(found
        .iter()
        .all(|s| s.source.as_deref().is_none_or(|src| !src.contains('.'))));
}

#[test]
fn a_transcript_turn_ends_the_previous_turns_open_quotation() {
    let found = seen(&format!(
        "{H}\"HOST: Will the ferry run in winter?\n\n\"REED: It runs all year.\n"
    ));
    let reed: Vec<_> = found
        .iter()
        .filter(|s| s.content.iter().any(|c| c.contains("runs all year")))
        .collect();
    assert_eq!(reed.len(), 1, "{found:#?}");
    assert_eq!(reed[0].source.as_deref(), Some("REED"));
    assert_eq!(
        reed[0].confidence,
        Confidence::High,
        "the label names the speaker"
    );
    assert!(
        found.iter().all(|s| s.source.as_deref() != Some("HOST")
            || s.content.iter().all(|c| !c.contains("runs all year"))),
        "{found:#?}"
    );
}

#[test]
fn labels_that_name_no_speaker_are_no_transcript_turn() {
    for label in ["UPDATE", "EDITOR'S NOTE", "WATCH", "CORRECTION"] {
        let found = seen(&format!(
            "{H}{label}: The ferry timetable changes on Monday.\n"
        ));
        assert!(
            found.iter().all(|s| s.source.as_deref() != Some(label)),
            "{label}: {found:#?}"
        );
    }
}

#[test]
fn told_never_inverts_its_addressee_into_the_speaker() {
    let found = seen(&format!(
        "{H}\u{201c}The harbour will close in May,\u{201d} Dr. Ines Vale, a lawyer for the Harbour Party, told reporters.\n"
    ));
    assert!(
        found
            .iter()
            .all(|s| s.source.as_deref() != Some("reporters")),
        "{found:#?}"
    );
}

#[test]
fn an_apposition_between_the_speaker_and_the_verb() {
    for (sentence, speaker) in [
        (
            "\u{201c}The ferry will run,\u{201d} Ines Vale, a spokeswoman for the Harbour Union, said.",
            "Ines Vale",
        ),
        ("\u{201c}The ferry will run,\u{201d} Tom Reed, 82, said.", "Tom Reed"),
        (
            "The ferry will run, Ines Vale, the head of the union, told reporters.",
            "Ines Vale",
        ),
    ] {
        let s = only(&format!("{H}{sentence}\n"));
        assert_eq!(s.source.as_deref(), Some(speaker), "{sentence}");
        assert_eq!(s.content, ["The ferry will run"], "{sentence}");
    }
    // A subject with an apposition and no reporting verb reports nothing.
    assert!(seen(&format!(
        "{H}The harbour, a ruin of a place, stood empty.\n"
    ))
    .is_empty());
}

#[test]
fn an_apposition_after_a_parenthesis_or_a_party_tag() {
    // The name before the apposition may end in a parenthesis, or the apposition be a
    // lawmaker's party and state.
    for (sentence, speaker) in [
        (
            "\u{201c}The ferry will run,\u{201d} Rep. Ines Vale (D-Ore.), a member of the harbour panel, said in a phone interview.",
            "Rep. Ines Vale",
        ),
        (
            "\u{201c}The ferry will run,\u{201d} Senator Tom Reed, R-Ky., said Tuesday.",
            "Senator Tom Reed",
        ),
    ] {
        let s = only(&format!("{H}{sentence}\n"));
        assert_eq!(s.source.as_deref(), Some(speaker), "{sentence}");
        assert_eq!(s.content, ["The ferry will run"], "{sentence}");
    }
    // A capitalized word after a comma that is no party tag is no apposition.
    let s = only(&format!(
        "{H}\u{201c}The ferry will run,\u{201d} said Tom Reed, Ines Vale's deputy.\n"
    ));
    assert_eq!(s.source.as_deref(), Some("Tom Reed"));
}

#[test]
fn no_speaker_after_the_verb_from_a_phrase_of_time_or_place() {
    // `said Tuesday`, `said in an interview` after a quotation: the words after the
    // verb are no speaker (the speaker before it was not read, so nothing is drafted).
    for sentence in [
        "\u{201c}The ferry will run,\u{201d} the new plan of 2024 & co said Tuesday.",
        "\u{201c}The ferry will run,\u{201d} 12 & 13 said in an interview.",
    ] {
        let found = seen(&format!("{H}{sentence}\n"));
        assert!(
            found.iter().all(|s| !matches!(
                s.source.as_deref(),
                Some("Tuesday") | Some("in an interview")
            )),
            "{found:#?}"
        );
    }
    // An inverted speaker stays one.
    let s = only(&format!(
        "{H}\u{201c}The ferry will run,\u{201d} said the harbour master on Tuesday.\n"
    ));
    assert_eq!(s.source.as_deref(), Some("the harbour master"));
}

#[test]
fn a_quotation_after_a_possessive_is_a_title() {
    // `On Radio Nord's "Harbour Hour," Vale said …`: the quotation is a programme's
    // name, and the sentence is read forward.
    let s = only(&format!(
        "{H}In an interview on Radio Nord's \"Harbour Hour,\" Ines Vale said the ferry would run.\n"
    ));
    assert_eq!(s.source.as_deref(), Some("Ines Vale"));
    assert_eq!(s.content, ["the ferry would run"]);
    // Not after a possessive: the quotation is the reported words.
    let s = only(&format!(
        "{H}The ferry is \"a trap for small boats,\" Ines Vale said.\n"
    ));
    assert_eq!(s.source.as_deref(), Some("Ines Vale"));
}

#[test]
fn a_reporting_clause_opened_by_as() {
    // After the reported words, the comparative `as` opens the reporting clause: its
    // subject is the speaker, not the subject of the sentence holding the quotation.
    let s = only(&format!(
        "{H}The ferry ramp is \"a trap for small boats,\" as Petra Lind said."
    ));
    assert_eq!(s.source.as_deref(), Some("Petra Lind"));
    assert_eq!(s.cue.as_deref(), Some("said"));
    let s = only(&format!(
        "{H}The night buses will stop running next spring, as Omar Haddad noted."
    ));
    assert_eq!(s.source.as_deref(), Some("Omar Haddad"));
    assert_eq!(s.content, ["The night buses will stop running next spring"]);
    // Inside the sentence, between its subject and its verb: two parts.
    let s = only(&format!(
        "{H}The lighthouse, as Petra Lind wrote, was painted red in 1950."
    ));
    assert_eq!(s.source.as_deref(), Some("Petra Lind"));
    assert_eq!(s.content, ["The lighthouse", "was painted red in 1950"]);
    // `put it` reports in `as X put it`, before or after the words.
    let s = only(&format!(
        "{H}The canal tolls are a tax on farmers, as Omar Haddad put it."
    ));
    assert_eq!(s.source.as_deref(), Some("Omar Haddad"));
    assert_eq!(s.cue.as_deref(), Some("put it"));
    let s = only(&format!(
        "{H}As Omar Haddad puts it, the canal tolls are a tax on farmers."
    ));
    assert_eq!(s.source.as_deref(), Some("Omar Haddad"));
    assert_eq!(s.content, ["the canal tolls are a tax on farmers"]);
}

#[test]
fn put_it_and_as_report_nothing_elsewhere() {
    // `put it` with an object or a place after it is an act, not a report.
    assert!(seen(&format!(
        "{H}Petra Lind put it on the table before the vote."
    ))
    .is_empty());
    // Outside `as X put it`, the words after `put it` are its manner (`bluntly`, `this
    // way`), not the reported words: no content is drafted from them.
    let found = seen(&format!(
        "{H}Petra Lind put it bluntly: the ferry will be late all summer."
    ));
    assert!(
        !found
            .iter()
            .any(|s| s.content.iter().any(|c| c.starts_with("bluntly"))),
        "{found:#?}"
    );
    assert!(seen(&format!(
        "{H}The harbour was busy, as Omar Haddad put it on the list of sites to visit."
    ))
    .is_empty());
    // `as` comparing, with no reporting verb, reports nothing.
    assert!(seen(&format!("{H}The new pier is as long as the old one was.")).is_empty());
}

#[test]
fn statement_noun_with_a_name_or_month_and_a_participle() {
    for (tail, cue) in [
        ("said in a June report.", "said in a June report"),
        (
            "said in its Harbour Board memo.",
            "said in its Harbour Board memo",
        ),
        ("said in a report released on Monday.", "said in a report"),
    ] {
        let s = only(&format!(
            "{H}The lower ferry tier paid 3.1 percent more, the port office {tail}"
        ));
        assert_eq!(s.source.as_deref(), Some("the port office"), "{tail}");
        assert_eq!(s.cue.as_deref(), Some(cue), "{tail}");
        assert_eq!(
            s.content,
            ["The lower ferry tier paid 3.1 percent more"],
            "{tail}"
        );
    }
    // A noun that is no statement after the month: not an adjunct of the cue, and the
    // sentence is not read as the office's report.
    let found = seen(&format!(
        "{H}The lower ferry tier paid 3.1 percent more, the port office said in a June storm."
    ));
    assert!(
        found
            .iter()
            .all(|s| s.cue.as_deref() != Some("said in a June storm")),
        "{found:#?}"
    );
}

#[test]
fn relative_clause_speaker_is_the_object_before_who() {
    let found = seen(&format!(
        "{H}The council hired a carpenter who said he was never paid for the benches."
    ));
    let s = found
        .iter()
        .find(|s| s.cue.as_deref() == Some("said"))
        .expect("the relative clause reports");
    assert_eq!(s.source.as_deref(), Some("a carpenter"));
    // The phrase before `who` keeps its prepositional phrase.
    let found = seen(&format!(
        "{H}Residents met the head of the ferry union who said the boats would stop."
    ));
    let s = found
        .iter()
        .find(|s| s.cue.as_deref() == Some("said"))
        .expect("the relative clause reports");
    assert_eq!(s.source.as_deref(), Some("the head of the ferry union"));
}

#[test]
fn relative_clause_speaker_is_the_name_a_verb_or_preposition_governs() {
    let speaker = |text: &str, cue: &str| {
        seen(&format!("{H}{text}"))
            .into_iter()
            .find(|s| s.cue.as_deref() == Some(cue))
            .and_then(|s| s.source)
    };
    for (text, cue, who) in [
        (
            "Reed met Ann Dole, who told him the deal was off.",
            "told",
            "Ann Dole",
        ),
        (
            "The plan drew sharp criticism from Dole, who said it was reckless.",
            "said",
            "Dole",
        ),
        (
            "The bill was backed by Tom Reed, who said it would save money.",
            "said",
            "Tom Reed",
        ),
        (
            "The plan drew criticism from a lawyer, who said it was reckless.",
            "said",
            "a lawyer",
        ),
        // A preposition after a person noun names whom that person speaks for.
        (
            "Voters heard a spokesman for Ann Dole, who said she was ill.",
            "said",
            "a spokesman for Ann Dole",
        ),
        (
            "Voters heard the head of the Farmers Union, who said prices fell.",
            "said",
            "the head of the Farmers Union",
        ),
        (
            "Voters heard the campaign of Tom Reed, which said he would win.",
            "said",
            "the campaign of Tom Reed",
        ),
        (
            "Voters heard from the Ministry for Energy, which said prices fell.",
            "said",
            "the Ministry for Energy",
        ),
    ] {
        assert_eq!(speaker(text, cue).as_deref(), Some(who), "{text}");
    }
}

#[test]
fn seeking_a_thing_is_no_report_but_seeking_to_act_is() {
    for text in [
        "Reed sought asylum in France after the coup.",
        "Reed is seeking damages from the newspaper.",
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), "sought");
        assert_no_cue(&seen(&format!("{H}{text}")), "seeking");
    }
    let s = only(&format!("{H}Reed sought to calm the markets on Monday."));
    assert_eq!(s.cue.as_deref(), Some("sought"));
    assert_eq!(s.content, ["to calm the markets on Monday"]);
}

#[test]
fn a_verb_whose_object_is_a_relative_pronoun_reports_nothing() {
    for text in [
        "Reed said the plan, which Dole proposed last year, was flawed.",
        "The plan that Dole proposed last year was flawed.",
        "The plan, which she has quietly proposed, was flawed.",
        "The levy, which the city council proposed, was flawed.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert!(
            all.iter().all(|s| s.content != ["was flawed"]),
            "{text}: {all:#?}"
        );
    }
    let cue_words = |text: &str, cue: &str| {
        seen(&format!("{H}{text}"))
            .into_iter()
            .find(|s| s.cue.as_deref() == Some(cue))
            .map(|s| s.content)
    };
    // A verb of saying with the next verb right after it reports the clause.
    assert!(cue_words("The tax, which Dole said was unfair, was repealed.", "said").is_some());
    // Not when a phrase of time stands between (`which Dole said on Monday, angered`).
    assert!(cue_words(
        "The remark, which Dole said on Monday, angered Reed.",
        "said"
    )
    .is_none());
    // `that` after a verb opens a clause, whose verb reports.
    for text in [
        "Reed said that Dole warned on Monday that the plan was dead.",
        "Reed told the BBC that Dole warned on Monday that the plan was dead.",
    ] {
        assert!(cue_words(text, "warned").is_some(), "{text}");
    }
    // `that` as a conjunction after a noun, its clause with an object of its own.
    assert_eq!(
        cue_words(
            "He told the council that Dole proposed a new tax.",
            "proposed"
        ),
        Some(vec!["a new tax".to_string()])
    );
    // An infinitive is the verb's words, not a gap.
    assert!(cue_words(
        "The reason that Reed refuses to publish his taxes is pride.",
        "refuses"
    )
    .is_some_and(|c| c[0].starts_with("to publish his taxes")));
    // A preposition's object: the verb reports.
    assert_eq!(
        cue_words("To which Dole said, \"Not a chance at all.\"", "said"),
        Some(vec!["Not a chance at all".to_string()])
    );
}

#[test]
fn in_ones_words_names_who_says_the_rest() {
    for (text, source, content) in [
        (
            "In Reed's words, \"the tax is a disgrace.\"",
            "Reed",
            "the tax is a disgrace",
        ),
        (
            "In Tom Reed\u{2019}s words, the tax is a disgrace.",
            "Tom Reed",
            "the tax is a disgrace",
        ),
        (
            "In the minister's view: the plan is dead.",
            "the minister",
            "the plan is dead",
        ),
        ("In his words, the plan is dead.", "his", "the plan is dead"),
        (
            "The tax is a disgrace, in Reed's words.",
            "Reed",
            "The tax is a disgrace",
        ),
    ] {
        let all = seen(&format!("{H}{text}"));
        let s = all
            .iter()
            .find(|s| {
                s.cue
                    .as_deref()
                    .is_some_and(|c| c.ends_with("words") || c.ends_with("view"))
            })
            .unwrap_or_else(|| panic!("{text}: {all:#?}"));
        assert_eq!(s.source.as_deref(), Some(source), "{text}");
        assert_eq!(s.content, [content], "{text}");
    }
    for text in [
        "In other words, the plan is dead.",
        "In a few words, the plan is dead.",
        "In his own words, the plan is dead.",
        "In the mayor's words the plan is dead.",
        "Reed wrote the tax is a disgrace, in the mayor's view, and left.",
        "In Reed's letter, words of praise were few.",
        "Into Reed's words, the plan read nothing.",
        "In May, Reed's view: the plan is dead.",
        "In the wake of Reed's words, the market fell.",
        "In all his words, the plan is dead.",
        "He saw no change in Reed's words.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert!(
            all.iter().all(|s| !s
                .cue
                .as_deref()
                .is_some_and(|c| c.ends_with("words") || c.ends_with("view"))),
            "{text}: {all:#?}"
        );
    }
}

#[test]
fn how_long_one_spoke_and_one_reason_are_no_reports() {
    for (text, cue) in [
        ("Reed spoke for an hour on Monday.", "spoke"),
        ("Reed spoke for two hours at the rally in Salem.", "spoke"),
        ("One reason that the plan failed is its cost.", "reason"),
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), cue);
    }
    let s = only(&format!("{H}Reed spoke for the union about the wage deal."));
    assert_eq!(s.cue.as_deref(), Some("spoke"));
    let s = only(&format!("{H}No one said the plan had failed."));
    assert_eq!(s.cue.as_deref(), Some("said"));
    let s = only(&format!("{H}Reed said many more hours were needed."));
    assert_eq!(s.content, ["many more hours were needed"]);
}

#[test]
fn a_participle_with_its_phrase_of_time_describes_the_speaker() {
    let s = only(&format!(
        "{H}A study published on Monday concluded that the drug was safe."
    ));
    assert_eq!(s.source.as_deref(), Some("A study"));
    // A verb of saying with a phrase of time keeps its object: `reports` is no cue.
    let all = seen(&format!(
        "{H}Eastbridge Radio denied on Tuesday reports that the port had closed."
    ));
    assert_no_cue(&all, "reports");
}

#[test]
fn a_plural_noun_before_a_plural_auxiliary_is_no_cue() {
    let all = seen(&format!(
        "{H}Okafor noted that two engineering reports had found serious damage."
    ));
    assert_no_cue(&all, "reports");
    assert_eq!(all.len(), 1, "{all:#?}");
    for text in [
        "Four peace talks were held in the spring.",
        "Reports had surfaced in May of a deal.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert!(all.is_empty(), "{text}: {all:#?}");
    }
    // A past form before the auxiliary still reports (`which Dole said were unfair`).
    let all = seen(&format!(
        "{H}The taxes, which Dole said were unfair, were repealed."
    ));
    assert!(
        all.iter().any(|s| s.cue.as_deref() == Some("said")),
        "{all:#?}"
    );
    // The verb with its clause: `reports` then its words.
    let s = only(&format!("{H}The agency reports the port will reopen."));
    assert_eq!(s.cue.as_deref(), Some("reports"));
}

#[test]
fn the_subject_of_a_relative_clause_without_that_speaks() {
    let speaker = |text: &str, cue: &str| {
        seen(&format!("{H}{text}"))
            .into_iter()
            .find(|s| s.cue.as_deref() == Some(cue))
            .and_then(|s| s.source)
    };
    assert_eq!(
        speaker(
            "Moscow accused Washington of wrecking the truce, a charge the State Department rejected.",
            "rejected"
        )
        .as_deref(),
        Some("the State Department")
    );
    // A clause inside the subject stays in it.
    for text in [
        "The man the police arrested said he was innocent.",
        "The man the council hired said the plan was sound.",
    ] {
        let s = speaker(text, "said");
        assert!(
            s.as_deref().is_some_and(|s| s.starts_with("The man")),
            "{s:?}"
        );
    }
}

#[test]
fn the_object_of_a_progressive_verb_speaks_in_its_relative_clause() {
    // The search for the phrase before `who` stops at `is`: the participle's object
    // speaks, not the main clause's subject, and the statement is not lost.
    for (text, source) in [
        (
            "Reed is visiting a builder who said he was cheated.",
            "a builder",
        ),
        (
            "Reed is not helping Tom Dole, who said he was cheated.",
            "Tom Dole",
        ),
        (
            "Reed is meeting union leaders who said he was cheated.",
            "union leaders",
        ),
        (
            "Dole says Reed was visiting farmers who said he was cheated.",
            "farmers",
        ),
    ] {
        let all = seen(&format!("{H}{text}"));
        let s = with_cue(&all, "said");
        assert_eq!(s.source.as_deref(), Some(source), "{text}: {all:#?}");
        assert_eq!(s.content, ["he was cheated"], "{text}: {all:#?}");
    }
    // A word in `-ing` that is no verb after `be` stays in the phrase.
    let all = seen(&format!(
        "{H}On Monday, housing officials who said the dam failed met Reed."
    ));
    let said = with_cue(&all, "said");
    assert_eq!(
        said.source.as_deref(),
        Some("housing officials"),
        "{all:#?}"
    );
}

#[test]
fn a_report_inside_a_relative_clause_ends_with_the_clause() {
    // `which Dole said` before the clause it reports (its subject the pronoun): a report,
    // not a noun before `is` or a modal, and it ends at the comma or dash that closes
    // the relative clause, before the main clause's verb.
    assert_words(&[
        (
            "The tax, which Dole said was unfair, was repealed in May.",
            "Dole",
            "was unfair",
        ),
        (
            "The tax -- which Dole said was unfair -- was repealed.",
            "Dole",
            "was unfair",
        ),
        (
            "The dam, which engineers say is unsafe, will close.",
            "engineers",
            "is unsafe",
        ),
        (
            "The plan, which Dole said would cost $5 million, was approved.",
            "Dole",
            "would cost $5 million",
        ),
        (
            "The plan, which Dole told reporters was a mistake, was dropped.",
            "Dole",
            "was a mistake",
        ),
    ]);
    // Not set off by a comma: nothing marks the clause's end, the words run on (a comma
    // inside may join a list).
    assert_words(&[
        (
            "The plan that Dole said would fail was approved.",
            "Dole",
            "would fail was approved",
        ),
        (
            "The plan that critics say will cost jobs, schools and roads was approved.",
            "critics",
            "will cost jobs, schools and roads was approved",
        ),
    ]);
    // A noun before `is` or a modal is still no report.
    for text in ["The harbor plan is late.", "The tax plan would cost more."] {
        assert!(seen(&format!("{H}{text}")).is_empty(), "{text}");
    }
}

#[test]
fn a_relative_clause_with_an_auxiliary_reports_up_to_its_closing_comma() {
    assert_words(&[
        (
            "Reed, who has denied any wrongdoing, is due in court on Monday.",
            "Reed",
            "any wrongdoing",
        ),
        (
            "Reed, who repeatedly denied any wrongdoing, is due in court on Monday.",
            "Reed",
            "any wrongdoing",
        ),
    ]);
}

#[test]
fn a_participle_after_a_relative_clauses_report_takes_the_main_subject() {
    // `…a builder who said …, saying …`: the relative clause's speaker is not the
    // subject that the participle at the end of the sentence shares.
    let all = seen(&format!(
        "{H}Reed refused to pay a builder who said he was cheated, saying he did a bad job."
    ));
    assert_eq!(
        with_cue(&all, "said").source.as_deref(),
        Some("a builder"),
        "{all:#?}"
    );
    assert_eq!(
        with_cue(&all, "saying").source.as_deref(),
        Some("Reed"),
        "{all:#?}"
    );
}

#[test]
fn a_noun_of_saying_then_be_and_that_reports() {
    // `Reed's view is that …`: read like `Reed's claim that …`, the cue with its verb.
    assert_words(&[
        (
            "The ministry's position is that the border will stay closed.",
            "The ministry",
            "the border will stay closed",
        ),
        (
            "Reed's argument was that the tax is unfair, and Dole agreed.",
            "Reed",
            "the tax is unfair",
        ),
    ]);
    let all = seen(&format!("{H}Reed's view is that the plan will fail."));
    assert_eq!(
        with_cue(&all, "view is").source.as_deref(),
        Some("Reed"),
        "{all:#?}"
    );
    // No possessor, no source; no clause, no words.
    for text in [
        "The view is that the plan will fail.",
        "Reed's view is that.",
        "Reed's position is the same as it was in the last three years.",
    ] {
        assert!(seen(&format!("{H}{text}")).is_empty(), "{text}");
    }
}

#[test]
fn a_possessor_opening_the_sentence_is_not_whom_a_pronoun_means() {
    // `Harbor Foods' chief executive, Linda Moreau, said she …`: `she` is the executive
    // (the subject's head), not the company that owns her title.
    for owner in ["Harbor Foods'", "Harbor Bank's", "Harbor Bank\u{2019}s"] {
        let all = seen(&format!(
            "{H}Tom Reed spoke. {owner} chief executive, Linda Moreau, said she wants to \
             double its size."
        ));
        let wants = with_cue(&all, "wants");
        assert_eq!(wants.source.as_deref(), Some("she"), "{all:#?}");
        assert_eq!(
            wants.resolved.as_deref(),
            Some("Linda Moreau"),
            "{owner}: {all:#?}"
        );
    }
}

#[test]
fn a_phrase_of_time_between_the_report_and_citing() {
    // `reported in March, citing X, that …`: X is the source through the reporter, as in
    // `reported, citing X, that …`; `citing` is no statement of its own.
    for (text, cited, reporter) in [
        (
            "The Ledger reported on Friday, citing two officials, that the deal was off.",
            "two officials",
            "The Ledger",
        ),
        (
            "The Ledger first reported in March, citing people close to the company, that \
             the deal was off.",
            "people close to the company",
            "The Ledger",
        ),
        (
            "The Ledger reported last week, quoting a senior aide, that the deal was off.",
            "a senior aide",
            "The Ledger",
        ),
        (
            "The Ledger reported late Friday, citing two officials, that the deal was off.",
            "two officials",
            "The Ledger",
        ),
    ] {
        let all = seen(&format!("{H}{text}"));
        assert_eq!(all.len(), 1, "{text}: {all:#?}");
        assert_eq!(all[0].source.as_deref(), Some(cited), "{all:#?}");
        assert_eq!(all[0].chain, [reporter], "{all:#?}");
        assert_eq!(all[0].content, ["the deal was off"], "{all:#?}");
    }
    // Citing a fact, with no clause after: the speaker's own statement.
    let all = seen(&format!(
        "{H}\"The harbor is busy again,\" Reed said in May, citing new jobs at the port."
    ));
    let citing = with_cue(&all, "citing");
    assert_eq!(citing.content, ["new jobs at the port"], "{all:#?}");
    // An object is no phrase of time: the one told hears the speaker, who cites.
    let all = seen(&format!(
        "{H}Reed told reporters, citing two studies, that the drug was safe."
    ));
    assert!(
        all.iter()
            .all(|s| s.source.as_deref() != Some("two studies")),
        "{all:#?}"
    );
    // No `that` clause after the cited phrase: it is a reason, no source.
    for text in [
        "Reed warned on Friday, citing rising costs, of more cuts.",
        "Reed warned on Friday, citing rising costs that he said would hurt farms.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert!(
            all.iter()
                .all(|s| s.source.as_deref() != Some("rising costs")),
            "{all:#?}"
        );
    }
}

#[test]
fn an_ampersand_joins_one_name() {
    for (text, source) in [
        (
            "Johnson & Johnson said it would appeal.",
            "Johnson & Johnson",
        ),
        (
            "A spokesman for Procter & Gamble said the company would appeal.",
            "A spokesman for Procter & Gamble",
        ),
    ] {
        let all = seen(&format!("{H}{text}"));
        assert_eq!(
            with_cue(&all, "said").source.as_deref(),
            Some(source),
            "{all:#?}"
        );
    }
    let all = seen(&format!(
        "{H}Analysts in research & development said it works."
    ));
    let said = with_cue(&all, "said");
    assert_eq!(
        said.source.as_deref(),
        Some("Analysts in research & development"),
        "{all:#?}"
    );
}

#[test]
fn passive_agent_stops_before_its_reason() {
    let s = only(&format!(
        "{H}The new toll was criticized by Anna Berg for its cost to farmers."
    ));
    assert_eq!(s.source.as_deref(), Some("Anna Berg"));
    assert_eq!(s.content, ["The new toll"]);
    // `for` naming whom the agent speaks for stays in the agent.
    let s = only(&format!(
        "{H}The new toll was criticized by a spokesman for the farmers' union."
    ));
    assert_eq!(
        s.source.as_deref(),
        Some("a spokesman for the farmers' union")
    );
}

#[test]
fn paragraph_opened_with_a_closing_mark_and_nested_quotation() {
    let s = only(&format!(
        "{H}\u{201d}We will rebuild the north pier before the first frost.\u{201d} \u{2015} Ines Vale"
    ));
    assert_eq!(s.kind, ContentKind::Direct);
    assert_eq!(s.source.as_deref(), Some("Ines Vale"));
    assert_eq!(
        s.content,
        ["We will rebuild the north pier before the first frost"]
    );
    // A quotation inside the quotation does not end it.
    let s = only(&format!(
        "{H}\u{201c}I would rather fish in what he calls \u{201c}dead water\u{201d} than sell the boat,\u{201d} Tom Reed said."
    ));
    assert_eq!(s.source.as_deref(), Some("Tom Reed"));
    assert_eq!(
        s.content,
        ["I would rather fish in what he calls \u{201c}dead water\u{201d} than sell the boat"]
    );
    // A closing mark opening a paragraph that nothing closes again is no quotation.
    assert!(seen(&format!(
        "{H}\u{201d}The pier stood for a century before the storm took it."
    ))
    .is_empty());
}

#[test]
fn interrupting_clause_with_an_adverbial_phrase_and_as_did() {
    let found = seen(&format!(
        "{H}The night crews, Anna Berg explained earlier in the inquiry, were paid twice a month."
    ));
    let s = found
        .iter()
        .find(|s| s.cue.as_deref() == Some("explained"))
        .expect("the interrupting clause reports");
    assert_eq!(s.source.as_deref(), Some("Anna Berg"));
    assert_eq!(s.content, ["The night crews", "were paid twice a month"]);
    // A single adverb of time closes the clause too.
    for when in ["then", "now", "once"] {
        let s = only(&format!(
            "{H}The truth, the senator said {when}, was that the crews were unpaid."
        ));
        assert_eq!(
            s.content,
            ["The truth", "was that the crews were unpaid"],
            "{when}"
        );
    }
    // A verb that is no verb of saying keeps its phrase: nothing is read around it.
    let found = seen(&format!(
        "{H}The night crews, Anna Berg hoped during the inquiry, were paid twice a month."
    ));
    assert!(found.iter().all(|s| s.content.len() < 2), "{found:#?}");
    let s = only(&format!(
        "{H}Several pilots warned, as did the harbour office itself, that the channel would silt up."
    ));
    assert_eq!(s.source.as_deref(), Some("Several pilots"));
    assert_eq!(s.content, ["the channel would silt up"]);
}

#[test]
fn descriptor_resolves_to_the_name_its_title_stands_before() {
    let text = format!(
        "{H}Nine boats were damaged in the harbour by a storm that Mayor Ines de Vale called \u{201c}the worst in years.\u{201d}\n\nAt the dock, the mayor said that the pier would reopen in May."
    );
    let found = seen(&text);
    let s = found
        .iter()
        .find(|s| s.source.as_deref() == Some("the mayor"))
        .expect("the mayor reports");
    assert_eq!(s.resolved.as_deref(), Some("Mayor Ines de Vale"));
    // A title of another office (`Vice Mayor`) is not this one.
    let text = format!(
        "{H}Nine boats were damaged in the harbour by a storm that Vice Mayor Tom Reed called \u{201c}the worst in years.\u{201d}\n\nAt the dock, the mayor said that the pier would reopen in May."
    );
    let found = seen(&text);
    let s = found
        .iter()
        .find(|s| s.source.as_deref() == Some("the mayor"))
        .expect("the mayor reports");
    assert_ne!(s.resolved.as_deref(), Some("Mayor Tom Reed"));
}

/// A direct quote's parts with its content and confidence only (no cue, source or chain).
fn bare_parts(content: Vec<Span>, confidence: Confidence) -> Parts {
    Parts {
        content,
        kind: ContentKind::Direct,
        cue: None,
        source: None,
        resolved: None,
        addressee: None,
        chain: Vec::new(),
        confidence,
    }
}

#[test]
fn an_attribution_gives_back_the_parts_it_was_made_of() {
    let some = |a: usize, b: usize| Some(Span::new(a, b));
    let top = u32::MAX as usize;
    let cases = [
        bare_parts(vec![Span::new(3, 9)], Confidence::Low),
        Parts {
            content: vec![Span::new(0, 4), Span::new(10, 20), Span::new(30, 31)],
            kind: ContentKind::Indirect,
            cue: some(21, 25),
            source: some(0, 0),
            resolved: some(top - 1, top),
            addressee: some(top, top),
            chain: vec![Span::new(40, 43), Span::new(44, 50)],
            confidence: Confidence::Medium,
        },
        Parts {
            content: vec![Span::new(7, 7)],
            kind: ContentKind::Headline,
            cue: some(5, 6),
            source: None,
            resolved: some(1, 2),
            addressee: None,
            chain: vec![Span::new(0, top)],
            confidence: Confidence::High,
        },
    ];
    for parts in cases {
        let a = Attribution::from(parts.clone());
        assert_eq!(Parts::from(&a), parts);
        assert_eq!(&a.content[..], &parts.content[..]);
        assert_eq!(a.chain(), &parts.chain[..]);
        assert_eq!(a.speaker(), parts.resolved.or(parts.source));
        // The setters replace one part and leave the others.
        let mut b = a.clone();
        b.set_cue(parts.source);
        b.set_source(parts.cue);
        b.set_resolved(None);
        b.set_addressee(some(1, 1));
        b.set_chain(Vec::new());
        let want = Parts {
            cue: parts.source,
            source: parts.cue,
            resolved: None,
            addressee: some(1, 1),
            chain: Vec::new(),
            ..parts.clone()
        };
        assert_eq!(Parts::from(&b), want);
        assert_eq!(b == a, want == parts);
    }
}

#[test]
fn packed_spans_of_an_analysis_slice_non_ascii_and_crlf_text() {
    // Multi-byte letters before and inside the spans, CRLF line ends, a byte order mark.
    let text = "\u{feff}Überschrift für Zoë\r\n\r\n\"Die Brücke öffnet im Juni,\" sagte Bürgermeisterin Zoë Ångström.\r\nZoë Ångström told Radio Nörd the tolls would end.\r\n";
    let a = Article::new(text);
    let items = &a.attributions().items;
    assert!(!items.is_empty());
    for at in items {
        let parts = Parts::from(at);
        let spans = parts.content.iter().chain(&parts.chain).copied().chain(
            [parts.cue, parts.source, parts.resolved, parts.addressee]
                .into_iter()
                .flatten(),
        );
        for s in spans {
            assert!(text.get(s.start..s.end).is_some(), "{s:?} in {text:?}");
        }
        assert_eq!(Attribution::from(parts), *at);
    }
}

#[test]
fn a_past_verb_before_the_cue_word_makes_it_an_object_not_a_cue() {
    // `links` is the object of `drew`: no attribution with `drew direct` as its speaker.
    let all = seen(&format!(
        "{H}The research documented faster warming, and drew direct links between emissions and floods."
    ));
    assert!(
        all.iter()
            .all(|a| a.source.as_deref().is_none_or(|s| !s.contains("drew"))),
        "{all:#?}"
    );
    // A relative clause of the subject keeps it.
    let a = only(&format!(
        "{H}One of the doctors who sent the letter called the host a fraud."
    ));
    assert_eq!(
        a.source.as_deref(),
        Some("One of the doctors who sent the letter")
    );
    // `made the following comment`: the speaker is the subject of `made`.
    let all = seen(&format!(
        "{H}On July 6, Ann Berg made the following comment: \u{201c}Rents have doubled in five years.\u{201d}"
    ));
    assert!(
        all.iter().any(|a| a.source.as_deref() == Some("Ann Berg")),
        "{all:#?}"
    );
}

#[test]
fn a_time_phrase_a_noun_before_a_modal_and_an_inverted_said() {
    let all = seen(&format!(
        "{H}Trump railed against the newspaper on Monday.\n\nTwenty-two years ago, a Times article hailed Trump as \u{201c}The Comeback Kid\u{201d} for his business success.\n\nThe tax plan would make the code more complicated. Said Ellis: \u{201c}I don\u{2019}t get the sense she is interested in tax reform.\u{201d}\n"
    ));
    let by_cue = |c: &str| all.iter().find(|a| a.cue.as_deref() == Some(c));
    // A time phrase before the comma is no name the subject stands in apposition to.
    let hailed = by_cue("hailed").expect("hailed");
    assert_eq!(hailed.source.as_deref(), Some("a Times article"));
    assert_eq!(hailed.resolved, None);
    // `plan` before `would` is a noun: no attribution.
    assert!(by_cue("plan").is_none(), "{all:#?}");
    // `Said Ellis: "…"`: the verb first, then its subject.
    let said = by_cue("Said").expect("Said");
    assert_eq!(said.source.as_deref(), Some("Ellis"));
    assert_eq!(said.kind, ContentKind::Direct);
    // The apposition itself still gives the name: `Omer Celik, a spokesman, said`.
    let a = only(&format!(
        "{H}Omer Celik, a spokesman for the party has denied that talks had failed."
    ));
    assert_eq!(a.source.as_deref(), Some("Omer Celik"));
}

#[test]
fn participle_openings_and_appositions_in_a_row() {
    // A quotation inside an opening participle phrase is the subject's after it.
    let all = seen(&format!(
        "{H}Bemoaning the \"broken ferry plan,\" Holm accused Reed of being careless."
    ));
    let quoted = all
        .iter()
        .find(|a| a.content == ["broken ferry plan"])
        .expect("the quotation is attributed");
    assert_eq!(quoted.source.as_deref(), Some("Holm"));
    // A participle and a determiner open no subject: `called` here is an adjective.
    let all = seen(&format!(
        "{H}Following a swiftly called, late meeting, the council adjourned."
    ));
    assert!(
        all.iter().all(|a| a
            .source
            .as_deref()
            .is_none_or(|s| !s.starts_with("Following"))),
        "{all:#?}"
    );
    // Two appositions after the name: the name speaks.
    let a = only(&format!(
        "{H}Donna Rawlings, 59, who watched the ceremony on a screen, said the event moved her."
    ));
    assert_eq!(a.source.as_deref(), Some("Donna Rawlings"));
    // Four of them, a town and its abbreviated state among them (`of Salem, Ore.,`).
    for text in [
        "Ann Dole, of Salem, Ore., who watched the launch from the pier, said the day moved her.",
        "Ann Dole, 59, of Salem, Ore., who watched the launch, said the day moved her.",
    ] {
        let a = only(&format!("{H}{text}"));
        assert_eq!(a.source.as_deref(), Some("Ann Dole"), "{text}");
        assert_eq!(a.content, ["the day moved her"], "{text}");
    }
    // Clauses of the sentence before a trailing `said X` are no appositions.
    let all = seen(&format!(
        "{H}Trump would expand the deduction they take, but for some, the losses would outstrip the gains, said Batchelder."
    ));
    assert!(
        all.iter()
            .any(|a| a.source.as_deref() == Some("Batchelder")),
        "{all:#?}"
    );
}

#[test]
fn a_bare_word_after_a_singular_noun_phrase_is_a_noun() {
    // `the council's budget plan sends …`, `a strong signal that …`: a singular noun
    // phrase takes no bare present-tense verb, so neither `plan` nor `signal` reports.
    let all = seen(&format!(
        "{H}Put simply, the council's budget plan sends a strong signal that the first goal \"is cutting the deficit this year,\" Ms. Harlow said.\n"
    ));
    assert!(
        all.iter()
            .all(|a| !matches!(a.cue.as_deref(), Some("plan" | "signal"))),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|a| a.source.as_deref() == Some("Ms. Harlow")),
        "{all:#?}"
    );
    // After a plural, the bare word is the verb: `the officials say`, `the police say`.
    for subject in [
        "The harbor officials",
        "The police",
        "Observers around the state",
    ] {
        let a = only(&format!(
            "{H}{subject} say the ferry will stop running in May.\n"
        ));
        assert_eq!(a.source.as_deref(), Some(subject));
        assert_eq!(a.content, ["the ferry will stop running in May"]);
    }
}

#[test]
fn have_as_a_verb_an_infinitive_noun_before_a_place_and_has_long_said() {
    let all = seen(&format!(
        "{H}The council has three ways to raise money: by selling bonds, by raising taxes, or by cutting jobs.\n\nAfter the vote and the strikes, the union needs to depend less on county support.\n"
    ));
    // `has three`: `have` is the verb, `three` no participle; `state support` is the
    // object of `on`, no trailing report.
    assert!(all.is_empty(), "{all:#?}");
    // `efforts to a new drive`: a goal, not the stance; `efforts to win …` is one.
    let all = seen(&format!(
        "{H}The Harlow campaign has turned its efforts to a new drive aimed at young voters.\n"
    ));
    assert!(
        all.iter().all(|a| a.cue.as_deref() != Some("efforts")),
        "{all:#?}"
    );
    let all = seen(&format!(
        "{H}Despite the mayor's efforts to reopen the old ferry line, the islands remain cut off.\n"
    ));
    assert!(
        all.iter()
            .any(|a| a.cue.as_deref() == Some("efforts")
                && a.content == ["reopen the old ferry line"]),
        "{all:#?}"
    );
    // A perfect with `long` between: the subject is before `has`.
    let a = only(&format!(
        "{H}Reed has long said that he qualifies because his mother was born in Ohio.\n"
    ));
    assert_eq!(a.source.as_deref(), Some("Reed"));
    // `has championed`: a participle after `has` is still the subject's act.
    let a = only(&format!(
        "{H}The Harbor Authority has championed a plan to rebuild the pier before the summer.\n"
    ));
    assert_eq!(a.cue.as_deref(), Some("championed"));
    assert_eq!(a.source.as_deref(), Some("The Harbor Authority"));
}

#[test]
fn speaking_needs_a_topic_and_acts_without_a_position_report_nothing() {
    // A length, a time or a place after `spoke` is no content.
    for sentence in [
        "Councilwoman Ann Berg spoke for about five minutes before the vote.",
        "Councilwoman Ann Berg spoke Friday in Dover before a small crowd.",
        "Councilwoman Ann Berg spoke longer than 30 minutes at the hall.",
    ] {
        let all = seen(&format!("{H}{sentence}\n"));
        assert!(all.is_empty(), "{sentence}: {all:#?}");
    }
    // What she spoke of, even after an adjunct, is.
    let a = only(&format!(
        "{H}Councilwoman Ann Berg spoke during her speech of the old ferry that once served the islands.\n"
    ));
    assert_eq!(a.source.as_deref(), Some("Councilwoman Ann Berg"));
    assert_eq!(a.content, ["of the old ferry that once served the islands"]);
    // A purchase, taking questions, `made the remarks` (given elsewhere) take no
    // position; `took issue with` does.
    for sentence in [
        "The Harbor Authority bought the old pier from the county for two million dollars.",
        "Mayor Ann Berg took questions from fishermen at the pier for about an hour.",
        "Mayor Ann Berg made the remarks on Monday during a short stop at the harbor office.",
    ] {
        let all = seen(&format!("{H}{sentence}\n"));
        assert!(all.is_empty(), "{sentence}: {all:#?}");
    }
    let all = seen(&format!(
        "{H}Mayor Ann Berg took issue with the county's plan to close the harbor office.\n"
    ));
    assert!(
        all.iter()
            .any(|a| a.cue.as_deref() == Some("took")
                && a.source.as_deref() == Some("Mayor Ann Berg")),
        "{all:#?}"
    );
}

#[test]
fn a_noun_after_a_degree_adverb_or_in_a_verbs_phrase_reports_nothing() {
    for sentence in [
        "The strike has brought loud, sometimes angry protests over the past week.",
        "It seems to be a rather divisive issue these days, and the council will vote on it.",
        "Our fears are deepened by the unusual challenge faced by anyone chosen for the post.",
    ] {
        let all = seen(&format!("{H}{sentence}\n"));
        assert!(all.is_empty(), "{sentence}: {all:#?}");
    }
    // A degree adverb before the verb itself leaves it a verb.
    let a = only(&format!(
        "{H}Harbor officials often claim that the ferry pays for itself.\n"
    ));
    assert_eq!(a.cue.as_deref(), Some("claim"));
    assert_eq!(a.source.as_deref(), Some("Harbor officials"));
}

#[test]
fn a_verb_and_its_object_are_no_speaker() {
    // `features a Harbor Times report that …`: the words before `report` open with a
    // verb and its article, no speaker.
    let all = seen(&format!(
        "{H}The ad, titled Harbor, features a Harbor Times report that the ferry deal cost the town millions.\n"
    ));
    assert!(
        all.iter().all(|a| a
            .source
            .as_deref()
            .is_none_or(|s| !s.starts_with("features"))),
        "{all:#?}"
    );
    // A quantifier or a determiner before the article is part of a speaker.
    let a = only(&format!(
        "{H}By Friday, all the harbor pilots said the channel was too shallow for the new ferries.\n"
    ));
    assert_eq!(a.source.as_deref(), Some("all the harbor pilots"));
}

#[test]
fn commit_pledges_only_before_to_and_state_is_a_noun_unless_a_statement_follows() {
    for sentence in [
        "Two clerks committed fraud to open fake accounts at the harbor bank last year.",
        "Most states have closed their voter rolls for the spring ballot already.",
        "The wishes of member states outweigh everything else in the talks on the new treaty.",
    ] {
        let all = seen(&format!("{H}{sentence}\n"));
        assert!(all.is_empty(), "{sentence}: {all:#?}");
    }
    let a = only(&format!(
        "{H}Mayor Ann Berg committed to reopening the ferry line before the summer.\n"
    ));
    assert_eq!(a.cue.as_deref(), Some("committed"));
    let a = only(&format!(
        "{H}The ferry company committed that it would run the line through the winter.\n"
    ));
    assert_eq!(a.content, ["it would run the line through the winter"]);
    let a = only(&format!(
        "{H}The harbor report states that the pier was never safe for ferries.\n"
    ));
    assert_eq!(a.cue.as_deref(), Some("states"));
    assert_eq!(a.content, ["the pier was never safe for ferries"]);
}

#[test]
fn a_title_in_quotation_marks_is_no_statement() {
    // The uncued quotation inside a sentence is a title: no attribution for it.
    let all = seen(&format!(
        "{H}The director makes this plain in her new documentary \u{201c}Harbor Nights.\u{201d} The film opens Friday.\n"
    ));
    assert!(
        all.iter().all(|a| a.content != ["Harbor Nights"]),
        "{all:#?}"
    );
    // Lowercase words quoted, or a phrase coined with `a`, are the subject's words.
    for (sentence, quoted) in [
        (
            "Mayor Ann Berg greeted the plan as \u{201c}a locked door\u{201d} for the islands on Friday.",
            "a locked door",
        ),
        (
            "Mayor Ann Berg greeted the plan as a \u{201c}Harbor Pact\u{201d} for the two counties on Friday.",
            "Harbor Pact",
        ),
    ] {
        let all = seen(&format!("{H}{sentence}\n"));
        assert!(
            all.iter()
                .any(|a| a.content.iter().any(|c| c == quoted)),
            "{sentence}: {all:#?}"
        );
    }
}

#[test]
fn a_role_then_a_name_in_apposition_names_the_speaker() {
    // Trailing: the description by role first, the name after it.
    for role in [
        "the firm's chief executive",
        "their barrister",
        "a spokesman for the port",
    ] {
        let s = only(&format!(
            "{H}\"We are pleased with the verdict,\" {role}, Lena Holt, said on Monday."
        ));
        assert_eq!(s.content, ["We are pleased with the verdict"], "{role}");
        assert_eq!(s.source.as_deref(), Some("Lena Holt"), "{role}");
        assert_eq!(s.cue.as_deref(), Some("said"), "{role}");
    }
    // Inverted: `said` + the role + the name closing the sentence.
    let s = only(&format!(
        "{H}\"The dam will hold,\" said the chief engineer, Anna Berg."
    ));
    assert_eq!(s.source.as_deref(), Some("Anna Berg"));
    // A name first and its role after: the name, as before.
    let s = only(&format!(
        "{H}\"The dam will hold,\" Anna Berg, the chief engineer, said."
    ));
    assert_eq!(s.source.as_deref(), Some("Anna Berg"));
    // A description without a name stays the source.
    let s = only(&format!(
        "{H}\"The dam will hold,\" said the chief engineer of the port."
    ));
    assert_eq!(s.source.as_deref(), Some("the chief engineer of the port"));
    // A description holding a clause (an auxiliary) is no role: the name is not read
    // past it.
    let all = seen(&format!(
        "{H}\"The dam will hold,\" the plan that was approved, Anna Berg, said."
    ));
    assert!(
        all.iter().all(|s| s.source.as_deref() != Some("Anna Berg")),
        "{all:#?}"
    );
}

#[test]
fn a_court_rules_and_a_participle_after_the_reporting_clause_is_its_own() {
    let all = seen(&format!(
        "{H}The tunnel works can continue, a judge ruled on Thursday, rejecting a request by residents to stop them."
    ));
    let ruled = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("ruled"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(ruled.content, ["The tunnel works can continue"]);
    assert_eq!(ruled.source.as_deref(), Some("a judge"));
    // `continue` after a modal goes on doing something: no cue.
    assert_no_cue(&all, "continue");
    // `ruled` governing, `rule` as a noun and a legal `appeal` are no verbs of saying:
    // at most an act of the subject, read with low confidence.
    for text in [
        "The family has ruled the island since 1990 with the help of the army.",
        "The island gained its independence from British rule in the end.",
        "The state will appeal the decision to the higher court next month.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert!(
            all.iter().all(|s| s.confidence == Confidence::Low),
            "{text}: {all:#?}"
        );
    }
    let all = seen(&format!(
        "{H}Assad has ruled the country since 2000 with the help of the army."
    ));
    assert!(all.is_empty(), "{all:#?}");
    // `appeals` before a noun is part of the name of a court.
    let s = only(&format!(
        "{H}A federal appeals court said on Friday that the rules were lawful."
    ));
    assert_eq!(s.source.as_deref(), Some("A federal appeals court"));
    // A participle that reports nothing continues the reported words.
    let s = only(&format!(
        "{H}The rules are vague, experts say, including a clause that could exclude mothers."
    ));
    assert_eq!(
        s.content,
        [
            "The rules are vague",
            "including a clause that could exclude mothers"
        ]
    );
}

#[test]
fn a_cited_or_quoted_source_behind_the_reporting_outlet() {
    let s = only(&format!(
        "{H}The Courier, citing two people familiar with the project, reported last month that the tunnel was behind schedule."
    ));
    assert_eq!(
        s.source.as_deref(),
        Some("two people familiar with the project")
    );
    assert_eq!(s.chain, ["The Courier"]);
    assert_eq!(s.content, ["the tunnel was behind schedule"]);
    // The cited one's apposition before `that` is no part of the content.
    let s = only(&format!(
        "{H}The Courier reported, citing Nadia Jim, the head of the tenants union, that the company had sold the building."
    ));
    assert_eq!(s.source.as_deref(), Some("Nadia Jim"));
    assert_eq!(s.chain, ["The Courier"]);
    assert_eq!(s.content, ["the company had sold the building"]);
    let s = only(&format!(
        "{H}The agency quoted a police official as saying that two men had been arrested."
    ));
    assert_eq!(s.source.as_deref(), Some("a police official"));
    assert_eq!(s.chain, ["The agency"]);
    assert_eq!(s.cue.as_deref(), Some("quoted a police official as saying"));
    assert_eq!(s.content, ["two men had been arrested"]);
    let s = only(&format!(
        "{H}Councillor Femi Adeyemi was quoted as saying the ruling was a victory for common sense."
    ));
    assert_eq!(s.source.as_deref(), Some("Councillor Femi Adeyemi"));
    assert_eq!(s.content, ["the ruling was a victory for common sense"]);
}

#[test]
fn an_article_after_the_addressee_opens_the_reported_words() {
    let s = only(&format!(
        "{H}The striker told reporters the team \"never stopped believing\"."
    ));
    assert_eq!(s.addressee.as_deref(), Some("reporters"));
    assert_eq!(s.content, ["the team \"never stopped believing\""]);
    // After a preposition or a predeterminer, the article stays in the phrase.
    let s = only(&format!(
        "{H}The coach told all the players that the match was lost."
    ));
    assert_eq!(s.addressee.as_deref(), Some("all the players"));
}

#[test]
fn they_after_a_plural_noun_of_people_opening_the_sentence_before() {
    let text = format!(
        "{H}The trial was stopped early, according to the journal.\n\nThe researchers, led by Dr. Hanna Berg of the university, followed 4,800 adults for ten years. They found that the drug worked."
    );
    let all = seen(&text);
    let found = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("found"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(found.source.as_deref(), Some("They"));
    assert_eq!(found.resolved.as_deref(), Some("The researchers"));
    // A speaker later than those people is who `they` are.
    let text = format!(
        "{H}The researchers followed 4,800 adults for ten years. The doctors, the journal said, were trained. They found that the drug worked."
    );
    let all = seen(&text);
    let found = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("found"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(found.resolved.as_deref(), Some("the journal"));
}

#[test]
fn wire_copy_time_after_an_apposition_asides_and_a_name_opening_the_told_clause() {
    // A time phrase after the apposition's comma: the name is still the subject; a past
    // verb of saying before `demands` makes it a noun, no cue.
    let all = seen(&format!(
        "{H}The country's foreign minister, Ara Mirzo, on Sunday rejected opposition demands that he resign, calling them a show."
    ));
    let rejected = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("rejected"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(rejected.source.as_deref(), Some("Ara Mirzo"));
    assert_no_cue(&all, "demands");
    // A participle modifying the noun is no verb: `after leaked papers show …` reports.
    let s = only(&format!(
        "{H}The gap grew after leaked papers from the bank show he lost a fortune."
    ));
    assert_eq!(s.cue.as_deref(), Some("show"));
    // `without evidence` is the writer's aside; `, a claim …` the writer's comment.
    let s = only(&format!(
        "{H}The lawmaker Ishkan Sagh alleged without evidence that the deal hid secret clauses."
    ));
    assert_eq!(s.content, ["the deal hid secret clauses"]);
    let all = seen(&format!(
        "{H}President Ilham Ali has said that a treaty could be signed within months, a claim officials have disputed."
    ));
    assert_eq!(
        all[0].content,
        ["a treaty could be signed within months"],
        "{all:#?}"
    );
    // A name after a lowercase addressee, with its verb, opens the reported clause; a
    // name before `that` is the addressee's.
    let s = only(&format!(
        "{H}Dmitry Pesk told reporters Moscow was following the situation closely."
    ));
    assert_eq!(s.addressee.as_deref(), Some("reporters"));
    assert_eq!(s.content, ["Moscow was following the situation closely"]);
    let s = only(&format!(
        "{H}Sanders told co-host Joe Scar that he did not know the answer."
    ));
    assert_eq!(s.addressee.as_deref(), Some("co-host Joe Scar"));
}

#[test]
fn a_role_written_before_the_name_inside_an_apposition_and_a_comment_after_a_dash() {
    let s = only(&format!(
        "{H}One commuter, 34-year-old nurse Leila Hadd, said she had walked two hours to work."
    ));
    assert_eq!(s.source.as_deref(), Some("Leila Hadd"));
    let s = only(&format!(
        "{H}The chairman, longtime banker Phil Lova, said the bank would merge."
    ));
    assert_eq!(s.source.as_deref(), Some("Phil Lova"));
    // A name after a preposition or its article is whom the role belongs to.
    for role in ["a spokesman for the Justice Party", "a lawyer for Ann Dole"] {
        let s = only(&format!("{H}Omer Cel, {role}, said the vote was fair."));
        assert_eq!(s.source.as_deref(), Some("Omer Cel"), "{role}");
    }
    // The writer's comment after a dash ends the content.
    let s = only(&format!(
        "{H}Transport chief Claire Dub said the strike was unjustified \u{2014} a call the union rejected within hours."
    ));
    assert_eq!(s.content, ["the strike was unjustified"]);
}

/// The first attribution with the cue `cue` (the test fails, showing them all, when
/// there is none).
fn with_cue<'a>(all: &'a [Seen], cue: &str) -> &'a Seen {
    all.iter()
        .find(|s| s.cue.as_deref() == Some(cue))
        .unwrap_or_else(|| panic!("no cue {cue}: {all:#?}"))
}

#[test]
fn a_verb_of_saying_joined_to_the_cue_starts_the_speakers_next_statement() {
    // `said A, but added that B`: two statements, A not running into the second.
    let all = seen(&format!(
        "{H}Finance chief Tomas Rey said grain costs would ease by the autumn, but added that the outlook remained uncertain."
    ));
    let contents: Vec<&[String]> = all.iter().map(|s| s.content.as_slice()).collect();
    assert!(
        contents.contains(&&["grain costs would ease by the autumn".to_string()][..]),
        "{all:#?}"
    );
    assert!(
        contents.contains(&&["the outlook remained uncertain".to_string()][..]),
        "{all:#?}"
    );
    let all = seen(&format!(
        "{H}Coach Ines Lund said the boy had earned a start and also told reporters he was ready."
    ));
    assert_eq!(all[0].content, ["the boy had earned a start"], "{all:#?}");
    // Not an order inside the reported clause, nor a verb of the clause's own subject
    // after a modal, nor a participle.
    for (text, content) in [
        (
            "Ann Dole said the guards located her and told her to leave.",
            "the guards located her and told her to leave",
        ),
        (
            "Ann Dole said the board would meet and say more on Friday.",
            "the board would meet and say more on Friday",
        ),
        (
            "Ann Dole said the board met in private and saying so was no crime.",
            "the board met in private and saying so was no crime",
        ),
    ] {
        let all = seen(&format!("{H}{text}"));
        assert_eq!(all[0].content, [content], "{all:#?}");
    }
}

#[test]
fn a_role_in_lowercase_before_a_name_is_a_person_whatever_body_it_is_in() {
    // `he` is the latest speaker, a council member (not a group for `council`).
    let all = seen(&format!(
        "{H}Mayor Kim Sorn told reporters that he backed the plan.\n\nCouncil member Jim Nova said the study was a delaying tactic. He noted that two reports were already done.\n"
    ));
    let noted = with_cue(&all, "noted");
    assert_eq!(
        noted.resolved.as_deref(),
        Some("Council member Jim Nova"),
        "{all:#?}"
    );
    // A body's name with a capitalized word after it stays a group.
    let all = seen(&format!(
        "{H}Mayor Kim Sorn said the plan was good.\n\nThe Member States Council said the plan was bad. It noted that two reports were already done.\n"
    ));
    let noted = with_cue(&all, "noted");
    assert_eq!(
        noted.resolved.as_deref(),
        Some("The Member States Council"),
        "{all:#?}"
    );
}

#[test]
fn a_phrase_of_time_between_the_addressee_and_that() {
    for text in [
        "Mayor Kim Sorn told reporters after the meeting that he backed the plan.",
        "Mayor Kim Sorn said before the vote that he backed the plan.",
    ] {
        let all = seen(&format!("{H}{text}"));
        let main = all
            .iter()
            .find(|s| s.source.as_deref() == Some("Mayor Kim Sorn"));
        assert_eq!(
            main.map(|s| s.content.clone()),
            Some(vec!["he backed the plan".to_string()]),
            "{all:#?}"
        );
    }
    // A reporting verb inside the phrase is no phrase of time.
    let all = seen(&format!(
        "{H}Mayor Kim Sorn said after officials warned him that the plan was late."
    ));
    assert!(
        all.iter()
            .all(|s| s.content != ["the plan was late"] || s.cue.as_deref() != Some("said")),
        "{all:#?}"
    );
}

#[test]
fn a_relative_clause_reports_up_to_its_closing_comma() {
    let all = seen(&format!(
        "{H}Council member Rosa Dell, who proposed the lanes, said she was disappointed."
    ));
    let proposed = with_cue(&all, "proposed");
    assert_eq!(proposed.content, ["the lanes"], "{all:#?}");
    // A name in apposition inside the clause stays in it.
    let all = seen(&format!(
        "{H}Ann Dole, who recalled her talks with the director, Lonnie Bun, praised the museum."
    ));
    let recalled = with_cue(&all, "recalled");
    assert_eq!(
        recalled.content,
        ["her talks with the director, Lonnie Bun"],
        "{all:#?}"
    );
}

#[test]
fn a_capital_inside_a_headline_in_sentence_case_is_no_verb() {
    let text = "Harbor Foods profit falls as costs bite\n\nHarbor Foods reported a drop in profit on Tuesday.\n";
    let all = seen(text);
    assert!(
        all.iter()
            .all(|s| !matches!(s.cue.as_deref(), Some("Foods" | "profit"))),
        "{all:#?}"
    );
    // In title case the verb is capitalized like the rest.
    let text = "Farmers Union Backs New Trade Deal\n\nThe Farmers Union said the deal was fair.\n";
    let all = seen(text);
    assert!(
        all.iter().any(|s| s.cue.as_deref() == Some("Backs")),
        "{all:#?}"
    );
}

#[test]
fn a_description_is_not_a_mention_that_has_its_word_only_as_a_possessor() {
    let text = format!(
        "{H}A document on the Verde campaign's website states that leave is six weeks.\n\nThe campaign said the policy was clear.\n"
    );
    let all = seen(&text);
    let said = with_cue(&all, "said");
    assert_eq!(said.resolved, None, "{all:#?}");
    let text = format!(
        "{H}The Verde campaign states that leave is six weeks.\n\nThe campaign said the policy was clear.\n"
    );
    let all = seen(&text);
    let said = with_cue(&all, "said");
    assert_eq!(
        said.resolved.as_deref(),
        Some("The Verde campaign"),
        "{all:#?}"
    );
}

#[test]
fn a_connective_after_the_cue_and_a_trailing_attribution_are_no_content() {
    let all = seen(&format!(
        "{H}Dr. Amara Ose cautioned, however, that the findings showed only an association.\n"
    ));
    assert_eq!(
        all[0].content,
        ["the findings showed only an association"],
        "{all:#?}"
    );
    // The sentence's own trailing speaker reports the act; the act's content ends
    // before it.
    for (tail, act) in [
        (", the foreign ministry said.", "recalled"),
        (", a spokesman announced Monday morning.", "recalled"),
        (", officials told the Courier.", "recalled"),
    ] {
        let all = seen(&format!(
            "{H}Kyrnavia recalled its ambassador after a clash at the border{tail}\n"
        ));
        let a = all.iter().find(|s| s.cue.as_deref() == Some(act)).unwrap();
        assert_eq!(
            a.content,
            ["its ambassador after a clash at the border"],
            "{tail}: {all:#?}"
        );
    }
    // A relative clause, `as X said` and a verb with an object are no trailing speaker.
    for tail in [
        ", which first reported the story.",
        ", as police have said.",
        ", the Courier reported the story.",
    ] {
        let all = seen(&format!(
            "{H}Officials said they disclosed the papers to the Courier{tail}\n"
        ));
        let a = all
            .iter()
            .find(|s| s.source.as_deref() == Some("Officials"))
            .unwrap();
        let whole = format!(
            "they disclosed the papers to the Courier{}",
            &tail[..tail.len() - 1]
        );
        assert_eq!(a.content, [whole], "{tail}: {all:#?}");
    }
    // A vow joined to an accusation is the speaker's next statement.
    let all = seen(&format!(
        "{H}President Omar Had accused Kyrnavia of provocation and vowed to defend every metre of the country.\n"
    ));
    let a = with_cue(&all, "accused");
    assert_eq!(a.content, ["Kyrnavia of provocation"], "{all:#?}");
}

#[test]
fn a_verb_joined_by_and_has_the_speaker_of_the_clauses_first_cue() {
    // The spokesman's name (found through the apposition), not the phrase opening the
    // sentence.
    let all = seen(&format!(
        "{H}The U.N. secretary-general's spokesman, Piotr Nowicki, said the organization was concerned and called on both sides to show restraint.\n"
    ));
    let called = with_cue(&all, "called on");
    assert_eq!(called.source.as_deref(), Some("Piotr Nowicki"), "{all:#?}");
    // The first cue, not one reported inside its content.
    let all = seen(&format!(
        "{H}Prime Minister Ann Dole said this week that the country would declare its intention by March and suggested that it would leave the market.\n"
    ));
    let suggested = with_cue(&all, "suggested");
    assert_eq!(
        suggested.source.as_deref(),
        Some("Prime Minister Ann Dole"),
        "{all:#?}"
    );
    // Not a speaker inside the subject read here, nor an `according to` source.
    let all = seen(&format!(
        "{H}Scott's family has called on police to release the videos and called on people to protest peacefully.\n"
    ));
    let second = all
        .iter()
        .rfind(|s| s.cue.as_deref() == Some("called on"))
        .unwrap();
    assert_eq!(second.source.as_deref(), Some("Scott's family"), "{all:#?}");
    let all = seen(&format!(
        "{H}Scott's relatives watched the videos on Thursday, according to their lawyers, and said they had more questions than answers.\n"
    ));
    let said = with_cue(&all, "said");
    assert_eq!(
        said.source.as_deref(),
        Some("Scott's relatives"),
        "{all:#?}"
    );
    // Nor a speaker in lowercase (a relative's `most of whom`).
    let all = seen(&format!(
        "{H}Dole unveiled a list of endorsements from 95 retired generals -- most of whom had previously announced their support -- who cited her years as senator in contrast to the businessman who lacks experience and has attacked allies as well as foes.\n"
    ));
    let attacked = with_cue(&all, "attacked");
    assert_ne!(attacked.source.as_deref(), Some("most of whom"), "{all:#?}");
}

#[test]
fn a_relative_clause_between_the_subject_and_the_cue_is_no_speaker() {
    let all = seen(&format!(
        "{H}A 2019 study that appeared in the Northern Medical Journal found that the pills did not help.\n"
    ));
    assert_eq!(all[0].source.as_deref(), Some("A 2019 study"), "{all:#?}");
    // The clause's verb and what follows it, read back from the cue.
    let all = seen(&format!(
        "{H}An officer who was there said the crowd was calm.\n"
    ));
    assert_eq!(all[0].source.as_deref(), Some("An officer"), "{all:#?}");
}

#[test]
fn a_cue_inside_an_opening_question_reports_up_to_its_comma() {
    for question in ["Asked whether", "Asked by reporters if"] {
        let all = seen(&format!(
            "{H}{question} he would support closing libraries, Jorge Alva said he would look at every line.\n"
        ));
        assert_eq!(
            with_cue(&all, "support").content,
            ["closing libraries"],
            "{all:#?}"
        );
        assert_eq!(
            with_cue(&all, "said").content,
            ["he would look at every line"],
            "{all:#?}"
        );
    }
    // A cue in the answer, after the question's comma, runs on as before; so does one
    // after `Asked to …`, an order rather than a question.
    for opening in ["Asked whether he would run", "Asked to comment"] {
        let all = seen(&format!(
            "{H}{opening}, Jorge Alva said he would support a second term, at least for now.\n"
        ));
        assert_eq!(
            with_cue(&all, "support").content,
            ["a second term, at least for now"],
            "{all:#?}"
        );
    }
}

#[test]
fn a_plural_noun_shaped_like_a_verb_before_a_verb_of_saying_is_the_subject() {
    // `advocates` and `reports` are verbs in form; before `say`/`showed` they are nouns.
    let s = only(&format!(
        "{H}Privacy advocates say the ruling could reach every app developer."
    ));
    assert_eq!(s.cue.as_deref(), Some("say"));
    assert_eq!(s.source.as_deref(), Some("Privacy advocates"));
    assert_eq!(s.content, ["the ruling could reach every app developer"]);
    let s = only(&format!(
        "{H}Police reports showed that the van had been stolen in Dover."
    ));
    assert_eq!(s.cue.as_deref(), Some("showed"));
    assert_eq!(s.source.as_deref(), Some("Police reports"));
    // A verb in `-s` before a past participle used as an adjective stays the verb.
    let s = only(&format!(
        "{H}Councillor Ida Moss says worried parents called the school all week."
    ));
    assert_eq!(s.cue.as_deref(), Some("says"));
    assert_eq!(s.source.as_deref(), Some("Councillor Ida Moss"));
    assert_eq!(s.content, ["worried parents called the school all week"]);
    assert_eq!(
        s.confidence,
        Confidence::High,
        "read as a verb of saying, not an act"
    );
}

#[test]
fn a_headline_plural_of_people_is_no_verb() {
    // `hopefuls` is no verb of the headline, so nothing is read there.
    let all = seen(
        "Senate hopefuls trade barbs before debate\n\nSenate candidate Laura Whitfield said her rival had never created a job.",
    );
    assert_no_cue(&all, "hopefuls");
    assert_eq!(all.len(), 1, "{all:#?}");
    // `insists` is one.
    let all = seen(
        "Gray insists budget cuts will spare police\n\nMayor Helen Gray spoke at City Hall on Monday.",
    );
    let s = with_cue(&all, "insists");
    assert_eq!(s.source.as_deref(), Some("Gray"));
}

#[test]
fn a_statement_described_by_a_participle_phrase_reports_from_that() {
    let s = only(&format!(
        "{H}The emergencies ministry said in a statement posted on its website that 3,200 homes remained without power."
    ));
    assert_eq!(s.content, ["3,200 homes remained without power"]);
    assert_eq!(s.cue.as_deref(), Some("said in a statement"));
    assert_eq!(s.source.as_deref(), Some("The emergencies ministry"));
}

#[test]
fn speaking_on_condition_of_anonymity_reports_nothing() {
    let s = only(&format!(
        "{H}Two officials, who spoke on condition of anonymity because they were not authorized to discuss the talks, said the deal had stalled."
    ));
    assert_eq!(s.cue.as_deref(), Some("said"));
    assert_eq!(s.content, ["the deal had stalled"]);
    assert_eq!(s.source.as_deref(), Some("Two officials"));
}

#[test]
fn a_participle_describing_the_subject_is_no_cue() {
    // `released` describes the poll; `found` is the sentence's verb.
    let s = only(&format!(
        "{H}A Granite State poll released Wednesday found that 46 percent of voters back Whitfield."
    ));
    assert_eq!(s.cue.as_deref(), Some("found"));
    assert_eq!(s.content, ["46 percent of voters back Whitfield"]);
    // A participle that is a verb of saying (`written`): no cue either.
    let s = only(&format!(
        "{H}A memo written by the harbor director last spring said the pier was unsafe."
    ));
    assert_eq!(s.cue.as_deref(), Some("said"));
    assert_eq!(s.content, ["the pier was unsafe"]);
    // A verb whose object clause has a verb of saying of its own stays one (a subject
    // or an auxiliary between the two).
    for text in [
        "The statement noted they previously said they would take firm steps.",
        "The statement noted officials had said they would take firm steps.",
    ] {
        let all = seen(&format!("{H}{text}"));
        let s = with_cue(&all, "noted");
        assert_eq!(s.source.as_deref(), Some("The statement"), "{text}");
        assert_eq!(
            with_cue(&all, "said").content,
            ["they would take firm steps"]
        );
    }
    // An act after a name, whose object holds an adjective in `-ed`.
    let all = seen(&format!(
        "{H}Bernie Sanders offered some pointed advice to the nominee on Friday."
    ));
    assert_eq!(
        with_cue(&all, "offered").source.as_deref(),
        Some("Bernie Sanders")
    );
}

#[test]
fn a_subject_described_by_a_participle_phrase_is_the_noun_before_it() {
    // A document or a poll: the noun phrase before the participle.
    for (text, source) in [
        (
            "A memo written by the harbor director last spring said the pier was unsafe.",
            "A memo",
        ),
        (
            "A letter leaked to reporters on Friday said the plant would close.",
            "A letter",
        ),
        (
            "A report released Tuesday by the inspector general said the agency had lost records.",
            "A report",
        ),
        // People: the phrase says who they are, and stays.
        (
            "Officials briefed on the talks said the deal was close.",
            "Officials briefed on the talks",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.cue.as_deref(), Some("said"), "{text}");
        assert_eq!(s.source.as_deref(), Some(source), "{text}");
    }
    // A verb and its infinitive, not a participle phrase: no speaker for `testify`.
    let all = seen(&format!(
        "{H}One senator threatened to make the director testify in public, should he fail to hand over the files."
    ));
    assert!(
        all.iter()
            .all(|s| s.source.as_deref() != Some("One senator")
                || s.cue.as_deref() != Some("testify")),
        "{all:#?}"
    );
    // A verb and its object before a participle of its own: the verb stays a cue.
    let all = seen(&format!(
        "{H}Both candidates cited the figure at last week's forum viewed by 14.7 million people."
    ));
    assert_eq!(
        with_cue(&all, "cited").content,
        ["the figure at last week's forum viewed by 14.7 million people"]
    );

    // After a name, a verb that is no participle of publishing keeps its phrase of time.
    let all = seen(&format!(
        "{H}Mayor Ann Dole announced on Tuesday revised figures showed a deficit."
    ));
    assert_eq!(
        with_cue(&all, "announced").source.as_deref(),
        Some("Mayor Ann Dole")
    );
}

#[test]
fn a_person_dismissed_is_no_claim_rejected_and_a_trailing_report_may_cite() {
    // `dismissed the governor`: removed from office. The content is the whole clause
    // before the trailing report, which names its own source after a comma.
    let all = seen(&format!(
        "{H}President Andrei Kostin has dismissed the governor of the flooded region, the state news agency reported on Friday, citing a source in the Kremlin."
    ));
    assert_no_cue(&all, "dismissed");
    let s = with_cue(&all, "reported on Friday, citing");
    assert_eq!(
        s.content,
        ["President Andrei Kostin has dismissed the governor of the flooded region"]
    );
    assert_eq!(s.source.as_deref(), Some("a source in the Kremlin"));
    assert_eq!(s.chain, ["the state news agency"]);
    // A statement inside the report ends before the report, citing or not.
    let all = seen(&format!(
        "{H}Kostin told aides the governor had failed the region, the state news agency reported on Friday, citing a source in the Kremlin."
    ));
    assert_eq!(
        with_cue(&all, "told").content,
        ["the governor had failed the region"]
    );
    // A claim or a speaker's words dismissed, or someone dismissed as something: rejected.
    for (text, content) in [
        (
            "The mayor dismissed the poll as an outlier.",
            "the poll as an outlier",
        ),
        (
            "Dole dismissed Reed's remarks about the budget.",
            "Reed's remarks about the budget",
        ),
        ("Dole dismissed Reed as a dreamer.", "Reed as a dreamer"),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.cue.as_deref(), Some("dismissed"), "{text}");
        assert_eq!(s.content, [content], "{text}");
    }
}

#[test]
fn a_sentence_after_a_quotation_closed_on_a_period_is_its_own() {
    // `She declined to say …` is no short cue of the quotation before it: its first verb
    // of saying has a clause after it.
    let all = seen(&format!(
        "{H}Chief Executive Dana Whitlock told analysts on a conference call that the disruption would last \"at least through the first quarter.\" She declined to say how many workers would be affected."
    ));
    let told = with_cue(&all, "told analysts on a conference call");
    assert_eq!(
        told.content,
        ["the disruption would last \"at least through the first quarter.\""]
    );
    assert_eq!(
        told.source.as_deref(),
        Some("Chief Executive Dana Whitlock")
    );
    let declined = with_cue(&all, "declined");
    assert_eq!(
        declined.content,
        ["to say how many workers would be affected"]
    );
    // The short cue after a quotation still belongs to it.
    let s = only(&format!(
        "{H}\"We will hold the line.\" she said on Monday."
    ));
    assert_eq!(s.content, ["We will hold the line"]);
    assert_eq!(s.source.as_deref(), Some("she"));
}

#[test]
fn a_verb_shaped_noun_after_a_possessive_ends_the_subject_phrase() {
    // `the company's plans`: a noun, so the subject reaches back to `A person`.
    let s = only(&format!(
        "{H}A person familiar with the company's plans, who asked not to be identified because the talks are private, said Harlow was negotiating with a supplier."
    ));
    assert_eq!(
        s.source.as_deref(),
        Some("A person familiar with the company's plans")
    );
    assert_eq!(s.content, ["Harlow was negotiating with a supplier"]);
    // `Let's say`: no possessive.
    let s = only(&format!(
        "{H}Let's say you think a degree will cost $90,000 in ten years."
    ));
    assert_eq!(s.source.as_deref(), Some("you"));
}

#[test]
fn the_verb_of_a_comparison_reports_nothing() {
    let all = seen(&format!(
        "{H}Lakes in the Arctic are releasing far more methane than scientists had estimated, according to a study published Monday."
    ));
    assert_no_cue(&all, "estimated");
    assert_eq!(
        with_cue(&all, "according to").source.as_deref(),
        Some("a study")
    );
    // A quantity, and a relative clause of the compared noun, do report.
    let s = only(&format!(
        "{H}More than a dozen lawmakers said they would vote against the bill."
    ));
    assert_eq!(s.content, ["they would vote against the bill"]);
    let all = seen(&format!(
        "{H}Reed insisted he has other questions for the aide than the ones he refused to answer last year."
    ));
    assert_eq!(with_cue(&all, "refused").content, ["to answer last year"]);
}

#[test]
fn a_thing_that_threatens_reports_nothing() {
    let s = only(&format!(
        "{H}Industry groups argue that the shortage threatens thousands of jobs."
    ));
    assert_eq!(s.cue.as_deref(), Some("argue"));
    let s = only(&format!(
        "{H}Reed has threatened to resign if the council votes for the plan."
    ));
    assert_eq!(s.cue.as_deref(), Some("threatened"));
    assert_eq!(s.content, ["to resign if the council votes for the plan"]);
}

#[test]
fn a_statement_reported_inside_a_transcript_turn_leaves_the_turn_standing() {
    let all = seen(&format!(
        "{H}DOLE: Well, look. And the mayor's letter was really mocking the fact that we asked the council for a public vote on the budget before the summer recess."
    ));
    let turn = all
        .iter()
        .find(|s| s.source.as_deref() == Some("DOLE"))
        .expect("the turn");
    assert!(turn.content[0].starts_with("Well, look"), "{turn:#?}");
    assert_eq!(
        with_cue(&all, "mocking").source.as_deref(),
        Some("the mayor's letter")
    );
}

#[test]
fn a_cue_in_a_clause_of_condition_reports_up_to_its_comma() {
    let s = with_cue(
        &seen(&format!(
            "{H}If the tax office has questions about the mayor's returns, voters should know what they are."
        )),
        "questions",
    )
    .content
    .clone();
    assert_eq!(s, ["about the mayor's returns"]);
    // Not a clause of condition: the content runs on.
    let all = seen(&format!(
        "{H}The tax office said that if the returns were late, the mayor would pay a fine."
    ));
    assert_eq!(
        with_cue(&all, "said").content,
        ["if the returns were late, the mayor would pay a fine"]
    );
}

#[test]
fn she_is_no_speaker_in_the_plural() {
    let all = seen(&format!(
        "{H}\"These lakes are waking up,\" said Ingrid Solberg, who led the research.\n\nThe researchers wrote that warming permafrost was feeding bacteria. Her team plans to install sensors next spring, she said."
    ));
    let s = all
        .iter()
        .find(|s| s.source.as_deref() == Some("she"))
        .expect("the statement of `she`");
    assert_eq!(s.resolved.as_deref(), Some("Ingrid Solberg"), "{all:#?}");
    // `they` still goes to the plural speaker.
    let all = seen(&format!(
        "{H}The researchers wrote that warming permafrost was feeding bacteria.\n\nThe team will install sensors next spring, they said."
    ));
    let s = all
        .iter()
        .find(|s| s.source.as_deref() == Some("they"))
        .expect("the statement of `they`");
    assert_eq!(s.resolved.as_deref(), Some("The researchers"), "{all:#?}");
}

#[test]
fn a_report_citing_a_speaker_after_a_comma_is_a_chain() {
    for (text, source, chain, cue) in [
        (
            "The crossing reopened on Monday, the Tamsa news agency reported, citing a customs official.",
            "a customs official",
            "the Tamsa news agency",
            "reported, citing",
        ),
        (
            "Prices rose sharply in March, the ministry said, citing data from the central bank.",
            "data from the central bank",
            "the ministry",
            "said, citing",
        ),
        (
            "The talks will resume in May, said Radio Kell, quoting Vera Osk.",
            "Vera Osk",
            "Radio Kell",
            "said Radio Kell, quoting",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.source.as_deref(), Some(source), "{text}");
        assert_eq!(s.chain, [chain], "{text}");
        assert!(s.cue.as_deref().is_some_and(|c| c.ends_with(cue.rsplit(' ').next().unwrap())), "{text}: {:?}", s.cue);
    }
    // A reason cited is the report's own claim: the reporter stays the source.
    let all = seen(&format!(
        "{H}The minister resigned on Friday, the agency reported, citing concerns about his health."
    ));
    let s = with_cue(&all, "reported");
    assert_eq!(s.source.as_deref(), Some("the agency"), "{all:#?}");
    assert!(s.chain.is_empty(), "{all:#?}");
}

#[test]
fn according_to_is_no_part_of_a_relative_clauses_subject() {
    let all = seen(&format!(
        "{H}According to Reuters, which cited two diplomats, the two governments agreed to joint patrols."
    ));
    assert!(
        all.iter()
            .all(|s| !s.source.as_deref().unwrap_or("").starts_with("According")),
        "{all:#?}"
    );
    assert!(
        all.iter().any(|s| s.source.as_deref() == Some("Reuters")),
        "{all:#?}"
    );
}

#[test]
fn a_trailing_report_may_say_where_it_was_published() {
    for tail in ["on its website", "in a statement on Tuesday", "on Tuesday"] {
        let all = seen(&format!(
            "{H}Police said the suspect had been detained, the Kell Daily reported {tail}."
        ));
        assert_eq!(
            with_cue(&all, "said").content,
            ["the suspect had been detained"],
            "{tail}"
        );
    }
    // Not a place of publication: the words run on.
    let all = seen(&format!(
        "{H}Police said the suspect had been detained, the Kell Daily reported in a town near the border."
    ));
    assert_ne!(
        with_cue(&all, "said").content,
        ["the suspect had been detained"]
    );
}

#[test]
fn the_agency_is_an_earlier_agency_or_office_not_a_company() {
    let all = seen(&format!(
        "{H}The carmaker Harlow Motors and its parent company said profits fell by a third.\n\nThe plant will close in May, the agency reported."
    ));
    let s = with_cue(&all, "reported");
    assert_eq!(s.source.as_deref(), Some("the agency"));
    assert_eq!(s.resolved, None, "{all:#?}");
    let all = seen(&format!(
        "{H}The Congressional Budget Office said the deficit would grow.\n\nThe gap will reach 4 percent by 2030, the agency said."
    ));
    let s = all
        .iter()
        .find(|s| s.source.as_deref() == Some("the agency"))
        .expect("the agency speaks");
    assert_eq!(
        s.resolved.as_deref(),
        Some("The Congressional Budget Office")
    );
}

#[test]
fn a_trailing_speaker_may_say_on_which_platform() {
    for tail in [
        "said on Telegram",
        "said on Telegram on Saturday",
        "wrote on Truth Social",
        "said on social media",
        "said on X",
    ] {
        let all = seen(&format!(
            "{H}A drone struck a fuel depot near the city overnight, Governor Pavel Senko {tail}."
        ));
        let s = all
            .iter()
            .find(|s| s.source.as_deref() == Some("Governor Pavel Senko"))
            .unwrap_or_else(|| panic!("{tail}: {all:#?}"));
        assert_eq!(
            s.content,
            ["A drone struck a fuel depot near the city overnight"],
            "{tail}"
        );
    }
}

#[test]
fn only_verbs_of_saying_take_a_speaker_after_them() {
    // `…, blamed the loss on …`: an object, not an inverted speaker.
    let all = seen(&format!(
        "{H}Her campaign manager, Tom Reyes, blamed the loss on low turnout in the eastern wards."
    ));
    assert!(
        all.iter().all(|s| s.source.as_deref() != Some("the loss")),
        "{all:#?}"
    );
    let s = with_cue(&all, "blamed");
    assert_eq!(s.source.as_deref(), Some("Tom Reyes"));
    // `"…," said the minister` still inverts.
    let s = only(&format!(
        "{H}\"The budget is balanced,\" wrote the finance minister."
    ));
    assert_eq!(s.source.as_deref(), Some("the finance minister"));
}

#[test]
fn a_phone_call_is_no_statement_but_a_call_to_say_something_is() {
    for text in [
        "Moreau had called Daniel Alvarez on Tuesday night.",
        "The mayor called him after the vote.",
        "Moreau called Mr. Alvarez.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert!(
            all.iter().all(|s| s.cue.as_deref() != Some("called")),
            "{text}: {all:#?}"
        );
    }
    for (text, content) in [
        (
            "Moreau called Daniel Alvarez to congratulate him.",
            "Daniel Alvarez to congratulate him",
        ),
        ("Moreau called Alvarez a liar.", "Alvarez a liar"),
        (
            "Dole called Mr. Reed's remarks a wake-up call.",
            "Mr. Reed's remarks a wake-up call",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.cue.as_deref(), Some("called"), "{text}");
        assert_eq!(s.content, [content], "{text}");
    }
}

#[test]
fn the_judge_is_the_district_judge_named_before_not_the_latest_speaker() {
    let all = seen(&format!(
        "{H}In a 34-page opinion, U.S. District Judge Helen Park wrote that the state had offered no evidence.\n\n\"Today's decision protects our most basic right,\" said Rita Okafor, one of the lawyers.\n\nThe judge also rejected the state's argument that the plaintiffs lacked standing."
    ));
    let s = with_cue(&all, "rejected");
    assert_eq!(s.resolved.as_deref(), Some("Judge Helen Park"), "{all:#?}");
    // A title of another office is not the one named: `the president` is not the vice
    // president.
    let all = seen(&format!(
        "{H}Vice President Tom Lee said the talks had failed.\n\nThe president said the talks would go on."
    ));
    let s = all
        .iter()
        .find(|s| s.source.as_deref() == Some("The president"))
        .expect("the president speaks");
    assert_ne!(s.resolved.as_deref(), Some("President Tom Lee"), "{all:#?}");
}

#[test]
fn reported_words_end_where_a_clause_with_its_own_speaker_begins() {
    let all = seen(&format!(
        "{H}City hall has said it will cap new licenses, but critics say the measure comes too late."
    ));
    assert_eq!(with_cue(&all, "said").content, ["it will cap new licenses"]);
    assert_eq!(
        with_cue(&all, "say").content,
        ["the measure comes too late"]
    );
    let all = seen(&format!(
        "{H}Dole said the vote was a mistake, though she acknowledged it was unlikely to change."
    ));
    assert_eq!(with_cue(&all, "said").content, ["the vote was a mistake"]);
    // A clause of wanting or knowing goes on; so does an item of a list.
    let all = seen(&format!(
        "{H}Reed said the returns are being audited, and you don't want to give the auditors more."
    ));
    assert_eq!(
        with_cue(&all, "said").content,
        ["the returns are being audited, and you don't want to give the auditors more"]
    );
    let all = seen(&format!(
        "{H}The panel wants to question several people, including: Ann Dole, who set up the server, and Tom Reed, who said he erased the archive."
    ));
    assert!(
        with_cue(&all, "wants")
            .content
            .iter()
            .any(|c| c.ends_with("erased the archive")),
        "{all:#?}"
    );
}

#[test]
fn a_speaker_may_follow_added_after_a_quotation() {
    for (text, source) in [
        (
            "\"The budget is balanced,\" added the finance minister.",
            "the finance minister",
        ),
        ("\"The budget is balanced\", added Ann Dole.", "Ann Dole"),
    ] {
        let s = only(&format!("{H}Dole spoke first.\n\n{text}"));
        assert_eq!(s.source.as_deref(), Some(source), "{text}");
        assert_eq!(s.content, ["The budget is balanced"], "{text}");
    }
}

#[test]
fn a_copula_like_remain_leaves_the_subject_whole() {
    // `remained committed to`: the company is committed, not `the company remained`.
    let all = seen(&format!(
        "{H}The company remains committed to its dividend, Omar Haddad said."
    ));
    let s = with_cue(&all, "committed");
    assert_eq!(s.source.as_deref(), Some("The company"));
    let s = with_cue(&all, "said");
    assert_eq!(s.source.as_deref(), Some("Omar Haddad"));
}

#[test]
fn late_or_early_before_a_time_is_part_of_the_adjunct() {
    let s = with_cue(
        &seen(&format!(
            "{H}Northvale said in a statement late on Wednesday that it would keep its dividend."
        )),
        "said in a statement",
    )
    .content
    .clone();
    assert_eq!(s, ["it would keep its dividend"]);
    // Without a time after it, `late` is the content's.
    let s = only(&format!("{H}Northvale said late payments had doubled."));
    assert_eq!(s.content, ["late payments had doubled"]);
}

#[test]
fn a_statement_in_a_relative_clause_ends_before_its_speakers_own_verb() {
    let all = seen(&format!(
        "{H}Analysts at Berwick Capital, who had expected a smaller cut, said the guidance was \"disappointing but not surprising.\""
    ));
    assert_eq!(with_cue(&all, "expected").content, ["a smaller cut"]);
    let s = with_cue(&all, "said");
    assert_eq!(
        s.content,
        ["the guidance was \"disappointing but not surprising.\""]
    );
    assert_eq!(s.source.as_deref(), Some("Analysts at Berwick Capital"));
    // A reporting participle of the same speaker is a statement of its own, after the
    // one it follows.
    let all = seen(&format!(
        "{H}Mayor Ann Berg questioned the count, urging voters to check their ballots."
    ));
    assert_eq!(with_cue(&all, "questioned").content, ["the count"]);
    assert_eq!(
        with_cue(&all, "urging").content,
        ["voters to check their ballots"]
    );
}

#[test]
fn a_verb_read_already_is_no_noun_of_stance() {
    // `Saleh's team now plans to …`: the team plans; not `Saleh` with a noun `plans`.
    let all = seen(&format!(
        "{H}Dr. Amira Saleh led the study. Saleh's team now plans to study whether meal times matter."
    ));
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].source.as_deref(), Some("Saleh's team"));
}

#[test]
fn she_is_not_a_club_or_a_league() {
    let all = seen(&format!(
        "{H}Ruth Mbeki will coach the team on Wednesday, the club said.\n\n\"I am ready,\" she said."
    ));
    let s = with_cue(&all, "said");
    assert_eq!(s.source.as_deref(), Some("the club"));
    let s = all
        .iter()
        .find(|s| s.source.as_deref() == Some("she"))
        .unwrap();
    assert_eq!(s.resolved.as_deref(), Some("Ruth Mbeki"), "{all:#?}");
}

#[test]
fn an_opening_connective_is_no_piece_of_the_subject() {
    for opening in ["Meanwhile", "However"] {
        let all = seen(&format!(
            "{H}{opening}, Hungary's foreign minister, Peter Szijjarto, said Budapest would not back new sanctions."
        ));
        assert_eq!(
            with_cue(&all, "said").source.as_deref(),
            Some("Peter Szijjarto"),
            "{all:#?}"
        );
    }
    // A name before the apposition is still the subject.
    let all = seen(&format!(
        "{H}Peter Szijjarto, Hungary's foreign minister, said Budapest would not back new sanctions."
    ));
    assert_eq!(
        with_cue(&all, "said").source.as_deref(),
        Some("Peter Szijjarto")
    );
}

#[test]
fn a_name_after_an_appositions_noun_is_the_relative_clauses_speaker() {
    let all = seen(&format!(
        "{H}Marcus Forde pledged to build 100,000 homes, a figure Dana Whitfield called \"fantasy.\""
    ));
    assert_eq!(
        with_cue(&all, "called").source.as_deref(),
        Some("Dana Whitfield"),
        "{all:#?}"
    );
    // A noun of people before the name is the name's title: kept.
    let all = seen(&format!(
        "{H}After the vote, a spokesman Tom Reyes said the plan was unfunded."
    ));
    assert_eq!(
        with_cue(&all, "said").source.as_deref(),
        Some("a spokesman Tom Reyes")
    );
}

#[test]
fn a_title_before_a_name_makes_a_person_she_can_stand_for() {
    let all = seen(&format!(
        "{H}The suspect was arrested a mile away, Dalton Police Chief Karen Whitby told reporters. She said officers had found a handgun."
    ));
    let s = all
        .iter()
        .find(|s| s.source.as_deref() == Some("She"))
        .unwrap();
    assert_eq!(
        s.resolved.as_deref(),
        Some("Dalton Police Chief Karen Whitby"),
        "{all:#?}"
    );
}

#[test]
fn the_report_is_whoever_the_article_said_spoke_in_one() {
    let later = "According to the Norwegian Refugee Council, convoys have been blocked 43 times.\n\nMalnutrition has doubled, the report says.";
    let all = seen(&format!(
        "{H}In a report released in Rome, the World Food Programme said 2.3 million people faced hunger.\n\n{later}"
    ));
    assert_eq!(
        with_cue(&all, "says").resolved.as_deref(),
        Some("the World Food Programme"),
        "{all:#?}"
    );
    // With no report named before, the latest body.
    let all = seen(&format!(
        "{H}The World Food Programme said 2.3 million people faced hunger.\n\n{later}"
    ));
    assert_eq!(
        with_cue(&all, "says").resolved.as_deref(),
        Some("the Norwegian Refugee Council"),
        "{all:#?}"
    );
}

#[test]
fn a_statement_inside_one_part_of_a_split_report_ends_with_that_part() {
    let all = seen(&format!(
        "{H}The European Union has pledged 200 million euros, a diplomat familiar with the talks said, but the United States has yet to announce its share."
    ));
    assert_eq!(with_cue(&all, "pledged").content, ["200 million euros"]);
    assert_eq!(
        with_cue(&all, "said").content,
        [
            "The European Union has pledged 200 million euros",
            "but the United States has yet to announce its share"
        ]
    );
}

#[test]
fn a_second_absolute_phrase_joined_by_and_has_its_own_speaker() {
    let all = seen(&format!(
        "{H}The two candidates traded attacks on Monday, with Republican Dana Whitfield accusing her opponent of \"wrecking the market\" and Democrat Marcus Forde calling her plan \"a gift to developers.\""
    ));
    assert_eq!(
        with_cue(&all, "accusing").content,
        ["her opponent of \"wrecking the market\""]
    );
    let s = with_cue(&all, "calling");
    assert_eq!(s.source.as_deref(), Some("Democrat Marcus Forde"));
    // Without a first absolute phrase, `and` and a name before a participle are no
    // second one: the name is an object's.
    let s = only(&format!(
        "{H}Whitfield thanked her supporters and Governor Ann Dole urging calm after the vote."
    ));
    assert_eq!(s.cue.as_deref(), Some("thanked"));
}

#[test]
fn she_after_a_sentence_opening_with_a_name_is_that_name() {
    let text = "Council member Grace Liu asked why the work was not put out to tender. Okafor replied that it was urgent.\n\nLiu was not convinced. \"Urgency is no excuse,\" she said.";
    let all = seen(&format!("{H}{text}"));
    let s = all
        .iter()
        .find(|s| s.source.as_deref() == Some("she"))
        .unwrap();
    assert_eq!(s.resolved.as_deref(), Some("Liu"), "{all:#?}");
    // A capital that names no one given in full before is no such name: the latest
    // speaker stays.
    let text = "Okafor replied that the work was urgent.\n\nReporters pressed on. \"Urgency is no excuse,\" he said.";
    let all = seen(&format!("{H}{text}"));
    let s = all
        .iter()
        .find(|s| s.source.as_deref() == Some("he"))
        .unwrap();
    assert_eq!(s.resolved.as_deref(), Some("Okafor"), "{all:#?}");
}

#[test]
fn a_verb_in_ed_after_a_comma_opens_no_subject() {
    // `faced sharp questions`: `questions` is a noun, no statement.
    let all = seen(&format!(
        "{H}The mayor of Eastport, Daniel Okafor, faced sharp questions on Monday over a contract."
    ));
    assert_no_cue(&all, "questions");
    // `…, elected officials say`: a subject of more words stays one.
    let all = seen(&format!(
        "{H}In the port district, elected officials say the contract was fair."
    ));
    assert_eq!(
        with_cue(&all, "say").source.as_deref(),
        Some("elected officials")
    );
    let all = seen(&format!(
        "{H}In a letter to the council, retired judge Ann Dole warns that the contract breaks state law."
    ));
    let s = with_cue(&all, "warns");
    assert_eq!(s.source.as_deref(), Some("retired judge Ann Dole"));
    assert_eq!(s.content, ["the contract breaks state law"]);
}

#[test]
fn a_second_verb_after_but_has_the_first_clauses_subject_and_ends_its_act() {
    let all = seen(&format!(
        "{H}The central bank kept its main rate at 4.5 percent on Wednesday but signalled that it could cut rates later."
    ));
    let s = with_cue(&all, "signalled");
    assert_eq!(s.source.as_deref(), Some("The central bank"));
    assert_eq!(s.content, ["it could cut rates later"]);
    assert_eq!(
        with_cue(&all, "kept").content,
        ["its main rate at 4.5 percent on Wednesday"]
    );
}

#[test]
fn a_person_before_of_is_the_speaker_she_stands_for() {
    // `of the Karolinska Institute` names her body, not her: `she` is the professor,
    // not the man quoted before her.
    let all = seen(&format!(
        "{H}\"Our findings are robust,\" said lead author Dr. Samuel Okoro.\n\n\
         Professor Anna Lindqvist of the Karolinska Institute, who was not involved in the research, said people might turn to convenience foods. \"The arrow could point in either direction,\" she said."
    ));
    let s = all
        .iter()
        .find(|s| s.source.as_deref() == Some("she"))
        .unwrap();
    assert_eq!(
        s.resolved.as_deref(),
        Some("Professor Anna Lindqvist of the Karolinska Institute")
    );
}

#[test]
fn she_is_not_a_speaker_titled_mr_nor_he_one_titled_ms() {
    let all = seen(&format!(
        "{H}Ms. Dole said the fare would rise. Mr. Reed said it would not. \"It must,\" she said.\n\n\
         Mr. Reed said the budget was tight. Ms. Dole said it was not. \"It is,\" he said."
    ));
    let she = all
        .iter()
        .find(|s| s.source.as_deref() == Some("she"))
        .unwrap();
    assert_eq!(she.resolved.as_deref(), Some("Ms. Dole"));
    let he = all
        .iter()
        .find(|s| s.source.as_deref() == Some("he"))
        .unwrap();
    assert_eq!(he.resolved.as_deref(), Some("Mr. Reed"));
}

#[test]
fn a_verb_of_characterizing_reports_the_quotation_after_as() {
    let all = seen(&format!(
        "{H}The company will cut 1,200 jobs, a move Bennett described as \"painful but necessary.\""
    ));
    let s = with_cue(&all, "described");
    assert_eq!(s.source.as_deref(), Some("Bennett"));
    assert_eq!(s.content, ["painful but necessary"]);
}

#[test]
fn that_before_one_word_and_the_sentences_end_is_a_determiner() {
    let s = only(&format!("{H}Castellano rejected that argument."));
    assert_eq!(s.content, ["that argument"]);
    // A conjunction before a clause, whatever follows its first word.
    let all = seen(&format!(
        "{H}Dole said that states, led by West Virginia, will allow it."
    ));
    assert_eq!(
        with_cue(&all, "said").content,
        ["states, led by West Virginia, will allow it"]
    );
}

#[test]
fn a_plural_noun_before_the_subjects_head_is_no_verb() {
    let all = seen(&format!(
        "{H}Civil liberties groups welcomed the ruling. Priya Natarajan, a lawyer with the American Civil Liberties Union, called it \"a clear win.\""
    ));
    assert_no_cue(&all, "liberties");
    assert_eq!(
        with_cue(&all, "welcomed").source.as_deref(),
        Some("Civil liberties groups")
    );
}

#[test]
fn a_bare_infinitive_after_a_causative_verbs_object_has_no_speaker() {
    let s = only(&format!(
        "{H}Police officials have said the ban helped them identify vandals."
    ));
    assert_eq!(s.cue.as_deref(), Some("said"));
    // `let them know` tells them; `those close to him say` has a speaker.
    let all = seen(&format!(
        "{H}We need to let them know this is not who we are, Dole said."
    ));
    assert!(
        all.iter().any(|s| s.cue.as_deref() == Some("know")),
        "{all:#?}"
    );
    let all = seen(&format!("{H}Those close to him say he will run."));
    assert_eq!(
        with_cue(&all, "say").source.as_deref(),
        Some("Those close to him")
    );
}

#[test]
fn a_descriptor_is_not_the_place_an_earlier_speaker_is_in() {
    // `two sources in the prosecutor's office` are not the office, nor is their outlet
    // its link.
    let all = seen(&format!(
        "{H}Reuters, citing two sources in the prosecutor's office, reported that Galstyan could face charges. The prosecutor's office did not respond to a request for comment."
    ));
    let s = with_cue(&all, "did not respond");
    assert_eq!(s.source.as_deref(), Some("The prosecutor's office"));
    assert_eq!(s.resolved, None);
    assert!(s.chain.is_empty(), "{s:?}");
    // A head word before the place still ties (`the officials`).
    let all = seen(&format!(
        "{H}Officials in Kestria denied the report. The officials said the shelling had stopped."
    ));
    assert_eq!(
        with_cue(&all, "said").resolved.as_deref(),
        Some("Officials in Kestria")
    );
}

#[test]
fn answering_a_phone_says_nothing() {
    let s = only(&format!(
        "{H}A woman who answered the phone at the company's office said no one was available."
    ));
    assert_eq!(s.cue.as_deref(), Some("said"));
    let s = only(&format!("{H}Dole answered the question with a joke."));
    assert_eq!(s.cue.as_deref(), Some("answered"));
}

#[test]
fn court_papers_are_where_a_statement_was_made() {
    let s = only(&format!(
        "{H}A former mayor accepted $400,000 in bribes, federal prosecutors alleged in an indictment unsealed on Monday."
    ));
    assert_eq!(s.source.as_deref(), Some("federal prosecutors"));
    assert_eq!(s.cue.as_deref(), Some("alleged in an indictment"));
    assert_eq!(s.content, ["A former mayor accepted $400,000 in bribes"]);
    let s = only(&format!(
        "{H}Prosecutors said in a complaint filed on Friday that the firm lied."
    ));
    assert_eq!(s.content, ["the firm lied"]);
}

#[test]
fn a_trailing_report_on_a_day_cites_all_it_names_once() {
    let all = seen(&format!(
        "{H}Minister Viktor Hale used a government jet for a holiday, the Daily Courier reported on Friday, citing flight records and two officials."
    ));
    assert_eq!(all.len(), 1, "{all:#?}");
    let s = &all[0];
    assert_eq!(
        s.source.as_deref(),
        Some("flight records and two officials")
    );
    assert_eq!(s.chain, ["the Daily Courier"]);
    assert_eq!(
        s.content,
        ["Minister Viktor Hale used a government jet for a holiday"]
    );
}

#[test]
fn one_person_for_a_body_is_someone_she_can_be() {
    let all = seen(&format!(
        "{H}Mark Bellamy said it rained.\n\n\
         A spokesperson for the agency urged residents not to drive. \"Water can float a car,\" she said."
    ));
    let she = all
        .iter()
        .find(|s| s.source.as_deref() == Some("she"))
        .unwrap();
    assert_eq!(
        she.resolved.as_deref(),
        Some("A spokesperson for the agency")
    );
}

#[test]
fn people_for_a_body_are_who_they_are() {
    let all = seen(&format!(
        "{H}Officials at the ministry said the fares would rise. They said the rise was modest."
    ));
    let they = all
        .iter()
        .find(|s| s.source.as_deref() == Some("They"))
        .unwrap();
    assert_eq!(they.resolved.as_deref(), Some("Officials at the ministry"));
}

#[test]
fn a_sentence_with_its_own_auxiliary_after_a_closed_quotation_is_no_tag() {
    let all = seen(&format!(
        "{H}The office said it would \"look into the matter.\" It did not say whether Hale would be suspended."
    ));
    assert_eq!(
        with_cue(&all, "said").content,
        ["it would \"look into the matter.\""]
    );
    // A tag is still read with its quotation.
    let s = only(&format!("{H}\"We will fight this.\" Dole said on Monday."));
    assert_eq!(s.source.as_deref(), Some("Dole"));
}

#[test]
fn an_ordinal_after_a_determiner_is_part_of_the_speakers_description() {
    // `first` in `The former first lady` is no adverb (`Cole first said`): the phrase is
    // the speaker, and `lady` no verb of an act.
    let all = seen(&format!(
        "{H}Senator Mary Cole spoke to veterans in Ohio on Wednesday.\n\n\
         The former first lady and U.S. senator said it was \"a mistake\" to use private email."
    ));
    assert_no_cue(&all, "lady");
    let said = with_cue(&all, "said");
    assert_eq!(
        said.source.as_deref(),
        Some("The former first lady and U.S. senator")
    );
    // Two roles with no determiner after `and`: one person, resolved as `the senator`
    // (`U.S.` tells the office, it is not a word of the name).
    assert_eq!(said.resolved.as_deref(), Some("Senator Mary Cole"));
    let all = seen(&format!(
        "{H}Mary Cole said on Tuesday that the files were safe.\n\n\
         The former first lady and U.S. senator said it was \"a mistake\" to use private email."
    ));
    let roles = all
        .iter()
        .find(|s| s.source.as_deref() == Some("The former first lady and U.S. senator"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(roles.resolved.as_deref(), Some("Mary Cole"), "{all:#?}");
    // Two determiners, two people: not one earlier speaker.
    let all = seen(&format!(
        "{H}Senator Mary Cole spoke to veterans in Ohio on Wednesday.\n\n\
         The mayor and the senator said it was \"a mistake\" to use private email."
    ));
    assert_eq!(with_cue(&all, "said").resolved, None, "{all:#?}");
    // The adverb still ends the subject.
    let first = only(&format!("{H}Ann Dole first said the pier was unsafe."));
    assert_eq!(first.source.as_deref(), Some("Ann Dole"));
}

#[test]
fn a_name_a_recording_shows_or_a_report_quotes_speaks_its_participle() {
    for (text, content) in [
        (
            "The ad ends with footage of Tom Vane saying during the debate, \"That makes me smart,\" as Cole looks on.",
            "That makes me smart",
        ),
        (
            "A video posted online shows Tom Vane saying, \"That makes me smart.\"",
            "That makes me smart",
        ),
        (
            "The leaflet quotes Tom Vane saying that taxes are for fools.",
            "taxes are for fools",
        ),
    ] {
        let all = seen(&format!("{H}{text}"));
        let saying = with_cue(&all, "saying");
        assert_eq!(saying.source.as_deref(), Some("Tom Vane"), "{all:#?}");
        assert_eq!(saying.content, [content], "{all:#?}");
    }
    // A participle after a name that nothing depicts is no statement of that name.
    let all = seen(&format!(
        "{H}The council met Tom Vane saying goodbye to staff, officials said."
    ));
    assert_no_cue(&all, "saying");
}

#[test]
fn a_quotation_closed_on_a_comma_inside_its_marks_ends_the_content() {
    for text in [
        "Tom Vane said, \"That makes me smart,\" as Cole looked on.",
        "Tom Vane said during the debate, \"That makes me smart,\" until the crowd booed.",
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.content, ["That makes me smart"], "{text}");
        assert_eq!(s.kind, ContentKind::Direct);
    }
    // A participle after the comma inside the closing mark reports for the speaker.
    let all = seen(&format!(
        "{H}Peabody said: \"Patriot Coal was highly successful,\" adding that its value quadrupled in a year."
    ));
    assert_eq!(
        with_cue(&all, "said").content,
        ["Patriot Coal was highly successful"]
    );
    let adding = with_cue(&all, "adding");
    assert_eq!(adding.source.as_deref(), Some("Peabody"), "{all:#?}");
    assert_eq!(adding.content, ["its value quadrupled in a year"]);
    // `and that` after it goes on with the same indirect statement.
    let s = only(&format!(
        "{H}Tom Vane said \"the plan is dead,\" and that it would not return."
    ));
    assert!(s.content[0].ends_with("would not return"), "{s:#?}");
}

#[test]
fn a_verb_with_a_that_clause_after_a_closed_quotation_is_a_new_statement() {
    // Not a tag of the quotation before it (`"…." Graham said.`): the first statement
    // ends at its quotation.
    let all = seen(&format!(
        "{H}Japan branded the regime an \"outlaw nation in the region.\" Russia insisted that Pyongyang \"stop its escapades.\""
    ));
    assert_eq!(
        with_cue(&all, "branded").content,
        ["the regime an \"outlaw nation in the region.\""],
        "{all:#?}"
    );
    assert_eq!(with_cue(&all, "insisted").source.as_deref(), Some("Russia"));
    // A short tag still joins its quotation.
    let s = only(&format!("{H}\"We will win the vote.\" Graham said."));
    assert_eq!(s.source.as_deref(), Some("Graham"));
}

#[test]
fn the_speaker_after_a_noun_of_time_or_manner_or_before_the_place_of_saying() {
    for (text, source) in [
        ("The walk-ins were the third time AROS said it had held such an event.", "AROS"),
        ("It was the day Ann Dole told reporters she would run.", "Ann Dole"),
        ("Last week Stumpf in a televised interview said the firings were fair.", "Stumpf"),
        ("The mayor in his speech on Friday said the plan was dead.", "The mayor"),
        // A relative clause after a long apposition: the name before both.
        (
            "Michael Mulgrew, president of the United Federation of Teachers, which represents city educators, said the day was a success.",
            "Michael Mulgrew",
        ),
    ] {
        let all = seen(&format!("{H}{text}"));
        assert_eq!(all[0].source.as_deref(), Some(source), "{all:#?}");
    }
    // A place that is part of the speaker's description stays in it.
    let s = only(&format!(
        "{H}Officials in the ministry said the plan was dead."
    ));
    assert_eq!(s.source.as_deref(), Some("Officials in the ministry"));
}

#[test]
fn a_subject_pronoun_ends_the_addressee_and_opens_the_reported_clause() {
    for (text, addressee, content) in [
        (
            "Mayor Tom Reyes told reporters he felt vindicated.",
            "reporters",
            "he felt vindicated",
        ),
        (
            "Ann Dole told CNN she would run again.",
            "CNN",
            "she would run again",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.addressee.as_deref(), Some(addressee), "{s:#?}");
        assert_eq!(s.content, [content]);
    }
    // `X and I` is one subject; an opening phrase without its comma is no part of it.
    let all = seen(&format!(
        "{H}My sister and I understood this because we were there."
    ));
    assert_eq!(
        all[0].source.as_deref(),
        Some("My sister and I"),
        "{all:#?}"
    );
    let all = seen(&format!(
        "{H}Two researchers said they would check the claim. On May 3 they published the result, announcing that the claim was false."
    ));
    let announcing = with_cue(&all, "announcing");
    assert_eq!(announcing.source.as_deref(), Some("they"), "{all:#?}");
    assert_eq!(
        announcing.resolved.as_deref(),
        Some("Two researchers"),
        "{all:#?}"
    );
}

#[test]
fn people_familiar_with_the_matter_and_sources_close_to_the_talks_are_one_phrase() {
    let s = only(&format!(
        "{H}The commission has opened an inquiry, according to two people familiar with the matter."
    ));
    assert_eq!(
        s.source.as_deref(),
        Some("two people familiar with the matter")
    );
    let s = only(&format!(
        "{H}A deal is near, according to sources close to the talks."
    ));
    assert_eq!(s.source.as_deref(), Some("sources close to the talks"));
}

#[test]
fn that_as_a_pronoun_object_and_a_passive_in_a_relative_clause_report_nothing() {
    let all = seen(&format!(
        "{H}Wilde denied that, saying, \"I have nothing to gain by lying.\""
    ));
    assert_no_cue(&all, "denied");
    assert_eq!(with_cue(&all, "saying").source.as_deref(), Some("Wilde"));
    // `that` and a comma before a parenthetical or a quotation is the conjunction.
    let s = only(&format!(
        "{H}Ann Dole said that, among voters, the tax is unpopular."
    ));
    assert_eq!(s.content, ["among voters, the tax is unpopular"]);
    let all = seen(&format!(
        "{H}Hale, who has not been charged, has denied any role in the closures."
    ));
    assert_no_cue(&all, "charged");
    assert_eq!(
        with_cue(&all, "denied").content,
        ["any role in the closures"]
    );
}

#[test]
fn a_sports_desk_told_is_a_link_and_an_opening_phrase_alone_no_speaker() {
    let s = only(&format!(
        "{H}The club's agent, Paula Mendes, told Sky Sports that talks had begun in April."
    ));
    assert_eq!(s.source.as_deref(), Some("Paula Mendes"));
    assert_eq!(s.chain, ["Sky Sports"], "{s:#?}");
    // Opening words with their comma and a participle: no subject to speak it.
    let all = seen(&format!(
        "{H}For starters, and assuming that the deal is legal, we would know what it costs."
    ));
    assert!(
        all.iter()
            .all(|s| s.source.as_deref() != Some("For starters")),
        "{all:#?}"
    );
}

#[test]
fn a_word_that_tells_one_office_from_another_must_agree() {
    let said = |text: &str, source: &str| {
        let all = seen(&format!("{H}{text}"));
        all.into_iter()
            .find(|s| s.source.as_deref() == Some(source))
            .unwrap_or_else(|| panic!("no {source} in {text}"))
            .resolved
    };
    let vik = "Foreign Minister Anna Vik said her country would not yield.\n\n";
    assert_eq!(
        said(
            &format!("{vik}The prime minister said the country was calm."),
            "The prime minister"
        ),
        None
    );
    assert_eq!(
        said(
            &format!("{vik}The foreign minister said the country was calm."),
            "The foreign minister"
        )
        .as_deref(),
        Some("Minister Anna Vik")
    );
    let lund = "Prime Minister Jon Lund said the talks would go on.\n\n";
    assert_eq!(
        said(
            &format!("{lund}The prime minister said the country was calm."),
            "The prime minister"
        )
        .as_deref(),
        Some("Prime Minister Jon Lund")
    );
    // Given in an apposition (the office's word is not checked there yet).
    let vik = "Anna Vik, the foreign minister, said her country would not yield.\n\n";
    assert_eq!(
        said(
            &format!("{vik}The foreign minister said the country was calm."),
            "The foreign minister"
        )
        .as_deref(),
        Some("Anna Vik")
    );
}

/// The statement whose source is written `pronoun`, the `n`th such (from 0).
fn nth_by<'a>(all: &'a [Seen], pronoun: &str, n: usize) -> &'a Seen {
    all.iter()
        .filter(|s| s.source.as_deref() == Some(pronoun))
        .nth(n)
        .unwrap_or_else(|| panic!("no {n}th `{pronoun}`: {all:#?}"))
}

#[test]
fn she_is_not_a_speaker_whose_given_name_or_role_is_a_mans() {
    // A given name before the surname, past a title and a middle initial.
    let all = seen(&format!(
        "{H}Mayor Dana Whitlock said the budget was balanced. Warren K. Olsen, the city's \
         auditor, said the books were sound. \"They are not,\" she said."
    ));
    assert_eq!(
        nth_by(&all, "she", 0).resolved.as_deref(),
        Some("Mayor Dana Whitlock")
    );
    // The other way round, and a title that comes before the given name.
    let all = seen(&format!(
        "{H}Councilman Tom Reed said the vote would wait. State Sen. Grace Lindqvist said \
         it would not. \"It must wait,\" he said."
    ));
    assert_eq!(
        nth_by(&all, "he", 0).resolved.as_deref(),
        Some("Councilman Tom Reed")
    );
    // A noun of a woman: the head of the phrase, not the man it is `of`.
    let all = seen(&format!(
        "{H}The widow of a man shot by police said the video was clear. Tom Reed said it \
         was not. \"I saw it,\" she said."
    ));
    assert_eq!(
        nth_by(&all, "she", 0).resolved.as_deref(),
        Some("The widow of a man shot by police")
    );
}

#[test]
fn a_surname_alone_takes_the_gender_of_its_fuller_mentions() {
    // `Lynch` is Loretta E. Lynch, so `he` is not her; `Clinton` names two people of
    // either gender, so nothing bars it.
    let all = seen(&format!(
        "{H}Attorney General Loretta E. Lynch spoke first. Tom Reed said the law was clear. \
         Lynch said it was not. \"It is,\" he said.\n\n\
         Bill Clinton and Hillary Clinton arrived. Clinton said the event was a success. \
         \"We won,\" he said."
    ));
    assert_eq!(nth_by(&all, "he", 0).resolved.as_deref(), Some("Tom Reed"));
    assert_eq!(nth_by(&all, "he", 1).resolved.as_deref(), Some("Clinton"));
}

#[test]
fn he_or_she_is_never_a_time_a_place_or_a_thing() {
    // `Video of the incident` and `The choice` speak in a loose reading of `shows` and
    // `was`; a person's pronoun goes past them to the person before.
    let all = seen(&format!(
        "{H}Ann Dole told reporters the plan was sound. The choice was between two \
         routes, the report said. Video of the incident shows the crash. \"I was there,\" \
         she said."
    ));
    assert_eq!(nth_by(&all, "she", 0).resolved.as_deref(), Some("Ann Dole"));
}

#[test]
fn the_name_opening_the_sentence_before_may_follow_an_opening_phrase_or_take_a_role() {
    let all = seen(&format!(
        "{H}Ann Dole said the plan was sound. Hillary Clinton arrived late.\n\n\
         On Monday night, Clinton leaned in. She said the plan was not sound.\n\n\
         Helen Marsh, a councillor, spoke next. She said the vote should wait."
    ));
    assert_eq!(nth_by(&all, "She", 0).resolved.as_deref(), Some("Clinton"));
    assert_eq!(
        nth_by(&all, "She", 1).resolved.as_deref(),
        Some("Helen Marsh")
    );
}

#[test]
fn a_number_written_with_a_slash_is_part_of_a_trailing_speaker() {
    let all = seen(&format!(
        "{H}\"They are wrong,\" said 9/11 widow Ann Vale. \"It is a day in court we ask for.\""
    ));
    let s = with_cue(&all, "said");
    assert_eq!(s.source.as_deref(), Some("9/11 widow Ann Vale"));
}

#[test]
fn a_name_of_the_other_gender_is_passed_over_in_every_way_a_pronoun_resolves() {
    // The name opening the sentence before: `Dole` is Ann Dole, so `he` is Tom Reed.
    let all = seen(&format!(
        "{H}Ann Dole and Tom Reed met on Monday. Tom Reed said the talks went well. Dole \
         was not convinced. \"We will see,\" he said."
    ));
    assert_eq!(nth_by(&all, "he", 0).resolved.as_deref(), Some("Tom Reed"));
    // The last name before, when no one spoke: not a woman for `he`.
    let all = seen(&format!(
        "{H}Ann Dole met the press on Monday.\n\n\"We will see,\" he said."
    ));
    assert_ne!(nth_by(&all, "he", 0).resolved.as_deref(), Some("Ann Dole"));
    // An earlier pronoun that resolved to no one names no one.
    let all = seen(&format!(
        "{H}\"We will see,\" she said. \"The talks went well,\" she added."
    ));
    assert_ne!(nth_by(&all, "she", 1).resolved.as_deref(), Some("she"));
}

#[test]
fn opening_words_without_their_comma_are_not_the_subject() {
    for (sentence, source, resolved) in [
        (
            "On Wednesday he said he was troubled.",
            "he",
            Some("Tom Reed"),
        ),
        (
            "Speaking in Ohio he said he was troubled.",
            "he",
            Some("Tom Reed"),
        ),
        ("On Wednesday Reed said he was troubled.", "Reed", None),
        ("On May 3 Reed said he was troubled.", "Reed", None),
        // One subject of two people.
        (
            "My sister and I said we were troubled.",
            "My sister and I",
            None,
        ),
    ] {
        let all = seen(&format!("{H}Tom Reed spoke on Monday. {sentence}"));
        let s = with_cue(&all, "said");
        assert_eq!(s.source.as_deref(), Some(source), "{sentence}");
        if resolved.is_some() {
            assert_eq!(s.resolved.as_deref(), resolved, "{sentence}");
        }
    }
}

#[test]
fn a_subject_after_a_place_without_its_comma_and_it_in_a_relative_clause() {
    // A preposition, a place and a name with no comma between: the name is the subject,
    // from its given name on, else its last word (not `Ohio Reed`, and not nothing).
    for (sentence, speaker) in [
        ("In Ohio Reed said the vote would be close.", "Reed"),
        ("In Ohio Tom Reed said the vote would be close.", "Tom Reed"),
        ("In New York Reed said the vote would be close.", "Reed"),
    ] {
        let s = only(&format!("{H}{sentence}"));
        assert_eq!(s.source.as_deref(), Some(speaker), "{sentence}");
        assert_eq!(s.content, ["the vote would be close"], "{sentence}");
    }
    // `it` right before the cue after a noun phrase opened by a determiner: the subject
    // of a relative clause without its `that`, not the ten words before it.
    let all = seen(&format!(
        "{H}The plan is the main tool for the county to meet the savings target it pledged \
         to reach at the talks."
    ));
    let pledged = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("pledged"))
        .unwrap();
    assert_eq!(pledged.source.as_deref(), Some("it"), "{all:#?}");
    // After a verb, `it` is its object, and the verb's `who` makes the words a relative
    // clause of the subject before them: the phrase is the subject, whole. After a
    // participle too: `it` is the object of `covering`.
    for (sentence, speaker) in [
        (
            "The men who built it said the plan was sound.",
            "The men who built it",
        ),
        (
            "The men who Fred hired said the plan was sound.",
            "The men who Fred hired",
        ),
        (
            "Reporters covering it said the plan was sound.",
            "Reporters covering it",
        ),
    ] {
        let s = only(&format!("{H}{sentence}"));
        assert_eq!(s.source.as_deref(), Some(speaker), "{sentence}");
        assert_eq!(s.content, ["the plan was sound"], "{sentence}");
    }
}

#[test]
fn a_titled_surname_is_whom_a_pronoun_stands_for() {
    // `Mrs. Clinton` opening the sentence before names a person even when the article
    // never gave her name in full; a pronoun of the other gender does not take it.
    for (sentence, pronoun, resolved) in [
        (
            "Mrs. Clinton visited the school. She said the plan would help.",
            "She",
            Some("Clinton"),
        ),
        (
            "Dr. Reed visited the school. She said the plan would help.",
            "She",
            Some("Reed"),
        ),
        (
            "Mr. Trump visited the school. She said the plan would help.",
            "She",
            None,
        ),
        // Not opening the sentence: the last name before, the title with it.
        (
            "The school was visited by Mrs. Clinton. She said the plan would help.",
            "She",
            Some("Mrs. Clinton"),
        ),
    ] {
        let s = only(&format!("{H}{sentence}"));
        assert_eq!(s.source.as_deref(), Some(pronoun), "{sentence}");
        assert_eq!(s.resolved.as_deref(), resolved, "{sentence}");
    }
}

#[test]
fn a_long_role_then_another_apposition_and_states_as_a_noun() {
    // Two appositions after the name, the first a long role: the name is the speaker,
    // not `one of the states` resolved to some earlier group.
    let s = only(&format!(
        "{H}\"It is an invasion of our domain,\" Tom Pratt, the Republican attorney general \
         of Oklahoma, one of the states suing the agency, said at an event."
    ));
    assert_eq!(s.source.as_deref(), Some("Tom Pratt"));
    // A long description of a place is skipped the same way.
    let s = only(&format!(
        "{H}Tom Pratt of Salem, the old mill town on the wide river, a lawyer for the council, \
         said the vote was fair."
    ));
    assert_eq!(s.source.as_deref(), Some("Tom Pratt of Salem"));
    let s = only(&format!(
        "{H}Tom Pratt, who has run the mill for years and years, a lawyer, said the losses \
         were heavy."
    ));
    assert_eq!(s.source.as_deref(), Some("Tom Pratt"));
    // `states` after a number is a noun, not the reporting verb: the whole phrase is the
    // subject, reduced relative clause and all.
    let s = only(&format!(
        "{H}Twenty states led by Texas and industry groups are challenging the rules in court."
    ));
    assert_eq!(
        s.source.as_deref(),
        Some("Twenty states led by Texas and industry groups")
    );
}

#[test]
fn a_relative_clause_on_what_a_name_is_speaks_for_the_name() {
    for sentence in [
        "Tom Reed is a lawyer who said the plan was sound.",
        "Tom Reed was the only lawyer who argued that the plan was sound.",
    ] {
        let s = only(&format!("{H}{sentence}"));
        assert_eq!(s.source.as_deref(), Some("Tom Reed"), "{sentence}");
        assert_eq!(s.content, ["the plan was sound"], "{sentence}");
    }
    // Not a person noun, not `be`, a comma before `who`, no name before `be`: the phrase
    // before `who` stays the speaker.
    for (sentence, speaker) in [
        (
            "Tom Reed is the council which said the vote was fair.",
            "the council",
        ),
        (
            "Tom Reed hired a lawyer who said the vote was fair.",
            "a lawyer",
        ),
        (
            "Tom Reed is a lawyer, who said the vote was fair.",
            "a lawyer",
        ),
        (
            "The panel is a lawyer who said the vote was fair.",
            "a lawyer",
        ),
    ] {
        let s = only(&format!("{H}{sentence}"));
        assert_eq!(s.source.as_deref(), Some(speaker), "{sentence}");
    }
}

#[test]
fn a_sentence_whose_period_went_missing_has_its_own_speaker() {
    let all = seen(&format!(
        "{H}The port authority said it was taking steps to widen its oversight of the \
         harbour pilots The Trade Board said it would widen oversight as well."
    ));
    let port = all
        .iter()
        .find(|s| s.source.as_deref() == Some("The port authority"));
    assert_eq!(
        port.map(|s| s.content.clone()),
        Some(vec![
            "it was taking steps to widen its oversight of the harbour pilots".to_string()
        ]),
        "{all:#?}"
    );
    let board = all
        .iter()
        .find(|s| s.source.as_deref() == Some("The Trade Board"));
    assert_eq!(
        board.map(|s| s.content.clone()),
        Some(vec!["it would widen oversight as well".to_string()]),
        "{all:#?}"
    );
    // After a number too; not after a comma (a comma splice may be either), and the
    // words are kept whole when the speaker opens them.
    for (sentence, kept) in [
        (
            "The port authority said it had widened its oversight in 2015 The Trade Board \
             said it would widen oversight as well.",
            "it had widened its oversight in 2015",
        ),
        (
            "The port authority said it had widened its oversight, The Trade Board said it \
             would widen oversight as well.",
            "it had widened its oversight, The Trade Board said it would widen oversight as \
             well",
        ),
        (
            "The port authority said The Trade Board said it would widen oversight.",
            "The Trade Board said it would widen oversight",
        ),
    ] {
        let all = seen(&format!("{H}{sentence}"));
        let port = all
            .iter()
            .find(|s| s.source.as_deref() == Some("The port authority"));
        assert_eq!(
            port.map(|s| s.content.join(" ")).as_deref(),
            Some(kept),
            "{all:#?}"
        );
    }
    // A title after a preposition is no new sentence.
    let s = only(&format!(
        "{H}A reporter for The Harbour Times said the pilots would strike."
    ));
    assert_eq!(
        s.source.as_deref(),
        Some("A reporter for The Harbour Times")
    );
    // After `and`, the clauses are joined: the words before it end at the comma.
    let all = seen(&format!(
        "{H}The port authority said the pilots would strike, and The Trade Board said the \
         strike would be short."
    ));
    let port = all
        .iter()
        .find(|s| s.source.as_deref() == Some("The port authority"));
    assert_eq!(
        port.map(|s| s.content.clone()),
        Some(vec!["the pilots would strike".to_string()]),
        "{all:#?}"
    );
}

#[test]
fn as_x_put_it_after_a_short_adjunct() {
    let s = only(&format!(
        "{H}The plan is, as Omar Haddad put it in a long essay, \"a locked door.\""
    ));
    assert_eq!(s.source.as_deref(), Some("Omar Haddad"));
    assert_eq!(s.cue.as_deref(), Some("put it"));
    assert_eq!(s.content, ["a locked door"]);
    // Words running on past the adjunct with no punctuation: an act, not a report.
    let all = seen(&format!(
        "{H}The keys were lost, as Omar Haddad put it in a drawer near the old door and left."
    ));
    assert_no_cue(&all, "put it");
}

#[test]
fn a_quotation_without_a_cue_needs_a_subject_that_names_someone() {
    // A determiner alone, or a label before a colon, is no speaker of the quoted words.
    for text in [
        "All this has led to fears of a \"harbor pact.\"",
        "Vetoes Block Peace: Ending \"the scourge of war\" is a goal of the council.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert!(all.is_empty(), "{text}: {all:#?}");
    }
    // (Here the one who fears is the object of `led`.)
    let all = seen(&format!(
        "{H}All this has led the journalist Dainis Ivans to fear a \"harbor pact.\""
    ));
    assert!(
        all.iter().all(|s| s.source.as_deref() != Some("All")),
        "{all:#?}"
    );
    assert_eq!(
        content_of(&all, "the journalist Dainis Ivans").as_deref(),
        Some("a \"harbor pact.\""),
        "{all:#?}"
    );
    // The subject of the sentence, and a label right before the quotation, still are.
    let s = only(&format!(
        "{H}Omar Haddad likened the rules to \"a locked door.\""
    ));
    assert_eq!(s.source.as_deref(), Some("Omar Haddad"));
    let s = only(&format!(
        "{H}The toll is high. Haddad Hits Back: \"We will not pay.\""
    ));
    assert_eq!(s.source.as_deref(), Some("Haddad Hits Back"));
}

#[test]
fn a_reporting_word_as_the_object_of_a_verb_is_a_noun() {
    // An `-s` form right after a past tense or a verb that takes such nouns.
    for text in [
        "Both candidates face questions about their health.",
        "The senators raised questions about the budget.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert!(
            all.iter().all(|s| s.cue.as_deref() != Some("questions")),
            "{text}: {all:#?}"
        );
    }
    let all = seen(&format!(
        "{H}The clip has faced ridicule online since Tuesday."
    ));
    assert!(all.is_empty(), "{all:#?}");
    let s = only(&format!("{H}The mayor said claims of fraud were false."));
    assert_eq!(s.content, ["claims of fraud were false"]);
    let all = seen(&format!("{H}Reed made plans to build a dam."));
    assert_no_cue(&all, "plans");
    // A name ending in `-ed` is no past tense.
    let s = only(&format!("{H}Ahmed says the plan will work."));
    assert_eq!(s.cue.as_deref(), Some("says"));

    // After a subject it is the verb.
    let s = only(&format!(
        "{H}Omar Haddad questions whether the plan will work."
    ));
    assert_eq!(s.cue.as_deref(), Some("questions"));
    // A bare form after an adjective is its noun; after a preposition's object it may
    // be the verb of the phrase before.
    let all = seen(&format!(
        "{H}The council wanted a full, unredacted copy of the agency's Harbor investigative \
         report."
    ));
    assert_no_cue(&all, "report");
    let s = only(&format!(
        "{H}Tolls will rise, people close to the executive say."
    ));
    assert_eq!(s.source.as_deref(), Some("people close to the executive"));
    assert_eq!(s.content, ["Tolls will rise"]);
}

#[test]
fn a_statement_in_a_subordinate_clause_ends_before_the_main_clause() {
    assert_words(&[
        (
            "Though Ann Dole said the plan was good, Tom Reed rejected it.",
            "Ann Dole",
            "the plan was good",
        ),
        (
            "After Ann Dole warned that tolls would rise, the council voted against it.",
            "Ann Dole",
            "tolls would rise",
        ),
        (
            "Though she called the bank's conduct \"outrageous\", Dole stayed calm.",
            "she",
            "the bank's conduct \"outrageous\"",
        ),
        // A pronoun and an auxiliary, a past tense, a verb of saying.
        (
            "Though Dole said the plan was good, she would not back it.",
            "Dole",
            "the plan was good",
        ),
        (
            "Though Dole said the plan was good, Reed took the floor.",
            "Dole",
            "the plan was good",
        ),
        (
            "Though Dole said the plan was good, Reed says it is bad.",
            "Dole",
            "the plan was good",
        ),
        // The items of a list are no main clause.
        (
            "Though Dole said tolls, fees and taxes would rise, Reed rejected it.",
            "Dole",
            "tolls, fees and taxes would rise",
        ),
        (
            "Though Dole said Reed, Lind and Haddad would vote no, the council passed it.",
            "Dole",
            "Reed, Lind and Haddad would vote no",
        ),
        // A clause of the reported words' own.
        (
            "When asked, Ann Dole said that if tolls rose, the city would pay.",
            "Ann Dole",
            "if tolls rose, the city would pay",
        ),
        // A cue after the opening clause's comma is the main clause's own.
        (
            "When asked, Ann Dole said the plan was good, and Reed nodded.",
            "Ann Dole",
            "the plan was good, and Reed nodded",
        ),
        // Not opened by a subordinating conjunction: left to the other rules.
        (
            "Ann Dole said the plan was good, Tom Reed rejected it.",
            "Ann Dole",
            "the plan was good, Tom Reed rejected it",
        ),
    ]);
}

#[test]
fn he_or_she_is_a_name_after_a_role_a_dateline_or_a_given_name() {
    let she = |text: &str| {
        let all = seen(&format!("{H}{text}"));
        let s = all
            .iter()
            .find(|s| s.content == ["the plan was weak"])
            .map(|s| s.resolved.clone());
        (s.flatten(), format!("{all:#?}"))
    };
    for (text, name) in [
        // A role before the name.
        (
            "\"The plan is good,\" Merkley said.\n\nIn a statement on Tuesday, party \
             nominee Varda Quell was more careful. She said the plan was weak.",
            "Varda Quell",
        ),
        // A label in capitals before a dash, then an opening phrase.
        (
            "Ann Dole met Tom Reed, and \"it went well,\" Reed said.\n\nTOLL CLAIMS — For \
             years, Dole has been dogged by charges of fraud. She said the plan was weak.",
            "Dole",
        ),
        // A dateline; a given name and a surname, named for the first time.
        (
            "\"The plan is good,\" Merkley said.\n\nWASHINGTON, D.C. (AP) — Ann Dole spoke \
             to farmers on Tuesday. She said the plan was weak.",
            "Ann Dole",
        ),
    ] {
        let (resolved, all) = she(text);
        assert_eq!(resolved.as_deref(), Some(name), "{text}: {all}");
    }
    // A dash after words not in capitals is no label's.
    let (resolved, all) = she(
        "\"The plan is good,\" Merkley said.\n\nAnn Dole spoke first — Varda Quell spoke \
         next. She said the plan was weak.",
    );
    assert_eq!(resolved.as_deref(), Some("Ann Dole"), "{all}");
    // A given name alone may name a country.
    let (resolved, all) = she(
        "\"The plan is good,\" Merkley said.\n\nGeorgia closed its border on Tuesday. She \
         said the plan was weak.",
    );
    assert_ne!(resolved.as_deref(), Some("Georgia"), "{all}");
}

#[test]
fn a_noun_of_stance_with_a_preposition_reports_its_object_only() {
    let stance = |text: &str| {
        let all = seen(&format!("{H}Ann Dole spoke. {text}"));
        let s = all
            .iter()
            .find(|s| s.source.as_deref() == Some("Reed"))
            .map(|s| s.content.join(" "));
        (s, format!("{all:#?}"))
    };
    for (text, content) in [
        // The object ends before the sentence's verb, one word being enough there.
        ("Reed's disdain for the plan was clear.", "the plan"),
        (
            "Reed's support for the embattled mayor has grown.",
            "the embattled mayor",
        ),
        ("Reed's message of patriotism is one of fear.", "patriotism"),
        (
            "Reed's criticism of the tolls came as farmers protested.",
            "the tolls",
        ),
        (
            "Reed's support for the plan made farmers angry.",
            "the plan",
        ),
        // Not a verb of a clause inside the object.
        (
            "Reed's disdain for the sway he has with voters grew.",
            "the sway he has with voters grew",
        ),
        (
            "Reed's disdain for the relativism that has fallen upon the land grew.",
            "the relativism that has fallen upon the land grew",
        ),
        (
            "Reed's support for a visit while the inquiry was open angered farmers.",
            "a visit while the inquiry was open angered farmers",
        ),
    ] {
        let (s, all) = stance(text);
        assert_eq!(s.as_deref(), Some(content), "{text}: {all}");
    }
    // A day after the preposition is when, not what about; a possessive is no subject of
    // the noun after it.
    for text in [
        "Reed's remarks on Saturday carried a more personal tone.",
        "Tom Reed’s comments came as his party tried to reach out to voters.",
    ] {
        let all = seen(&format!("{H}Ann Dole spoke. {text}"));
        assert!(
            all.iter()
                .all(|s| !matches!(s.cue.as_deref(), Some("remarks" | "comments"))),
            "{text}: {all:#?}"
        );
    }
}

#[test]
fn a_statement_ends_before_a_contrasting_report_of_another_subject() {
    assert_words(&[
        (
            "Critics say the plan is dead, but Reed disagrees.",
            "Critics",
            "the plan is dead",
        ),
        (
            "Reed said tolls rose, yet the mayor says otherwise.",
            "Reed",
            "tolls rose",
        ),
        // A pronoun may be the speaker going on with her own words.
        (
            "Ann Dole says she hopes to win, but she knows the race is close.",
            "Ann Dole",
            "she hopes to win, but she knows the race is close",
        ),
        // A verb that does not report, and a comma inside quotation marks.
        (
            "Reed said the tolls would rise, but the council would fight them.",
            "Reed",
            "the tolls would rise, but the council would fight them",
        ),
        (
            "Reed said the plan was \"dead, but the mayor says otherwise\" in his view.",
            "Reed",
            "the plan was \"dead, but the mayor says otherwise\" in his view",
        ),
    ]);
}

#[test]
fn a_quantifier_floated_after_the_subject_is_not_part_of_it() {
    for (text, source) in [
        (
            "Dole and Reed both said the tolls were unfair.",
            "Dole and Reed",
        ),
        ("They all said the tolls were unfair.", "They"),
        (
            "The two men each said the tolls were unfair.",
            "The two men",
        ),
        // Where the quantifier is the subject, or a preposition's object.
        ("All said the tolls were unfair.", "All"),
        (
            "The board of all said the tolls were unfair.",
            "The board of all",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.source.as_deref(), Some(source), "{text}: {s:#?}");
    }
}

#[test]
fn talk_about_reports_its_topic() {
    assert_words(&[
        (
            "Ruth Amsel talked about the levy.",
            "Ruth Amsel",
            "the levy",
        ),
        (
            "As Ruth Amsel talked about the levy, Tom Reed frowned.",
            "Ruth Amsel",
            "the levy",
        ),
        (
            "Amsel talks about the levy often.",
            "Amsel",
            "the levy often",
        ),
    ]);
    // `talks` after a noun is the noun: peace talks say nothing.
    for text in [
        "The peace talks about the border stalled.",
        "The trade talks about tariffs ended.",
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), "talks about");
    }
}

#[test]
fn the_object_of_forced_or_led_speaks_the_infinitive() {
    for (text, source, content) in [
        (
            "Ann Dole forced Tom Reed to admit that the tolls were unfair.",
            "Tom Reed",
            "the tolls were unfair",
        ),
        (
            "Ann Dole forced Reed, who was under questioning, to admit that the tolls were unfair.",
            "Reed",
            "the tolls were unfair",
        ),
        (
            "All this has led the farmer Tom Reed to fear a toll war.",
            "the farmer Tom Reed",
            "a toll war",
        ),
    ] {
        let all = seen(&format!("{H}{text}"));
        assert_eq!(all.len(), 1, "{text}: {all:#?}");
        assert_eq!(all[0].source.as_deref(), Some(source), "{text}");
        assert_eq!(all[0].content, [content], "{text}");
    }
    // A request, or a verb not in the past, says nothing of what was said.
    for (text, cue) in [
        ("Ann Dole pressed Tom Reed to explain the tolls.", "explain"),
        (
            "Ann Dole can persuade the farmers to agree to the tolls.",
            "agree",
        ),
        (
            "Such deals force the witnesses to answer the panel.",
            "answer",
        ),
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), cue);
    }
}

#[test]
fn a_phrase_of_time_between_a_leading_verb_and_to() {
    assert_words(&[(
        "Ruth Amsel tried on Tuesday to make the case that the levy was fair.",
        "Ruth Amsel",
        "the levy was fair",
    )]);
    // A day opening the block has no verb before it to lead.
    assert!(seen(&format!("{H}Tuesday to say the levy is fair."))
        .iter()
        .all(|s| s.cue.as_deref() != Some("say")));
}

#[test]
fn a_horizontal_bar_is_a_dash_and_a_closing_dash_ends_an_aside() {
    for bar in ["\u{2015}", "\u{2014}"] {
        // A relative clause between dashes describes the subject; the verb after the
        // closing dash is no inverted `said X`.
        let s = only(&format!(
            "{H}The film {bar} which weaves together the voices of historians {bar} explains the history of the levy."
        ));
        assert_eq!(s.source.as_deref(), Some("The film"), "{bar}");
        assert_eq!(s.content, ["the history of the levy"], "{bar}");
        // The dash closing an aside ends a subordinate clause's statement, as its comma
        // would.
        let all = seen(&format!(
            "{H}When Ann Dole noted that the levy had not been paid {bar} as was true for years {bar} Tom Reed boasted, \u{201c}That makes me smart.\u{201d}"
        ));
        assert_eq!(
            content_of(&all, "Ann Dole").as_deref(),
            Some(&*format!(
                "the levy had not been paid {bar} as was true for years"
            )),
            "{all:#?}"
        );
        assert_eq!(
            content_of(&all, "Tom Reed").as_deref(),
            Some("That makes me smart"),
            "{all:#?}"
        );
    }
}

#[test]
fn the_network_is_no_newspaper_and_the_paper_no_network() {
    // The latest outlet that spoke is a newspaper: `the network` is not it.
    let text = "{H}The Harbor Times reported that the editor of Radio North had been fired.\n\nThe network said it would appeal.\n";
    let all = seen(&text.replace("{H}", H));
    let s = all
        .iter()
        .find(|s| s.source.as_deref() == Some("The network"))
        .expect("a statement of the network");
    assert_eq!(s.resolved, None, "{all:#?}");
    // A network that spoke is what `the network` stands for; a newspaper, `the paper`.
    for (text, outlet) in [
        ("Radio North reported that the mayor had resigned.\n\nThe network said it would appeal.", "Radio North"),
        ("The Harbor Times reported that the mayor had resigned.\n\nThe paper said it would appeal.", "The Harbor Times"),
        // Names with words of both kinds fit both.
        ("Times Radio reported that the mayor had resigned.\n\nThe network said it would appeal.", "Times Radio"),
        ("The Sky Herald reported that the mayor had resigned.\n\nThe paper said it would appeal.", "The Sky Herald"),
    ] {
        let all = seen(&format!("{H}{text}\n"));
        let s = all.iter().find(|s| s.content == ["it would appeal"]).expect("the second statement");
        assert_eq!(s.resolved.as_deref(), Some(outlet), "{text}: {all:#?}");
    }
    let all = seen(&format!(
        "{H}Radio North reported that the mayor had resigned.\n\nThe paper said it would appeal.\n"
    ));
    let s = all
        .iter()
        .find(|s| s.content == ["it would appeal"])
        .expect("the second statement");
    assert_eq!(s.resolved, None, "{all:#?}");
}

#[test]
fn neither_nor_is_one_subject() {
    for (text, source) in [
        (
            "Neither Reed nor Dole responded to the levy.",
            "Neither Reed nor Dole",
        ),
        (
            "Neither the mayor nor her campaign said anything about the levy.",
            "Neither the mayor nor her campaign",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.source.as_deref(), Some(source), "{text}");
    }
}

#[test]
fn some_and_each_alone_are_subjects() {
    assert_words(&[
        (
            "Some said the levy was unfair.",
            "Some",
            "the levy was unfair",
        ),
        (
            "Each said the levy was unfair.",
            "Each",
            "the levy was unfair",
        ),
        (
            "The vote was close. But some note that the levy was unfair.",
            "some",
            "the levy was unfair",
        ),
    ]);
    // Before a noun they are its determiner: `some claims` is no report.
    for text in [
        "Some claims about the levy were false.",
        "Tom Reed backed some claims about the levy.",
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), "claims");
    }
    assert_no_cue(
        &seen(&format!("{H}After some challenges, the levy was approved.")),
        "challenges",
    );
    for text in [
        "In each report the levy was called unfair.",
        "Tom Reed read each report on the levy.",
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), "report");
    }
}

#[test]
fn a_negated_auxiliary_is_two_words() {
    // `doesn’t say` reads as `does not say`: the auxiliary is no part of the subject,
    // and the negated verb still reports, its negation in the cue.
    for (text, source, cue, content) in [
        (
            "Tom Reed doesn\u{2019}t say whether the levy will pass.",
            "Tom Reed",
            "doesn\u{2019}t say",
            "whether the levy will pass",
        ),
        (
            "The council isn't saying if the levy violated any laws.",
            "The council",
            "isn't saying",
            "if the levy violated any laws",
        ),
        (
            "The company won't say whether it will appeal the ruling.",
            "The company",
            "won't say",
            "whether it will appeal the ruling",
        ),
        (
            "Ann Dole can\u{2019}t confirm that the plant will close.",
            "Ann Dole",
            "can\u{2019}t confirm",
            "the plant will close",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.source.as_deref(), Some(source), "{text}: {s:#?}");
        assert_eq!(s.cue.as_deref(), Some(cue), "{text}: {s:#?}");
        assert_eq!(s.content, [content], "{text}");
    }
    assert_eq!(super::engine::negation_at("Doesn't"), Some(4));
    assert_eq!(super::engine::negation_at("WON\u{2019}T"), Some(2));
    // `Hasn` is no auxiliary; `n't` alone splits nothing.
    assert_eq!(super::engine::negation_at("Hasn't"), Some(3));
    assert_eq!(super::engine::negation_at("Reedn't"), None);
}

#[test]
fn a_negated_act_takes_no_position() {
    // The act of a subject is read as a stance (`Dole backed the levy`); not doing
    // something is not one.
    for text in [
        "Plenty of families don't make enough money to save for college.",
        "Tom Reed did not attend the hearing on the levy.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert!(all.is_empty(), "{text}: {all:#?}");
    }
    assert!(!seen(&format!("{H}Tom Reed backed the levy on the ferry.")).is_empty());
    // A negated reporting verb still reports.
    assert_words(&[
        (
            "Tom Reed did not deny that the levy was unfair.",
            "Tom Reed",
            "the levy was unfair",
        ),
        (
            "Tom Reed did not criticize the levy on ferries.",
            "Tom Reed",
            "the levy on ferries",
        ),
        (
            "Tom Reed isn't saying much about the levy on ferries.",
            "Tom Reed",
            "much about the levy on ferries",
        ),
    ]);
}

#[test]
fn a_condition_opening_the_reported_clause() {
    assert_words(&[
        (
            "Tom Reed said if the levy passes, ferries will stop.",
            "Tom Reed",
            "if the levy passes, ferries will stop",
        ),
        (
            "Ann Dole admitted under oath that the levy was unfair.",
            "Ann Dole",
            "the levy was unfair",
        ),
        (
            "Ann Dole admitted under questioning from Reed she had not read the levy.",
            "Ann Dole",
            "she had not read the levy",
        ),
    ]);
}

#[test]
fn quoted_by_an_outlet_as_saying() {
    for text in [
        "Tom Reed was quoted by the Daily Ledger as saying the ferry would stop running.",
        "The Daily Ledger quoted Tom Reed as saying the ferry would stop running.",
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.source.as_deref(), Some("Tom Reed"), "{text}: {s:#?}");
        assert!(
            s.chain.len() == 1 && s.chain[0].ends_with("Daily Ledger"),
            "{text}: {s:#?}"
        );
        assert_eq!(s.content, ["the ferry would stop running"], "{text}");
    }
    // Without `as saying`, the agent of a passive is the source.
    let s = only(&format!("{H}The remarks were quoted by the Daily Ledger."));
    assert_eq!(s.source.as_deref(), Some("the Daily Ledger"), "{s:#?}");
}

#[test]
fn an_example_of_a_group_is_not_the_speaker() {
    for (text, source) in [
        (
            "Critics, including Ann Dole, said that the levy hurts workers.",
            "Critics",
        ),
        (
            "Several lawmakers, among them Ann Dole, said that the levy hurts workers.",
            "Several lawmakers",
        ),
        (
            "Many critics, such as Ann Dole, said that the levy hurts workers.",
            "Many critics",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.source.as_deref(), Some(source), "{text}: {s:#?}");
    }
    // A role before the name is still an apposition: the name speaks.
    let s = only(&format!(
        "{H}One commuter, nurse Ann Dole, said that the levy hurts workers."
    ));
    assert_eq!(s.source.as_deref(), Some("Ann Dole"), "{s:#?}");
}

#[test]
fn a_statement_with_its_own_channel_keeps_no_earlier_outlet() {
    for later in [
        "Ann Dole tweeted that the port would close in May.",
        "Ann Dole said in a statement that the port would close in May.",
        "In a speech on Friday, Ann Dole said the port would close in May.",
    ] {
        let text = format!(
            "{H}Ann Dole told the Daily Ledger in an interview that the port would close.\n\n{later}"
        );
        let all = seen(&text);
        assert_eq!(all.len(), 2, "{all:#?}");
        assert_eq!(all[0].chain, ["the Daily Ledger"], "{all:#?}");
        assert!(all[1].chain.is_empty(), "{later}: {all:#?}");
    }
    // Without a channel of its own, the same speaker's next words came the same way.
    let all = seen(&format!(
        "{H}Ann Dole told the Daily Ledger in an interview that the port would close.\n\n\
         Ann Dole added that the ferry would stop too.\n\n\
         \"My speech was clear,\" Ann Dole added."
    ));
    assert_eq!(all[1].chain, ["the Daily Ledger"], "{all:#?}");
    // A channel named inside the quoted words is not the way they came.
    assert_eq!(all[2].chain, ["the Daily Ledger"], "{all:#?}");
}

#[test]
fn how_and_where_the_words_were_given() {
    // `on condition of anonymity` closes a trailing reporting clause as `on Friday` does.
    assert_words(&[
        (
            "The port will reopen next year, officials said on condition of anonymity.",
            "officials",
            "The port will reopen next year",
        ),
        (
            "The port will reopen next year, officials said on the condition of anonymity.",
            "officials",
            "The port will reopen next year",
        ),
        // A statement carried by an agency: the participle phrase is no content.
        (
            "The ministry said in a statement carried by the state news agency that the port would close.",
            "The ministry",
            "the port would close",
        ),
    ]);
    // An op-ed for an outlet: the outlet carried the words.
    let s = only(&format!(
        "{H}Tom Reed wrote in an op-ed for the Daily Ledger that the port was safe."
    ));
    assert_eq!(s.content, ["the port was safe"], "{s:#?}");
    assert_eq!(s.chain, ["the Daily Ledger"], "{s:#?}");
    // A phrase of `for` that names no outlet is passed, and is no addressee.
    let s = only(&format!(
        "{H}Ann Dole said in an interview for the first time that the port would close."
    ));
    assert_eq!(s.content, ["the port would close"], "{s:#?}");
    assert_eq!(s.addressee, None, "{s:#?}");
    // A relative clause closing the sentence after `according to X` describes X.
    let s = only(&format!(
        "{H}The port is losing money, according to Ann Dole, who chairs the port committee."
    ));
    assert_eq!(s.content, ["The port is losing money"], "{s:#?}");
    assert_eq!(s.source.as_deref(), Some("Ann Dole"), "{s:#?}");
    // Before the reported words, it is passed when closed, and the words follow it.
    assert_words(&[(
        "According to Ann Dole, who chairs the port committee, the port is losing money.",
        "Ann Dole",
        "the port is losing money",
    )]);
}

#[test]
fn a_verb_before_a_reporting_participle_has_no_words_of_its_own() {
    for (text, cue) in [
        (
            "Tom Reed disagreed, saying the port should be sold.",
            "saying",
        ),
        (
            "Tom Reed objected, arguing that the port should be sold.",
            "arguing",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.cue.as_deref(), Some(cue), "{text}: {s:#?}");
        assert_eq!(s.content, ["the port should be sold"], "{text}: {s:#?}");
    }
    // Words after the comma that open no participle are the verb's own.
    assert_words(&[(
        "Tom Reed warned, in a letter, that the port should be sold.",
        "Tom Reed",
        "the port should be sold",
    )]);
}

#[test]
fn the_it_of_a_passive_cue_with_that_names_no_one() {
    for text in [
        "The company denied the report. It is widely believed that the deal will collapse.",
        "The company denied the report. It was reported on Monday that the mayor had resigned.",
        "The company denied the report. It\u{2019}s said that the port will close.",
    ] {
        let all = seen(&format!("{H}{text}"));
        let s = all
            .iter()
            .find(|s| s.cue.as_deref() != Some("denied"))
            .unwrap_or_else(|| panic!("{text}: {all:#?}"));
        assert_eq!(
            (s.source.as_deref(), s.resolved.as_deref()),
            (None, None),
            "{text}: {all:#?}"
        );
    }
    // The company's own words, its progressive, and a statement called something.
    assert_words(&[
        (
            "The company denied the report. It has said that prices will rise.",
            "It",
            "prices will rise",
        ),
        (
            "The company denied the report. It is saying that prices will rise.",
            "It",
            "prices will rise",
        ),
    ]);
    let all = seen(&format!(
        "{H}The company denied the report. It was labeled \u{201c}a total disgrace.\u{201d}"
    ));
    let s = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("labeled"))
        .expect("a statement");
    assert_eq!(s.source.as_deref(), Some("It"), "{all:#?}");
    let all = seen(&format!(
        "{H}The company denied the report. It said that prices will rise."
    ));
    let s = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("said"))
        .expect("a statement");
    assert_eq!(s.resolved.as_deref(), Some("The company"), "{all:#?}");
}

#[test]
fn words_in_a_relative_clause_end_before_the_main_speakers_verb() {
    assert_words(&[
        (
            "The senator, whose office declined to comment, has called the law unfair.",
            "office",
            "to comment",
        ),
        (
            "The senator, whose office declined to comment, has called the law unfair.",
            "The senator",
            "the law unfair",
        ),
        // A speaker named inside the words goes on with them.
        (
            "Ann Dole said the plan, which critics called a disaster, would fail.",
            "Ann Dole",
            "the plan, which critics called a disaster, would fail",
        ),
    ]);
}

#[test]
fn an_example_of_a_group_without_commas_is_no_speaker() {
    for (text, group) in [
        (
            "Critics including Ann Dole said the plan would fail.",
            "Critics",
        ),
        (
            "Democrats like Ann Dole have argued that the tax is unfair.",
            "Democrats",
        ),
        (
            "Officials such as Tom Reed said the port would close.",
            "Officials",
        ),
        (
            "Groups including the Sierra Club warned that the dam would harm fish.",
            "Groups",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.source.as_deref(), Some(group), "{text}: {s:#?}");
    }
    // One person like another is that other.
    let s = only(&format!(
        "{H}Someone like Tom Reed would say the port is safe."
    ));
    assert_ne!(s.source.as_deref(), Some("Someone"), "{s:#?}");
}

#[test]
fn a_closing_clause_of_agreement_is_not_the_speakers() {
    assert_words(&[
        (
            "Tom Reed said prices rose last year, and Ann Dole agrees.",
            "Tom Reed",
            "prices rose last year",
        ),
        (
            "Tom Reed said prices rose last year, but many economists disagree.",
            "Tom Reed",
            "prices rose last year",
        ),
    ]);
    // No second part of Reed's words either.
    let all = seen(&format!(
        "{H}Tom Reed said prices rose last year, and the mayor agreed with him."
    ));
    let reed: Vec<_> = all
        .iter()
        .filter(|s| s.source.as_deref() == Some("Tom Reed"))
        .collect();
    assert_eq!(reed.len(), 1, "{all:#?}");
    assert_eq!(reed[0].content, ["prices rose last year"], "{all:#?}");
}

#[test]
fn agreeing_clause_needs_a_conjunction_a_short_subject_and_the_verb_last() {
    assert_eq!(
        super::engine::agreeing_clause("prices rose, and Ann Dole agrees."),
        Some(11)
    );
    assert_eq!(
        super::engine::agreeing_clause("prices rose, but she disagreed with him"),
        Some(11)
    );
    assert_eq!(
        super::engine::agreeing_clause("prices rose, and Ann Dole agrees prices rose"),
        None
    );
    assert_eq!(
        super::engine::agreeing_clause("prices rose, so Ann Dole agrees"),
        None
    );
    assert_eq!(
        super::engine::agreeing_clause(
            "prices rose, and the mayor of the big old port city agrees"
        ),
        None
    );
    assert_eq!(
        super::engine::agreeing_clause(", and Ann Dole agrees"),
        None
    );
}

#[test]
fn a_possessed_descriptor_ties_only_to_the_same_owner() {
    let text = format!(
        "{H}Ann Dole's office said the port would close. The mayor's office said it would stay open."
    );
    let all = seen(&text);
    let s = all
        .iter()
        .find(|s| s.source.as_deref() == Some("The mayor's office"))
        .expect("a statement");
    assert_eq!(s.resolved, None, "{all:#?}");
    let text = format!(
        "{H}Mayor Ann Dole's office said the port would close. The mayor's office said it would stay open."
    );
    let all = seen(&text);
    let s = all
        .iter()
        .find(|s| s.source.as_deref() == Some("The mayor's office"))
        .expect("a statement");
    assert_eq!(
        s.resolved.as_deref(),
        Some("Mayor Ann Dole's office"),
        "{all:#?}"
    );
}

#[test]
fn a_description_inside_someones_words_is_not_that_speaker() {
    for text in [
        "Dole said the mayor had warned that the port would close.",
        "Ann Dole spoke on Monday. Dole said the mayor told him the port would close.",
    ] {
        let all = seen(&format!("{H}{text}"));
        let s = all
            .iter()
            .find(|s| s.source.as_deref() == Some("the mayor"))
            .unwrap_or_else(|| panic!("{text}: {all:#?}"));
        assert_eq!(s.resolved, None, "{text}: {all:#?}");
    }
    // A pronoun inside the words may be the speaker.
    let all = seen(&format!(
        "{H}Ann Dole said she had warned that the port would close."
    ));
    let s = all
        .iter()
        .find(|s| s.source.as_deref() == Some("she"))
        .expect("her statement");
    assert_eq!(s.resolved.as_deref(), Some("Ann Dole"), "{all:#?}");
    // Nor anyone the speaker is: `the senator` is Tom Reed, whose words hold `the mayor`.
    let all = seen(&format!(
        "{H}Tom Reed said taxes would rise. The senator said the mayor had warned that the \
         port would close."
    ));
    let s = all
        .iter()
        .find(|s| s.source.as_deref() == Some("the mayor"))
        .expect("a statement");
    assert_eq!(s.resolved, None, "{all:#?}");
}

#[test]
fn a_thing_pronoun_of_a_name_before_who_is_that_name() {
    assert_words(&[(
        "The remarks echoed those of Reed, who said last week that taxes would rise.",
        "Reed",
        "taxes would rise",
    )]);
    assert_words(&[(
        "The plan mirrors those of the union members, who said taxes would rise.",
        "the union members",
        "taxes would rise",
    )]);
    // A head noun of a person stays the speaker.
    assert_words(&[(
        "The head of the Union, who said taxes would rise, resigned.",
        "The head of the Union",
        "taxes would rise",
    )]);
}

#[test]
fn her_before_a_determiner_is_the_addressee_of_told() {
    for (text, addressee, content) in [
        (
            "Reed told her the port would close.",
            "her",
            "the port would close",
        ),
        (
            "Reed told her husband the port would close.",
            "her husband",
            "the port would close",
        ),
        ("Reed told them they would lose.", "them", "they would lose"),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.addressee.as_deref(), Some(addressee), "{text}: {s:#?}");
        assert_eq!(s.content, [content], "{text}: {s:#?}");
    }
}

#[test]
fn a_claim_that_another_verb_takes_whole_is_its_owners_statement() {
    let all = seen(&format!(
        "{H}Dole rejected Reed's claim that the port was losing money."
    ));
    let s = all
        .iter()
        .find(|s| s.cue.as_deref() == Some("claim"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(s.source.as_deref(), Some("Reed"), "{all:#?}");
    assert_eq!(s.content, ["the port was losing money"], "{all:#?}");
    // Inside longer words, and a stance noun's infinitive, stay the holder's.
    let all = seen(&format!(
        "{H}Dole said the audit made Reed's claim that the port was losing money look weak."
    ));
    assert_no_cue(&all, "claim");
    let all = seen(&format!(
        "{H}The board pointed to the city's decision to sell the port as a warning."
    ));
    assert_no_cue(&all, "decision");
}

#[test]
fn a_claim_that_opens_the_sentence_ends_before_the_sentences_verb() {
    assert_words(&[
        (
            "Tom Reed's claim that the port was losing money was false.",
            "Tom Reed",
            "the port was losing money",
        ),
        (
            "Reed's assertion that taxes would fall drew scorn from Dole.",
            "Reed",
            "taxes would fall",
        ),
        (
            "Reed's repeated claim that voters were misled has been debunked.",
            "Reed",
            "voters were misled",
        ),
        // A clause opened inside (`what`) makes the end unsure: the words run on, rather
        // than end inside it (`… what the council`).
        (
            "Reed's claim that the port lost what the council called a fortune was false.",
            "Reed",
            "the port lost what the council called a fortune was false",
        ),
    ]);
    // After a verb, the noun phrase is no subject: its clause runs to the end.
    assert_words(&[(
        "Dole rejected Reed's claim that the port was losing money it needed.",
        "Reed",
        "the port was losing money it needed",
    )]);
}

/// A noun in `-ly` (`family`, `rally`) is no adverb: `The family said` has a subject.
#[test]
fn ly_nouns_are_speakers() {
    assert_words(&[
        (
            "The family said the singer had been ill for months.",
            "The family",
            "the singer had been ill for months",
        ),
        (
            "A source close to the family said the deal was off.",
            "A source close to the family",
            "the deal was off",
        ),
        (
            "Italy said it would close the border.",
            "Italy",
            "it would close the border",
        ),
    ]);
    // An adverb in `-ly` is still read as one.
    assert_words(&[(
        "The council quickly said the vote was void.",
        "The council",
        "the vote was void",
    )]);
}

/// The one told is a noun phrase even when a word of saying is its noun (`a briefing`,
/// `a press briefing`): the reported clause starts after it.
#[test]
fn told_a_briefing() {
    for (text, addressee) in [
        (
            "Ann Dole told a briefing in Paris that the talks had failed.",
            "a briefing",
        ),
        (
            "Ann Dole told a press briefing that the talks had failed.",
            "a press briefing",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.content, ["the talks had failed"], "{text}: {s:#?}");
        assert_eq!(s.addressee.as_deref(), Some(addressee), "{text}");
        assert_eq!(s.source.as_deref(), Some("Ann Dole"), "{text}");
    }
}

/// The one spoken to, named before the cue (`In an interview with the BBC, Reed said`,
/// `Speaking to CNN, …`, `Reed, in a letter to the council, wrote`), is the addressee as
/// after the cue; an outlet among them carries the words on.
#[test]
fn addressee_named_before_the_cue() {
    for (text, addressee, chain) in [
        (
            "In an interview with the BBC, Tom Reed said the port would close.",
            Some("the BBC"),
            vec!["the BBC"],
        ),
        (
            "Speaking to CNN, Tom Reed said the port would close.",
            Some("CNN"),
            vec!["CNN"],
        ),
        (
            "In a statement to Reuters, the company said the port would close.",
            Some("Reuters"),
            vec!["Reuters"],
        ),
        (
            "Speaking to reporters, Tom Reed said the port would close.",
            Some("reporters"),
            vec![],
        ),
        (
            "Tom Reed, in a letter to the council, wrote that the port would close.",
            Some("the council"),
            vec![],
        ),
        (
            "In a rare interview with the BBC about the war, Tom Reed said the port would close.",
            Some("the BBC"),
            vec!["the BBC"],
        ),
        // No one spoken to.
        (
            "Speaking about the BBC, Tom Reed said the port would close.",
            None,
            vec![],
        ),
        (
            "Speaking with emotion, Tom Reed said the port would close.",
            None,
            vec![],
        ),
        (
            "In an interview, Tom Reed said the port would close.",
            None,
            vec![],
        ),
        (
            "In the city of Salem, Tom Reed said the port would close.",
            None,
            vec![],
        ),
        (
            "Speaking on Monday, Tom Reed said the port would close.",
            None,
            vec![],
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.content, ["the port would close"], "{text}: {s:#?}");
        assert_eq!(s.addressee.as_deref(), addressee, "{text}: {s:#?}");
        assert_eq!(s.chain, chain, "{text}: {s:#?}");
    }
}

/// `…, and he urged …`, `… and he urged …`: after `and`, a pronoun with its own verb of
/// saying opens the writer's next report, no second part of the first one's words; the
/// pronoun alone is its speaker.
#[test]
fn and_a_pronoun_that_reports_ends_the_words() {
    for text in [
        "Tom Reed said the plan failed, and he urged the council to resume talks.",
        "Tom Reed said the plan failed and he urged the council to resume talks.",
    ] {
        let all = seen(&format!("{H}{text}"));
        assert_eq!(all.len(), 2, "{text}: {all:#?}");
        assert_eq!(all[0].content, ["the plan failed"], "{text}: {all:#?}");
        assert_eq!(all[1].cue.as_deref(), Some("urged"), "{text}: {all:#?}");
        assert_eq!(all[1].source.as_deref(), Some("he"), "{text}: {all:#?}");
        assert_eq!(all[1].content, ["the council to resume talks"], "{text}");
    }
    // A pronoun with a verb that does not report goes on with the words, a second part.
    let all = seen(&format!(
        "{H}Tom Reed said the plan failed, and he would quit."
    ));
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].cue.as_deref(), Some("said"), "{all:#?}");
    assert_eq!(all[1].content, ["he would quit"], "{all:#?}");
}

/// One quoted word that opens the sentence is a quotation too (`"Absolutely," Reed
/// said`), and the first part of a split one (`"That," he said, "…"`). Not a quoted word
/// inside the sentence: `is describing as "unhinged" a Reed tweet` has no speaker `Reed`.
#[test]
fn one_quoted_word_before_its_cue() {
    for text in [
        "\u{201c}Absolutely,\u{201d} Tom Reed said.",
        "\u{201c}Nonsense,\u{201d} said Tom Reed.",
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.source.as_deref(), Some("Tom Reed"), "{text}: {s:#?}");
        assert_eq!(s.content.len(), 1, "{text}: {s:#?}");
        assert!(
            ["Absolutely", "Nonsense"].contains(&s.content[0].as_str()),
            "{text}: {s:#?}"
        );
    }
    let s = only(&format!(
        "{H}\u{201c}That,\u{201d} Tom Reed said, \u{201c}would ruin the port.\u{201d}"
    ));
    assert_eq!(s.content, ["That", "would ruin the port"], "{s:#?}");
    let all = seen(&format!(
        "{H}Ann Dole is describing as \u{201c}unhinged\u{201d} a Tom Reed tweet attacking the mayor."
    ));
    assert!(all.iter().all(|s| s.content != ["unhinged"]), "{all:#?}");
}

/// A quotation after a colon, with no cue for it: the sentence's subject said it, cut
/// before its verb (`put` is a verb after a name and before its object) and named in
/// an apposition when the subject is a description.
#[test]
fn subject_before_a_colon_and_its_quotation() {
    for (text, source) in [
        (
            "Lisa Chen put it bluntly: \u{201c}Dole has no plan.\u{201d}",
            "Lisa Chen",
        ),
        (
            "Reed\u{2019}s campaign manager, Lisa Chen, put it more bluntly: \u{201c}Dole has no plan.\u{201d}",
            "Lisa Chen",
        ),
        (
            "Reed, a spokesman for the mayor, was blunt: \u{201c}Dole has no plan.\u{201d}",
            "Reed",
        ),
        (
            // `set` after a name with no object after it is a noun.
            "Reed\u{2019}s Salem set was sharp: \u{201c}Dole has no plan.\u{201d}",
            "Reed\u{2019}s Salem set",
        ),
        (
            // `cut` after a lowercase word is a noun, object or not.
            "The tax cut the mayor backed was sharp: \u{201c}Dole has no plan.\u{201d}",
            "The tax cut",
        ),
    ] {
        let s = only(&format!("{H}{text}"));
        assert_eq!(s.source.as_deref(), Some(source), "{text}: {s:#?}");
        assert_eq!(s.content, ["Dole has no plan"], "{text}: {s:#?}");
    }
    // Names in a list, not a description and its name.
    for text in [
        "Tom Reed, Lisa Chen, and Ann Dole were blunt: \u{201c}Dole has no plan.\u{201d}",
        "The mayor, Chen and Dole were all blunt: \u{201c}Dole has no plan.\u{201d}",
    ] {
        let s = only(&format!("{H}{text}"));
        assert!(
            !matches!(s.source.as_deref(), Some("Lisa Chen" | "Chen and Dole")),
            "{text}: {s:#?}"
        );
    }
}

/// A split quotation whose second part is left open at the paragraph's end goes on into
/// the next paragraph that opens with a quotation mark, as an open first part does.
#[test]
fn second_part_of_a_quotation_goes_on_into_the_next_paragraph() {
    let all = seen(&format!(
        "{H}\u{201c}This tax is wrong,\u{201d} Ann Dole said. \u{201c}We will stop it.\n\n\u{201c}We have the votes.\u{201d}\n\nThe vote is on Monday.\n"
    ));
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(
        all[0].content,
        ["This tax is wrong", "We will stop it", "We have the votes"],
        "{all:#?}"
    );
    // A closed second part does not go on.
    let all = seen(&format!(
        "{H}\u{201c}This tax is wrong,\u{201d} Ann Dole said. \u{201c}We will stop it.\u{201d}\n\n\u{201c}We have the votes.\u{201d}\n\nThe vote is on Monday.\n"
    ));
    assert_eq!(
        all[0].content,
        ["This tax is wrong", "We will stop it"],
        "{all:#?}"
    );
}

/// `posted on Facebook that …`: a post on a social platform reports, followed by `that`,
/// a colon or a quotation; `posted` alone does not, nor a passive.
#[test]
fn posted_on_a_platform() {
    assert_words(&[
        (
            "Ann Dole posted on Facebook that she would run.",
            "Ann Dole",
            "she would run",
        ),
        (
            "Ann Dole posted on her Instagram account that she would run.",
            "Ann Dole",
            "she would run",
        ),
        (
            "Ann Dole posts on Twitter: \u{201c}Read my lips.\u{201d}",
            "Ann Dole",
            "Read my lips",
        ),
    ]);
    for text in [
        "Ann Dole posted on Facebook a photo of her dog.",
        "The video was posted on YouTube that night.",
        "Ann Dole posted on facebook that she would run.",
    ] {
        assert_no_cue(&seen(&format!("{H}{text}")), "posted");
    }
}
