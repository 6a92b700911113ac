//! `claimls draft`: a first-draft annotation from the article's attribution analysis.

mod common;

use common::*;
use std::collections::HashMap;
use std::path::Path;

/// A parsed `.claims` text: actors (canonical name -> names) and claims (source, via,
/// quotes), enough to compare a draft with a hand-made annotation.
struct Claims {
    names: HashMap<String, Vec<String>>,
    claims: Vec<(String, Vec<String>, Vec<String>)>,
}

fn parse(text: &str) -> Claims {
    let mut names: HashMap<String, Vec<String>> = HashMap::new();
    let mut claims = Vec::new();
    let mut actor: Option<String> = None;
    let mut field = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix("actor ") {
            actor = Some(name.trim().to_lowercase());
            names.insert(name.trim().to_lowercase(), vec![name.trim().to_lowercase()]);
            continue;
        }
        if line.starts_with("claim ") {
            actor = None;
            claims.push((String::new(), Vec::new(), Vec::new()));
            continue;
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some((key, value)) = trimmed.split_once(':').filter(|_| indent <= 2) {
            field = key.to_string();
            let value = value.trim().to_string();
            match (key, &actor) {
                ("aka", Some(a)) => names
                    .get_mut(a)
                    .unwrap()
                    .extend(value.split(',').map(|x| x.trim().to_lowercase())),
                ("source", None) => claims.last_mut().unwrap().0 = value.to_lowercase(),
                ("via", None) => {
                    claims.last_mut().unwrap().1 =
                        value.split(", ").map(str::to_lowercase).collect()
                }
                ("quote", None) => claims.last_mut().unwrap().2.push(value),
                _ => {}
            }
        } else if field == "quote" && actor.is_none() {
            // A continuation line of a quote.
            let q = claims.last_mut().unwrap().2.last_mut().unwrap();
            q.push(' ');
            q.push_str(trimmed);
        }
    }
    Claims { names, claims }
}

fn same_actor(a: &Claims, a_name: &str, b: &Claims, b_name: &str) -> bool {
    let a_names = a
        .names
        .get(a_name)
        .cloned()
        .unwrap_or_else(|| vec![a_name.to_string()]);
    let b_names = b
        .names
        .get(b_name)
        .cloned()
        .unwrap_or_else(|| vec![b_name.to_string()]);
    a_names.iter().any(|n| b_names.contains(n))
}

fn draft_of(path: &str) -> String {
    let out = run(&["draft", path]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn draft_of_the_example_has_every_claim_of_the_annotation() {
    let drafted = parse(&draft_of("examples/000_a935861ad7be96ce.txt"));
    let gold = parse(
        &std::fs::read_to_string(root().join("examples/000_a935861ad7be96ce.claims")).unwrap(),
    );
    // The draft may hold more: an attribution reported inside another's content ("the
    // leader of the SNA had asked …"), which the annotation leaves out.
    assert!(drafted.claims.len() >= gold.claims.len());
    assert!(drafted.claims.len() <= gold.claims.len() + 1);
    for (source, _, quotes) in &gold.claims {
        let quote = quotes.join(" ");
        let found = drafted
            .claims
            .iter()
            .find(|(_, _, q)| q.iter().any(|d| d.contains(&quote)))
            .unwrap_or_else(|| panic!("no drafted claim covers {quote:?}"));
        let (d_source, d_via, _) = found;
        // "CNN reported citing a Syrian national": the analysis credits the Syrian national,
        // via CNN; the annotation credits CNN's own report. Both name CNN on the claim.
        let ok = same_actor(&gold, source, &drafted, d_source)
            || d_via.iter().any(|v| same_actor(&gold, source, &drafted, v));
        assert!(
            ok,
            "{quote:?}: annotation says {source:?}, draft says {d_source:?} via {d_via:?}"
        );
    }
    // Only the citing claim differs in its source.
    let differing = gold
        .claims
        .iter()
        .filter(|(source, _, quotes)| {
            let quote = quotes.join(" ");
            let (d_source, _, _) = drafted
                .claims
                .iter()
                .find(|(_, _, q)| q.iter().any(|d| d.contains(&quote)))
                .unwrap();
            !same_actor(&gold, source, &drafted, d_source)
        })
        .count();
    assert_eq!(differing, 1);
}

fn check_draft(dir: &Path, article: &str) -> Vec<serde_json::Value> {
    let out = run_in(dir, &["draft", article, "-o", "draft.claims", "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let (_, items) = json_in(dir, &["draft.claims"]);
    items
        .into_iter()
        .filter(|d| d["severity"] == "error")
        .collect()
}

#[test]
fn a_draft_checks_without_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples").join(SEED_ARTICLE),
        dir.path().join(SEED_ARTICLE),
    )
    .unwrap();
    let errors = check_draft(dir.path(), SEED_ARTICLE);
    assert!(errors.is_empty(), "{errors:#?}");

    let article = "date 2022-05-01 Ramos: the port will reopen next week\n\n\
        LISBON (Harbour Times) The harbour master, Luis Ramos, said on Monday that the port would reopen next week.\n\n\
        \"We have repaired both cranes,\" Ramos said. \"The ships can come back.\"\n\n\
        According to the shipping union, 300 workers were sent home. The union warned that jobs were at risk.\n\n\
        The Transport Ministry denied the union's figures. The ministry said in a statement that only 120 workers were affected.\n\n\
        Maria Lopez, a dock worker, told Radio Nord that she had not been paid for a month. She said: \"We were told nothing.\n\n\
        \"Nobody called us.\"\n\n\
        The repairs cost 2 million euros, the Harbour Times reported citing a ministry engineer.\n";
    std::fs::write(dir.path().join("port.txt"), article).unwrap();
    let errors = check_draft(dir.path(), "port.txt");
    assert!(errors.is_empty(), "{errors:#?}");
    let text = std::fs::read_to_string(dir.path().join("draft.claims")).unwrap();
    let drafted = parse(&text);
    assert!(drafted.claims.len() >= 9, "{text}");
    assert!(text.contains("publisher: Harbour Times"), "{text}");
    assert!(text.contains("  cue: told Radio Nord"), "{text}");
    assert!(text.contains("  stance: denies"), "{text}");
    assert!(
        text.contains("  quote: We were told nothing\n  quote: Nobody called us\n"),
        "{text}"
    );
    assert!(
        text.contains("  quote: We have repaired both cranes \u{2026} The ships can come back\n"),
        "{text}"
    );
}

#[test]
fn draft_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples").join(SEED_ARTICLE),
        dir.path().join(SEED_ARTICLE),
    )
    .unwrap();
    let target = dir.path().join("mine.claims");
    std::fs::write(&target, "# my own work\n").unwrap();
    let out = run_in(dir.path(), &["draft", SEED_ARTICLE, "-o", "mine.claims"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "# my own work\n");
    let out = run_in(
        dir.path(),
        &["draft", SEED_ARTICLE, "-o", "mine.claims", "--force"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(std::fs::read_to_string(&target).unwrap().contains("claim "));
    // Without -o the draft goes to standard output and no file is written.
    let out = run_in(dir.path(), &["draft", SEED_ARTICLE]);
    assert!(stdout(&out).starts_with("article: 000_a935861ad7be96ce.txt\ndate: 2020-10-02\n"));
    // A missing article is a usage error, not a crash.
    let out = run_in(dir.path(), &["draft", "missing.txt"]);
    assert_eq!(code(&out), 2);
}
