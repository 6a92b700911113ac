-- End-to-end test of the Neovim plugin with the real language server.
--
-- Loads editors/nvim the way a user does ('runtimepath', then
-- `vim.lsp.enable('claimls')`), with g:claimls_cmd pointing at the binary, and
-- works on copies of examples/000_a935861ad7be96ce.{claims,txt} in a temporary
-- folder: the annotation with a typo in one quote, and the clean annotation.
-- Checks: the client attaches with the plugin's configuration; the typo gives
-- one C011 at the quote (with the article text as related information) and the
-- clean copy gives no error; hover on a `source:` value says who the article
-- credits, then shows the actor card (canonical name, mention count);
-- completion after `  source: ` offers the actors, the nearest first, and accepting one completes the line; the syntax
-- file highlights the claim; an edit that fixes the typo clears the error; the
-- server shuts down and its process exits with status 0.
--
-- The server: $CLAIMLS_BIN, else target/debug/claimls of this repository. When
-- it is missing the test is skipped, and fails under CI=true.
-- Run: nvim --headless -u NONE -i NONE -l editors/nvim/test/e2e_test.lua
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
t.out('server: ' .. bin .. ' lsp')

-- The workspace: a temporary folder (a `.git` in it makes it the root), the
-- article, the annotation with a typo in one quote, and a clean copy.
local dir = vim.fn.tempname() .. '-claimls-e2e'
vim.fn.mkdir(dir .. '/.git', 'p')
dir = vim.fn.resolve(dir)
local article = dir .. '/000_a935861ad7be96ce.txt'
local broken = dir .. '/000_a935861ad7be96ce.claims'
local clean = dir .. '/clean.claims'
local lines = vim.fn.readfile(repo .. '/' .. example .. '.claims')
vim.fn.writefile(vim.fn.readfile(repo .. '/' .. example .. '.txt', 'b'), article, 'b')
vim.fn.writefile(lines, clean)
local right = 'he did not know who was funding the operation'
local typo = 'he did not know who was fundng the operation'
local typo_lnum -- 1-based
local broken_lines = {}
for i, l in ipairs(lines) do
  local s, n = l:gsub(vim.pesc(right), typo)
  if n > 0 then
    typo_lnum = i
  end
  broken_lines[i] = s
end
t.check('the example has the quote to break', typo_lnum ~= nil)
vim.fn.writefile(broken_lines, broken)

-- The plugin, as a user loads it.
vim.g.claimls_cmd = bin
vim.g.claimls_debounce_ms = 0
vim.o.hidden = true
t.load_plugin()

