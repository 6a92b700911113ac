//! The `LanguageServer` implementation: protocol in, core and `ide` calls, protocol out.
//!
//! Every handler runs its synchronous work under `catch_unwind`: a panic is logged with
//! `window/logMessage` and answered as an internal error, and the server serves on. Locks
//! are never held across an `await`, and a poisoned lock is used as is (the data behind
//! it is replaced wholesale by every writer, so it is never half-updated).

use super::articles::{self, ArticleStore};
use super::convert::{self, Lines};
use super::diagnostics::{self, Places};
use super::documents::{Document, Documents, Kind, Published, Snapshot};
use super::settings::{ConfigCache, Settings};
use crate::article::{Article, ArticleError};
use crate::check::{self, ArticleRef, ClaimCache, Parsed};
use crate::config::{self, Config};
use crate::diagnostic as core;
use crate::ide;
use crate::text::Encoding;
use serde_json::{json, Value};
use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::Duration;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn read<T: Clone>(m: &RwLock<T>) -> T {
    m.read().unwrap_or_else(|e| e.into_inner()).clone()
}

fn write<T>(m: &RwLock<T>, value: T) {
    *m.write().unwrap_or_else(|e| e.into_inner()) = value;
}

/// The file path of a `file:` URI, normalized. A URI naming another host
/// (`file://otherhost/…`) is no local path: `None`, so nothing is read for it.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file:")?;
    if let Some(after) = rest.strip_prefix("//") {
        let host = &after[..after.find('/').unwrap_or(after.len())];
        if !host.is_empty() && !host.eq_ignore_ascii_case("localhost") {
            return None;
        }
    }
    uri.to_file_path().map(|p| articles::normalize(&p))
}

fn is_claims(uri: &Uri, language_id: &str) -> bool {
    language_id == "claims"
        || uri
            .as_str()
            .split(['?', '#'])
            .next()
            .is_some_and(|u| u.ends_with(".claims"))
}

/// Lists `article`'s names on a thread of their own, unless another caller already is.
fn start_names(article: &Arc<Article>) {
    if article.begin_candidates() {
        let job = Arc::clone(article);
        tokio::task::spawn_blocking(move || {
            // A panic here only leaves the names out of completion; it is contained.
            let _ = catch_unwind(AssertUnwindSafe(|| job.candidates().len()));
        });
    }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

#[derive(Clone, Copy, Debug, Default)]
struct ClientCaps {
    watch_files: bool,
    configuration: bool,
    /// Go to definition: the client declares it (and so takes several locations).
    definition: bool,
    /// ... and takes `LocationLink`s.
    definition_links: bool,
    /// `workspace/semanticTokens/refresh` may be sent.
    semantic_refresh: bool,
    /// Diagnostics by pull only (the `pullDiagnostics` setting, and the client pulls):
    /// nothing is pushed for annotations.
    pull: bool,
    /// ... and `workspace/diagnostic/refresh` may be sent when findings change.
    pull_refresh: bool,
}

/// The article of an annotation as far as it could be had.
struct ArticleView {
    path: Option<PathBuf>,
    uri: Option<Uri>,
    /// The version of the article's editor buffer, when it is open.
    version: Option<i32>,
    result: std::result::Result<Arc<Article>, ArticleError>,
}

impl ArticleView {
    fn article(&self) -> Option<&Article> {
        self.result.as_ref().ok().map(|a| &**a)
    }

    fn lines(&self, enc: Encoding) -> Option<(&Uri, Lines<'_>)> {
        let a = self.result.as_ref().ok()?;
        Some((
            self.uri.as_ref()?,
            Lines {
                text: &a.text,
                index: a.lines(),
                enc,
            },
        ))
    }
}

/// Room kept before a publication's notification for its `Content-Length` header, which
/// is written once the notification's length is known.
const FRAME_ROOM: usize = 48;

/// Annotations above this size are opened and first checked in a
/// [`low_peak`](crate::allocator::low_peak) window (freed pages given back at once).
const LOW_PEAK_BYTES: usize = 1 << 20;

/// What one check produced.
struct Outcome {
    version: i32,
    lsp: Vec<Diagnostic>,
    /// With an output queue: the same findings already written as the whole
    /// publishDiagnostics frame, header and notification (then `lsp` is empty).
    lsp_json: Option<Vec<u8>>,
    core: Vec<core::Diagnostic>,
    problem: Option<String>,
    /// When the article is open in the editor: its URI, buffer version and the
    /// unannotated statements to mark in it.
    article_side: Option<(Uri, i32, Vec<Diagnostic>)>,
    /// The article checked against, while its names are not listed yet.
    names_pending: Option<Arc<Article>>,
}

pub struct State {
    client: Client,
    enc: RwLock<Encoding>,
    roots: RwLock<Vec<PathBuf>>,
    settings: RwLock<Settings>,
    caps: RwLock<ClientCaps>,
    docs: Mutex<Documents>,
    articles: Mutex<ArticleStore>,
    configs: Mutex<ConfigCache>,
    /// Held while deciding whether a result is still the latest and sending it, so that
    /// publications of one document never overtake each other.
    publish_gate: tokio::sync::Mutex<()>,
    /// Messages already shown to the user (a bad `claimls.toml` is shown once).
    shown: Mutex<HashSet<String>>,
    pub(crate) shutdown_requested: AtomicBool,
    /// The output writer's queue, when the server runs behind [`super::transport`]:
    /// diagnostics are serialized straight into a frame there (a big file's thousand
    /// findings cost a third of an edit when they went through tower-lsp-server's
    /// `serde_json::Value` tree and its framing). Weak, so that the writer still ends
    /// when the session does.
    output: Option<tokio::sync::mpsc::WeakSender<Vec<u8>>>,
    /// The last semantic tokens sent per document, for `semanticTokens/full/delta`:
    /// `(result id, data)`.
    tokens: Mutex<std::collections::HashMap<Uri, (String, Vec<SemanticToken>)>>,
    next_tokens_id: std::sync::atomic::AtomicU64,
    /// Texts of large `didOpen` messages, which [`super::transport`] passes around
    /// tower-lsp-server: such a message arrives here with an empty text.
    pub(crate) opened_texts: Arc<super::transport::OpenedTexts>,
}

/// A `textDocument/publishDiagnostics` notification as it goes out.
#[derive(serde::Serialize)]
struct PublishNotification<'a> {
    jsonrpc: &'static str,
    method: &'static str,
    params: &'a PublishDiagnosticsParams,
}

impl State {
    fn enc(&self) -> Encoding {
        read(&self.enc)
    }

    fn snapshot(&self, uri: &Uri) -> Option<(Arc<Snapshot>, Option<PathBuf>)> {
        let docs = lock(&self.docs);
        let d = docs.get(uri)?;
        Some((d.snapshot.clone(), d.path.clone()))
    }

    fn config_for(&self, path: Option<&Path>) -> (Config, Option<String>) {
        let settings = read(&self.settings);
        lock(&self.configs).config_for(path.and_then(Path::parent), &settings)
    }

    fn article_for(
        &self,
        claims_path: Option<&Path>,
        parsed: &Parsed,
        config: &Config,
    ) -> ArticleView {
        let roots = read(&self.roots);
        match articles::locate(claims_path, parsed, &roots, &config.allowed_roots) {
            Err(e) => ArticleView {
                path: None,
                uri: None,
                version: None,
                result: Err(e),
            },
            Ok(path) => {
                let buffer = lock(&self.docs)
                    .by_path(&path)
                    .map(|d| (d.snapshot.clone(), d.uri.clone()));
                let result = ArticleStore::get(
                    &self.articles,
                    &path,
                    config.limits(),
                    buffer.as_ref().map(|(s, _)| (s.version, s.text())),
                );
                let version = buffer.as_ref().map(|(s, _)| s.version);
                let uri = buffer
                    .map(|(_, u)| u)
                    .or_else(|| Uri::from_file_path(&path));
                ArticleView {
                    path: Some(path),
                    uri,
                    version,
                    result,
                }
            }
        }
    }

    fn is_current(&self, uri: &Uri, generation: u64) -> bool {
        lock(&self.docs)
            .get(uri)
            .is_some_and(|d| d.generation == generation)
    }

