//! One test per check code that triggers it and one that must not.

use super::*;
use crate::diagnostic::Code;

#[test]
fn kept_results_give_back_their_findings_anchors_and_actors() {
    let none = Kept::new(
        Vec::new(),
        vec![Anchor::new(Span::new(3, 9), true, 0)],
        vec![2],
    );
    assert!(none.findings.is_none(), "no allocation without findings");
    assert!(none.diagnostics().is_empty());
    assert_eq!(none.anchors.len(), 1);
    assert_eq!(&none.actors[..], &[2]);
    // Non-ASCII text in a finding, spans relative to the claim.
    let found = vec![
        Diagnostic::new(Code::SourceNotInArticle, Span::new(7, 19), "`Zoë Ångström`"),
        Diagnostic::new(Code::UnknownClaimRef, Span::new(30, 41), "`ünï-1`"),
    ];
    let some = Kept::new(found.clone(), Vec::new(), Vec::new());
    assert_eq!(some.diagnostics(), &found[..]);
    assert!(some.anchors.is_empty() && some.actors.is_empty());
    assert!(Kept::default().diagnostics().is_empty());
}

/// `claims` checked against `text` with attributions given by hand, so that a test reads
/// the check, not the analysis.
fn check_against(
    text: &str,
    atts: Vec<crate::article::attribution::Attribution>,
    claims: &str,
) -> Vec<Diagnostic> {
    let article = Arc::new(Article::new(text).with_attributions(atts));
    check(
        &Parsed::new(claims),
        ArticleRef::Loaded(&article),
        &Config::default(),
        &mut ClaimCache::new(),
    )
}

/// `claims` checked against `article` with the default configuration: for tests outside
/// this module that check what they drafted.
pub(crate) fn check_defaults(claims: &str, article: &Arc<Article>) -> Vec<Diagnostic> {
    check(
        &Parsed::new(claims),
        ArticleRef::Loaded(article),
        &Config::default(),
        &mut ClaimCache::new(),
    )
}

const ARTICLE: &str = include_str!("../../examples/000_a935861ad7be96ce.txt");

/// The findings on `claims` against the seed article, without C050: these small files
/// leave most of its statements unannotated (C050 has tests of its own).
fn run_with(claims: &str, config: &Config) -> Vec<Diagnostic> {
    let parsed = Parsed::new(claims);
    let article = Arc::new(Article::new(ARTICLE));
    let mut diags = check(
        &parsed,
        ArticleRef::Loaded(&article),
        config,
        &mut ClaimCache::new(),
    );
    diags.retain(|d| d.code != Code::UnannotatedAttribution);
    diags
}

fn run(claims: &str) -> Vec<Diagnostic> {
    run_with(claims, &Config::default())
}

#[test]
fn bundled_example_is_clean() {
    let claims = include_str!("../../examples/000_a935861ad7be96ce.claims");
    let diags = run(claims);
    let serious: Vec<_> = diags
        .iter()
        .filter(|d| d.severity.reaches(crate::diagnostic::Severity::Warning))
        .collect();
    assert!(
        serious.is_empty(),
        "{:#?}",
        serious
            .iter()
            .map(|d| (d.code, d.span.slice(claims), &d.message))
            .collect::<Vec<_>>()
    );
}

const BASE: &str = "article: x.txt
date: 2020-10-02
publisher: UrduPoint News, Sputnik

actor Russian Foreign Ministry
  aka: Moscow
  kind: government

claim moscow-concern
  source: Russian Foreign Ministry
  cue: said in a statement
  quote: Moscow was concerned over reports about the transfer of militants of illegal
    armed groups to the Nagorno-Karabakh conflict zone
  stance: concerns
";

fn codes(diags: &[Diagnostic]) -> Vec<&'static str> {
    diags.iter().map(|d| d.code.as_str()).collect()
}

/// Runs BASE with `from` replaced by `to` and returns the codes found.
fn codes_with(from: &str, to: &str) -> Vec<&'static str> {
    assert!(BASE.contains(from), "{from:?} not in BASE");
    codes(&run(&BASE.replacen(from, to, 1)))
}

fn find(diags: &[Diagnostic], code: Code) -> &Diagnostic {
    diags
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} in {diags:#?}"))
}

#[test]
fn base_is_clean() {
    assert_eq!(run(BASE), vec![]);
}

#[test]
fn c001_syntax() {
    assert_eq!(
        codes_with("  stance: concerns", "  stance concerns"),
        ["C001"]
    );
    assert_eq!(
        codes_with("claim moscow-concern", "claim Moscow_Concern"),
        ["C001"]
    );
    assert!(!codes_with("  stance: concerns", "  stance:concerns").contains(&"C001"));
}

#[test]
fn c002_unknown_field() {
    let diags = run(&BASE.replace("  stance:", "  stanse:"));
    assert_eq!(codes(&diags), ["C002"]);
    assert_eq!(
        &*diags[0].fix.as_ref().unwrap().edits[0].replacement,
        "stance"
    );
    assert!(!codes_with("  stance:", "  note: fine\n  stance:").contains(&"C002"));
}

#[test]
fn c003_missing_field() {
    assert_eq!(
        codes_with("  source: Russian Foreign Ministry\n", ""),
        ["C043", "C003"]
    );
    assert_eq!(
        codes_with(
            "actor Russian Foreign Ministry\n  aka: Moscow\n  kind: government\n",
            "actor\n"
        ),
        ["C003"]
    );
    assert!(!codes(&run(BASE)).contains(&"C003"));
}

#[test]
fn c004_duplicate_field() {
    assert_eq!(
        codes_with(
            "  stance: concerns",
            "  stance: concerns\n  stance: asserts"
        ),
        ["C004"]
    );
    assert!(
        codes_with(
            "  stance: concerns",
            "  stance: concerns\n  quote: Moscow was concerned"
        )
        .is_empty(),
        "quote may repeat"
    );
}

#[test]
fn c010_quote_not_found() {
    let diags = run(&BASE.replace("Moscow was concerned over reports about the transfer of militants of illegal\n    armed groups to the Nagorno-Karabakh conflict zone", "Aliens landed in Yerevan on a sunny Tuesday morning"));
    assert!(codes(&diags).contains(&"C010"), "{diags:#?}");
    assert!(!codes(&run(BASE)).contains(&"C010"));
}

#[test]
fn c011_quote_near_miss_with_fix() {
    let text = BASE.replace("was concerned over", "was concernd over");
    let diags = run(&text);
    assert_eq!(codes(&diags), ["C011"]);
    let d = &diags[0];
    assert!(
        d.message.contains("`concernd` should be `concerned`"),
        "{}",
        d.message
    );
    assert_eq!(d.related[0].target, crate::diagnostic::Target::Article);
    assert!(d.related[0]
        .span
        .slice(ARTICLE)
        .starts_with("Moscow was concerned over"));
    // Applying the fix gives a clean file.
    let edit = &d.fix.as_ref().unwrap().edits[0];
    let mut fixed = text.clone();
    fixed.replace_range(edit.span.start..edit.span.end, &edit.replacement);
    assert_eq!(run(&fixed), vec![]);
}

#[test]
fn c011_fix_on_a_wrapped_quote_keeps_its_lines_and_every_claim() {
    let text = BASE.replace(
        "of illegal\n    armed groups",
        "of ilegal\n    armed groups",
    );
    let diags = run(&text);
    let edit = &find(&diags, Code::QuoteNearMiss)
        .fix
        .as_ref()
        .unwrap()
        .edits[0];
    let mut fixed = text.clone();
    fixed.replace_range(edit.span.start..edit.span.end, &edit.replacement);
    assert_eq!(fixed, BASE, "the fix restores the wrapped quote exactly");
}

#[test]
fn c012_quote_normalized() {
    let diags = run(&BASE.replace("Moscow was concerned", "moscow  was concerned"));
    assert_eq!(codes(&diags), ["C012"]);
    assert!(
        diags[0].message.contains("letter case"),
        "{}",
        diags[0].message
    );
    let quoted =
        "claim q\n  source: second source\n  quote: are now being registered and collected.\n";
    assert!(!codes(&run(&format!("{BASE}\n{quoted}"))).contains(&"C012"));
}

#[test]
fn c013_quote_ambiguous() {
    let claim = |q: &str| format!("{BASE}\nclaim amb\n  source: unnamed\n  quote: {q}\n");
    assert!(codes(&run(&claim("in Nagorno-Karabakh"))).contains(&"C013"));
    assert!(!codes(&run(&claim("current conflict in Nagorno-Karabakh"))).contains(&"C013"));
}

#[test]
fn c020_source_not_in_article() {
    let diags = run(&BASE.replace("  source: Russian Foreign Ministry", "  source: Pentagon"));
    assert!(codes(&diags).contains(&"C020"), "{diags:#?}");
    let typo = run(&BASE.replace(
        "  source: Russian Foreign Ministry",
        "  source: Leyla Abdulayeva",
    ));
    let d = find(&typo, Code::SourceNotInArticle);
    assert!(
        d.message.contains("did you mean `Leyla Abdullayeva`"),
        "{}",
        d.message
    );
    assert!(
        !codes_with("  source: Russian Foreign Ministry", "  source: Moscow").contains(&"C020")
    );
}

#[test]
fn c021_source_not_near_quote() {
    // The reporter's own words: no attribution, so proximity decides.
    let narration = BASE
        .replace("  source: Russian Foreign Ministry", "  source: Vladimir Putin")
        .replace("  cue: said in a statement\n", "")
        .replace(
            "Moscow was concerned over reports about the transfer of militants of illegal\n    armed groups to the Nagorno-Karabakh conflict zone",
            "there has been no further confirmation",
        );
    let diags = run(&narration);
    let d = find(&diags, Code::SourceNotNearQuote);
    assert!(d.related[0].span.slice(ARTICLE).contains("Putin"));
    // Where the article credits someone else, that is C024, not C021.
    let credited = run(&BASE.replace(
        "  source: Russian Foreign Ministry",
        "  source: Emmanuel Macron",
    ));
    assert_eq!(codes(&credited), ["C043", "C024"], "{credited:#?}");
    let wide = Config {
        proximity_paragraphs: 0,
        ..Config::default()
    };
    assert!(!codes(&run_with(BASE, &wide)).contains(&"C021"));
}

#[test]
fn c022_cue_not_near_quote() {
    let diags = run(&BASE.replace("said in a statement", "denied"));
    let d = find(&diags, Code::CueNotNearQuote);
    assert!(
        d.message.contains("`denied`") && d.message.contains("`said`"),
        "{}",
        d.message
    );
    assert!(
        !codes_with("said in a statement", "says").contains(&"C022"),
        "inflections count"
    );
}

#[test]
fn c023_via_not_in_article() {
    assert_eq!(codes_with("  cue:", "  via: Reuters\n  cue:"), ["C023"]);
    assert!(codes_with("  cue:", "  via: CNN, Sputnik\n  cue:").is_empty());
}

