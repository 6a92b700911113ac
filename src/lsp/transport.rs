//! Framing in front of tower-lsp-server: bad messages are answered here and never reach
//! it.
//!
//! tower-lsp-server stops reading its input after the first body it cannot decode (the
//! framed reader of tokio-util ends its stream after a decoder error), so one malformed
//! message would end the session. This layer reads the client's framed messages itself,
//! answers what is not a JSON-RPC message (a parse error or an invalid request, as the
//! protocol says), and passes everything else on unchanged. Outgoing frames and these
//! answers are written whole, one at a time, so they never interleave.

use serde_json::{json, Value};
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader,
};
use tokio::sync::mpsc;

/// Longest header line kept; longer lines are garbage.
const MAX_HEADER_LINE: usize = 8 * 1024;
/// Largest message body accepted (a 16 MiB article, JSON-escaped, fits).
pub const MAX_BODY: usize = 256 << 20;

/// One unit read from the client.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A body with a valid `Content-Length` header (not yet checked to be JSON).
    Body(Vec<u8>),
    /// Bytes that are not a message: a header block without `Content-Length`, a bad
    /// length, a body that is too large.
    Bad(String),
}

/// Reads one line (up to and including `\n`), keeping at most `MAX_HEADER_LINE` bytes.
/// `None` at the end of the input.
async fn read_line<R: AsyncBufRead + Unpin>(r: &mut R) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let mut any = false;
    loop {
        let buf = r.fill_buf().await?;
        if buf.is_empty() {
            return Ok(any.then_some(line));
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let room = MAX_HEADER_LINE.saturating_sub(line.len());
        line.extend_from_slice(&buf[..take.min(room)]);
        r.consume(take);
        if done {
            return Ok(Some(line));
        }
    }
}

/// Where a `Content-Length` header starts in `line`, ignoring case: at 0 normally; further
/// on when the header follows the bytes of a body that had no length of its own (the
/// reader then resynchronises on it instead of losing every later message).
fn content_length_at(line: &[u8]) -> Option<usize> {
    const NAME: &[u8] = b"content-length:";
    line.windows(NAME.len())
        .rposition(|w| w.eq_ignore_ascii_case(NAME))
}

/// Reads the next frame, refusing bodies over `max_body` bytes (skipped unread); `None`
/// at the end of the input.
pub async fn read_frame<R: AsyncBufRead + Unpin>(
    r: &mut R,
    max_body: usize,
) -> std::io::Result<Option<Frame>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut headers = 0;
    loop {
        let Some(line) = read_line(r).await? else {
            return Ok(
                (headers > 0).then(|| Frame::Bad("the input ended inside a message header".into()))
            );
        };
        let line = match content_length_at(&line) {
            Some(at) if at > 0 => &line[at..],
            _ => &line[..],
        };
        let text = String::from_utf8_lossy(line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if headers == 0 {
                continue; // Stray blank lines between messages.
            }
            break;
        }
        headers += 1;
        if let Some((name, value)) = text.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = Some(
                    value
                        .trim()
                        .parse::<usize>()
                        .map_err(|_| format!("bad Content-Length `{}`", value.trim())),
                );
            }
        }
    }
    match length {
        None => Ok(Some(Frame::Bad(
            "a message header without Content-Length".into(),
        ))),
        Some(Err(e)) => Ok(Some(Frame::Bad(e))),
        Some(Ok(n)) if n > max_body => {
            // Skip the body without keeping it.
            let skipped =
                tokio::io::copy(&mut (&mut *r).take(n as u64), &mut tokio::io::sink()).await?;
            if skipped < n as u64 {
                return Ok(None);
            }
            Ok(Some(Frame::Bad(format!(
                "a message of {n} bytes is larger than the {max_body} bytes accepted"
            ))))
        }
        Some(Ok(n)) => {
            let mut body = vec![0; n];
            match r.read_exact(&mut body).await {
                Ok(_) => Ok(Some(Frame::Body(body))),
                Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(None),
                Err(e) => Err(e),
            }
        }
    }
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn error_reply(id: Value, code: i64, message: &str) -> Vec<u8> {
    let reply =
        json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } });
    serde_json::to_vec(&reply).expect("a JSON value serializes")
}