    /// Checks generation `generation` of `uri`; `None` when it is no longer current. With
    /// `as_json` and an output queue, the findings come as [`Outcome::lsp_json`].
    fn check_now(&self, uri: &Uri, generation: u64, as_json: bool) -> Option<Outcome> {
        let (snap, path, cache, wire) = {
            let docs = lock(&self.docs);
            let d = docs.get(uri).filter(|d| d.generation == generation)?;
            (
                d.snapshot.clone(),
                d.path.clone(),
                d.cache.clone(),
                d.wire.clone(),
            )
        };
        let settings = read(&self.settings);
        if snap.too_large {
            let d = diagnostics::too_large(snap.text().len() as u64, settings.max_document_bytes);
            return Some(Outcome {
                version: snap.version,
                lsp: vec![d],
                lsp_json: None,
                core: Vec::new(),
                problem: None,
                article_side: None,
                names_pending: None,
            });
        }
        // The first check of a large version parsed in full (an opened file, a replaced
        // text) builds every claim's results: with its parse, the server's peak.
        let _window =
            (!snap.carried && snap.text().len() > LOW_PEAK_BYTES).then(crate::allocator::low_peak);
        let parsed = snap.parsed()?;
        let (config, problem) = self.config_for(path.as_deref());
        let view = self.article_for(path.as_deref(), parsed, &config);
        lock(&self.articles).depend(uri, view.path.as_deref());
        let found = {
            let mut cache = lock(&cache);
            match &view.result {
                Ok(a) => check::check(parsed, ArticleRef::Loaded(a), &config, &mut cache),
                Err(e) => check::check(parsed, ArticleRef::Failed(e), &config, &mut cache),
            }
        };
        let enc = self.enc();
        let places = Places {
            uri,
            file: snap.lines(enc),
            article: view.lines(enc),
        };
        // A file with a million findings would make one message of hundreds of megabytes:
        // publish the first `maxDiagnostics` and say how many more there are.
        let cap = settings.max_diagnostics.max(1);
        let more = (found.len() > cap)
            .then(|| diagnostics::more_findings(&found[cap], &places, found.len() - cap, cap));
        let (lsp, lsp_json) = if as_json && self.output.is_some() {
            // Written here, on the checking thread, straight from the core findings, as
            // the whole frame: one buffer, sized once (a finding with a drafted claim is
            // most of a kilobyte), that the output queue takes as it is. Growing it and
            // copying it into a notification and then into a frame was a good part of an
            // edit's publication.
            let shown = found.len().min(cap) + usize::from(more.is_some());
            let mut frame = Vec::with_capacity(FRAME_ROOM + 1024 * shown + 512);
            frame.resize(FRAME_ROOM, b' ');
            frame.extend_from_slice(
                br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#,
            );
            serde_json::to_writer(&mut frame, uri).expect("a URI serializes");
            frame.extend_from_slice(br#","diagnostics":["#);
            // Findings written for the last publication are copied from it where they
            // come out the same (see `WireCache`).
            let mut wire = lock(&wire);
            let article_id = view.result.as_ref().ok().map(|a| {
                let weak = Arc::downgrade(a);
                let id: diagnostics::ArticleId = weak;
                id
            });
            wire.begin(&places, article_id);
            for (k, d) in found.iter().take(cap).enumerate() {
                if k > 0 {
                    frame.push(b',');
                }
                wire.write(&mut frame, d, &places, snap.version);
            }
            wire.end();
            drop(wire);
            if let Some(more) = &more {
                frame.push(b',');
                serde_json::to_writer(&mut frame, more).expect("a diagnostic serializes");
            }
            frame.extend_from_slice(format!(r#"],"version":{}}}}}"#, snap.version).as_bytes());
            let header = format!("Content-Length: {}\r\n\r\n", frame.len() - FRAME_ROOM);
            let start = FRAME_ROOM - header.len();
            frame[start..FRAME_ROOM].copy_from_slice(header.as_bytes());
            frame.drain(..start);
            (Vec::new(), Some(frame))
        } else {
            let mut lsp: Vec<Diagnostic> = found
                .iter()
                .take(cap)
                .map(|d| diagnostics::to_lsp(d, &places, snap.version))
                .collect();
            lsp.extend(more);
            (lsp, None)
        };
        let article_side = match (&view.uri, view.version, &places.article) {
            (Some(auri), Some(aversion), Some((_, alines))) => {
                let name = path
                    .as_deref()
                    .and_then(Path::file_name)
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "the annotation".into());
                let marks = found
                    .iter()
                    .filter(|d| d.code == core::Code::UnannotatedAttribution)
                    .filter_map(|d| {
                        diagnostics::on_article(
                            d,
                            &places.file,
                            alines,
                            uri,
                            snap.version,
                            aversion,
                            &name,
                        )
                    })
                    .collect();
                Some((auri.clone(), aversion, marks))
            }
            _ => None,
        };
        Some(Outcome {
            version: snap.version,
            lsp,
            lsp_json,
            core: found,
            problem,
            article_side,
            names_pending: view
                .result
                .as_ref()
                .ok()
                .filter(|article| article.candidates_if_ready().is_none())
                .cloned(),
        })
    }

    /// Publishes `diagnostics` for `uri`: written to the output queue directly when there
    /// is one (ordered with the other publications by `publish_gate`), else through the
    /// client.
    async fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let Some(out) = self.output.as_ref().and_then(|w| w.upgrade()) else {
            self.client
                .publish_diagnostics(uri, diagnostics, version)
                .await;
            return;
        };
        let params = PublishDiagnosticsParams::new(uri, diagnostics, version);
        let body = serde_json::to_vec(&PublishNotification {
            jsonrpc: "2.0",
            method: "textDocument/publishDiagnostics",
            params: &params,
        });
        if let Ok(body) = body {
            let _ = out.send(super::transport::frame(&body)).await;
        }
        // Freed here, on the async side, not while a lock is held.
        drop(params);
    }

    /// Puts a publication already written as a whole frame (see [`Outcome::lsp_json`]) on
    /// the output queue: the notification is `publish`'s, byte for byte in meaning.
    async fn publish_frame(&self, frame: Vec<u8>) {
        if let Some(out) = self.output.as_ref().and_then(|w| w.upgrade()) {
            let _ = out.send(frame).await;
        }
    }

    async fn log(&self, typ: MessageType, message: String) {
        self.client.log_message(typ, message).await;
    }

    async fn show_once(&self, message: String) {
        if lock(&self.shown).insert(message.clone()) {
            self.client
                .show_message(MessageType::WARNING, &message)
                .await;
            self.log(MessageType::WARNING, message).await;
        }
    }

    /// Re-checks `uri` after the debounce delay, unless it changes again before that.
    fn schedule(self: &Arc<Self>, uri: &Uri) {
        let generation = {
            let mut docs = lock(&self.docs);
            let Some(d) = docs.get_mut(uri).filter(|d| d.kind == Kind::Claims) else {
                return;
            };
            d.generation += 1;
            d.generation
        };
        let delay = read(&self.settings).debounce_ms;
        let state = self.clone();
        let uri = uri.clone();
        tokio::spawn(async move { state.run_check(uri, generation, delay).await });
    }

    fn schedule_all(self: &Arc<Self>) {
        let uris = lock(&self.docs).annotations();
        for uri in uris {
            self.schedule(&uri);
        }
    }

    async fn run_check(self: Arc<Self>, uri: Uri, generation: u64, delay: u64) {
        if delay > 0 {
            tokio::time::sleep(Duration::from_millis(delay)).await;
        }
        if !self.is_current(&uri, generation) {
            return;
        }
        let state = self.clone();
        let u = uri.clone();
        let joined = tokio::task::spawn_blocking(move || {
            catch_unwind(AssertUnwindSafe(|| state.check_now(&u, generation, true)))
        })
        .await;
        let mut outcome = match joined {
            Ok(Ok(Some(outcome))) => outcome,
            Ok(Ok(None)) => return,
            Ok(Err(panic)) => {
                let message = format!(
                    "claimls: internal error while checking {}: {}",
                    uri.as_str(),
                    panic_message(&*panic)
                );
                self.log(MessageType::ERROR, message).await;
                // The cache may hold a half-made entry: start it afresh.
                if let Some(d) = lock(&self.docs).get_mut(&uri) {
                    d.cache = Arc::new(Mutex::new(ClaimCache::new()));
                    d.wire = Arc::default();
                }
                return;
            }
            Err(e) => {
                self.log(
                    MessageType::ERROR,
                    format!("claimls: check of {} did not finish: {e}", uri.as_str()),
                )
                .await;
                return;
            }
        };
        if let Some(problem) = outcome.problem {
            self.show_once(problem).await;
        }
        let _gate = self.publish_gate.lock().await;
        let refresh_tokens;
        // The findings this publication replaces: freed once it is out (on a big file,
        // freeing a thousand findings held up every edit's publication).
        let replaced;
        {
            let mut docs = lock(&self.docs);
            match docs.get_mut(&uri) {
                Some(d) if d.generation == generation && d.version() == outcome.version => {
                    // Quotes' match levels are token modifiers: when they change (or
                    // the first findings arrive), the client is asked to fetch tokens again.
                    refresh_tokens = d.published.as_ref().is_none_or(|p| {
                        !quote_levels(&p.diagnostics).eq(quote_levels(&outcome.core))
                    });
                    replaced = d.published.replace(Published {
                        version: outcome.version,
                        diagnostics: outcome.core,
                    });
                    if let Some((auri, _, _)) = &outcome.article_side {
                        d.article_uri = Some(auri.clone());
                    }
                }
                _ => return,
            }
            // The article's marks go out only for the buffer version they were made on.
            if let Some((auri, aversion, marks)) = &outcome.article_side {
                match docs.get_mut(auri) {
                    Some(a) if a.kind == Kind::Text && a.version() == *aversion => {
                        a.article_side = Some((*aversion, marks.clone()));
                    }
                    _ => outcome.article_side = None,
                }
            }
        }
        let caps = read(&self.caps);
        if caps.pull {
            // The client pulls: tell it the findings changed instead of pushing them.
            if caps.pull_refresh {
                let client = self.client.clone();
                tokio::spawn(async move {
                    let _ = client
                        .send_request::<request::WorkspaceDiagnosticRefresh>(())
                        .await;
                });
            }
        } else {
            match outcome.lsp_json {
                Some(frame) => self.publish_frame(frame).await,
                None => self.publish(uri, outcome.lsp, Some(outcome.version)).await,
            }
        }
        if let Some((auri, aversion, marks)) = outcome.article_side {
            self.publish(auri, marks, Some(aversion)).await;
        }
        drop(replaced);
        // The check no longer lists the article's names (its "did you mean" looks only at
        // names near the wrong one), so completion would be the first to need them and
        // wait up to its budget: list them now, on a thread of their own, while the user
        // reads the findings.
        if let Some(article) = &outcome.names_pending {
            start_names(article);
        }
        if refresh_tokens && caps.semantic_refresh {
            // Not awaited: the client answers when it likes, and asks for tokens after.
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client
                    .send_request::<request::SemanticTokensRefresh>(())
                    .await;
            });
        }
    }

    /// The article of the claims document `uri`.
    fn article_of(&self, uri: &Uri) -> Option<Arc<Article>> {
        let (snap, path) = self.snapshot(uri)?;
        let parsed = snap.parsed()?;
        let (config, _) = self.config_for(path.as_deref());
        self.article_for(path.as_deref(), parsed, &config)
            .result
            .ok()
    }

    /// The article of the claims document `uri`, when its names are not listed yet.
    fn article_without_names(&self, uri: &Uri) -> Option<Arc<Article>> {
        self.article_of(uri)
            .filter(|article| article.candidates_if_ready().is_none())
    }

    /// The article at `path` changed (on disk, or in its editor buffer): re-check the
    /// annotations that depend on it.
    fn article_changed(self: &Arc<Self>, path: &Path) {
        let dependants = {
            let mut store = lock(&self.articles);
            store.invalidate(path);
            store.dependants(path)
        };
        for uri in dependants {
            self.schedule(&uri);
        }
    }

    fn config_changed(self: &Arc<Self>) {
        lock(&self.configs).clear();
        // A configuration broken again the same way is shown again.
        lock(&self.shown).clear();
        self.schedule_all();
    }
}

