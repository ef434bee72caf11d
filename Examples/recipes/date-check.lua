-- Dates against the words of the report. A statement whose date_text names a weekday ("on Friday")
-- is checked against its date; one without a day in its date gets the day that weekday falls on,
-- on or before its report's publication (the anchor the corpus format gives relative dates). The
-- seed reports show why: one outlet dates Khawaja Asif's announcement Friday, the other Saturday.
local weekdays = {sunday = 1, monday = 2, tuesday = 3, wednesday = 4, thursday = 5, friday = 6, saturday = 7}
local names = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

-- "2025-11-07", or a date-time that day: that day at noon (away from daylight-saving shifts); nil
-- for a date without a day ("2025-11") or none.
local function day(text)
  local y, m, d = tostring(text or ""):match("^(%d%d%d%d)%-(%d%d)%-(%d%d)")
  if not y then return nil end
  return os.time{year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12}
end

local function weekday(t) return os.date("*t", t).wday end

-- The one weekday the words name ("on Thursday night": Thursday), or nil (none, or two).
local function named_weekday(text)
  local found
  for word in text:lower():gmatch("%a+") do
    local w = weekdays[word]
    if w then
      if found and found ~= w then return nil end
      found = w
    end
  end
  return found
end

local function run(corpus, params)
  local named, disagree, undated = 0, 0, 0
  for _, s in ipairs(corpus.statements:sort_by("date")) do
    local wanted = s.date_text and named_weekday(s.date_text)
    if wanted then
      named = named + 1
      local dated, finding = day(s.date), nil
      if dated then
        if weekday(dated) ~= wanted then
          disagree = disagree + 1
          finding = ("dated %s, a %s"):format(s.date:sub(1, 10), names[weekday(dated)])
        elseif params.all then
          finding = ("dated %s, a %s: agrees"):format(s.date:sub(1, 10), names[wanted])
        end
      else
        undated = undated + 1
        local published = s.doc and s.doc.published
        local anchor = day(published)
        local has = s.date and ("dated " .. s.date .. " only") or "undated"
        if anchor then
          local back = (weekday(anchor) - wanted) % 7
          finding = ("%s; the %s on or before publication (%s) is %s"):format(
            has, names[wanted], published:sub(1, 10), os.date("%Y-%m-%d", anchor - back * 86400))
        else
          finding = ("%s; its report's date (%s) has no day to count from"):format(has, published or "none given")
        end
      end
      if finding then
        print(("%s  %s  %q: %s"):format(s.id, s.speaker, s.date_text, finding))
      end
    end
  end
  print(("%d %s a weekday: %d %s with %s date, %d %s no day in %s date"):format(
    named, named == 1 and "statement names" or "statements name",
    disagree, disagree == 1 and "disagrees" or "disagree", disagree == 1 and "its" or "their",
    undated, undated == 1 and "has" or "have", undated == 1 and "its" or "their"))
end

return {
  name = "date-check",
  description = "Statements whose words name a weekday (\"on Friday\"), checked against their date or placed before their report's",
  params = {
    all = {type = "boolean", default = false, help = "also list the statements whose date agrees"},
  },
  run = run,
  examples = {
    {params = {all = true}, expect = "expected/date-check-all.txt"},
    {corpus = "corpora/dates.jsonl", expect = "expected/date-check-dates.txt"},
  },
}
