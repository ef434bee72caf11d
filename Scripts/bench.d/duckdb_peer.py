"""Peer: DuckDB through its Python package. usage: python duckdb_peer.py [--every-field] FILE RUNS

By default DuckDB reads only the eight columns the questions need, as text: its fastest load. With
--every-field it reads every field the bench corpus's records have, dates as DATE, as Parley's load
keeps every field and reads every date (and as an analyst's read_json of the whole file would)."""
import json, sys, time
import duckdb

args = sys.argv[1:]
every_field = "--every-field" in args
if every_field:
    args.remove("--every-field")
path, runs = args[0], int(args[1])
con = duckdb.connect()
if every_field:
    columns = """{type: 'VARCHAR', id: 'VARCHAR', source: 'VARCHAR', title: 'VARCHAR', published: 'DATE', url: 'VARCHAR',
                  language: 'VARCHAR', doc: 'VARCHAR', speaker: 'VARCHAR', role: 'VARCHAR', affiliation: 'VARCHAR',
                  kind: 'VARCHAR', verb: 'VARCHAR', text: 'VARCHAR', date: 'DATE', topics: 'VARCHAR[]',
                  figures: 'STRUCT("value" BIGINT, unit VARCHAR)[]'}"""
    statement_columns = "id, doc, speaker, role, affiliation, kind, verb, text, date, topics, figures"
    document_columns = "id, source, title, published, url, language"
    year = "strftime({}, '%Y')"
else:
    columns = """{type: 'VARCHAR', id: 'VARCHAR', doc: 'VARCHAR', speaker: 'VARCHAR', text: 'VARCHAR',
                  date: 'VARCHAR', topics: 'VARCHAR[]', source: 'VARCHAR'}"""
    statement_columns = "id, doc, speaker, text, date, topics"
    document_columns = "id, source"
    year = "substr({}, 1, 4)"
t0 = time.perf_counter()
con.execute(f"CREATE TABLE recs AS SELECT * FROM read_json('{path}', format = 'newline_delimited', columns = {columns})")
con.execute(f"CREATE TABLE statements AS SELECT {statement_columns} FROM recs WHERE type = 'statement'")
con.execute(f"CREATE TABLE documents AS SELECT {document_columns} FROM recs WHERE type = 'document'")
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
report("Q3", f"SELECT {year.format('date')} AS y, count(*) FROM statements WHERE text ILIKE '%ceasefire%' GROUP BY y ORDER BY y",
       lambda r: [[a, b] for a, b in r])
report("Q4", f"""SELECT d.source, count(*) FROM statements s JOIN documents d ON s.doc = d.id
                WHERE {year.format('s.date')} = '2021' AND list_contains(s.topics, 'border') GROUP BY d.source ORDER BY d.source""",
       lambda r: [[a, b] for a, b in r])
