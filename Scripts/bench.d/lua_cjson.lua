-- Peer: plain Lua 5.4 with lua-cjson, records as tables. usage: lua5.4 lua_cjson.lua FILE RUNS
local cjson = require "cjson"
local path, runs = arg[1], tonumber(arg[2]) or 5
local clock = os.clock

local t0 = clock()
local statements, source = {}, {}
for line in io.lines(path) do
  local r = cjson.decode(line)
  if r.type == "statement" then statements[#statements + 1] = r
  elseif r.type == "document" then source[r.id] = r.source end
end
print(('{"q":"load","answer":"%d","seconds":%.6f}'):format(#statements, clock() - t0))

local function median(f)
  local times, answer = {}, nil
  for i = 1, runs do local t = clock(); answer = f(); times[i] = clock() - t end
  table.sort(times)
  return answer, times[(runs + 1) // 2]
end
local function sorted_json(n)
  local keys = {}
  for k in pairs(n) do keys[#keys + 1] = k end
  table.sort(keys)
  local out = {}
  for i, k in ipairs(keys) do out[i] = ('["%s",%d]'):format(k, n[k]) end
  return "[" .. table.concat(out, ",") .. "]"
end
local function report(q, f)
  local answer, seconds = median(f)
  print(('{"q":"%s","answer":%s,"seconds":%.6f}'):format(q, answer, seconds))
end

report("Q1", function()
  local c = 0
  for _, s in ipairs(statements) do if s.speaker == "Anno Nosaqi" then c = c + 1 end end
  return ('"%d"'):format(c)
end)
report("Q2", function()
  local n = {}
  for _, s in ipairs(statements) do n[s.speaker] = (n[s.speaker] or 0) + 1 end
  local rows = {}
  for k, v in pairs(n) do rows[#rows + 1] = {k, v} end
  table.sort(rows, function(a, b) if a[2] ~= b[2] then return a[2] > b[2] end return a[1] < b[1] end)
  local out = {}
  for i = 1, 10 do out[i] = ('["%s",%d]'):format(rows[i][1], rows[i][2]) end
  return "[" .. table.concat(out, ",") .. "]"
end)
report("Q3", function()
  local n = {}
  for _, s in ipairs(statements) do
    if s.text:lower():find("ceasefire", 1, true) then local y = s.date:sub(1, 4) n[y] = (n[y] or 0) + 1 end
  end
  return sorted_json(n)
end)
report("Q4", function()
  local n = {}
  for _, s in ipairs(statements) do
    if s.date:sub(1, 4) == "2021" then
      for _, t in ipairs(s.topics) do
        if t == "border" then local src = source[s.doc] n[src] = (n[src] or 0) + 1 break end
      end
    end
  end
  return sorted_json(n)
end)
