-- The words that set one group's statements apart from another's (a side, a speaker, an outlet),
-- by keyness as quanteda's textstat_keyness measures it: chi-squared of each word's count in the
-- two groups against their other words', with its p-value. Words both groups use alike are in
-- neither list; a p-value under 0.05 says a difference that large is unlikely to be chance.
local function list(text)
  local items = {}
  for item in (text or ""):gmatch("[^,]+") do items[#items + 1] = item:match("^%s*(.-)%s*$") end
  return items
end

local function run(corpus, params)
  local all = corpus.statements
  local target = all:where{[params.by] = params.target}
  if #target == 0 then
    print(target)      -- says that no statement has it, and the value most like it
    return
  end
  local reference = params.reference and all:where{[params.by] = params.reference} or all:except(target)
  if #reference == 0 then
    print(params.reference and reference or ("Every statement has " .. params.by .. " " .. params.target .. ": nothing to compare with."))
    return
  end
  local against = params.reference or ("the other statements (not " .. params.target .. ")")
  print(("%s %s: %d statement%s; %s: %d.\n"):format(params.by, params.target, #target, #target == 1 and "" or "s", against, #reference))
  local words = target:keyness(reference, {drop = list(params.drop)})
  local function show(title, from, to, step)
    local shown = setmetatable({}, getmetatable(words))
    for i = from, to, step do
      local word = words[i]
      if #shown == params.top or (step > 0 and word.chi2 <= 0) or (step < 0 and word.chi2 >= 0) then break end
      shown[#shown + 1] = word
    end
    print(title)
    print(#shown > 0 and shown or "(none)")
    print()
  end
  show("Used more by " .. params.target .. " (target: its count; reference: the other's)", 1, #words, 1)
  show("Used more by " .. (params.reference or "the others"), #words, 1, -1)
end

return {
  name = "distinctive-words",
  description = "The words one group's statements use more than another's (keyness: chi-squared and p, as quanteda's textstat_keyness)",
  params = {
    by = {type = "string", default = "doc.source", help = "the field whose values make the groups (speaker, doc.source, speaker.country…)"},
    target = {type = "string", help = "the value of that field whose statements are compared"},
    reference = {type = "string", optional = true, help = "the value to compare with (default: every other statement)"},
    top = {type = "integer", default = 10, help = "how many words each way"},
    drop = {type = "string", optional = true, help = "words to leave out, separated by commas (\"said,says\")"},
  },
  run = run,
  examples = {
    {params = {by = "speaker.country", target = "Afghanistan", reference = "Pakistan", top = 6}, expect = "expected/distinctive-words-sides.txt"},
    {params = {target = "Blog report", drop = "afghan"}, expect = "expected/distinctive-words-blog.txt"},
  },
}
