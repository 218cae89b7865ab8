// The interactive report's script (docs/browser.md). reckon's own engine, compiled to WebAssembly, is in the
// page with the ruleset and the cases; it runs `reckon report` again, as the command line runs it, under the
// params the reader sets, and the page shows what it wrote: every figure as exactly as `reckon report --param`
// gives it, because it is that program. Nothing is fetched; the Content-Security-Policy forbids it.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const bundle = JSON.parse($('reckon-bundle').textContent);
  let changes = new Map();  // NAME → VALUE, as --param writes them: the fragment's and the panel's
  let good = new Map();     // the changes of the figures shown: a change refused is taken back to these
  const engine = new ReckonEngine.Engine(bundle.cwd, bundle.epoch);
  for (const f of bundle.files) engine.put(f.at, 'base64' in f ? ReckonEngine.bytesOf(f.base64) : f.text);
  let renders = 0, errors = 0;

  // A run's --param settings: the page's own (as it was made), each one of `set` replaced.
  function settings(set) {
    const kept = bundle.settings.filter((s) => !set.has(s.slice(0, s.indexOf('='))));
    return kept.concat([...set].map(([name, value]) => name + '=' + value));
  }
  const paramArgs = (set) => settings(set).flatMap((s) => ['--param', s]);

  function say(text, isError) {
    $('reckon-status').textContent = isError ? '' : text;
    $('reckon-error').textContent = isError ? text : '';
    $('reckon-error').hidden = !isError;
  }

  // One render at a time, in the order asked: a change made while one runs is drawn after it.
  let queue = Promise.resolve();
  function render() {
    queue = queue.then(drawn).catch((e) => say('reckon\u2019s engine could not run in this browser: ' + e, true));
    return queue;
  }

  // The report under the settings, in place of the one shown; on an error, the figures shown stay and the
  // message is the command line's.
  async function drawn() {
    const start = performance.now();
    const asked = new Map(changes);  // the settings this render is of
    const r = await engine.run(bundle.report.concat(paramArgs(asked), ['--out', '/reckon-page.html']));
    const html = engine.take('/reckon-page.html');
    if (html === null) {  // not written: the error says why, and the figures shown stay, with their settings
      say(r.err || 'reckon stopped with exit status ' + r.status, true);
      for (const input of $('reckon-panel').querySelectorAll('input[data-name]'))
        input.classList.toggle('refused', asked.get(input.dataset.name) !== good.get(input.dataset.name));
      changes = new Map(good);
      toFragment();
      document.body.dataset.reckonError = String(++errors);
      if (renders === 0 && asked.size > 0) {  // opened with a value refused: once more, as the page was made
        const message = $('reckon-error').textContent;
        await drawn();
        say(message, true);
      }
      return;
    }
    good = asked;
    for (const input of $('reckon-panel').querySelectorAll('input.refused')) input.classList.remove('refused');
    const page = new DOMParser().parseFromString(html, 'text/html');
    $('reckon-report-style').textContent = page.querySelector('style').textContent;
    // taken out of the parsed page first: adopting a node takes it out of the live list being walked
    $('reckon-report').replaceChildren(...Array.from(page.body.childNodes).map((n) => document.adoptNode(n)));
    for (const el of $('reckon-report').querySelectorAll('[data-output]')) el.title = 'Click: how this figure is worked out';
    const ms = Math.round(performance.now() - start);
    const used = settings(asked);
    say('Figures computed in this page in ' + ms + ' ms' + (used.length ? ', with ' + used.join(', ') : ', as the ruleset gives them') +
        (r.status ? ' (exit status ' + r.status + ': ' + r.err.trim().split('\n').pop() + ')' : '') + '.', false);
    document.body.dataset.reckonRendered = String(++renders);
    document.body.dataset.reckonMs = String(ms);  // for tests and bench/browser: this render, and the first since the page opened
    if (renders === 1) document.body.dataset.reckonFirstMs = String(Math.round(performance.now()));
  }

  // The explanation of a figure: what `reckon explain` prints for it, under the page's settings.
  async function explain(el) {
    const member = el.dataset.member;
    const name = el.dataset.output + (member ? '(' + member + ')' : '');
    const r = await engine.run(bundle.explain.concat([name], bundle.explain_options, paramArgs(good)));
    $('reckon-explain-title').textContent = 'reckon explain ' + name;
    $('reckon-explain-text').textContent = r.status === 0 ? r.out : r.err;
    $('reckon-explain').showModal();
  }

  // A fragment typed by hand may hold a bare '%' (#on_costs=25%): then its text as it is.
  function decoded(text) {
    try {
      return decodeURIComponent(text);
    } catch (e) {
      return text;
    }
  }

  function fromFragment() {
    changes = new Map();
    const text = location.hash.replace(/^#/, '');
    for (const pair of text ? text.split('&') : []) {
      const eq = pair.indexOf('=');
      if (eq > 0) changes.set(decoded(pair.slice(0, eq)), decoded(pair.slice(eq + 1)));
    }
    for (const input of $('reckon-panel').querySelectorAll('input[data-name]')) {
      const name = input.dataset.name;
      input.value = changes.has(name) ? changes.get(name) : input.defaultValue;
      input.classList.toggle('changed', changes.has(name));
    }
  }

  function toFragment() {
    const text = [...changes].map(([n, v]) => encodeURIComponent(n) + '=' + encodeURIComponent(v)).join('&');
    history.replaceState(null, '', text ? '#' + text : location.pathname + location.search);
  }

  function field(name, value, notes) {
    const row = document.createElement('div');
    row.className = 'field';
    const label = document.createElement('label');
    label.textContent = name;
    const input = document.createElement('input');
    input.dataset.name = name;
    input.defaultValue = value;
    input.setAttribute('aria-label', name);
    label.append(input);
    const small = document.createElement('small');
    small.textContent = notes.filter(Boolean).join(' \u00b7 ');
    row.append(label, small);
    input.addEventListener('change', () => {
      if (input.value.trim() === '' || input.value === input.defaultValue) changes.delete(name);
      else changes.set(name, input.value.trim());
      input.classList.toggle('changed', changes.has(name));
      toFragment();
      render();
    });
    return row;
  }

  function panel() {
    const list = $('reckon-params');
    for (const p of bundle.params) {
      const range = p.low !== undefined ? 'range ' + p.low + ' to ' + p.high : '';
      list.append(field(p.name, p.value, [p.unit, p.source, range]));
    }
    const cells = $('reckon-cells');
    for (const c of bundle.cells) cells.append(field(c.name, c.value, [c.source]));
    $('reckon-cells-box').hidden = bundle.cells.length === 0;
    $('reckon-reset').addEventListener('click', () => { changes = new Map(); toFragment(); fromFragment(); render(); });
    $('reckon-report').addEventListener('click', (e) => {
      const el = e.target.closest('[data-output]');
      if (el && !el.closest('[data-case]')) explain(el);
    });
    $('reckon-explain-close').addEventListener('click', () => $('reckon-explain').close());
    // a fragment of values (#NAME=VALUE&…) sets them; a link within the page (#failures) is only a link
    window.addEventListener('hashchange', () => {
      if (location.hash.includes('=') || location.hash === '') {
        fromFragment();
        render();
      }
    });
  }

  panel();
  fromFragment();
  render();
})();