/// The message in `body`, or what to answer instead of passing it on: the same checks
/// that tower-lsp-server's decoder makes, answered instead of failing.
pub fn check(body: &[u8]) -> Result<Value, Vec<u8>> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Err(error_reply(
                Value::Null,
                -32700,
                &format!("Parse error: {e}"),
            ))
        }
    };
    let Some(obj) = value.as_object() else {
        return Err(error_reply(
            Value::Null,
            -32600,
            "Invalid request: expected a JSON-RPC message object",
        ));
    };
    let id = obj.get("id");
    let id_ok = match id {
        None | Some(Value::Null) | Some(Value::String(_)) => true,
        Some(Value::Number(n)) => n.is_i64(),
        Some(_) => false,
    };
    let reply_id = if id_ok {
        id.cloned().unwrap_or(Value::Null)
    } else {
        Value::Null
    };
    if obj.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return Err(error_reply(
            reply_id,
            -32600,
            "Invalid request: expected \"jsonrpc\": \"2.0\"",
        ));
    }
    if !id_ok {
        return Err(error_reply(
            Value::Null,
            -32600,
            "Invalid request: an id must be an integer, a string or null",
        ));
    }
    if obj.get("method").is_some_and(|m| !m.is_string()) {
        return Err(error_reply(
            reply_id,
            -32600,
            "Invalid request: the method must be a string",
        ));
    }
    Ok(value)
}

/// A large `didOpen` taken apart: the message to pass on (its text empty) and what
/// [`OpenedTexts`] keeps.
#[derive(Debug)]
struct LargeOpen {
    message: Vec<u8>,
    uri: String,
    version: i64,
    text: String,
}

/// The parts of a `didOpen` notification that [`large_open`] reads; its text stays JSON.
#[derive(serde::Deserialize)]
struct OpenShape<'a> {
    #[serde(borrow)]
    jsonrpc: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    method: std::borrow::Cow<'a, str>,
    /// Whether the message has an id (a notification has none).
    #[serde(default, deserialize_with = "present")]
    id: bool,
    #[serde(borrow)]
    params: OpenParamsShape<'a>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct OpenParamsShape<'a> {
    #[serde(borrow)]
    text_document: OpenDocShape<'a>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct OpenDocShape<'a> {
    #[serde(borrow)]
    uri: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    language_id: std::borrow::Cow<'a, str>,
    version: i64,
    #[serde(borrow)]
    text: &'a serde_json::value::RawValue,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(d).map(|_| true)
}

use serde::Deserialize as _;

/// A `didOpen` notification with a large text, read without building its text through a
/// `serde_json::Value`: that parse copies the text into a scratch buffer that grows by
/// doubling, then copies it again (for a 9 MB annotation, 25 MB of fresh memory and two
/// passes, at every open). Here the text's JSON is only validated, then unescaped once
/// into a string of its final size. `None` for anything else, and for anything unusual
/// (an id, a text under [`LARGE_TEXT`], an escape that does not decode): those take the
/// general path ([`check`], [`OpenedTexts::take_from`]), which answers as before.
fn large_open(body: &[u8]) -> Option<LargeOpen> {
    let shape: OpenShape = serde_json::from_slice(body).ok()?;
    if shape.jsonrpc != "2.0" || shape.method != "textDocument/didOpen" || shape.id {
        return None;
    }
    let doc = shape.params.text_document;
    let text = unescape_json_string(doc.text.get())?;
    if text.len() < LARGE_TEXT {
        return None;
    }
    let message = serde_json::to_vec(&json!({
        "jsonrpc": "2.0",
        "method": "textDocument/didOpen",
        "params": { "textDocument": {
            "uri": doc.uri, "languageId": doc.language_id, "version": doc.version, "text": "",
        } },
    }))
    .expect("a JSON value serializes");
    Some(LargeOpen {
        message,
        uri: doc.uri.into_owned(),
        version: doc.version,
        text,
    })
}

/// The string that the JSON string literal `lit` (quotes included, as serde_json
/// validated it) stands for; `None` where it is not one this reads the same way as
/// serde_json would (a control character, a lone surrogate, a bad escape).
fn unescape_json_string(lit: &str) -> Option<String> {
    let inner = lit.strip_prefix('"')?.strip_suffix('"')?;
    let bytes = inner.as_bytes();
    if bytes.iter().any(|&b| b < 0x20) {
        return None;
    }
    let mut out = String::with_capacity(inner.len());
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'\\', &bytes[i..]) {
        // A backslash is ASCII: the text before it ends on a character boundary.
        out.push_str(&inner[i..i + k]);
        i += k + 1;
        let c = match *bytes.get(i)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = hex4(bytes.get(i + 1..i + 5)?)?;
                i += 4;
                match unit {
                    0xd800..=0xdbff => {
                        // A high surrogate: its low half must follow as `\uXXXX`.
                        if bytes.get(i + 1..i + 3)? != b"\\u" {
                            return None;
                        }
                        let low = hex4(bytes.get(i + 3..i + 7)?)?;
                        if !(0xdc00..=0xdfff).contains(&low) {
                            return None;
                        }
                        i += 6;
                        char::from_u32(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00))?
                    }
                    0xdc00..=0xdfff => return None,
                    _ => char::from_u32(unit)?,
                }
            }
            _ => return None,
        };
        out.push(c);
        i += 1;
    }
    out.push_str(&inner[i..]);
    Some(out)
}

