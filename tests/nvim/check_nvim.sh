#!/bin/sh
# Neovim, a real LSP client, on a rule file: tests/nvim/check_nvim.lua drives it headless (Debian's neovim).
#   tests/nvim/check_nvim.sh RECKON     (run from the source tree)
set -u
reckon=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
nvim=$(command -v nvim || true)
if [ -z "$nvim" ]; then
    echo "FAIL: neovim is not installed (apt-get install neovim)"
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the transcripts' rule file with a deliberate error (rat for rate), and its test's case
sed 's/= hours \* rate(grade)/= hours * rat(grade)/' tests/lsp/files/staff.reckon >"$work/staff.reckon"
cp tests/lsp/files/staff-case.yaml "$work/"
grep -q 'rat(grade)' "$work/staff.reckon" || { echo "FAIL: the deliberate error was not made"; exit 1; }
HOME="$work" XDG_CONFIG_HOME="$work" XDG_DATA_HOME="$work" XDG_STATE_HOME="$work" RECKON="$reckon" WORK="$work" \
    timeout 120 "$nvim" --headless -u NONE -i NONE -c "luafile tests/nvim/check_nvim.lua" 2>&1
