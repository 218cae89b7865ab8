#!/usr/bin/env python3
"""The report that recomputes (issue 39), in a real browser: for each shipped ruleset, `reckon report
--interactive` makes the page; headless Chromium opens it from file:// with a param changed in the address's
fragment, and every figure the page shows is compared exactly with `reckon batch --format jsonl --param` under the
same settings (tests/agreement's reading of a report); then a value changed through the panel, the reset, a value
that does not check (the command line's message shown, the figures left as they were), and a figure's explanation
(explain's own first line). The page must make no request but its own file, and say nothing on the console.

    check_interactive.py --reckon BIN --root SRC --out DIR     (screenshots: DIR/interactive-NAME.png)
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from urllib.parse import quote

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "agreement"))
from check_agreement import Page, Tally, jsonl_reference, number  # noqa: E402
from cdp import Browser, finish  # noqa: E402

# ruleset, cases, the settings it is made with, a change through the fragment, a change through the panel
RULESETS = [
    ("sussex", "rulesets/sussex-complex-client.reckon", ["cases/sussex"], [], ("on_costs", "25%"),
     ("working_hours", "1,600 hour/year")),
    ("iom", "rulesets/iom-annual-report.reckon", ["cases/iom"], ["--param", "report_year=2023"], ("report_year", "2022"),
     ("unit_costs(shoplifting).fiscal", "£40")),
    ("vfm", "rulesets/iom-value-for-money.reckon", ["cases/iom"],
     ["--run-data", "cases/iom-partnership-2023.yaml", "--param", "report_year=2023"], ("deadweight", "10%"),
     ("discount_rate", "3%")),
    ("partnership", "tests/rulesets/partnership.reckon", ["tests/rulesets/partnership"],
     ["--run-data", "tests/rulesets/partnership-run-data.yaml", "--param", "contribution=£40,000"], ("contribution", "£50,000"),
     ("on_costs", "25%")),
]


def run(args, cwd, ok=(0, 1)):
    p = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)
    if p.returncode not in ok:
        raise SystemExit(f"FAIL {' '.join(args)}: exit {p.returncode}\n{p.stderr}")
    return p


def with_settings(extra, changes):
    """The command line's settings with each change put over the --param of the same name."""
    out, i = [], 0
    names = {n for n, _ in changes}
    while i < len(extra):
        if extra[i] == "--param" and extra[i + 1].split("=", 1)[0] in names:
            i += 2
            continue
        out.append(extra[i])
        i += 1
    for n, v in changes:
        out += ["--param", f"{n}={v}"]
    return out


def compare(t, b, where, reckon, root, ruleset, cases, settings):
    """Every figure the page shows against batch's under the same settings; the count compared."""
    per_case, cohort, _, _ = jsonl_reference(reckon, root, ruleset, cases, settings)
    rows = {str(k + 1): figures for k, figures in enumerate(per_case.values())}  # the page names a case by its row
    page = Page()
    page.feed(b.js("document.getElementById('reckon-report').innerHTML"))
    before = t.compared
    for case, name, member, text, exact in page.figures:
        shown = number(exact if exact else text)
        if case is not None:
            if case not in rows:
                t.fail(f"{where}: the page names a case {case!r}, not a row (1 to {len(rows)})")
                continue
            want = rows[case].get(name)
        elif name in cohort:
            want = cohort[name]
            if isinstance(want, dict):
                want = want.get(member) if member else None
        elif len(per_case) == 1:
            want = next(iter(per_case.values())).get(name)
        else:
            want = None
        if want is None or isinstance(want, (str, list)) or isinstance(shown, str):
            continue
        t.same(f"{where} {case or ''} {name}{'(' + member + ')' if member else ''}", shown, want)
    if t.compared - before < 3:
        t.fail(f"{where}: only {t.compared - before} figures found on the page to compare")
    return t.compared - before


def set_field(b, name, value):
    b.js(f"""(() => {{ const i = document.querySelector('input[data-name="' + {name!r} + '"]');
        if (!i) throw new Error('no field ' + {name!r}); i.value = {value!r}; i.dispatchEvent(new Event('change')); }})()""")