/// The value of four hexadecimal digits.
fn hex4(digits: &[u8]) -> Option<u32> {
    digits
        .iter()
        .try_fold(0u32, |v, &d| Some(v * 16 + char::from(d).to_digit(16)?))
}

/// Document texts of this size or more go around tower-lsp-server (see [`OpenedTexts`]).
pub const LARGE_TEXT: usize = 64 * 1024;

/// The texts of large `textDocument/didOpen` messages, taken out of the message before it
/// goes on to tower-lsp-server and picked up by the server's `didOpen` handler.
///
/// A message passes through tower-lsp-server's framed reader whole: the reader's buffer
/// grew to twice the largest message and stayed that size for the whole session (17 MB
/// after opening a 9 MB annotation), and the text was copied twice more on the way (the
/// frame, the decoded parameters). The filter has decoded the message already: its text
/// moves from there into this table, and the message goes on with an empty text.
#[derive(Debug, Default)]
pub struct OpenedTexts {
    /// `(uri, version, text)`, oldest first.
    texts: std::sync::Mutex<Vec<(String, i64, String)>>,
}

/// Texts kept at most: a `didOpen` that tower-lsp-server drops (before `initialized`)
/// never picks its text up, and the oldest such text goes when a newer one comes.
const KEPT_TEXTS: usize = 4;

impl OpenedTexts {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(String, i64, String)>> {
        self.texts.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes the text out of `msg`, a `didOpen` notification, when it is large: kept here
    /// and replaced by an empty string. Returns whether it did.
    pub fn take_from(&self, msg: &mut Value) -> bool {
        let Some(doc) = msg.pointer_mut("/params/textDocument") else {
            return false;
        };
        let (Some(uri), Some(version)) = (
            doc.get("uri").and_then(Value::as_str).map(str::to_owned),
            doc.get("version").and_then(Value::as_i64),
        ) else {
            return false;
        };
        let Some(Value::String(text)) = doc.get_mut("text") else {
            return false;
        };
        if text.len() < LARGE_TEXT {
            return false;
        }
        self.keep(uri, version, std::mem::take(text));
        true
    }

    fn keep(&self, uri: String, version: i64, text: String) {
        let mut texts = self.lock();
        texts.retain(|(u, v, _)| (u, *v) != (&uri, version));
        if texts.len() >= KEPT_TEXTS {
            texts.remove(0);
        }
        texts.push((uri, version, text));
    }

