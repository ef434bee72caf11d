-- Where the reports differ: the same statement dated or worded differently by two documents,
-- and the speakers that only one document quotes.
local function run(corpus)
local statements = corpus.statements
-- The statements with relations, and those they point at (not a table of every statement by id:
-- at a million statements that took seconds and a few hundred megabytes).
local linked, wanted = {}, {}
for _, s in ipairs(statements) do
  local relations = s.relations
  if #relations > 0 then
    linked[#linked + 1] = s
    for _, r in ipairs(relations) do wanted[r.statement] = true end
  end
end
local byId = {}
if next(wanted) then
  for _, s in ipairs(statements) do if wanted[s.id] then byId[s.id] = s end end
end

local function source(s) return s.doc and (s.doc.source or s.doc.id) or "?" end

print("The same statement, as each report gives it:")
local found = false
for _, s in ipairs(linked) do
  for _, r in ipairs(s.relations) do
    local other = byId[r.statement]
    if r.type == "same_as" and other and other.doc ~= s.doc then
      found = true
      print(("  %s says %s: %q, dated %s (%s)"):format(source(s), s.speaker, s.text, s.date or "undated", s.date_text or "no date given"))
      print(("  %s says %s: %q, dated %s (%s)"):format(source(other), other.speaker, other.text, other.date or "undated", other.date_text or "no date given"))
      if s.date ~= other.date then print("  → the dates differ") end
      print()
    end
  end
end
if not found then print("  (no statement is linked as same_as across documents)") print() end

print("Speakers only one report quotes:")
local sources = statements:count_by("speaker", "doc.source")
for _, speaker in ipairs(statements:distinct("speaker")) do
  local per = sources[speaker]
  if per and #per == 1 then
    local only = per:keys()[1]
    print(("  %s only in %s (%d)"):format(speaker:ljust(34), only, per[only]))
  end
end
end

return {
  name = "where-reports-differ",
  description = "The same statement dated or worded differently by two reports, and speakers only one report quotes",
  run = run,
  examples = {{params = {}, expect = "expected/where-reports-differ.txt"}},
}
