-- wrk script for `python -m bench.load`: request the URLs of a file in turn, stop each wrk
-- thread after its share of responses and say so in a file (wrk itself waits out -d: the
-- driver interrupts it once every thread is done), and print the totals as one JSON line.
--   wrk -t2 -c200 -d120s -s bench/load.lua http://127.0.0.1:PORT -- urls.txt 5000 done.txt
local urls = {}
local position = 0
local budget = 0
local answered = 0
local done_file = nil

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then urls[#urls + 1] = line end
  end
  budget = tonumber(args[2])
  done_file = args[3]
  position = math.random(#urls) - 1
end

function request()
  position = position % #urls + 1
  return wrk.format("GET", urls[position])
end

function response(status, headers, body)
  answered = answered + 1
  if answered == budget then
    local file = io.open(done_file, "a")
    file:write("done\n")
    file:close()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "bytes": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d, "p50_ms": %.2f, "p90_ms": %.2f, ' ..
    '"p99_ms": %.2f, "p999_ms": %.2f, "max_ms": %.2f, "mean_ms": %.2f}\n',
    summary.requests, summary.duration / 1e6, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000,
    latency.mean / 1000))
end
