-- Claims only one outlet carries: statements whose speaker and topic no other outlet reports.
local function run(corpus, params)
  -- For each speaker and topic, the one outlet that reports it, or false once a second one does
  -- (counting the outlets of every pair for every statement took minutes at a million statements).
  local outlet = {}   -- outlet[speaker][topic]
  for _, s in ipairs(corpus.statements) do
    local source = s.doc and s.doc.source or "?"
    local theirs = outlet[s.speaker]
    if not theirs then theirs = {} outlet[s.speaker] = theirs end
    for _, topic in ipairs(s.topics) do
      local seen = theirs[topic]
      if seen == nil then theirs[topic] = source elseif seen ~= source then theirs[topic] = false end
    end
  end
  local shown = 0
  for _, s in ipairs(corpus.statements:sort_by("date")) do
    local source = s.doc and s.doc.source or "?"
    local alone = #s.topics > 0
    local theirs = outlet[s.speaker]
    for _, topic in ipairs(s.topics) do
      if theirs[topic] == false then alone = false end
    end
    if alone and (not params.source or params.source == source) then
      shown = shown + 1
      print(("%s only: %s (%s) — %s"):format(source, s.speaker, table.concat(s.topics, ", "), s.text))
    end
  end
  print(("%d statement%s carried by one outlet only"):format(shown, shown == 1 and "" or "s"))
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
