-- reckon in Neovim (0.7 or later), with its built-in LSP client: rule files (*.reckon) get the filetype
-- `reckon`, and each is attached to one `reckon lsp` server. In init.lua:
--
--   package.path = "/path/to/reckon/editors/nvim/?.lua;" .. package.path
--   require("reckon").setup({ cmd = "reckon", case = nil })
--
-- cmd: the reckon program (a path, or a name on PATH). case: a case file whose worked values the editor
-- shows beside each rule (relative to the rule file's folder); without it, the nearest `test` block's case.
-- Worked values are inlay hints: Neovim 0.10 shows them with vim.lsp.inlay_hint.enable(); older versions
-- can ask for them with require("reckon").worked_values().
local M = {}

local client_id = nil

function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or "reckon"
  vim.cmd([[autocmd BufRead,BufNewFile *.reckon setfiletype reckon]])
  vim.api.nvim_create_autocmd("FileType", {
    pattern = "reckon",
    callback = function(args)
      if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
        client_id = vim.lsp.start_client({
          name = "reckon",
          cmd = { cmd, "lsp" },
          root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ":p:h"),
          init_options = opts.case and { case = opts.case } or nil,
        })
      end
      vim.lsp.buf_attach_client(args.buf, client_id)
      vim.bo[args.buf].commentstring = "# %s"
    end,
  })
end

-- The worked values of the current buffer, as {line (1-based), text} pairs, from the server's inlay hints.
function M.worked_values(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = 0, character = 0 }, ["end"] = { line = vim.api.nvim_buf_line_count(bufnr), character = 0 } },
  }
  local out = {}
  local replies = vim.lsp.buf_request_sync(bufnr, "textDocument/inlayHint", params, 5000) or {}
  for _, reply in pairs(replies) do
    for _, hint in ipairs(reply.result or {}) do
      table.insert(out, { hint.position.line + 1, hint.label })
    end
  end
  return out
end

return M
