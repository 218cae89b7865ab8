// Renders a rule file highlighted by the extension's TextMate grammar, tokenized by vscode-textmate and
// vscode-oniguruma (VS Code's own tokenizer and regular expressions), as one HTML page with VS Code's
// Light+ colours, for a screenshot in a real browser:
//   node tools/render.js FILE.reckon > page.html      (from editors/vscode, after npm ci)
const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const wasm = fs.readFileSync(path.join(path.dirname(require.resolve("vscode-oniguruma")), "onig.wasm")).buffer;
const colours = [  // the most specific scope prefix wins, as a theme's rules do
  ["comment", "#008000"], ["string", "#a31515"], ["constant.character.escape", "#ee0000"],
  ["constant.numeric", "#098658"], ["constant.language", "#0000ff"], ["keyword.declaration", "#0000ff"],
  ["keyword.control", "#af00db"], ["keyword.other", "#0000ff"], ["keyword.operator", "#000000"],
  ["support.type", "#267f99"], ["entity.name.type", "#267f99"], ["support.function", "#795e26"],
  ["entity.name.function", "#795e26"], ["entity.name.variable", "#001080"], ["variable", "#001080"],
  ["punctuation.separator.table", "#888888"],
];
function colour(scopes) {
  let best = null, length = -1;
  for (const scope of scopes)
    for (const [prefix, c] of colours)
      if ((scope === prefix || scope.startsWith(prefix + ".")) && prefix.length > length) { best = c; length = prefix.length; }
  return best;
}
const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const registry = new vsctm.Registry({
  onigLib: oniguruma.loadWASM(wasm).then(() => ({
    createOnigScanner: (p) => new oniguruma.OnigScanner(p),
    createOnigString: (s) => new oniguruma.OnigString(s),
  })),
  loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(path.join(__dirname, "..", "syntaxes", "reckon.tmLanguage.json"), "utf8"), "reckon.tmLanguage.json"),
});

registry.loadGrammar("source.reckon").then((grammar) => {
  const lines = fs.readFileSync(process.argv[2], "utf8").replace(/\n$/, "").split("\n");
  let rule = vsctm.INITIAL, body = "";
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, rule);
    for (const t of r.tokens) {
      const text = escape(line.substring(t.startIndex, t.endIndex));
      const c = colour(t.scopes);
      body += c ? `<span style="color:${c}">${text}</span>` : text;
    }
    body += "\n";
    rule = r.ruleStack;
  }
  process.stdout.write(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(path.basename(process.argv[2]))}</title>` +
    `<style>body{margin:0;background:#fff}pre{margin:0;padding:16px;font:14px/1.45 "DejaVu Sans Mono",monospace;color:#000}</style>` +
    `</head><body><pre>${body}</pre></body></html>\n`);
});
