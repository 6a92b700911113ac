-- claimls: `*.claims` files are claim annotations (filetype `claims`).
vim.filetype.add({ extension = { claims = 'claims' } })
