-- Loads editors/nvim like a user (runtimepath), opens the sample annotation
-- and checks filetype detection, the syntax groups of each construct, the
-- ftplugin settings (comments, folding by block) and the lsp/claimls.lua
-- configuration. Run: nvim --headless -u NONE -l editors/nvim/test/syntax_test.lua
local script_dir = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
package.path = script_dir .. '/?.lua;' .. package.path
local t = require('helpers')

t.load_plugin()
vim.cmd('edit ' .. vim.fn.fnameescape(t.fixture))

t.eq('filetype of *.claims', vim.bo.filetype, 'claims')
t.eq('syntax loaded', vim.b.current_syntax, 'claims')

--- Syntax group (and the standard group it links to) at the first character
--- of `needle` (+ opts.offset) on the first line containing it, searching
--- from opts.line.
local function syn_at(needle, opts)
  opts = opts or {}
  local start = opts.line or 1
  for lnum = start, vim.fn.line('$') do
    local text = vim.fn.getline(lnum)
    local col = text:find(needle, 1, true)
    if col then
      col = col + (opts.offset or 0)
      local name = vim.fn.synIDattr(vim.fn.synID(lnum, col, 1), 'name')
      local hl = name ~= '' and vim.api.nvim_get_hl(0, { name = name }) or {}
      return name, hl.link or '', lnum
    end
  end
  return nil, nil, nil
end

local function line_of(needle)
  for lnum = 1, vim.fn.line('$') do
    if vim.fn.getline(lnum):find(needle, 1, true) then
      return lnum
    end
  end
end

local cases = {
  -- { what, needle, expected group, expected standard group, opts }
  { 'comment (first line)', '# Sample annotation', 'claimsComment', 'Comment' },
  { 'comment between blocks', '# the Armenian', 'claimsComment', 'Comment' },
  { 'header field name', 'article:', 'claimsField', 'Statement' },
  { 'header date value', '2020-10-02', 'claimsDate', 'Number' },
  { 'article path value', 'sample.txt', 'claimsPathValue', 'String' },
  { 'publisher value', 'UrduPoint News', 'claimsActorRef', 'Type' },
  { 'block keyword actor', 'actor Russian', 'claimsBlockKeyword', 'Keyword' },
  { 'actor name', 'Russian Foreign Ministry', 'claimsActorName', 'Type' },
  { 'indented field aka', 'aka:', 'claimsField', 'Statement' },
  { 'alias value', 'Moscow, Russia', 'claimsActorRef', 'Type' },
  { 'kind value', 'government', 'claimsKind', 'Constant' },
  { 'block keyword claim', 'claim moscow-concern', 'claimsBlockKeyword', 'Keyword' },
  { 'claim id', 'moscow-concern', 'claimsClaimId', 'Identifier' },
  { 'claim id (end of it)', 'moscow-concern', 'claimsClaimId', 'Identifier', { offset = 13 } },
  { 'source field', 'source: Russian', 'claimsField', 'Statement' },
  { 'source value', 'Russian Foreign Ministry', 'claimsActorRef', 'Type', { line = line_of('source: Russian') } },
  { 'cue value', 'said in a statement', 'claimsCueValue', 'String' },
  { 'quote field name', 'quote: Moscow', 'claimsField', 'Statement' },
  { 'quote text, first line', 'Moscow was concerned', 'claimsQuote', 'String' },
  { 'quote text, continuation line', 'Nagorno-Karabakh conflict zone', 'claimsQuote', 'String' },
  { 'elision ...', ' ... ', 'claimsElision', 'Special', { offset = 1 } },
  { 'elision …', ' … ', 'claimsElision', 'Special', { offset = 1 } },
  { 'quote text after the elision', 'by Baku', 'claimsQuote', 'String' },
  { 'stance field', 'stance: concerns', 'claimsField', 'Statement' },
  { 'stance value', 'concerns', 'claimsStance', 'Constant', { line = line_of('stance: concerns') } },
  { 'stance value denies', 'denies', 'claimsStance', 'Constant' },
  { 'relation field', 'disputes:', 'claimsField', 'Statement' },
  { 'relation value', 'armenian-accusation', 'claimsClaimRef', 'Identifier', { line = line_of('disputes:') } },
  { 'note value is plain', 'Wednesday statement', 'claimsValue', '' },
}
for _, c in ipairs(cases) do
  local name, linked = syn_at(c[2], c[5])
  t.eq('syntax: ' .. c[1], { name, linked }, { c[3], c[4] })
end

-- Continuation text must not be taken for fields, comments or quotes where
-- the format says otherwise (docs/format.md, "Lexical rules").
vim.cmd('enew')
vim.bo.filetype = 'claims'
vim.api.nvim_buf_set_lines(0, 0, -1, false, {
  'claim c1',
  '  note: long',
  '    more: text',
  '  quote: first line',
  '    # a deeper comment ends the quote',
  '    not a continuation any more',
  'claim Bad_Id',
  '  source: unnamed',
})
local function syn(l, c)
  return vim.fn.synIDattr(vim.fn.synID(l, c, 1), 'name')
end
t.eq('syntax: a deeper `key:` line continues the value', syn(3, 5), 'claimsValue')
t.eq('syntax: quote before a comment', syn(4, 12), 'claimsQuote')
t.eq('syntax: a deeper comment is a comment', syn(5, 5), 'claimsComment')
t.eq('syntax: the comment ended the quote', syn(6, 5), '')
t.eq('syntax: bad claim id', syn(7, 7), 'claimsBadClaimId')
t.eq('syntax: unnamed source', syn(8, 11), 'claimsUnnamed')
vim.cmd('bwipeout!')

