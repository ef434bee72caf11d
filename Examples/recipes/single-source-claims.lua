-- Claims only one outlet carries: statements whose speaker and topic no other outlet reports.
local function run(corpus, params)
  local outlets = {}
  for _, s in ipairs(corpus.statements) do
    local source = s.doc and s.doc.source or "?"
    for _, topic in ipairs(s.topics) do
      local key = s.speaker .. "\0" .. topic
      outlets[key] = outlets[key] or {}
      outlets[key][source] = true
    end
  end
  local shown = 0
  for _, s in ipairs(corpus.statements:sort_by("date")) do
    local source = s.doc and s.doc.source or "?"
    local alone = #s.topics > 0
    for _, topic in ipairs(s.topics) do
      local n = 0
      for _ in pairs(outlets[s.speaker .. "\0" .. topic]) do n = n + 1 end
      if n > 1 then alone = false end
    end
    if alone and (not params.source or params.source == source) then
      shown = shown + 1
      print(("%s only: %s (%s) — %s"):format(source, s.speaker, table.concat(s.topics, ", "), s.text))
    end
  end
  print(("%d statements carried by one outlet only"):format(shown))
end

return {
  name = "single-source-claims",
  description = "Statements whose speaker and topics only one outlet reports",
  params = {
    source = {type = "string", optional = true, help = "only claims carried by this outlet"},
  },
  run = run,
  examples = {
    {params = {source = "Blog report"}, expect = "expected/single-source-claims-blog.txt"},
  },
}