#[test]
fn c030_date_mismatch() {
    let diags = run(&BASE.replace("2020-10-02", "2020-10-03"));
    assert_eq!(codes(&diags), ["C030"]);
    assert_eq!(
        &*diags[0].fix.as_ref().unwrap().edits[0].replacement,
        "2020-10-02"
    );
    assert!(codes(&run(BASE)).is_empty());
}

#[test]
fn c031_article_unreadable() {
    let parsed = Parsed::new(BASE);
    let err = ArticleError::Missing(PathBuf::from("x.txt"));
    let diags = check_without_article(&parsed, &err, &Config::default());
    let d = find(&diags, Code::ArticleUnreadable);
    assert_eq!(d.span.slice(BASE), "x.txt", "on the article: value");
    let no_header = Parsed::new("claim a\n  source: X\n  quote: y\n");
    let diags = check_without_article(&no_header, &err, &Config::default());
    assert_eq!(
        find(&diags, Code::ArticleUnreadable)
            .span
            .slice(&no_header.text),
        "claim a",
        "on line 1"
    );
}

#[test]
fn c040_duplicate_claim_id() {
    let second =
        "\nclaim moscow-concern\n  source: Moscow\n  quote: Moscow was concerned over reports\n";
    let diags = run(&format!("{BASE}{second}"));
    assert!(codes(&diags).contains(&"C040"));
    assert!(!codes(&run(&format!(
        "{BASE}{}",
        second.replace("claim moscow-concern", "claim other")
    )))
    .contains(&"C040"));
}

#[test]
fn c041_unknown_claim_ref() {
    let diags = run(&BASE.replace(
        "  stance: concerns",
        "  stance: concerns\n  disputes: moscow-concen",
    ));
    let d = find(&diags, Code::UnknownClaimRef);
    assert!(d.message.contains("unknown") || d.message.contains("names no claim"));
    let ok = format!("{BASE}\nclaim b\n  source: unnamed\n  quote: These accusations were denied by Baku\n  disputes: moscow-concern\n");
    assert!(!codes(&run(&ok)).contains(&"C041"));
}

#[test]
fn c041_suggestions_follow_the_ids_when_the_cache_is_warm() {
    let article = Arc::new(Article::new(ARTICLE));
    let config = Config::default();
    let mut cache = ClaimCache::new();
    let with_id = |id: &str| {
        format!("claim {id}\n  source: unnamed\n  quote: x\nclaim b\n  source: unnamed\n  quote: y\n  disputes: moscow-concen\n")
    };
    let mut suggestion = |text: &str| {
        let parsed = Parsed::new(text);
        let diags = check(&parsed, ArticleRef::Loaded(&article), &config, &mut cache);
        find(&diags, Code::UnknownClaimRef)
            .fix
            .as_ref()
            .map(|f| f.edits[0].replacement.clone())
    };
    assert_eq!(
        suggestion(&with_id("moscow-concern")).as_deref(),
        Some("moscow-concern")
    );
    assert_eq!(
        suggestion(&with_id("moscow-concert")).as_deref(),
        Some("moscow-concert")
    );
    assert_eq!(suggestion(&with_id("kremlin")), None);
}

#[test]
fn c041_self_reference() {
    let diags = run(&BASE.replace(
        "  stance: concerns",
        "  stance: concerns\n  disputes: moscow-concern",
    ));
    assert!(find(&diags, Code::UnknownClaimRef)
        .message
        .contains("the claim itself"));
}

#[test]
fn quotes_stay_inside_one_paragraph_and_out_of_the_date_prefix() {
    let article = "date 2020-10-02 Big news from Paris\n\nFirst paragraph ends with alpha beta gamma.\n\nDelta epsilon zeta starts the second. It was\nwrapped over two lines here.\n";
    let claim = |q: &str| format!("claim a\n  source: unnamed\n  quote: {q}\n");
    assert_eq!(
        codes(&run_on(
            article,
            &claim("alpha beta gamma. Delta epsilon zeta")
        )),
        ["C010"]
    );
    assert_eq!(
        codes(&run_on(
            article,
            &claim("alpha beta gamm. Delta epsilon zeta starts")
        )),
        ["C010"]
    );
    assert_eq!(
        codes(&run_on(article, &claim("date 2020-10-02 Big"))),
        ["C010"]
    );
    assert!(
        run_on(article, &claim("Big news from Paris")).is_empty(),
        "the headline itself is text"
    );
    // A hard-wrapped paragraph: the line break is just a space.
    assert!(run_on(article, &claim("It was wrapped over two lines")).is_empty());
    assert_eq!(
        codes(&run_on(
            article,
            "claim a\n  source: date\n  quote: Big news\n"
        )),
        ["C020"]
    );
}

#[test]
fn c044_points_at_the_duplicated_quote() {
    let copy = "\nclaim copy\n  source: Moscow\n  cue: said\n  quote: Moscow was concerned over reports\n  quote: the transfer of militants of illegal armed groups to the Nagorno-Karabakh conflict zone\n";
    let other = "\nclaim first\n  source: Moscow\n  quote: the transfer of militants of illegal armed groups to the Nagorno-Karabakh conflict zone\n";
    let text = format!("{BASE}{other}{copy}");
    let d = find(&run(&text), Code::DuplicateQuote).clone();
    assert!(
        d.span.slice(&text).starts_with("the transfer"),
        "on the second quote: {:?}",
        d.span.slice(&text)
    );
}

#[test]
fn c042_unknown_stance() {
    let diags = run(&BASE.replace("stance: concerns", "stance: concerned"));
    let d = find(&diags, Code::UnknownStance);
    assert_eq!(&*d.fix.as_ref().unwrap().edits[0].replacement, "concerns");
    let custom = Config {
        stances: vec!["concerned".into()],
        ..Config::default()
    };
    assert!(!codes(&run_with(
        &BASE.replace("stance: concerns", "stance: concerned"),
        &custom
    ))
    .contains(&"C042"));
}

#[test]
fn c043_unused_actor() {
    let diags = run(&BASE.replace("  source: Russian Foreign Ministry", "  source: unnamed"));
    let d = find(&diags, Code::UnusedActor);
    assert!(d.is_unnecessary());
    assert!(!codes(&run(BASE)).contains(&"C043"));
}

#[test]
fn c043_follows_aliases_vias_edits_and_a_missing_article() {
    let text = "actor Russian Foreign Ministry\n  aka: Moscow\nactor CNN\nactor Idle\nclaim a\n  source: moscow\n  via: Sputnik,  cnn \n  quote: x\n";
    let unused = |diags: &[Diagnostic], text: &str| -> Vec<String> {
        diags
            .iter()
            .filter(|d| d.code == Code::UnusedActor)
            .map(|d| d.span.slice(text).to_string())
            .collect()
    };
    let article = Arc::new(Article::new(ARTICLE));
    let config = Config::default();
    let mut cache = ClaimCache::new();
    let mut live = Parsed::new(text);
    let diags = check(&live, ArticleRef::Loaded(&article), &config, &mut cache);
    assert_eq!(unused(&diags, &live.text), ["Idle"]);
    let failed = check_without_article(&live, &ArticleError::Missing("a.txt".into()), &config);
    assert_eq!(
        unused(&failed, &live.text),
        ["Idle"],
        "without the article too"
    );
    // Editing the claim away from CNN, with the warm cache, makes CNN unused.
    let at = live.text.find("  cnn").unwrap();
    assert!(live.edit(Span::new(at, at + 5), " idle"));
    let diags = check(&live, ArticleRef::Loaded(&article), &config, &mut cache);
    assert_eq!(unused(&diags, &live.text), ["CNN"]);
}

#[test]
fn c044_duplicate_quote() {
    let copy = "\nclaim copy\n  source: Moscow\n  cue: said\n  quote: Moscow was concerned over reports about the transfer of militants of illegal armed groups to the Nagorno-Karabakh conflict zone\n";
    assert!(codes(&run(&format!("{BASE}{copy}"))).contains(&"C044"));
    let other = copy.replace(
        "Moscow was concerned over reports about the transfer of militants of",
        "militants of",
    );
    assert!(!codes(&run(&format!("{BASE}{other}"))).contains(&"C044"));
}

#[test]
fn c045_unknown_actor_kind() {
    assert_eq!(codes_with("kind: government", "kind: goverment"), ["C045"]);
}

#[test]
fn suppression_comment_and_config() {
    let text = BASE.replace(
        "  cue: said in a statement",
        "  # claimls: ignore C022\n  cue: denied",
    );
    assert!(run(&text).is_empty());
    let block = BASE
        .replace(
            "claim moscow-concern",
            "# claimls: ignore cue-not-near-quote, C042\nclaim moscow-concern",
        )
        .replace("said in a statement", "denied");
    assert!(run(&block).is_empty());
    let bad = BASE.replace(
        "claim moscow-concern",
        "# claimls: ignore C999\nclaim moscow-concern",
    );
    assert_eq!(codes(&run(&bad)), ["C001"]);
    let config = Config::default().with_rules([("C022", "off")]).unwrap();
    assert!(run_with(&BASE.replace("said in a statement", "denied"), &config).is_empty());
    let config = Config::default()
        .with_rules([("cue-not-near-quote", "error")])
        .unwrap();
    let diags = run_with(&BASE.replace("said in a statement", "denied"), &config);
    assert_eq!(diags[0].severity, crate::diagnostic::Severity::Error);
}

#[test]
fn cache_reuses_unchanged_claims_and_rebases_spans() {
    let claims = include_str!("../../examples/000_a935861ad7be96ce.claims");
    let article = Arc::new(Article::new(ARTICLE));
    let config = Config::default();
    let mut cache = ClaimCache::new();
    let broken = claims.replacen("quote: ", "quote: xx ", 3);
    let first = check(
        &Parsed::new(broken.as_str()),
        ArticleRef::Loaded(&article),
        &config,
        &mut cache,
    );
    let n = Parsed::new(broken.as_str()).model.claims.len();
    assert_eq!((cache.last_hits, cache.last_misses), (0, n));
    // Lines added above every claim: all hits, and spans must equal a fresh check's.
    let shifted = broken.replacen(
        "date: 2020-10-02",
        "date: 2020-10-02\n# a new comment line",
        1,
    );
    let parsed = Parsed::new(shifted.as_str());
    let cached = check(&parsed, ArticleRef::Loaded(&article), &config, &mut cache);
    assert_eq!((cache.last_hits, cache.last_misses), (n, 0));
    let fresh = check(
        &parsed,
        ArticleRef::Loaded(&article),
        &config,
        &mut ClaimCache::new(),
    );
    assert_eq!(cached, fresh);
    assert_eq!(cached.len(), first.len());
    // One claim edited: one miss.
    let edited = shifted.replacen("stance: asserts", "stance: denies", 1);
    check(
        &Parsed::new(edited.as_str()),
        ArticleRef::Loaded(&article),
        &config,
        &mut cache,
    );
    assert_eq!(cache.last_misses, 1);
    // A new article version invalidates everything.
    let article2 = Arc::new(Article::new(ARTICLE));
    check(
        &Parsed::new(edited.as_str()),
        ArticleRef::Loaded(&article2),
        &config,
        &mut cache,
    );
    assert_eq!(cache.last_hits, 0);
}

