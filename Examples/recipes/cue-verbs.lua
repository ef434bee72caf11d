-- Cue verbs as a measure of tone: how each speaker's words are reported (said, warned, claimed…).
local function run(corpus, params)
  local counts = corpus.statements:count_by(params.by, "cue")
  local names = corpus.statements:count_by(params.by):top(params.top):keys()
  for _, name in ipairs(names) do
    local cues = {}
    -- A speaker none of whose statements has a cue has no counts of cues at all.
    local theirs = counts[name]
    if theirs then
      for cue, n in theirs:each() do cues[#cues + 1] = n > 1 and ("%s ×%d"):format(cue, n) or cue end
    end
    print(("%s %s"):format(name:ljust(32), #cues > 0 and table.concat(cues, ", ") or "(no cue recorded)"))
  end
end

return {
  name = "cue-verbs",
  description = "The reporting verbs used for each speaker or affiliation (said, warned, claimed…)",
  params = {
    by = {type = "choice", choices = {"speaker", "affiliation"}, default = "speaker", help = "group by"},
    top = {type = "integer", default = 10, help = "how many speakers or affiliations"},
  },
  run = run,
  examples = {
    {params = {}, expect = "expected/cue-verbs.txt"},
    {params = {by = "affiliation", top = 2}, expect = "expected/cue-verbs-affiliation.txt"},
  },
}
