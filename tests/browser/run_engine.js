// The browser engine (build/web) run as a command, under Node.js: `node run_engine.js ENGINE_DIR ARGS…` behaves as
// `reckon ARGS…` does (stdout, stderr, exit status, the files it writes), so that the tests can compare the two
// byte for byte. The folders of the disk are mounted into the engine's memory at their own paths (NODEFS), and it
// runs in the same folder; the page gives it its files in memory instead (interactive_page.js).
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [engineDir, ...args] = process.argv.slice(2);
const createReckon = require(path.resolve(engineDir, 'reckon-engine.js'));
const wasm = zlib.gunzipSync(fs.readFileSync(path.join(engineDir, 'reckon-engine.wasm.gz')));
const out = [], err = [];
createReckon({
  wasmBinary: wasm,
  print: (s) => out.push(s + '\n'),
  stderr: (c) => { if (c !== null) err.push(c & 255); },  // a device, as the page has it: no progress bar
  preRun: [(mod) => { if (process.env.SOURCE_DATE_EPOCH) mod.ENV.SOURCE_DATE_EPOCH = process.env.SOURCE_DATE_EPOCH; }],
}).then((m) => {
  for (const top of fs.readdirSync('/')) {
    const at = '/' + top;
    if (['dev', 'proc', 'sys'].includes(top) || !fs.statSync(at, { throwIfNoEntry: false })?.isDirectory()) continue;
    try { m.FS.mkdir(at); } catch (e) { /* there */ }
    m.FS.mount(m.FS.filesystems.NODEFS, { root: at }, at);
  }
  m.FS.chdir(process.cwd());
  const status = m.callMain(args);
  process.stdout.write(out.join(''));
  process.stderr.write(Buffer.from(err));
  process.exitCode = status;
});
