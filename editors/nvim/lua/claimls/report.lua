-- `:ClaimlsReport [DIR]`: writes the HTML report of the current annotation with
-- `claimls report FILE -o DIR` and opens it with vim.ui.open (the system's
-- browser). DIR defaults to vim.g.claimls_report_dir, else a new temporary
-- folder. The binary is the one the language server uses (vim.g.claimls_cmd,
-- else `claimls` on PATH). Set vim.g.claimls_report_open = false to only write.
local M = {}

local function binary()
  local cmd = vim.g.claimls_cmd
  if type(cmd) == 'string' and cmd ~= '' then
    return cmd
  elseif type(cmd) == 'table' and #cmd > 0 then
    return cmd[1]
  end
  return 'claimls'
end

--- Writes the report of buffer `bufnr` (0: current) into `dir` and opens it.
--- Returns the page's path, or nil and a message.
function M.run(bufnr, dir)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file == '' or vim.bo[bufnr].filetype ~= 'claims' then
    return nil, 'claimls: open a saved .claims file to see its report'
  end
  if vim.bo[bufnr].modified then
    -- The report reads the file: save it first, as "Show Report" in VS Code does.
    vim.api.nvim_buf_call(bufnr, function()
      vim.cmd('silent write')
    end)
  end
  if dir == nil or dir == '' then
    dir = vim.g.claimls_report_dir
  end
  if dir == nil or dir == '' then
    dir = vim.fn.tempname() .. '-claimls-report'
  end
  dir = vim.fn.fnamemodify(dir, ':p')
  local ok, result = pcall(function()
    return vim.system({ binary(), 'report', file, '-o', dir }, {
      text = true,
      cwd = vim.fn.fnamemodify(file, ':h'),
    }):wait(60000)
  end)
  if not ok then
    return nil, 'claimls: cannot run ' .. binary() .. ': ' .. tostring(result)
  end
  local page
  for line in (result.stdout or ''):gmatch('[^\r\n]+') do
    if line:match('%.html$') then
      page = line
      break
    end
  end
  if result.code ~= 0 or not page then
    local why = (result.stderr or ''):match('error: [^\n]+') or vim.trim(result.stderr or '')
    return nil, 'claimls: the report failed: ' .. (why ~= '' and why or 'no page was written')
  end
  page = vim.fn.fnamemodify(page, ':p')
  if vim.g.claimls_report_open ~= false and vim.g.claimls_report_open ~= 0 then
    vim.ui.open(page)
  end
  return page
end

--- The user command's body.
function M.command(opts)
  local page, err = M.run(0, opts.args)
  if page then
    vim.notify('claimls: report written to ' .. page, vim.log.levels.INFO)
  else
    vim.notify(err, vim.log.levels.ERROR)
  end
end

return M
