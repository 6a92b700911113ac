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

--- The claimls binary the end-to-end tests drive: $CLAIMLS_BIN, else this
--- repository's target/debug/claimls. Nil when it is missing, and then the run
--- is over: skipped, or failed under CI=true.
function M.server_bin()
  local repo = vim.fn.fnamemodify(M.editors_dir, ':h')
  local bin = os.getenv('CLAIMLS_BIN')
  if bin == nil or bin == '' then
    bin = repo .. '/target/debug/claimls'
  end
  bin = vim.fn.fnamemodify(bin, ':p')
  if vim.fn.executable(bin) == 1 then
    return bin
  end
  if os.getenv('CI') == 'true' then
    M.check('claimls binary at ' .. bin .. ' (build it, or set CLAIMLS_BIN)', false)
    M.finish()
    return nil
  end
  M.out('SKIP: no claimls binary at ' .. bin .. ' (cargo build, or set CLAIMLS_BIN)')
  vim.cmd('qall!')
  return nil
end

--- Finishes the run: the summary line, and the exit code.
function M.finish()
  M.out(string.format('%d passed, %d failed', passed, failed))
  vim.cmd((failed == 0 and passed > 0) and 'qall!' or 'cquit! 1')
end

return M
