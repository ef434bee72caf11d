-- What each side claims about casualties: every figure with its stance, side by side per party.
local function run(corpus, params)
  local parties, order = {}, {}
  for _, s in ipairs(corpus.statements:where{topics = "casualties"}:sort_by("date")) do
    for _, f in ipairs(s.figures) do
      if not params.stance or f.stance == params.stance then
        local by = f.by or s.speaker
        if not parties[by] then parties[by] = {}; order[#order + 1] = by end
        table.insert(parties[by], ("%s %s %s (%s)"):format(f.stance or "stated", f.value, f.unit or "", f.what or ""))
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
  },
}
