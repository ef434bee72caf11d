-- Who said what: every speaker, how often, with their role and affiliation, and their words.
local function run(corpus, params)
local selection = corpus.statements
if params.speaker then selection = selection:where{speaker = params.speaker} end
if params.kind then selection = selection:where{kind = params.kind} end

local speakers = #selection:distinct("speaker")
local kind_width = 8
for _, kind in ipairs(selection:distinct("kind")) do kind_width = math.max(kind_width, #kind) end
print(("%d statement%s by %d speaker%s"):format(#selection, #selection == 1 and "" or "s", speakers, speakers == 1 and "" or "s"))
print()
for speaker, n in selection:count_by("speaker"):each() do
  local theirs = selection:where{speaker = speaker}:sort_by("date")
  local first = theirs[1]
  local parts = {}
  if first.role then parts[#parts + 1] = first.role end
  if first.affiliation and first.affiliation ~= speaker then parts[#parts + 1] = first.affiliation end
  local who = table.concat(parts, ", ")
  print(("%s%s: %d statement%s"):format(speaker, who ~= "" and " (" .. who .. ")" or "", n, n == 1 and "" or "s"))
  for _, s in ipairs(theirs) do
    local quote = s.kind == "direct" and ("“" .. s.text .. "”") or s.text
    -- The day of a date-time (the list is in date order already), so that the columns stay in line.
    print(("  %-10s %s %s %s [%s]"):format((s.date or "undated"):sub(1, 10), s.kind:ljust(kind_width), (s.cue or ""):ljust(12), quote, s.doc and s.doc.source or "?"))
  end
end
end

return {
  name = "who-said-what",
  description = "Every speaker with role and affiliation, and their statements in date order",
  params = {
    speaker = {type = "string", optional = true, help = "only this speaker (a name or an alias)"},
    kind = {type = "list", optional = true, help = "only these kinds: direct, indirect, mixed, according_to"},
  },
  run = run,
  examples = {
    {params = {speaker = "Attaullah Tarar"}, expect = "expected/who-said-what-tarar.txt"},
    {params = {kind = "direct"}, expect = "expected/who-said-what-direct.txt"},
  },
}
