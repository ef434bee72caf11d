-- Quotes on a topic, with who said them, when and which outlet reported them.
local function run(corpus, params)
  local found = corpus.statements:where{topics = params.topic}
  if params.kind then found = found:where{kind = params.kind} end
  found = found:sort_by("date")
  print(("%d statement%s on %q"):format(#found, #found == 1 and "" or "s", params.topic))
  for _, s in ipairs(found) do
    local words = s.kind == "direct" and ("“" .. s.text .. "”") or s.text
    print(("- %s (%s), %s, %s: %s"):format(s.speaker, s.role or s.affiliation or "no role given",
      s.date or s.date_text or "undated", s.doc and s.doc.source or "no source", words))
  end
end

return {
  name = "quotes-on-topic",
  description = "The statements on one topic with speaker, date and outlet",
  params = {
    topic = {type = "string", help = "the topic, as tagged in the corpus (ceasefire, talks, casualties…)"},
    kind = {type = "list", optional = true, help = "only these kinds (direct, indirect, mixed, according_to)"},
  },
  run = run,
  examples = {
    {params = {topic = "ceasefire"}, expect = "expected/quotes-on-topic-ceasefire.txt"},
    {params = {topic = "talks", kind = "direct"}, expect = "expected/quotes-on-topic-talks-direct.txt"},
  },
}