-- Record the publications (uri, version) without changing the handler.
local published = {}
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  table.insert(published, { uri = result.uri, version = result.version, n = #result.diagnostics })
  return default_handler(err, result, ctx, config)
end
local exited
vim.lsp.config('claimls', {
  on_exit = function(code, signal)
    exited = { code = code, signal = signal }
  end,
})
vim.lsp.enable('claimls')

local function wait_published(uri, version)
  return vim.wait(TIMEOUT, function()
    for _, p in ipairs(published) do
      if p.uri == uri and (version == nil or p.version == version) then
        return true
      end
    end
    return false
  end, 20)
end

local function line_of(buf, needle, from)
  for l = from or 1, vim.api.nvim_buf_line_count(buf) do
    local s = vim.api.nvim_buf_get_lines(buf, l - 1, l, true)[1]
    local col = s:find(needle, 1, true)
    if col then
      return l, col - 1 -- 1-based line, 0-based byte column
    end
  end
end

-- 1. The broken copy: the client attaches, one C011 at the typo.
vim.cmd.edit(vim.fn.fnameescape(broken))
local buf = vim.api.nvim_get_current_buf()
t.eq('filetype', vim.bo[buf].filetype, 'claims')
local client
vim.wait(TIMEOUT, function()
  client = vim.lsp.get_clients({ bufnr = buf, name = 'claimls' })[1]
  return client ~= nil and client.initialized == true
end, 20)
t.check('client claimls attached and initialized', client ~= nil and client.initialized == true)
if not client then
  t.finish()
  return
end
t.eq('cmd from lsp/claimls.lua and g:claimls_cmd', client.config.cmd, { bin, 'lsp' })
t.eq('root_dir is the temporary folder', client.root_dir, dir)
t.eq('server name and version', client.server_info, { name = 'claimls', version = '0.1.0' })
t.check('server pid known', #vim.api.nvim_get_proc_children(vim.fn.getpid()) > 0)
local server_pids = vim.api.nvim_get_proc_children(vim.fn.getpid())

local uri = vim.uri_from_bufnr(buf)
t.check('diagnostics published for the broken copy', wait_published(uri))
local diags = vim.diagnostic.get(buf)
t.eq('one diagnostic', #diags, 1)
local d = diags[1] or {}
local typo_col = (lines[typo_lnum] or ''):find(right, 1, true)
t.eq('C011 at the typo (code, severity, source)', { d.code, d.severity, d.source }, { 'C011', vim.diagnostic.severity.ERROR, 'claimls' })
t.eq('C011 range covers the quote', { d.lnum, d.col, d.end_lnum, d.end_col }, {
  typo_lnum - 1,
  (typo_col or 0) - 1,
  typo_lnum - 1,
  (typo_col or 0) - 1 + #typo,
})
t.check('C011 message names the typo', (d.message or ''):find('`fundng` should be `funding`', 1, true) ~= nil, d.message)
local lsp_diag = vim.tbl_get(d, 'user_data', 'lsp') or {}
local related = (lsp_diag.relatedInformation or {})[1] or {}
t.eq('related information points into the article', vim.tbl_get(related, 'location', 'uri'), vim.uri_from_fname(article))
t.eq('related range is the article sentence (line 9)', vim.tbl_get(related, 'location', 'range', 'start', 'line'), 8)

-- 2. The clean copy: the same client, no error.
vim.cmd.edit(vim.fn.fnameescape(clean))
local clean_buf = vim.api.nvim_get_current_buf()
t.check('diagnostics published for the clean copy', wait_published(vim.uri_from_bufnr(clean_buf)))
t.eq('the same client serves the clean copy', (vim.lsp.get_clients({ bufnr = clean_buf, name = 'claimls' })[1] or {}).id, client.id)
t.eq('the clean copy has no error', #vim.diagnostic.get(clean_buf, { severity = vim.diagnostic.severity.ERROR }), 0)
t.eq('the clean copy has no diagnostic at all', #vim.diagnostic.get(clean_buf), 0)

-- 3. Hover on an actor reference (`source:` value) in the broken copy.
vim.cmd.buffer(buf)
local src_lnum, src_col = line_of(buf, 'source: Syrian national')
vim.api.nvim_win_set_cursor(0, { src_lnum, src_col + #'source: Syr' })
local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
local hover = client:request_sync('textDocument/hover', params, TIMEOUT, buf)
local md = vim.tbl_get(hover or {}, 'result', 'contents', 'value') or ''
t.eq('hover is Markdown', vim.tbl_get(hover or {}, 'result', 'contents', 'kind'), 'markdown')
t.check('hover: opens with who the article credits', md:find('The article credits: Syrian national (said', 1, true) == 1, md)
t.check('hover: the canonical name as the title', md:find('\n### Syrian national\n', 1, true) ~= nil, md)
t.check('hover: the mention count', md:find('**Mentioned 5 times** in the article', 1, true) ~= nil, md)
t.check('hover: the aliases', md:find('**Also called:** The man, Syrian man, former rebel', 1, true) ~= nil, md)

-- The same hover as a user sees it: `K` (vim.lsp.buf.hover) opens a float.
vim.lsp.buf.hover()
local float
vim.wait(TIMEOUT, function()
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= '' then
      float = w
      return true
    end
  end
  return false
end, 20)
local shown = float and table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false), '\n') or ''
t.check('hover float shows the actor card', shown:find('Syrian national', 1, true) ~= nil and shown:find('Mentioned 5 times', 1, true) ~= nil, shown)
if float then
  vim.api.nvim_win_close(float, true)
end

-- 4. Syntax: the claim block keyword is highlighted.
local claim_lnum = line_of(buf, 'claim moscow-concern')
t.eq('syntax: `claim` is claimsBlockKeyword', vim.fn.synIDattr(vim.fn.synID(claim_lnum, 1, 1), 'name'), 'claimsBlockKeyword')
t.eq('syntax: the claim id', vim.fn.synIDattr(vim.fn.synID(claim_lnum, 7, 1), 'name'), 'claimsClaimId')

-- 5. Completion after `  source: ` in claim moscow-concern.
local src = line_of(buf, '  source: Russian Foreign Ministry', claim_lnum)
vim.api.nvim_buf_set_lines(buf, src - 1, src, true, { '  source: ' })
t.eq('omnifunc set by the LSP client', vim.bo[buf].omnifunc, 'v:lua.vim.lsp.omnifunc')
-- The cursor after the space, where Insert mode has it (Normal mode cannot
-- put it past the last character, so the position is given as is).
params = {
  textDocument = { uri = uri },
  position = { line = src - 1, character = #'  source: ' },
  context = { triggerKind = 2, triggerCharacter = ' ' },
}
local completion = client:request_sync('textDocument/completion', params, TIMEOUT, buf)
local result = vim.tbl_get(completion or {}, 'result') or {}
local items = result.items or result
table.sort(items, function(a, b)
  return (a.sortText or a.label) < (b.sortText or b.label)
end)
local labels = vim.tbl_map(function(i)
  return i.label
end, items)
t.eq('completion: the speaker first', labels[1], 'Russian Foreign Ministry')
t.check('completion: the alias is offered', vim.tbl_contains(labels, 'Moscow'), labels)
t.eq('completion: detail of the first item', items[1] and items[1].detail, 'government · 4 mentions')
local declared = {}
for _, l in ipairs(lines) do
  local name = l:match('^actor (.+)$')
  if name then
    table.insert(declared, name)
  end
end
local missing = vim.tbl_filter(function(n)
  return not vim.tbl_contains(labels, n)
end, declared)
t.eq('completion: every declared actor offered', missing, {})
t.check('completion: names from the article offered', vim.tbl_contains(labels, 'Vladimir Putin') and vim.tbl_contains(labels, 'Bashar Assad'), vim.inspect(labels))

-- The menu Neovim builds from that answer (vim.lsp.completion sorts and
-- filters the items for the omnifunc and autocompletion).
local to_menu = vim.lsp.completion and vim.lsp.completion._lsp_to_complete_items
if to_menu then
  local menu = to_menu(result, '', client.id)
  t.eq('completion menu: first entry', menu[1] and menu[1].abbr, 'Russian Foreign Ministry')
  -- Neovim 0.11 takes the word a menu entry inserts from a plain-text textEdit
  -- up to its first space; the plugin's `convert` hands it the whole name.
  t.eq('completion menu: the entry inserts the whole name', menu[1] and menu[1].word, 'Russian Foreign Ministry')
  t.eq('completion menu: its kind and detail', menu[1] and { menu[1].kind, menu[1].menu }, { 'Class', 'government · 4 mentions' })
end
-- Accepting the first item applies its textEdit: the line is whole again.
local edit = items[1] and items[1].textEdit
t.check('completion: the item carries a textEdit', edit ~= nil)
if edit then
  vim.lsp.util.apply_text_edits({ edit }, buf, client.offset_encoding)
end
t.eq('completion: the accepted item completes the line', vim.api.nvim_buf_get_lines(buf, src - 1, src, true)[1], '  source: Russian Foreign Ministry')

-- 6. An edit that fixes the typo clears the error (incremental sync).
local before = #published
vim.api.nvim_buf_set_text(buf, typo_lnum - 1, typo_col - 1 + #'he did not know who was ', typo_lnum - 1, typo_col - 1 + #'he did not know who was fundng', { 'funding' })
local fixed = vim.wait(TIMEOUT, function()
  return #published > before and #vim.diagnostic.get(buf) == 0
end, 20)
t.check('fixing the typo clears the diagnostics', fixed, vim.inspect(vim.diagnostic.get(buf)))

-- 7. Clean shutdown: shutdown request, exit notification, the process ends.
client:stop()
vim.wait(TIMEOUT, function()
  return exited ~= nil
end, 20)
t.check('client stopped', client:is_stopped())
t.eq('server exit code and signal', exited, { code = 0, signal = 0 })
local left = vim.tbl_filter(function(pid)
  return vim.tbl_contains(vim.api.nvim_get_proc_children(vim.fn.getpid()), pid)
end, server_pids)
t.eq('server process gone', left, {})

vim.fn.delete(dir, 'rf')
t.finish()