/// A tiny deterministic generator, so the robustness tests need no extra crate.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

const SPICE: &[&str] = &[
    "\n",
    "\r\n",
    "\r",
    "  ",
    "\t",
    "#",
    ":",
    " ... ",
    "…",
    "claim ",
    "actor ",
    "quote: ",
    "source: ",
    "é",
    "Ж",
    "Երևան",
    "بغداد",
    "😀",
    "\u{2028}",
    "\u{feff}",
    ",",
    "\"",
    "\u{201c}",
    "-",
];

fn mutate(rng: &mut Lcg, text: &str) -> String {
    let mut s = text.to_string();
    for _ in 0..1 + rng.next() % 6 {
        let mut at = rng.next() % (s.len() + 1);
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        match rng.next() % 3 {
            0 => s.insert_str(at, SPICE[rng.next() % SPICE.len()]),
            1 => {
                let mut end = (at + rng.next() % 40).min(s.len());
                while !s.is_char_boundary(end) {
                    end -= 1;
                }
                s.replace_range(at..end, "");
            }
            _ => {
                let mut end = (at + rng.next() % 8).min(s.len());
                while !s.is_char_boundary(end) {
                    end -= 1;
                }
                s.replace_range(at..end, SPICE[rng.next() % SPICE.len()]);
            }
        }
    }
    s
}

#[test]
fn random_edits_never_panic_and_spans_stay_in_bounds() {
    let claims = include_str!("../../examples/000_a935861ad7be96ce.claims");
    let mut rng = Lcg(7);
    let article = Arc::new(Article::new(ARTICLE));
    let config = Config::default();
    let mut cache = ClaimCache::new();
    for round in 0..400 {
        let text = mutate(&mut rng, claims);
        let parsed = Parsed::new(text.as_str());
        let tiled: usize = parsed.tree.lines.iter().map(|l| l.full().len()).sum();
        assert_eq!(
            tiled,
            text.len(),
            "round {round}: the tree must hold every byte"
        );
        for d in check(&parsed, ArticleRef::Loaded(&article), &config, &mut cache) {
            assert!(
                d.span.end <= text.len()
                    && text.is_char_boundary(d.span.start)
                    && text.is_char_boundary(d.span.end),
                "round {round}: {d:?}"
            );
            for r in &d.related {
                let target = if r.target == crate::diagnostic::Target::Article {
                    ARTICLE
                } else {
                    &text
                };
                assert!(
                    r.span.end <= target.len() && target.is_char_boundary(r.span.start),
                    "round {round}: {r:?}"
                );
            }
        }
    }
}

/// One random edit: a byte range on char boundaries and what replaces it.
fn random_edit(rng: &mut Lcg, s: &str) -> (Span, String) {
    let mut at = rng.next() % (s.len() + 1);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    let mut end = (at + rng.next() % 30 * (rng.next() % 2)).min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let inserted: String = (0..rng.next() % 3)
        .map(|_| SPICE[rng.next() % SPICE.len()])
        .collect();
    (Span::new(at, end.max(at)), inserted)
}

#[test]
fn incremental_edits_equal_a_fresh_parse_and_check() {
    let claims = include_str!("../../examples/000_a935861ad7be96ce.claims");
    let mut rng = Lcg(23);
    let article = Arc::new(Article::new(ARTICLE));
    let config = Config::default();
    let mut live = Parsed::new(claims);
    let mut cache = ClaimCache::new();
    let mut incremental = 0;
    for round in 0..600 {
        let (range, inserted) = random_edit(&mut rng, &live.text);
        let before = live.text.clone();
        let mut expected_text = before.clone();
        expected_text.replace_range(range.start..range.end, &inserted);
        if live.edit(range, &inserted) {
            incremental += 1;
        } else {
            assert_eq!(live.text, before, "a refused edit changes nothing");
            live = Parsed::new(expected_text.as_str());
        }
        let fresh = Parsed::new(expected_text.as_str());
        assert_eq!(live.text, fresh.text, "round {round}");
        assert_eq!(
            live.tree, fresh.tree,
            "round {round}: tree after {range:?} {inserted:?}"
        );
        assert_eq!(live.model, fresh.model, "round {round}: model");
        assert_eq!(
            live.content_keys, fresh.content_keys,
            "round {round}: claim keys"
        );
        assert_eq!(live.structural, fresh.structural, "round {round}: findings");
        let warm = check(&live, ArticleRef::Loaded(&article), &config, &mut cache);
        let cold = check(
            &fresh,
            ArticleRef::Loaded(&article),
            &config,
            &mut ClaimCache::new(),
        );
        assert_eq!(warm, cold, "round {round}: checks");
        // Drift back towards the example now and then, so the file keeps its blocks.
        if round % 50 == 49 {
            live = Parsed::new(claims);
        }
    }
    assert_eq!(incremental, 600, "every edit is incremental");
}

/// A generated annotation that exercises every file-wide path an edit re-runs: the
/// example's claims copied `copies` times with new ids, some ids repeated (C040),
/// relations to ids one letter off (C041 with a suggestion), to the claim itself and to
/// real claims, copies quoting the same article text (C044), an unannotated statement
/// (C050), suppressions.
fn generated_claims(copies: usize) -> String {
    let example = include_str!("../../examples/000_a935861ad7be96ce.claims");
    let first = example.find("\nclaim ").expect("the example has claims") + 1;
    let (head, body) = example.split_at(first);
    let blocks: Vec<&str> = body
        .split("\nclaim ")
        .map(|b| b.trim_start_matches("claim "))
        .collect();
    // An actor only one claim names: edits of that claim's source make it unused (C043)
    // and used again.
    let mut out = format!("{head}actor Lone Speaker\n\n");
    let mut n: usize = 0;
    let mut prev = String::new();
    for copy in 0..copies {
        // The second claim is never copied: its statement is left unannotated (C050).
        for block in blocks
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != 1)
            .map(|(_, b)| b)
        {
            let (id, rest) = block.split_once('\n').unwrap_or((block, ""));
            let id = id.trim();
            // Every seventh claim repeats the id of the one before it.
            let new_id = if n % 7 == 6 {
                prev.clone()
            } else {
                format!("{id}-{copy}-{n}")
            };
            if n % 11 == 5 {
                out.push_str("# claimls: ignore C044\n");
            }
            let mut rest = rest.trim_end().to_string();
            if n == 3 {
                let at = rest.find("  source: ").expect("the claim has a source") + 10;
                let end = rest[at..].find('\n').map_or(rest.len(), |k| at + k);
                rest.replace_range(at..end, "Lone Speaker");
            }
            out.push_str(&format!("claim {new_id}\n{rest}"));
            match n % 5 {
                0 => out.push_str(&format!(
                    "\n  disputes: {id}-{copy}-{}x",
                    n.saturating_sub(2)
                )),
                1 => out.push_str(&format!("\n  supports: {new_id}")),
                2 => out.push_str(&format!(
                    "\n  responds-to: {id}-{copy}-{}",
                    n.saturating_sub(1)
                )),
                _ => {}
            }
            out.push_str("\n\n");
            prev = new_id;
            n += 1;
        }
    }
    out
}

/// One edit of the kinds a user makes most (an id renamed, a relation retargeted, a
/// stance changed, a source changed, a claim added or removed) or a random one: the
/// byte range and text.
fn claim_edit(rng: &mut Lcg, parsed: &Parsed) -> (Span, String) {
    let claims = &parsed.model.claims;
    let c = &claims[rng.next() % claims.len()];
    match rng.next() % 7 {
        5 => {
            // Another declared actor (the one named before may become unused, C043),
            // an undeclared name, or no source at all.
            let actors = &parsed.model.actors;
            let lone = claims
                .iter()
                .find(|c| c.source_name() == Some("Lone Speaker"))
                .filter(|_| rng.next() % 2 == 0);
            let c = lone.unwrap_or(c);
            let name = match rng.next() % 3 {
                0 => actors[rng.next() % actors.len()].name.clone(),
                1 => "Nobody Declared".to_string(),
                _ => String::new(),
            };
            match &c.source {
                Some(f) if !name.is_empty() => (f.value.span(), name),
                Some(f) => (f.span(), "note: no source".into()),
                None => (Span::empty(c.span().end), format!("\n  source: {name}")),
            }
        }
        0 => (
            Span::empty(c.id_span().end),
            ["x", "-1", ""][rng.next() % 3].into(),
        ),
        1 => match c.relations.first() {
            Some(r) => {
                let other = &claims[rng.next() % claims.len()].id;
                let text = if rng.next() % 2 == 0 {
                    other.to_string()
                } else {
                    format!("{other}z")
                };
                (r.target.span, text)
            }
            None => (Span::empty(c.span().end), "\n  disputes: nowhere".into()),
        },
        2 => match &c.stance {
            Some(f) => (
                f.value.span(),
                ["asserts", "denies", "claims", "asertss"][rng.next() % 4].into(),
            ),
            None => (Span::empty(c.span().end), "\n  stance: denies".into()),
        },
        3 => {
            let at = claims[rng.next() % claims.len()].span().start;
            let id = &claims[rng.next() % claims.len()].id;
            (
                Span::empty(at),
                format!("claim {id}\n  source: CNN\n  quote: fighting\n\n"),
            )
        }
        4 => {
            // The whole block, up to the next one.
            let next = claims
                .iter()
                .map(|o| o.span().start)
                .find(|&s| s > c.span().start)
                .unwrap_or(parsed.text.len());
            (Span::new(c.span().start, next), String::new())
        }
        _ => random_edit(rng, &parsed.text),
    }
}

