"""One huge didOpen: the server must answer the next request and exit cleanly; prints
the server's peak memory (VmHWM). Usage: python3 benches/big_open.py BIN SIZE_MB
(issue 10, item 9: a 50 MB didOpen used to end the server at 12.5 GB)."""
import json, subprocess, sys, time, os, tempfile
bin_, size_mb = sys.argv[1], int(sys.argv[2])
p = subprocess.Popen([bin_, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
def send(obj):
    b = json.dumps(obj).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b); p.stdin.flush()
def read():
    h = b""
    while not h.endswith(b"\r\n\r\n"):
        c = p.stdout.read(1)
        if not c: return None
        h += c
    n = int([l for l in h.split(b"\r\n") if l.lower().startswith(b"content-length")][0].split(b":")[1])
    return json.loads(p.stdout.read(n))
def until(id_):
    while True:
        m = read()
        if m is None or m.get("id") == id_: return m
ws = tempfile.mkdtemp(prefix="claimls-big-open-")
root = "file://" + ws
send({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":None,"rootUri":root,"capabilities":{}}})
until(1); send({"jsonrpc":"2.0","method":"initialized","params":{}})
line = "claim c-%d\n  source: X\n  cue: said\n  quote: some words here\n\n"
text = "article: a.txt\n\n" + "".join(line % i for i in range(size_mb*1024*1024//60))
t=time.time()
send({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":root+"/big.claims","languageId":"claims","version":1,"text":text}}})
send({"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":root+"/big.claims"},"position":{"line":3,"character":4}}})
r = until(2)
print("text MB %.1f; hover answered after %.2f s: %s" % (len(text)/1e6, time.time()-t, "yes" if r is not None else "NO"))
hwm = [l for l in open("/proc/%d/status" % p.pid) if l.startswith("VmHWM")][0].strip()
print(hwm)
send({"jsonrpc":"2.0","id":3,"method":"shutdown","params":None}); until(3)
send({"jsonrpc":"2.0","method":"exit","params":None}); print("exit", p.wait(timeout=30))
