# Worked values: each rule's value for a case beside its declaration, as inlay hints: the nearest test
# block's case, then the case the `reckon.case` setting names (one the ruleset cannot read, one that is not there,
# /dev/zero, which is never read: why, at the top); a code lens runs the file's tests.
-> {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"processId":null,"rootUri":"$ROOT","capabilities":{}}}
<- {"jsonrpc":"2.0","id":0,"result":{"capabilities":{"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":2},"hoverProvider":true,"definitionProvider":true,"referencesProvider":true,"renameProvider":true,"completionProvider":{"triggerCharacters":["."]},"signatureHelpProvider":{"triggerCharacters":["(",","]},"documentSymbolProvider":true,"documentFormattingProvider":true,"inlayHintProvider":true,"codeLensProvider":{"resolveProvider":false},"executeCommandProvider":{"commands":["reckon.runTests"]}},"serverInfo":{"name":"reckon","version":"0.1.0"}}}
-> {"jsonrpc":"2.0","method":"initialized","params":{}}
-> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon","languageId":"reckon","version":1,"text":"# A small costing for the language server's transcripts (tests/lsp/*.lsp).\nruleset \"Staff time\"\n\nunit hour\nunit year\ncurrency GBP \"£\"\n\ntype Grade = one of band5 \"Band 5\", band6 \"Band 6\"\n\nparam on_costs = 20% \"National Insurance and pension\" source \"Sussex costing (2012)\"\nparam working_hours = 1,650 hour/year source \"Sussex costing (2012)\"\n\ntable salaries: Grade -> {salary: GBP/year}\n  | band5 | £27,055/year |\n  | band6 | £33,706/year |\n\ninput grade: Grade \"The officer's grade\"\ninput hours: hour \"Hours on the case\"\n\nfn rate(g: Grade) -> GBP/hour = salaries(g).salary * (1 + on_costs) / working_hours\n  \"Cost of an hour of a grade\"\n\noutput cost: GBP \"Cost\" = hours * rate(grade)\n\ntest \"six hours of band 6\" case \"staff-case.yaml\"\n  expect cost == £147.08\n"}}}
<- {"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$ROOT/tests/lsp/files/staff.reckon","version":1,"diagnostics":[]}}
-> {"jsonrpc":"2.0","id":1,"method":"textDocument/inlayHint","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"range":{"start":{"line":0,"character":0},"end":{"line":40,"character":0}}}}
<- {"jsonrpc":"2.0","id":1,"result":[{"position":{"line":22,"character":45},"label":"= £147.08","paddingLeft":true,"tooltip":"The worked value for the case $DIR/tests/lsp/files/staff-case.yaml"}]}
-> {"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"reckon":{"case":"staff-case-band5.yaml"}}}}
-> {"jsonrpc":"2.0","id":2,"method":"textDocument/inlayHint","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"range":{"start":{"line":0,"character":0},"end":{"line":40,"character":0}}}}
<- {"jsonrpc":"2.0","id":2,"result":[{"position":{"line":22,"character":45},"label":"= £118.06","paddingLeft":true,"tooltip":"The worked value for the case $DIR/tests/lsp/files/staff-case-band5.yaml"}]}
-> {"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"reckon":{"case":"staff-case-bad.yaml"}}}}
-> {"jsonrpc":"2.0","id":6,"method":"textDocument/inlayHint","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"range":{"start":{"line":0,"character":0},"end":{"line":40,"character":0}}}}
<- {"jsonrpc":"2.0","id":6,"result":[{"position":{"line":0,"character":74},"label":"no worked values for staff-case-bad.yaml","paddingLeft":true,"tooltip":"$DIR/tests/lsp/files/staff-case-bad.yaml:2:8: error: grade: expected Grade, one of: band5, band6; found 'band7'\n  grade: band7\n         ^\n"}]}
-> {"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"reckon":{"case":"no-such-case.yaml"}}}}
-> {"jsonrpc":"2.0","id":3,"method":"textDocument/inlayHint","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"range":{"start":{"line":0,"character":0},"end":{"line":40,"character":0}}}}
<- {"jsonrpc":"2.0","id":3,"result":[{"position":{"line":0,"character":74},"label":"no worked values for no-such-case.yaml","paddingLeft":true,"tooltip":"$DIR/tests/lsp/files/no-such-case.yaml: error: cannot open file"}]}
-> {"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"reckon":{"case":"/dev/zero"}}}}
-> {"jsonrpc":"2.0","id":7,"method":"textDocument/inlayHint","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"range":{"start":{"line":0,"character":0},"end":{"line":40,"character":0}}}}
<- {"jsonrpc":"2.0","id":7,"result":[{"position":{"line":0,"character":74},"label":"no worked values for zero","paddingLeft":true,"tooltip":"/dev/zero: error: not a regular file (a folder, a device or a pipe): a case is read from a regular file"}]}
-> {"jsonrpc":"2.0","id":4,"method":"textDocument/codeLens","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"}}}
<- {"jsonrpc":"2.0","id":4,"result":[{"range":{"start":{"line":24,"character":5},"end":{"line":24,"character":26}},"command":{"title":"Run the 1 test of this file","command":"reckon.runTests","arguments":["$ROOT/tests/lsp/files/staff.reckon"]}}]}
-> {"jsonrpc":"2.0","id":5,"method":"workspace/executeCommand","params":{"command":"reckon.runTests","arguments":["$ROOT/tests/lsp/files/staff.reckon"]}}
<- {"jsonrpc":"2.0","method":"window/showMessage","params":{"type":3,"message":"1 passed, 0 failed"}}
<- {"jsonrpc":"2.0","id":5,"result":{"passed":1,"failed":0,"output":"ok   $DIR/tests/lsp/files/staff.reckon: six hours of band 6 (1 of 1 expectations met)\n1 passed, 0 failed\n"}}
-> {"jsonrpc":"2.0","id":99,"method":"shutdown"}
<- {"jsonrpc":"2.0","id":99,"result":null}
-> {"jsonrpc":"2.0","method":"exit"}
