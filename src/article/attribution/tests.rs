use super::*;
use crate::article::Article;

/// Prints the analysis of the article named by `CLAIMLS_EXPLAIN` (a local debugging aid).
#[test]
#[ignore]
fn explain() {
    let Ok(path) = std::env::var("CLAIMLS_EXPLAIN") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let a = Article::new(text);
    for at in &a.attributions().items {
        let s = |x: Option<Span>| x.map(|x| x.slice(&a.text).to_string());
        println!(
            "{:?} {:?} cue={:?} src={:?} res={:?} to={:?} chain={:?}\n   {:?}",
            at.kind,
            at.confidence,
            s(at.cue),
            s(at.source),
            s(at.resolved),
            s(at.addressee),
            at.chain
                .iter()
                .map(|c| c.slice(&a.text))
                .collect::<Vec<_>>(),
            at.content
                .iter()
                .map(|c| c.slice(&a.text))
                .collect::<Vec<_>>()
        );
    }
}
