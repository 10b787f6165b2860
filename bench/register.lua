-- wrk script: POST registrations with a unique email per request, spread
-- round-robin over the session paths given as wrk's arguments.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

function init(args)
  paths = args
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"name":"Bench Person %d-%d","email":"bench-%d-%d-%d@example.org","organisation":"Bench","country":"ID","consent":true}',
    tid, counter, tid, counter, math.random(1, 1000000000))
  return wrk.format(nil, paths[(counter % #paths) + 1], nil, body)
end
