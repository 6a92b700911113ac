//! A small LSP client for tests: runs the server in-process over an in-memory duplex
//! stream with real `Content-Length` framing, routes responses by id, records
//! notifications and answers the server's own requests.

#![allow(dead_code)]

use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, DuplexStream, WriteHalf};
use tokio::sync::{oneshot, Notify};
use tokio::task::JoinHandle;

/// A guard against a hung server, not a performance threshold.
pub const TIMEOUT: Duration = Duration::from_secs(60);

pub const EXAMPLE_CLAIMS: &str = include_str!("../../examples/000_a935861ad7be96ce.claims");
pub const EXAMPLE_ARTICLE: &str = include_str!("../../examples/000_a935861ad7be96ce.txt");
pub const CLAIMS_NAME: &str = "000_a935861ad7be96ce.claims";
pub const ARTICLE_NAME: &str = "000_a935861ad7be96ce.txt";

type Writer = Arc<tokio::sync::Mutex<WriteHalf<DuplexStream>>>;

#[derive(Default)]
struct Inbox {
    notifications: Vec<Value>,
    server_requests: Vec<Value>,
    pending: HashMap<i64, oneshot::Sender<Value>>,
}

pub struct Harness {
    pub dir: tempfile::TempDir,
    /// The workspace folder (canonical).
    pub root: PathBuf,
    writer: Writer,
    inbox: Arc<Mutex<Inbox>>,
    arrived: Arc<Notify>,
    next_id: AtomicI64,
    server: Option<JoinHandle<bool>>,
    reader: JoinHandle<()>,
    /// What the client answers to `workspace/configuration`.
    pub pulled_settings: Arc<Mutex<Value>>,
    /// Whether the client answers the server's requests at all.
    pub answering: Arc<std::sync::atomic::AtomicBool>,
}

pub async fn write_frame<W: AsyncWrite + Unpin>(w: &mut W, body: &[u8]) {
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    w.write_all(header.as_bytes()).await.unwrap();
    w.write_all(body).await.unwrap();
    w.flush().await.unwrap();
}

/// Reads one framed message; `None` at the end of the stream.
pub async fn read_frame<R: AsyncRead + Unpin>(r: &mut R) -> Option<Value> {
    let mut header = Vec::new();
    while !header.ends_with(b"\r\n\r\n") {
        let mut byte = [0u8; 1];
        if r.read(&mut byte).await.ok()? == 0 {
            return None;
        }
        header.push(byte[0]);
    }
    let header = String::from_utf8(header).unwrap();
    let length: usize = header
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length:"))
        .expect("Content-Length header")
        .trim()
        .parse()
        .unwrap();
    let mut body = vec![0u8; length];
    r.read_exact(&mut body).await.ok()?;
    Some(serde_json::from_slice(&body).expect("the server sends JSON"))
}

pub fn uri_of(path: &Path) -> String {
    tower_lsp_server::ls_types::Uri::from_file_path(path)
        .unwrap()
        .as_str()
        .to_string()
}