    /// The text taken out of the `didOpen` of `uri` at `version`, if it was.
    pub fn take(&self, uri: &str, version: i32) -> Option<String> {
        let mut texts = self.lock();
        let i = texts
            .iter()
            .position(|(u, v, _)| u == uri && *v == i64::from(version))?;
        Some(texts.remove(i).2)
    }
}

/// Holds the client's messages after `initialize` or `shutdown` until its response has
/// gone out.
///
/// tower-lsp-server answers every message that reaches it while `initialize` is still
/// running as if the server were not initialized (notifications are dropped), so a client
/// that sends `initialized` and `didOpen` right behind `initialize` would lose them; and an
/// `exit` right behind `shutdown` cancels the `shutdown` still in progress.
#[derive(Debug, Default)]
pub struct Handshake {
    /// The id of the request whose response is awaited.
    pending: std::sync::Mutex<Option<Value>>,
    answered: tokio::sync::Notify,
}

impl Handshake {
    fn pending(&self) -> Option<Value> {
        self.pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn set(&self, id: Option<Value>) {
        *self.pending.lock().unwrap_or_else(|e| e.into_inner()) = id;
        self.answered.notify_waiters();
    }

    /// Waits until the awaited response has gone out (or a minute has passed).
    async fn wait(&self) {
        let wait = async {
            loop {
                let notified = self.answered.notified();
                tokio::pin!(notified);
                notified.as_mut().enable();
                if self.pending().is_none() {
                    return;
                }
                notified.await;
            }
        };
        let _ = tokio::time::timeout(std::time::Duration::from_secs(60), wait).await;
    }

    /// Notes an outgoing frame; releases the input when it answers `initialize`.
    fn outgoing(&self, body: &[u8]) {
        let Some(id) = self.pending() else { return };
        if let Ok(msg) = serde_json::from_slice::<Value>(body) {
            if msg.get("method").is_none() && msg.get("id") == Some(&id) {
                self.set(None);
            }
        }
    }
}

/// Copies the client's messages from `input` to `server`, answering bad ones on `replies`;
/// the texts of large `didOpen` messages go to `texts` instead (see [`OpenedTexts`]).
pub async fn filter_input<I, S>(
    input: I,
    mut server: S,
    replies: mpsc::Sender<Vec<u8>>,
    handshake: &Handshake,
    texts: &OpenedTexts,
) where
    I: AsyncRead + Unpin,
    S: AsyncWrite + Unpin,
{
    let mut input = BufReader::new(input);
    loop {
        let next = match read_frame(&mut input, MAX_BODY).await {
            Ok(Some(next)) => next,
            Ok(None) | Err(_) => break,
        };
        // A large `didOpen` goes the short way when it can (see [`large_open`]).
        let next = match next {
            Frame::Body(body) if body.len() > LARGE_TEXT => match large_open(&body) {
                Some(open) => {
                    drop(body);
                    texts.keep(open.uri, open.version, open.text);
                    if server.write_all(&frame(&open.message)).await.is_err()
                        || server.flush().await.is_err()
                    {
                        break;
                    }
                    continue;
                }
                None => Frame::Body(body),
            },
            other => other,
        };
        let reply = match next {
            Frame::Body(body) => match check(&body) {
                Ok(mut msg) => {
                    let method = msg.get("method").and_then(Value::as_str);
                    let hold = matches!(method, Some("initialize" | "shutdown"))
                        && msg.get("id").is_some();
                    let opened = method == Some("textDocument/didOpen");
                    if hold {
                        handshake.set(msg.get("id").cloned());
                    }
                    let body = if opened && texts.take_from(&mut msg) {
                        drop(body);
                        serde_json::to_vec(&msg).expect("a JSON value serializes")
                    } else {
                        body
                    };
                    drop(msg);
                    if server.write_all(&frame(&body)).await.is_err()
                        || server.flush().await.is_err()
                    {
                        break;
                    }
                    if hold {
                        handshake.wait().await;
                    }
                    continue;
                }
                Err(reply) => reply,
            },
            Frame::Bad(why) => error_reply(Value::Null, -32700, &format!("Parse error: {why}")),
        };
        if replies.send(frame(&reply)).await.is_err() {
            break;
        }
    }
    let _ = server.shutdown().await;
}

/// Copies the server's frames from `server` to `out`, whole. No size limit applies to
/// the server's own messages (they are in memory already; the diagnostics of one file are
/// capped where they are made), and nothing the server writes ends the loop but the end
/// of its output: a frame that cannot be read is skipped, the next one still goes out.
pub async fn forward_output<S>(server: S, out: mpsc::Sender<Vec<u8>>, handshake: &Handshake)
where
    S: AsyncRead + Unpin,
{
    let mut server = BufReader::new(server);
    loop {
        let body = match read_frame(&mut server, usize::MAX).await {
            Ok(Some(Frame::Body(body))) => body,
            Ok(Some(Frame::Bad(_))) => continue,
            Ok(None) | Err(_) => break,
        };
        let bytes = frame(&body);
        if out.send(bytes).await.is_err() {
            break;
        }
        handshake.outgoing(&body);
    }
}

/// Writes whole frames to `output` in the order they come.
pub async fn write_output<O>(output: O, mut frames: mpsc::Receiver<Vec<u8>>)
where
    O: AsyncWrite,
{
    tokio::pin!(output);
    while let Some(bytes) = frames.recv().await {
        if output.write_all(&bytes).await.is_err() || output.flush().await.is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_opened_texts_are_taken_out_of_the_message() {
        let texts = OpenedTexts::default();
        let open = |text: &str, version: i64| {
            json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
                "textDocument": { "uri": "file:///a.claims", "languageId": "claims",
                                  "version": version, "text": text } } })
        };
        let small = "claim c1\n".repeat(10);
        let mut msg = open(&small, 1);
        assert!(
            !texts.take_from(&mut msg),
            "a small text stays in the message"
        );
        assert_eq!(msg["params"]["textDocument"]["text"], small.as_str());
        let large = "claim c1\n".repeat(LARGE_TEXT / 9 + 1);
        let mut msg = open(&large, 2);
        assert!(texts.take_from(&mut msg));
        assert_eq!(msg["params"]["textDocument"]["text"], "");
        assert_eq!(texts.take("file:///a.claims", 1), None);
        assert_eq!(texts.take("file:///b.claims", 2), None);
        assert_eq!(
            texts.take("file:///a.claims", 2).as_deref(),
            Some(large.as_str())
        );
        assert_eq!(texts.take("file:///a.claims", 2), None, "taken once");
        // Texts nobody picks up do not pile up.
        for v in 0..10 {
            texts.take_from(&mut open(&large, v));
        }
        assert_eq!(texts.lock().len(), KEPT_TEXTS);
        assert!(texts.take("file:///a.claims", 9).is_some());
        assert!(texts.take("file:///a.claims", 0).is_none());
    }

