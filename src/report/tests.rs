//! The report page: structure checked by parsing it with html5ever (through `scraper`),
//! as a browser would, and asserting no parse errors, unique ids, resolving links and one
//! highlight per located quote part.

use super::*;
use crate::check::{check, ArticleRef, ClaimCache};
use crate::config::Config;
use scraper::{Html, Selector};
use std::collections::HashSet;
use std::sync::Arc;

const EXAMPLE_CLAIMS: &str = include_str!("../../examples/000_a935861ad7be96ce.claims");
const EXAMPLE_ARTICLE: &str = include_str!("../../examples/000_a935861ad7be96ce.txt");

struct Rendered {
    html: String,
    summary: Summary,
    doc: Html,
}

fn render(claims: &str, article: Option<&str>) -> Rendered {
    let parsed = Parsed::new(claims);
    let article = article.map(|a| Arc::new(Article::new(a)));
    let mut cache = ClaimCache::new();
    let config = Config::default();
    let diagnostics = match &article {
        Some(a) => check(&parsed, ArticleRef::Loaded(a), &config, &mut cache),
        None => {
            let err = crate::article::ArticleError::Missing(std::path::PathBuf::from("gone.txt"));
            crate::check::check_without_article(&parsed, &err, &config)
        }
    };
    let coverage = cache.last_coverage.clone();
    let (html, summary) = page(&Page {
        name: "test.claims",
        article_name: "test.txt",
        parsed: &parsed,
        article: article.as_deref(),
        diagnostics: &diagnostics,
        coverage: coverage.as_ref(),
        quotes: None,
    });
    let doc = Html::parse_document(&html);
    Rendered { html, summary, doc }
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// What an HTML validator would reject, and the page's own invariants.
fn assert_valid(r: &Rendered) {
    assert!(
        r.doc.errors.is_empty(),
        "HTML parse errors: {:?}\n{}",
        r.doc.errors,
        r.html
    );
    assert!(r.html.starts_with("<!DOCTYPE html>"));
    let mut ids = HashSet::new();
    for el in r.doc.select(&sel("[id]")) {
        let id = el.value().attr("id").unwrap();
        assert!(
            !id.is_empty() && !id.contains(char::is_whitespace),
            "bad id {id:?}"
        );
        assert!(ids.insert(id.to_string()), "duplicate id {id}");
    }
    for el in r.doc.select(&sel("a[href^='#']")) {
        let target = &el.value().attr("href").unwrap()[1..];
        assert!(ids.contains(target), "link to missing #{target}");
    }
    for el in r.doc.select(&sel("[aria-labelledby]")) {
        let target = el.value().attr("aria-labelledby").unwrap();
        assert!(ids.contains(target), "aria-labelledby to missing {target}");
    }
    // Our own script only, and nothing that fetches.
    assert_eq!(r.doc.select(&sel("script")).count(), 1);
    assert_eq!(
        r.doc
            .select(&sel("script[src], link, img, iframe, object, embed"))
            .count(),
        0
    );
    assert_eq!(r.doc.select(&sel("html[lang] > head > title")).count(), 1);
    // Links never nest (a highlight is a link, and so is a finding's pin).
    assert_eq!(r.doc.select(&sel("a a")).count(), 0);
}

fn claim_highlights(r: &Rendered, index: usize) -> usize {
    r.doc
        .select(&sel(&format!(".text a.hl[data-claims~='{index}']")))
        .count()
}

#[test]
fn bundled_example_page_is_valid_and_highlights_every_claim() {
    let r = render(EXAMPLE_CLAIMS, Some(EXAMPLE_ARTICLE));
    assert_valid(&r);
    let parsed = Parsed::new(EXAMPLE_CLAIMS);
    let claims = parsed.model.claims.len();
    assert!(claims > 10);
    assert_eq!(r.summary.claims, claims);
    assert_eq!(r.summary.highlighted, claims);
    for (i, c) in parsed.model.claims.iter().enumerate() {
        assert!(
            claim_highlights(&r, i) > 0,
            "claim {} has no highlight",
            c.id
        );
        let li = sel(&format!("li#c-{i}.claim[data-id='{}']", c.id));
        assert_eq!(r.doc.select(&li).count(), 1, "claim {} not listed", c.id);
    }
    // One graph node per declared actor, and the publisher.
    assert_eq!(
        r.doc.select(&sel("svg.graph g.node.actor")).count(),
        parsed.model.actors.len()
    );
    assert_eq!(r.doc.select(&sel("svg.graph g.node.publisher")).count(), 1);
    assert!(r.doc.select(&sel("svg.graph path.edge")).count() >= parsed.model.actors.len() - 2);
    // The CNN report reached the publisher through CNN: that edge counts its claims.
    let cnn_claims = parsed
        .model
        .claims
        .iter()
        .filter(|c| c.source_name() == Some("CNN") || c.via_items().iter().any(|v| v.text == "CNN"))
        .count();
    assert!(cnn_claims > 1);
    let counts: Vec<String> = r
        .doc
        .select(&sel("svg.graph text.count"))
        .map(|t| t.text().collect())
        .collect();
    assert!(counts.contains(&cnn_claims.to_string()), "{counts:?}");
    // Every highlight has its tooltip with the claim's id and source.
    let first = r.doc.select(&sel(".text a.hl .tip")).next().unwrap();
    let tip: String = first.text().collect();
    assert!(tip.contains("source: "), "{tip}");
    // Coverage is shown.
    assert!(r.summary.coverage.is_some_and(|(_, t)| t > 0));
    assert!(r.html.contains("attributions annotated"));
}

#[test]
fn article_text_survives_intact() {
    // Removing the markup gives the article back (tooltips and pins aside).
    let r = render(EXAMPLE_CLAIMS, Some(EXAMPLE_ARTICLE));
    let text_div = r.doc.select(&sel(".text")).next().unwrap();
    let mut text = String::new();
    for node in text_div.descendants() {
        if let Some(t) = node.value().as_text() {
            let inside_extra = node.ancestors().any(|a| {
                a.value().as_element().is_some_and(|e| {
                    e.has_class("tip", scraper::CaseSensitivity::CaseSensitive)
                        || e.has_class("pin", scraper::CaseSensitivity::CaseSensitive)
                })
            });
            if !inside_extra {
                text.push_str(t);
            }
        }
    }
    assert_eq!(text, EXAMPLE_ARTICLE);
}

const ARTICLE: &str = "The harbour will close in May, the mayor said on Monday. \"We have no money left for the <repairs> & the cranes,\" she added.

A neighbour said the plan was rushed, and the council agreed.

The port authority said ships would move to the northern quay.
";

#[test]
fn hostile_names_and_text_are_escaped() {
    let claims = "article: test.txt
date: 2024-05-06
publisher: <script>alert('pub')</script>

actor <script>alert(1)</script>
  aka: the mayor
  kind: person

claim hostile
  source: <script>alert(1)</script>
  via: <img src=x onerror=alert(2)>
  cue: said \" onmouseover=\"alert(3)
  quote: The harbour will close in May
  stance: <b>bold</b>

claim article-markup
  source: the mayor
  quote: We have no money left for the <repairs> & the cranes
";
    let r = render(claims, Some(ARTICLE));
    assert_valid(&r);
    assert_eq!(r.doc.select(&sel("img, b b")).count(), 0);
    for el in r.doc.select(&sel("*")) {
        for (name, _) in el.value().attrs() {
            assert!(!name.starts_with("on"), "event handler attribute {name}");
        }
    }
    assert!(r.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(r.html.contains("&lt;repairs&gt; &amp; the cranes"));
    // Both quotes are still found and highlighted.
    assert!(claim_highlights(&r, 0) > 0 && claim_highlights(&r, 1) > 0);
    // The declared actor (by its hostile name) is a graph node, escaped.
    let names: Vec<&str> = r
        .doc
        .select(&sel("svg.graph g.node"))
        .filter_map(|g| g.value().attr("data-name"))
        .collect();
    assert!(names.contains(&"<script>alert(1)</script>"), "{names:?}");
}

#[test]
fn every_part_of_an_elided_quote_is_highlighted() {
    let claims = "article: test.txt
publisher: Harbour Times

actor the mayor
  kind: person

claim close
  source: the mayor
  cue: said
  quote: The harbour will close ... the mayor said on Monday
";
    let r = render(claims, Some(ARTICLE));
    assert_valid(&r);
    let marks: Vec<String> = r
        .doc
        .select(&sel(".text a.hl[data-claims~='0']"))
        .map(|a| a.text().next().unwrap_or_default().to_string())
        .collect();
    assert!(
        marks.iter().any(|m| m.contains("The harbour will close")),
        "{marks:?}"
    );
    assert!(
        marks.iter().any(|m| m.contains("the mayor said on Monday")),
        "{marks:?}"
    );
    // The text between the parts is not highlighted.
    assert!(!marks.iter().any(|m| m.contains("in May")), "{marks:?}");
    assert_eq!(r.doc.select(&sel("#q-0-0-0, #q-0-0-1")).count(), 2);
    assert!(r.html.contains("2 parts in the article"));
}

#[test]
fn near_misses_and_undeclared_sources_are_shown_where_they_apply() {
    let claims = "article: test.txt
publisher: Harbour Times

actor the mayor
  kind: person

claim typo
  source: the mayor
  quote: The harbour will clsoe in May

claim stranger
  source: a passer-by
  quote: the plan was rushed
";
    let r = render(claims, Some(ARTICLE));
    assert_valid(&r);
    // The near miss is highlighted where the article has it, marked as such, with a pin
    // carrying the C011 message (which names the difference).
    let near: Vec<_> = r
        .doc
        .select(&sel(".text a.hl.near[data-claims~='0']"))
        .collect();
    assert!(!near.is_empty(), "{}", r.html);
    let pin = r
        .doc
        .select(&sel(".text a.pin.sev-error"))
        .find(|p| p.text().any(|t| t.contains("C011")))
        .expect("a C011 pin in the article");
    let message: String = pin.text().collect();
    assert!(
        message.contains("clsoe") && message.contains("close"),
        "{message}"
    );
    // The pin links to the finding in the claim's entry.
    let target = &pin.value().attr("href").unwrap()[1..];
    assert_eq!(
        r.doc
            .select(&sel(&format!("li#c-0 li#{target}.finding")))
            .count(),
        1
    );
    // The undeclared source is grey, tagged in the list, and an "undeclared" graph node.
    assert_eq!(
        r.doc
            .select(&sel(".text a.hl.a-u[data-claims~='1']"))
            .count(),
        1
    );
    let entry: String = r
        .doc
        .select(&sel("li#c-1"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(entry.contains("not a declared actor"), "{entry}");
    assert!(r
        .doc
        .select(&sel("li#c-1 .finding"))
        .any(|f| f.text().any(|t| t.contains("C020"))));
    assert_eq!(
        r.doc
            .select(&sel("svg.graph g.node.undeclared[data-name='a passer-by']"))
            .count(),
        1
    );
}

#[test]
fn unannotated_attributions_are_marked() {
    let claims = "article: test.txt
publisher: Harbour Times

actor the mayor
  kind: person

claim close
  source: the mayor
  cue: said
  quote: The harbour will close in May
";
    let r = render(claims, Some(ARTICLE));
    assert_valid(&r);
    let (annotated, total) = r.summary.coverage.unwrap();
    assert!(total > annotated, "{:?}", r.summary.coverage);
    let marked: String = r
        .doc
        .select(&sel(".text .unannotated"))
        .flat_map(|e| e.text())
        .collect();
    assert!(
        marked.contains("ships would move to the northern quay"),
        "{marked}"
    );
    // Not the annotated statement.
    assert!(!marked.contains("The harbour will close"), "{marked}");
}

#[test]
fn one_colour_per_source_actor() {
    let claims = "article: test.txt
publisher: Harbour Times

actor the mayor
  kind: person

actor A neighbour
  kind: person

claim one
  source: the mayor
  quote: The harbour will close in May

claim two
  source: the mayor
  quote: We have no money left

claim three
  source: A neighbour
  quote: the plan was rushed
";
    let r = render(claims, Some(ARTICLE));
    assert_valid(&r);
    let class = |i: usize| -> String {
        let a = r
            .doc
            .select(&sel(&format!(".text a.hl[data-claims='{i}']")))
            .next()
            .unwrap();
        a.value()
            .classes()
            .find(|c| c.starts_with('a') && c.len() > 1)
            .unwrap()
            .to_string()
    };
    assert_eq!(class(0), class(1));
    assert_ne!(class(0), class(2));
    assert_eq!(class(0), "a0");
    assert_eq!(class(2), "a1");
}

#[test]
fn overlapping_quotes_share_the_overlap() {
    let claims = "article: test.txt
publisher: Harbour Times

actor the mayor
  kind: person

claim long
  source: the mayor
  quote: The harbour will close in May

claim short
  source: the mayor
  quote: close in May, the mayor said
";
    let r = render(claims, Some(ARTICLE));
    assert_valid(&r);
    let both: String = r
        .doc
        .select(&sel(".text a.hl.multi[data-claims='0 1']"))
        .flat_map(|a| a.text().next())
        .collect();
    assert_eq!(both, "close in May");
}

#[test]
fn a_missing_article_still_gives_a_valid_page() {
    let r = render(EXAMPLE_CLAIMS, None);
    assert_valid(&r);
    assert_eq!(r.summary.highlighted, 0);
    assert!(r.html.contains("The article could not be read"));
    assert!(r.html.contains("C031"));
}

#[test]
fn index_links_every_page() {
    let entries = vec![
        IndexEntry {
            href: "a/one.html".into(),
            name: "a/one.claims".into(),
            summary: Summary {
                claims: 3,
                ..Summary::default()
            },
        },
        IndexEntry {
            href: "two%3Cx%3E.html".into(),
            name: "two<x>.claims".into(),
            summary: Summary::default(),
        },
    ];
    let html = index("corpus <1>", &entries);
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let hrefs: Vec<&str> = doc
        .select(&sel("td a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(hrefs, vec!["a/one.html", "two%3Cx%3E.html"]);
    assert!(html.contains("two&lt;x&gt;.claims") && html.contains("corpus &lt;1&gt;"));
}

#[test]
fn escape_covers_markup_quotes_and_controls() {
    assert_eq!(
        escape("<a href=\"x\" title='y'>&\u{1}</a>"),
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;\u{fffd}&lt;/a&gt;"
    );
    assert_eq!(escape("plain\ttext\n"), "plain\ttext\n");
}

#[test]
fn hrefs_are_percent_encoded() {
    assert_eq!(href("a b/c#d?.html"), "a%20b/c%23d%3F.html");
    assert_eq!(href("caf\u{e9}.html"), "caf%C3%A9.html");
}

#[test]
fn the_validator_rejects_broken_markup() {
    // The checks above would be worthless if the parser forgave everything.
    for broken in [
        "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p>a</div></body></html>",
        "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><a href=\"#x\" href=\"#y\">a</a></body></html>",
        "<html><head><title>x</title></head><body></body></html>",
    ] {
        let doc = Html::parse_document(broken);
        assert!(!doc.errors.is_empty(), "no error for {broken}");
    }
}

#[test]
fn the_checks_quote_searches_draw_the_same_page() {
    let (parsed, article, diagnostics, cache) = crate::check::tests::pier_checked_keeping_quotes();
    let quotes = cache.last_quotes.clone().expect("kept");
    let draw = |quotes: Option<&crate::check::QuoteMatches>| {
        page(&Page {
            name: "pier.claims",
            article_name: "pier.txt",
            parsed: &parsed,
            article: Some(&article),
            diagnostics: &diagnostics,
            coverage: cache.last_coverage.as_ref(),
            quotes,
        })
    };
    let (with, summary) = draw(Some(&quotes));
    let (without, _) = draw(None);
    assert_eq!(with, without);
    // Every claim has a part in the article (the near miss drawn where it should be).
    assert_eq!(summary.highlighted, 4);
    // A hand-made search is drawn as it is: the page does not search again.
    let moved = crate::check::QuoteMatches::from_claims(
        (0..quotes.claims())
            .map(|c| {
                (0..3)
                    .filter_map(|q| quotes.get(c, q).map(|s| (q, s.clone())))
                    .map(|(q, s)| {
                        if c == 0 {
                            (
                                q,
                                crate::article::QuoteSearch::NotFound {
                                    failed_part: 0,
                                    closest: None,
                                },
                            )
                        } else {
                            (q, s)
                        }
                    })
                    .collect()
            })
            .collect(),
    );
    let (_, summary) = draw(Some(&moved));
    assert_eq!(summary.highlighted, 3);
}