impl Harness {
    /// A workspace with copies of the example annotation and article, and the server.
    pub async fn start() -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::write(root.join(CLAIMS_NAME), EXAMPLE_CLAIMS).unwrap();
        std::fs::write(root.join(ARTICLE_NAME), EXAMPLE_ARTICLE).unwrap();
        let (client_io, server_io) = tokio::io::duplex(1 << 16);
        let (server_read, server_write) = tokio::io::split(server_io);
        let server = tokio::spawn(claimls::lsp::serve(server_read, server_write));
        let (mut client_read, client_write) = tokio::io::split(client_io);
        let writer: Writer = Arc::new(tokio::sync::Mutex::new(client_write));
        let inbox = Arc::new(Mutex::new(Inbox::default()));
        let arrived = Arc::new(Notify::new());
        let pulled_settings = Arc::new(Mutex::new(Value::Null));
        let answering = Arc::new(std::sync::atomic::AtomicBool::new(true));
        let reader = {
            let (writer, inbox, arrived, pulled, answer) = (
                writer.clone(),
                inbox.clone(),
                arrived.clone(),
                pulled_settings.clone(),
                answering.clone(),
            );
            tokio::spawn(async move {
                while let Some(msg) = read_frame(&mut client_read).await {
                    route(msg, &writer, &inbox, &pulled, &answer).await;
                    arrived.notify_waiters();
                }
                arrived.notify_waiters();
            })
        };
        Harness {
            dir,
            root,
            writer,
            inbox,
            arrived,
            next_id: AtomicI64::new(1),
            server: Some(server),
            reader,
            pulled_settings,
            answering,
        }
    }

    /// Starts and initializes with `capabilities` and `options`, then sends `initialized`.
    pub async fn initialized(capabilities: Value, options: Value) -> (Harness, Value) {
        let h = Harness::start().await;
        let result = h.initialize(capabilities, options).await;
        (h, result)
    }

    /// The usual client: UTF-16, file watching, checks without debounce.
    pub async fn standard() -> Harness {
        Harness::initialized(
            watching_capabilities(),
            json!({ "claimls": { "debounceMs": 0 } }),
        )
        .await
        .0
    }

    pub async fn initialize(&self, capabilities: Value, options: Value) -> Value {
        let response = self
            .request(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": uri_of(&self.root),
                    "capabilities": capabilities,
                    "initializationOptions": options,
                    "workspaceFolders": [{ "uri": uri_of(&self.root), "name": "ws" }],
                }),
            )
            .await;
        self.notify("initialized", json!({})).await;
        response["result"].clone()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    pub fn uri(&self, name: &str) -> String {
        uri_of(&self.path(name))
    }

    pub async fn send(&self, msg: Value) {
        let body = serde_json::to_vec(&msg).unwrap();
        write_frame(&mut *self.writer.lock().await, &body).await;
    }

    /// Sends bytes as one framed message, whatever they are.
    pub async fn send_raw(&self, body: &[u8]) {
        write_frame(&mut *self.writer.lock().await, body).await;
    }

    /// Writes `bytes` as they are, framing and all.
    pub async fn write_bytes(&self, bytes: &[u8]) {
        let mut w = self.writer.lock().await;
        w.write_all(bytes).await.unwrap();
        w.flush().await.unwrap();
    }

    pub async fn notify(&self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }))
            .await;
    }

    /// Sends a request and waits for its response (the whole response object).
    /// `workspace/didChangeWatchedFiles` for one file (`kind`: 1 created, 2 changed, 3 deleted).
    pub async fn file_changed(&self, uri: String, kind: u8) {
        self.notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": uri, "type": kind }] }),
        )
        .await;
    }

    pub async fn request(&self, method: &str, params: Value) -> Value {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        let (tx, rx) = oneshot::channel();
        self.inbox.lock().unwrap().pending.insert(id, tx);
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }))
            .await;
        tokio::time::timeout(TIMEOUT, rx)
            .await
            .unwrap_or_else(|_| panic!("no response to {method}"))
            .unwrap()
    }

    /// The `result` of a request that must succeed.
    pub async fn call(&self, method: &str, params: Value) -> Value {
        let response = self.request(method, params).await;
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// How many notifications have arrived so far: a mark for [`Harness::wait_after`].
    pub fn mark(&self) -> usize {
        self.inbox.lock().unwrap().notifications.len()
    }

    pub fn notifications(&self, method: &str) -> Vec<Value> {
        self.inbox
            .lock()
            .unwrap()
            .notifications
            .iter()
            .filter(|n| n["method"] == method)
            .map(|n| n["params"].clone())
            .collect()
    }

    pub fn server_requests(&self, method: &str) -> Vec<Value> {
        self.inbox
            .lock()
            .unwrap()
            .server_requests
            .iter()
            .filter(|n| n["method"] == method)
            .map(|n| n["params"].clone())
            .collect()
    }

    /// Waits for the server's first request of `method`; its params.
    pub async fn wait_server_request(&self, method: &str) -> Value {
        let wait = async {
            loop {
                if let Some(found) = self.server_requests(method).into_iter().next() {
                    return found;
                }
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
        };
        tokio::time::timeout(TIMEOUT, wait)
            .await
            .unwrap_or_else(|_| panic!("timed out waiting for the server's {method}"))
    }

    /// Waits for the first notification after `mark` that satisfies `pred`; its params.
    pub async fn wait_after(
        &self,
        mark: usize,
        what: &str,
        pred: impl Fn(&Value) -> bool,
    ) -> Value {
        self.wait_message_after(mark, what, pred).await["params"].clone()
    }

    /// Waits for the first message after `mark` (a notification, or a response the client
    /// did not ask for) that satisfies `pred`; the whole message.
    pub async fn wait_message_after(
        &self,
        mark: usize,
        what: &str,
        pred: impl Fn(&Value) -> bool,
    ) -> Value {
        let wait = async {
            loop {
                let notified = self.arrived.notified();
                tokio::pin!(notified);
                notified.as_mut().enable();
                if let Some(found) = self
                    .inbox
                    .lock()
                    .unwrap()
                    .notifications
                    .iter()
                    .skip(mark)
                    .find(|n| pred(n))
                {
                    return found.clone();
                }
                notified.await;
            }
        };
        tokio::time::timeout(TIMEOUT, wait)
            .await
            .unwrap_or_else(|_| panic!("timed out waiting for {what}"))
    }

    /// Waits for `publishDiagnostics` of `uri` with `version` (any version when `None`),
    /// after `mark`.
    pub async fn diagnostics_after(&self, mark: usize, uri: &str, version: Option<i64>) -> Value {
        let what = format!("diagnostics of {uri} version {version:?}");
        self.wait_after(mark, &what, |n| {
            n["method"] == "textDocument/publishDiagnostics"
                && n["params"]["uri"] == uri
                && version.is_none_or(|v| n["params"]["version"] == v)
        })
        .await
    }

    /// Waits for `publishDiagnostics` of `uri` after `mark` whose payload satisfies `pred`.
    pub async fn diagnostics_where(
        &self,
        mark: usize,
        uri: &str,
        what: &str,
        pred: impl Fn(&Value) -> bool,
    ) -> Value {
        self.wait_after(mark, what, |n| {
            n["method"] == "textDocument/publishDiagnostics"
                && n["params"]["uri"] == uri
                && pred(&n["params"])
        })
        .await
    }

    pub async fn diagnostics(&self, uri: &str, version: i64) -> Value {
        self.diagnostics_after(0, uri, Some(version)).await
    }

    pub async fn open(&self, name: &str, language: &str, version: i64, text: &str) -> String {
        let uri = self.uri(name);
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": language, "version": version, "text": text } }),
        )
        .await;
        uri
    }

    /// Opens the example annotation and waits for its first diagnostics.
    pub async fn open_example(&self) -> (String, Value) {
        let uri = self.open(CLAIMS_NAME, "claims", 1, EXAMPLE_CLAIMS).await;
        let diags = self.diagnostics(&uri, 1).await;
        (uri, diags)
    }

    pub async fn change(&self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes }),
        )
        .await;
    }

    /// The server's view of a document: text, version, cache counters.
    pub async fn state(&self, uri: &str) -> Value {
        self.call(
            "claimls/documentState",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await
    }

    pub fn position_params(uri: &str, line: u32, character: u32) -> Value {
        json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } })
    }

    /// Shutdown and exit; returns whether the server ended cleanly.
    pub async fn shutdown(mut self) -> bool {
        let r = self.request("shutdown", Value::Null).await;
        assert_eq!(r["result"], Value::Null, "{r}");
        self.notify("exit", Value::Null).await;
        self.wait_server().await
    }

    /// Waits for the server task to end; its "clean exit" flag.
    pub async fn wait_server(&mut self) -> bool {
        let server = self.server.take().expect("running");
        tokio::time::timeout(TIMEOUT, server)
            .await
            .expect("the server exits")
            .expect("no panic")
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        self.reader.abort();
        if let Some(s) = &self.server {
            s.abort();
        }
    }
}