pub struct Backend {
    pub(crate) state: Arc<State>,
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend::with_output(client, None)
    }

    /// A server whose diagnostics go straight to `output`, the queue of the writer in
    /// front of the client (see [`State::publish`]).
    pub fn with_output(
        client: Client,
        output: Option<tokio::sync::mpsc::WeakSender<Vec<u8>>>,
    ) -> Backend {
        Backend {
            state: Arc::new(State {
                client,
                enc: RwLock::new(Encoding::Utf16),
                roots: RwLock::new(Vec::new()),
                settings: RwLock::new(Settings::default()),
                tokens: Mutex::new(Default::default()),
                next_tokens_id: Default::default(),
                caps: RwLock::new(ClientCaps::default()),
                docs: Mutex::new(Documents::default()),
                articles: Mutex::new(ArticleStore::default()),
                configs: Mutex::new(ConfigCache::default()),
                publish_gate: tokio::sync::Mutex::new(()),
                shown: Mutex::new(HashSet::new()),
                shutdown_requested: AtomicBool::new(false),
                output,
                opened_texts: Default::default(),
            }),
        }
    }

    /// Runs `f` and turns a panic into a logged internal error.
    async fn guarded<T>(&self, what: &str, f: impl FnOnce(&Arc<State>) -> T) -> Result<T> {
        match catch_unwind(AssertUnwindSafe(|| f(&self.state))) {
            Ok(v) => Ok(v),
            Err(panic) => {
                let message = panic_message(&*panic);
                self.state
                    .log(
                        MessageType::ERROR,
                        format!("claimls: internal error in {what}: {message}"),
                    )
                    .await;
                Err(Error {
                    code: ErrorCode::InternalError,
                    message: format!("claimls: internal error in {what}: {message}").into(),
                    data: None,
                })
            }
        }
    }

    /// Like [`Backend::guarded`], for notifications: a panic is logged, nothing answered.
    async fn guarded_notification(&self, what: &str, f: impl FnOnce(&Arc<State>)) {
        let _ = self.guarded(what, f).await;
    }

    /// Whether completion at `pos` may use the article's names. They are computed once per
    /// article version, which takes seconds on a book-length article, so they are
    /// computed on a thread of their own and waited for at most `completionBudgetMs`; past
    /// the budget, completion answers without them (an incomplete list) and the next
    /// request finds them ready.
    async fn article_names(&self, pos: &TextDocumentPositionParams) -> ide::ArticleNames {
        let pending = self
            .guarded("textDocument/completion", |s| {
                s.article_without_names(&pos.text_document.uri)
            })
            .await
            .ok()
            .flatten();
        let Some(article) = pending else {
            // Ready, or no article: nothing to wait for.
            return ide::ArticleNames::Compute;
        };
        start_names(&article);
        let budget = Duration::from_millis(read(&self.state.settings).completion_budget_ms);
        let started = std::time::Instant::now();
        loop {
            if article.candidates_if_ready().is_some() {
                return ide::ArticleNames::Compute;
            }
            let left = budget.saturating_sub(started.elapsed());
            if left.is_zero() {
                return ide::ArticleNames::IfReady;
            }
            tokio::time::sleep(left.min(Duration::from_millis(2))).await;
        }
    }

    /// A claims document's snapshot, the position as a byte offset, and its article.
    fn at_position<T>(
        state: &State,
        pos: &TextDocumentPositionParams,
        f: impl FnOnce(&Parsed, usize, &ArticleView, Lines<'_>) -> Option<T>,
    ) -> Option<T> {
        let (snap, path) = state.snapshot(&pos.text_document.uri)?;
        let parsed = snap.parsed()?;
        let lines = snap.lines(state.enc());
        let offset = lines.offset(pos.position);
        let (config, _) = state.config_for(path.as_deref());
        let view = state.article_for(path.as_deref(), parsed, &config);
        f(parsed, offset, &view, lines)
    }

    /// `claimls/documentState`: the server's view of a document, for tests, benchmarks and
    /// debugging: `{ version, text, claimsChecked, claimsReused, articleBuilds,
    /// publishedVersion }`; `"includeText": false` leaves the text out (a cheap round trip).
    pub async fn document_state(&self, params: Value) -> Result<Value> {
        let uri: Uri = params
            .pointer("/textDocument/uri")
            .or_else(|| params.get("uri"))
            .and_then(Value::as_str)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| {
                Error::invalid_params("expected { \"textDocument\": { \"uri\": ... } }")
            })?;
        let include_text = params
            .get("includeText")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        self.guarded("claimls/documentState", |s| {
            // Before the documents' lock: finding the article takes it too.
            let names_ready = s
                .article_of(&uri)
                .map(|article| article.candidates_if_ready().is_some());
            let docs = lock(&s.docs);
            let builds = lock(&s.articles).builds;
            match docs.get(&uri) {
                None => Value::Null,
                Some(d) => {
                    let cache = lock(&d.cache);
                    json!({
                        "version": d.version(),
                        "text": include_text.then(|| d.snapshot.text()),
                        "claimsChecked": cache.last_misses,
                        "claimsReused": cache.last_hits,
                        "articleBuilds": builds,
                        // Whether the article's names (for completion) are listed yet;
                        // null without an article.
                        "articleNamesReady": names_ready,
                        "publishedVersion": d.published.as_ref().map(|p| p.version),
                        // How this version was parsed: carried over from the previous
                        // one by incremental edits, or in full.
                        "parse": if d.snapshot.carried { "incremental" } else { "full" },
                    })
                }
            }
        })
        .await
    }

    /// `claimls/debugPanic`: panics inside a handler when the settings allow it, to show
    /// that a panic is contained.
    pub async fn debug_panic(&self, _params: Value) -> Result<Value> {
        if !read(&self.state.settings).allow_debug_panic {
            return Err(Error::invalid_request());
        }
        self.guarded("claimls/debugPanic", |_| -> Value {
            panic!("debug panic requested by the client")
        })
        .await
    }
}

