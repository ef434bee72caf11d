-- Who said what: every speaker, how often, with their role and affiliation, and their words.

-- The speaker's role from their entity when the statement names none: a role written as text, or
-- the {title, from, to} in office on the statement's date (dates compare as text, ISO 8601).
local function entity_role(s)
  local roles = s.entity and s.entity.roles
  if not roles then return nil end
  for _, role in ipairs(roles) do
    if type(role) == "string" then return role end
    local date = s.date
    local started = not role.from or not date or date:sub(1, #role.from) >= role.from
    local ended = role.to and date and date:sub(1, #role.to) > role.to
    if role.title and started and not ended then return role.title end
  end
end

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
  -- Their roles in date order, each once ("Finance Minister, then Foreign Minister"), and affiliation.
  local roles, seen, affiliation = {}, {}, nil
  for _, s in ipairs(theirs) do
    local role = s.role or entity_role(s)
    if role and not seen[role] then seen[role] = true; roles[#roles + 1] = role end
    affiliation = affiliation or s.affiliation or (s.entity and s.entity.affiliation)
  end
  local parts = {}
  if #roles > 0 then parts[#parts + 1] = table.concat(roles, ", then ") end
  if affiliation and affiliation ~= speaker then parts[#parts + 1] = affiliation end
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
    {corpus = "corpora/roles-from-entities.jsonl", expect = "expected/who-said-what-roles.txt"},
  },
}
