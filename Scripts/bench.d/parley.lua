-- Parley's side of Scripts/bench: the four questions, natively and as Lua predicates.
-- Prints one JSON line per question: {"q": …, "answer": …, "seconds": median}.
local runs = tonumber(arg[1]) or 5

local function median(f)
  local times, answer = {}, nil
  for i = 1, runs do
    local t = elapsed()
    answer = f()
    times[i] = elapsed() - t
  end
  table.sort(times)
  return answer, times[(runs + 1) // 2]
end

local function pairs_json(counts, limit)
  local out = {}
  for key, n in counts:each() do
    out[#out + 1] = ('["%s",%d]'):format(key, n)
    if limit and #out == limit then break end
  end
  return "[" .. table.concat(out, ",") .. "]"
end

local function by_key_json(counts)
  local keys = counts:keys()
  table.sort(keys)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = ('["%s",%d]'):format(k, counts[k]) end
  return "[" .. table.concat(out, ",") .. "]"
end

local function report(q, f)
  local answer, seconds = median(f)
  print(('{"q":"%s","answer":%s,"seconds":%.6f}'):format(q, answer, seconds))
end

report("Q1", function() return ('"%d"'):format(statements:where{speaker = "Anno Nosaqi"}:count()) end)
report("Q2", function() return pairs_json(statements:count_by("speaker"), 10) end)
report("Q3", function() return by_key_json(statements:matching("ceasefire"):count_by("date.year")) end)
report("Q4", function()
  return by_key_json(statements:where{date = {from = "2021", to = "2021"}, topics = "border"}:count_by("doc.source"))
end)

-- The same questions as Lua predicates.
report("Q1f", function()
  return ('"%d"'):format(statements:filter(function(s) return s.speaker == "Anno Nosaqi" end):count())
end)
report("Q2f", function()
  local n = {}
  for _, s in ipairs(statements) do n[s.speaker] = (n[s.speaker] or 0) + 1 end
  local rows = {}
  for k, v in pairs(n) do rows[#rows + 1] = {k, v} end
  table.sort(rows, function(a, b) if a[2] ~= b[2] then return a[2] > b[2] end return a[1] < b[1] end)
  local out = {}
  for i = 1, 10 do out[i] = ('["%s",%d]'):format(rows[i][1], rows[i][2]) end
  return "[" .. table.concat(out, ",") .. "]"
end)
report("Q3f", function()
  return by_key_json(statements:filter(function(s) return s.text:lower():find("ceasefire", 1, true) ~= nil end)
    :count_by(function(s) return s.date:sub(1, 4) end))
end)
report("Q4f", function()
  return by_key_json(statements:filter(function(s)
    if s.date:sub(1, 4) ~= "2021" then return false end
    for _, t in ipairs(s.topics) do if t == "border" then return true end end
    return false
  end):count_by("doc.source"))
end)
