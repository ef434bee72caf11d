-- Disputed figures: the numbers each party states, grouped by what they measure, and where they differ.
-- usage: parley run Examples/recipes/disputed-figures.lua --corpus CORPUS
local groups, order = {}, {}
for _, s in ipairs(statements:filter(function(s) return #s.figures > 0 end):sort_by("date")) do
  for _, f in ipairs(s.figures) do
    local what = f.what or "(unspecified)"
    if not groups[what] then groups[what] = {}; order[#order + 1] = what end
    table.insert(groups[what], {figure = f, statement = s})
  end
end

if #order == 0 then print("No statement in this corpus states a figure.") return end

for _, what in ipairs(order) do
  local values, parties = {}, {}
  print(("Figures for %q:"):format(what))
  for _, item in ipairs(groups[what]) do
    local f, s = item.figure, item.statement
    local by = f.by or s.speaker
    print(("  %6s %-10s %-13s by %-24s (%s, %s, %s)"):format(
      tostring(f.value), f.unit or "", f.stance or "stated", by, s.id, s.doc and s.doc.source or "?", s.date or "undated"))
    if f.stance ~= "disputed" and f.stance ~= "denied" then
      values[#values + 1] = f.value
      parties[by] = true
    end
  end
  table.sort(values)
  local nparties = 0
  for _ in pairs(parties) do nparties = nparties + 1 end
  if #values > 1 and values[1] ~= values[#values] then
    print(("  → the parties disagree: from %s to %s (%d parties)"):format(values[1], values[#values], nparties))
  end
  print()
end
