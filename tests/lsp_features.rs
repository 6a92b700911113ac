//! Hover, completion, go to definition, document symbols and quick fixes, through the
//! protocol.

#[path = "lsp/harness.rs"]
mod harness;

use harness::*;
use serde_json::{json, Value};

/// Hover at `k` bytes into the first `needle` of the example annotation.
async fn hover_at(h: &Harness, uri: &str, text: &str, needle: &str, k: usize) -> Value {
    let (line, col) = utf16_position(text, needle, k);
    h.call(
        "textDocument/hover",
        Harness::position_params(uri, line, col),
    )
    .await
}

fn markdown(hover: &Value) -> String {
    assert_eq!(hover["contents"]["kind"], "markdown", "{hover}");
    hover["contents"]["value"].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_cards() {
    let h = Harness::standard().await;
    let (uri, _) = h.open_example().await;
    let t = EXAMPLE_CLAIMS;

    let actor = hover_at(
        &h,
        &uri,
        t,
        "  source: Syrian national\n  via: CNN\n  cue: said\n  quote: he did not",
        12,
    )
    .await;
    let (line, _) = utf16_position(
        t,
        "  source: Syrian national\n  via: CNN\n  cue: said\n  quote: he did not",
        0,
    );
    assert_eq!(
        actor["range"],
        json!({ "start": { "line": line, "character": 10 }, "end": { "line": line, "character": 25 } })
    );
    insta::assert_snapshot!("hover_actor_source", markdown(&actor));
    insta::assert_snapshot!(
        "hover_actor_via",
        markdown(&hover_at(&h, &uri, t, "  via: Sputnik", 8).await)
    );
    insta::assert_snapshot!(
        "hover_actor_declaration",
        markdown(&hover_at(&h, &uri, t, "actor Leyla Abdullayeva", 8).await)
    );
    insta::assert_snapshot!(
        "hover_quote",
        markdown(&hover_at(&h, &uri, t, "  quote: Moscow was concerned", 12).await)
    );
    insta::assert_snapshot!(
        "hover_claim_header",
        markdown(&hover_at(&h, &uri, t, "claim sna-contracts", 8).await)
    );
    insta::assert_snapshot!(
        "hover_cue",
        markdown(&hover_at(&h, &uri, t, "  cue: told Sputnik", 8).await)
    );
    insta::assert_snapshot!(
        "hover_stance",
        markdown(&hover_at(&h, &uri, t, "  stance: denies", 11).await)
    );
    insta::assert_snapshot!(
        "hover_field_name",
        markdown(&hover_at(&h, &uri, t, "  via: CNN", 3).await)
    );

    // A near miss shows the word difference.
    let text = t.replace(
        "transfer of militants of illegal",
        "transfer of fighters of illegal",
    );
    h.change(&uri, 2, json!([{ "text": text }])).await;
    h.diagnostics(&uri, 2).await;
    insta::assert_snapshot!(
        "hover_quote_near_miss",
        markdown(&hover_at(&h, &uri, &text, "  quote: Moscow was concerned", 12).await)
    );
    // Nothing on a comment.
    let nothing = h
        .call("textDocument/hover", Harness::position_params(&uri, 0, 3))
        .await;
    assert!(nothing.is_null());
    assert!(h.shutdown().await);
}

/// Completion invoked by the user (trigger kind 1) at `line`, `col` (UTF-16) of `uri`.
async fn complete_invoked(h: &Harness, uri: &str, line: u32, col: u32) -> Value {
    h.call(
        "textDocument/completion",
        json!({
            "textDocument": { "uri": uri }, "position": { "line": line, "character": col },
            "context": { "triggerKind": 1 }
        }),
    )
    .await
}

fn labels(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

/// The items sorted as the editor shows them (by sortText).
fn sorted(list: &Value) -> Vec<Value> {
    let mut items = list["items"].as_array().unwrap().clone();
    items.sort_by(|a, b| a["sortText"].as_str().cmp(&b["sortText"].as_str()));
    items
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_of_sources_ranks_the_nearest_mention_first() {
    let h = Harness::standard().await;
    // `funding-unknown` with its source being typed: "Sy".
    let text = EXAMPLE_CLAIMS.replace(
        "  source: Syrian national\n  via: CNN\n  cue: said\n  quote: he did not know",
        "  source: Sy\n  via: CNN\n  cue: said\n  quote: he did not know",
    );
    let uri = h.open(CLAIMS_NAME, "claims", 1, &text).await;
    h.diagnostics(&uri, 1).await;
    let (line, col) = utf16_position(&text, "  source: Sy\n", 12);
    let list = complete_invoked(&h, &uri, line, col).await;
    let items = sorted(&list);
    assert_eq!(
        items[0]["label"],
        "Syrian national",
        "{:?}",
        items.iter().map(|i| &i["label"]).collect::<Vec<_>>()
    );
    assert_eq!(
        items[1]["label"], "Syrian man",
        "the alias, mentioned in the quote's sentence"
    );
    assert_eq!(items[0]["kind"], 7, "a declared actor (class)");
    assert!(items[0]["detail"]
        .as_str()
        .unwrap()
        .starts_with("anonymous · "));
    assert_eq!(items[0]["filterText"], "Syrian national");
    assert_eq!(
        items[0]["textEdit"],
        json!({ "range": { "start": { "line": line, "character": 10 }, "end": { "line": line, "character": 12 } }, "newText": "Syrian national" })
    );
    // Names of the article that no actor declares are offered too, with their kind.
    let assad = items
        .iter()
        .find(|i| i["label"] == "Bashar Assad")
        .expect("Bashar Assad offered");
    assert_eq!(assad["detail"], "person · 1 mention in the article");
    assert_eq!(items.last().unwrap()["label"], "unnamed");
    assert!(h.shutdown().await);
}

/// The article's names in a completion list: references (kind 18) whose detail counts
/// mentions "in the article" (`person · 2 mentions in the article`); declared actors are
/// classes (kind 7).
fn article_names(list: &Value) -> usize {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| {
            i["kind"] == 18
                && i["detail"].as_str().is_some_and(|d| {
                    d.ends_with("mentions in the article") || d.ends_with("mention in the article")
                })
        })
        .count()
}

// Issue 10: a per-request time budget for completion candidates. The article's names take
// long to compute on a long article; past `completionBudgetMs` completion answers at once
// without them, marked incomplete, and a later request gets them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_answers_within_its_budget_and_offers_names_once_ready() {
    let h = Harness::start().await;
    // A long article (the example's paragraphs many times over): its names are not ready
    // when the first completion arrives, since nothing but completion computes them here.
    let long = EXAMPLE_ARTICLE.repeat(200);
    std::fs::write(h.path(ARTICLE_NAME), &long).unwrap();
    h.initialize(
        watching_capabilities(),
        json!({ "claimls": { "debounceMs": 0, "completionBudgetMs": 0 } }),
    )
    .await;
    // Opened without waiting for its findings: the first completion then comes before
    // the names that the server lists once a check is out.
    let uri = h.open(CLAIMS_NAME, "claims", 1, EXAMPLE_CLAIMS).await;
    let (line, col) = utf16_position(EXAMPLE_CLAIMS, "  source: Syrian national\n", 25);
    let params = json!({
        "textDocument": { "uri": uri }, "position": { "line": line, "character": col },
        "context": { "triggerKind": 1 }
    });
    let first = h.call("textDocument/completion", params.clone()).await;
    if first["isIncomplete"] == true {
        assert_eq!(article_names(&first), 0, "names left out: {first}");
    } else {
        // The names were listed first after all (a slow test machine can order it so):
        // then they are offered, not left out.
        assert!(
            article_names(&first) > 0,
            "complete list with names: {first}"
        );
    }
    assert!(
        labels(&first).iter().any(|l| l == "Syrian national"),
        "declared actors never wait: {:?}",
        labels(&first)
    );
    // The names were started by the first request and arrive without another trigger.
    let mut later = first;
    for _ in 0..2400 {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        later = h.call("textDocument/completion", params.clone()).await;
        if article_names(&later) > 0 {
            break;
        }
    }
    assert!(
        article_names(&later) > 0,
        "names offered once ready: {later}"
    );
    assert!(labels(&later).iter().any(|l| l == "Bashar Assad"));
    assert!(h.shutdown().await);
}

// The check does not list the article's names (its "did you mean" looks only near the
// wrong name), so the server lists them after the first check is out: the first completion
// then need not wait for them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn article_names_are_listed_after_the_first_check_without_a_completion() {
    let h = Harness::standard().await;
    let (uri, _) = h.open_example().await;
    let request = json!({ "textDocument": { "uri": uri }, "includeText": false });
    let mut ready = Value::Null;
    for _ in 0..2400 {
        ready = h.call("claimls/documentState", request.clone()).await["articleNamesReady"].clone();
        if ready == true {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(ready, true, "names listed with no completion request");
    // Then the first completion after `source:` offers them at once.
    let (line, col) = utf16_position(EXAMPLE_CLAIMS, "  source: Syrian national\n", 25);
    let list = complete_invoked(&h, &uri, line, col).await;
    assert!(article_names(&list) > 0, "{list}");
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_of_fields_stances_claim_ids_and_quotes() {
    let h = Harness::standard().await;
    let base = EXAMPLE_CLAIMS.replace("  stance: denies\n  disputes: recruitment\n", "  ");
    let uri = h.open(CLAIMS_NAME, "claims", 1, &base).await;
    h.diagnostics(&uri, 1).await;
    let end = |text: &str| {
        let line = text.matches('\n').count() as u32;
        let col = text.rsplit('\n').next().unwrap().encode_utf16().count() as u32;
        (line, col)
    };
    let complete = |line: u32, col: u32| Harness::position_params(&uri, line, col);

    // Field names valid in `celik-denial`: not source, cue or quote again... quote may repeat.
    let (line, col) = end(&base);
    let list = h.call("textDocument/completion", complete(line, col)).await;
    let l = labels(&list);
    assert!(
        l.contains(&"stance".into())
            && l.contains(&"disputes".into())
            && l.contains(&"quote".into()),
        "{l:?}"
    );
    assert!(
        !l.contains(&"source".into()) && !l.contains(&"cue".into()) && !l.contains(&"aka".into()),
        "{l:?}"
    );

    // Stance values, with their meaning.
    let text = format!("{base}stance: ");
    h.change(&uri, 2, json!([{ "text": text }])).await;
    let (line, col) = end(&text);
    let list = h.call("textDocument/completion", complete(line, col)).await;
    let items = sorted(&list);
    assert_eq!(items[0]["label"], "asserts");
    assert_eq!(
        items[1]["documentation"]["value"],
        "The source rejects a statement, accusation or report as untrue."
    );

    // Claim ids after a relation, not this claim's own.
    let text = format!("{base}stance: denies\n  disputes: rec");
    h.change(&uri, 3, json!([{ "text": text }])).await;
    let (line, col) = end(&text);
    let list = h.call("textDocument/completion", complete(line, col)).await;
    let l = labels(&list);
    assert!(
        l.contains(&"recruitment".into()) && !l.contains(&"celik-denial".into()),
        "{l:?}"
    );
    let rec = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "recruitment")
        .unwrap();
    assert_eq!(rec["textEdit"]["range"]["start"]["character"], col - 3);

    // The rest of the article sentence after a few words of a quote.
    let text = format!("{base}stance: denies\n  quote: Omer Celik, a spokesman for Tur");
    h.change(&uri, 4, json!([{ "text": text }])).await;
    let (line, col) = end(&text);
    let list = h.call("textDocument/completion", complete(line, col)).await;
    let items = sorted(&list);
    assert_eq!(
        items[0]["textEdit"]["newText"],
        "Turkey's ruling Justice and Development Party has denied the reports about the alleged recruitment of mercenaries for fighting in Azerbaijan as \"propaganda.\""
    );
    assert_eq!(items[0]["textEdit"]["range"]["start"]["character"], col - 3);

    // Cue words from the quote's sentence, reporting verbs first.
    let text = base.replace("  cue: denied\n", "  cue: \n");
    h.change(&uri, 5, json!([{ "text": text }])).await;
    let (line, col) = utf16_position(&text, "  cue: \n  quote: the reports about", 7);
    let list = h.call("textDocument/completion", complete(line, col)).await;
    assert_eq!(sorted(&list)[0]["label"], "denied");

    // On the empty line after the final line break: block keywords, and the fields of the
    // last block with their indentation.
    h.change(&uri, 6, json!([{ "text": EXAMPLE_CLAIMS }])).await;
    let last = EXAMPLE_CLAIMS.matches('\n').count() as u32;
    let list = h.call("textDocument/completion", complete(last, 0)).await;
    let items = list["items"].as_array().unwrap();
    let claim = items.iter().find(|i| i["label"] == "claim").unwrap();
    assert_eq!(
        claim["textEdit"]["range"]["start"],
        json!({ "line": last, "character": 0 })
    );
    let note = items.iter().find(|i| i["label"] == "note").unwrap();
    assert_eq!(note["textEdit"]["newText"], "  note: ");
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definition_jumps_into_the_article_and_to_declarations() {
    let h = Harness::standard().await;
    let (uri, _) = h.open_example().await;
    let t = EXAMPLE_CLAIMS;
    let at = |needle: &str, k: usize| {
        let (line, col) = utf16_position(t, needle, k);
        Harness::position_params(&uri, line, col)
    };
    // A quote: its span in the article file.
    let def = h
        .call(
            "textDocument/definition",
            at("  quote: Ankara is the driving force", 20),
        )
        .await;
    assert_eq!(def["uri"], h.uri(ARTICLE_NAME));
    let quote = "Ankara is the driving force behind the current conflict in Nagorno-Karabakh";
    let (l1, c1) = utf16_position(EXAMPLE_ARTICLE, quote, 0);
    let (l2, c2) = utf16_position(EXAMPLE_ARTICLE, quote, quote.len());
    assert_eq!(
        def["range"],
        json!({ "start": { "line": l1, "character": c1 }, "end": { "line": l2, "character": c2 } })
    );
    // A declared actor: its declaration.
    let def = h
        .call(
            "textDocument/definition",
            at("  source: Bouthaina Shaaban", 12),
        )
        .await;
    assert_eq!(def["uri"], uri);
    let (line, _) = utf16_position(t, "actor Bouthaina Shaaban", 0);
    assert_eq!(pos(&def["range"]["start"]), (line as u64, 6));
    // An undeclared name: its first mention.
    let def = h
        .call("textDocument/definition", at("publisher: UrduPoint", 12))
        .await;
    let (l, c) = utf16_position(EXAMPLE_ARTICLE, "UrduPoint News", 0);
    assert_eq!(
        (def["uri"].as_str().unwrap(), pos(&def["range"]["start"])),
        (h.uri(ARTICLE_NAME).as_str(), (l as u64, c as u64))
    );
    // A relation: the claim.
    let def = h
        .call("textDocument/definition", at("  supports: third-batch", 14))
        .await;
    let (line, _) = utf16_position(t, "claim third-batch", 0);
    assert_eq!(pos(&def["range"]["start"]), (line as u64, 6));
    assert!(h
        .call("textDocument/definition", at("# Claim annotation", 2))
        .await
        .is_null());
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn document_symbols_outline_actors_and_claims() {
    let h = Harness::standard().await;
    let (uri, _) = h.open_example().await;
    let symbols = h
        .call(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    let symbols = symbols.as_array().unwrap();
    let names: Vec<&str> = symbols
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        &names[..5],
        ["article", "date", "publisher", "CNN", "Syrian national"]
    );
    assert_eq!(names.len(), 3 + 13 + 18);
    let claim = symbols
        .iter()
        .find(|s| s["name"] == "sna-contracts")
        .unwrap();
    assert_eq!(claim["detail"], "Syrian national via CNN");
    assert_eq!(claim["kind"], 24, "event");
    let (line, _) = utf16_position(EXAMPLE_CLAIMS, "claim sna-contracts", 0);
    assert_eq!(
        claim["selectionRange"]["start"],
        json!({ "line": line, "character": 6 })
    );
    let fields: Vec<&str> = claim["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["source", "via", "cue", "quote", "stance", "supports"]
    );
    let actor = symbols
        .iter()
        .find(|s| s["name"] == "Syrian national")
        .unwrap();
    assert_eq!(actor["detail"], "anonymous");
    assert_eq!(
        actor["children"].as_array().unwrap().len(),
        3,
        "its aliases"
    );
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quick_fix_replaces_a_near_miss_quote_with_the_article_text() {
    let h = Harness::standard().await;
    let text = EXAMPLE_CLAIMS.replace(
        "a third batch of rebels was preparing",
        "a third batch of rebels were preparing",
    );
    let uri = h.open(CLAIMS_NAME, "claims", 1, &text).await;
    let diags = h.diagnostics(&uri, 1).await;
    let near = diags["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "C011")
        .unwrap()
        .clone();
    // As editors ask: the range of the diagnostic, with the diagnostic in the context.
    let actions = h
        .call(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": near["range"], "context": { "diagnostics": [near] } }),
        )
        .await;
    let action = &actions[0];
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["title"], "Replace with the article's text");
    assert_eq!(action["isPreferred"], true);
    let edits = action["edit"]["changes"][&uri].as_array().unwrap();
    assert_eq!(
        edits[0]["newText"],
        "a third batch of rebels was preparing to deploy to Azerbaijan from Turkey"
    );
    // Apply it as the editor would, and the finding is gone.
    h.change(
        &uri,
        2,
        json!([{ "range": edits[0]["range"], "text": edits[0]["newText"] }]),
    )
    .await;
    let after = h.diagnostics(&uri, 2).await;
    assert!(!codes(&after).contains(&"C011".to_string()), "{after:#}");
    assert_eq!(h.state(&uri).await["text"], EXAMPLE_CLAIMS);

    // A client that sends no diagnostics still gets the fixes under the cursor.
    let text = EXAMPLE_CLAIMS.replace(
        "  stance: accuses\n  responds-to",
        "  stance: acuses\n  responds-to",
    );
    h.change(&uri, 3, json!([{ "text": text }])).await;
    h.diagnostics(&uri, 3).await;
    let (line, col) = utf16_position(&text, "acuses", 2);
    let here = json!({ "start": { "line": line, "character": col }, "end": { "line": line, "character": col } });
    let actions = h.call("textDocument/codeAction", json!({ "textDocument": { "uri": uri }, "range": here, "context": { "diagnostics": [] } })).await;
    assert_eq!(actions[0]["title"], "Change to `accuses`");
    // A fix for an older version is not offered.
    let stale = json!({ "range": here, "source": "claimls", "code": "C042", "message": "x",
        "data": { "version": 1, "fix": { "title": "old", "edits": [{ "range": here, "newText": "x" }] } } });
    let actions = h.call("textDocument/codeAction", json!({ "textDocument": { "uri": uri }, "range": here, "context": { "diagnostics": [stale] } })).await;
    assert!(
        actions
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["title"] != "old"),
        "{actions}"
    );
    assert!(h.shutdown().await);
}

#[tokio::test]
async fn formatting_returns_one_minimal_edit_that_keeps_every_claim() {
    let h = Harness::standard().await;
    // The example with messy layout: a field indented by five spaces, an extra blank line.
    let messy = EXAMPLE_CLAIMS
        .replacen("\n  source: CNN", "\n     source: CNN", 1)
        .replacen("\n\nclaim recruitment", "\n\n\n\nclaim recruitment", 1);
    let uri = h.open("messy.claims", "claims", 1, &messy).await;
    let edits = h
        .call(
            "textDocument/formatting",
            json!({ "textDocument": { "uri": uri }, "options": { "tabSize": 2, "insertSpaces": true } }),
        )
        .await;
    let edits = edits.as_array().unwrap();
    assert_eq!(edits.len(), 1, "{edits:?}");
    // Apply the edit (positions are UTF-16; the example is ASCII up to there).
    let lines: Vec<&str> = messy.split_inclusive('\n').collect();
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap() as usize;
        lines[..line].iter().map(|l| l.len()).sum::<usize>()
            + p["character"].as_u64().unwrap() as usize
    };
    let (start, end) = (
        offset(&edits[0]["range"]["start"]),
        offset(&edits[0]["range"]["end"]),
    );
    let mut formatted = messy.clone();
    formatted.replace_range(start..end, edits[0]["newText"].as_str().unwrap());
    assert_eq!(
        formatted, EXAMPLE_CLAIMS,
        "formatting restores the canonical example"
    );
    // An already formatted document needs no edit.
    let (clean, _) = h.open_example().await;
    let none = h
        .call(
            "textDocument/formatting",
            json!({ "textDocument": { "uri": clean }, "options": { "tabSize": 2, "insertSpaces": true } }),
        )
        .await;
    assert_eq!(none, json!([]));
}

/// The text of `range` (UTF-16 positions; the example article is ASCII) in `text`.
fn text_at<'a>(text: &'a str, range: &Value) -> &'a str {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap() as usize;
        lines[..line].iter().map(|l| l.len()).sum::<usize>()
            + p["character"].as_u64().unwrap() as usize
    };
    &text[offset(&range["start"])..offset(&range["end"])]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn article_buffer_marks_unannotated_statements_and_adds_claims() {
    let h = Harness::standard().await;
    let only_way = "claim only-way\n  source: Syrian national\n  via: CNN\n  cue: said\n  quote: security work was the only way he can do so\n  stance: asserts\n\n";
    let funding = "claim funding-unknown\n  source: Syrian national\n  via: CNN\n  cue: said\n  quote: he did not know who was funding the operation\n  stance: asserts\n\n";
    assert!(EXAMPLE_CLAIMS.contains(only_way) && EXAMPLE_CLAIMS.contains(funding));
    let partial = EXAMPLE_CLAIMS.replace(only_way, "");

    let article = h.open(ARTICLE_NAME, "plaintext", 1, EXAMPLE_ARTICLE).await;
    let mark = h.mark();
    let uri = h.open(CLAIMS_NAME, "claims", 1, &partial).await;
    let annotation = h.diagnostics(&uri, 1).await;
    assert!(
        codes(&annotation).contains(&"C050".to_string()),
        "{annotation:#}"
    );
    // The article's own buffer gets one mark, on the statement no claim records.
    let marks = h
        .diagnostics_where(mark, &article, "marks on the article", |p| {
            p["version"] == 1 && !p["diagnostics"].as_array().unwrap().is_empty()
        })
        .await;
    let marks = marks["diagnostics"].as_array().unwrap().clone();
    assert_eq!(marks.len(), 1, "{marks:#?}");
    assert_eq!(marks[0]["code"], "C050");
    assert_eq!(marks[0]["severity"], 3, "information");
    assert_eq!(
        text_at(EXAMPLE_ARTICLE, &marks[0]["range"]),
        "security work was the only way he can do so"
    );
    assert!(marks[0]["message"]
        .as_str()
        .unwrap()
        .starts_with(&format!("not annotated in {CLAIMS_NAME}")));

    // "Add a claim for this statement" there edits the annotation.
    let actions = h
        .call(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": article }, "range": marks[0]["range"], "context": { "diagnostics": [marks[0]] } }),
        )
        .await;
    assert_eq!(
        actions[0]["title"], "Add a claim for this statement",
        "{actions:#}"
    );
    let edits = actions[0]["edit"]["changes"][&uri]
        .as_array()
        .unwrap()
        .clone();
    let block = edits[0]["newText"].as_str().unwrap();
    assert!(block.contains("  source: Syrian national\n"), "{block}");
    assert!(
        block.contains("  quote: security work was the only way he can do so\n"),
        "{block}"
    );
    // Without the client's diagnostics, the marks under the cursor give the same action.
    let bare = h
        .call(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": article }, "range": marks[0]["range"], "context": { "diagnostics": [] } }),
        )
        .await;
    assert_eq!(
        bare[0]["title"], "Add a claim for this statement",
        "{bare:#}"
    );

    // Applied as the editor would: the annotation covers everything, the marks go.
    let mark = h.mark();
    h.change(
        &uri,
        2,
        json!([{ "range": edits[0]["range"], "text": edits[0]["newText"] }]),
    )
    .await;
    let after = h.diagnostics(&uri, 2).await;
    assert!(!codes(&after).contains(&"C050".to_string()), "{after:#}");
    assert!(
        after["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["severity"] != 1),
        "the drafted claim checks without errors: {after:#}"
    );
    h.diagnostics_where(mark, &article, "marks cleared", |p| {
        p["diagnostics"].as_array().unwrap().is_empty()
    })
    .await;

    // On the annotation's header: one action for all unannotated statements.
    let two_missing = partial.replace(funding, "");
    h.change(&uri, 3, json!([{ "text": two_missing }])).await;
    h.diagnostics(&uri, 3).await;
    let (line, _) = utf16_position(&two_missing, "article: ", 0);
    let here = json!({ "start": { "line": line, "character": 0 }, "end": { "line": line, "character": 0 } });
    let actions = h
        .call(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": here, "context": { "diagnostics": [] } }),
        )
        .await;
    let all = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Add claims for all 2 unannotated statements")
        .unwrap_or_else(|| panic!("{actions:#}"));
    let text = all["edit"]["changes"][&uri][0]["newText"].as_str().unwrap();
    assert_eq!(
        text.matches("\nclaim ").count() + usize::from(text.starts_with("claim ")),
        2,
        "{text}"
    );

    // Closing the annotation takes the article's marks away.
    let mark = h.mark();
    h.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    )
    .await;
    h.diagnostics_where(mark, &article, "marks cleared on close", |p| {
        p["diagnostics"].as_array().unwrap().is_empty()
    })
    .await;
    assert!(h.shutdown().await);
}

/// Go to definition on a quote with elided parts: every part, as links or locations as the
/// client takes them, else one location covering them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definition_of_an_elided_quote_gives_every_part() {
    let whole = "Ankara is the driving force behind the current conflict in Nagorno-Karabakh";
    let elided = "Ankara is the driving force ... in Nagorno-Karabakh";
    let text = EXAMPLE_CLAIMS.replacen(whole, elided, 1);
    assert_ne!(text, EXAMPLE_CLAIMS);
    let (first_start, _) = utf16_position(EXAMPLE_ARTICLE, whole, 0);
    for (caps, shape) in [
        (json!({}), "cover"),
        (json!({ "textDocument": { "definition": {} } }), "locations"),
        (
            json!({ "textDocument": { "definition": { "linkSupport": true } } }),
            "links",
        ),
    ] {
        let (h, _) = Harness::initialized(caps, json!({ "claimls": { "debounceMs": 0 } })).await;
        let (uri, _) = h.open_example().await;
        h.change(&uri, 2, json!([{ "text": text }])).await;
        let (line, col) = utf16_position(&text, elided, 3);
        let def = h
            .call(
                "textDocument/definition",
                Harness::position_params(&uri, line, col),
            )
            .await;
        match shape {
            "cover" => {
                assert_eq!(def["uri"], h.uri(ARTICLE_NAME), "{def}");
                assert_eq!(pos(&def["range"]["start"]).0, first_start as u64);
                let (end_line, end_col) = utf16_position(EXAMPLE_ARTICLE, whole, whole.len());
                assert_eq!(pos(&def["range"]["end"]), (end_line as u64, end_col as u64));
            }
            "locations" => {
                let list = def.as_array().expect("an array");
                assert_eq!(list.len(), 2, "{def}");
                assert_eq!(list[1]["uri"], h.uri(ARTICLE_NAME));
            }
            _ => {
                let list = def.as_array().expect("an array");
                assert_eq!(list.len(), 2, "{def}");
                assert_eq!(list[0]["targetUri"], h.uri(ARTICLE_NAME));
                assert_eq!(pos(&list[0]["targetRange"]["start"]).0, first_start as u64);
            }
        }
        assert!(h.shutdown().await);
    }
}