def one(t, b, a, tmp, name, ruleset, cases, extra, fragment, panel):
    page = os.path.join(tmp, f"{name}.html")
    made = run([a.reckon, "report", ruleset, *cases, *extra, "--interactive", "--out", page], a.root)
    if not os.path.exists(page):
        raise SystemExit(f"FAIL: {name}: the page was not made (exit {made.returncode}):\n{made.stderr}")
    url = "file://" + page
    b.requests.clear()
    b.open(url + f"#{quote(fragment[0])}={quote(fragment[1])}")
    b.wait("document.body && document.body.dataset.reckonRendered === '1'")
    n = compare(t, b, f"{name} #{fragment[0]}={fragment[1]}", a.reckon, a.root, ruleset, cases, with_settings(extra, [fragment]))
    field = "document.querySelector('input[data-name=\"" + fragment[0] + "\"]').value"
    if b.js(field) != fragment[1]:
        t.fail(f"{name}: the panel does not show the fragment's {fragment[0]}")
    b.screenshot(os.path.join(a.out, f"interactive-{name}.png"))
    # through the panel, over the fragment's
    set_field(b, *panel)
    b.wait("document.body.dataset.reckonRendered === '2' || document.body.dataset.reckonError")
    if b.js("document.body.dataset.reckonError"):
        said = b.js("document.getElementById('reckon-error').textContent")
        t.fail(f"{name}: the panel's {panel[0]}={panel[1]}: {said}")
    else:
        n += compare(t, b, f"{name} panel {panel[0]}={panel[1]}", a.reckon, a.root, ruleset, cases,
                     with_settings(extra, [fragment, panel]))
        carried = b.js("decodeURIComponent(location.hash)")
        if carried != f"#{fragment[0]}={fragment[1]}&{panel[0]}={panel[1]}":
            t.fail(f"{name}: the address does not carry the panel's change: {carried}")
    # reset: the page as it was made
    b.js("document.getElementById('reckon-reset').click()")
    b.wait("document.body.dataset.reckonRendered === '3'")
    n += compare(t, b, f"{name} reset", a.reckon, a.root, ruleset, cases, extra)
    # a value that does not check: the command line's message, and the figures stay
    bad = run([a.reckon, "report", ruleset, *cases, *with_settings(extra, [(fragment[0], "banana")]), "--out",
               os.path.join(tmp, "bad.html")], a.root, ok=(2,))
    set_field(b, fragment[0], "banana")
    b.wait("document.body.dataset.reckonError === '1'")
    shown = b.js("document.getElementById('reckon-error').textContent")
    if shown.strip() != bad.stderr.strip():
        t.fail(f"{name}: a bad value shows\n{shown}\nwhere the command line says\n{bad.stderr}")
    n += compare(t, b, f"{name} after a bad value", a.reckon, a.root, ruleset, cases, extra)
    # a figure's explanation: what explain prints first for it
    target = b.js("""(() => { const el = [...document.querySelectorAll('#reckon-report [data-output]')]
        .find((e) => !e.closest('[data-case]') && !e.closest('svg')); if (!el) return null; el.click();
        return el.dataset.output + (el.dataset.member ? '(' + el.dataset.member + ')' : ''); })()""")
    if not target:
        t.fail(f"{name}: no figure on the page to click for its explanation")
    else:
        text = b.wait("document.getElementById('reckon-explain').open && document.getElementById('reckon-explain-text').textContent")
        files = list(dict.fromkeys(f for f in jsonl_reference(a.reckon, a.root, ruleset, cases, extra)[3].values() if f))
        want = run([a.reckon, "explain", ruleset, *files, target, *extra], a.root).stdout
        if text.splitlines()[0] != want.splitlines()[0]:
            t.fail(f"{name}: explain {target} shows {text.splitlines()[0]!r}, explain prints {want.splitlines()[0]!r}")
        b.js("document.getElementById('reckon-explain').close()")
    others = b.requests_but(url)
    if others:
        t.fail(f"{name}: the page made requests: {others[:5]}")
    print(f"{name}: {n} figures compared, first figures in {b.js('document.body.dataset.reckonFirstMs')} ms")


def what_it_holds(t, a, tmp):
    """The IOM page carries no identifier of the cohort's unless --keep-ids, and a case table only so."""
    page = os.path.join(tmp, "holds.html")
    rules = "rulesets/iom-annual-report.reckon"
    run([a.reckon, "report", rules, "cases/iom", "--interactive", "--out", page], a.root)
    with open(page, encoding="utf-8") as f:
        html = f.read()
    ids = [n for n in ("N0001", "N0120", "N0240") if n in html]
    if ids:
        t.fail(f"the IOM page holds the identifiers {ids}")
    if "240 cases" not in html or "replaced by its row (1 to 240)" not in html:
        t.fail("the IOM page does not say on its first screen that it holds 240 cases named by their rows")
    run([a.reckon, "report", rules, "cases/iom", "--interactive", "--keep-ids", "--out", page], a.root)
    with open(page, encoding="utf-8") as f:
        if "N0001" not in f.read():
            t.fail("the IOM page made with --keep-ids does not hold the identifiers")
    table = run([a.reckon, "report", rules, "cases/iom-csv/nominals.csv", "--list", "offences=cases/iom-csv/offences.csv",
                 "--interactive", "--out", page], a.root, ok=(2,))
    want = ("reckon: error: --interactive: cases/iom-csv/nominals.csv is a case table, which the page can carry only as it "
            "is, every column and identifier included: give --keep-ids to do so\n")
    if table.stderr != want:
        t.fail(f"a case table without --keep-ids: {table.stderr!r}")
    t.compared += 4


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reckon", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", action="append", help="these rulesets only (their short names)")
    a = ap.parse_args()
    a.reckon = os.path.abspath(a.reckon)
    os.makedirs(a.out, exist_ok=True)
    chromium = shutil.which("chromium")
    if not chromium:
        raise SystemExit("FAIL: chromium is not installed (apt-get install chromium)")
    t = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        what_it_holds(t, a, tmp)
        b = Browser(chromium, os.path.join(tmp, "profile"))
        try:
            for name, ruleset, cases, extra, fragment, panel in RULESETS:
                if not a.only or name in a.only:
                    one(t, b, a, tmp, name, ruleset, cases, extra, fragment, panel)
        finally:
            b.close()
    sys.exit(finish("", t.compared, t.problems, b))


if __name__ == "__main__":
    main()