async fn route(
    msg: Value,
    writer: &Writer,
    inbox: &Mutex<Inbox>,
    pulled: &Mutex<Value>,
    answer: &std::sync::atomic::AtomicBool,
) {
    let has_method = msg.get("method").is_some();
    match (msg.get("id").and_then(Value::as_i64), has_method) {
        // A response to one of our requests.
        (Some(id), false) => {
            if let Some(tx) = inbox.lock().unwrap().pending.remove(&id) {
                let _ = tx.send(msg);
            }
        }
        // A request from the server: answer like a cooperative editor.
        (_, true) if msg.get("id").is_some() => {
            let result = match msg["method"].as_str() {
                Some("workspace/configuration") => json!([pulled.lock().unwrap().clone()]),
                _ => Value::Null,
            };
            let reply = json!({ "jsonrpc": "2.0", "id": msg["id"].clone(), "result": result });
            inbox.lock().unwrap().server_requests.push(msg);
            if !answer.load(Ordering::SeqCst) {
                return;
            }
            write_frame(
                &mut *writer.lock().await,
                &serde_json::to_vec(&reply).unwrap(),
            )
            .await;
        }
        // A notification, or a response with a null id (to a message that could not be read).
        _ => inbox.lock().unwrap().notifications.push(msg),
    }
}

/// Client capabilities of an editor that watches files and offers UTF-16 only.
pub fn watching_capabilities() -> Value {
    json!({
        "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } },
        "textDocument": { "publishDiagnostics": { "relatedInformation": true, "versionSupport": true } },
    })
}

/// Codes of a `publishDiagnostics` payload, in order.
pub fn codes(diags: &Value) -> Vec<String> {
    diags["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// Line and character of a position object.
pub fn pos(v: &Value) -> (u64, u64) {
    (
        v["line"].as_u64().unwrap(),
        v["character"].as_u64().unwrap(),
    )
}

/// Zero-based line and UTF-16 column of the first `needle` in `text` (plus `k` bytes).
pub fn utf16_position(text: &str, needle: &str, k: usize) -> (u32, u32) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"))
        + k;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..at].matches('\n').count() as u32;
    let col = text[line_start..at].encode_utf16().count() as u32;
    (line, col)
}
