-- End-to-end test of the editing features with the real language server, as a
-- user reaches them in Neovim: find references, rename (vim.lsp.buf.rename),
-- semantic tokens (Neovim highlights them by itself), "Fix all" as a code
-- action (vim.lsp.buf.code_action with only = source.fixAll), the "N claims"
-- code lens and its command, folding ranges.
--
-- The server: $CLAIMLS_BIN, else target/debug/claimls of this repository. When
-- it is missing the test is skipped, and fails under CI=true.
-- Run: nvim --headless -u NONE -i NONE -l editors/nvim/test/editing_test.lua
vim.cmd('filetype on')
local script_dir = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
package.path = script_dir .. '/?.lua;' .. package.path
local t = require('helpers')

local repo = vim.fn.fnamemodify(t.editors_dir, ':h')
local example = 'examples/000_a935861ad7be96ce'
local TIMEOUT = 20000

local bin = t.server_bin()
if not bin then
  return
end

local dir = vim.fn.tempname() .. '-claimls-editing'
vim.fn.mkdir(dir .. '/.git', 'p')
dir = vim.fn.resolve(dir)
local file = dir .. '/000_a935861ad7be96ce.claims'
vim.fn.writefile(vim.fn.readfile(repo .. '/' .. example .. '.txt', 'b'), dir .. '/000_a935861ad7be96ce.txt', 'b')
local original = vim.fn.readfile(repo .. '/' .. example .. '.claims')
-- Two mistakes "Fix all" repairs: a typo in a quote and a misspelt stance.
local broken = {}
for i, l in ipairs(original) do
  broken[i] = l:gsub('concerned over reports', 'concerned ovr reports'):gsub('stance: denies', 'stance: denise')
end
vim.fn.writefile(broken, file)

vim.g.claimls_cmd = bin
vim.g.claimls_debounce_ms = 0
t.load_plugin()
local published = 0
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published = published + 1
  return default_handler(err, result, ctx, config)
end
vim.lsp.enable('claimls')

vim.cmd.edit(vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client
vim.wait(TIMEOUT, function()
  client = vim.lsp.get_clients({ bufnr = buf, name = 'claimls' })[1]
  return client ~= nil and client.initialized == true
end, 20)
t.check('client attached', client ~= nil)
if not client then
  t.finish()
  return
end
vim.wait(TIMEOUT, function()
  return published > 0
end, 20)

local function line_of(needle)
  for l = 1, vim.api.nvim_buf_line_count(buf) do
    local col = vim.api.nvim_buf_get_lines(buf, l - 1, l, true)[1]:find(needle, 1, true)
    if col then
      return l, col - 1
    end
  end
end

-- 1. Find references on an actor declaration.
local l, c = line_of('actor Russian Foreign Ministry')
vim.api.nvim_win_set_cursor(0, { l, c + 8 })
local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
params.context = { includeDeclaration = true }
local refs = (client:request_sync('textDocument/references', params, TIMEOUT, buf) or {}).result or {}
local here = vim.tbl_filter(function(r)
  return r.uri == vim.uri_from_bufnr(buf)
end, refs)
t.eq('references: declaration, two aliases, one use', #here, 4)
t.check('references: mentions in the article too', #refs > #here, vim.inspect(refs))

-- 2. Semantic tokens: Neovim asks for them and highlights the buffer.
local sl, sc = line_of('  source: Azerbaijan')
local token_types = {}
vim.wait(TIMEOUT, function()
  local tokens = vim.lsp.semantic_tokens.get_at_pos(buf, sl - 1, sc + 12) or {}
  token_types = vim.tbl_map(function(x)
    return x.type
  end, tokens)
  return #token_types > 0
end, 50)
t.eq('semantic tokens: a declared source is a class', token_types, { 'class' })
-- The match level arrives with the findings: the server asks Neovim to refresh
-- the tokens once they are published.
local ql, qc = line_of('Moscow was concerned ovr reports')
local quote_tokens = {}
vim.wait(TIMEOUT, function()
  quote_tokens = vim.lsp.semantic_tokens.get_at_pos(buf, ql - 1, qc + 3) or {}
  return quote_tokens[1] ~= nil and quote_tokens[1].modifiers.nearMiss == true
end, 50)
t.check(
  'semantic tokens: the near-miss quote is a string with the nearMiss modifier',
  quote_tokens[1] and quote_tokens[1].type == 'string' and quote_tokens[1].modifiers.nearMiss == true,
  vim.inspect(quote_tokens)
)

-- 3. "Fix all" through the code action menu, applied.
vim.api.nvim_win_set_cursor(0, { 1, 0 })
local before = published
vim.lsp.buf.code_action({ context = { only = { 'source.fixAll' }, diagnostics = {} }, apply = true })
local fixed = vim.wait(TIMEOUT, function()
  return vim.deep_equal(vim.api.nvim_buf_get_lines(buf, 0, -1, true), original)
end, 20)
t.check('fix all: the buffer is the clean example again', fixed)
vim.wait(TIMEOUT, function()
  return published > before and #vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR }) == 0
end, 20)
t.eq('fix all: no error left', #vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR }), 0)

-- 4. Rename an actor from a use, as `:lua vim.lsp.buf.rename('…')` does.
local rl, rc = line_of('  source: Omer Celik')
vim.api.nvim_win_set_cursor(0, { rl, rc + 12 })
vim.lsp.buf.rename('Ömer Çelik', { name = 'claimls' })
local renamed = vim.wait(TIMEOUT, function()
  return line_of('actor Ömer Çelik') ~= nil and line_of('  source: Ömer Çelik') ~= nil
end, 20)
t.check('rename: declaration and use renamed (non-ASCII name)', renamed)
t.check('rename: the old name is gone', line_of('Omer Celik') == nil)

-- 5. Code lens: "N claims" above actors, and its command fills the quickfix list.
vim.lsp.codelens.refresh({ bufnr = buf })
local lenses = {}
vim.wait(TIMEOUT, function()
  lenses = vim.lsp.codelens.get(buf)
  return #lenses > 0
end, 20)
local syrian_line = line_of('actor Syrian national')
local lens
for _, x in ipairs(lenses) do
  if x.range.start.line == syrian_line - 1 then
    lens = x
  end
end
t.eq('code lens: Syrian national has five claims', lens and lens.command and lens.command.title, '5 claims')
if lens and lens.command then
  client:exec_cmd(lens.command, { bufnr = buf })
  t.eq('code lens command: the uses in the quickfix list', #vim.fn.getqflist(), 5)
end

-- 6. Folding ranges from the server: the claim block folds.
local folds = (client:request_sync('textDocument/foldingRange', { textDocument = { uri = vim.uri_from_bufnr(buf) } }, TIMEOUT, buf) or {}).result or {}
local claim_line = line_of('claim moscow-concern')
local folded = vim.tbl_filter(function(f)
  return f.startLine == claim_line - 1
end, folds)
t.check('folding: the claim block is a range', #folded == 1, vim.inspect(folds))

client:stop()
vim.fn.delete(dir, 'rf')
t.finish()
