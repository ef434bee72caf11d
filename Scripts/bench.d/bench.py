"""Runs Parley and its peers (DuckDB, lua5.4 + lua-cjson, Python json) on the same generated corpus
and the same four questions, checks that they agree, and prints one Markdown table.

usage: bench.py [N] [--runs R] [--rounds K] [--scaling] [--peers duckdb,lua,python]
"""
import argparse, datetime, json, os, platform, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "Scripts", "bench.d")
CACHE = os.path.join(ROOT, ".bench-cache")
PARLEY = os.path.join(ROOT, ".build", "release", "parley")
QUESTIONS = ["Q1", "Q2", "Q3", "Q4"]


def generator():
    for candidate in [os.environ.get("PARLEY_SHARED", ""), os.path.join(ROOT, "..", "shared")]:
        path = os.path.join(candidate, "bench", "gen_corpus.py")
        if candidate and os.path.exists(path):
            return path
    sys.exit("bench: shared/bench/gen_corpus.py not found next to the repository (set PARLEY_SHARED)")


def corpus(n):
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, f"corpus-{n}.jsonl")
    if not os.path.exists(path):
        print(f"generating {n} statements…", file=sys.stderr)
        subprocess.run([sys.executable, generator(), str(n), path + ".tmp"], check=True)
        os.rename(path + ".tmp", path)
    return path


def run(argv, errors=None):
    """Runs argv, returning (wall seconds, peak RSS bytes, parsed JSON lines); its standard error
    goes to the list `errors` when given."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = process.stdout.read()
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"bench: {' '.join(argv[:4])} failed:\n{err.decode(errors='replace')}")
    if errors is not None:
        errors.append(err.decode(errors="replace"))
    lines = [json.loads(l) for l in out.decode().splitlines() if l.startswith("{")]
    return wall, usage.ru_maxrss * 1024, {l["q"]: l for l in lines}


def median(values):
    values = sorted(values)
    return values[(len(values) - 1) // 2]


def combine(rounds):
    """One system's figures over several rounds: the median of each."""
    first = rounds[0]
    answers = {q: dict(a, seconds=median([r["answers"][q]["seconds"] for r in rounds])) for q, a in first["answers"].items()}
    combined = {"load": median([r["load"] for r in rounds]), "rss": median([r["rss"] for r in rounds]), "answers": answers}
    for key in ["snapshot", "load process", "snapshot process"]:
        if key in first:
            combined[key] = median([r[key] for r in rounds])
    return combined


def timed_load(corpus_path):
    """Parley's load of `corpus_path` as the peers time theirs, from inside the process (`--timer`
    reports it: from opening the file to the corpus being ready), and the wall time of the whole
    process (start, load, a script, exit)."""
    errors = []
    wall, _, _ = run([PARLEY, "--timer", "-e", "print(#statements)", "--corpus", corpus_path, "--timeout", "0"], errors)
    found = re.search(r"Load Time: ([0-9.]+) s", errors[0])
    if not found:
        sys.exit(f"bench: parley --timer did not report its load time:\n{errors[0]}")
    return float(found.group(1)), wall


def parley_round(path, runs):
    """One round of Parley: a load, the questions (natively and as predicates), and opening the
    snapshot (made beforehand by `make_snapshot`)."""
    load, load_process = timed_load(path)
    _, rss, answers = run([PARLEY, "run", os.path.join(HERE, "parley.lua"), "--corpus", path, "--timeout", "0", "--", str(runs)])
    # Opened warm, as the JSON file is for every load: the first open brings the file back into the
    # system's cache if it was dropped since it was written.
    opens = [timed_load(snapshot_path(path)) for _ in range(2)]
    return {"load": load, "load process": load_process, "rss": rss, "answers": answers,
            "snapshot": opens[1][0], "snapshot process": opens[1][1]}


def warm(path):
    """Reads the file through, so that every system reads it from the system's cache."""
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def snapshot_path(path):
    return os.path.splitext(path)[0] + ".parley"


def make_snapshot(path):
    subprocess.run([PARLEY, "snapshot", path, "--output", snapshot_path(path)], check=True, stdout=subprocess.DEVNULL)


def bench_parley(path, runs, rounds):
    warm(path)
    make_snapshot(path)
    return combine([parley_round(path, runs) for _ in range(rounds)])


def peer_round(argv, runs):
    wall, rss, answers = run(argv + [str(runs)])
    return {"load": answers["load"]["seconds"], "rss": rss, "answers": answers}


def seconds(s):
    return f"{s:.2f} s" if s >= 1 else f"{s * 1000:.0f} ms" if s >= 0.01 else f"{s * 1000:.1f} ms"


