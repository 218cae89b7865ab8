# Go to definition, find references, and rename: checked so that a rename never captures another name
# and never renames what case files write.
-> {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"processId":null,"rootUri":"$ROOT","capabilities":{}}}
<- {"jsonrpc":"2.0","id":0,"result":{"capabilities":{"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":2},"hoverProvider":true,"definitionProvider":true,"referencesProvider":true,"renameProvider":true,"completionProvider":{"triggerCharacters":["."]},"signatureHelpProvider":{"triggerCharacters":["(",","]},"documentSymbolProvider":true,"documentFormattingProvider":true,"inlayHintProvider":true,"codeLensProvider":{"resolveProvider":false},"executeCommandProvider":{"commands":["reckon.runTests"]}},"serverInfo":{"name":"reckon","version":"0.1.0"}}}
-> {"jsonrpc":"2.0","method":"initialized","params":{}}
-> {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon","languageId":"reckon","version":1,"text":"# A small costing for the language server's transcripts (tests/lsp/*.lsp).\nruleset \"Staff time\"\n\nunit hour\nunit year\ncurrency GBP \"£\"\n\ntype Grade = one of band5 \"Band 5\", band6 \"Band 6\"\n\nparam on_costs = 20% \"National Insurance and pension\" source \"Sussex costing (2012)\"\nparam working_hours = 1,650 hour/year source \"Sussex costing (2012)\"\n\ntable salaries: Grade -> {salary: GBP/year}\n  | band5 | £27,055/year |\n  | band6 | £33,706/year |\n\ninput grade: Grade \"The officer's grade\"\ninput hours: hour \"Hours on the case\"\n\nfn rate(g: Grade) -> GBP/hour = salaries(g).salary * (1 + on_costs) / working_hours\n  \"Cost of an hour of a grade\"\n\noutput cost: GBP \"Cost\" = hours * rate(grade)\n\ntest \"six hours of band 6\" case \"staff-case.yaml\"\n  expect cost == £147.08\n"}}}
<- {"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$ROOT/tests/lsp/files/staff.reckon","version":1,"diagnostics":[]}}
-> {"jsonrpc":"2.0","id":1,"method":"textDocument/definition","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"position":{"line":22,"character":36}}}
<- {"jsonrpc":"2.0","id":1,"result":[{"uri":"$ROOT/tests/lsp/files/staff.reckon","range":{"start":{"line":19,"character":3},"end":{"line":19,"character":7}}}]}
-> {"jsonrpc":"2.0","id":2,"method":"textDocument/definition","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"position":{"line":19,"character":35}}}
<- {"jsonrpc":"2.0","id":2,"result":[{"uri":"$ROOT/tests/lsp/files/staff.reckon","range":{"start":{"line":12,"character":6},"end":{"line":12,"character":14}}}]}
-> {"jsonrpc":"2.0","id":3,"method":"textDocument/references","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"position":{"line":9,"character":7},"context":{"includeDeclaration":true}}}
<- {"jsonrpc":"2.0","id":3,"result":[{"uri":"$ROOT/tests/lsp/files/staff.reckon","range":{"start":{"line":9,"character":6},"end":{"line":9,"character":14}}},{"uri":"$ROOT/tests/lsp/files/staff.reckon","range":{"start":{"line":19,"character":58},"end":{"line":19,"character":66}}}]}
-> {"jsonrpc":"2.0","id":4,"method":"textDocument/references","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"position":{"line":9,"character":7},"context":{"includeDeclaration":false}}}
<- {"jsonrpc":"2.0","id":4,"result":[{"uri":"$ROOT/tests/lsp/files/staff.reckon","range":{"start":{"line":19,"character":58},"end":{"line":19,"character":66}}}]}
-> {"jsonrpc":"2.0","id":5,"method":"textDocument/rename","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"position":{"line":19,"character":59},"newName":"on_cost_share"}}
<- {"jsonrpc":"2.0","id":5,"result":{"changes":{"$ROOT/tests/lsp/files/staff.reckon":[{"range":{"start":{"line":9,"character":6},"end":{"line":9,"character":14}},"newText":"on_cost_share"},{"range":{"start":{"line":19,"character":58},"end":{"line":19,"character":66}},"newText":"on_cost_share"}]}}}
-> {"jsonrpc":"2.0","id":6,"method":"textDocument/rename","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"position":{"line":19,"character":59},"newName":"hours"}}
<- {"jsonrpc":"2.0","id":6,"error":{"code":-32803,"message":"'hours' is already a name in the ruleset, at $DIR/tests/lsp/files/staff.reckon:18:7: renaming 'on_costs' to it could capture it"}}
-> {"jsonrpc":"2.0","id":7,"method":"textDocument/rename","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"position":{"line":22,"character":35},"newName":"g"}}
<- {"jsonrpc":"2.0","id":7,"error":{"code":-32803,"message":"'g' is already a name in the ruleset, at $DIR/tests/lsp/files/staff.reckon:20:9: renaming 'rate' to it could capture it"}}
-> {"jsonrpc":"2.0","id":8,"method":"textDocument/rename","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"position":{"line":22,"character":40},"newName":"band"}}
<- {"jsonrpc":"2.0","id":8,"error":{"code":-32803,"message":"'grade' is written in case files too (an input): rename it there as well; reckon renames only rule files"}}
-> {"jsonrpc":"2.0","id":9,"method":"textDocument/rename","params":{"textDocument":{"uri":"$ROOT/tests/lsp/files/staff.reckon"},"position":{"line":22,"character":35},"newName":"if"}}
<- {"jsonrpc":"2.0","id":9,"error":{"code":-32803,"message":"'if' is not a name: a letter or '_', then letters, digits and '_', and not a keyword"}}
-> {"jsonrpc":"2.0","id":99,"method":"shutdown"}
<- {"jsonrpc":"2.0","id":99,"result":null}
-> {"jsonrpc":"2.0","method":"exit"}