/// What the server offers; pull diagnostics only in pull mode (see `ClientCaps::pull`).
fn capabilities(enc: Encoding, pull: bool) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(convert::encoding_kind(enc)),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                will_save: None,
                will_save_wait_until: None,
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into()]),
            resolve_provider: Some(false),
            ..CompletionOptions::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: semantic_legend(),
                full: Some(SemanticTokensFullOptions::Delta { delta: Some(true) }),
                range: None,
                work_done_progress_options: WorkDoneProgressOptions::default(),
            },
        )),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        inlay_hint_provider: Some(OneOf::Left(true)),
        diagnostic_provider: pull.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("claimls".into()),
                // An annotation's findings change when its article changes.
                inter_file_dependencies: true,
                workspace_diagnostics: false,
                work_done_progress_options: WorkDoneProgressOptions::default(),
            })
        }),
        selection_range_provider: Some(SelectionRangeProviderCapability::Simple(true)),
        document_highlight_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::new(FIX_ALL_KIND),
            ]),
            resolve_provider: Some(false),
            ..CodeActionOptions::default()
        })),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}

fn completion_kind(kind: ide::CompletionKind) -> CompletionItemKind {
    match kind {
        ide::CompletionKind::Actor => CompletionItemKind::CLASS,
        ide::CompletionKind::Name => CompletionItemKind::REFERENCE,
        ide::CompletionKind::Field => CompletionItemKind::FIELD,
        ide::CompletionKind::Keyword => CompletionItemKind::KEYWORD,
        ide::CompletionKind::Value => CompletionItemKind::ENUM_MEMBER,
        ide::CompletionKind::ClaimId => CompletionItemKind::REFERENCE,
        ide::CompletionKind::Cue => CompletionItemKind::TEXT,
        ide::CompletionKind::Text => CompletionItemKind::TEXT,
    }
}

fn symbol_kind(kind: ide::SymbolKind) -> SymbolKind {
    match kind {
        ide::SymbolKind::Header => SymbolKind::PROPERTY,
        ide::SymbolKind::Actor => SymbolKind::CLASS,
        ide::SymbolKind::Alias => SymbolKind::CONSTANT,
        ide::SymbolKind::Claim => SymbolKind::EVENT,
        ide::SymbolKind::Field => SymbolKind::FIELD,
        ide::SymbolKind::Quote => SymbolKind::STRING,
        ide::SymbolKind::Relation => SymbolKind::KEY,
    }
}

