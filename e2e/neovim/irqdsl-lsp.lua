-- End to end with Neovim 0.7 (headless): start `irqdsl lsp`, open an .irqdsl file, wait for the
-- server's diagnostics, then ask for completion after `supported ` on a new line inside
-- msi-parent-ops, and write both (the raw LSP results) as JSON to a file.
-- Environment: IRQDSL_LSP_CMD (JSON array: the server command), IRQDSL_E2E_FILE (the .irqdsl file, in
-- its workspace folder), IRQDSL_E2E_OUT (the JSON file to write), IRQDSL_E2E_TIMEOUT_MS (default 60000).
-- Run: nvim --headless --clean -c 'luafile e2e/neovim/irqdsl-lsp.lua'

local result = { diagnostics = vim.NIL, completion = vim.NIL, hover = vim.NIL, errors = {} }
local out_path = os.getenv('IRQDSL_E2E_OUT') or 'irqdsl-e2e-result.json'
local function write_result()
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end
local function log(msg)
  io.stderr:write('[nvim] ' .. msg .. '\n')
end
local function env(name)
  local value = os.getenv(name)
  if value == nil or value == '' then error(name .. ' is not set') end
  return value
end

local function main()
  local timeout = tonumber(os.getenv('IRQDSL_E2E_TIMEOUT_MS') or '60000')
  local file = env('IRQDSL_E2E_FILE')
  local cmd = vim.fn.json_decode(env('IRQDSL_LSP_CMD'))
  -- The raw publishDiagnostics of the file (with `code`, the check id), before Neovim converts them.
  local uri = vim.uri_from_fname(file)
  local published = nil
  local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
    if params and params.uri == uri then
      published = params.diagnostics
    end
    return default_handler(err, params, ctx, config)
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'irqdsl'

  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'irqdsl',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ':h'),
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  assert(client_id, 'vim.lsp.start_client failed')
  assert(vim.lsp.buf_attach_client(buf, client_id), 'vim.lsp.buf_attach_client failed')
  local client = vim.lsp.get_client_by_id(client_id)

  local t0 = vim.loop.hrtime()
  local ok = vim.wait(timeout, function() return (published ~= nil and #published > 0) or exited ~= nil end, 50)
  if not ok or published == nil then
    error(exited and ('the server exited: ' .. vim.inspect(exited)) or ('no diagnostics within ' .. timeout .. ' ms'))
  end
  log(string.format('%d diagnostics after %.1f s', #published, (vim.loop.hrtime() - t0) / 1e9))
  result.diagnostics = published

  -- A new line `supported ` after the existing `supported ...` line of msi-parent-ops.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local row = nil
  for i, line in ipairs(lines) do
    if line:match('^%s*supported%s') then row = i break end
  end
  assert(row, 'no `supported` line in ' .. file)
  local indent = lines[row]:match('^(%s*)')
  local text = indent .. 'supported '
  vim.api.nvim_buf_set_lines(buf, row, row, false, { text })
  local params = {
    textDocument = { uri = uri },
    position = { line = row, character = #text },  -- 0-based line of the inserted text, after the space
  }
  result.completion_position = params.position
  local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, timeout)
  if not responses then error('textDocument/completion: ' .. tostring(err)) end
  local response = responses[client_id]
  if response == nil then error('textDocument/completion: no response from the irqdsl client') end
  if response.err then error('textDocument/completion: ' .. vim.inspect(response.err)) end
  result.completion = response.result

  -- Hover on the first MSI_FLAG_PCI_MSIX of the file (bonus: the kernel meaning).
  for i, line in ipairs(lines) do
    local col = line:find('MSI_FLAG_PCI_MSIX[^_%w]') or line:find('MSI_FLAG_PCI_MSIX$')
    if col then
      local line0 = i - 1
      if i > row then line0 = i end  -- shifted by the inserted line
      local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
        { textDocument = { uri = uri }, position = { line = line0, character = col } }, timeout)
      result.hover = hover and hover[client_id] and hover[client_id].result or vim.NIL
      break
    end
  end

  client.stop()
  vim.wait(5000, function() return exited ~= nil end, 50)
end

local ok, err = pcall(main)
if not ok then
  log('error: ' .. tostring(err))
  table.insert(result.errors, tostring(err))
end
write_result()
vim.cmd(ok and 'qall!' or 'cquit 2')
