-- wrk script: signed-in users from a file, one random user per request.
-- Environment: BENCH_USERS (file of "cookie<TAB>csrf" lines), BENCH_PATH, BENCH_METHOD, BENCH_BODY
-- (a body template where {uid} becomes a unique id and {csrf} the user's token), BENCH_OUT (JSON out),
-- BENCH_HEADERS (optional "Name: value" lines sent with every request: through nginx, the Host, the
-- Accept-Encoding a browser sends and the Referer a form posted over https needs; bench/through_proxy.py).
local users = {}
for line in io.lines(os.getenv("BENCH_USERS")) do
  local cookie, csrf = line:match("([^\t]*)\t(.*)")
  users[#users + 1] = {cookie = cookie, csrf = csrf}
end
local path = os.getenv("BENCH_PATH")
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY") or ""
local extra = {}
for name, value in (os.getenv("BENCH_HEADERS") or ""):gmatch("([^:\n]+):%s*([^\n]*)") do
  extra[name] = value
end
local counter = 0
local thread_tag = ""

function setup(thread)
  thread:set("tag", tostring(math.random(100000, 999999)))
end

function init(args)
  thread_tag = tag or tostring(math.random(100000, 999999))
  math.randomseed(os.time() + tonumber(thread_tag))
end

function request()
  local user = users[math.random(#users)]
  local headers = {["Cookie"] = user.cookie}
  for name, value in pairs(extra) do
    headers[name] = value
  end
  if method == "POST" then
    counter = counter + 1
    local uid = string.format("%08x-%04x-4000-8000-%012x", tonumber(thread_tag), counter % 65536, counter)
    local filled = body:gsub("{uid}", uid):gsub("{csrf}", user.csrf)
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", path, headers, filled)
  end
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  local out = io.open(os.getenv("BENCH_OUT"), "w")
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  out:write(string.format(
    '{"requests": %d, "seconds": %f, "non2xx3xx": %d, "errors": %d, "p50": %f, "p95": %f, "p99": %f}',
    summary.requests, summary.duration / 1e6, summary.errors.status, errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
  out:close()
end
