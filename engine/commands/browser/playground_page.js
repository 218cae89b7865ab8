// The playground's script (docs/browser.md#the-playground). reckon's browser engine runs the commands an author
// runs: `reckon check` on the ruleset as it is typed, `reckon eval` of the case (`reckon batch` for a case table or
// a workbook), `reckon explain` of an output; each shows what the command line prints, exactly. Files opened or
// dropped are read in the browser; Save writes an editor's text back to the disk as a download.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($('reckon-bundle').textContent);
  const folder = '/play';
  const engine = new ReckonEngine.Engine(folder, 0);
  for (const f of data.library) engine.put(folder + '/' + f.name, f.text);
  // The first example of docs/tutorial.md, when the page was made with no ruleset.
  const example = {
    ruleset: { name: 'example.reckon', text: 'ruleset "Cost of supervision"\n\ncurrency GBP "\u00a3"\nunit hour\nunit year\n\n' +
      'param salary = \u00a332,000/year\n  "A probation officer\'s salary"\n  source "Pay scales, band 4"\n' +
      'param on_costs = 20% "National Insurance and pension"\n' +
      'param working_hours = 1,650 hour/year "220 days of 7.5 hours"\n\n' +
      'rule hourly_rate = salary * (1 + on_costs) / working_hours\n\n' +
      'input meetings: number "Supervision meetings in the year"\n' +
      'input meeting_time: hour "Time of one meeting, preparation included"\n\n' +
      'output officer_hours: hour "Officer time" = meetings * meeting_time\n' +
      'output officer_cost: GBP "Cost of officer time" = officer_hours * hourly_rate\n' },
    case: { name: 'case.yaml', text: 'meetings: 26\nmeeting_time: 1.5\n' },
  };
  let caseBytes = null;  // a workbook's bytes, when the case is one: not text to edit
  let checks = 0, evals = 0, timer = null;

  const caseIsTable = () => /\.(csv|xlsx)$/i.test($('case-name').value);

  // The editors' files into the engine's memory, at their names under the page's folder.
  function putEditors() {
    engine.put(folder + '/' + $('ruleset-name').value, $('ruleset').value);
    engine.put(folder + '/' + $('case-name').value, caseBytes || $('case').value);
  }

  function show(id, r, ok) {
    $(id).textContent = r.status === 0 ? ok(r) : r.err;
    $(id).classList.toggle('bad', r.status !== 0);
  }

  async function check() {
    putEditors();
    const r = await engine.run(['check', $('ruleset-name').value]);
    show('diagnostics', r, (x) => x.out + x.err);
    document.body.dataset.reckonChecks = String(++checks);
    return r.status === 0;
  }

  async function evaluate() {
    const r = await engine.run(caseIsTable() ? ['batch', $('ruleset-name').value, $('case-name').value]
                                             : ['eval', $('ruleset-name').value, $('case-name').value]);
    $('results').textContent = r.out + r.err;
    $('results').classList.toggle('bad', r.status !== 0);
    document.body.dataset.reckonEvals = String(++evals);
  }

  // Checked, then evaluated when it checks: a moment after the last key, so typing is not slowed.
  async function update() {
    if (await check()) {
      await evaluate();
    } else {  // nothing to evaluate until the ruleset checks
      $('results').textContent = '';
      document.body.dataset.reckonEvals = String(++evals);
    }
  }
  function soon() {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  }

  async function explain() {
    putEditors();
    const name = $('explain-name').value.trim();
    if (!name) return;
    const r = await engine.run(['explain', $('ruleset-name').value, $('case-name').value, name]);
    $('explanation').textContent = r.status === 0 ? r.out : r.err;
    document.body.dataset.reckonExplained = String((+document.body.dataset.reckonExplained || 0) + 1);
  }

  function save(name, text, bytes) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([bytes || text]));
    a.download = name.split('/').pop();
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  function setCase(name, text, bytes) {
    $('case-name').value = name;
    caseBytes = bytes;
    $('case').value = bytes ? '(the workbook ' + name + ', ' + bytes.length + ' bytes: evaluated as it is)' : text;
    $('case').readOnly = !!bytes;
  }

  // Files opened or dropped: rule files beside the ruleset (the first one into the editor), a case into its editor.
  async function take(files) {
    let ruleset = false;
    for (const file of files) {
      const name = file.name;
      if (/\.reckon$/i.test(name)) {
        const text = await file.text();
        engine.put(folder + '/' + name, text);
        if (!ruleset) $('ruleset-name').value = name, $('ruleset').value = text, ruleset = true;
      } else if (/\.xlsx$/i.test(name)) {
        setCase(name, '', new Uint8Array(await file.arrayBuffer()));
      } else {
        setCase(name, await file.text(), null);
      }
    }
    await update();
  }

  function start() {
    const first = data.ruleset.name ? data : example;
    $('ruleset-name').value = first.ruleset.name;
    $('ruleset').value = first.ruleset.text;
    setCase(first.case.name || 'case.yaml', first.case.text || '', null);
    $('ruleset').addEventListener('input', soon);
    $('case').addEventListener('input', soon);
    $('ruleset-name').addEventListener('change', update);
    $('case-name').addEventListener('change', () => { caseBytes = null; $('case').readOnly = false; update(); });
    $('explain').addEventListener('click', explain);
    $('save-ruleset').addEventListener('click', () => save($('ruleset-name').value, $('ruleset').value, null));
    $('save-case').addEventListener('click', () => save($('case-name').value, $('case').value, caseBytes));
    $('open').addEventListener('change', (e) => take(e.target.files));
    const drop = $('drop');
    document.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
    document.addEventListener('dragleave', () => drop.classList.remove('over'));
    document.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      take(e.dataTransfer.files);
    });
    update().catch((e) => { $('diagnostics').textContent = 'reckon\u2019s engine could not start in this browser: ' + e; });
  }

  start();
})();
