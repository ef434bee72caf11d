-- Cue verbs as a measure of tone: how each speaker's words are reported (said, warned, claimed…).
local function run(corpus, params)
  local counts = corpus.statements:count_by(params.by, "cue")
  local names = corpus.statements:count_by(params.by):top(params.top):keys()
  for _, name in ipairs(names) do
    local cues = {}
    for cue, n in counts[name]:each() do cues[#cues + 1] = n > 1 and ("%s ×%d"):format(cue, n) or cue end
    print(("%-32s %s"):format(name, table.concat(cues, ", ")))
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
