-- Neovim 0.11+ configuration of the claimls language server. With this
-- folder on 'runtimepath', enabling it is all a user writes:
--
--   vim.lsp.enable('claimls')
--
-- The command is `claimls lsp` from PATH. To use another binary, set before
-- the first .claims buffer opens either
--   vim.g.claimls_cmd = '/path/to/claimls'              -- `lsp` is appended
--   vim.g.claimls_cmd = { '/path/to/claimls', 'lsp' }   -- used as is
-- or override any field the standard way:
--   vim.lsp.config('claimls', { cmd = { '/path/to/claimls', 'lsp' } })
--
-- Optional settings sent as initializationOptions (same keys as VS Code's):
--   vim.g.claimls_rules = { C021 = 'off', ['cue-not-near-quote'] = 'hint' }
--   vim.g.claimls_debounce_ms = 150
-- Completion pops up as you type with vim.g.claimls_autocomplete = true;
-- otherwise use <C-x><C-o>.

local cmd = { 'claimls', 'lsp' }
local override = vim.g.claimls_cmd
if type(override) == 'string' and override ~= '' then
  cmd = { override, 'lsp' }
elseif type(override) == 'table' and #override > 0 then
  cmd = override
end

local init_options = vim.empty_dict()
if type(vim.g.claimls_rules) == 'table' and next(vim.g.claimls_rules) ~= nil then
  init_options.rules = vim.g.claimls_rules
end
if type(vim.g.claimls_debounce_ms) == 'number' then
  init_options.debounceMs = vim.g.claimls_debounce_ms
end

-- Actor names have spaces in them. Neovim 0.11 builds a completion entry's
-- inserted word from a plain-text edit up to its first space, so without this
-- accepting "Russian Foreign Ministry" would insert "Russian" only: hand
-- Neovim the whole text of the server's edit instead.
local function on_attach(client, bufnr)
  local completion = vim.lsp.completion
  if not (completion and completion.enable) then
    return
  end
  completion.enable(true, client.id, bufnr, {
    autotrigger = vim.g.claimls_autocomplete == true,
    convert = function(item)
      local edit = item.textEdit
      local text = (edit and edit.newText) or item.insertText or item.label
      return { word = vim.trim(text) ~= '' and text or item.label }
    end,
  })
end

-- The "N claims" code lens above an actor runs `claimls.showReferences`
-- with the uses as locations: they go to the quickfix list.
local commands = {
  ['claimls.showReferences'] = function(command, ctx)
    local client = vim.lsp.get_client_by_id(ctx.client_id)
    local locations = (command.arguments or {})[3] or {}
    local items = vim.lsp.util.locations_to_items(locations, client and client.offset_encoding or 'utf-16')
    vim.fn.setqflist({}, ' ', { title = command.title, items = items })
    if #items > 0 then
      vim.cmd('botright copen')
    end
  end,
}

return {
  cmd = cmd,
  commands = commands,
  filetypes = { 'claims' },
  root_markers = { 'claimls.toml', '.git' },
  init_options = init_options,
  on_attach = on_attach,
}