#[test]
fn incremental_checks_of_a_generated_file_equal_fresh_full_checks() {
    let text = generated_claims(6);
    let article = Arc::new(Article::new(ARTICLE));
    let config = Config::default();
    let mut live = Parsed::new(text.as_str());
    assert!(live.model.claims.len() > 100);
    let mut cache = ClaimCache::new();
    let first = check(&live, ArticleRef::Loaded(&article), &config, &mut cache);
    // The file exercises the paths the test is about.
    for code in [
        Code::DuplicateClaimId,
        Code::UnknownClaimRef,
        Code::DuplicateQuote,
        Code::UnannotatedAttribution,
    ] {
        assert!(first.iter().any(|d| d.code == code), "{code:?}");
    }
    assert!(first
        .iter()
        .any(|d| d.code == Code::UnknownClaimRef && d.fix.is_some()));
    let mut rng = Lcg(41);
    let (mut reused, mut incremental) = (0, 0);
    for round in 0..300 {
        let (range, inserted) = claim_edit(&mut rng, &live);
        let mut expected = live.text.clone();
        expected.replace_range(range.start..range.end, &inserted);
        let digest = live.model.refs_digest;
        if live.edit(range, &inserted) {
            incremental += 1;
        } else {
            live = Parsed::new(expected.as_str());
        }
        reused += usize::from(live.model.refs_digest == digest);
        let fresh = Parsed::new(expected.as_str());
        assert_eq!(live.model, fresh.model, "round {round}: model");
        assert_eq!(
            live.content_keys, fresh.content_keys,
            "round {round}: claim keys"
        );
        let warm = check(&live, ArticleRef::Loaded(&article), &config, &mut cache);
        let cold = check(
            &fresh,
            ArticleRef::Loaded(&article),
            &config,
            &mut ClaimCache::new(),
        );
        assert_eq!(warm, cold, "round {round}: {range:?} {inserted:?}");
        if live.model.claims.len() < 50 {
            live = Parsed::new(text.as_str());
        }
    }
    // Both ways through the id and relation checks were taken many times.
    assert!(incremental > 250, "{incremental}");
    assert!(reused > 50 && reused < 250, "{reused}");
}

#[test]
fn mutated_articles_never_panic() {
    let claims = Parsed::new(include_str!("../../examples/000_a935861ad7be96ce.claims"));
    let mut rng = Lcg(11);
    for _ in 0..150 {
        let text = mutate(&mut rng, ARTICLE);
        let article = Arc::new(Article::new(text.as_str()));
        let _ = article.candidates();
        for d in check(
            &claims,
            ArticleRef::Loaded(&article),
            &Config::default(),
            &mut ClaimCache::new(),
        ) {
            for r in d
                .related
                .iter()
                .filter(|r| r.target == crate::diagnostic::Target::Article)
            {
                assert!(
                    r.span.end <= text.len()
                        && text.is_char_boundary(r.span.start)
                        && text.is_char_boundary(r.span.end)
                );
            }
        }
    }
}

const SPEECH: &str = "Headline\n\nForeign Minister Sergei Lavrov said talks would resume.\n\n\"We are ready,\" he said on Monday.\n\nHe added that the ceasefire was holding.\n\nIn other news, the weather was fine.\n\nThe ministry stressed that nothing had changed.\n";

fn run_on(article: &str, claims: &str) -> Vec<Diagnostic> {
    let parsed = Parsed::new(claims);
    let article = Arc::new(Article::new(article));
    let mut diags = check(
        &parsed,
        ArticleRef::Loaded(&article),
        &Config::default(),
        &mut ClaimCache::new(),
    );
    diags.retain(|d| d.code != Code::UnannotatedAttribution);
    diags
}

#[test]
fn pronoun_chain_keeps_the_speaker_near_and_surnames_count() {
    let claim = |q: &str| format!("claim a\n  source: Sergei Lavrov\n  quote: {q}\n");
    // Two paragraphs after the name, every paragraph between says "he said/added".
    assert!(run_on(SPEECH, &claim("the ceasefire was holding")).is_empty());
    // A paragraph with no pronoun attribution breaks the chain.
    let narration = SPEECH.replace("The ministry stressed that nothing", "Nothing");
    assert_eq!(codes(&run_on(&narration, &claim("had changed"))), ["C021"]);
    // Where the article names another speaker, that is C024.
    assert_eq!(
        codes(&run_on(SPEECH, &claim("nothing had changed"))),
        ["C024"]
    );
    // An undeclared person's surname alone is a mention.
    let text = SPEECH.replace("He added", "Lavrov added");
    assert!(run_on(&text, &claim("the ceasefire was holding")).is_empty());
}

/// Checks against the article's attributions (C024, C025, C046, C050), with the
/// attributions given by hand so that these tests read the checks, not the analysis.
mod credited {
    use super::*;
    use crate::article::attribution::{Attribution, Confidence, ContentKind, Parts};
    use crate::diagnostic::Severity;

    const TEXT: &str = "date 2021-03-04 Ministers trade blame

Health Minister Anna Berg said on Monday that hospitals \"are coping well\". Global News reported the figures.

The opposition leader, Tom Reed, told Radio North, as Global News reported, that \"the wards are full\". He said the minister \"has lost control\".

Nurses are tired. Radio South said nothing.
";

    fn span(needle: &str) -> Span {
        let at = TEXT.find(needle).unwrap_or_else(|| panic!("{needle}"));
        Span::new(at, at + needle.len())
    }

    fn attributions() -> Vec<Attribution> {
        let att = |content: &str, cue: &str, source: &str| Parts {
            content: vec![span(content)],
            kind: ContentKind::Direct,
            cue: Some(span(cue)),
            source: Some(span(source)),
            resolved: None,
            addressee: None,
            chain: vec![],
            confidence: Confidence::High,
        };
        let mut reed = att("the wards are full", "told", "Tom Reed");
        reed.addressee = Some(span("Radio North"));
        reed.chain = vec![
            span("Radio North"),
            span("Global News reported,").cover(span("Global News")),
        ];
        reed.chain[1] = Span::new(
            reed.chain[1].start,
            reed.chain[1].start + "Global News".len(),
        );
        let mut he = att("has lost control", "said the", "He");
        he.cue = Some(span("He said").cover(span("He said")));
        he.cue = Some(Span::new(span("He said").start + 3, span("He said").end));
        he.resolved = Some(span("Tom Reed"));
        he.confidence = Confidence::Medium;
        vec![
            att("are coping well", "said", "Health Minister Anna Berg").into(),
            reed.into(),
            he.into(),
        ]
    }

    fn article() -> Arc<Article> {
        Arc::new(Article::new(TEXT).with_attributions(attributions()))
    }

    const HEAD: &str = "article: x.txt
date: 2021-03-04

actor Anna Berg
  kind: person

actor Tom Reed
  aka: The opposition leader
  kind: person

actor Radio North
  kind: outlet

actor Global News
  kind: outlet

actor Radio South
  kind: outlet
";

    fn claims(body: &str) -> String {
        format!("{HEAD}\n{body}")
    }

    fn check_all(claims: &str) -> (Vec<Diagnostic>, Option<Coverage>) {
        let parsed = Parsed::new(claims);
        let mut cache = ClaimCache::new();
        let diags = check(
            &parsed,
            ArticleRef::Loaded(&article()),
            &Config::default(),
            &mut cache,
        );
        (diags, cache.last_coverage)
    }

    /// The findings other than C050 and C043 (which these small files always have).
    fn findings(body: &str) -> Vec<Diagnostic> {
        check_all(&claims(body))
            .0
            .into_iter()
            .filter(|d| !matches!(d.code, Code::UnannotatedAttribution | Code::UnusedActor))
            .collect()
    }

    const BERG: &str = "claim berg-coping
  source: Anna Berg
  cue: said
  quote: are coping well
";
    const REED: &str = "claim reed-wards
  source: Tom Reed
  via: Radio North
  cue: told
  quote: the wards are full
";
    const REED_HE: &str = "claim reed-control
  source: Tom Reed
  cue: said
  quote: has lost control
";

    #[test]
    fn correct_claims_are_clean_and_cover_every_statement() {
        let (diags, coverage) = check_all(&claims(&format!("{BERG}\n{REED}\n{REED_HE}")));
        assert_eq!(
            codes(&diags),
            ["C043", "C043"],
            "{diags:#?}" // Global News and Radio South are for other tests
        );
        let coverage = coverage.unwrap();
        assert_eq!((coverage.annotated(), coverage.total), (3, 3));
        // The alias `The opposition leader` names the speaker as written too.
        let alias = REED.replace("source: Tom Reed", "source: The opposition leader");
        assert_eq!(findings(&alias), vec![]);
    }

    #[test]
    fn c024_error_when_the_named_speaker_is_someone_else() {
        let wrong = REED.replace("source: Tom Reed", "source: Anna Berg");
        let diags = findings(&wrong);
        let d = find(&diags, Code::SourceMismatch);
        assert_eq!(d.severity, Severity::Error);
        assert!(
            d.message.contains("`Tom Reed` (`told`, paragraph 2)"),
            "{}",
            d.message
        );
        let fix = d.fix.as_ref().unwrap();
        assert_eq!(&*fix.edits[0].replacement, "Tom Reed");
        let related: Vec<&str> = d.related.iter().map(|r| r.span.slice(TEXT)).collect();
        assert_eq!(related, ["told", "Tom Reed"]);
        // No proximity warning on top of it.
        assert!(!codes(&diags).contains(&"C021"), "{diags:#?}");
    }

    #[test]
    fn c024_warning_when_the_speaker_is_a_resolved_pronoun() {
        let wrong = REED_HE.replace("source: Tom Reed", "source: Anna Berg");
        let diags = findings(&wrong);
        let d = find(&diags, Code::SourceMismatch);
        assert_eq!(d.severity, Severity::Warning);
        assert!(d.message.contains("whom `He` refers to"), "{}", d.message);
    }

    #[test]
    fn c024_on_low_confidence_when_the_claimed_source_is_only_talked_about() {
        // An act the analysis is unsure of, whose content names the claimed source: what
        // Tom Reed shared shows Anna Berg, it is not hers.
        let run = |text: &str, content: &str| {
            let sp = |n: &str| {
                let at = text.find(n).unwrap();
                Span::new(at, at + n.len())
            };
            let att = Parts {
                content: vec![sp(content)],
                kind: ContentKind::Indirect,
                cue: Some(sp("retweeted")),
                source: Some(sp("Tom Reed")),
                resolved: None,
                addressee: None,
                chain: vec![],
                confidence: Confidence::Low,
            };
            let article = Arc::new(Article::new(text).with_attributions(vec![att.into()]));
            let body =
                format!("claim c1\n  source: Anna Berg\n  cue: retweeted\n  quote: {content}\n");
            check(
                &Parsed::new(claims(&body)),
                ArticleRef::Loaded(&article),
                &Config::default(),
                &mut ClaimCache::new(),
            )
        };
        let about = "date 2021-03-04 Ministers trade blame\n\nTom Reed retweeted a photo of Anna Berg at the ward.\n";
        let diags = run(about, "a photo of Anna Berg at the ward");
        assert_eq!(
            find(&diags, Code::SourceMismatch).severity,
            Severity::Warning
        );
        // Named in the sentence outside the content: the analysis may have misread who
        // acted, so it stays unsure.
        let beside = "date 2021-03-04 Ministers trade blame\n\nAs Anna Berg watched, Tom Reed retweeted a photo of the ward.\n";
        let diags = run(beside, "a photo of the ward");
        assert!(!codes(&diags).contains(&"C024"), "{diags:#?}");
    }

