-- A one-page briefing: who spoke, the disputed figures, the timeline and the key quotes, as a report.

-- The statements whose figures are in dispute: a figure disputed or denied, or one whose measure
-- (its what, else its unit) two parties give different values for.
local function disputed_figures(all)
  local values = {}       -- measure → party → value
  local with = all:filter(function(s) return #s.figures > 0 end)
  local function measure(f) return (f.what or f.unit or ""):lower() end
  for _, s in ipairs(with) do
    for _, f in ipairs(s.figures) do
      local m = measure(f)
      values[m] = values[m] or {}
      values[m][f.by or s.speaker] = f.value
    end
  end
  local function differs(m)
    local first
    for _, value in pairs(values[m]) do
      if first == nil then first = value elseif value ~= first then return true end
    end
    return false
  end
  return with:filter(function(s)
    for _, f in ipairs(s.figures) do
      if f.stance == "disputed" or f.stance == "denied" or differs(measure(f)) then return true end
    end
    return false
  end)
end

-- "1 statement", "2 statements".
local function plural(n, word) return ("%d %s%s"):format(n, word, n == 1 and "" or "s") end

local function run(corpus, params)
  local all = corpus.statements
  local r = report.new{title = params.title}
  r:text(("%s from %s, by %s."):format(plural(#all, "statement"), plural(#corpus.documents, "document"), plural(#all:distinct("speaker"), "speaker")))
  r:heading("Who spoke"):table(all:count_by("speaker"):top(params.top), "Statements per speaker")
  r:chart(all:count_by("doc.source", "kind"), {title = "Statements per outlet, by kind"})
  r:heading("When"):chart(all:count_by("date.day"), {kind = "timeline", title = "Statements per day (dated to the day)"})
  r:heading("Figures in dispute")
  local disputed = disputed_figures(all)
  if #disputed > 0 then
    r:statements(disputed:sort_by("date"))
  else
    r:text("No figure is given differently by two parties, or disputed or denied.")
  end
  r:heading("In their own words")
  r:statements(all:where{kind = "direct"}:sort_by("date"), params.top)
  if params.output then
    r:save(params.output)
    print("wrote " .. params.output)
    return nil
  end
  return r
end

return {
  name = "briefing",
  description = "A one-page briefing report: speakers, outlets, timeline, disputed figures, key quotes",
  params = {
    title = {type = "string", default = "Briefing", help = "the report's title"},
    top = {type = "integer", default = 5, help = "how many speakers and quotes"},
    output = {type = "string", optional = true, help = "write the report to this file (.html, .md, .txt, .json) under --out"},
  },
  run = run,
  examples = {{params = {title = "Pakistan–Afghanistan talks: briefing"}, expect = "expected/briefing.txt"}},
}
