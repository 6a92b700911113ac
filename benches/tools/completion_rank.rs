//! How completion after `source:` ranks the gold source: for every claim of the `.claims`
//! files in DIR whose source is a name (not a pronoun, possessive ones included, not
//! `unnamed`), the source is blanked and completion is asked at the cursor after
//! `source: `; the rank of the first proposal naming the gold source is recorded.
//!
//!     cargo run --release --example completion_rank -- DIR
//!
//! A proposal names the gold source when, compared as lowercase words without a leading
//! determiner or a possessive `'s`, one is the other or ends with it ("Donald Trump" for
//! "Trump", "Trump" for "Republican nominee Donald Trump"). Prints the share first, in
//! the top 5, and not offered at all, for names starting with a capital (proper names)
//! and for all named sources. A gold source with an apposition or a relative clause
//! ("Ann Dole, a spokeswoman for the council,") is also named by its head name ("Ann
//! Dole"): no proposal can hold the whole phrase, and the name is what a claim gives.
//! `WHOLE_GOLD=1` counts the whole phrase only (the figures before this was added).

use claimls::article::Article;
use claimls::check::Parsed;
use claimls::config::Config;
use claimls::ide;
use std::path::Path;

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "which", "that",
    "this", "these", "those", "unnamed", "his", "its", "their", "our", "my", "your",
];
const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those"];

fn words(name: &str) -> Vec<String> {
    let name = name.replace("\u{2019}s", "").replace("'s", "");
    let mut w: Vec<String> = name
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("\u{2019}s")
                .trim_matches('.')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    while w.first().is_some_and(|f| DETERMINERS.contains(&f.as_str())) {
        w.remove(0);
    }
    w
}

fn names(label: &str, gold: &str) -> bool {
    let same = |gold: &str| {
        let (a, b) = (words(label), words(gold));
        !a.is_empty() && !b.is_empty() && (a == b || a.ends_with(&b) || b.ends_with(&a))
    };
    same(gold) || (std::env::var_os("WHOLE_GOLD").is_none() && head_name(gold).is_some_and(same))
}

/// A gold source with an apposition or a relative clause, cut to the name it describes:
/// "Ann Dole, a spokeswoman for the council," and "Ann Dole (D-Ore.)" name "Ann Dole";
/// "Lee, who has two children" names "Lee".
fn head_name(gold: &str) -> Option<&str> {
    let cut = [", ", " (", " who ", " whose ", " which "]
        .iter()
        .filter_map(|m| gold.find(m))
        .min()?;
    let head = gold[..cut].trim();
    (!head.is_empty()).then_some(head)
}

#[derive(Default)]
struct Tally {
    claims: usize,
    first: usize,
    top5: usize,
    missing: usize,
}

impl Tally {
    fn add(&mut self, rank: Option<usize>) {
        self.claims += 1;
        match rank {
            Some(0) => {
                self.first += 1;
                self.top5 += 1
            }
            Some(r) if r < 5 => self.top5 += 1,
            Some(_) => {}
            None => self.missing += 1,
        }
    }

    fn show(&self, what: &str) {
        let pct = |n: usize| 100.0 * n as f64 / self.claims.max(1) as f64;
        println!(
            "{what}: {} claims; first {:.1}%, top 5 {:.1}%, not offered {:.1}%",
            self.claims,
            pct(self.first),
            pct(self.top5),
            pct(self.missing)
        );
    }
}

fn main() {
    let dir = std::env::args().nth(1).expect("usage: completion_rank DIR");
    let verbose = std::env::var_os("VERBOSE").is_some();
    let config = Config::default();
    let (mut proper, mut all) = (Tally::default(), Tally::default());
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("DIR")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "claims"))
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).expect("claims");
        let parsed = Parsed::new(text.clone());
        let article_path = parsed.article_path(Path::new(&path));
        let Ok(article_text) = std::fs::read_to_string(&article_path) else {
            continue;
        };
        let article = Article::new(article_text);
        for claim in &parsed.model.claims {
            let Some(field) = &claim.source else { continue };
            let gold = field.value.text.as_str();
            if gold.is_empty() || PRONOUNS.contains(&gold.to_lowercase().as_str()) {
                continue;
            }
            let span = field.value.span();
            let blanked = format!("{}{}", &text[..span.start], &text[span.end..]);
            let p = Parsed::new(blanked);
            let mut items = ide::completion(&p, Some(&article), span.start, &config);
            items.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
            let rank = items.iter().position(|c| names(&c.label, gold));
            if verbose && rank != Some(0) {
                let top: Vec<&str> = items.iter().take(5).map(|c| c.label.as_str()).collect();
                println!(
                    "{}\t{}\t{gold}\t{rank:?}\t{top:?}",
                    path.display(),
                    claim.id
                );
            }
            all.add(rank);
            let capital = !words(gold).is_empty()
                && gold
                    .split_whitespace()
                    .find(|w| !DETERMINERS.contains(&w.to_lowercase().as_str()))
                    .is_some_and(|w| w.starts_with(char::is_uppercase));
            if capital {
                proper.add(rank);
            }
        }
    }
    proper.show("proper names");
    all.show("all named sources");
}
