-- :ClaimlsReport with the real binary: loads editors/nvim as a user does, opens
-- a copy of the bundled example, runs the command into a folder, and checks
-- that `claimls report` wrote the page (highlights, graph) and that it was
-- handed to vim.ui.open; a buffer that is no annotation gets a message, no page.
--
-- The binary: $CLAIMLS_BIN, else target/debug/claimls of this repository. When
-- it is missing the test is skipped, and fails under CI=true.
-- Run: nvim --headless -u NONE -i NONE -l editors/nvim/test/report_test.lua
vim.cmd('filetype on')
local script_dir = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
package.path = script_dir .. '/?.lua;' .. package.path
local t = require('helpers')

local repo = vim.fn.fnamemodify(t.editors_dir, ':h')
local bin = t.server_bin()
if not bin then
  return
end

local dir = vim.fn.resolve(vim.fn.tempname() .. '-claimls-report-test')
vim.fn.mkdir(dir .. '/.git', 'p')
local example = repo .. '/examples/000_a935861ad7be96ce'
vim.fn.writefile(vim.fn.readfile(example .. '.txt', 'b'), dir .. '/000_a935861ad7be96ce.txt', 'b')
vim.fn.writefile(vim.fn.readfile(example .. '.claims', 'b'), dir .. '/000_a935861ad7be96ce.claims', 'b')

vim.g.claimls_cmd = bin
t.load_plugin()
local opened = {}
vim.ui.open = function(path)
  table.insert(opened, path)
  return nil, nil
end
local notes = {}
vim.notify = function(msg, level)
  table.insert(notes, { msg = msg, level = level })
end

vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/000_a935861ad7be96ce.claims'))
t.eq('filetype', vim.bo.filetype, 'claims')
t.check(':ClaimlsReport exists in the annotation buffer', vim.fn.exists(':ClaimlsReport') == 2)
vim.cmd('ClaimlsReport ' .. vim.fn.fnameescape(dir .. '/site'))
local page = dir .. '/site/000_a935861ad7be96ce.html'
t.check('the page was written', vim.fn.filereadable(page) == 1, vim.inspect(notes))
local html = table.concat(vim.fn.readfile(page), '\n')
t.check('the page highlights quotes', html:find('class="hl ', 1, true) ~= nil)
t.check('the page has the attribution graph', html:find('<svg class="graph"', 1, true) ~= nil)
t.eq('the page was opened', opened, { page })
t.check('the user is told where it is', notes[1] and notes[1].msg:find(page, 1, true) ~= nil, vim.inspect(notes))

-- Not an annotation: no command there, and the module refuses with a message.
vim.cmd('enew')
t.check(':ClaimlsReport is local to annotation buffers', vim.fn.exists(':ClaimlsReport') ~= 2)
local none, err = require('claimls.report').run(0, dir .. '/other')
t.check('no page for a non-annotation buffer', none == nil and err:find('%.claims') ~= nil, tostring(err))
t.eq('nothing else was opened', #opened, 1)

vim.fn.delete(dir, 'rf')
t.finish()
