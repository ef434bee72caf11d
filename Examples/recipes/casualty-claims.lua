-- What each side claims about casualties: every figure with its stance, side by side per party.
-- A casualty figure is one of a statement tagged "casualties", or one whose what or unit says so
-- ("killed", "wounded", "deaths"…): corpora coded from real reports do not always tag the topic.
local casualty_words = {"kill", "dead", "death", "died", "die ", "wound", "injur", "casualt", "missing"}

local function is_casualty(f)
  local words = ((f.what or "") .. " " .. (f.unit or "") .. " "):lower()
  for _, w in ipairs(casualty_words) do
    if words:find(w, 1, true) then return true end
  end
  return false
end

local function tagged(s)
  for _, topic in ipairs(s.topics) do
    if topic == "casualties" then return true end
  end
  return false
end

local function run(corpus, params)
  local parties, order = {}, {}
  local candidates = corpus.statements:filter(function(s)
    if #s.figures == 0 then return false end
    if tagged(s) then return true end
    for _, f in ipairs(s.figures) do
      if is_casualty(f) then return true end
    end
    return false
  end)
  for _, s in ipairs(candidates:sort_by("date")) do
    local all = tagged(s)
    for _, f in ipairs(s.figures) do
      if (all or is_casualty(f)) and (not params.stance or f.stance == params.stance) then
        local by = f.by or s.speaker
        if not parties[by] then parties[by] = {}; order[#order + 1] = by end
        local what = f.what and (" (" .. f.what .. ")") or ""
        table.insert(parties[by], ("%s %s %s%s"):format(f.stance or "stated", f.value, f.unit or "", what))
      end
    end
  end
  for _, by in ipairs(order) do print(by .. ": " .. table.concat(parties[by], "; ")) end
  if #order == 0 then print("no casualty figures" .. (params.stance and (" with stance " .. params.stance) or "")) end
end

return {
  name = "casualty-claims",
  description = "Casualty figures per party, with whether each is claimed, acknowledged, disputed or denied",
  params = {
    stance = {type = "choice", choices = {"claimed", "acknowledged", "disputed", "denied"}, optional = true, help = "only this stance"},
  },
  run = run,
  examples = {
    {params = {}, expect = "expected/casualty-claims.txt"},
    {params = {stance = "acknowledged"}, expect = "expected/casualty-claims-acknowledged.txt"},
    {corpus = "corpora/untagged-casualties.jsonl", expect = "expected/casualty-claims-untagged.txt"},
  },
}
