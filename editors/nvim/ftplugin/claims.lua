-- Filetype plugin for claim annotation files (`*.claims`), part of claimls.
if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = 1

-- Full-line '#' comments (gc / gcc in Neovim 0.10+ use 'commentstring').
vim.bo.commentstring = '# %s'
vim.bo.comments = ':#'
-- Break long comment lines, never values: a value is the rest of its line,
-- continued only on lines indented deeper than its field.
vim.bo.formatoptions = vim.bo.formatoptions:gsub('t', '') .. 'cqj'
-- Hyphenated claim ids (`moscow-concern`) are one word for `*`, `w`, `ciw`.
vim.opt_local.iskeyword:append('-')
-- Fields are indented with two spaces by convention.
vim.bo.expandtab = true
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2
vim.bo.autoindent = true

local undo = {
  'setlocal commentstring< comments< formatoptions< iskeyword< expandtab< shiftwidth< softtabstop< autoindent<',
}

-- Folding by block: `actor ...` and `claim ...` at column 0 start a fold, the
-- indented lines of the block are in it, a blank line takes the level of the
-- line before it, and other column-0 lines (header fields, comments between
-- blocks) are outside any fold. Folds start open; `zM` closes them all.
-- Set `vim.g.claims_folding = false` to leave folding alone.
if vim.g.claims_folding ~= false and vim.g.claims_folding ~= 0 then
  vim.wo[0][0].foldmethod = 'expr'
  vim.wo[0][0].foldexpr = [[getline(v:lnum) =~# '^\%(actor\|claim\)\%(\s\|$\)' ? '>1' : getline(v:lnum) =~# '^\s*$' ? '=' : getline(v:lnum) =~# '^\s' ? '1' : '0']]
  vim.wo[0][0].foldlevel = 99
  table.insert(undo, 'setlocal foldmethod< foldexpr< foldlevel<')
end

-- :ClaimlsReport [DIR] writes this annotation's HTML report and opens it
-- (lua/claimls/report.lua).
vim.api.nvim_buf_create_user_command(0, 'ClaimlsReport', function(opts)
  require('claimls.report').command(opts)
end, { nargs = '?', complete = 'dir', desc = 'claimls: write and open the HTML report of this annotation' })
table.insert(undo, 'delcommand -buffer ClaimlsReport')

vim.b.undo_ftplugin = (vim.b.undo_ftplugin and (vim.b.undo_ftplugin .. ' | ') or '') .. table.concat(undo, ' | ')
