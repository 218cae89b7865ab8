# A hostile client: text that is not JSON, JSON that is not a message, an id of the wrong kind, an unknown
# method (MethodNotFound) and an unknown notification (ignored), parameters missing, a document not open, an
# edit out of range (applied at the end, with a warning), and broken frames: a Content-Length that is not a
# number, one of 32 digits (found by fuzz_lsp: it overflowed), none at all, and one larger than the server accepts (the input ends inside it); a command to run the tests
# of a folder, and an unknown command. Every request is answered.
-> {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"processId":null,"rootUri":"$ROOT","capabilities":{}}}
<- {"jsonrpc":"2.0","id":0,"result":{"capabilities":{"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":2},"hoverProvider":true,"definitionProvider":true,"referencesProvider":true,"renameProvider":true,"completionProvider":{"triggerCharacters":["."]},"signatureHelpProvider":{"triggerCharacters":["(",","]},"documentSymbolProvider":true,"documentFormattingProvider":true,"inlayHintProvider":true,"codeLensProvider":{"resolveProvider":false},"executeCommandProvider":{"commands":["reckon.runTests"]}},"serverInfo":{"name":"reckon","version":"0.1.0"}}}
-> {"jsonrpc":"2.0","method":"initialized","params":{}}
-> {"jsonrpc":"2.0","id":1,"method":
<- {"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"the message is not JSON: [json.exception.parse_error.101] parse error at line 1, column 34: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"}}
-> [1,2,3]
<- {"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"a message is a JSON object"}}
-> {"jsonrpc":"2.0","id":2}
<- {"jsonrpc":"2.0","id":2,"error":{"code":-32600,"message":"a request or notification has a 'method', a string"}}
-> {"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}
<- {"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"a request's id is a number or a string"}}
-> {"jsonrpc":"2.0","id":3,"method":"textDocument/frobnicate","params":{}}
<- {"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"unknown method 'textDocument/frobnicate'"}}
-> {"jsonrpc":"2.0","id":4,"method":"workspace/symbol","params":{"query":"x"}}
<- {"jsonrpc":"2.0","id":4,"error":{"code":-32601,"message":"unknown method 'workspace/symbol'"}}
-> {"jsonrpc":"2.0","method":"textDocument/frobnicated","params":{}}
-> {"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"}}}
<- {"jsonrpc":"2.0","id":5,"error":{"code":-32602,"message":"the document $ROOT/tests/lsp/files/staff.reckon is not open (textDocument/didOpen)"}}
-> {"jsonrpc":"2.0","id":6,"method":"textDocument/hover","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"position":{"line":0,"character":0}}}
<- {"jsonrpc":"2.0","id":6,"error":{"code":-32602,"message":"the document $ROOT/tests/lsp/files/staff.reckon is not open (textDocument/didOpen)"}}
-> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon","languageId":"reckon","version":1,"text":"param x = 1\n"}}}
<- {"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$ROOT/tests/lsp/files/staff.reckon","version":1,"diagnostics":[]}}
-> {"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"position":{"line":-1,"character":0}}}
<- {"jsonrpc":"2.0","id":7,"error":{"code":-32602,"message":"expected 'line', a whole number from 0"}}
-> {"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon","version":2},"contentChanges":[{"range":{"start":{"line":40,"character":0},"end":{"line":41,"character":0}},"text":"param y = x +\n"}]}}
<- {"jsonrpc":"2.0","method":"window/logMessage","params":{"type":2,"message":"an edit of $ROOT/tests/lsp/files/staff.reckon reached past the end of its line or of the document; it was applied at the end"}}
<- {"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$ROOT/tests/lsp/files/staff.reckon","version":2,"diagnostics":[{"range":{"start":{"line":1,"character":13},"end":{"line":2,"character":0}},"severity":1,"source":"reckon","message":"expected a value after the operator"}]}}
-> {"jsonrpc":"2.0","id":8,"method":"textDocument/hover","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"position":{"line":0,"character":500}}}
<- {"jsonrpc":"2.0","id":8,"result":null}
~> Content-Length: twelve\r\n\r\n
<- {"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"a message could not be read: Content-Length is not a number of at most 18 digits: twelve"}}
~> Content-Type: application/json\r\n\r\n
<- {"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"a message could not be read: the header has no Content-Length"}}
~> Content-Length: 99999999999999999999999999999999\r\n\r\n
<- {"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"a message could not be read: Content-Length is not a number of at most 18 digits: 99999999999999999999999999999999"}}
-> {"jsonrpc":"2.0","id":10,"method":"workspace/executeCommand","params":{"command":"reckon.runTests","arguments":["file:///etc"]}}
<- {"jsonrpc":"2.0","id":10,"error":{"code":-32602,"message":"reckon.runTests runs the tests of a saved rule file (*.reckon): /etc is not one"}}
-> {"jsonrpc":"2.0","id":11,"method":"workspace/executeCommand","params":{"command":"rm","arguments":[]}}
<- {"jsonrpc":"2.0","id":11,"error":{"code":-32602,"message":"unknown command 'rm'; the command is reckon.runTests"}}
-> {"jsonrpc":"2.0","id":9,"method":"shutdown"}
<- {"jsonrpc":"2.0","id":9,"result":null}
~> Content-Length: 999999999999\r\n\r\n{}
<- {"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"a message could not be read: a message of 999999999999 bytes is larger than the 100728832 accepted"}}
exit 1
