-- Starts the language server through the plugin, as a user does:
-- editors/nvim on 'runtimepath', `vim.lsp.enable('claimls')`, open a .claims
-- file. Checks that the client attaches to the buffer with the command and
-- initializationOptions from lsp/claimls.lua, that diagnostics arrive, and
-- that the server shuts down and exits cleanly.
--
-- By default the server is test/fake_server.lua (a stand-in that reports what
-- it received). With CLAIMLS_BIN=/path/to/claimls the real server is used.
-- Run: nvim --headless -u NONE -l editors/nvim/test/lsp_test.lua
local script_dir = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
package.path = script_dir .. '/?.lua;' .. package.path
local t = require('helpers')

local real_bin = os.getenv('CLAIMLS_BIN')
if real_bin == '' then
  real_bin = nil
end
local file = os.getenv('CLAIMS_FILE')
if file == nil or file == '' then
  file = t.fixture
end
file = vim.fn.fnamemodify(file, ':p')

-- The binary: the real one, or a wrapper script around the fake server. A
-- string in g:claimls_cmd gets `lsp` appended by lsp/claimls.lua.
if real_bin then
  vim.g.claimls_cmd = vim.fn.fnamemodify(real_bin, ':p')
  t.out('server: ' .. vim.g.claimls_cmd)
else
  local wrapper = vim.fn.tempname() .. '-claimls'
  vim.fn.writefile({
    '#!/bin/sh',
    'exec ' .. vim.fn.shellescape(vim.v.progpath) .. ' --headless -u NONE -i NONE -l '
      .. vim.fn.shellescape(script_dir .. '/fake_server.lua') .. ' "$@"',
  }, wrapper)
  vim.fn.setfperm(wrapper, 'rwx------')
  vim.g.claimls_cmd = wrapper
  t.out('server: fake_server.lua (set CLAIMLS_BIN to use the real claimls)')
end
vim.g.claimls_rules = { C021 = 'off', ['cue-not-near-quote'] = 'hint' }
vim.g.claimls_debounce_ms = 0

t.load_plugin()

-- Record what the client sees, without changing the configuration.
local diagnostics_seen = {}
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  table.insert(diagnostics_seen, result)
  return default_handler(err, result, ctx, config)
end
local exit_code
vim.lsp.config('claimls', {
  on_exit = function(code)
    exit_code = code
  end,
})

vim.lsp.enable('claimls')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
t.eq('filetype', vim.bo[buf].filetype, 'claims')

local client
vim.wait(20000, function()
  client = vim.lsp.get_clients({ bufnr = buf, name = 'claimls' })[1]
  return client ~= nil and client.initialized == true
end, 50)
t.check('client claimls attached to the buffer and initialized', client ~= nil and client.initialized == true)
if not client then
  t.finish()
  return
end

t.eq('client cmd from lsp/claimls.lua with g:claimls_cmd', client.config.cmd, { vim.g.claimls_cmd, 'lsp' })
t.eq('client root_dir from root_markers', client.root_dir, vim.fs.root(file, { 'claimls.toml', '.git' }))
t.check('server capabilities received', type(client.server_capabilities) == 'table')
if client.server_info then
  t.out('server info: ' .. vim.inspect(client.server_info))
end

local uri = vim.uri_from_fname(file)
vim.wait(20000, function()
  for _, d in ipairs(diagnostics_seen) do
    if d.uri == uri then
      return true
    end
  end
  return false
end, 50)
local got = vim.tbl_filter(function(d)
  return d.uri == uri
end, diagnostics_seen)
t.check('publishDiagnostics received for the file', #got > 0)
for _, d in ipairs(vim.diagnostic.get(buf)) do
  t.out(string.format('  diagnostic %d:%d %s %s', d.lnum + 1, d.col + 1, tostring(d.code), d.message))
end

if not real_bin then
  local d = vim.diagnostic.get(buf)[1]
  t.check('fake server diagnostic shown in the buffer', d ~= nil and d.code == 'FAKE001')
  local msg = d and d.message or ''
  t.check('server started with the `lsp` argument', msg:find('args=["lsp"]', 1, true) ~= nil, msg)
  local init = vim.json.decode(msg:match('init=(.*)$') or 'null')
  t.eq('initializationOptions.rules', type(init) == 'table' and init.rules or nil, vim.g.claimls_rules)
  t.eq('initializationOptions.debounceMs', type(init) == 'table' and init.debounceMs or nil, 0)
elseif os.getenv('EXPECT_CODE') and os.getenv('EXPECT_CODE') ~= '' then
  local want = os.getenv('EXPECT_CODE')
  local found = false
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if tostring(d.code) == want or d.message:find(want, 1, true) then
      found = true
    end
  end
  t.check('a diagnostic with code ' .. want, found)
end

-- Clean shutdown: shutdown request, exit notification, process gone.
client:stop()
vim.wait(10000, function()
  return exit_code ~= nil
end, 50)
t.check('server stopped', client:is_stopped())
t.eq('server exit code', exit_code, 0)

t.finish()