-- The repository's own annotations: every claim id, quote line and quote
-- continuation line gets its group.
for _, example in ipairs(vim.fn.glob(t.editors_dir .. '/../examples/*.claims', false, true)) do
  vim.cmd('edit ' .. vim.fn.fnameescape(example))
  local bad, quote_indent = {}, -1
  for l = 1, vim.fn.line('$') do
    local text = vim.fn.getline(l)
    local indent = #text:match('^[ \t]*')
    local blank, comment = text:match('^%s*$') ~= nil, text:match('^%s*#') ~= nil
    local function want(col, group)
      if syn(l, col) ~= group then
        table.insert(bad, string.format('%d:%d %s (want %s)', l, col, syn(l, col), group))
      end
    end
    if not blank and not comment and quote_indent >= 0 and indent > quote_indent then
      want(indent + 1, 'claimsQuote')
    else
      quote_indent = -1
      if comment then
        want(indent + 1, 'claimsComment')
      elseif text:match('^claim ') then
        want(7, 'claimsClaimId')
      elseif text:match('^%s+quote:') then
        quote_indent = indent
        if #text > indent + 8 then
          want(indent + 8, 'claimsQuote')
        end
      end
    end
  end
  t.eq('syntax of ' .. vim.fn.fnamemodify(example, ':t'), bad, {})
  vim.cmd('bwipeout!')
end

-- ftplugin
vim.cmd('buffer ' .. vim.fn.bufnr(t.fixture))
t.eq('ftplugin: commentstring', vim.bo.commentstring, '# %s')
t.eq('ftplugin: foldmethod', vim.wo.foldmethod, 'expr')
t.check('ftplugin: hyphen is a keyword character', vim.opt_local.iskeyword:get()[#vim.opt_local.iskeyword:get()] == '-' or vim.tbl_contains(vim.opt_local.iskeyword:get(), '-'))
t.check('ftplugin: b:undo_ftplugin set', type(vim.b.undo_ftplugin) == 'string' and vim.b.undo_ftplugin:find('commentstring<', 1, true) ~= nil, vim.inspect(vim.b.undo_ftplugin))

local header = line_of('claim moscow-concern')
t.eq('fold: header field outside folds', vim.fn.foldlevel(line_of('article:')), 0)
t.eq('fold: block head starts a fold', vim.fn.foldlevel(header), 1)
t.eq('fold: field inside the block', vim.fn.foldlevel(header + 1), 1)
t.eq('fold: continuation inside the block', vim.fn.foldlevel(line_of('Nagorno-Karabakh conflict zone')), 1)
t.eq('fold: comment between blocks outside folds', vim.fn.foldlevel(line_of('# the Armenian')), 0)
vim.cmd('normal! zM')
local closed, lnum = {}, 1
while lnum <= vim.fn.line('$') do
  local c = vim.fn.foldclosed(lnum)
  if c ~= -1 then
    table.insert(closed, { c, vim.fn.foldclosedend(lnum) })
    lnum = vim.fn.foldclosedend(lnum) + 1
  else
    lnum = lnum + 1
  end
end
t.eq('fold: one closed fold per block (zM)', #closed, 5)
t.eq('fold: the moscow-concern fold spans its block', closed[3] and vim.fn.getline(closed[3][1]), 'claim moscow-concern')
t.check('fold: the fold ends at the last line of the block', closed[3] and vim.fn.getline(closed[3][2]):match('^%s*$') ~= nil or (closed[3] and vim.fn.getline(closed[3][2]):find('note:', 1, true) ~= nil), vim.inspect(closed))

-- Comment toggling with Neovim's built-in gcc uses 'commentstring'.
local stance = line_of('stance: concerns')
vim.api.nvim_win_set_cursor(0, { stance, 0 })
vim.cmd('normal! zR')
vim.cmd('normal gcc')
t.eq('gcc comments a field line', vim.fn.getline(stance), '  # stance: concerns')
vim.cmd('normal gcc')
t.eq('gcc uncomments it', vim.fn.getline(stance), '  stance: concerns')

-- undo_ftplugin restores the settings when the filetype changes.
vim.bo.filetype = 'text'
t.check('undo_ftplugin: commentstring restored', vim.bo.commentstring ~= '# %s' or vim.o.commentstring == '# %s', vim.bo.commentstring)
t.check('undo_ftplugin: foldmethod restored', vim.wo.foldmethod ~= 'expr' or vim.go.foldmethod == 'expr', vim.wo.foldmethod)

-- lsp/claimls.lua (Neovim 0.11 vim.lsp.config from 'runtimepath').
local cfg = vim.lsp.config.claimls
t.check('lsp: vim.lsp.config.claimls resolves from runtimepath', cfg ~= nil)
if cfg then
  t.eq('lsp: cmd', cfg.cmd, { 'claimls', 'lsp' })
  t.eq('lsp: filetypes', cfg.filetypes, { 'claims' })
  t.eq('lsp: root_markers', cfg.root_markers, { 'claimls.toml', '.git' })
end
t.eq('lsp: not enabled by the plugin itself', vim.lsp.is_enabled and vim.lsp.is_enabled('claimls') or false, false)

t.finish()
