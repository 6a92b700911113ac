-- Shared helpers for the Neovim plugin tests (run with `nvim -l`).
local M = {}

local script = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p')
M.test_dir = vim.fn.fnamemodify(script, ':h')
M.plugin_dir = vim.fn.fnamemodify(M.test_dir, ':h') -- editors/nvim
M.editors_dir = vim.fn.fnamemodify(M.plugin_dir, ':h') -- editors
M.fixture = M.editors_dir .. '/vscode/test/fixtures/sample.claims'

local passed, failed = 0, 0

function M.out(s)
  io.stdout:write(s .. '\n')
  io.stdout:flush()
end

function M.check(name, ok, detail)
  if ok then
    passed = passed + 1
    M.out('ok     ' .. name)
  else
    failed = failed + 1
    M.out('FAIL   ' .. name .. (detail and ('\n         ' .. detail) or ''))
  end
end

function M.eq(name, got, want)
  local ok = vim.deep_equal(got, want)
  M.check(name, ok, (not ok) and ('got ' .. vim.inspect(got) .. ', want ' .. vim.inspect(want)) or nil)
end

--- Loads the plugin the way a user does: the folder on 'runtimepath', then
--- filetype detection, filetype plugins and syntax on.
function M.load_plugin()
  vim.opt.rtp:prepend(M.plugin_dir)
  if vim.g.did_load_filetypes then
    -- Started with --clean or a config: detection ran before the folder was
    -- added, so load its ftdetect scripts now (a plugin manager does the same).
    vim.cmd('runtime! ftdetect/*.lua ftdetect/*.vim')
  end
  vim.cmd('filetype plugin on')
  vim.cmd('syntax on')
end

--- Finishes the run: the summary line, and the exit code.
function M.finish()
  M.out(string.format('%d passed, %d failed', passed, failed))
  vim.cmd((failed == 0 and passed > 0) and 'qall!' or 'cquit! 1')
end

return M
