-- serve_post.lua: wrk script for `oncorules serve` (bench/serve).
-- Environment: BODY_FILE (POST this body; unset: GET), BODIES_FILE (POST
-- these bodies, one a line, in turn), TOKENS_FILE (one
-- bearer token per line, each used once: threads take every Nth line from
-- TOKEN_OFFSET; THREADS must be wrk's -t).
-- Counts the answers by status; done() prints them as "status N COUNT".
local body, bodies, tokens = nil, nil, nil
local threads = {}

local function read_lines(path)
  local t = {}
  for line in io.lines(path) do t[#t + 1] = line end
  return t
end

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local bf = os.getenv("BODY_FILE")
  if bf and bf ~= "" then
    local f = assert(io.open(bf, "rb")); body = f:read("*a"); f:close()
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  end
  local bsf = os.getenv("BODIES_FILE")
  if bsf and bsf ~= "" then
    bodies = read_lines(bsf)
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  end
  local tf = os.getenv("TOKENS_FILE")
  if tf and tf ~= "" then tokens = read_lines(tf) end
  nthreads = tonumber(os.getenv("THREADS") or "1")
  offset = tonumber(os.getenv("TOKEN_OFFSET") or "0")
  counter = 0
  statuses = {}
end

function request()
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  if tokens then
    local i = offset + counter * nthreads + id + 1
    headers["Authorization"] = "Bearer " .. tokens[((i - 1) % #tokens) + 1]
  end
  local b = body
  if bodies then b = bodies[((counter * nthreads + id) % #bodies) + 1] end
  counter = counter + 1
  return wrk.format(nil, nil, headers, b)
end

function response(status, headers, resp_body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do total[k] = (total[k] or 0) + v end
  end
  for k, v in pairs(total) do io.write(string.format("status %d %d\n", k, v)) end
  io.write(string.format("latency p50 %.3f ms p99 %.3f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("requests %d duration %.3f s errors %d\n", summary.requests,
    summary.duration / 1e6, summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout))  -- not .status: non-2xx answers
end
