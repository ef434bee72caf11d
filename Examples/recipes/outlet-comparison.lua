-- How each outlet reports: whom it quotes, how (quoted or paraphrased), on what, side by side (a
-- crosstab, as pandas' crosstab and R's table show it), as counts or as shares of each outlet's column.
local function run(corpus, params)
  local all = corpus.statements
  if params.outlets then
    local wanted = {}
    for name in params.outlets:gmatch("[^,]+") do wanted[#wanted + 1] = name:match("^%s*(.-)%s*$") end
    all = all:where{["doc.source"] = wanted}
  end
  local outlets = #all:distinct("doc.source")
  if outlets == 0 then
    print("No statement comes from " .. (params.outlets and ("these outlets: " .. params.outlets) or "a document with an outlet") .. ".")
    return
  end
  print(("%d statement%s from %d outlet%s%s.\n"):format(#all, #all == 1 and "" or "s", outlets, outlets == 1 and "" or "s",
    params.percent and "; each outlet's column in percent of its total" or ""))
  local function section(title, by)
    print(title)
    local crosstab = all:count_by(by, "doc.source"):crosstab{percent = params.percent and "columns" or nil, margins = true}
    -- The largest rows, and the total row (of all rows, shown or not), as the crosstab shows them.
    local shown = setmetatable({}, getmetatable(crosstab))
    local rows = #crosstab - 1
    for i = 1, math.min(params.top, rows) do shown[#shown + 1] = crosstab[i] end
    shown[#shown + 1] = crosstab[#crosstab]
    print(shown)
    if rows > params.top then print(("(and %d more, in the total; --top %d shows them)"):format(rows - params.top, rows)) end
    print()
  end
  section("Whom each outlet quotes", "speaker")
  section("How it reports them", "kind")
  section("On what (a statement counts under each of its topics)", "topics")
end

return {
  name = "outlet-comparison",
  description = "Each outlet side by side: whom it quotes, how (direct, indirect…) and on what, as counts or shares",
  params = {
    outlets = {type = "string", optional = true, help = "outlets to compare, separated by commas (default: all)"},
    top = {type = "integer", default = 8, help = "how many speakers and topics (the most quoted)"},
    percent = {type = "boolean", default = false, help = "each outlet's column in percent of its total"},
  },
  run = run,
  examples = {
    {params = {}, expect = "expected/outlet-comparison.txt"},
    {params = {percent = true, top = 3}, expect = "expected/outlet-comparison-percent.txt"},
  },
}
