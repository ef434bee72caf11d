-- Speaker names that are likely one person written differently ("Khawaja Asif", "Mr. Asif",
-- "Khawaja Muhammad Asif"; "Zabihullah Mujahid", "Zabiullah Mujahid"), with the entity records
-- that would make each group one speaker (its aliases), ready to add to the corpus once checked.
-- Two names go together when every word of the shorter one matches a word of the longer, in
-- order, and their last words (the surname) match: a word matches the same word, its initial
-- ("M." for "Muhammad"), or a spelling with the same first letter one letter away (two in a word
-- of eight or more: "Mohammed", "Muhammad").
-- Titles (Mr., Dr., General, Minister…) are left out, and a name of several ("Pakistan and the
-- Afghan Taliban") is no one's variant. Speakers that already have an entity are counted under
-- its name, so what is shown is what is left to resolve.

local titles = {}
for title in ("mr mrs ms dr gen general lt col maj sheikh sir minister president prime mullah maulana senator sen ambassador spokesman spokesperson"):gmatch("%S+") do
  titles[title] = true
end

local function words(name)
  local out = {}
  for word in name:lower():gmatch("[^%s%p]+") do
    if not titles[word] then out[#out + 1] = word end
  end
  return out
end

-- The edit distance of two short words (Levenshtein), or more than `limit` when it passes it.
local function distance(a, b, limit)
  if math.abs(#a - #b) > limit then return limit + 1 end
  local previous = {}
  for j = 0, #b do previous[j] = j end
  for i = 1, #a do
    local current, best = {[0] = i}, i
    for j = 1, #b do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      current[j] = math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      best = math.min(best, current[j])
    end
    if best > limit then return limit + 1 end
    previous = current
  end
  return previous[#b]
end

local function same_word(a, b)
  if a == b then return true end
  if a:byte(1) ~= b:byte(1) then return false end          -- transliterations keep the initial
  if #a == 1 or #b == 1 then return true end                -- an initial: "M." for "Muhammad"
  if a:find("%d") or b:find("%d") then return false end     -- numbers are not names
  return #a >= 5 and #b >= 5 and distance(a, b, 2) <= (math.min(#a, #b) >= 8 and 2 or 1)
end

-- Whether name words `short` fit into `long` in order, last word to last word.
local function fits(short, long)
  if #short == 0 or #short > #long or not same_word(short[#short], long[#long]) then return false end
  local j = 1
  for i = 1, #short - 1 do
    while j < #long and not same_word(short[i], long[j]) do j = j + 1 end
    if j >= #long then return false end
    j = j + 1
  end
  return true
end

local function json_string(text)
  return '"' .. text:gsub('[%c"\\]', function(c)
    return ({['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t'})[c] or ("\\u%04x"):format(c:byte())
  end) .. '"'
end

local function run(corpus, params)
  local names, counts, parts = {}, {}, {}
  for name, n in corpus.statements:count_by("speaker"):each() do
    names[#names + 1] = name
    counts[name] = n
    parts[name] = words(name)
  end
  local parent = {}           -- groups as a union-find forest: each name's parent, a root its own
  for _, name in ipairs(names) do parent[name] = name end
  local function root(name)
    while parent[name] ~= name do name = parent[name] end
    return name
  end
  -- Names are compared within blocks of the same first letters of their last word (a spelling
  -- variant keeps them), so that thousands of speakers are not compared pair by pair.
  local blocks = {}
  local function several(w)
    for _, word in ipairs(w) do if word == "and" or word == "&" then return true end end
    return false
  end
  for _, name in ipairs(names) do
    local w = parts[name]
    if #w > 0 and not several(w) and not name:find("&", 1, true) then
      local key = w[#w]:sub(1, 3)
      blocks[key] = blocks[key] or {}
      table.insert(blocks[key], name)
    end
  end
  -- A block of many names (a common surname's first letters in a year of Quotebank) is compared
  -- within buckets instead: each name of two words or more under its whole surname and the
  -- initial of each of its other words, so that "Ishaq Dar" meets "Mohammad Ishaq Dar" (one-word
  -- names are left out there: "Khan" could be any of them). The comparisons stop at a budget,
  -- and what was left out is said, so that a large corpus never runs for long.
  local budget, stopped = params.max_comparisons, false
  local function compare(a, b)
    if a == b then return end
    budget = budget - 1
    local wa, wb = parts[a], parts[b]
    if (#wa <= #wb and fits(wa, wb)) or (#wb < #wa and fits(wb, wa)) then
      parent[root(a)] = root(b)
    end
  end
  -- In the order of their keys: Lua's own order of a table's keys changes from run to run, and
  -- with a budget, which blocks are compared must not.
  local function sorted_keys(t)
    local keys = {}
    for key in pairs(t) do keys[#keys + 1] = key end
    table.sort(keys)
    return keys
  end
  for _, key in ipairs(sorted_keys(blocks)) do
    local block = blocks[key]
    if budget <= 0 then stopped = true
    elseif #block <= 300 then
      for i = 1, #block do
        for j = i + 1, #block do compare(block[i], block[j]) end
      end
    else
      local buckets = {}
      for _, name in ipairs(block) do
        local w = parts[name]
        for k = 1, #w - 1 do
          local key = w[#w] .. " " .. w[k]:sub(1, 1)
          buckets[key] = buckets[key] or {}
          local bucket = buckets[key]
          if bucket[#bucket] ~= name then bucket[#bucket + 1] = name end
        end
      end
      for _, bucket_key in ipairs(sorted_keys(buckets)) do
        local bucket = buckets[bucket_key]
        for i = 1, #bucket do
          if budget <= 0 then stopped = true; break end
          for j = i + 1, #bucket do compare(bucket[i], bucket[j]) end
        end
      end
    end
  end
  local groups, order = {}, {}
  for _, name in ipairs(names) do
    local r = root(name)
    if not groups[r] then groups[r] = {}; order[#order + 1] = r end
    table.insert(groups[r], name)
  end
  local shown = {}
  for _, r in ipairs(order) do
    local group = groups[r]
    if #group >= 2 then
      -- The name to keep: the most quoted, then the longest, then in alphabetical order.
      table.sort(group, function(a, b)
        if counts[a] ~= counts[b] then return counts[a] > counts[b] end
        if #parts[a] ~= #parts[b] then return #parts[a] > #parts[b] end
        return a < b
      end)
      local total = 0
      for _, name in ipairs(group) do total = total + counts[name] end
      shown[#shown + 1] = {names = group, total = total}
    end
  end
  table.sort(shown, function(a, b) if a.total ~= b.total then return a.total > b.total end return a.names[1] < b.names[1] end)
  if stopped then
    print(("The comparisons stopped at --max-comparisons %d: some names were not compared (narrow the statements with where first, or raise it).\n"):format(params.max_comparisons))
  end
  if #shown == 0 then
    print(("No two of the %d speaker names look like one person."):format(#names))
    return
  end
  print(("%d group%s of speaker names that may be one person (of %d names):\n"):format(#shown, #shown == 1 and "" or "s", #names))
  for _, g in ipairs(shown) do
    print(("%s (%d statement%s in all)"):format(g.names[1], g.total, g.total == 1 and "" or "s"))
    local width = 0
    for _, name in ipairs(g.names) do width = math.max(width, name:width()) end
    for _, name in ipairs(g.names) do print("  " .. name:ljust(width) .. "  " .. tostring(counts[name]):rjust(5)) end
    print()
  end
  print("Entity records that would make each group one speaker (check each, then add them to the corpus):")
  for _, g in ipairs(shown) do
    local aliases = {}
    for i = 2, #g.names do aliases[#aliases + 1] = json_string(g.names[i]) end
    print(('{"type": "entity", "name": %s, "aliases": [%s]}'):format(json_string(g.names[1]), table.concat(aliases, ", ")))
  end
end

return {
  name = "speaker-variants",
  description = "Speaker names that are likely one person written differently, with the entity records (aliases) that would join them",
  params = {
    max_comparisons = {type = "integer", default = 5000000, help = "how many pairs of names to compare at most (about 4 s for the default): past it, the comparisons stop and say so"},
  },
  run = run,
  examples = {
    {corpus = "corpora/speaker-variants.jsonl", expect = "expected/speaker-variants.txt"},
    {corpus = "corpora/speaker-variants.jsonl", params = {max_comparisons = 5}, expect = "expected/speaker-variants-budget.txt"},
    {params = {}, expect = "expected/speaker-variants-example.txt"},
  },
}
