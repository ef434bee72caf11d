-- Where the reports differ: the same statement dated or worded differently by two documents,
-- and the speakers that only one document quotes.

-- The words of a text, lower-cased, of three bytes or more (a letter outside ASCII is kept whole:
-- its UTF-8 bytes are all 128 or more).
local function words(text)
  local set, n = {}, 0
  for word in text:lower():gmatch("[%w\128-\255]+") do
    if #word >= 3 and not set[word] then set[word] = true; n = n + 1 end
  end
  return set, n
end

-- The share of the shorter text's words that the longer one has too (the overlap coefficient):
-- a short quote and the longer sentence it was cut from share all of the quote's words.
-- `a` and `b` are {set, n} as words() gives them.
local function overlap(a, b)
  if a.n == 0 or b.n == 0 then return 0 end
  if a.n > b.n then a, b = b, a end
  local common = 0
  for word in pairs(a.set) do if b.set[word] then common = common + 1 end end
  return common / a.n
end

local function run(corpus, params)
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

-- One statement as its report gives it, and how two such compare in their dates.
local function show(s)
  local when = s.date and ("dated " .. s.date) or "undated"
  if s.date_text then when = when .. " (" .. s.date_text .. ")" end
  print(("  %s says %s: %q, %s"):format(source(s), s.speaker, s.text, when))
end
local function compare(a, b)
  show(a)
  show(b)
  if (a.date == nil) ~= (b.date == nil) then print("  → only one report dates it")
  elseif a.date ~= b.date then print("  → the dates differ") end
  print()
end

print("The same statement, as each report gives it:")
local found = false
for _, s in ipairs(linked) do
  for _, r in ipairs(s.relations) do
    local other = byId[r.statement]
    if r.type == "same_as" and other and other.doc ~= s.doc then
      found = true
      compare(s, other)
    end
  end
end
if not found then print("  (no statement is linked as same_as across documents)") print() end

-- Statements not linked, by one speaker in two documents, that share most of their words: most
-- corpora link none, and the same words dated on two days are what the analyst looks for.
print(("Likely the same statement, not linked (by one speaker in two reports, %d%% or more of the shorter one's words in the other):"):format(math.floor(params.overlap * 100 + 0.5)))
local linkedPairs = {}
for _, s in ipairs(linked) do
  for _, r in ipairs(s.relations) do
    if r.type == "same_as" then linkedPairs[s.id .. "\0" .. r.statement] = true; linkedPairs[r.statement .. "\0" .. s.id] = true end
  end
end
local likely, skipped, pairs = 0, 0, 0
for speaker, count in statements:count_by("speaker"):each() do
  if count > params.max_per_speaker or pairs + count * (count - 1) / 2 > params.max_pairs then
    skipped = skipped + 1
  elseif count > 1 then
    pairs = pairs + count * (count - 1) / 2
    local theirs = statements:where{speaker = speaker}
    local sets = {}
    for i, s in ipairs(theirs) do
      local set, n = words(s.text)
      sets[i] = {set = set, n = n}
    end
    for i = 1, #theirs do
      for j = i + 1, #theirs do
        local a, b = theirs[i], theirs[j]
        if a.doc and b.doc and a.doc ~= b.doc and not linkedPairs[a.id .. "\0" .. b.id] and overlap(sets[i], sets[j]) >= params.overlap then
          likely = likely + 1
          compare(a, b)
        end
      end
    end
  end
end
if likely == 0 then print("  (none)") print() end
if skipped > 0 then
  print(("  (%d speakers were not compared pair by pair: each has more than %d statements (--max-per-speaker), or the %d pairs allowed (--max-pairs) were compared)")
    :format(skipped, params.max_per_speaker, params.max_pairs))
  print()
end

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
  params = {
    overlap = {type = "number", default = 0.6, help = "the share (0 to 1) of the shorter statement's words the other must have to be shown as likely the same"},
    max_per_speaker = {type = "integer", default = 500, help = "speakers with more statements than this are not compared pair by pair"},
    max_pairs = {type = "integer", default = 2000000, help = "at most this many pairs of statements are compared in all"},
  },
  run = run,
  examples = {{params = {}, expect = "expected/where-reports-differ.txt"}},
}
