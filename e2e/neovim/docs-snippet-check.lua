-- Runs after the init.lua snippet of docs/editors.md (nvim -u snippet.lua FILE): the file must get the
-- filetype irqdsl and the server's diagnostics. Writes "filetype=..." and one "code severity" line
-- per diagnostic to IRQDSL_E2E_OUT. Environment: IRQDSL_E2E_OUT, IRQDSL_E2E_TIMEOUT_MS (default 60000).
local out = assert(io.open(os.getenv('IRQDSL_E2E_OUT'), 'w'))
local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  vim.wait(tonumber(os.getenv('IRQDSL_E2E_TIMEOUT_MS') or '60000'), function() return #vim.diagnostic.get(buf) > 0 end, 50)
  out:write('filetype=' .. vim.bo[buf].filetype .. '\n')
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    out:write(string.format('%s %s\n', tostring(d.code), tostring(d.severity)))
  end
end)
if not ok then out:write('error: ' .. tostring(err) .. '\n') end
out:close()
for _, client in ipairs(vim.lsp.get_active_clients()) do client.stop() end
vim.wait(5000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
vim.cmd('qall!')
