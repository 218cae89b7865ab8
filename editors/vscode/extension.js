// The reckon extension: starts `reckon lsp` (the setting reckon.path) for rule files, and passes it the case
// whose worked values are shown (reckon.case), at start and whenever the setting changes.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("reckon");
  const command = settings.get("path") || "reckon";
  const caseFile = settings.get("case") || "";
  client = new LanguageClient(
    "reckon",
    "reckon",
    { command, args: ["lsp"] },
    {
      documentSelector: [{ scheme: "file", language: "reckon" }],
      initializationOptions: caseFile ? { case: caseFile } : {},
      synchronize: { configurationSection: "reckon" },
    }
  );
  context.subscriptions.push(
    vscode.commands.registerCommand("reckon.runTests", (uri) =>
      client.sendRequest("workspace/executeCommand", { command: "reckon.runTests", arguments: [uri] })
    )
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
