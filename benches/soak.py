#!/usr/bin/env python3
"""Soak test of `claimls lsp`: thousands of random edits, hovers and completions over a
large generated annotation, with the server's resident memory sampled all along.

It asserts that the server is alive and in step with the client at the end (its text
equals the client's, it answers, shutdown then exit gives exit code 0) and that memory
stays bounded: the peak under --max-rss-mb, and the resident size at the end within
--growth of the size after the warm-up (no leak per edit). Bounded in time by --seconds.
Figures go to stdout (and --json FILE). A benchmark-style script, not a unit test, not
run in CI.

Usage:
    cargo build --release --locked
    python3 benches/soak.py                              # 5,000 claims, 1 MB article
    python3 benches/soak.py --edits 5000 --requests 2000 --seconds 900
    python3 benches/soak.py --document-mb 16 --edits 200 --requests 100   # a 16 MB file

--document-mb N generates an annotation of about N MB (about 5,400 claims per MB) instead
of the 5,000-claim default; the article stays 1 MB. Linux only (reads /proc/PID/status).
"""

import argparse
import json
import os
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from lsp_latency import REPO, Annotation, Client, apply_edit, one_line_edit  # noqa: E402


def status_kb(pid: int, key: str) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


class Sampler(threading.Thread):
    """Samples the resident size of `pid` every `interval` seconds."""

    def __init__(self, pid: int, interval: float = 0.1):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.samples: list[tuple[float, int]] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        start = time.perf_counter()
        while not self.stopped.is_set():
            try:
                self.samples.append((time.perf_counter() - start, status_kb(self.pid, "VmRSS")))
            except OSError:
                return
            time.sleep(self.interval)

    def now_mb(self) -> float:
        return status_kb(self.pid, "VmRSS") / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=str(REPO / "target" / "release" / "claimls"))
    ap.add_argument("--corpus", metavar="DIR", help="reuse DIR/big.claims and DIR/big.txt (generated there when missing)")
    ap.add_argument("--claims", type=int, default=5000)
    ap.add_argument("--document-mb", type=float, help="generate an annotation of about this many MB instead")
    ap.add_argument("--article-bytes", type=int, default=1_000_000)
    ap.add_argument("--edits", type=int, default=3000)
    ap.add_argument("--requests", type=int, default=1000, help="hovers and as many completions")
    ap.add_argument("--seconds", type=float, default=600, help="stop the random work after this long")
    ap.add_argument("--max-rss-mb", type=float, default=4096)
    ap.add_argument("--growth", type=float, default=1.5, help="end RSS / RSS after warm-up, at most")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args(argv)

    binary = pathlib.Path(args.bin)
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        print(f"no server at {binary}: cargo build --release --locked (or --bin PATH)", file=sys.stderr)
        return 2
    claims = args.claims if args.document_mb is None else int(args.document_mb * 5400)
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="claimls-soak-"))
    try:
        corpus = pathlib.Path(args.corpus) if args.corpus else tmp / "corpus"
        if not (corpus / "big.claims").is_file() or not (corpus / "big.txt").is_file():
            print(f"generating {claims} claims in {corpus} ...", file=sys.stderr)
            subprocess.run(
                [sys.executable, str(HERE / "gen_corpus.py"), "--big", str(corpus),
                 "--article-bytes", str(args.article_bytes), "--claims", str(claims),
                 "--seed", str(args.seed)],
                check=True,
            )
        return run(args, binary, corpus.resolve(), tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(args, binary: pathlib.Path, corpus: pathlib.Path, tmp: pathlib.Path) -> int:
    rng = random.Random(args.seed)
    text = (corpus / "big.claims").read_text(encoding="utf-8")
    doc = Annotation(text)
    uri = (corpus / "big.claims").as_uri()
    figures: dict[str, object] = {"document bytes": len(text.encode("utf-8")), "claims": len(doc.claims)}

    stderr = open(tmp / "server.stderr", "wb")
    client = Client([str(binary), "lsp"], stderr=stderr)
    sampler = Sampler(client.proc.pid)
    sampler.start()
    failures: list[str] = []
    started = time.perf_counter()
    try:
        _, init = client.request("initialize", {
            "processId": os.getpid(),
            "rootUri": corpus.as_uri(),
            "workspaceFolders": [{"uri": corpus.as_uri(), "name": "corpus"}],
            "capabilities": {"general": {"positionEncodings": ["utf-16"]}},
            "initializationOptions": {"debounceMs": 0},
        })
        client.notify("initialized", {})
        before_open = sampler.now_mb()
        sent = client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "claims", "version": 1, "text": text}})
        stamp, diags = client.diagnostics(uri, 1, timeout=args.seconds)
        figures["first check (s)"] = round(stamp - sent, 2)
        figures["diagnostics published on open"] = len(diags)
        figures["RSS before didOpen (MB)"] = round(before_open, 1)
        figures["peak RSS through the first check (MB)"] = round(status_kb(client.proc.pid, "VmHWM") / 1024, 1)

        # Warm-up: a few edits and requests, then the baseline.
        version = 1
        counts = {"edits": 0, "hovers": 0, "completions": 0, "errors": 0}

        def edit():
            nonlocal version
            line, start, end, new = one_line_edit(doc, rng)
            version += 1
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": line, "character": start},
                                              "end": {"line": line, "character": end}},
                                    "text": new}],
            })
            apply_edit(doc, line, start, end, new)
            counts["edits"] += 1

        def request(kind: str):
            claim = rng.choice(doc.claims)
            field = rng.choice(["source", "quote"] if kind == "hover" else ["source"])
            line = claim[field]
            col = doc.value_start(line) + (2 if kind == "hover" else 0)
            method = "textDocument/hover" if kind == "hover" else "textDocument/completion"
            _, resp = client.request(method, {"textDocument": {"uri": uri},
                                              "position": {"line": line, "character": col}},
                                     timeout=120)
            if "error" in resp:
                counts["errors"] += 1
            counts["hovers" if kind == "hover" else "completions"] += 1

        for _ in range(20):
            edit()
        client.diagnostics(uri, version, timeout=120)
        baseline = sampler.now_mb()
        figures["RSS after warm-up (MB)"] = round(baseline, 1)

        work = ["edit"] * args.edits + ["hover"] * args.requests + ["completion"] * args.requests
        rng.shuffle(work)
        deadline = started + args.seconds
        checkpoints = {len(work) * q // 4: f"RSS after {q}/4 of the work (MB)" for q in (1, 2, 3)}
        for i, kind in enumerate(work):
            if i in checkpoints:
                figures[checkpoints[i]] = round(sampler.now_mb(), 1)
            if time.perf_counter() > deadline:
                figures["stopped by --seconds after operations"] = i
                break
            if kind == "edit":
                edit()
                if counts["edits"] % 100 == 0:
                    # Let the checks catch up now and then, as a typist pauses.
                    client.diagnostics(uri, version, timeout=120)
            else:
                request(kind)
        client.diagnostics(uri, version, timeout=120)
        figures.update(counts)
        figures["work seconds"] = round(time.perf_counter() - started, 1)

        # Alive and in step.
        _, state = client.request("claimls/documentState", {"textDocument": {"uri": uri}}, timeout=120)
        st = state.get("result") or {}
        in_step = st.get("version") == version and st.get("text") == "\n".join(doc.lines)
        figures["server text equals the client's"] = in_step
        if not in_step:
            failures.append("the server's text or version differs from the client's")
        end_rss = sampler.now_mb()
        peak = status_kb(client.proc.pid, "VmHWM") / 1024
        figures["RSS at the end (MB)"] = round(end_rss, 1)
        figures["peak RSS (MB, VmHWM)"] = round(peak, 1)
        figures["max sampled RSS (MB)"] = round(
            max((kb for t, kb in sampler.samples), default=0) / 1024, 1)
        if peak > args.max_rss_mb:
            failures.append(f"peak RSS {peak:.0f} MB over --max-rss-mb {args.max_rss_mb:.0f}")
        # Caches fill up during the first quarter (claim results of edited versions, the
        # allocator's pages); a leak keeps growing after that.
        settled = figures.get("RSS after 1/4 of the work (MB)", baseline)
        if end_rss > settled * args.growth:
            failures.append(f"RSS grew from {settled:.0f} MB after 1/4 of the work to {end_rss:.0f} MB at the end (over x{args.growth})")
        if counts["errors"]:
            failures.append(f"{counts['errors']} requests answered with an error")
    except Exception as e:  # a dead or stuck server is the failure this script looks for
        failures.append(f"{type(e).__name__}: {e}")
    finally:
        sampler.stopped.set()
        code = client.stop()
        figures["exit code"] = code
        if code != 0:
            failures.append(f"the server exited with {code}")

    width = max(len(k) for k in figures)
    for k, v in figures.items():
        print(f"{k:<{width}}  {v}")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    print("soak: " + ("FAILED" if failures else "ok"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
