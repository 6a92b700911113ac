//! Text sync and diagnostics: versions, incremental edits in every encoding, the article as
//! a dependency, settings.

#[path = "lsp/harness.rs"]
mod harness;

use harness::*;
use serde_json::{json, Value};

fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({ "start": { "line": l1, "character": c1 }, "end": { "line": l2, "character": c2 } })
}

fn find<'a>(diags: &'a Value, code: &str) -> &'a Value {
    diags["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diags:#}"))
}

fn with_message<'a>(diags: &'a Value, needle: &str) -> &'a Value {
    diags["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no diagnostic mentions {needle:?} in {diags:#}"))
}

/// The example with a near-miss quote, an unknown stance and an unused actor.
fn flawed_example() -> String {
    let text = EXAMPLE_CLAIMS
        .replace(
            "Moscow was concerned over reports",
            "Moscow was concerned about reports",
        )
        .replace("  stance: concerns\n", "  stance: concern\n");
    format!("{text}\nactor Vladimir Putin\n  kind: person\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_publishes_diagnostics_with_codes_and_version() {
    let h = Harness::standard().await;
    let (uri, clean) = h.open_example().await;
    assert_eq!(clean["version"], 1);
    let serious: Vec<&Value> = clean["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"].as_i64() <= Some(2))
        .collect();
    assert!(serious.is_empty(), "the example is clean: {serious:#?}");

    let text = flawed_example();
    h.change(&uri, 2, json!([{ "text": text }])).await;
    let diags = h.diagnostics(&uri, 2).await;
    let codes = codes(&diags);
    for code in ["C011", "C042", "C043"] {
        assert!(codes.contains(&code.to_string()), "{code} in {codes:?}");
    }
    let near = find(&diags, "C011");
    assert_eq!(near["source"], "claimls");
    assert_eq!(near["severity"], 1);
    let (line, col) = utf16_position(&text, "Moscow was concerned about", 0);
    assert_eq!(pos(&near["range"]["start"]), (line as u64, col as u64));
    let related = &near["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], h.uri(ARTICLE_NAME));
    let (aline, acol) = utf16_position(EXAMPLE_ARTICLE, "Moscow was concerned over", 0);
    assert_eq!(
        pos(&related["location"]["range"]["start"]),
        (aline as u64, acol as u64)
    );
    assert_eq!(
        near["data"]["fix"]["edits"][0]["newText"]
            .as_str()
            .unwrap()
            .split(' ')
            .nth(3),
        Some("over")
    );
    let unused = find(&diags, "C043");
    assert_eq!(unused["tags"], json!([1]), "unnecessary");
    assert_eq!(unused["severity"], 4);
    let stance = find(&diags, "C042");
    assert_eq!(stance["data"]["fix"]["edits"][0]["newText"], "concerns");
    assert!(h.shutdown().await);
}

/// An annotation whose `via:` line holds Cyrillic, Armenian and an emoji before an
/// intermediary the article never mentions.
const WIDE: &str = "claim wide\n  source: Russian Foreign Ministry\n  via: Москва Երևան 😀, Reuters\n  quote: Moscow was concerned over reports\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn incremental_edits_in_utf16_over_cyrillic_armenian_and_emoji() {
    let h = Harness::standard().await;
    let uri = h.open(CLAIMS_NAME, "claims", 1, WIDE).await;
    let diags = h.diagnostics(&uri, 1).await;
    let reuters = with_message(&diags, "Reuters");
    assert_eq!(reuters["code"], "C023");
    // "  via: " 7 + "Москва " 7 + "Երևան " 6 + emoji 2 + ", " 2 = 24 UTF-16 units.
    assert_eq!(pos(&reuters["range"]["start"]), (2, 24));

    // Replace the emoji (2 units) by two others, insert after the Armenian word, and
    // rewrite the Cyrillic word: three changes in one notification, applied in order.
    h.change(
        &uri,
        2,
        json!([
            { "range": range(2, 20, 2, 22), "text": "🙂🙂" },
            { "range": range(2, 19, 2, 19), "text": "!" },
            { "range": range(2, 7, 2, 13), "text": "Ленинград" },
        ]),
    )
    .await;
    let diags = h.diagnostics(&uri, 2).await;
    let state = h.state(&uri).await;
    assert_eq!(
        state["text"].as_str().unwrap(),
        WIDE.replace("Москва Երևան 😀,", "Ленинград Երևան! 🙂🙂,")
    );
    let reuters = with_message(&diags, "Reuters");
    // "  via: " 7 + "Ленинград " 10 + "Երևան! " 7 + two emoji 4 + ", " 2 = 30.
    assert_eq!(pos(&reuters["range"]["start"]), (2, 30));

    // A column inside a surrogate pair is taken as the start of its character.
    h.change(
        &uri,
        3,
        json!([{ "range": range(2, 25, 2, 25), "text": "x" }]),
    )
    .await;
    h.diagnostics(&uri, 3).await;
    let state = h.state(&uri).await;
    assert_eq!(
        state["text"].as_str().unwrap(),
        WIDE.replace("Москва Երևան 😀,", "Ленинград Երևան! x🙂🙂,")
    );
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn utf8_columns_when_negotiated() {
    let caps = json!({ "general": { "positionEncodings": ["utf-8"] } });
    let (h, _) = Harness::initialized(caps, json!({ "debounceMs": 0 })).await;
    let uri = h.open(CLAIMS_NAME, "claims", 1, WIDE).await;
    let diags = h.diagnostics(&uri, 1).await;
    let reuters = with_message(&diags, "Reuters");
    let (line, byte) = (
        2,
        WIDE.lines().nth(2).unwrap().find("Reuters").unwrap() as u64,
    );
    assert_eq!(pos(&reuters["range"]["start"]), (line, byte));
    // Delete the emoji by its UTF-8 columns.
    let emoji = WIDE.lines().nth(2).unwrap().find('😀').unwrap() as u32;
    h.change(
        &uri,
        2,
        json!([{ "range": range(2, emoji, 2, emoji + 4), "text": "" }]),
    )
    .await;
    h.diagnostics(&uri, 2).await;
    assert_eq!(
        h.state(&uri).await["text"].as_str().unwrap(),
        WIDE.replace("😀", "")
    );
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_sync_replaces_the_text_and_close_clears_diagnostics() {
    let h = Harness::standard().await;
    let uri = h.open(CLAIMS_NAME, "claims", 1, WIDE).await;
    assert!(codes(&h.diagnostics(&uri, 1).await).contains(&"C023".to_string()));
    h.change(
        &uri,
        2,
        json!([{ "text": WIDE.replace(", Reuters", "").replace("Москва Երևան 😀", "Sputnik") }]),
    )
    .await;
    let diags = h.diagnostics(&uri, 2).await;
    assert!(!codes(&diags).contains(&"C023".to_string()), "{diags:#}");
    let mark = h.mark();
    h.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    )
    .await;
    h.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    )
    .await;
    let cleared = h.diagnostics_after(mark, &uri, None).await;
    assert_eq!(cleared["diagnostics"], json!([]));
    assert!(h.state(&uri).await.is_null(), "forgotten");
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_results_never_overwrite_newer_ones() {
    for debounce in [0, 20] {
        let (h, _) =
            Harness::initialized(watching_capabilities(), json!({ "debounceMs": debounce })).await;
        let (uri, _) = h.open_example().await;
        let base = EXAMPLE_CLAIMS.to_string();
        let last = 40;
        for v in 2..=last {
            // Odd versions have an unknown stance, even ones do not.
            let text = if v % 2 == 1 {
                base.replace("  stance: concerns\n", "  stance: concern\n")
            } else {
                base.clone()
            };
            h.change(&uri, v, json!([{ "text": text }])).await;
        }
        let final_diags = h.diagnostics(&uri, last).await;
        assert!(
            !codes(&final_diags).contains(&"C042".to_string()),
            "the last version is clean"
        );
        // A round trip, so that anything still in flight has arrived.
        let state = h.state(&uri).await;
        assert_eq!(state["publishedVersion"], last);
        let versions: Vec<i64> = h
            .notifications("textDocument/publishDiagnostics")
            .iter()
            .filter(|p| p["uri"] == uri)
            .map(|p| p["version"].as_i64().unwrap())
            .collect();
        assert!(
            versions.windows(2).all(|w| w[0] <= w[1]),
            "debounce {debounce}: published out of order: {versions:?}"
        );
        assert_eq!(versions.last(), Some(&last));
        for p in h
            .notifications("textDocument/publishDiagnostics")
            .iter()
            .filter(|p| p["uri"] == uri && p["version"].as_i64() > Some(1))
        {
            let odd = p["version"].as_i64().unwrap() % 2 == 1;
            assert_eq!(
                codes(p).contains(&"C042".to_string()),
                odd,
                "version {} has its own findings",
                p["version"]
            );
        }
        assert!(h.shutdown().await);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_rechecks_only_the_claim_it_touches() {
    let h = Harness::standard().await;
    let (uri, _) = h.open_example().await;
    let state = h.state(&uri).await;
    assert_eq!(state["claimsChecked"], 18);
    let (line, col) = utf16_position(EXAMPLE_CLAIMS, "  stance: concerns", 10);
    h.change(
        &uri,
        2,
        json!([{ "range": range(line, col, line, col + 8), "text": "condemns" }]),
    )
    .await;
    h.diagnostics(&uri, 2).await;
    let mut state = h.state(&uri).await;
    state["text"] = Value::Null;
    assert_eq!(state["claimsChecked"], 1, "{state}");
    assert_eq!(state["claimsReused"], 17);
    assert_eq!(
        state["parse"], "incremental",
        "only the edited claim was re-parsed"
    );
    // A new line above every claim moves them all, and reuses them all.
    h.change(
        &uri,
        3,
        json!([{ "range": range(0, 0, 0, 0), "text": "# moved\n" }]),
    )
    .await;
    h.diagnostics(&uri, 3).await;
    let mut state = h.state(&uri).await;
    state["text"] = Value::Null;
    assert_eq!(state["claimsChecked"], 0, "{state}");
    assert_eq!(state["articleBuilds"], 1, "the article index is reused");
    assert_eq!(
        state["parse"], "incremental",
        "an edit above the first block re-parses the header part only"
    );
    let light = h
        .call(
            "claimls/documentState",
            json!({ "textDocument": { "uri": uri }, "includeText": false }),
        )
        .await;
    assert_eq!(
        (light["text"].clone(), light["version"].clone()),
        (Value::Null, json!(3))
    );
    // A change without a range replaces the text: parsed in full.
    h.change(&uri, 4, json!([{ "text": EXAMPLE_CLAIMS }])).await;
    h.diagnostics(&uri, 4).await;
    assert_eq!(h.state(&uri).await["parse"], "full");
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_document_is_opened_with_its_whole_text() {
    // Large texts go around tower-lsp-server's framing (see `transport::OpenedTexts`):
    // the server must still see the text the client sent, and check it as it would a
    // small one. Comment lines at the end change no finding.
    let h = Harness::standard().await;
    let (_, small) = h.open_example().await;
    let mut large = EXAMPLE_CLAIMS.to_string();
    while large.len() < 200_000 {
        large.push_str("# a comment line that changes nothing about the claims above it\n");
    }
    let uri = h.open("large.claims", "claims", 7, &large).await;
    let diags = h.diagnostics(&uri, 7).await;
    assert_eq!(codes(&diags), codes(&small));
    let state = h.state(&uri).await;
    assert_eq!(state["version"], 7);
    assert!(
        state["text"] == large.as_str(),
        "the server holds the text sent"
    );
    assert!(h.shutdown().await);
}

fn has(diags: &Value, code: &str) -> bool {
    codes(diags).iter().any(|c| c == code)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_article_edited_in_the_editor_rechecks_its_annotations() {
    let h = Harness::standard().await;
    let (uri, first) = h.open_example().await;
    assert!(!has(&first, "C011"));
    // Opening the article makes its buffer the article.
    let article_uri = h.open(ARTICLE_NAME, "plaintext", 1, EXAMPLE_ARTICLE).await;
    let (line, col) = utf16_position(EXAMPLE_ARTICLE, "concerned over reports", 10);
    let mark = h.mark();
    h.change(
        &article_uri,
        2,
        json!([{ "range": range(line, col, line, col + 4), "text": "about" }]),
    )
    .await;
    let diags = h
        .diagnostics_where(mark, &uri, "C011 after the article edit", |d| {
            has(d, "C011")
        })
        .await;
    assert_eq!(diags["version"], 1, "the annotation itself did not change");
    let near = find(&diags, "C011");
    assert_eq!(
        near["relatedInformation"][0]["location"]["uri"],
        article_uri
    );
    // Closing the article without saving: the file on disk is the article again.
    let mark = h.mark();
    h.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": article_uri } }),
    )
    .await;
    h.diagnostics_where(mark, &uri, "no C011 after the close", |d| !has(d, "C011"))
        .await;
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_article_changed_on_disk_rechecks_via_watched_files() {
    let h = Harness::standard().await;
    let (uri, _) = h.open_example().await;
    std::fs::write(
        h.path(ARTICLE_NAME),
        EXAMPLE_ARTICLE.replace("Ankara is the driving force", "Ankara is the main force"),
    )
    .unwrap();
    let mark = h.mark();
    h.file_changed(h.uri(ARTICLE_NAME), 2).await;
    let diags = h
        .diagnostics_where(mark, &uri, "C011 after the disk change", |d| has(d, "C011"))
        .await;
    assert!(
        find(&diags, "C011")["message"]
            .as_str()
            .unwrap()
            .contains("`driving` should be `main`"),
        "{diags:#}"
    );
    // Deleted: one C031 on the `article:` line.
    std::fs::remove_file(h.path(ARTICLE_NAME)).unwrap();
    let mark = h.mark();
    h.file_changed(h.uri(ARTICLE_NAME), 3).await;
    let diags = h
        .diagnostics_where(mark, &uri, "C031", |d| has(d, "C031"))
        .await;
    let c031: Vec<&Value> = diags["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "C031")
        .collect();
    assert_eq!(c031.len(), 1);
    let (line, _) = utf16_position(EXAMPLE_CLAIMS, "article: ", 0);
    assert_eq!(c031[0]["range"]["start"]["line"], line);
    // Back again.
    std::fs::write(h.path(ARTICLE_NAME), EXAMPLE_ARTICLE).unwrap();
    let mark = h.mark();
    h.file_changed(h.uri(ARTICLE_NAME), 1).await;
    h.diagnostics_where(mark, &uri, "no C031", |d| {
        !has(d, "C031") && !has(d, "C011")
    })
    .await;
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_or_outside_articles_give_one_c031() {
    let h = Harness::standard().await;
    let uri = h
        .open(
            "lonely.claims",
            "claims",
            1,
            "# no article beside me\nclaim a\n  source: X\n  quote: y\n",
        )
        .await;
    let diags = h.diagnostics(&uri, 1).await;
    assert_eq!(codes(&diags), ["C031"], "{diags:#}");
    assert_eq!(
        find(&diags, "C031")["range"]["start"]["line"],
        0,
        "line 1 when there is no article: field"
    );
    assert!(find(&diags, "C031")["message"]
        .as_str()
        .unwrap()
        .contains("not found"));

    let outside = h.root.parent().unwrap().join("claimls-outside-article.txt");
    let text = format!(
        "article: {}\nclaim a\n  source: X\n  quote: y\n",
        outside.display()
    );
    h.change(&uri, 2, json!([{ "text": text }])).await;
    let diags = h.diagnostics(&uri, 2).await;
    assert_eq!(codes(&diags), ["C031"]);
    assert!(find(&diags, "C031")["message"]
        .as_str()
        .unwrap()
        .contains("outside the workspace"));
    h.change(&uri, 3, json!([{ "text": "article: ../../../../../../elsewhere/article.txt\nclaim a\n  source: X\n  quote: y\n" }])).await;
    let diags = h.diagnostics(&uri, 3).await;
    assert!(find(&diags, "C031")["message"]
        .as_str()
        .unwrap()
        .contains("outside the workspace"));
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editor_settings_and_claimls_toml_set_severities() {
    let h = Harness::standard().await;
    let uri = h.open(CLAIMS_NAME, "claims", 1, &flawed_example()).await;
    let diags = h.diagnostics(&uri, 1).await;
    assert!(has(&diags, "C043"));
    assert_eq!(find(&diags, "C042")["severity"], 1);

    let mark = h.mark();
    h.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "claimls": { "rules": { "C043": "off" } } } }),
    )
    .await;
    h.diagnostics_where(mark, &uri, "no C043", |d| !has(d, "C043"))
        .await;

    std::fs::write(
        h.path("claimls.toml"),
        "[rules]\nunknown-stance = \"warning\"\n",
    )
    .unwrap();
    let mark = h.mark();
    h.file_changed(h.uri("claimls.toml"), 1).await;
    let diags = h
        .diagnostics_where(mark, &uri, "C042 as a warning", |d| {
            has(d, "C042") && find(d, "C042")["severity"] == 2
        })
        .await;
    assert!(!has(&diags, "C043"), "the editor's rules still apply");

    // A broken claimls.toml is shown, and the defaults are used.
    std::fs::write(h.path("claimls.toml"), "[rules]\nC999 = \"off\"\n").unwrap();
    let mark = h.mark();
    h.file_changed(h.uri("claimls.toml"), 2).await;
    let shown = h
        .wait_after(mark, "a message about claimls.toml", |n| {
            n["method"] == "window/showMessage"
        })
        .await;
    assert!(
        shown["message"].as_str().unwrap().contains("unknown rule"),
        "{shown}"
    );
    h.diagnostics_where(mark, &uri, "C042 as an error", |d| {
        has(d, "C042") && find(d, "C042")["severity"] == 1
    })
    .await;
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_pulled_from_the_client() {
    let caps = json!({ "workspace": { "configuration": true } });
    let h = Harness::start().await;
    *h.pulled_settings.lock().unwrap() =
        json!({ "rules": { "unused-actor": "off" }, "debounceMs": 0 });
    h.initialize(caps, Value::Null).await;
    h.wait_server_request("workspace/configuration").await;
    let _ = h.state("file:///x").await;
    let uri = h.open(CLAIMS_NAME, "claims", 1, &flawed_example()).await;
    h.diagnostics_where(0, &uri, "the pulled rules applied", |d| {
        !has(d, "C043") && has(d, "C042")
    })
    .await;
    // A `didChangeConfiguration` without settings makes the server ask again.
    *h.pulled_settings.lock().unwrap() = json!({ "rules": {} });
    let mark = h.mark();
    h.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": null }),
    )
    .await;
    h.diagnostics_where(mark, &uri, "C043 back", |d| has(d, "C043"))
        .await;
    assert!(h.shutdown().await);
}