    #[test]
    fn c024_on_low_confidence_only_where_the_claim_bears_it_out_and_configurable() {
        let mut atts = attributions();
        atts[1].confidence = Confidence::Low;
        let article = Arc::new(Article::new(TEXT).with_attributions(atts));
        let run = |body: &str| {
            check(
                &Parsed::new(claims(body)),
                ArticleRef::Loaded(&article),
                &Config::default(),
                &mut ClaimCache::new(),
            )
        };
        // The claim's cue is the attribution's, and its sentence names Tom Reed as the
        // speaker and never Anna Berg: a warning.
        let wrong = REED.replace("source: Tom Reed", "source: Anna Berg");
        let diags = run(&wrong);
        let d = find(&diags, Code::SourceMismatch);
        assert_eq!(d.severity, Severity::Warning);
        assert!(d.message.contains("`Tom Reed` (`told`"), "{}", d.message);
        assert!(!codes(&diags).contains(&"C021"), "{diags:#?}");
        // Another cue, no cue, or a source the sentence names: the analysis stays unsure.
        let other_cue = wrong.replace("cue: told", "cue: warned");
        assert!(!codes(&run(&other_cue)).contains(&"C024"));
        let no_cue = wrong.replace("  cue: told\n", "");
        assert!(!codes(&run(&no_cue)).contains(&"C024"));
        // Radio North (no longer the addressee nor in the chain here) stands in the
        // sentence: the analysis may have read the wrong name as the speaker.
        let mut bare = attributions();
        bare[1].confidence = Confidence::Low;
        bare[1].set_chain(Vec::new());
        bare[1].set_addressee(None);
        let bare = Arc::new(Article::new(TEXT).with_attributions(bare));
        let run_bare = |body: &str| {
            check(
                &Parsed::new(claims(body)),
                ArticleRef::Loaded(&bare),
                &Config::default(),
                &mut ClaimCache::new(),
            )
        };
        assert!(codes(&run_bare(&wrong)).contains(&"C024"));
        let named_there = wrong
            .replace("source: Anna Berg", "source: Radio North")
            .replace("  via: Radio North\n", "");
        assert!(!codes(&run_bare(&named_there)).contains(&"C024"));
        let parsed_high = Parsed::new(claims(
            &REED.replace("source: Tom Reed", "source: Anna Berg"),
        ));
        let config = Config::from_toml("[rules]\nC024 = \"warning\"\n").unwrap();
        let diags = check(
            &parsed_high,
            ArticleRef::Loaded(&self::article()),
            &config,
            &mut ClaimCache::new(),
        );
        assert_eq!(
            find(&diags, Code::SourceMismatch).severity,
            Severity::Warning
        );
    }

    #[test]
    fn c025_intermediary_not_in_the_chain_or_out_of_order() {
        assert_eq!(findings(REED), vec![]);
        // Omitting intermediaries is fine; the nearest first, then the next.
        let both = REED.replace("via: Radio North", "via: Radio North, Global News");
        assert_eq!(findings(&both), vec![]);
        let stranger = REED.replace("via: Radio North", "via: Radio South");
        let d = find(&findings(&stranger), Code::ViaMismatch).clone();
        assert!(
            d.message.contains("`Radio South` is not in the chain"),
            "{}",
            d.message
        );
        let reversed = REED.replace("via: Radio North", "via: Global News, Radio North");
        let d = find(&findings(&reversed), Code::ViaMismatch).clone();
        assert!(
            d.message.contains("nearest the source first"),
            "{}",
            d.message
        );
        // A quote whose attribution has no chain is not checked.
        let berg = BERG.replace("cue: said", "via: Radio South\n  cue: said");
        assert!(!codes(&findings(&berg)).contains(&"C025"));
    }

    #[test]
    fn c046_alias_the_article_never_uses() {
        let head = HEAD.replace(
            "actor Anna Berg\n",
            "actor Anna Berg\n  aka: Health Minister, Anna Burg\n",
        );
        let diags: Vec<Diagnostic> = check_all(&format!("{head}\n{BERG}")).0;
        let aliases: Vec<&Diagnostic> = diags
            .iter()
            .filter(|d| d.code == Code::AliasNotInArticle)
            .collect();
        assert_eq!(aliases.len(), 1, "{aliases:#?}");
        assert!(
            aliases[0].message.contains("`Anna Burg`"),
            "{}",
            aliases[0].message
        );
        assert!(
            aliases[0].message.contains("did you mean `Anna Berg`?"),
            "{}",
            aliases[0].message
        );
    }

    #[test]
    fn c046_unused_aliases_of_several_actors_each_get_their_own_suggestion() {
        // The article's names near any of the aliases are listed once for all of them:
        // each alias must still be offered the name close to it, not another's.
        let head = HEAD
            .replace("actor Anna Berg\n", "actor Anna Berg\n  aka: Anna Burg\n")
            .replace(
                "actor Radio North\n",
                "actor Radio North\n  aka: Radio Nort, Radio Zxqwv\n",
            );
        let diags: Vec<Diagnostic> = check_all(&format!("{head}\n{BERG}")).0;
        let messages: Vec<&str> = diags
            .iter()
            .filter(|d| d.code == Code::AliasNotInArticle)
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(messages.len(), 3, "{messages:#?}");
        assert!(
            messages[0].contains("`Anna Burg`")
                && messages[0].contains("did you mean `Anna Berg`?"),
            "{}",
            messages[0]
        );
        assert!(
            messages[1].contains("`Radio Nort`")
                && messages[1].contains("did you mean `Radio North`?"),
            "{}",
            messages[1]
        );
        assert!(
            messages[2].contains("`Radio Zxqwv`") && !messages[2].contains("did you mean"),
            "{}",
            messages[2]
        );
    }

    #[test]
    fn c046_source_one_typo_from_a_declared_name() {
        let typo = REED.replace("source: Tom Reed", "source: Tom Reid");
        let diags = findings(&typo);
        let d = find(&diags, Code::AliasNotInArticle);
        assert_eq!(&*d.fix.as_ref().unwrap().edits[0].replacement, "Tom Reed");
        // A short or exact name is no typo.
        assert!(!codes(&findings(REED)).contains(&"C046"));
    }

    #[test]
    fn c046_every_claim_with_the_same_misspelled_source_gets_the_fix() {
        // The answer for a name is worked out once per check and given to every claim
        // that uses it; a name far from every declared one gets nothing.
        let two = format!(
            "{}\n{}\n{}",
            REED.replace("source: Tom Reed", "source: Tom Reid"),
            REED_HE.replace("source: Tom Reed", "source: Tom Reid"),
            BERG.replace("source: Anna Berg", "source: Jonathan Whitcombe")
        );
        let diags = findings(&two);
        let typos: Vec<&Diagnostic> = diags
            .iter()
            .filter(|d| d.code == Code::AliasNotInArticle)
            .collect();
        assert_eq!(typos.len(), 2, "{typos:#?}");
        let text = claims(&two);
        for d in &typos {
            assert_eq!(d.span.slice(&text), "Tom Reid");
            assert_eq!(&*d.fix.as_ref().unwrap().edits[0].replacement, "Tom Reed");
            assert!(
                d.message
                    .contains("did you mean `Tom Reed`, a declared actor?"),
                "{}",
                d.message
            );
        }
    }

    #[test]
    fn c050_unannotated_statements_with_a_drafted_claim() {
        let text = claims(BERG);
        let (diags, coverage) = check_all(&text);
        let unannotated: Vec<&Diagnostic> = diags
            .iter()
            .filter(|d| d.code == Code::UnannotatedAttribution)
            .collect();
        assert_eq!(unannotated.len(), 2, "{diags:#?}");
        assert_eq!(unannotated[0].severity, Severity::Info);
        assert_eq!(unannotated[0].span.slice(&text), "x.txt");
        assert_eq!(
            unannotated[0].related[0].span.slice(TEXT),
            "the wards are full"
        );
        let fix = unannotated[0].fix.as_ref().unwrap();
        let mut fixed = text.clone();
        fixed.replace_range(
            fix.edits[0].span.start..fix.edits[0].span.end,
            &fix.edits[0].replacement,
        );
        assert!(fixed.contains("  source: Tom Reed\n  via: Radio North, Global News\n  cue: told Radio North\n  quote: the wards are full\n"), "{fixed}");
        let (after, coverage_after) = check_all(&fixed);
        assert_eq!(coverage.unwrap().annotated(), 1);
        assert_eq!(coverage_after.unwrap().annotated(), 2);
        assert!(
            after.iter().all(|d| d.severity != Severity::Error),
            "{after:#?}"
        );
        // Off in claimls.toml: no findings, the coverage is still counted.
        let config = Config::from_toml("[rules]\nunannotated-attribution = \"off\"\n").unwrap();
        let mut cache = ClaimCache::new();
        let diags = check(
            &Parsed::new(text),
            ArticleRef::Loaded(&article()),
            &config,
            &mut cache,
        );
        assert!(!codes(&diags).contains(&"C050"));
        assert_eq!(cache.last_coverage.unwrap().total, 3);
    }

    /// C050's texts are remembered between runs: a warm cache must say what a fresh one
    /// says after the declared actors or the claim ids change.
    #[test]
    fn c050_warm_cache_follows_actor_and_id_changes() {
        let article = article();
        let c050 = |diags: &[Diagnostic]| -> Vec<(String, String)> {
            diags
                .iter()
                .filter(|d| d.code == Code::UnannotatedAttribution)
                .map(|d| {
                    let fix = d.fix.as_ref().unwrap();
                    (d.message.to_string(), fix.edits[0].replacement.to_string())
                })
                .collect()
        };
        let fresh = |text: &str| {
            let mut cache = ClaimCache::new();
            c050(&check(
                &Parsed::new(text),
                ArticleRef::Loaded(&article),
                &Config::default(),
                &mut cache,
            ))
        };
        let mut warm = ClaimCache::new();
        let mut run = |text: &str| {
            c050(&check(
                &Parsed::new(text),
                ArticleRef::Loaded(&article),
                &Config::default(),
                &mut warm,
            ))
        };
        let first = claims(BERG);
        let before = run(&first);
        assert_eq!(before, fresh(&first));
        let drafted_id = before[0]
            .1
            .trim_start()
            .strip_prefix("claim ")
            .and_then(|rest| rest.lines().next())
            .unwrap()
            .to_string();
        // The drafted claim's id is taken by a claim of the file: a new id is drafted.
        let id_taken = format!("{first}\nclaim {drafted_id}\n  source: Anna Berg\n");
        let after_id = run(&id_taken);
        assert_eq!(after_id, fresh(&id_taken));
        assert_ne!(after_id[0].1, before[0].1);
        // The speaker's declared name changes: the message and the draft follow it.
        let renamed = first.replace("actor Tom Reed", "actor Thomas Reed");
        let after_rename = run(&renamed);
        assert_eq!(after_rename, fresh(&renamed));
        assert!(
            after_rename[0].0.contains("Thomas Reed"),
            "{after_rename:?}"
        );
    }