def megabytes(b):
    return f"{b / 1e9:.2f} GB" if b >= 1e9 else f"{b / 1e6:.0f} MB"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5, help="runs of each question within a round")
    parser.add_argument("--rounds", type=int, default=3, help="turns each system takes; figures are medians over them")
    parser.add_argument("--scaling", action="store_true", help="also run Parley at 100k and 3M statements")
    parser.add_argument("--peers", default="duckdb,lua,python")
    args = parser.parse_args()
    peers = [p for p in args.peers.split(",") if p]

    path = corpus(args.n)
    venv_python = os.path.join(CACHE, "venv", "bin", "python")
    systems = {"Parley": None}
    if "duckdb" in peers:
        systems["DuckDB (Python)"] = [venv_python, os.path.join(HERE, "duckdb_peer.py"), path]
        # The same, reading every field of the records (dates as dates), as Parley's load does.
        systems["DuckDB, every field"] = [venv_python, os.path.join(HERE, "duckdb_peer.py"), "--every-field", path]
    if "lua" in peers:
        systems["lua5.4 + lua-cjson"] = ["lua5.4", os.path.join(HERE, "lua_cjson.lua"), path]
    if "python" in peers:
        systems["Python json"] = [sys.executable, os.path.join(HERE, "python_json.py"), path]
    # The systems take turns, round after round, so that a slow spell of the machine falls on all
    # of them rather than on whichever ran then; each figure is the median over the rounds.
    make_snapshot(path)
    rounds = {name: [] for name in systems}
    for _ in range(args.rounds):
        warm(path)
        for name, argv in systems.items():
            rounds[name].append(parley_round(path, args.runs) if argv is None else peer_round(argv, args.runs))
    results = {name: combine(r) for name, r in rounds.items()}

    # Every system must give the same answers; Parley's predicates the same as its native queries.
    reference = results["Parley"]["answers"]
    problems = []
    for q in QUESTIONS:
        if reference[q + "f"]["answer"] != reference[q]["answer"]:
            problems.append(f"Parley {q} native and predicate answers differ")
        for name, r in results.items():
            if json.dumps(r["answers"][q]["answer"]) != json.dumps(reference[q]["answer"]):
                problems.append(f"{name} {q}: {r['answers'][q]['answer']!s:.80} ≠ Parley {reference[q]['answer']!s:.80}")

    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    print(f"Scripts/bench {args.n} — {datetime.date.today()} — {cpu}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB — {args.rounds} rounds, systems in turn; median over the rounds of each question's median of {args.runs} runs, and of the loads\n")
    print("| system | load | Q1 | Q2 | Q3 | Q4 | peak memory |")
    print("|---|---|---|---|---|---|---|")
    for name, r in results.items():
        cells = [seconds(r["load"])] + [seconds(r["answers"][q]["seconds"]) for q in QUESTIONS] + [megabytes(r["rss"])]
        print(f"| {name} | " + " | ".join(cells) + " |")
    p = results["Parley"]["answers"]
    print("| Parley, Lua predicates | | " + " | ".join(seconds(p[q + "f"]["seconds"]) for q in QUESTIONS) + " | |")
    print(f"| Parley, opening its snapshot | {seconds(results['Parley']['snapshot'])} | | | | | |")
    print(f"| Parley, whole process: load / snapshot | {seconds(results['Parley']['load process'])} / "
          f"{seconds(results['Parley']['snapshot process'])} | | | | | |")
    if "DuckDB (Python)" in results:
        d = results["DuckDB (Python)"]
        ratio = lambda a, b: f"{a / b:.2f}×"
        print("| Parley ÷ DuckDB | " + ratio(results["Parley"]["load"], d["load"]) + " | "
              + " | ".join(ratio(p[q]["seconds"], d["answers"][q]["seconds"]) for q in QUESTIONS)
              + " | " + ratio(results["Parley"]["rss"], d["rss"]) + " |")
        e = results["DuckDB, every field"]
        print("| Parley ÷ DuckDB, every field | " + ratio(results["Parley"]["load"], e["load"]) + " | "
              + " | ".join(ratio(p[q]["seconds"], e["answers"][q]["seconds"]) for q in QUESTIONS)
              + " | " + ratio(results["Parley"]["rss"], e["rss"]) + " |")
    if "lua5.4 + lua-cjson" in results:
        l = results["lua5.4 + lua-cjson"]
        print("| Parley predicates ÷ lua-cjson | | " + " | ".join(
            f"{p[q + 'f']['seconds'] / l['answers'][q]['seconds']:.2f}×" for q in QUESTIONS)
              + f" | {results['Parley']['rss'] / l['rss']:.2f}× |")

    if args.scaling:
        print("\nScaling (Parley): n, load, Q1–Q4, and the ratio of each to the 1M figures ÷ (n / 1M)")
        base = results["Parley"]
        for n in [100_000, 3_000_000]:
            r = bench_parley(corpus(n), args.runs, args.rounds)
            factor = n / args.n
            cells = [seconds(r["load"])] + [seconds(r["answers"][q]["seconds"]) for q in QUESTIONS]
            ratios = [r["load"] / base["load"] / factor] + [r["answers"][q]["seconds"] / base["answers"][q]["seconds"] / factor for q in QUESTIONS]
            print(f"| {n} | " + " | ".join(cells) + " | " + " ".join(f"{x:.2f}" for x in ratios) + f" | {megabytes(r['rss'])} |")

    if problems:
        print("\nANSWERS DIFFER:\n" + "\n".join(problems))
        sys.exit(1)
    print("\nAll systems gave the same answers.")


if __name__ == "__main__":
    main()
