//! Lifecycle and robustness: initialize, encodings, shutdown/exit, garbage, panics.

#[path = "lsp/harness.rs"]
mod harness;

use harness::*;
use serde_json::{json, Value};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn initialize_advertises_capabilities_and_utf16_by_default() {
    let (h, result) = Harness::initialized(json!({}), Value::Null).await;
    let caps = &result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(result["serverInfo"]["name"], "claimls");
    assert_eq!(result["serverInfo"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    assert_eq!(
        caps["textDocumentSync"]["save"],
        json!({ "includeText": false })
    );
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(
        caps["completionProvider"]["triggerCharacters"],
        json!([":", " "])
    );
    assert_eq!(caps["definitionProvider"], true);
    assert_eq!(caps["documentSymbolProvider"], true);
    assert_eq!(caps["referencesProvider"], true);
    assert_eq!(caps["documentHighlightProvider"], true);
    assert_eq!(caps["renameProvider"]["prepareProvider"], true);
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll.claimls"])
    );
    // No file watching without dynamic registration.
    let _ = h
        .request("claimls/documentState", json!({ "uri": "file:///nothing" }))
        .await;
    assert!(h.server_requests("client/registerCapability").is_empty());
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn utf8_is_chosen_when_offered() {
    let caps = json!({ "general": { "positionEncodings": ["utf-16", "utf-8"] } });
    let (h, result) = Harness::initialized(caps, Value::Null).await;
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watched_files_are_registered_dynamically() {
    let h = Harness::standard().await;
    let regs = [h.wait_server_request("client/registerCapability").await];
    let reg = &regs[0]["registrations"][0];
    assert_eq!(reg["method"], "workspace/didChangeWatchedFiles");
    let globs: Vec<&str> = reg["registerOptions"]["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert_eq!(globs, ["**/*.txt", "**/*.claims", "**/claimls.toml"]);
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_with_null_params_then_exit_ends_cleanly() {
    let mut h = Harness::standard().await;
    // Emacs eglot sends `"params": null` with shutdown.
    let r = h.request("shutdown", Value::Null).await;
    assert_eq!(r["result"], Value::Null);
    assert!(r.get("error").is_none(), "{r}");
    h.notify("exit", Value::Null).await;
    assert!(h.wait_server().await, "exit after shutdown is clean");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_without_shutdown_is_not_clean() {
    let mut h = Harness::standard().await;
    h.notify("exit", Value::Null).await;
    assert!(!h.wait_server().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_is_answered_and_the_server_serves_on() {
    let h = Harness::standard().await;
    let (uri, _) = h.open_example().await;
    // Not JSON at all: a parse error with a null id.
    let mark = h.mark();
    h.send_raw(b"{ this is not json").await;
    let parse_error = h
        .wait_message_after(mark, "a parse error", |n| n.get("error").is_some())
        .await;
    assert_eq!(parse_error["error"]["code"], -32700, "{parse_error}");
    assert_eq!(parse_error["id"], Value::Null);
    // An unknown method.
    let r = h.request("claimls/noSuchMethod", json!({})).await;
    assert_eq!(r["error"]["code"], -32601, "{r}");
    // Parameters of the wrong shape.
    let r = h
        .request("textDocument/hover", json!({ "textDocument": 3 }))
        .await;
    assert_eq!(r["error"]["code"], -32602, "{r}");
    // Positions past the end of a line and of the document are clamped.
    let r = h
        .call(
            "textDocument/hover",
            Harness::position_params(&uri, 9999, 9999),
        )
        .await;
    assert!(r.is_null() || r["contents"].is_object(), "{r}");
    let r = h
        .call(
            "textDocument/hover",
            Harness::position_params(&uri, 15, 9999),
        )
        .await;
    assert!(r.is_null() || r["contents"].is_object(), "{r}");
    let r = h
        .call(
            "textDocument/completion",
            Harness::position_params(&uri, 4000, 0),
        )
        .await;
    assert!(r["items"].is_array());
    // An edit with a range past the end appends.
    h.change(&uri, 2, json!([{ "range": { "start": { "line": 9999, "character": 0 }, "end": { "line": 9999, "character": 5 } }, "text": "\n# end\n" }])).await;
    let state = h.state(&uri).await;
    assert!(state["text"]
        .as_str()
        .unwrap()
        .ends_with("disputes: recruitment\n\n# end\n"));
    // A document nobody opened.
    let r = h
        .call(
            "textDocument/hover",
            Harness::position_params("file:///nowhere.claims", 0, 0),
        )
        .await;
    assert!(r.is_null());
    // And the server still works.
    let r = h
        .call(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    assert!(!r.as_array().unwrap().is_empty());
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_in_a_handler_is_logged_and_answered_as_an_error() {
    let options = json!({ "claimls": { "debounceMs": 0, "debug": { "allowPanic": true } } });
    let (h, _) = Harness::initialized(json!({}), options).await;
    let (uri, _) = h.open_example().await;
    let r = h.request("claimls/debugPanic", json!({})).await;
    assert_eq!(r["error"]["code"], -32603, "{r}");
    assert!(
        r["error"]["message"]
            .as_str()
            .unwrap()
            .contains("internal error"),
        "{r}"
    );
    let log = h
        .wait_after(0, "a logMessage about the panic", |n| {
            n["method"] == "window/logMessage"
                && n["params"]["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("debug panic requested"))
        })
        .await;
    assert_eq!(log["type"], 1, "an error");
    // The server serves on.
    let hover = h
        .call("textDocument/hover", Harness::position_params(&uri, 14, 7))
        .await;
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .starts_with("### CNN"),
        "{hover}"
    );
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_panic_request_is_refused_unless_enabled() {
    let h = Harness::standard().await;
    let r = h.request("claimls/debugPanic", json!({})).await;
    assert_eq!(r["error"]["code"], -32600, "{r}");
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_is_prompt_even_when_the_client_never_answers_a_request() {
    let caps = json!({
        "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true }, "configuration": true }
    });
    let h = Harness::start().await;
    h.answering
        .store(false, std::sync::atomic::Ordering::SeqCst);
    h.initialize(caps, Value::Null).await;
    // The server asks to register its watchers; nobody answers.
    h.wait_server_request("client/registerCapability").await;
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_sent_right_behind_initialize_are_not_lost() {
    let h = Harness::start().await;
    let uri = h.uri(CLAIMS_NAME);
    let params = json!({ "processId": null, "capabilities": {}, "rootUri": uri_of(&h.root),
        "initializationOptions": { "debounceMs": 0 } });
    // No waiting for the initialize response before the next messages.
    let (init, ()) = tokio::join!(h.request("initialize", params), async {
        h.notify("initialized", json!({})).await;
        h.open(CLAIMS_NAME, "claims", 1, EXAMPLE_CLAIMS).await;
    });
    assert!(init.get("result").is_some(), "{init}");
    let diags = h.diagnostics(&uri, 1).await;
    assert_eq!(diags["version"], 1);
    // And `exit` right behind `shutdown` does not cancel the shutdown.
    let mut h = h;
    let (r, ()) = tokio::join!(
        h.request("shutdown", Value::Null),
        h.notify("exit", Value::Null)
    );
    assert_eq!(r["result"], Value::Null, "{r}");
    assert!(h.wait_server().await);
}

// The hostile-input catalogue of the server (issue 10, items 9 and 11).

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_header_without_length_then_bodies_resynchronises_and_shutdown_ends() {
    let h = Harness::standard().await;
    // A header block with no Content-Length, its body glued to the next real header.
    let shutdown = br#"{"jsonrpc":"2.0","id":"lost","method":"shutdown"}"#;
    let mut bytes = b"X-Junk: 1\r\n\r\n".to_vec();
    bytes.extend_from_slice(shutdown);
    h.write_bytes(&bytes).await;
    // The next message is read whole, and the session ends normally.
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diagnostics_per_file_are_capped_with_a_count_of_the_rest() {
    let (h, _) = Harness::initialized(
        watching_capabilities(),
        json!({ "claimls": { "debounceMs": 0, "maxDiagnostics": 10 } }),
    )
    .await;
    std::fs::write(
        h.path("many.txt"),
        "date 2020-01-01 H\n\nNobody said anything.\n",
    )
    .unwrap();
    let text: String = (0..25)
        .map(|i| {
            format!("claim c{i}\n  source: Nobody\n  quote: words number {i} never written\n\n")
        })
        .collect();
    let text = format!("article: many.txt\n\n{text}");
    let uri = h.open("many.claims", "claims", 1, &text).await;
    let d = h.diagnostics(&uri, 1).await;
    let list = d["diagnostics"].as_array().unwrap();
    assert_eq!(list.len(), 11, "{d:#}");
    let last = &list[10];
    assert!(last["code"].is_null(), "{last}");
    let msg = last["message"].as_str().unwrap();
    assert!(
        msg.starts_with("15 more findings not shown") && msg.contains("maxDiagnostics"),
        "{msg}"
    );
    assert!(h.shutdown().await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_document_over_the_size_limit_gets_one_diagnostic_and_no_check() {
    let (h, _) = Harness::initialized(
        watching_capabilities(),
        json!({ "claimls": { "debounceMs": 0, "maxDocumentBytes": 8192 } }),
    )
    .await;
    let big = format!("{EXAMPLE_CLAIMS}{}", "# padding\n".repeat(600));
    assert!(big.len() > 8192 && EXAMPLE_CLAIMS.len() < 8192);
    let uri = h.open(CLAIMS_NAME, "claims", 1, &big).await;
    let d = h.diagnostics(&uri, 1).await;
    let list = d["diagnostics"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{d:#}");
    assert_eq!(list[0]["code"], "C001");
    assert!(
        list[0]["message"].as_str().unwrap().contains("too large"),
        "{d:#}"
    );
    // Requests on it answer nothing rather than parsing it.
    let r = h
        .call("textDocument/hover", Harness::position_params(&uri, 5, 3))
        .await;
    assert!(r.is_null(), "{r}");
    // Shrunk under the limit by an edit, it is checked again.
    h.change(&uri, 2, json!([{ "text": EXAMPLE_CLAIMS }])).await;
    let d = h.diagnostics(&uri, 2).await;
    assert!(
        !d["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["message"].as_str().unwrap().contains("too large")),
        "{d:#}"
    );
    assert!(h.shutdown().await);
}
