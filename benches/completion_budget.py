#!/usr/bin/env python3
"""The completion time budget on a long article (issue 10): how long the first completion
after `source:` takes, with and without names, and when the article's names arrive.

Usage: python3 benches/completion_budget.py BIN [--article-bytes N] [--runs K]

Writes a long ordinary article with `benches/hostile.py --long N` (15 MB by default) into
a temporary workspace, then for each budget (the default 250 ms, and 10 s, which is what
waiting for the names without a budget costs) starts `BIN lsp` K times, opens the
annotation, waits for its diagnostics, and times the first completion on a `source:` line
and the request that first offers the article's names. Prints medians.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time


class Client:
    def __init__(self, binary, root, options):
        self.p = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next = 0
        self.request("initialize", {"processId": None, "rootUri": "file://" + root,
                                    "capabilities": {}, "initializationOptions": options})
        self.notify("initialized", {})

    def send(self, obj):
        b = json.dumps(obj).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
        self.p.stdin.flush()

    def read(self):
        h = b""
        while not h.endswith(b"\r\n\r\n"):
            c = self.p.stdout.read(1)
            if not c:
                raise SystemExit("the server ended")
            h += c
        n = int([l for l in h.split(b"\r\n") if l.lower().startswith(b"content-length")][0].split(b":")[1])
        return json.loads(self.p.stdout.read(n))

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next += 1
        self.send({"jsonrpc": "2.0", "id": self.next, "method": method, "params": params})
        while True:
            m = self.read()
            if m.get("id") == self.next and "method" not in m:
                return m.get("result")
            if "method" in m and "id" in m:  # a server request: answer it
                self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})
            self.last = m

    def wait_diagnostics(self, uri):
        while True:
            m = self.read()
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                return
            if "method" in m and "id" in m:
                self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.p.wait(timeout=30)


def names(result):
    """How many of the article's names the list offers (references whose detail counts
    mentions in the article; the credited speaker is one of them even without the rest)."""
    return sum(1 for i in (result or {}).get("items", [])
               if i.get("kind") == 18
               and str(i.get("detail", "")).endswith(("mentions in the article", "mention in the article")))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("--article-bytes", type=int, default=15_000_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    ws = os.path.realpath(tempfile.mkdtemp(prefix="claimls-budget-"))
    here = os.path.dirname(os.path.abspath(__file__))
    subprocess.run([sys.executable, os.path.join(here, "hostile.py"), ws, "--capruns", "",
                    "--badrefs", "", "--dense-badrefs", "", "--long", str(a.article_bytes)],
                   check=True, stdout=subprocess.DEVNULL)
    claims = os.path.join(ws, "long-%d.claims" % a.article_bytes)
    text = open(claims, encoding="utf-8").read()
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines) if l.strip().startswith("source:"))
    # The source being typed: nothing after `source: ` yet, so every name is offered.
    lines[line] = lines[line][: lines[line].index("source:") + len("source: ")]
    text = "\n".join(lines)
    col = len(lines[line])
    uri = "file://" + claims
    print("article %.1f MB, completion at line %d" % (a.article_bytes / 1e6, line + 1))
    full = None  # the names offered once they are all ready (the waiting run gives it)
    for budget in (10_000, 250):
        first, first_names, ready = [], [], []
        for _ in range(a.runs):
            c = Client(a.bin, ws, {"debounceMs": 0, "completionBudgetMs": budget})
            c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "claims",
                                                               "version": 1, "text": text}})
            c.wait_diagnostics(uri)
            params = {"textDocument": {"uri": uri}, "position": {"line": line, "character": col}}
            t0 = time.perf_counter()
            r = c.request("textDocument/completion", params)
            first.append(time.perf_counter() - t0)
            first_names.append(names(r))
            while full is not None and names(r) < full and time.perf_counter() - t0 < 120:
                time.sleep(0.05)
                r = c.request("textDocument/completion", params)
            ready.append(time.perf_counter() - t0)
            full = names(r) if full is None else full
            c.close()
        print("budget %5d ms: first completion %7.1f ms (article names in it: %s), names offered after %7.1f ms"
              % (budget, 1000 * statistics.median(first), first_names, 1000 * statistics.median(ready)))


if __name__ == "__main__":
    main()
