-- Neovim (Debian's, headless) as an author's editor: its built-in LSP client, configured by
-- editors/nvim/reckon.lua, runs `reckon lsp` on a rule file with a deliberate error. The test waits for the
-- error's diagnostic, mends it, and checks hover (a param's unit and source), go to definition, completion,
-- formatting and a worked value for a case. Run by tests/nvim/check_nvim.sh:
--   RECKON=build/reckon WORK=/tmp/x nvim --headless -u NONE -c "luafile tests/nvim/check_nvim.lua"
local reckon = os.getenv("RECKON")
local work = os.getenv("WORK")
local failures = 0

local function check(ok, what)
  if ok then
    print("ok   " .. what)
  else
    print("FAIL " .. what)
    failures = failures + 1
  end
end

local function finish()
  io.stdout:write("")
  if failures == 0 then
    print("neovim: every check passed")
    vim.cmd("qa!")
  else
    print("neovim: " .. failures .. " checks failed")
    vim.cmd("cquit 1")
  end
end

local ok, err = pcall(function()
  package.path = vim.fn.getcwd() .. "/editors/nvim/?.lua;" .. package.path
  require("reckon").setup({ cmd = reckon })
  vim.cmd("edit " .. work .. "/staff.reckon")
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo[buf].filetype == "reckon", "a .reckon file has the filetype reckon")

  -- the deliberate error: `rat` for `rate`
  local has_diagnostic = vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local diags = vim.diagnostic.get(buf)
  check(has_diagnostic and diags[1].message:find("unknown function 'rat'", 1, true) ~= nil and diags[1].lnum == 22,
        "the diagnostic of the deliberate error, at its line: " .. (diags[1] and diags[1].message or "none"))

  -- mended: the diagnostics go
  local line = vim.api.nvim_buf_get_lines(buf, 22, 23, false)[1]
  vim.api.nvim_buf_set_lines(buf, 22, 23, false, { (line:gsub("rat%(", "rate(")) })
  check(vim.wait(10000, function() return #vim.diagnostic.get(buf) == 0 end, 50), "the diagnostics clear once the error is mended")

  local function request(method, params)
    params.textDocument = vim.lsp.util.make_text_document_params(buf)
    local replies = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
    for _, r in pairs(replies) do return r.result, r.error end
  end
  local function at(l, c) return { line = l, character = c } end

  -- hover on working_hours where rate() reads it: its unit and its source
  local text = vim.api.nvim_buf_get_lines(buf, 19, 20, false)[1]
  local col = text:find("working_hours", 1, true) + 2
  local hover = request("textDocument/hover", { position = at(19, col) })
  local value = hover and hover.contents and hover.contents.value or ""
  check(value:find("param working_hours: hour/year = 1,650 hour/year", 1, true) ~= nil, "hover shows the param's unit and value")
  check(value:find("Source: Sussex costing (2012)", 1, true) ~= nil, "hover shows the param's source")

  -- go to definition: `rate` in the output, to its fn
  local out = vim.api.nvim_buf_get_lines(buf, 22, 23, false)[1]
  local def = request("textDocument/definition", { position = at(22, out:find("rate", 1, true)) })
  check(def and def[1] and def[1].range.start.line == 19 and def[1].range.start.character == 3, "definition jumps to fn rate, line 20")
  vim.lsp.util.jump_to_location(def[1], "utf-16")
  check(vim.api.nvim_win_get_cursor(0)[1] == 20, "the cursor is on fn rate's line")

  -- completion after `Grade.`
  vim.api.nvim_buf_set_lines(buf, 23, 23, false, { "output band: Grade = Grade." })
  vim.wait(300)
  local items = request("textDocument/completion", { position = at(23, 27) }) or {}
  items = items.items or items
  local labels = {}
  for _, i in ipairs(items) do labels[#labels + 1] = i.label end
  check(table.concat(labels, ",") == "band5,band6", "completion after Grade. gives its members: " .. table.concat(labels, ","))
  vim.api.nvim_buf_set_lines(buf, 23, 24, false, {})

  -- formatting: the messy line is made canonical
  vim.api.nvim_buf_set_lines(buf, 9, 10, false, { "param   on_costs =    20% \"National Insurance and pension\" source \"Sussex costing (2012)\"" })
  vim.wait(300)
  local edits = request("textDocument/formatting", { options = { tabSize = 2, insertSpaces = true } })
  check(edits and #edits == 1, "formatting gives one edit")
  if edits then vim.lsp.util.apply_text_edits(edits, buf, "utf-16") end
  check(vim.api.nvim_buf_get_lines(buf, 9, 10, false)[1] == "param on_costs = 20% \"National Insurance and pension\" source \"Sussex costing (2012)\"",
        "the formatted line is canonical")

  -- a worked value, for the case of the nearest test block
  vim.wait(300)
  local worked = require("reckon").worked_values(buf)
  local found = false
  for _, w in ipairs(worked) do
    if w[1] == 23 and w[2] == "= £147.08" then found = true end
  end
  check(found, "the worked value of output cost for the test's case is £147.08")
end)
if not ok then
  print("FAIL the test script stopped: " .. tostring(err))
  failures = failures + 1
end
finish()