#[allow(deprecated)]
fn document_symbol(s: ide::Symbol, lines: &Lines<'_>) -> DocumentSymbol {
    DocumentSymbol {
        name: s.name,
        detail: s.detail,
        kind: symbol_kind(s.kind),
        tags: None,
        deprecated: None,
        range: lines.range(s.span),
        selection_range: lines.range(s.selection),
        children: (!s.children.is_empty()).then(|| {
            s.children
                .into_iter()
                .map(|c| document_symbol(c, lines))
                .collect()
        }),
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let problems = self
            .guarded("initialize", |s| {
                let enc = convert::negotiate(&params.capabilities);
                write(&s.enc, enc);
                let mut roots: Vec<PathBuf> = params
                    .workspace_folders
                    .iter()
                    .flatten()
                    .filter_map(|f| path_of(&f.uri))
                    .collect();
                #[allow(deprecated)]
                if roots.is_empty() {
                    roots.extend(params.root_uri.as_ref().and_then(path_of));
                }
                write(&s.roots, roots);
                let workspace = params.capabilities.workspace.as_ref();
                let definition = params
                    .capabilities
                    .text_document
                    .as_ref()
                    .and_then(|t| t.definition.as_ref());
                let mut settings = Settings::default();
                let problems = params
                    .initialization_options
                    .as_ref()
                    .map(|o| settings.update(o))
                    .unwrap_or_default();
                let pull = settings.pull_diagnostics
                    && params
                        .capabilities
                        .text_document
                        .as_ref()
                        .is_some_and(|t| t.diagnostic.is_some());
                write(
                    &s.caps,
                    ClientCaps {
                        pull,
                        pull_refresh: workspace
                            .and_then(|w| w.diagnostics.as_ref())
                            .and_then(|d| d.refresh_support)
                            .unwrap_or(false),
                        watch_files: workspace
                            .and_then(|w| w.did_change_watched_files.as_ref())
                            .and_then(|w| w.dynamic_registration)
                            .unwrap_or(false),
                        configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
                        definition: definition.is_some(),
                        definition_links: definition.and_then(|d| d.link_support).unwrap_or(false),
                        semantic_refresh: workspace
                            .and_then(|w| w.semantic_tokens.as_ref())
                            .and_then(|t| t.refresh_support)
                            .unwrap_or(false),
                    },
                );
                write(&s.settings, settings);
                problems
            })
            .await?;
        for p in problems {
            self.state.show_once(p).await;
        }
        Ok(InitializeResult {
            capabilities: capabilities(self.state.enc(), read(&self.state.caps).pull),
            server_info: Some(ServerInfo {
                name: "claimls".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            ..InitializeResult::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Requests to the client run detached: a handler that waits for the client's answer
        // would keep tower-lsp-server from exiting when `exit` comes first.
        let state = self.state.clone();
        tokio::spawn(async move {
            let caps = read(&state.caps);
            if caps.watch_files {
                state.watch_files().await;
            }
            if caps.configuration {
                state.clone().pull_configuration().await;
            }
            let ready = format!(
                "claimls {} ready ({:?} positions)",
                env!("CARGO_PKG_VERSION"),
                state.enc()
            );
            state.log(MessageType::INFO, ready).await;
        });
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.shutdown_requested.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        self.guarded_notification("textDocument/didOpen", |s| {
            let doc = params.text_document;
            let kind = if is_claims(&doc.uri, &doc.language_id) {
                Kind::Claims
            } else {
                Kind::Text
            };
            let path = path_of(&doc.uri);
            let max_bytes = read(&s.settings).max_document_bytes;
            let text = match doc.text.is_empty() {
                true => s
                    .opened_texts
                    .take(doc.uri.as_str(), doc.version)
                    .unwrap_or_default(),
                false => doc.text,
            };
            // Parsing a large annotation beside the ones already open sets the server's peak.
            let _window = (kind == Kind::Claims && text.len() > LOW_PEAK_BYTES)
                .then(crate::allocator::low_peak);
            let mut opened = Document::new(
                doc.uri.clone(),
                path.clone(),
                kind,
                doc.version,
                text,
                max_bytes,
            );
            let mut docs = lock(&s.docs);
            // Opened again without a close: results of the old text must not pass as new.
            if let Some(old) = docs.get(&doc.uri) {
                opened.generation = old.generation + 1;
            }
            docs.insert(opened);
            drop(docs);
            match kind {
                Kind::Claims => s.schedule(&doc.uri),
                Kind::Text => {
                    if let Some(path) = path {
                        s.article_changed(&path);
                    }
                }
            }
        })
        .await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        self.guarded_notification("textDocument/didChange", |s| {
            let uri = params.text_document.uri;
            let enc = s.enc();
            let (kind, path) = {
                let mut docs = lock(&s.docs);
                let Some(d) = docs.get_mut(&uri) else { return };
                d.max_bytes = read(&s.settings).max_document_bytes;
                d.apply(params.content_changes, params.text_document.version, enc);
                (d.kind, d.path.clone())
            };
            match (kind, path) {
                (Kind::Claims, _) => s.schedule(&uri),
                (Kind::Text, Some(path)) => s.article_changed(&path),
                (Kind::Text, None) => {}
            }
        })
        .await;
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        self.guarded_notification("textDocument/didSave", |s| {
            let path = lock(&s.docs)
                .get(&params.text_document.uri)
                .and_then(|d| d.path.clone());
            if path
                .as_deref()
                .and_then(Path::file_name)
                .is_some_and(|n| n == config::FILE_NAME)
            {
                s.config_changed();
            }
        })
        .await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let closed = self
            .guarded("textDocument/didClose", |s| {
                let removed = lock(&s.docs).remove(&uri);
                // A large annotation's memory goes back at once (it is freed below, when
                // `removed` is taken apart), not beside the next file opened.
                let _window = removed
                    .as_ref()
                    .filter(|d| d.kind == Kind::Claims && d.snapshot.text().len() > LOW_PEAK_BYTES)
                    .map(|_| crate::allocator::low_peak());
                lock(&s.articles).forget(&uri);
                lock(&s.tokens).remove(&uri);
                if let Some(Document {
                    kind: Kind::Text,
                    path: Some(path),
                    ..
                }) = &removed
                {
                    s.article_changed(path);
                }
                removed.map(|d| (d.kind, d.article_uri))
            })
            .await;
        if let Ok(Some((Kind::Claims, article_uri))) = closed {
            let _gate = self.state.publish_gate.lock().await;
            self.state.publish(uri, Vec::new(), None).await;
            // The article's marks came from this annotation: take them away too.
            if let Some(auri) = article_uri {
                let still_open = lock(&self.state.docs)
                    .get_mut(&auri)
                    .map(|a| a.article_side = None)
                    .is_some();
                if still_open {
                    self.state.publish(auri, Vec::new(), None).await;
                }
            }
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let pull =
            params.settings.is_null() || params.settings.as_object().is_some_and(|o| o.is_empty());
        if pull && read(&self.state.caps).configuration {
            let state = self.state.clone();
            tokio::spawn(async move { state.pull_configuration().await });
            return;
        }
        let problems = self
            .guarded("workspace/didChangeConfiguration", |s| {
                let mut settings = read(&s.settings);
                let problems = settings.update(&params.settings);
                write(&s.settings, settings);
                s.config_changed();
                problems
            })
            .await
            .unwrap_or_default();
        for p in problems {
            self.state.show_once(p).await;
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        self.guarded_notification("workspace/didChangeWatchedFiles", |s| {
            let mut config = false;
            for change in params.changes {
                let Some(path) = path_of(&change.uri) else {
                    continue;
                };
                if path.file_name().is_some_and(|n| n == config::FILE_NAME) {
                    config = true;
                    continue;
                }
                // An open buffer is the truth for its file: the disk does not matter.
                if lock(&s.docs).by_path(&path).is_some() {
                    continue;
                }
                s.article_changed(&path);
            }
            if config {
                s.config_changed();
            }
        })
        .await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        self.guarded_notification("workspace/didChangeWorkspaceFolders", |s| {
            let mut roots = read(&s.roots);
            let removed: Vec<PathBuf> = params
                .event
                .removed
                .iter()
                .filter_map(|f| path_of(&f.uri))
                .collect();
            roots.retain(|r| !removed.contains(r));
            roots.extend(params.event.added.iter().filter_map(|f| path_of(&f.uri)));
            write(&s.roots, roots);
            s.schedule_all();
        })
        .await;
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        self.guarded("textDocument/hover", |s| {
            Self::at_position(
                s,
                &params.text_document_position_params,
                |parsed, offset, view, lines| {
                    let h = ide::hover(parsed, view.article(), offset)?;
                    Some(Hover {
                        contents: HoverContents::Markup(MarkupContent {
                            kind: MarkupKind::Markdown,
                            value: h.markdown,
                        }),
                        range: Some(lines.range(h.span)),
                    })
                },
            )
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let names = self.article_names(&params.text_document_position).await;
        self.guarded("textDocument/completion", |s| {
            let pos = &params.text_document_position;
            let path = s.snapshot(&pos.text_document.uri).and_then(|(_, p)| p);
            let (config, _) = s.config_for(path.as_deref());
            Self::at_position(s, pos, |parsed, offset, view, lines| {
                let found = ide::completion_with(parsed, view.article(), offset, &config, names);
                // Without the article's names the list is partial: the client asks again
                // as the user types, and by then the names are usually ready.
                let names_missing = names == ide::ArticleNames::IfReady
                    && view
                        .article()
                        .is_some_and(|a| a.candidates_if_ready().is_none());
                let incomplete = found.len() >= ide::MAX_COMPLETIONS || names_missing;
                let items = found
                    .into_iter()
                    .map(|c| CompletionItem {
                        label: c.label,
                        kind: Some(completion_kind(c.kind)),
                        detail: c.detail,
                        documentation: c.documentation.map(|d| {
                            Documentation::MarkupContent(MarkupContent {
                                kind: MarkupKind::Markdown,
                                value: d,
                            })
                        }),
                        sort_text: Some(c.sort_text),
                        filter_text: Some(c.filter_text),
                        text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                            range: lines.range(c.replace),
                            new_text: c.insert_text,
                        })),
                        ..CompletionItem::default()
                    })
                    .collect();
                Some(CompletionResponse::List(CompletionList {
                    is_incomplete: incomplete,
                    items,
                }))
            })
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        self.guarded("textDocument/definition", |s| {
            let pos = &params.text_document_position_params;
            Self::at_position(s, pos, |parsed, offset, view, lines| {
                let targets = ide::definitions(parsed, view.article(), offset);
                let caps = read(&s.caps);
                // Several places (the parts of an elided quote): all of them for a client
                // that declares go to definition, as links when it takes links; one
                // location covering them otherwise.
                let spans: Vec<crate::text::Span> = targets
                    .iter()
                    .filter_map(|t| match t {
                        ide::Target::Article(span) => Some(*span),
                        ide::Target::File(_) => None,
                    })
                    .collect();
                if spans.len() > 1 && spans.len() == targets.len() {
                    let (uri, article_lines) = view.lines(s.enc())?;
                    if caps.definition_links {
                        let links = spans
                            .iter()
                            .map(|span| LocationLink {
                                origin_selection_range: None,
                                target_uri: uri.clone(),
                                target_range: article_lines.range(*span),
                                target_selection_range: article_lines.range(*span),
                            })
                            .collect();
                        return Some(GotoDefinitionResponse::Link(links));
                    }
                    if caps.definition {
                        let locations = spans
                            .iter()
                            .map(|span| Location::new(uri.clone(), article_lines.range(*span)))
                            .collect();
                        return Some(GotoDefinitionResponse::Array(locations));
                    }
                    let cover = spans[0].cover(spans[spans.len() - 1]);
                    return Some(GotoDefinitionResponse::Scalar(Location::new(
                        uri.clone(),
                        article_lines.range(cover),
                    )));
                }
                let location = match targets.into_iter().next()? {
                    ide::Target::File(span) => {
                        Location::new(pos.text_document.uri.clone(), lines.range(span))
                    }
                    ide::Target::Article(span) => {
                        let (uri, article_lines) = view.lines(s.enc())?;
                        Location::new(uri.clone(), article_lines.range(span))
                    }
                };
                Some(GotoDefinitionResponse::Scalar(location))
            })
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        self.guarded("textDocument/references", |s| {
            let pos = &params.text_document_position;
            let include = params.context.include_declaration;
            Self::at_position(s, pos, |parsed, offset, view, lines| {
                let (in_file, in_article) =
                    ide::references(parsed, view.article(), offset, include)?;
                let uri = &pos.text_document.uri;
                let mut out: Vec<Location> = in_file
                    .iter()
                    .map(|r| Location::new(uri.clone(), lines.range(r.span)))
                    .collect();
                // The actor's mentions in the article, as extra locations there.
                if let Some((article_uri, article_lines)) = view.lines(s.enc()) {
                    out.extend(in_article.iter().map(|span| {
                        Location::new(article_uri.clone(), article_lines.range(*span))
                    }));
                }
                Some(out)
            })
        })
        .await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        self.guarded("textDocument/documentHighlight", |s| {
            let pos = &params.text_document_position_params;
            Self::at_position(s, pos, |parsed, offset, _, lines| {
                let (subject, _) = ide::subject_at(parsed, offset)?;
                Some(
                    ide::uses(&parsed.model, &subject)
                        .iter()
                        .map(|r| DocumentHighlight {
                            range: lines.range(r.span),
                            // Declarations and aliases define names; uses read them.
                            kind: Some(match r.kind {
                                ide::UseKind::Declaration | ide::UseKind::Alias => {
                                    DocumentHighlightKind::WRITE
                                }
                                ide::UseKind::Use => DocumentHighlightKind::READ,
                            }),
                        })
                        .collect(),
                )
            })
        })
        .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let answer = self
            .guarded("textDocument/prepareRename", |s| {
                Self::at_position(s, &params, |parsed, offset, _, lines| {
                    Some(
                        ide::prepare_rename(parsed, offset)
                            .map(|span| PrepareRenameResponse::Range(lines.range(span))),
                    )
                })
            })
            .await?;
        match answer {
            Some(Ok(r)) => Ok(Some(r)),
            Some(Err(e)) => Err(Error::invalid_params(e.message())),
            None => Ok(None),
        }
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let answer = self
            .guarded("textDocument/rename", |s| {
                let pos = &params.text_document_position;
                Self::at_position(s, pos, |parsed, offset, _, lines| {
                    Some(ide::rename(parsed, offset, &params.new_name).map(|edits| {
                        let edits = edits
                            .into_iter()
                            .map(|(span, text)| TextEdit::new(lines.range(span), text))
                            .collect();
                        WorkspaceEdit {
                            changes: Some(
                                [(pos.text_document.uri.clone(), edits)]
                                    .into_iter()
                                    .collect(),
                            ),
                            ..WorkspaceEdit::default()
                        }
                    }))
                })
            })
            .await?;
        match answer {
            Some(Ok(edit)) => Ok(Some(edit)),
            // A clash or an invalid name: the client shows the message.
            Some(Err(e)) => Err(Error::invalid_params(e.message())),
            None => Ok(None),
        }
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        self.guarded("textDocument/semanticTokens/full", |s| {
            let uri = &params.text_document.uri;
            let data = semantic_data(s, uri)?;
            let id = s.remember_tokens(uri, data.clone());
            Some(SemanticTokensResult::Tokens(SemanticTokens {
                result_id: Some(id),
                data,
            }))
        })
        .await
    }

    async fn semantic_tokens_full_delta(
        &self,
        params: SemanticTokensDeltaParams,
    ) -> Result<Option<SemanticTokensFullDeltaResult>> {
        self.guarded("textDocument/semanticTokens/full/delta", |s| {
            let uri = &params.text_document.uri;
            let data = semantic_data(s, uri)?;
            let previous = lock(&s.tokens)
                .get(uri)
                .filter(|(id, _)| *id == params.previous_result_id)
                .map(|(_, old)| old.clone());
            let id = s.remember_tokens(uri, data.clone());
            Some(match previous {
                // One edit replacing what lies between the common prefix and suffix.
                Some(old) => {
                    let prefix = old.iter().zip(&data).take_while(|(a, b)| a == b).count();
                    let suffix = old[prefix..]
                        .iter()
                        .rev()
                        .zip(data[prefix..].iter().rev())
                        .take_while(|(a, b)| a == b)
                        .count();
                    let edits = if old == data {
                        Vec::new()
                    } else {
                        vec![SemanticTokensEdit {
                            start: (prefix * 5) as u32,
                            delete_count: ((old.len() - prefix - suffix) * 5) as u32,
                            data: Some(data[prefix..data.len() - suffix].to_vec()),
                        }]
                    };
                    SemanticTokensFullDeltaResult::TokensDelta(SemanticTokensDelta {
                        result_id: Some(id),
                        edits,
                    })
                }
                None => SemanticTokensFullDeltaResult::Tokens(SemanticTokens {
                    result_id: Some(id),
                    data,
                }),
            })
        })
        .await
    }

    /// Pull diagnostics (LSP 3.17), for clients that ask rather than listen: the same
    /// findings the server publishes, from a check of the current version (the per-claim
    /// cache makes it cheap when the push check has run).
    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let items = self
            .guarded("textDocument/diagnostic", |s| {
                let uri = &params.text_document.uri;
                let generation = lock(&s.docs)
                    .get(uri)
                    .filter(|d| d.kind != Kind::Text)
                    .map(|d| d.generation)?;
                s.check_now(uri, generation, false).map(|o| o.lsp)
            })
            .await?
            .unwrap_or_default();
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            }),
        ))
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        self.guarded("textDocument/codeLens", |s| {
            let uri = &params.text_document.uri;
            let (snap, _) = s.snapshot(uri)?;
            let parsed = snap.parsed()?;
            let lines = snap.lines(s.enc());
            Some(
                ide::code_lenses(parsed)
                    .into_iter()
                    .map(|lens| {
                        let range = lines.range(lens.span);
                        let locations: Vec<Location> =
                            ide::uses(&parsed.model, &ide::Subject::Actor(lens.actor))
                                .iter()
                                .filter(|r| r.kind == ide::UseKind::Use)
                                .map(|r| Location::new(uri.clone(), lines.range(r.span)))
                                .collect();
                        CodeLens {
                            range,
                            // The editor's own "show references" (VS Code's extension and
                            // the Neovim plugin map this command to it).
                            command: Some(Command {
                                title: lens.title,
                                command: SHOW_REFERENCES.into(),
                                arguments: Some(vec![
                                    json!(uri),
                                    json!(range.start),
                                    json!(locations),
                                ]),
                            }),
                            data: None,
                        }
                    })
                    .collect(),
            )
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        self.guarded("textDocument/inlayHint", |s| {
            let uri = &params.text_document.uri;
            let (snap, path) = s.snapshot(uri)?;
            let parsed = snap.parsed()?;
            let lines = snap.lines(s.enc());
            let findings = published_findings(s, uri, snap.version, |d| {
                is_quote_level(d) || d.code == core::Code::SourceMismatch
            })
            .unwrap_or_default();
            let (config, _) = s.config_for(path.as_deref());
            let view = s.article_for(path.as_deref(), parsed, &config);
            Some(
                ide::inlay_hints(parsed, view.article(), &findings, lines.span(params.range))
                    .into_iter()
                    .map(|h| InlayHint {
                        position: lines.position(h.at),
                        label: InlayHintLabel::String(h.label),
                        kind: None,
                        text_edits: None,
                        tooltip: h.tooltip.map(InlayHintTooltip::String),
                        padding_left: Some(true),
                        padding_right: None,
                        data: None,
                    })
                    .collect(),
            )
        })
        .await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.guarded("textDocument/foldingRange", |s| {
            let (snap, _) = s.snapshot(&params.text_document.uri)?;
            let parsed = snap.parsed()?;
            Some(
                ide::folding_ranges(parsed)
                    .into_iter()
                    .map(|f| FoldingRange {
                        start_line: f.start_line as u32,
                        end_line: f.end_line as u32,
                        kind: Some(if f.comment {
                            FoldingRangeKind::Comment
                        } else {
                            FoldingRangeKind::Region
                        }),
                        ..FoldingRange::default()
                    })
                    .collect(),
            )
        })
        .await
    }

    async fn selection_range(
        &self,
        params: SelectionRangeParams,
    ) -> Result<Option<Vec<SelectionRange>>> {
        self.guarded("textDocument/selectionRange", |s| {
            let (snap, _) = s.snapshot(&params.text_document.uri)?;
            let parsed = snap.parsed()?;
            let lines = snap.lines(s.enc());
            Some(
                params
                    .positions
                    .iter()
                    .map(|p| {
                        let spans = ide::selection_ranges(parsed, lines.offset(*p));
                        // Outermost first, each the parent of the next.
                        let mut range: Option<SelectionRange> = None;
                        for span in spans.iter().rev() {
                            range = Some(SelectionRange {
                                range: lines.range(*span),
                                parent: range.map(Box::new),
                            });
                        }
                        range.unwrap_or(SelectionRange {
                            range: Range::new(*p, *p),
                            parent: None,
                        })
                    })
                    .collect(),
            )
        })
        .await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        self.guarded("workspace/symbol", |s| {
            let roots = read(&s.roots);
            let open: std::collections::HashMap<PathBuf, Arc<str>> = lock(&s.docs)
                .iter()
                .filter(|d| d.kind != Kind::Text)
                .filter_map(|d| Some((d.path.clone()?, Arc::from(d.snapshot.text()))))
                .collect();
            let mut files = super::workspace::claims_files(&roots);
            // Open annotations outside the folders count too.
            files.extend(
                open.keys()
                    .filter(|p| !super::workspace::under(p, &roots))
                    .cloned(),
            );
            let max_bytes = read(&s.settings).max_document_bytes;
            let found = super::workspace::symbols(&params.query, &files, &open, max_bytes);
            let enc = s.enc();
            let mut indexes: std::collections::HashMap<PathBuf, crate::text::LineIndex> =
                Default::default();
            let symbols = found
                .into_iter()
                .filter_map(|f| {
                    let uri = Uri::from_file_path(&f.path)?;
                    let index = indexes
                        .entry(f.path.clone())
                        .or_insert_with(|| crate::text::LineIndex::new(&f.text));
                    let lines = Lines {
                        text: &f.text,
                        index,
                        enc,
                    };
                    #[allow(deprecated)]
                    Some(SymbolInformation {
                        name: f.name,
                        kind: symbol_kind(f.kind),
                        tags: None,
                        deprecated: None,
                        location: Location::new(uri, lines.range(f.selection)),
                        container_name: f
                            .path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned()),
                    })
                })
                .collect();
            Some(WorkspaceSymbolResponse::Flat(symbols))
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.guarded("textDocument/documentSymbol", |s| {
            let (snap, _) = s.snapshot(&params.text_document.uri)?;
            let parsed = snap.parsed()?;
            let lines = snap.lines(s.enc());
            let symbols = ide::symbols(parsed)
                .into_iter()
                .map(|sym| document_symbol(sym, &lines))
                .collect();
            Some(DocumentSymbolResponse::Nested(symbols))
        })
        .await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        self.guarded("textDocument/formatting", |s| {
            let (snap, _) = s.snapshot(&params.text_document.uri)?;
            snap.parsed()?;
            let text = snap.text();
            let edit = crate::format::minimal_edit(text, &crate::format::format(text));
            let lines = snap.lines(s.enc());
            Some(
                edit.map(|(span, new_text)| TextEdit::new(lines.range(span), new_text))
                    .into_iter()
                    .collect(),
            )
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.guarded("textDocument/codeAction", |s| {
            let uri = &params.text_document.uri;
            let mut actions: Vec<CodeActionOrCommand> = Vec::new();
            let all_statements = {
                let docs = lock(&s.docs);
                let doc = docs.get(uri)?;
                if doc.kind == Kind::Text {
                    article_actions(&docs, doc, &params, &mut actions);
                    return Some(actions);
                }
                claims_actions(s, doc, &params, &mut actions);
                actor_actions(s, doc, &params, &mut actions);
                // On the header: one action for every unannotated statement at once.
                header_request(s, doc, &params)
            };
            if let Some((snap, path, contents)) = all_statements {
                let parsed = snap.parsed()?;
                let (config, _) = s.config_for(path.as_deref());
                let view = s.article_for(path.as_deref(), parsed, &config);
                if let Some((span, text)) = view.article().and_then(|a| {
                    check::credit::draft_blocks(&parsed.text, &parsed.model, a, &contents)
                }) {
                    let lines = snap.lines(s.enc());
                    let n = contents.len();
                    actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: format!(
                            "Add claims for all {n} unannotated statement{}",
                            if n == 1 { "" } else { "s" }
                        ),
                        kind: Some(CodeActionKind::QUICKFIX),
                        edit: Some(WorkspaceEdit {
                            changes: Some(std::collections::HashMap::from([(
                                uri.clone(),
                                vec![TextEdit {
                                    range: lines.range(span),
                                    new_text: text,
                                }],
                            )])),
                            ..WorkspaceEdit::default()
                        }),
                        ..CodeAction::default()
                    }));
                }
            }
            if let Some(action) = fix_all_action(s, &params) {
                actions.push(action);
            }
            Some(actions)
        })
        .await
    }
}

impl State {
    /// Keeps `data` as the last tokens of `uri` and returns their new result id.
    fn remember_tokens(&self, uri: &Uri, data: Vec<SemanticToken>) -> String {
        let id = self
            .next_tokens_id
            .fetch_add(1, Ordering::Relaxed)
            .to_string();
        lock(&self.tokens).insert(uri.clone(), (id.clone(), data));
        id
    }
}

/// A finding that sets a quote's match level (a semantic token modifier).
fn is_quote_level(d: &core::Diagnostic) -> bool {
    matches!(
        d.code,
        core::Code::QuoteNotFound | core::Code::QuoteNearMiss | core::Code::QuoteNormalized
    )
}

/// What the semantic tokens take from the findings: the quote-level findings' codes and
/// spans, in order.
fn quote_levels(
    found: &[core::Diagnostic],
) -> impl Iterator<Item = (core::Code, crate::text::Span)> + '_ {
    found
        .iter()
        .filter(|d| is_quote_level(d))
        .map(|d| (d.code, d.span))
}

/// The findings published for `uri` at `version` that `keep` selects, or `None` when
/// that version's findings are not published yet.
fn published_findings(
    s: &State,
    uri: &Uri,
    version: i32,
    keep: impl Fn(&core::Diagnostic) -> bool,
) -> Option<Vec<core::Diagnostic>> {
    let docs = lock(&s.docs);
    let published = docs.get(uri)?.published.as_ref()?;
    (published.version == version).then(|| {
        published
            .diagnostics
            .iter()
            .filter(|d| keep(d))
            .cloned()
            .collect()
    })
}

/// The legend the server declares: token types and modifiers in `ide`'s order.
fn semantic_legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: ide::TokenType::ALL
            .iter()
            .map(|t| SemanticTokenType::new(t.name()))
            .collect(),
        token_modifiers: ide::MODIFIERS
            .iter()
            .map(|m| SemanticTokenModifier::new(m))
            .collect(),
    }
}

/// The semantic tokens of an annotation, relative-encoded in the session's position
/// encoding. Quotes' match levels come from the findings published for this version.
fn semantic_data(s: &State, uri: &Uri) -> Option<Vec<SemanticToken>> {
    let (snap, path) = s.snapshot(uri)?;
    let parsed = snap.parsed()?;
    // Only the quote-level findings (tokens read nothing else): a big file's thousand
    // findings are not copied on every token request.
    let findings = published_findings(s, uri, snap.version, is_quote_level);
    let (config, _) = s.config_for(path.as_deref());
    let article_loaded = findings.is_some()
        && s.article_for(path.as_deref(), parsed, &config)
            .article()
            .is_some();
    let tokens = ide::semantic_tokens(
        parsed,
        findings.as_deref().unwrap_or_default(),
        article_loaded,
    );
    let lines = snap.lines(s.enc());
    let types = ide::TokenType::ALL;
    let mut data = Vec::with_capacity(tokens.len());
    let (mut line, mut col) = (0, 0);
    for t in tokens {
        let r = lines.range(t.span);
        if r.start.line != r.end.line {
            continue;
        }
        let delta_line = r.start.line - line;
        let delta_start = if delta_line == 0 {
            r.start.character - col
        } else {
            r.start.character
        };
        data.push(SemanticToken {
            delta_line,
            delta_start,
            length: r.end.character - r.start.character,
            token_type: types.iter().position(|x| *x == t.kind).unwrap_or(0) as u32,
            token_modifiers_bitset: t.modifiers,
        });
        (line, col) = (r.start.line, r.start.character);
    }
    Some(data)
}

/// The command of the "N claims" lenses: `[uri, position, locations]`, as VS Code's
/// `editor.action.showReferences` takes them once converted by the extension.
pub(crate) const SHOW_REFERENCES: &str = "claimls.showReferences";

/// The kind of "Fix all": applies every safe fix of the file (editors run it on save).
pub(crate) const FIX_ALL_KIND: &str = "source.fixAll.claimls";

/// "Fix all (claimls)": every safe fix of the annotation at once, as one edit, when
/// the client asks for source actions of that kind, or asks for any action while the
/// published findings have a safe fix (a full fix-and-check is not run for nothing).
fn fix_all_action(s: &State, params: &CodeActionParams) -> Option<CodeActionOrCommand> {
    let uri = &params.text_document.uri;
    let asked = match &params.context.only {
        Some(kinds) => kinds.iter().any(|k| {
            FIX_ALL_KIND == k.as_str() || FIX_ALL_KIND.starts_with(&format!("{}.", k.as_str()))
        }),
        None => {
            let docs = lock(&s.docs);
            let doc = docs.get(uri)?;
            let published = doc
                .published
                .as_ref()
                .filter(|p| p.version == doc.version())?;
            let text = doc.snapshot.text();
            published
                .diagnostics
                .iter()
                .any(|d| check::fix::safety(d, text) == Some(check::fix::Safety::Safe))
        }
    };
    if !asked {
        return None;
    }
    let (snap, path) = s.snapshot(uri)?;
    let parsed = snap.parsed()?;
    let (config, _) = s.config_for(path.as_deref());
    let view = s.article_for(path.as_deref(), parsed, &config);
    let article = match &view.result {
        Ok(a) => check::ArticleRef::Loaded(a),
        Err(e) => check::ArticleRef::Failed(e),
    };
    let outcome = check::fix::fix_all(&parsed.text, article, &config, false);
    let (span, new_text) = crate::format::minimal_edit(&parsed.text, &outcome.text)?;
    let lines = snap.lines(s.enc());
    let n = outcome.applied.len();
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: format!(
            "Fix all: {n} safe fix{} (claimls)",
            if n == 1 { "" } else { "es" }
        ),
        kind: Some(CodeActionKind::new(FIX_ALL_KIND)),
        edit: Some(WorkspaceEdit {
            changes: Some(std::collections::HashMap::from([(
                uri.clone(),
                vec![TextEdit {
                    range: lines.range(span),
                    new_text,
                }],
            )])),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    }))
}

/// The quick fixes of an annotation's findings for the requested range: those the
/// client's diagnostics carry, when they are for this version, else those of the last
/// published findings that touch the range.
fn claims_actions(
    s: &State,
    doc: &Document,
    params: &CodeActionParams,
    actions: &mut Vec<CodeActionOrCommand>,
) {
    let uri = &params.text_document.uri;
    let version = doc.version();
    for d in &params.context.diagnostics {
        let Some(data) = d
            .data
            .as_ref()
            .filter(|_| d.source.as_deref() == Some(diagnostics::SOURCE))
        else {
            continue;
        };
        if data.get("version").and_then(Value::as_i64) != Some(i64::from(version)) {
            continue;
        }
        if let Some(action) = diagnostics::quick_fix(uri, d, data) {
            actions.push(CodeActionOrCommand::CodeAction(action));
        }
    }
    if !actions.is_empty() {
        return;
    }
    let Some(published) = doc.published.as_ref().filter(|p| p.version == version) else {
        return;
    };
    let lines = doc.snapshot.lines(s.enc());
    let places = Places {
        uri,
        file: lines,
        article: None,
    };
    for d in published.diagnostics.iter().filter(|d| d.fix.is_some()) {
        let lsp = diagnostics::to_lsp(d, &places, version);
        if !diagnostics::overlaps(&lsp.range, &params.range) {
            continue;
        }
        if let Some(action) = lsp
            .data
            .as_ref()
            .and_then(|data| diagnostics::quick_fix(uri, &lsp, data))
        {
            actions.push(CodeActionOrCommand::CodeAction(action));
        }
    }
}

/// On a `source:` or `via:` value naming no declared actor: declare it, or add it as an
/// alias of the actor it is spelt nearly like.
fn actor_actions(
    s: &State,
    doc: &Document,
    params: &CodeActionParams,
    actions: &mut Vec<CodeActionOrCommand>,
) {
    let Some(parsed) = doc.snapshot.parsed() else {
        return;
    };
    let lines = doc.snapshot.lines(s.enc());
    let offset = lines.offset(params.range.start);
    for action in ide::actor_actions(parsed, offset) {
        let edits = action
            .edits
            .iter()
            .map(|(span, text)| TextEdit::new(lines.range(*span), text.clone()))
            .collect();
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: action.title,
            kind: Some(CodeActionKind::QUICKFIX),
            edit: Some(WorkspaceEdit {
                changes: Some(std::collections::HashMap::from([(
                    params.text_document.uri.clone(),
                    edits,
                )])),
                ..WorkspaceEdit::default()
            }),
            ..CodeAction::default()
        }));
    }
}

