-- A stand-in language server for the plugin tests, run as
--   nvim --headless -u NONE -l fake_server.lua [ARGS...]
-- It speaks LSP over stdio (Content-Length framing), answers initialize and
-- shutdown, and on didOpen publishes one diagnostic whose message carries
-- what the client sent: the command-line arguments and initializationOptions.
-- It lets the tests check the plugin's wiring before the real claimls exists.
-- arg[0] is this script; arg[1..] are the arguments the client passed.
local args = {}
for i = 1, #(arg or {}) do
  args[i] = arg[i]
end
local init_options = vim.NIL

local function send(msg)
  msg.jsonrpc = '2.0'
  local body = vim.json.encode(msg)
  io.stdout:write('Content-Length: ' .. #body .. '\r\n\r\n' .. body)
  io.stdout:flush()
end

local function read_message()
  local length
  while true do
    local line = io.stdin:read('*l')
    if line == nil then
      return nil
    end
    line = line:gsub('\r$', '')
    if line == '' then
      break
    end
    local n = line:match('^[Cc]ontent%-[Ll]ength:%s*(%d+)')
    if n then
      length = tonumber(n)
    end
  end
  if not length then
    return nil
  end
  local body = io.stdin:read(length)
  if not body then
    return nil
  end
  return vim.json.decode(body)
end

local shutdown = false
while true do
  local msg = read_message()
  if msg == nil then
    os.exit(shutdown and 0 or 1)
  end
  local method = msg.method
  if method == 'initialize' then
    init_options = msg.params.initializationOptions or vim.NIL
    send({
      id = msg.id,
      result = {
        capabilities = { textDocumentSync = 1, definitionProvider = true },
        serverInfo = { name = 'fake-claimls', version = '0' },
      },
    })
  elseif method == 'textDocument/didOpen' then
    send({
      method = 'textDocument/publishDiagnostics',
      params = {
        uri = msg.params.textDocument.uri,
        version = msg.params.textDocument.version,
        diagnostics = {
          {
            range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 1 } },
            severity = 2,
            code = 'FAKE001',
            source = 'fake-claimls',
            message = 'args=' .. vim.json.encode(args) .. ' init=' .. vim.json.encode(init_options),
          },
        },
      },
    })
  elseif method == 'shutdown' then
    shutdown = true
    send({ id = msg.id, result = vim.NIL })
  elseif method == 'exit' then
    os.exit(shutdown and 0 or 1)
  elseif msg.id ~= nil and method ~= nil then
    send({ id = msg.id, result = vim.NIL })
  end
end
