#!/usr/bin/env python3
"""The playground (issue 39), in a real browser: `reckon playground` makes the page, headless Chromium opens it from
file://, and what it shows is compared exactly with what the command line prints for the same files: `reckon check`
as the ruleset is typed (a broken ruleset: the same diagnostics, at the same lines), `reckon eval` of the case,
`reckon explain` of an output, `reckon batch` of a case table dropped on the page, and a hostile workbook dropped
on it (the command line's message; the page goes on working). The page must request nothing but its own file.

    check_playground.py --reckon BIN --root SRC
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from cdp import Browser, finish  # noqa: E402


class Checks:
    def __init__(self):
        self.done, self.problems = 0, []

    def same(self, what, shown, want):
        self.done += 1
        if shown != want:
            self.problems.append(f"{what}: the page shows\n{shown}\nthe command line prints\n{want}")


def native(reckon, cwd, *args):
    p = subprocess.run([reckon, *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    return p


def text_of(b, id_):
    return b.js(f"document.getElementById('{id_}').textContent")


def bump(b, key):
    return int(b.js(f"document.body.dataset.{key} || '0'"))


def wait_bump(b, key, before):
    b.wait(f"+(document.body.dataset.{key} || 0) > {before}")


def type_into(b, id_, text):
    b.js(f"(() => {{ const t = document.getElementById('{id_}'); t.value = {json.dumps(text)}; "
         "t.dispatchEvent(new Event('input')); })()")


def drop(b, name, data):
    """A file dropped on the page, as a reader's drag from the desktop gives it."""
    b.js(f"""(() => {{ const bytes = Uint8Array.from(atob({json.dumps(__import__('base64').b64encode(data).decode())}), (c) => c.charCodeAt(0));
        const dt = new DataTransfer(); dt.items.add(new File([bytes], {json.dumps(name)}));
        document.dispatchEvent(new DragEvent('drop', {{ dataTransfer: dt, bubbles: true, cancelable: true }})); }})()""")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reckon", required=True)
    ap.add_argument("--root", required=True)
    a = ap.parse_args()
    reckon, root = os.path.abspath(a.reckon), os.path.abspath(a.root)
    chromium = shutil.which("chromium")
    if not chromium:
        raise SystemExit("FAIL: chromium is not installed (apt-get install chromium)")
    c = Checks()
    with tempfile.TemporaryDirectory() as tmp:
        # the folder the page's files are in, as the command line sees them
        work = os.path.join(tmp, "play")
        shutil.copytree(os.path.join(root, "rulesets"), work)
        shutil.copy(os.path.join(root, "cases", "sussex", "complex-client-2010-11.yaml"), work)
        page = os.path.join(tmp, "playground.html")
        made = native(reckon, root, "playground", "rulesets/sussex-complex-client.reckon",
                      "cases/sussex/complex-client-2010-11.yaml", "--out", page)
        if made.returncode != 0:
            raise SystemExit(f"FAIL: reckon playground: exit {made.returncode}\n{made.stderr}")
        b = Browser(chromium, os.path.join(tmp, "profile"))
        try:
            url = "file://" + page
            b.open(url)
            b.wait("+(document.body.dataset.reckonEvals || 0) >= 1")
            rules, case = "sussex-complex-client.reckon", "complex-client-2010-11.yaml"
            want = native(reckon, work, "check", rules)
            c.same("check as it opens", text_of(b, "diagnostics"), want.stdout + want.stderr)
            want = native(reckon, work, "eval", rules, case)
            c.same("eval as it opens", text_of(b, "results"), want.stdout + want.stderr)
            # explain an output
            b.js("document.getElementById('explain-name').value = 'total'; document.getElementById('explain').click()")
            b.wait("+(document.body.dataset.reckonExplained || 0) >= 1")
            c.same("explain total", text_of(b, "explanation"), native(reckon, work, "explain", rules, case, "total").stdout)
            # a ruleset broken as it is typed
            with open(os.path.join(work, rules), encoding="utf-8") as f:
                good = f.read()
            broken = good.replace("param on_costs = 20%", "param on_costs = 20% +", 1)
            before = bump(b, "reckonChecks")
            type_into(b, "ruleset", broken)
            wait_bump(b, "reckonChecks", before)
            with open(os.path.join(work, rules), "w", encoding="utf-8") as f:
                f.write(broken)
            want = native(reckon, work, "check", rules)
            if want.returncode != 1:
                c.problems.append(f"the broken ruleset checks natively (exit {want.returncode})")
            c.same("check of a broken ruleset", text_of(b, "diagnostics"), want.stderr)
            with open(os.path.join(work, rules), "w", encoding="utf-8") as f:
                f.write(good)
            before = bump(b, "reckonEvals")
            type_into(b, "ruleset", good)
            wait_bump(b, "reckonEvals", before)
            c.same("eval once mended", text_of(b, "results"), native(reckon, work, "eval", rules, case).stdout)
            # a hostile workbook dropped on the page: a zip that is no workbook, then one that is not even a zip
            for name, data in (("hostile.xlsx", b"PK\x03\x04" + b"\x00" * 60), ("notazip.xlsx", b"<html>not a workbook</html>")):
                before = bump(b, "reckonEvals")
                drop(b, name, data)
                wait_bump(b, "reckonEvals", before)
                with open(os.path.join(work, name), "wb") as f:
                    f.write(data)
                want = native(reckon, work, "batch", rules, name)
                c.same(f"batch of {name} dropped", text_of(b, "results"), want.stdout + want.stderr)
            # a case table dropped: the Sussex case as CSV
            csv_dir = os.path.join(root, "cases", "sussex-csv")
            before = bump(b, "reckonEvals")
            with open(os.path.join(csv_dir, "complex-client.csv"), "rb") as f:
                drop(b, "complex-client.csv", f.read())
            wait_bump(b, "reckonEvals", before)
            shutil.copy(os.path.join(csv_dir, "complex-client.csv"), work)
            want = native(reckon, work, "batch", rules, "complex-client.csv")
            c.same("batch of a CSV dropped", text_of(b, "results"), want.stdout + want.stderr)
            # and the page still works: the YAML case typed back
            with open(os.path.join(work, case), encoding="utf-8") as f:
                yaml_case = f.read()
            b.js(f"document.getElementById('case-name').value = {json.dumps(case)}")
            before = bump(b, "reckonEvals")
            type_into(b, "case", yaml_case)
            wait_bump(b, "reckonEvals", before)
            c.same("eval after the hostile files", text_of(b, "results"), native(reckon, work, "eval", rules, case).stdout)
            others = b.requests_but(url)
            if others:
                c.problems.append(f"the page made requests: {others[:5]}")
        finally:
            b.close()
    sys.exit(finish("playground: ", c.done, c.problems, b))


if __name__ == "__main__":
    main()
