# exit with no shutdown before it: the server stops with status 1, as the protocol says.
-> {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"processId":null,"rootUri":"$ROOT","capabilities":{}}}
<- {"jsonrpc":"2.0","id":0,"result":{"capabilities":{"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":2},"hoverProvider":true,"definitionProvider":true,"referencesProvider":true,"renameProvider":true,"completionProvider":{"triggerCharacters":["."]},"signatureHelpProvider":{"triggerCharacters":["(",","]},"documentSymbolProvider":true,"documentFormattingProvider":true,"inlayHintProvider":true,"codeLensProvider":{"resolveProvider":false},"executeCommandProvider":{"commands":["reckon.runTests"]}},"serverInfo":{"name":"reckon","version":"0.1.0"}}}
-> {"jsonrpc":"2.0","method":"initialized","params":{}}
-> {"jsonrpc":"2.0","method":"exit"}
exit 1
