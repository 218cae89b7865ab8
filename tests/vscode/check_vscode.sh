#!/bin/sh
# The VS Code extension (editors/vscode): its pinned npm tools installed from the lock file (npm ci), the
# TextMate grammar's annotated samples checked with vscode-tmgrammar-test, the extension built into a .vsix
# with @vscode/vsce, and the grammar rendered by VS Code's own tokenizer in headless Chromium (a screenshot).
#   tests/vscode/check_vscode.sh OUT_DIR     (run from the source tree; needs nodejs, npm and chromium)
set -u
out=$1
mkdir -p "$out"
fail() { echo "FAIL: $*"; exit 1; }
command -v npm >/dev/null || fail "npm is not installed (apt-get install nodejs npm)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# a copy, so that node_modules never lands in the source tree
cp -r editors/vscode/. "$work/vscode"
rm -rf "$work/vscode/node_modules"
cd "$work/vscode" || fail "no copy"
npm ci --no-audit --no-fund >"$work/npm.log" 2>&1 || { cat "$work/npm.log"; fail "npm ci"; }
npx vscode-tmgrammar-test -g syntaxes/reckon.tmLanguage.json 'tests/*.reckon' || fail "the grammar's annotated samples"
npx vsce package --out "$out/reckon.vsix" >"$work/vsce.log" 2>&1 || { cat "$work/vsce.log"; fail "vsce package"; }
for part in extension/package.json extension/extension.js extension/syntaxes/reckon.tmLanguage.json extension/language-configuration.json \
            extension/node_modules/vscode-languageclient/package.json; do
    unzip -l "$out/reckon.vsix" | grep -q " $part\$" || fail "the .vsix lacks $part"
done
echo "vsix: $out/reckon.vsix"
cd - >/dev/null || exit 1
node "$work/vscode/tools/render.js" rulesets/iom-value-for-money.reckon >"$out/highlighting.html" || fail "render.js"
grep -q '<span style="color:#0000ff">run input</span>\|<span style="color:#0000ff">run</span>' "$out/highlighting.html" || fail "the render has no highlighted keyword"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,820 \
    --screenshot="$out/highlighting.png" "file://$out/highlighting.html" 2>/dev/null
[ -s "$out/highlighting.png" ] || fail "no screenshot of the highlighting"
echo "vscode: the grammar's samples pass, the .vsix builds, the highlighting renders ($out/highlighting.png)"