    #[test]
    fn c022_reads_the_attribution_cue_and_stays_in_the_paragraph() {
        // `told Radio North` is the attribution's cue with its addressee.
        let told = REED.replace("cue: told", "cue: told Radio North");
        assert_eq!(findings(&told), vec![]);
        // `reported` stands in the sentence before, but in the previous paragraph: the
        // window no longer reaches there.
        let text = "date 2021-03-04 X\n\nGlobal News reported the figures.\n\nHospitals \"are coping well\".\n";
        let article = Arc::new(Article::new(text));
        let parsed = Parsed::new(claims(
            "claim c\n  source: Global News\n  cue: reported\n  quote: are coping well\n",
        ));
        let diags = check(
            &parsed,
            ArticleRef::Loaded(&article),
            &Config::default(),
            &mut ClaimCache::new(),
        );
        assert!(codes(&diags).contains(&"C022"), "{diags:#?}");
        let same = "date 2021-03-04 X\n\nGlobal News reported the figures. Hospitals \"are coping well\".\n";
        let article = Arc::new(Article::new(same));
        let diags = check(
            &parsed,
            ArticleRef::Loaded(&article),
            &Config::default(),
            &mut ClaimCache::new(),
        );
        assert!(!codes(&diags).contains(&"C022"), "{diags:#?}");
    }

    #[test]
    fn c021_pronoun_chain_with_a_lexicon_verb() {
        let text = "date 2021-03-04 X\n\nTom Reed spoke at length on Monday about the wards.\n\nHe pledged more staff.\n\nHe acknowledged that \"nurses are tired\".\n";
        let article = Arc::new(Article::new(text));
        let parsed = Parsed::new(claims(
            "claim c\n  source: Tom Reed\n  cue: acknowledged\n  quote: nurses are tired\n",
        ));
        let diags = check(
            &parsed,
            ArticleRef::Loaded(&article),
            &Config::default(),
            &mut ClaimCache::new(),
        );
        assert!(!codes(&diags).contains(&"C021"), "{diags:#?}");
        let narration = text
            .replace("He acknowledged that", "It is known that")
            .replace("He pledged", "We need");
        let article = Arc::new(Article::new(narration));
        let parsed = Parsed::new(claims(
            "claim c\n  source: Tom Reed\n  quote: nurses are tired\n",
        ));
        let diags = check(
            &parsed,
            ArticleRef::Loaded(&article),
            &Config::default(),
            &mut ClaimCache::new(),
        );
        assert!(codes(&diags).contains(&"C021"), "{diags:#?}");
    }

    #[test]
    fn c024_when_a_role_is_given_to_another_speaker_than_the_claims() {
        // `the mayor` is Anna Berg by the apposition, not the teacher who spoke last.
        let article = "date 2021-03-04 X\n\nAnna Berg, the city\u{2019}s mayor, said two schools would close.\n\nTom Reed, a teacher at the school, said the plan was rushed.\n\nYet the mayor insisted the plan would save money.\n";
        let wrong =
            "claim c\n  source: Tom Reed\n  cue: insisted\n  quote: the plan would save money\n";
        assert!(plain(article, wrong).contains(&"C024"));
        let right = wrong.replace("Tom Reed", "Anna Berg");
        assert_eq!(plain(article, &right), Vec::<&str>::new());
        // Nobody is said to be mayor: the article credits `the mayor`, whoever that is,
        // and a warning says so (it used to credit the teacher who spoke last, which
        // passed `Tom Reed` and blamed `Anna Berg`).
        let untied = Arc::new(Article::new(
            article.replace("Anna Berg, the city\u{2019}s mayor,", "Anna Berg"),
        ));
        for claim in [wrong, right.as_str()] {
            let diags = check(
                &Parsed::new(claims(claim)),
                ArticleRef::Loaded(&untied),
                &Config::default(),
                &mut ClaimCache::new(),
            );
            let d = find(&diags, Code::SourceMismatch);
            assert_eq!(d.severity, Severity::Warning);
            assert!(
                d.message.contains("credits these words to `mayor`"),
                "{}",
                d.message
            );
        }
    }

    fn plain(article: &str, claim: &str) -> Vec<&'static str> {
        let article = Arc::new(Article::new(article));
        let parsed = Parsed::new(claims(claim));
        let diags = check(
            &parsed,
            ArticleRef::Loaded(&article),
            &Config::default(),
            &mut ClaimCache::new(),
        );
        codes(&diags)
            .into_iter()
            .filter(|c| !matches!(*c, "C043" | "C046" | "C050" | "C013"))
            .collect()
    }

    #[test]
    fn c022_window_of_headline_quotes_and_of_a_paragraph_ending_in_a_colon() {
        let claim = "claim c\n  source: Tom Reed\n  cue: urges\n  quote: calm in the wards\n";
        let headline = "date 2021-03-04 Tom Reed urges calm in the wards\n\nNurses are tired.\n";
        assert_eq!(plain(headline, claim), Vec::<&str>::new());
        let claim = "claim c\n  source: Tom Reed\n  cue: made the following comment\n  quote: We are fine.\n";
        let colon =
            "date 2021-03-04 X\n\nTom Reed made the following comment:\n\n\"We are fine.\"\n";
        assert_eq!(plain(colon, claim), Vec::<&str>::new());
        let period = colon.replace("comment:", "comment.");
        assert_eq!(plain(&period, claim), ["C022"]);
    }

    #[test]
    fn ambiguous_quotes_are_checked_where_source_and_cue_fit() {
        let article = "date 2021-03-04 X\n\nAnna Berg said the wards were calm.\n\nNurses are tired.\n\nTom Reed told reporters that the wards were full.\n";
        let claim = "claim c\n  source: Tom Reed\n  cue: told\n  quote: the wards were\n";
        assert_eq!(plain(article, claim), Vec::<&str>::new());
        // With one occurrence only, the same claim is reported.
        let once = article.replace("the wards were calm", "all was calm");
        assert!(!plain(
            &once,
            "claim c\n  source: Tom Reed\n  cue: said\n  quote: the wards were\n"
        )
        .is_empty());
        let wrong = "claim c\n  source: Tom Reed\n  cue: warned\n  quote: the wards were\n";
        assert_eq!(plain(article, wrong), ["C022"]);
    }

    #[test]
    fn c024_not_for_pronoun_sources_other_cues_or_adverbial_speakers() {
        // `He` names no one; the attribution's speaker is Tom Reed.
        let pronoun = REED.replace("source: Tom Reed", "source: He");
        assert!(!codes(&findings(&pronoun)).contains(&"C024"));
        // The claim's cue is not the attribution's: another attribution of these words.
        let other_cue = REED
            .replace("source: Tom Reed", "source: Anna Berg")
            .replace("cue: told", "cue: warned");
        assert!(
            !codes(&findings(&other_cue)).contains(&"C024"),
            "{:#?}",
            findings(&other_cue)
        );
        assert!(plausible("Tom Reed") && plausible("the minister") && plausible("sources"));
        for adverbial in [
            "long",
            "In 1986",
            "During a speech",
            "Twenty-two years ago",
            "only",
        ] {
            assert!(!plausible(adverbial), "{adverbial}");
        }
    }

    fn plausible(name: &str) -> bool {
        crate::check::credit::plausible_speaker(name)
    }

    #[test]
    fn c024_when_the_claimed_source_is_only_talked_about_in_the_quote() {
        let article = "date 2021-03-04 X\n\nTom Reed said Anna Berg had left the harbour board without a word of thanks.\n";
        // Anna Berg is what Tom Reed speaks of, not who speaks: the commonest wrong
        // speaker of all.
        let wrong = "claim c\n  source: Anna Berg\n  cue: said\n  quote: Anna Berg had left the harbour board without a word of thanks\n";
        assert_eq!(plain(article, wrong), ["C024"]);
        let right = wrong.replace("source: Anna Berg", "source: Tom Reed");
        assert_eq!(plain(article, &right), Vec::<&str>::new());
        // Where the article makes her the speaker of a statement inside his, she may be
        // the claim's source: silence.
        let nested = "date 2021-03-04 X\n\nTom Reed said Anna Berg told the board that the harbour would close in May.\n";
        let inner =
            "claim c\n  source: Anna Berg\n  cue: told\n  quote: the harbour would close in May\n";
        assert!(!plain(nested, inner).contains(&"C024"));
        // A quote that holds her cue and her name as well tells what she said: those
        // are his words.
        let framed = "claim c\n  source: Anna Berg\n  cue: said\n  quote: Anna Berg told the board that the harbour would close in May\n";
        assert_eq!(plain(nested, framed), ["C024"]);
        assert_eq!(
            plain(
                nested,
                &framed.replace("source: Anna Berg", "source: Tom Reed")
            ),
            Vec::<&str>::new()
        );
        // An elided quote spans her name and cue without quoting them.
        let around = "date 2021-03-04 X\n\nTom Reed said the plan amounted to what the senators said was economic gerrymandering.\n";
        let elided = "claim c\n  source: the senators\n  cue: said\n  quote: what … was economic gerrymandering\n";
        assert!(!plain(around, elided).contains(&"C024"));
        // A statement the content runs into after the quoted words gives its speaker
        // no claim on them.
        let run_on = "date 2021-03-04 X\n\nRepublicans said they were convinced the department mishandled the case and Democrats accused the party of stoking the issue.\n";
        let wrong = "claim c\n  source: Democrats\n  cue: said\n  quote: they were convinced the department mishandled the case\n";
        assert_eq!(plain(run_on, wrong), ["C024"]);
        let right = wrong.replace("source: Democrats", "source: Republicans");
        assert_eq!(plain(run_on, &right), Vec::<&str>::new());
    }

    #[test]
    fn c024_reads_the_statement_whose_cue_is_the_claims_where_two_hold_the_quote() {
        // The quote lies in the tweet's content and in the act nested in it: the claim's
        // cue says which of the two it records.
        let article = "date 2021-03-04 X\n\nClinton spoke in Florida on Friday.\n\nTrump tweeted that Machado was \"disgusting\" and encouraged Americans to \"check out\" the tape.\n";
        let wrong =
            "claim c\n  source: Clinton\n  cue: encouraged\n  quote: to \"check out\" the tape\n";
        assert_eq!(plain(article, wrong), ["C024"]);
        let right = wrong.replace("source: Clinton", "source: Trump");
        assert_eq!(plain(article, &right), Vec::<&str>::new());
        let tweet = right.replace("cue: encouraged", "cue: tweeted");
        assert_eq!(plain(article, &tweet), Vec::<&str>::new());
    }

    #[test]
    fn c024_on_a_quote_elided_across_the_speaker_of_a_split_quote() {
        // The elided quote's anchor runs over `said Dan Hart, … office.`: words it does
        // not quote, which must not make the statement seem another's.
        let article = "date 2021-03-04 X\n\nMs. Lamb unveiled her tax plan on Monday.\n\n\
            \"This is not tax reform,\" said Dan Hart, an economist who ran the budget office for a decade. \"It is anti-reform.\"\n";
        let wrong = "claim c\n  source: Ms. Lamb\n  cue: said\n  quote: This is not tax reform … It is anti-reform\n";
        assert_eq!(plain(article, wrong), ["C024"]);
        let right = wrong.replace("source: Ms. Lamb", "source: Dan Hart");
        assert_eq!(plain(article, &right), Vec::<&str>::new());
    }

    #[test]
    fn c024_silent_on_a_noun_of_saying_after_a_possessive_pronoun() {
        // `His claim that …` is Tom Reed's: the possessive is a pronoun the analysis
        // resolved, not a name the article credits instead.
        let article = "date 2021-03-04 X\n\nMayor Ann Dole said the budget was balanced. Her deputy, Tom Reed, disagreed.\n\n\
            \"We are short by millions,\" Reed said. His claim that the city faced a deficit drew fire from the council.\n";
        let right =
            "claim c\n  source: Tom Reed\n  cue: claim\n  quote: the city faced a deficit\n";
        assert_eq!(plain(article, right), Vec::<&str>::new());
    }

    #[test]
    fn c024_on_a_quote_of_two_clauses_of_one_cue() {
        // `said that …, and that …` is read as one statement a clause; a quote of both
        // clauses, neither of which holds half of it, is still that statement's.
        let article = "date 2021-03-04 X\n\nMs. Lamb unveiled her tax plan on Monday.\n\n\
            Dan Hart, an adviser to the campaign, said that the rules for landlords were under review, and that the plan would not end every tax break.\n";
        let wrong = "claim c\n  source: Ms. Lamb\n  cue: said\n  quote: that the rules for landlords were under review, and that the plan would not end every tax break\n";
        assert_eq!(plain(article, wrong), ["C024"]);
        let right = wrong.replace("source: Ms. Lamb", "source: Dan Hart");
        assert_eq!(plain(article, &right), Vec::<&str>::new());
    }

    #[test]
    fn c024_on_a_quote_copied_with_its_marks_inside_another_statement() {
        // The marks lie outside `boasted`'s content but inside `noted`'s: they must not
        // make the outer statement the one the claim records.
        let article = "date 2021-03-04 X\n\nWhen Cole noted that Vane had not paid taxes \u{2015} as was true for the years his returns were public \u{2015} Vane boasted, \u{201c}That makes me smart.\u{201d} He left soon after.\n";
        let wrong = "claim c\n  source: Cole\n  cue: boasted\n  quote: \u{201c}That makes me smart.\u{201d}\n";
        assert_eq!(plain(article, wrong), ["C024"]);
        let right = wrong.replace("source: Cole", "source: Vane");
        assert_eq!(plain(article, &right), Vec::<&str>::new());
    }

    #[test]
    fn c024_silent_where_the_articles_speaker_is_no_firm_name() {
        use crate::check::credit::firm_speaker;
        for firm in [
            "Tom Reed",
            "the minister",
            "sources",
            "Several experts",
            "Mr. Reed",
        ] {
            assert!(firm_speaker(firm), "{firm}");
        }
        for misread in [
            "Tuesday",
            "me",
            "Reed's",
            "sent the letter",
            "decision by the board to",
            "Following a",
            "long",
        ] {
            assert!(!firm_speaker(misread), "{misread}");
        }
    }

    #[test]
    fn c024_firm_on_transcript_turns_and_signed_quotes() {
        let article = "date 2021-03-04 X\n\nPartial transcript:\n\n\"HOST: Will the ferry run in winter? We hear the pier is closing.\n\n\"REED: The ferry runs all year, and the pier stays open.\n";
        // The host's turn opens with a quotation mark left open, as the next turn does:
        // the next turn is the guest's, not more of the host's words.
        let wrong =
            "claim c\n  source: HOST\n  quote: The ferry runs all year, and the pier stays open\n";
        let found = plain(article, wrong);
        assert!(found.contains(&"C024"), "{found:?}");
        let right = wrong.replace("source: HOST", "source: REED");
        assert!(!plain(article, &right).contains(&"C024"));
        let signed = "date 2021-03-04 X\n\n\u{201c}The pier must stay open.\u{201d} \u{2015} Anna Berg\n\u{201c}The ferry is too slow.\u{201d} \u{2015} Tom Reed\n";
        let wrong =
            "claim c\n  source: Tom Reed\n  cue: \u{2015}\n  quote: The pier must stay open.\n";
        assert!(plain(signed, wrong).contains(&"C024"));
    }
}

