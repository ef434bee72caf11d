"""Peer: CPython's json module, records as dicts. usage: python3 python_json.py FILE RUNS"""
import json, sys, time
from collections import Counter

path, runs = sys.argv[1], int(sys.argv[2])
t0 = time.perf_counter()
statements, source = [], {}
with open(path, encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        if r["type"] == "statement":
            statements.append(r)
        elif r["type"] == "document":
            source[r["id"]] = r.get("source")
print(json.dumps({"q": "load", "answer": str(len(statements)), "seconds": time.perf_counter() - t0}))

def report(q, f):
    times, answer = [], None
    for _ in range(runs):
        t = time.perf_counter(); answer = f(); times.append(time.perf_counter() - t)
    times.sort()
    print(json.dumps({"q": q, "answer": answer, "seconds": times[(runs - 1) // 2]}, ensure_ascii=False))

report("Q1", lambda: str(sum(1 for s in statements if s["speaker"] == "Anno Nosaqi")))
def q2():
    c = Counter(s["speaker"] for s in statements)
    return [[k, n] for k, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:10]]
report("Q2", q2)
report("Q3", lambda: sorted([k, n] for k, n in Counter(s["date"][:4] for s in statements if "ceasefire" in s["text"].lower()).items()))
report("Q4", lambda: sorted([k, n] for k, n in Counter(source[s["doc"]] for s in statements
                                                     if s["date"][:4] == "2021" and "border" in s["topics"]).items()))