/// When the range is in the annotation's header and its last findings have unannotated
/// statements (C050): the snapshot, its path and the statements' article spans.
fn header_request(
    s: &State,
    doc: &Document,
    params: &CodeActionParams,
) -> Option<(Arc<Snapshot>, Option<PathBuf>, Vec<crate::text::Span>)> {
    let published = doc
        .published
        .as_ref()
        .filter(|p| p.version == doc.version())?;
    let contents: Vec<crate::text::Span> = published
        .diagnostics
        .iter()
        .filter(|d| d.code == core::Code::UnannotatedAttribution)
        .filter_map(|d| d.related.iter().find(|r| r.target == core::Target::Article))
        .map(|r| r.span)
        .collect();
    if contents.is_empty() {
        return None;
    }
    let snap = doc.snapshot.clone();
    let parsed = snap.parsed()?;
    let first_block = parsed
        .model
        .actors
        .iter()
        .map(|a| a.span.start)
        .chain(parsed.model.claims.iter().map(|c| c.span().start))
        .min()
        .unwrap_or(parsed.text.len());
    let at = snap.lines(s.enc()).offset(params.range.start);
    (at < first_block.max(1)).then(|| (snap.clone(), doc.path.clone(), contents))
}

/// On an article open in the editor: "Add a claim for this statement" for each
/// unannotated statement the range touches, inserting into its annotation, while the
/// article and the annotation are still at the versions the mark was made for.
fn article_actions(
    docs: &Documents,
    doc: &Document,
    params: &CodeActionParams,
    actions: &mut Vec<CodeActionOrCommand>,
) {
    let current = |data: &Value| {
        let claims_version = data.get("claims").and_then(|c| {
            let uri: Uri = serde_json::from_value(c.get("uri")?.clone()).ok()?;
            Some((docs.get(&uri)?.version(), c.get("version")?.as_i64()?))
        });
        data.get("version").and_then(Value::as_i64) == Some(i64::from(doc.version()))
            && claims_version.is_some_and(|(now, then)| i64::from(now) == then)
    };
    let mut push = |d: &Diagnostic| {
        if let Some(action) = d
            .data
            .as_ref()
            .filter(|data| current(data))
            .and_then(|data| diagnostics::article_fix(d, data))
        {
            actions.push(CodeActionOrCommand::CodeAction(action));
        }
    };
    let from_client: Vec<&Diagnostic> = params
        .context
        .diagnostics
        .iter()
        .filter(|d| d.source.as_deref() == Some(diagnostics::SOURCE))
        .collect();
    if !from_client.is_empty() {
        from_client.into_iter().for_each(&mut push);
        return;
    }
    if let Some((_, marks)) = &doc.article_side {
        marks
            .iter()
            .filter(|d| diagnostics::overlaps(&d.range, &params.range))
            .for_each(push);
    }
}