/// C024 where the analysis found no statement: the quote's own sentence names the speaker.
mod sentence_credit {
    use super::*;
    use crate::article::attribution::{Attribution, Confidence, ContentKind, Parts};
    use crate::diagnostic::Severity;

    const TEXT: &str = "date 2022-05-06 Harbour bridge to reopen

The harbour bridge will reopen in June, Mayor Lena Ortiz said on Friday. Engineer Paul Weber had warned of cracks in April.

The ferry service is safe, a letter to Paul Weber said. Councillor Mia Holt has repeatedly shrugged off the delay as routine. The old clip says the tolls will rise.
";

    /// The findings on `body` against TEXT with no attribution found at all.
    fn findings(body: &str) -> Vec<Diagnostic> {
        findings_with(body, Vec::new())
    }

    fn findings_with(body: &str, atts: Vec<Attribution>) -> Vec<Diagnostic> {
        check_against(
            TEXT,
            atts,
            &format!("article: x.txt\ndate: 2022-05-06\n\n{body}"),
        )
    }

    #[test]
    fn c024_warning_when_the_sentence_names_another_subject_of_the_cue() {
        let diags = findings(
            "claim reopen\n  source: Paul Weber\n  cue: said\n  quote: will reopen in June\n",
        );
        let d = find(&diags, Code::SourceMismatch);
        assert_eq!(d.severity, Severity::Warning);
        assert!(d.message.contains("`Lena Ortiz` (`said`"), "{}", d.message);
        assert_eq!(&*d.fix.as_ref().unwrap().edits[0].replacement, "Lena Ortiz");
        assert!(!codes(&diags).contains(&"C021"), "{diags:#?}");
    }

    #[test]
    fn c024_from_the_sentence_for_any_cue_verb_after_auxiliaries() {
        // `shrugged off` is no reporting verb: the claim's own cue is what is looked for.
        let diags = findings(
            "claim delay\n  source: Paul Weber\n  cue: has shrugged off\n  quote: the delay as routine\n",
        );
        let d = find(&diags, Code::SourceMismatch);
        assert!(d.message.contains("Mia Holt` (`shrugged`"), "{}", d.message);
        // A description before the verb names no one (`The old clip says`).
        let clip = "claim tolls\n  source: Paul Weber\n  cue: says\n  quote: the tolls will rise\n";
        assert!(!codes(&findings(clip)).contains(&"C024"));
    }

    #[test]
    fn c024_from_the_sentence_for_a_speaker_after_the_verb() {
        // No attribution at all: `…, warned Mia Holt.` names the speaker after the verb.
        const INVERTED: &str = "date 2022-05-06 Harbour tolls

The harbour tolls will rise in July, warned Mia Holt. Paul Weber spoke later.

The ferry tolls will fall in May, warned Mia Holt's deputy. Paul Weber spoke too.
";
        let run = |body: &str| {
            let article = Arc::new(Article::new(INVERTED).with_attributions(Vec::new()));
            let claims = format!("article: x.txt\ndate: 2022-05-06\n\n{body}");
            check(
                &Parsed::new(claims),
                ArticleRef::Loaded(&article),
                &Config::default(),
                &mut ClaimCache::new(),
            )
        };
        let diags =
            run("claim rise\n  source: Paul Weber\n  cue: warned\n  quote: will rise in July\n");
        let d = find(&diags, Code::SourceMismatch);
        assert!(d.message.contains("`Mia Holt` (`warned`"), "{}", d.message);
        // The right speaker, and a name that is a possessor (`Mia Holt's deputy`): silent.
        let right = "claim rise\n  source: Mia Holt\n  cue: warned\n  quote: will rise in July\n";
        assert!(!codes(&run(right)).contains(&"C024"));
        let owner = "claim fall\n  source: Paul Weber\n  cue: warned\n  quote: will fall in May\n";
        assert!(!codes(&run(owner)).contains(&"C024"), "{:#?}", run(owner));
    }

    #[test]
    fn c024_silent_when_the_sentence_names_the_source_or_the_name_is_an_object() {
        // The right speaker.
        let right =
            "claim reopen\n  source: Lena Ortiz\n  cue: said\n  quote: will reopen in June\n";
        assert!(!codes(&findings(right)).contains(&"C024"));
        // Another cue than the one next to the name: nothing to go by.
        let other =
            "claim reopen\n  source: Paul Weber\n  cue: warned\n  quote: will reopen in June\n";
        assert!(!codes(&findings(other)).contains(&"C024"));
        // `a letter to Paul Weber said`: the name before the verb is not its subject.
        let object =
            "claim ferry\n  source: Lena Ortiz\n  cue: said\n  quote: The ferry service is safe\n";
        assert!(!codes(&findings(object)).contains(&"C024"));
    }

    #[test]
    fn c024_from_the_sentence_when_the_attribution_found_has_another_cue() {
        // A misread act over the same words, with a cue the claim does not use: it
        // settles nothing, and the sentence names the speaker of the claim's `said`.
        let span = |needle: &str| {
            let at = TEXT.find(needle).unwrap();
            Span::new(at, at + needle.len())
        };
        let misread = || -> Attribution {
            Parts {
                content: vec![span("The harbour bridge will reopen in June")],
                kind: ContentKind::Indirect,
                cue: Some(span("warned")),
                source: Some(span("Paul Weber")),
                resolved: None,
                addressee: None,
                chain: vec![],
                confidence: Confidence::Low,
            }
            .into()
        };
        let wrong =
            "claim reopen\n  source: Paul Weber\n  cue: said\n  quote: will reopen in June\n";
        let diags = findings_with(wrong, vec![misread()]);
        assert!(
            find(&diags, Code::SourceMismatch)
                .message
                .contains("`Lena Ortiz`"),
            "{diags:#?}"
        );
        let right = wrong.replace("Paul Weber", "Lena Ortiz");
        assert!(!codes(&findings_with(&right, vec![misread()])).contains(&"C024"));
    }
}

/// An invented article and annotation for the quote hand-over (no corpus text).
pub(crate) const PIER_ARTICLE: &str = "The harbour council met on Tuesday.\n\n\"We will reopen the old pier before winter,\" the harbour master said on Tuesday. Mira Olsen, who chairs the council, said the budget was tight.\n\n\"Repairs to the seawall come first,\" Olsen said later. \"The ferry timetable stays as it is,\" she said.\n";

pub(crate) const PIER_CLAIMS: &str = "article: pier.txt

actor Mira Olsen
  kind: person

