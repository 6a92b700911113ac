//! Find references, document highlight, rename and "Fix all", through the protocol, with
//! UTF-16 positions on non-ASCII names.

#[path = "lsp/harness.rs"]
mod harness;

use harness::*;
use serde_json::{json, Value};

/// Byte offset of a UTF-16 position in `text`.
fn offset(text: &str, p: &Value) -> usize {
    let line = p["line"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = p["character"].as_u64().unwrap() as usize;
    let mut at = start;
    for ch in text[start..].chars() {
        if units == 0 || ch == '\n' {
            break;
        }
        units = units.saturating_sub(ch.len_utf16());
        at += ch.len_utf8();
    }
    at
}

/// `text` with LSP `TextEdit`s applied (non-overlapping, any order).
fn apply(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"]),
                offset(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (a, b, new) in spans {
        out.replace_range(a..b, &new);
    }
    out
}

fn at(uri: &str, text: &str, needle: &str, k: usize) -> Value {
    let (line, character) = utf16_position(text, needle, k);
    json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn references_and_highlights_of_actors_and_claim_ids() {
    let h = Harness::standard().await;
    let (uri, _) = h.open_example().await;
    let t = EXAMPLE_CLAIMS;
    let mut params = at(&uri, t, "actor Russian Foreign Ministry", 8);
    params["context"] = json!({ "includeDeclaration": true });
    let refs = h.call("textDocument/references", params.clone()).await;
    let refs = refs.as_array().unwrap();
    let in_file: Vec<&Value> = refs.iter().filter(|r| r["uri"] == uri).collect();
    let texts: Vec<String> = in_file
        .iter()
        .map(|r| {
            let (a, b) = (
                offset(t, &r["range"]["start"]),
                offset(t, &r["range"]["end"]),
            );
            t[a..b].to_string()
        })
        .collect();
    assert_eq!(
        texts,
        [
            "Russian Foreign Ministry",
            "Moscow",
            "Russia",
            "Russian Foreign Ministry"
        ]
    );
    let article_uri = h.uri(ARTICLE_NAME);
    let in_article: Vec<&Value> = refs.iter().filter(|r| r["uri"] == article_uri).collect();
    assert!(!in_article.is_empty(), "the article's mentions: {refs:?}");
    for r in in_article {
        let (a, b) = (
            offset(EXAMPLE_ARTICLE, &r["range"]["start"]),
            offset(EXAMPLE_ARTICLE, &r["range"]["end"]),
        );
        let said = &EXAMPLE_ARTICLE[a..b];
        assert!(
            ["Russian Foreign Ministry", "Moscow", "Russia", "Russian"]
                .iter()
                .any(|n| said.contains(n)),
            "{said}"
        );
    }
    params["context"] = json!({ "includeDeclaration": false });
    let without = h.call("textDocument/references", params).await;
    assert_eq!(
        without.as_array().unwrap().len(),
        refs.len() - 1,
        "all but the declaration"
    );

    // A claim id: its head and the relations naming it; highlights say which defines it.
    let highlights = h
        .call(
            "textDocument/documentHighlight",
            at(&uri, t, "disputes: armenia-accusation", 12),
        )
        .await;
    let kinds: Vec<u64> = highlights
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["kind"].as_u64().unwrap())
        .collect();
    assert_eq!(kinds, [3, 2, 2], "write (the claim head), then two reads");
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rename_actors_and_ids_with_utf16_positions() {
    let h = Harness::standard().await;
    let (uri, _) = h.open_example().await;
    let t = EXAMPLE_CLAIMS.to_string();

    // To a name with letters outside the BMP and accents, from a `source:` use.
    let mut params = at(&uri, &t, "  source: Omer Celik", 12);
    params["newName"] = json!("Ömer Çelik 𝒜");
    let edit = h.call("textDocument/rename", params).await;
    let edits = edit["changes"][&uri].as_array().unwrap().clone();
    assert_eq!(edits.len(), 2, "declaration and the one use: {edit}");
    let renamed = apply(&t, &edits);
    assert!(
        renamed.contains("actor Ömer Çelik 𝒜\n") && renamed.contains("  source: Ömer Çelik 𝒜\n")
    );
    h.change(&uri, 2, json!([{ "text": renamed }])).await;
    let diags = h.diagnostics(&uri, 2).await;
    assert!(
        codes(&diags).contains(&"C020".to_string()),
        "the article does not know the new name: {diags}"
    );

    // Back again, the cursor after the astral character (UTF-16 column past a surrogate pair).
    let mut params = at(
        &uri,
        &renamed,
        "  source: Ömer Çelik 𝒜",
        "  source: Ömer Çelik 𝒜".len(),
    );
    let prepared = h.call("textDocument/prepareRename", params.clone()).await;
    let (a, b) = (
        offset(&renamed, &prepared["start"]),
        offset(&renamed, &prepared["end"]),
    );
    assert_eq!(&renamed[a..b], "Ömer Çelik 𝒜");
    params["newName"] = json!("Omer Celik");
    let edit = h.call("textDocument/rename", params).await;
    let back = apply(&renamed, edit["changes"][&uri].as_array().unwrap());
    assert_eq!(back, t, "renaming back restores the file exactly");

    // A claim id and its relations.
    let mut params = at(&uri, &t, "claim armenia-accusation", 8);
    params["newName"] = json!("yerevan-accusation");
    h.change(&uri, 3, json!([{ "text": t }])).await;
    h.diagnostics(&uri, 3).await;
    let edit = h.call("textDocument/rename", params).await;
    let renamed = apply(&t, edit["changes"][&uri].as_array().unwrap());
    assert_eq!(renamed.matches("yerevan-accusation").count(), 3);
    assert!(!renamed.contains("armenia-accusation"));

    // Refusals: not a renamable place, a clash, a bad id.
    let response = h
        .request("textDocument/prepareRename", at(&uri, &t, "  cue: said", 3))
        .await;
    assert!(response["error"]["message"]
        .as_str()
        .unwrap()
        .contains("nothing to rename"));
    let mut params = at(&uri, &t, "actor Syrian national", 8);
    params["newName"] = json!("CNN");
    let response = h.request("textDocument/rename", params).await;
    assert!(
        response["error"]["message"]
            .as_str()
            .unwrap()
            .contains("already a name of actor `CNN`"),
        "{response}"
    );
    let mut params = at(&uri, &t, "claim baku-denial", 8);
    params["newName"] = json!("two words");
    let response = h.request("textDocument/rename", params).await;
    assert!(response["error"]["message"]
        .as_str()
        .unwrap()
        .contains("cannot be a claim id"));
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fix_all_applies_every_safe_fix_in_one_edit() {
    let h = Harness::standard().await;
    let broken = EXAMPLE_CLAIMS
        .replacen("concerned over reports", "concerned ovr reports", 1)
        .replacen("stance: denies", "stance: denise", 1)
        .replacen("  cue: told Sputnik", "  cuee: told Sputnik", 1);
    let uri = h.open(CLAIMS_NAME, "claims", 1, &broken).await;
    h.diagnostics(&uri, 1).await;
    let here =
        json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } });
    let actions = h
        .call(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": here,
                    "context": { "diagnostics": [], "only": ["source.fixAll"] } }),
        )
        .await;
    let fix_all: Vec<&Value> = actions
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "source.fixAll.claimls")
        .collect();
    assert_eq!(fix_all.len(), 1, "{actions:#}");
    assert_eq!(fix_all[0]["title"], "Fix all: 3 safe fixes (claimls)");
    let fixed = apply(
        &broken,
        fix_all[0]["edit"]["changes"][&uri].as_array().unwrap(),
    );
    assert_eq!(fixed, EXAMPLE_CLAIMS);
    // A clean file offers none.
    h.change(&uri, 2, json!([{ "text": EXAMPLE_CLAIMS }])).await;
    h.diagnostics(&uri, 2).await;
    let actions = h
        .call(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": here,
                    "context": { "diagnostics": [], "only": ["source.fixAll.claimls"] } }),
        )
        .await;
    assert!(
        !actions
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["kind"] == "source.fixAll.claimls"),
        "{actions}"
    );
    assert!(h.shutdown().await);
}
