//! One test per check code that triggers it and one that must not.

use super::*;
use crate::diagnostic::Code;

const ARTICLE: &str = include_str!("../../examples/000_a935861ad7be96ce.txt");

fn run_with(claims: &str, config: &Config) -> Vec<Diagnostic> {
    let parsed = Parsed::new(claims);
    let article = Arc::new(Article::new(ARTICLE));
    check(&parsed, ArticleRef::Loaded(&article), config, &mut ClaimCache::new())
}

fn run(claims: &str) -> Vec<Diagnostic> {
    run_with(claims, &Config::default())
}

#[test]
fn bundled_example_is_clean() {
    let claims = include_str!("../../examples/000_a935861ad7be96ce.claims");
    let diags = run(claims);
    let serious: Vec<_> = diags.iter().filter(|d| d.severity.reaches(crate::diagnostic::Severity::Warning)).collect();
    assert!(serious.is_empty(), "{:#?}", serious.iter().map(|d| (d.code, d.span.slice(claims), &d.message)).collect::<Vec<_>>());
}
