-- Disputed figures: the numbers each party states, grouped by what they measure, and where they differ.
local function run(corpus, params)
local groups, order = {}, {}
for _, s in ipairs(corpus.statements:filter(function(s) return #s.figures > 0 end):sort_by("date")) do
  for _, f in ipairs(s.figures) do
    local what = f.what or "(unspecified)"
    if params.what and not what:lower():find(params.what:lower(), 1, true) then goto continue end
    if not groups[what] then groups[what] = {}; order[#order + 1] = what end
    table.insert(groups[what], {figure = f, statement = s})
    ::continue::
  end
end

if #order == 0 then print("No statement in this corpus states such a figure.") return end

for _, what in ipairs(order) do
  local values, parties = {}, {}
  print(("Figures for %q:"):format(what))
  -- The values lined up on the right, as wide as the widest (32000000 tonnes as well as 58 soldiers).
  local width = 6
  for _, item in ipairs(groups[what]) do width = math.max(width, #tostring(item.figure.value)) end
  for _, item in ipairs(groups[what]) do
    local f, s = item.figure, item.statement
    local by = f.by or s.speaker
    -- ljust pads by terminal columns (a party named in another script lines up), where %-24s counts bytes.
    print(("  %s %s %-13s by %s (%s, %s, %s)"):format(
      tostring(f.value):rjust(width), (f.unit or ""):ljust(10), f.stance or "stated", by:ljust(24), s.id, s.doc and s.doc.source or "?", s.date or "undated"))
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
end

return {
  name = "disputed-figures",
  description = "Numbers that different parties state for the same thing, and how far apart they are",
  params = {
    what = {type = "string", optional = true, help = "only figures whose 'what' contains this (soldiers, civilians…)"},
  },
  run = run,
  examples = {
    {params = {}, expect = "expected/disputed-figures.txt"},
    {params = {what = "soldiers"}, expect = "expected/disputed-figures-soldiers.txt"},
  },
}