    #[test]
    fn json_strings_unescape_as_serde_json_reads_them() {
        let samples = [
            String::new(),
            "plain".to_string(),
            "quote \" backslash \\ slash / tab \t cr \r lf \n".to_string(),
            "controls \u{0} \u{1} \u{8} \u{c} \u{1f} del \u{7f}".to_string(),
            "Юрий Гагарин, Տիգրան Մանսուրյան, عبد الله, 😀 \u{2028}".to_string(),
            "a\\nb (a backslash and an n, not a line break)".to_string(),
        ];
        for s in &samples {
            let lit = serde_json::to_string(s).unwrap();
            assert_eq!(
                unescape_json_string(&lit).as_deref(),
                Some(s.as_str()),
                "{lit}"
            );
        }
        // Escapes that serde_json accepts but does not write.
        assert_eq!(
            unescape_json_string(r#""\u0041\u00e9\u042e\ud83d\ude00\/""#).as_deref(),
            Some("AéЮ😀/")
        );
        for bad in [
            r#""\ud800""#,
            r#""\ud800\u0041""#,
            r#""\udc00x""#,
            r#""\x""#,
            r#""\u12""#,
            r#""a\""#,
            "\"raw\ncontrol\"",
            "no quotes",
        ] {
            assert_eq!(unescape_json_string(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_large_open_goes_the_short_way_with_what_the_general_path_keeps() {
        let text =
            "claim c1\nquote: «Ні», — сказав він 😀 \"x\" \\ \t\n".repeat(LARGE_TEXT / 40 + 1);
        let msg = json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": { "uri": "file:///a%20b.claims", "languageId": "claims",
                              "version": 7, "text": text } } });
        let body = serde_json::to_vec(&msg).unwrap();
        let open = large_open(&body).expect("a large didOpen");
        assert_eq!(open.text, text);
        assert_eq!(
            (open.uri.as_str(), open.version),
            ("file:///a%20b.claims", 7)
        );
        // What the general path passes on and keeps.
        let texts = OpenedTexts::default();
        let mut general = check(&body).unwrap();
        assert!(texts.take_from(&mut general));
        let short: Value = serde_json::from_slice(&open.message).unwrap();
        assert_eq!(short, general);
        assert_eq!(texts.take("file:///a%20b.claims", 7), Some(open.text));

        // Anything else takes the general path.
        let mut with_id = msg.clone();
        with_id["id"] = json!(null);
        let mut old = msg.clone();
        old["jsonrpc"] = json!("1.0");
        let mut other = msg.clone();
        other["method"] = json!("textDocument/didChange");
        let mut small = msg.clone();
        small["params"]["textDocument"]["text"] = json!("claim c1\n");
        let mut float_version = msg.clone();
        float_version["params"]["textDocument"]["version"] = json!(1.5);
        for m in [with_id, old, other, small, float_version] {
            assert!(
                large_open(&serde_json::to_vec(&m).unwrap()).is_none(),
                "{}",
                m["method"]
            );
        }
        let mut broken = body.clone();
        broken.truncate(body.len() - 3);
        assert!(large_open(&broken).is_none());
        // A lone surrogate: the general path answers the parse error.
        let lone = br#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a","languageId":"claims","version":1,"text":"\ud800"}}}"#;
        assert!(large_open(lone).is_none());
        assert!(check(lone).is_err());
    }

    async fn frames(input: &[u8]) -> Vec<Frame> {
        let mut r = BufReader::new(input);
        let mut out = Vec::new();
        while let Some(f) = read_frame(&mut r, 1000).await.unwrap() {
            out.push(f);
        }
        out
    }

    #[tokio::test]
    async fn reads_frames_and_reports_bad_headers() {
        let input = b"Content-Length: 2\r\n\r\n{}\r\n\r\nX-Junk: 1\r\n\r\ncontent-length: 3\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\n\r\n[1]Content-Length: x\r\n\r\n";
        let got = frames(input).await;
        assert_eq!(got[0], Frame::Body(b"{}".to_vec()));
        assert!(matches!(&got[1], Frame::Bad(m) if m.contains("without Content-Length")));
        assert_eq!(got[2], Frame::Body(b"[1]".to_vec()));
        assert!(matches!(&got[3], Frame::Bad(m) if m.contains("bad Content-Length")));
        assert_eq!(got.len(), 4);
        assert!(
            frames(b"Content-Length: 10\r\n\r\nshort").await.is_empty(),
            "a cut body ends the input"
        );
    }

    #[tokio::test]
    async fn resynchronises_after_a_header_without_length() {
        // A header block with no Content-Length, then its body glued to the next header.
        let input = b"X-Junk: 1\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}Content-Length: 2\r\n\r\n{}Content-Length: 3\r\n\r\n[1]";
        let got = frames(input).await;
        assert!(matches!(&got[0], Frame::Bad(m) if m.contains("without Content-Length")));
        assert_eq!(got[1], Frame::Body(b"{}".to_vec()));
        assert_eq!(got[2], Frame::Body(b"[1]".to_vec()));
        assert_eq!(got.len(), 3);
    }

    #[tokio::test]
    async fn bodies_over_the_limit_are_skipped_and_reading_goes_on() {
        let big = format!("Content-Length: 1500\r\n\r\n{}", "x".repeat(1500));
        let input = format!("{big}Content-Length: 2\r\n\r\n{{}}");
        let got = frames(input.as_bytes()).await;
        assert!(matches!(&got[0], Frame::Bad(m) if m.contains("larger than")));
        assert_eq!(got[1], Frame::Body(b"{}".to_vec()));
    }

    #[tokio::test]
    async fn the_output_forwarder_never_stops_on_a_frame() {
        // A garbage block, then a 1 MiB body, then a small one: all but
        // the garbage reach the output, and the forwarder ends only with its input.
        let big = vec![b'x'; MAX_BODY.min(1 << 20) + 10];
        let mut input = b"X-Junk: 1\r\n\r\n".to_vec();
        input.extend(frame(&big));
        input.extend(frame(b"{}"));
        let (tx, mut rx) = mpsc::channel(8);
        forward_output(&input[..], tx, &Handshake::default()).await;
        assert_eq!(rx.recv().await.unwrap(), frame(&big));
        assert_eq!(rx.recv().await.unwrap(), frame(b"{}"));
        assert!(rx.recv().await.is_none());
    }

    #[test]
    fn rejects_what_is_not_a_message() {
        let code = |body: &str| {
            check(body.as_bytes()).err().map(|r| {
                serde_json::from_slice::<Value>(&r).unwrap()["error"]["code"]
                    .as_i64()
                    .unwrap()
            })
        };
        assert_eq!(code("{ not json"), Some(-32700));
        assert_eq!(code("[1, 2]"), Some(-32600));
        assert_eq!(
            code(r#"{"jsonrpc":"1.0","id":1,"method":"x"}"#),
            Some(-32600)
        );
        assert_eq!(
            code(r#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#),
            Some(-32600)
        );
        assert_eq!(code(r#"{"jsonrpc":"2.0","id":1,"method":7}"#), Some(-32600));
        assert_eq!(
            code(r#"{"jsonrpc":"2.0","id":1,"method":"x","params":null}"#),
            None
        );
        assert_eq!(code(r#"{"jsonrpc":"2.0","id":"a","result":null}"#), None);
        let reply: Value =
            serde_json::from_slice(&check(br#"{"jsonrpc":"1.0","id":"q"}"#).unwrap_err()).unwrap();
        assert_eq!(reply["id"], "q");
    }
}
