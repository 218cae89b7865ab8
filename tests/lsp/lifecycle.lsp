# The lifecycle: a request before initialize is refused; initialize gives the capabilities; a second
# initialize is refused; after shutdown only exit is accepted, and exit after shutdown ends with status 0.
-> {"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"position":{"line":0,"character":0}}}
<- {"jsonrpc":"2.0","id":1,"error":{"code":-32002,"message":"the server is not initialized: send 'initialize' first"}}
-> {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"processId":null,"rootUri":"$ROOT","capabilities":{}}}
<- {"jsonrpc":"2.0","id":0,"result":{"capabilities":{"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":2},"hoverProvider":true,"definitionProvider":true,"referencesProvider":true,"renameProvider":true,"completionProvider":{"triggerCharacters":["."]},"signatureHelpProvider":{"triggerCharacters":["(",","]},"documentSymbolProvider":true,"documentFormattingProvider":true,"inlayHintProvider":true,"codeLensProvider":{"resolveProvider":false},"executeCommandProvider":{"commands":["reckon.runTests"]}},"serverInfo":{"name":"reckon","version":"0.1.0"}}}
-> {"jsonrpc":"2.0","method":"initialized","params":{}}
-> {"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{}}}
<- {"jsonrpc":"2.0","id":2,"error":{"code":-32600,"message":"the server is already initialized"}}
-> {"jsonrpc":"2.0","id":3,"method":"shutdown"}
<- {"jsonrpc":"2.0","id":3,"result":null}
-> {"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"position":{"line":0,"character":0}}}
<- {"jsonrpc":"2.0","id":4,"error":{"code":-32600,"message":"the server is shutting down: only 'exit' is accepted"}}
-> {"jsonrpc":"2.0","method":"exit"}
