-- A one-page briefing: who spoke, the disputed figures, the timeline and the key quotes, as a report.
local function run(corpus, params)
  local all = corpus.statements
  local r = report.new{title = params.title}
  r:text(("%d statements from %d documents, by %d speakers."):format(#all, #corpus.documents, #all:distinct("speaker")))
  r:heading("Who spoke"):table(all:count_by("speaker"):top(params.top), "Statements per speaker")
  r:chart(all:count_by("doc.source", "kind"), {title = "Statements per outlet, by kind"})
  r:heading("When"):chart(all:count_by("date.day"), {kind = "timeline", title = "Statements per day (dated to the day)"})
  r:heading("Figures in dispute")
  r:statements(all:filter(function(s) return #s.figures > 0 end):sort_by("date"))
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
