"""Peer: DuckDB through its Python package. usage: python duckdb_peer.py FILE RUNS"""
import json, sys, time
import duckdb

path, runs = sys.argv[1], int(sys.argv[2])
con = duckdb.connect()
t0 = time.perf_counter()
con.execute(f"""
  CREATE TABLE recs AS SELECT * FROM read_json('{path}', format = 'newline_delimited',
    columns = {{type: 'VARCHAR', id: 'VARCHAR', doc: 'VARCHAR', speaker: 'VARCHAR', text: 'VARCHAR',
               date: 'VARCHAR', topics: 'VARCHAR[]', source: 'VARCHAR'}})""")
con.execute("CREATE TABLE statements AS SELECT id, doc, speaker, text, date, topics FROM recs WHERE type = 'statement'")
con.execute("CREATE TABLE documents AS SELECT id, source FROM recs WHERE type = 'document'")
con.execute("DROP TABLE recs")
n = con.execute("SELECT count(*) FROM statements").fetchone()[0]
print(json.dumps({"q": "load", "answer": str(n), "seconds": time.perf_counter() - t0}))

def report(q, sql, shape):
    times, answer = [], None
    for _ in range(runs):
        t = time.perf_counter(); rows = con.execute(sql).fetchall(); times.append(time.perf_counter() - t)
        answer = shape(rows)
    times.sort()
    print(json.dumps({"q": q, "answer": answer, "seconds": times[(runs - 1) // 2]}, ensure_ascii=False))

report("Q1", "SELECT count(*) FROM statements WHERE speaker = 'Anno Nosaqi'", lambda r: str(r[0][0]))
report("Q2", "SELECT speaker, count(*) AS n FROM statements GROUP BY speaker ORDER BY n DESC, speaker LIMIT 10",
       lambda r: [[a, b] for a, b in r])
report("Q3", "SELECT substr(date, 1, 4) AS y, count(*) FROM statements WHERE text ILIKE '%ceasefire%' GROUP BY y ORDER BY y",
       lambda r: [[a, b] for a, b in r])
report("Q4", """SELECT d.source, count(*) FROM statements s JOIN documents d ON s.doc = d.id
                WHERE substr(s.date, 1, 4) = '2021' AND list_contains(s.topics, 'border') GROUP BY d.source ORDER BY d.source""",
       lambda r: [[a, b] for a, b in r])
