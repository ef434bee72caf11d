-- The timeline of statements: how many were made per day, month or year, with a bar for each.
local function run(corpus, params)
  local key = "date." .. params.by
  local counts = corpus.statements:count_by(key)
  local periods = counts:keys()
  table.sort(periods)
  local undated = #corpus.statements - counts:total()
  local widest = 0
  for _, p in ipairs(periods) do widest = math.max(widest, counts[p]) end
  for _, p in ipairs(periods) do
    local n = counts[p]
    print(("%-10s %4d  %s"):format(p, n, ("█"):rep(math.ceil(n / widest * 30))))
  end
  if undated > 0 then print(("%-10s %4d  (the reports give no date precise enough)"):format("undated", undated)) end
end

return {
  name = "timeline",
  description = "Statements per day, month or year, as a bar chart in text",
  params = {
    by = {type = "choice", choices = {"day", "month", "year"}, default = "day", help = "the period"},
  },
  run = run,
  examples = {
    {params = {}, expect = "expected/timeline-day.txt"},
    {params = {by = "month"}, expect = "expected/timeline-month.txt"},
  },
}