impl State {
    /// Registers for changes of articles, annotations and `claimls.toml` files.
    async fn watch_files(&self) {
        let watchers = [
            "**/*.txt",
            "**/*.claims",
            &format!("**/{}", config::FILE_NAME),
        ]
        .iter()
        .map(|g| FileSystemWatcher {
            glob_pattern: GlobPattern::String(g.to_string()),
            kind: None,
        })
        .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "claimls-watch-files".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(e) = self.client.register_capability(vec![registration]).await {
            self.log(
                MessageType::WARNING,
                format!("claimls: could not watch files: {e}"),
            )
            .await;
        }
    }

    /// Asks the client for the `claimls` section of its settings.
    async fn pull_configuration(self: Arc<Self>) {
        let items = vec![ConfigurationItem {
            scope_uri: None,
            section: Some("claimls".into()),
        }];
        let values = match self.client.configuration(items).await {
            Ok(values) => values,
            Err(e) => {
                self.log(
                    MessageType::WARNING,
                    format!("claimls: could not read the settings: {e}"),
                )
                .await;
                return;
            }
        };
        let Some(value) = values.into_iter().next().filter(|v| !v.is_null()) else {
            return;
        };
        let applied = catch_unwind(AssertUnwindSafe(|| {
            let mut settings = read(&self.settings);
            let problems = settings.update(&value);
            if settings != read(&self.settings) {
                write(&self.settings, settings);
                self.config_changed();
            }
            problems
        }));
        match applied {
            Ok(problems) => {
                for p in problems {
                    self.show_once(p).await;
                }
            }
            Err(panic) => {
                self.log(
                    MessageType::ERROR,
                    format!(
                        "claimls: internal error applying settings: {}",
                        panic_message(&*panic)
                    ),
                )
                .await
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_of_other_hosts_are_no_paths() {
        let uri = |s: &str| s.parse::<Uri>().unwrap();
        assert!(
            uri("file://otherhost/etc/passwd").to_file_path().is_some(),
            "the URI library alone makes it a local path"
        );
        assert!(path_of(&uri("file://otherhost/etc/passwd")).is_none());
        assert!(path_of(&uri("file://OtherHost/share/a.claims")).is_none());
        assert_eq!(
            path_of(&uri("file:///etc/passwd")),
            Some(PathBuf::from("/etc/passwd"))
        );
        assert_eq!(
            path_of(&uri("file://localhost/etc/passwd")),
            Some(PathBuf::from("/etc/passwd"))
        );
    }

    #[test]
    fn claims_documents_by_language_or_extension() {
        let u = |s: &str| -> Uri { s.parse().unwrap() };
        assert!(is_claims(&u("file:///a/b.claims"), "plaintext"));
        assert!(is_claims(&u("untitled:Untitled-1"), "claims"));
        assert!(!is_claims(&u("file:///a/b.txt"), "plaintext"));
        assert!(path_of(&u("untitled:Untitled-1")).is_none());
        assert_eq!(
            path_of(&u("file:///nonexistent-dir/x.claims")),
            Some(PathBuf::from("/nonexistent-dir/x.claims"))
        );
    }
}