claim pier
  source: unnamed
  cue: said
  quote: We will reopen the old pier before winter

claim seawall
  source: Mira Olsen
  cue: said
  quote: Repairs to the seawall come first

claim ferry
  source: Mira Olsen
  cue: said
  quote: The ferry timetble stays as it is

claim two
  source: Mira Olsen
  quote: Repairs to the seawall ... The ferry timetable stays
  quote:
  quote: The lighthouse will be painted blue
";

#[test]
fn keeping_quotes_hands_on_each_search_once() {
    let parsed = Parsed::new(PIER_CLAIMS);
    let article = Arc::new(Article::new(PIER_ARTICLE));
    let config = Config::default();
    let mut cache = ClaimCache::keeping_quotes();
    let kept = check(&parsed, ArticleRef::Loaded(&article), &config, &mut cache);
    let quotes = cache.last_quotes.take().expect("kept");
    assert_eq!(quotes.claims(), parsed.model.claims.len());
    let mut searched = 0;
    for (ci, claim) in parsed.model.claims.iter().enumerate() {
        for (qi, q) in claim.quotes.iter().enumerate() {
            match quotes.get(ci, qi) {
                Some(found) => {
                    assert_eq!(*found, article.find_quote(&q.value.text), "{ci}/{qi}");
                    searched += 1;
                }
                None => assert!(q.value.is_empty(), "{ci}/{qi} not handed on"),
            }
        }
    }
    assert_eq!(searched, 5);
    assert!(matches!(
        quotes.get(3, 2),
        Some(QuoteSearch::NotFound { .. })
    ));
    assert!(matches!(
        quotes.get(2, 0).and_then(|q| q.level()),
        Some(crate::article::MatchLevel::NearMiss { .. })
    ));
    // The same findings as a run that keeps nothing; the other caches hand nothing on.
    let mut plain = ClaimCache::disabled();
    assert_eq!(
        check(&parsed, ArticleRef::Loaded(&article), &config, &mut plain),
        kept
    );
    assert!(plain.last_quotes.is_none());
    let mut live = ClaimCache::new();
    check(&parsed, ArticleRef::Loaded(&article), &config, &mut live);
    assert!(live.last_quotes.is_none());
    // Without an article nothing is searched and nothing handed on.
    let err = ArticleError::Missing(std::path::PathBuf::from("pier.txt"));
    check(&parsed, ArticleRef::Failed(&err), &config, &mut cache);
    assert!(cache.last_quotes.is_none());
}

/// The pier annotation checked against its article by a run that keeps the quote
/// searches (the hand-over that export and report take).
pub(crate) fn pier_checked_keeping_quotes(
) -> (Parsed, std::sync::Arc<Article>, Vec<Diagnostic>, ClaimCache) {
    let parsed = Parsed::new(PIER_CLAIMS);
    let article = std::sync::Arc::new(Article::new(PIER_ARTICLE));
    let mut cache = ClaimCache::keeping_quotes();
    let diagnostics = check(
        &parsed,
        ArticleRef::Loaded(&article),
        &Config::default(),
        &mut cache,
    );
    (parsed, article, diagnostics, cache)
}

/// Edits that keep the claim count: the re-check takes the last run's anchors as they are
/// when the edited claim's anchors did not change, and builds them again when they did
/// (a quote edited so that it no longer anchors, then edited back). Each re-check equals
/// a fresh check, coverage included.
#[test]
fn edits_keeping_the_claim_count_follow_anchor_changes() {
    let claims = include_str!("../../examples/000_a935861ad7be96ce.claims");
    let article = Arc::new(Article::new(ARTICLE));
    let config = Config::default();
    let mut live = Parsed::new(claims);
    let mut cache = ClaimCache::new();
    check(&live, ArticleRef::Loaded(&article), &config, &mut cache);
    let first = cache.last_coverage.clone().expect("coverage");
    let word = "Mercenaries";
    let at = live
        .text
        .find("quote: Mercenaries")
        .expect("the example's first quote")
        + 7;
    let steps: Vec<(Span, &str)> = vec![
        // The stance only: the same anchors.
        (
            Span::new(
                live.text.find("asserts").unwrap(),
                live.text.find("asserts").unwrap() + 7,
            ),
            "denies",
        ),
        // The quote no longer found: its anchor goes.
        (Span::new(at, at + word.len()), "Qzxwvkjq"),
        // Back: the anchor returns (the claim as after the first step).
        (Span::new(at, at + "Qzxwvkjq".len()), word),
    ];
    let mut coverages = Vec::new();
    for (k, (range, inserted)) in steps.into_iter().enumerate() {
        assert!(live.edit(range, inserted), "step {k} is incremental");
        let warm = check(&live, ArticleRef::Loaded(&article), &config, &mut cache);
        let warm_coverage = cache.last_coverage.clone();
        let mut fresh_cache = ClaimCache::new();
        let fresh = Parsed::new(live.text.as_str());
        let cold = check(
            &fresh,
            ArticleRef::Loaded(&article),
            &config,
            &mut fresh_cache,
        );
        assert_eq!(warm, cold, "step {k}: findings");
        assert_eq!(
            warm_coverage, fresh_cache.last_coverage,
            "step {k}: coverage"
        );
        // The last step's claim is the first step's again: its results come from the cache.
        assert_eq!(
            cache.last_misses,
            [1, 1, 0][k],
            "step {k}: claims re-checked"
        );
        coverages.push(warm_coverage.expect("coverage"));
    }
    assert_eq!(coverages[0], first, "a stance edit leaves the coverage");
    assert_ne!(
        coverages[1], first,
        "the unanchored quote's statement is uncovered"
    );
    assert_eq!(coverages[2], first, "the quote restored covers it again");
}

#[test]
fn an_anchor_reads_back_its_span_flag_and_quote() {
    for (span, exact, quote) in [
        (Span::new(0, 0), true, 0),
        (Span::new(3, 17), false, 1),
        (Span::new(7, 7), false, 0),
        (Span::new(1 << 31, (1 << 32) - 2), true, (1 << 31) - 1),
        (Span::new(5, (1 << 32) - 1), false, (1 << 31) - 1),
    ] {
        let a = Anchor::new(span, exact, quote);
        assert_eq!((a.span(), a.exact(), a.quote()), (span, exact, quote));
        // Equal anchors are equal fields: the re-check compares the kept lists.
        assert_eq!(a, Anchor::new(span, exact, quote));
        assert_ne!(a, Anchor::new(span, !exact, quote));
    }
    assert_eq!(claim_index(49_999), 49_999);
    assert_eq!(
        format!("{:?}", Anchor::new(Span::new(3, 17), false, 2)),
        format!(
            "Anchor {{ span: {:?}, exact: false, quote: 2 }}",
            Span::new(3, 17)
        )
    );
}

/// C024 on `Low` attributions with no cue of their own: words carried on from a speaker
/// of the same paragraph, and a headline's `Name: …`. The attributions are given by hand.
mod uncued {
    use super::*;
    use crate::article::attribution::{Attribution, Confidence, ContentKind, Parts};
    use crate::diagnostic::Severity;

    const TEXT: &str = "date 2023-02-03 Harbor board: \"The budget holds\"

The harbor board met on Tuesday. \"We will not cut the ferry,\" Mara Quist said. \"The night route stays too.\"

\"Nor the school bus.\" Later she spoke again. \"Nothing else moves.\"

Paul Ivers, the treasurer, spoke after her.
";

    fn span(needle: &str) -> Span {
        let at = TEXT.find(needle).unwrap_or_else(|| panic!("{needle}"));
        Span::new(at, at + needle.len())
    }

    /// The `nth` (0-based) occurrence of `needle`.
    fn nth(needle: &str, nth: usize) -> Span {
        let at = TEXT
            .match_indices(needle)
            .nth(nth)
            .unwrap_or_else(|| panic!("{needle} #{nth}"))
            .0;
        Span::new(at, at + needle.len())
    }

    fn att(content: &str, cue: Option<&str>, source: Span, confidence: Confidence) -> Attribution {
        Parts {
            content: vec![span(content)],
            kind: ContentKind::Direct,
            cue: cue.map(span),
            source: Some(source),
            resolved: None,
            addressee: None,
            chain: vec![],
            confidence,
        }
        .into()
    }

    fn attributions() -> Vec<Attribution> {
        let quist = nth("Mara Quist", 0);
        let mut she = att("Nothing else moves.", None, span("she"), Confidence::Low);
        she.set_resolved(Some(quist));
        vec![
            att(
                "The budget holds",
                None,
                span("Harbor board"),
                Confidence::Low,
            ),
            att(
                "We will not cut the ferry,",
                Some("said"),
                quist,
                Confidence::High,
            ),
            att("The night route stays too.", None, quist, Confidence::Low),
            // Carried over a paragraph break: the speaker stands in the paragraph before.
            att("Nor the school bus.", None, quist, Confidence::Low),
            she,
        ]
    }

    fn run(source: &str, cue: &str, quote: &str) -> Vec<Diagnostic> {
        let claims = format!(
            "article: x.txt\ndate: 2023-02-03\n\nclaim one\n  source: {source}\n  cue: {cue}\n  quote: {quote}\n"
        );
        check_against(TEXT, attributions(), &claims)
    }

    #[test]
    fn c024_warning_for_words_carried_on_from_a_speaker_of_the_paragraph() {
        let diags = run("Paul Ivers", "said", "The night route stays too.");
        let d = find(&diags, Code::SourceMismatch);
        assert_eq!(d.severity, Severity::Warning);
        assert!(
            d.message
                .contains("`Mara Quist` (paragraph 1), not `Paul Ivers`"),
            "{}",
            d.message
        );
        assert_eq!(&*d.fix.as_ref().unwrap().edits[0].replacement, "Mara Quist");
        assert!(!codes(&diags).contains(&"C021"), "{diags:#?}");
        // The speaker itself, and an actor the paragraph names, are not contradicted.
        assert!(!codes(&run("Mara Quist", "said", "The night route stays too.")).contains(&"C024"));
        assert!(
            !codes(&run("harbor board", "said", "The night route stays too.")).contains(&"C024")
        );
    }

    #[test]
    fn no_c024_when_the_carried_speaker_is_a_pronoun_or_another_paragraphs() {
        assert!(!codes(&run("Paul Ivers", "said", "Nothing else moves.")).contains(&"C024"));
        assert!(!codes(&run("Paul Ivers", "said", "Nor the school bus.")).contains(&"C024"));
    }

    #[test]
    fn c024_warning_for_a_headline_speaker_the_claim_does_not_name() {
        let diags = run("Paul Ivers", ":", "The budget holds");
        let d = find(&diags, Code::SourceMismatch);
        assert_eq!(d.severity, Severity::Warning);
        assert!(
            d.message.contains("`Harbor board` (headline)"),
            "{}",
            d.message
        );
        assert!(!codes(&run("Harbor board", ":", "The budget holds")).contains(&"C024"));
    }
}
