// The glue between a page and reckon's browser engine (docs/browser.md), shared by the interactive report and the
// playground: the engine unpacked from the page (it is gzipped there), given its files in memory, and run as the
// command line runs: `await engine.run(['eval', 'r.reckon', 'case.yaml'])` gives the exit status, stdout and
// stderr. Should the engine itself fail (a bug), it is made again, files and all, for the next command.
'use strict';
const ReckonEngine = (() => {
  function bytesOf(base64) {
    const s = atob(base64);
    const b = new Uint8Array(s.length);
    for (let i = 0; i < s.length; ++i) b[i] = s.charCodeAt(i);
    return b;
  }

  function folders(fs, path) {
    let at = '';
    for (const part of path.split('/').slice(1, -1)) {
      at += '/' + part;
      try { fs.mkdir(at); } catch (e) { /* there already */ }
    }
  }

  let wasm = null;  // unpacked once

  async function unpack() {
    if (!wasm) {
      const gz = bytesOf(document.getElementById('reckon-wasm').textContent.trim());
      const unpacked = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
      wasm = await new Response(unpacked).arrayBuffer();
    }
    return wasm;
  }

  class Engine {
    // cwd: the folder commands run in; epoch: SOURCE_DATE_EPOCH, the date the pages it writes carry
    constructor(cwd, epoch) {
      this.cwd = cwd;
      this.epoch = epoch;
      this.files = new Map();  // at → text or bytes: what it is given, given again to an engine made again
      this.module = null;
      this.starting = null;
      this.said = { out: [], err: [] };
    }

    // The module, made once: a command asked for while it is being made waits for the same one.
    start() {
      if (!this.starting) this.starting = this.make().catch((e) => { this.starting = null; throw e; });
      return this.starting;
    }

    async make() {
      const said = this.said;
      const m = await createReckon({
        wasmBinary: await unpack(),
        print: (s) => said.out.push(s),
        // stderr as a device, not a terminal (no progress bar), its bytes kept (a byte above 127 comes signed)
        stderr: (c) => { if (c !== null) said.err.push(c & 255); },
        preRun: [(mod) => { if (this.epoch) mod.ENV.SOURCE_DATE_EPOCH = String(this.epoch); }],
      });
      for (const [at, data] of this.files) {
        folders(m.FS, at);
        m.FS.writeFile(at, data);
      }
      folders(m.FS, this.cwd + '/x');
      m.FS.chdir(this.cwd);
      this.module = m;
    }

    put(at, data) {
      this.files.set(at, data);
      if (this.module) {
        folders(this.module.FS, at);
        this.module.FS.writeFile(at, data);
      }
    }

    // A file a command wrote, as text (null: none), taken away.
    take(at) {
      try {
        const text = this.module.FS.readFile(at, { encoding: 'utf8' });
        this.module.FS.unlink(at);
        return text;
      } catch (e) {
        return null;
      }
    }

    async run(args) {
      await this.start();
      this.said.out.length = 0;
      this.said.err.length = 0;
      let status;
      try {
        status = this.module.callMain(args);
      } catch (e) {
        this.said.err.push(...new TextEncoder().encode('reckon: the engine stopped: ' + e + '\n'));
        this.module = null;
        this.starting = null;
        status = 3;
      }
      return {
        status,
        out: this.said.out.map((line) => line + '\n').join(''),
        err: new TextDecoder().decode(Uint8Array.from(this.said.err)),
      };
    }
  }

  return { Engine, bytesOf };
})();
