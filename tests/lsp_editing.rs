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

/// Decodes `data` (relative, five numbers per token) into `(line, start, length, type,
/// modifiers)`.
fn decode(data: &[Value]) -> Vec<(u64, u64, u64, u64, u64)> {
    let n: Vec<u64> = data.iter().map(|v| v.as_u64().unwrap()).collect();
    let (mut line, mut start) = (0, 0);
    n.chunks(5)
        .map(|c| {
            line += c[0];
            start = if c[0] == 0 { start + c[1] } else { c[1] };
            (line, start, c[2], c[3], c[4])
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn semantic_tokens_full_and_delta_with_utf16_lengths() {
    let h = Harness::standard().await;
    let init = Harness::start().await;
    let result = init.initialize(watching_capabilities(), json!({})).await;
    let legend = &result["capabilities"]["semanticTokensProvider"]["legend"];
    let types: Vec<&str> = legend["tokenTypes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    let mods: Vec<&str> = legend["tokenModifiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(init.shutdown().await);
    // The VS Code extension gives every type a scope and declares the custom modifiers,
    // so themes colour them.
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/vscode/package.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let scopes = &manifest["contributes"]["semanticTokenScopes"][0]["scopes"];
    for t in &types {
        assert!(scopes[*t].is_array(), "no scope for token type {t}");
    }
    let declared: Vec<&str> = manifest["contributes"]["semanticTokenModifiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    for m in &mods {
        assert!(
            *m == "declaration" || declared.contains(m),
            "modifier {m} not declared"
        );
    }

    // A near miss in one quote, and a Cyrillic actor name the article does not know.
    let text = EXAMPLE_CLAIMS
        .replacen("concerned over reports", "concerned ovr reports", 1)
        .replacen("  source: Omer Celik", "  source: Омер Челик", 1);
    let uri = h.open(CLAIMS_NAME, "claims", 1, &text).await;
    h.diagnostics(&uri, 1).await;
    let full = h
        .call(
            "textDocument/semanticTokens/full",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    let tokens = decode(full["data"].as_array().unwrap());
    let lines: Vec<&str> = text.lines().collect();
    let token_text = |t: &(u64, u64, u64, u64, u64)| -> String {
        let line: Vec<u16> = lines[t.0 as usize].encode_utf16().collect();
        String::from_utf16(&line[t.1 as usize..(t.1 + t.2) as usize]).unwrap()
    };
    let find = |want: &str| {
        tokens
            .iter()
            .find(|t| token_text(t) == want)
            .copied()
            .unwrap_or_else(|| panic!("no token {want}"))
    };
    let cyrillic = find("Омер Челик");
    assert_eq!(types[cyrillic.3 as usize], "class");
    assert_eq!(mods[cyrillic.4.trailing_zeros() as usize], "undeclared");
    let near = find("Moscow was concerned ovr reports about the transfer of militants of illegal");
    assert_eq!(types[near.3 as usize], "string");
    assert_eq!(mods[near.4.trailing_zeros() as usize], "nearMiss");
    let exact =
        find("France had credible information about Syrian militants being deployed to the");
    assert_eq!(mods[exact.4.trailing_zeros() as usize], "exact");
    assert_eq!(types[find("claim").3 as usize], "keyword");

    // After an edit, the delta from the last result gives the same tokens as a full request.
    let fixed = text.replacen("concerned ovr reports", "concerned over reports", 1);
    h.change(&uri, 2, json!([{ "text": fixed }])).await;
    h.diagnostics(&uri, 2).await;
    let delta = h
        .call(
            "textDocument/semanticTokens/full/delta",
            json!({ "textDocument": { "uri": uri }, "previousResultId": full["resultId"] }),
        )
        .await;
    let mut data = full["data"].as_array().unwrap().clone();
    let edits = delta["edits"].as_array().expect("a delta, not full tokens");
    assert_eq!(edits.len(), 1);
    for e in edits {
        let start = e["start"].as_u64().unwrap() as usize;
        let count = e["deleteCount"].as_u64().unwrap() as usize;
        let new = e["data"].as_array().cloned().unwrap_or_default();
        data.splice(start..start + count, new);
    }
    let again = h
        .call(
            "textDocument/semanticTokens/full",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    assert_eq!(&data, again["data"].as_array().unwrap());
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn folding_and_selection_ranges() {
    let h = Harness::standard().await;
    let (uri, _) = h.open_example().await;
    let folds = h
        .call(
            "textDocument/foldingRange",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    let (claim_line, _) = utf16_position(EXAMPLE_CLAIMS, "claim moscow-concern", 0);
    assert!(folds
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["startLine"] == claim_line
            && f["endLine"] == claim_line + 5
            && f["kind"] == "region"));
    assert!(folds
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["kind"] == "comment"));
    let (line, character) = utf16_position(EXAMPLE_CLAIMS, "aka: The man, Syrian man", 16);
    let sel = h
        .call(
            "textDocument/selectionRange",
            json!({ "textDocument": { "uri": uri }, "positions": [{ "line": line, "character": character }] }),
        )
        .await;
    let mut depth = 0;
    let mut r = &sel[0];
    while r.is_object() {
        depth += 1;
        r = &r["parent"];
    }
    assert!(depth >= 5, "item, value, field, block, file: {sel}");
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pull_diagnostics_lenses_and_inlay_hints() {
    let h = Harness::standard().await;
    let text = EXAMPLE_CLAIMS
        .replacen("concerned over reports", "concerned ovr reports", 1)
        .replacen(
            "  source: Emmanuel Macron",
            "  source: Leyla Abdullayeva",
            1,
        );
    let uri = h.open(CLAIMS_NAME, "claims", 1, &text).await;
    let pushed = h.diagnostics(&uri, 1).await;
    // Pulled: the same findings as pushed.
    let pulled = h
        .call(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    assert_eq!(pulled["kind"], "full");
    assert_eq!(pulled["items"], pushed["diagnostics"], "{pulled}");
    assert!(codes(&pushed).contains(&"C011".to_string()));

    let lenses = h
        .call(
            "textDocument/codeLens",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    let titles: Vec<&str> = lenses
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["command"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 13, "one per actor: {titles:?}");
    assert_eq!(titles[1], "5 claims", "Syrian national");
    let lens = &lenses[1]["command"];
    assert_eq!(lens["command"], "claimls.showReferences");
    assert_eq!(lens["arguments"][2].as_array().unwrap().len(), 5);

    let all =
        json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 10000, "character": 0 } });
    let hints = h
        .call(
            "textDocument/inlayHint",
            json!({ "textDocument": { "uri": uri }, "range": all }),
        )
        .await;
    let labels: Vec<&str> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"≈¶8"), "{labels:?}");
    assert!(labels.contains(&"≠ Emmanuel Macron"), "{labels:?}");
    assert!(labels.iter().filter(|l| l.starts_with('¶')).count() >= 15);
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_are_refreshed_when_quote_levels_change() {
    let caps = json!({ "workspace": { "semanticTokens": { "refreshSupport": true } } });
    let (h, _) = Harness::initialized(caps, json!({ "claimls": { "debounceMs": 0 } })).await;
    let (uri, _) = h.open_example().await;
    // The first findings: tokens served before them had no match levels.
    h.wait_server_request("workspace/semanticTokens/refresh")
        .await;
    let asked = h.server_requests("workspace/semanticTokens/refresh").len();
    // An edit that changes no quote's level asks for nothing more.
    let text = EXAMPLE_CLAIMS.replacen("stance: denies", "stance: accuses", 1);
    h.change(&uri, 2, json!([{ "text": text }])).await;
    h.diagnostics(&uri, 2).await;
    assert_eq!(
        h.server_requests("workspace/semanticTokens/refresh").len(),
        asked
    );
    // A near miss does.
    let text = text.replacen("concerned over reports", "concerned ovr reports", 1);
    h.change(&uri, 3, json!([{ "text": text }])).await;
    h.diagnostics(&uri, 3).await;
    let more = tokio::time::timeout(TIMEOUT, async {
        loop {
            if h.server_requests("workspace/semanticTokens/refresh").len() > asked {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    })
    .await;
    assert!(more.is_ok(), "a refresh after the near miss appeared");
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_symbols_across_files() {
    let h = Harness::standard().await;
    std::fs::create_dir_all(h.path("more")).unwrap();
    std::fs::write(
        h.path("more/other.claims"),
        "article: ../000_a935861ad7be96ce.txt\n\nactor Sergei Lavrov\n  kind: person\n",
    )
    .unwrap();
    let (uri, _) = h.open_example().await;
    let found = h
        .call("workspace/symbol", json!({ "query": "lavrov" }))
        .await;
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["name"], "Sergei Lavrov");
    assert!(found[0]["location"]["uri"]
        .as_str()
        .unwrap()
        .ends_with("/more/other.claims"));
    // Claim ids too, and the open document as the editor has it.
    let edited = EXAMPLE_CLAIMS.replacen("claim baku-denial", "claim baku-rejection", 1);
    h.change(&uri, 2, json!([{ "text": edited }])).await;
    h.diagnostics(&uri, 2).await;
    let found = h
        .call("workspace/symbol", json!({ "query": "bakurej" }))
        .await;
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["name"], "baku-rejection");
    assert_eq!(found[0]["location"]["uri"], uri);
    let (line, _) = utf16_position(&edited, "claim baku-rejection", 0);
    assert_eq!(found[0]["location"]["range"]["start"]["line"], line);
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pull_mode_serves_diagnostics_by_pull_only() {
    // Default: push only, nothing advertised (a client that pulled as well would show
    // every finding twice).
    let (h, result) = Harness::initialized(
        json!({ "textDocument": { "diagnostic": {} } }),
        json!({ "claimls": { "debounceMs": 0 } }),
    )
    .await;
    assert!(result["capabilities"]["diagnosticProvider"].is_null());
    assert!(h.shutdown().await);

    let caps = json!({
        "textDocument": { "diagnostic": {} },
        "workspace": { "diagnostics": { "refreshSupport": true } }
    });
    let (h, result) = Harness::initialized(
        caps,
        json!({ "claimls": { "debounceMs": 0, "pullDiagnostics": true } }),
    )
    .await;
    assert_eq!(
        result["capabilities"]["diagnosticProvider"]["identifier"],
        "claimls"
    );
    let text = EXAMPLE_CLAIMS.replacen("concerned over reports", "concerned ovr reports", 1);
    let uri = h.open(CLAIMS_NAME, "claims", 1, &text).await;
    // The check ran: the client is told to pull, and nothing is pushed for the file.
    h.wait_server_request("workspace/diagnostic/refresh").await;
    let pushed: Vec<Value> = h
        .notifications("textDocument/publishDiagnostics")
        .into_iter()
        .filter(|n| n["params"]["uri"] == uri)
        .collect();
    assert!(pushed.is_empty(), "{pushed:?}");
    let pulled = h
        .call(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    let codes: Vec<&str> = pulled["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["C011"]);
    // After the fix, a pull gives nothing.
    h.change(&uri, 2, json!([{ "text": EXAMPLE_CLAIMS }])).await;
    let pulled = h
        .call(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    assert_eq!(pulled["items"], json!([]));
    assert!(h.shutdown().await);
}
