-- wrk script: request, in turn, every URL of the file given after `--` (one path a line),
-- each with the headers the lines of BENCH_HEADERS name ("Name: value" separated by "|").
local urls = {}
local headers = {}
local position = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then urls[#urls + 1] = line end
  end
  local spec = os.getenv("BENCH_HEADERS") or ""
  for item in string.gmatch(spec, "[^|]+") do
    local name, value = string.match(item, "^%s*([^:]+):%s*(.-)%s*$")
    if name then headers[name] = value end
  end
  position = math.random(#urls) - 1
end

function request()
  position = position % #urls + 1
  return wrk.format("GET", urls[position], headers)
end
