//! `claimls import w3c FILE.jsonld ARTICLE.txt`: W3C Web Annotations on an article to
//! `.claims` text.
//!
//! Accepts one `Annotation`, an array of them, or an `AnnotationPage` /
//! `AnnotationCollection` (`items`, or `first.items`). Each annotation becomes a claim:
//! every target's quote is placed with its `TextPositionSelector` when the article holds
//! the `exact` text there, else with its `TextQuoteSelector` (the occurrence whose
//! `prefix` and `suffix` fit best); a quote the article does not hold is kept as written,
//! so `claimls check` reports it. Body tags `source: …`, `via: …`, `cue: …`, `stance: …`,
//! `supports: …`, `disputes: …`, `responds-to: …` (as `claimls export --format w3c`
//! writes them) become fields; comments become `note:`, and so do other textual
//! bodies of an annotation without a `source:` tag.

use super::byte_of_char;
use super::import_brat::{valid_id, Claim, Imported};
use crate::model::UNNAMED;
use serde_json::Value;
use std::collections::HashSet;

/// `value` as a list: an array's elements, or the value itself.
fn list(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) if !v.is_null() => vec![v],
        _ => Vec::new(),
    }
}

fn annotations(doc: &Value) -> Vec<&Value> {
    match doc {
        Value::Array(a) => a.iter().collect(),
        Value::Object(o) => {
            if let Some(items) = o.get("items") {
                list(Some(items))
            } else if let Some(items) = o.get("first").and_then(|f| f.get("items")) {
                list(Some(items))
            } else {
                vec![doc]
            }
        }
        _ => Vec::new(),
    }
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// Where the target's quote is in the article (bytes), or the quote's words when the
/// article does not hold them.
fn place(target: &Value, article: &str) -> Option<Result<(usize, usize), String>> {
    let selectors = list(target.get("selector"));
    let quote = selectors
        .iter()
        .find(|s| str_of(s, "type") == Some("TextQuoteSelector"));
    let position = selectors
        .iter()
        .find(|s| str_of(s, "type") == Some("TextPositionSelector"))
        .and_then(|s| {
            let n = |k: &str| s.get(k).and_then(Value::as_u64).map(|n| n as usize);
            Some((n("start")?, n("end")?))
        })
        .and_then(|(s, e)| Some((byte_of_char(article, s)?, byte_of_char(article, e)?)))
        .filter(|(s, e)| s < e);
    let exact = quote.and_then(|q| str_of(q, "exact"));
    match (exact, position) {
        (None, None) => None,
        (None, Some(p)) => Some(Ok(p)),
        (Some(exact), p) => {
            if let Some((s, e)) = p {
                if &article[s..e] == exact {
                    return Some(Ok((s, e)));
                }
            }
            let prefix = quote.and_then(|q| str_of(q, "prefix")).unwrap_or("");
            let suffix = quote.and_then(|q| str_of(q, "suffix")).unwrap_or("");
            let best = article
                .match_indices(exact)
                .map(|(i, _)| i)
                .max_by_key(|&i| {
                    let end = i + exact.len();
                    (
                        usize::from(article[..i].ends_with(prefix))
                            + usize::from(article[end..].starts_with(suffix)),
                        std::cmp::Reverse(i),
                    )
                });
            Some(match best {
                Some(i) => Ok((i, i + exact.len())),
                None => Err(exact.to_string()),
            })
        }
    }
}

/// Imports the annotations of `jsonld` on `article`; `Err` when it is not JSON.
pub fn import(article_name: &str, article: &str, jsonld: &str) -> Result<Imported, String> {
    let doc: Value = serde_json::from_str(jsonld).map_err(|e| format!("not JSON: {e}"))?;
    let mut result = Imported::default();
    let mut claims = Vec::new();
    let mut ids = HashSet::new();
    for (n, a) in annotations(&doc).into_iter().enumerate() {
        if !list(a.get("type"))
            .iter()
            .any(|t| t.as_str() == Some("Annotation"))
        {
            result.lose("item that is not an `Annotation`");
            continue;
        }
        let mut claim = Claim {
            id: String::new(),
            source: String::new(),
            source_mention: None,
            via: None,
            cue: None,
            quotes: Vec::new(),
            stance: None,
            relations: Vec::new(),
            notes: Vec::new(),
        };
        let mut describing = Vec::new();
        for b in list(a.get("body")) {
            let text = match b {
                Value::String(s) => s.as_str(),
                _ => str_of(b, "value").unwrap_or(""),
            };
            let purpose = str_of(b, "purpose").unwrap_or("");
            let tag = text.split_once(": ").filter(|_| purpose == "tagging");
            match tag {
                Some(("source", v)) => claim.source = v.to_string(),
                Some(("source-mention", v)) => claim.source_mention = Some(v.to_string()),
                Some(("via", v)) => {
                    claim.via = Some(match claim.via.take() {
                        Some(before) => format!("{before}, {v}"),
                        None => v.to_string(),
                    })
                }
                Some(("cue", v)) => claim.cue = Some(v.to_string()),
                Some(("stance", v)) => claim.stance = Some(v.to_string()),
                Some((k @ ("supports" | "disputes" | "responds-to"), v)) => {
                    claim.relations.push((k.to_string(), v.to_string()))
                }
                _ if purpose == "tagging" && text == "unresolved" => {}
                _ if purpose == "commenting" => claim.notes.push(text.trim().to_string()),
                _ if !text.trim().is_empty() => describing.push(text.trim().to_string()),
                _ => {}
            }
        }
        // The exporter's describing sentence repeats the tags; any other text is a note.
        if claim.source.is_empty() {
            claim.notes.append(&mut describing);
        }
        for t in list(a.get("target")) {
            match place(t, article) {
                Some(Ok((s, e))) => claim.quotes.push(article[s..e].trim().to_string()),
                Some(Err(words)) => {
                    result.change("quote the article does not hold (kept as written)");
                    claim.quotes.push(words);
                }
                None => result.lose("target without a text selector"),
            }
        }
        if claim.quotes.is_empty() {
            result.lose("annotation without a quote (a claim needs one)");
            continue;
        }
        if claim.source.is_empty() {
            result.change("annotation without a source (written as `source: unnamed`)");
            claim.source = UNNAMED.to_string();
        }
        let from_id = str_of(a, "id")
            .and_then(|id| id.rsplit([':', '#', '/']).next())
            .filter(|id| valid_id(id) && !ids.contains(*id));
        claim.id = match from_id {
            Some(id) => id.to_string(),
            None => format!("a{}", n + 1),
        };
        ids.insert(claim.id.clone());
        claims.push(claim);
    }
    result.set_claims(
        "W3C Web Annotations by `claimls import w3c`",
        article_name,
        article,
        &claims,
    );
    Ok(result)
}
