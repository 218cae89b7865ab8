#!/usr/bin/env python3
"""One figure, one value, on every surface (issue 36): each figure that more than one surface shows is read back
from each and compared exactly, as decimals, never with a tolerance.

    check_agreement.py --reckon BIN --root SRC shipped      every shipped ruleset and test ruleset with its cases
    check_agreement.py --reckon BIN --root SRC explain      explain is complete, over every output of them
    check_agreement.py --reckon BIN --gen GEN --root SRC generated   cohorts from gen_iom_cohort, as YAML, CSV, xlsx

The reference is `batch --format jsonl` (each case's outputs, then the cohort's). Read back against it: `eval
--format json` of each case file, `batch --format csv`, the workbook (`--format xlsx`, read here part by part with
zipfile and the XML parser: sheets Cases and Cohort), the report's HTML (every element that names its figure with
data-output, data-member, data-exact), explain's root (`--format json`), and diff's before and after against eval
of the old and the new ruleset. Explain's parts of a cohort figure add up to it, and each step of an explanation
that is arithmetic over what it uses is worked again from their exact values (recompute.py). A table of cases' sum row must say
that it sums every case the table shows, and how many (issue 36: the IOM report's "Total" of 751 offences read as the
cohort's 492); its cohort row, where there is one, is compared as the cohort's figure. A report's waterfall between
two years is compared with batch under each and with `diff --attribute` of the same two runs.
"""
import argparse
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal
from fractions import Fraction
from html.parser import HTMLParser

from recompute import work_again

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


class Tally:
    def __init__(self):
        self.compared = 0
        self.problems = []
        self.worked, self.not_worked = 0, 0  # explain's steps worked again from their uses, and the others

    def same(self, where, a, b):
        """Two readings of one figure: equal as decimals (None: not defined), or a problem naming both."""
        self.compared += 1
        if a != b:
            self.problems.append(f"{where}: {a} against {b}")

    def fail(self, where):
        self.problems.append(where)


def run(args, cwd, ok=(0,)):
    p = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)
    if p.returncode not in ok:
        raise SystemExit(f"FAIL {' '.join(args)}: exit {p.returncode}\n{p.stderr}")
    return p.stdout


def number(text):
    """A figure as a surface writes it ("£1,446,450.90", "-£63.06/week", "72.8 %", "273 days", "1266") as a Decimal;
    None for "not defined", an empty cell or null; the text itself when it is no number (a status)."""
    if text is None:
        return None
    t = str(text).replace("\u00a0", " ").strip()
    if t in ("", "not defined", "null", "none", "not given"):
        return None
    m = re.match(r"^([+-]?)£?([+-]?)([0-9][0-9,]*(?:\.[0-9]+)?)(?:…)?(.*)$", t)
    if not m or "…" in t:
        return t
    sign = "-" if "-" in (m.group(1) + m.group(2)) else ""
    return Decimal(sign + m.group(3).replace(",", ""))


def jsonl_reference(reckon, root, ruleset, cases, extra):
    """batch --format jsonl: {case: {output: value}}, {cohort output: value or {member: value}}, labels."""
    out = run([reckon, "batch", ruleset, *cases, *extra, "--format", "jsonl"], root, ok=(0, 1))
    per_case, cohort, labels, files = {}, {}, {}, {}
    for line in out.splitlines():
        j = json.loads(line)
        if "cohort" in j:
            for name, o in j["cohort"]["outputs"].items():
                v = o["value"]
                cohort[name] = {m: number(x) for m, x in v.items()} if isinstance(v, dict) else v if isinstance(v, list) else number(v)
                labels[name] = o.get("label", name)
        elif "outputs" in j:
            per_case[j["case"]] = {n: number(o["value"]) for n, o in j["outputs"].items() if not isinstance(o["value"], dict)}
            files[j["case"]] = j.get("file")
            for n, o in j["outputs"].items():
                labels[n] = o.get("label", n)
    return per_case, cohort, labels, files


def check_eval(t, reckon, root, ruleset, files, per_case, extra, sample):
    """eval --format json of each case file that holds one case, against batch."""
    seen = sorted(f for f in set(files.values()) if f and f.endswith(".yaml") and list(files.values()).count(f) == 1)
    for f in seen[::sample]:
        j = json.loads(run([reckon, "eval", ruleset, f, *extra, "--format", "json"], root))
        for name, o in j["outputs"].items():
            if isinstance(o["value"], dict):
                continue
            t.same(f"{ruleset} eval {f} {name}", number(o["value"]), per_case[j["case"]].get(name))


def check_csv(t, reckon, root, ruleset, cases, extra, per_case):
    text = run([reckon, "batch", ruleset, *cases, *extra, "--format", "csv"], root, ok=(0, 1))
    for row in csv.DictReader(io.StringIO(text)):
        case = row["case"]
        for head, cell in row.items():
            name = re.sub(r" \(.*\)$", "", head or "")
            if case in per_case and name in per_case[case]:
                t.same(f"{ruleset} csv {case} {name}", number(cell), per_case[case][name])


def sheets(path):
    """A workbook's sheets by name, each a list of rows, each a list of cell texts (numbers as written)."""
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(x.text or "" for x in si.iter("{%s}t" % NS["m"])))
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for s in wb.find("m:sheets", NS):
        rid = s.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        part = "xl/" + target[rid].lstrip("/").replace("xl/", "", 1)
        rows = []
        for r in ET.fromstring(z.read(part)).iter("{%s}row" % NS["m"]):
            cells = {}
            for c in r.findall("m:c", NS):
                col = re.match(r"[A-Z]+", c.get("r")).group(0)
                k = 0
                for ch in col:
                    k = k * 26 + ord(ch) - 64
                kind = c.get("t")
                if kind == "inlineStr":
                    v = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
                elif kind == "s":
                    v = shared[int(c.find("m:v", NS).text)]
                else:
                    e = c.find("m:v", NS)
                    v = e.text if e is not None else None
                cells[k - 1] = v
            rows.append([cells.get(i) for i in range(max(cells) + 1)] if cells else [])
        out[s.get("name")] = rows
    return out


def cell_value(cell, want, percent=False):
    """A workbook's cell read as a figure of the same kind as `want` (batch's): a number cell holds a binary double,
    so it agrees when it is the double nearest the exact figure (a percentage's: of the fraction, 72.8 % as 0.728),
    and reads back as that figure; a list is written as its entries joined by ", "."""
    if isinstance(want, list):
        return [] if cell is None else cell.split(", ")
    got = number(cell)
    if not isinstance(want, Decimal) or not isinstance(got, Decimal):
        return got
    exact = want / 100 if percent else want
    return want if float(got) == float(exact) else (got * 100 if percent else got)


def header_names(head, labels):
    """A sheet's header cells to output names: the name, or the label the ruleset gives, with or without a unit."""
    by_label = {}
    for n, l in labels.items():
        by_label.setdefault(l, n)
    names = []
    for h in head:
        h = re.sub(r" \(.*\)$", "", (h or "").split("\n")[0])
        names.append(h if h in labels else by_label.get(h))
    return names


def check_workbook(t, reckon, root, ruleset, cases, extra, per_case, cohort, labels, tmp):
    path = os.path.join(tmp, "out.xlsx")
    run([reckon, "batch", ruleset, *cases, *extra, "--format", "xlsx", "--out", path], root, ok=(0, 1))
    book = sheets(path)
    rows = book["Cases"]
    names = header_names(rows[0], labels)
    for r in rows[1:]:
        if not r or r[0] not in per_case:
            continue  # a second header row, or a failed case
        for i, name in enumerate(names):
            if name and i < len(r) and name in per_case[r[0]]:
                want = per_case[r[0]][name]
                if isinstance(want, str):
                    continue  # a status: the sheet shows its label
                t.same(f"{ruleset} workbook Cases {r[0]} {name}", cell_value(r[i], want), want)
    rows = book.get("Cohort", [[]])
    if cohort and len(rows) < 2:
        t.fail(f"{ruleset} workbook: no Cohort sheet, the JSON has {len(cohort)} cohort figures")
    if len(rows) < 2:
        return
    head = [h or "" for h in rows[0]]
    col = {h: i for i, h in enumerate(head)}
    for r in rows[1:]:
        r = r + [None] * (len(head) - len(r))
        name = r[col["output"]] if "output" in col else None
        if name not in cohort:
            continue
        want = cohort[name]
        if isinstance(want, dict):
            member = r[col["member"]]
            if member is None:
                continue
            key = member if member in want else next((m for m in want if m.replace("_", " ") == member.lower()), None)
            if key is None:
                t.fail(f"{ruleset} workbook Cohort {name}: member {member} is not the JSON's")
                continue
            want = want[key]
        percent = "unit" in col and r[col["unit"]] == "%"
        t.same(f"{ruleset} workbook Cohort {name} {r[col.get('member', 1)] or ''}".rstrip(), cell_value(r[col["value"]], want, percent), want)


class Page(HTMLParser):
    """Every element that names its figure: (case or None, output, member or None, text, exact or None), and each
    Total row's cells (output, text)."""

    def __init__(self):
        super().__init__()
        self.figures, self.totals = [], []
        self.stack = []  # open elements: (tag, attrs, text parts)
        self.case = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and "data-case" in a:
            self.case = a["data-case"]
        if tag in ("br", "img", "meta", "link", "line", "rect", "path", "circle", "input"):
            return
        self.stack.append((tag, a, []))

    def handle_endtag(self, tag):
        if tag == "tr":
            self.case = None
        while self.stack:
            t, a, text = self.stack.pop()
            content = "".join(text)
            if self.stack:
                self.stack[-1][2].append(content)
            if "data-output" in a and t not in ("ul", "ol", "svg", "g", "rect"):
                self.figures.append((self.case, a["data-output"], a.get("data-member"), content, a.get("data-exact")))
            if "data-total" in a:
                self.totals.append((a["data-total"], content))
            if t == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2].append(data)


def check_report(t, reckon, root, ruleset, cases, extra, per_case, cohort, tmp):
    path = os.path.join(tmp, "report.html")
    run([reckon, "report", ruleset, *cases, *extra, "--out", path], root, ok=(0, 1))
    page = Page()
    with open(path, encoding="utf-8") as f:
        html = f.read()
    page.feed(html)
    for case, name, member, text, exact in page.figures:
        shown = number(exact if exact else text)
        if case is not None:
            if case in per_case and name in per_case[case] and not isinstance(per_case[case][name], str):
                t.same(f"{ruleset} report case {case} {name}", shown, per_case[case][name])
        elif name in cohort:
            want = cohort[name]
            if isinstance(want, dict):
                if member is None or member not in want:
                    continue
                want = want[member]
            if isinstance(want, str) or isinstance(shown, str):
                continue
            t.same(f"{ruleset} report {name}{'(' + member + ')' if member else ''}", shown, want)
        elif len(per_case) == 1:  # a report of one case shows its figures
            only = next(iter(per_case.values()))
            if name in only and not isinstance(only[name], str):
                t.same(f"{ruleset} report {name}", shown, only[name])
    # A table of cases sums each column over every case it shows: its sum row must say so, over how many, and
    # never stand for the cohort's figure (the cohort row, when there is one, is compared above as the figure).
    for shown_over in re.findall(r'<tr class="sum"><td>Sum, all ([0-9,]+) cases</td>', html):
        t.same(f"{ruleset} report: the sum row is over every case the table shows", int(shown_over.replace(",", "")), len(per_case))
    for name, text in page.totals:
        if name in cohort and not isinstance(cohort[name], (dict, str)) and "Sum, all" not in html:
            t.fail(f"{ruleset} report: a total of {name} ({text}) is shown without saying what it sums, "
                   f"and the cohort figure {name} is {cohort[name]}")


def explain_json(reckon, root, ruleset, cases, name, extra):
    return json.loads(run([reckon, "explain", ruleset, *cases, name, *extra, "--format", "json"], root))


def walk(d):
    yield d
    for u in d.get("uses", []):
        yield from walk(u)
    for c in d.get("case", []):
        for u in c.get("uses", []):
            yield from walk(u)


NO_ROW = "no row looked up: the evaluation did not reach a lookup of this table"


def explain_complete(t, tree, where):
    """Every table the derivation uses (where it shows it in full) lists the rows it used; it may say it looked up
    none only under a function that was not called or a formula with a condition; and a cohort figure's parts add
    up to it exactly."""
    for d in walk(tree):
        for u in d.get("uses", []):
            if u["kind"] != "table" or u.get("shown_above"):
                continue
            rows = u.get("rows", [])
            if not rows:
                t.fail(f"{where}: explain shows table {u['name']} with none of the rows it used")
            elif rows[0] == NO_ROW:
                called = d["kind"] == "fn" and (d.get("value") or d.get("calls"))
                conditional = re.search(r"\b(if|where|otherwise)\b", d.get("formula", ""))
                if called or not (d["kind"] == "fn" or conditional):
                    t.fail(f"{where}: explain says no row of table {u['name']} was looked up, under {d['kind']} {d['name']} "
                           "that did look up")
        if d.get("parts"):
            total = sum((number(p["value"]) for p in d["parts"]), Decimal(0))
            t.same(f"{where}: explain's parts of {d['name']} add up to it", total, number(d.get("value")))
        again = work_again(d)
        if again is None:
            t.not_worked += bool("exact" in d and d.get("uses"))  # a step, not a leaf written out (15 minute)
        else:
            t.worked += 1
            t.same(f"{where}: {d['kind']} {d['name']} = {d['formula']}, worked again from its uses' exact values", again,
                   Fraction(d["exact"]))


def check_explain(t, reckon, root, ruleset, cases, extra, files, per_case, cohort, sample):
    single = sorted(c for c, f in files.items() if f and f.endswith(".yaml") and list(files.values()).count(f) == 1)
    for case in single[::sample]:
        for name, want in per_case[case].items():
            tree = explain_json(reckon, root, ruleset, [files[case]], name, extra)
            if not isinstance(want, str):
                t.same(f"{ruleset} explain {case} {name}", number(tree.get("value")), want)
            explain_complete(t, tree, f"{ruleset} explain {case} {name}")
    for name, want in cohort.items():
        tree = explain_json(reckon, root, ruleset, cases, name, extra)
        if not isinstance(want, (dict, str, list)):
            t.same(f"{ruleset} explain {name}", number(tree.get("value")), want)
        explain_complete(t, tree, f"{ruleset} explain {name}")


def check_diff(t, reckon, root, old, new, cases, extra, tmp):
    """diff OLD NEW --cases: each figure's before is OLD's, after NEW's, and the difference after - before."""
    before_case, before_cohort, _, _ = jsonl_reference(reckon, root, old, cases, extra)
    after_case, after_cohort, _, _ = jsonl_reference(reckon, root, new, cases, extra)
    j = json.loads(run([reckon, "diff", old, new, "--cases", *cases, *extra, "--rows", "100000", "--format", "json"], root, ok=(0, 1)))
    changed = 0
    for f in j.get("cases", []):
        changed += 1
        name, case = f["output"], f["case"]
        b, a = number(f["before"]), number(f["after"])
        if case in before_case and name in before_case[case]:
            t.same(f"diff {case} {name} before", b, before_case[case][name])
            t.same(f"diff {case} {name} after", a, after_case[case][name])
            if isinstance(a, Decimal) and isinstance(b, Decimal):
                t.same(f"diff {case} {name} difference", number(f["difference"]), a - b)
    for f in j.get("cohort", []):
        changed += 1
        name = f["output"]
        if name in before_cohort and not isinstance(before_cohort[name], dict) and "member" not in f:
            t.same(f"diff cohort {name} before", number(f["before"]), before_cohort[name])
            t.same(f"diff cohort {name} after", number(f["after"]), after_cohort[name])
    if not changed:
        t.fail(f"diff {old} {new}: no figure changed, nothing compared")


def check_waterfall(t, reckon, root, copy, tmp):
    """A report's waterfall (issue 40) against batch and diff: the IOM report of 2022 and of 2023 with a unit cost set
    in the second, as two scenarios. The figure at each end is batch's under that scenario's settings, each step's
    amount the diff's part for the same two runs, and the steps add up from one end to the other exactly."""
    ruleset = os.path.join(copy, "iom-annual-report.reckon")
    with open(ruleset, encoding="utf-8") as f:
        text = f.read()
    if "\n  appendix\n" not in text:
        t.fail("the IOM report has no appendix line to put a waterfall before")
        return
    with open(ruleset, "w", encoding="utf-8") as f:
        f.write(text.replace("\n  appendix\n", '\n  waterfall "Why the saving changed" saving_pnc from "2022" to "2023"\n  appendix\n', 1))
    scenarios = os.path.join(tmp, "two-years.yaml")
    with open(scenarios, "w", encoding="utf-8") as f:
        f.write('"2022": {report_year: 2022}\n"2023": {report_year: 2023, "unit_costs(shoplifting).fiscal": "£36"}\n')
    page = os.path.join(tmp, "waterfall.html")
    run([reckon, "report", ruleset, "cases/iom", "--scenarios", scenarios, "--out", page], root)
    with open(page, encoding="utf-8") as f:
        html = f.read()
    figure = re.search(r'<figure class="chart long waterfall" data-output="saving_pnc">(.*?)</figure>', html, re.S)
    if not figure:
        t.fail("the waterfall of saving_pnc is not on the page")
        return
    rows = re.findall(r'<tr><td>([^<]*)</td><td class="num">([^<]*)</td>', figure.group(1))
    if len(rows) < 3:
        t.fail(f"the waterfall's table has {len(rows)} rows, not its two ends and a step or more")
        return
    _, old_cohort, _, _ = jsonl_reference(reckon, root, ruleset, ["cases/iom"], ["--param", "report_year=2022"])
    _, new_cohort, _, _ = jsonl_reference(reckon, root, ruleset, ["cases/iom"], ["--param", "report_year=2023", "--param",
                                                                                "unit_costs(shoplifting).fiscal=£36"])
    t.same("waterfall: the figure under 2022, against batch", number(rows[0][1]), old_cohort["saving_pnc"])
    t.same("waterfall: the figure under 2023, against batch", number(rows[-1][1]), new_cohort["saving_pnc"])
    steps = [number(amount) for _, amount in rows[1:-1]]
    t.same("waterfall: the steps add up from one end to the other", number(rows[0][1]) + sum(steps), number(rows[-1][1]))
    j = json.loads(run([reckon, "diff", ruleset, ruleset, "--cases", "cases/iom", "--old-param", "report_year=2022", "--param",
                        "report_year=2023", "--new-param", "unit_costs(shoplifting).fiscal=£36", "--attribute", "--format", "json"], root))
    diff = next((f for f in j["cohort"] if f["output"] == "saving_pnc"), None)
    if diff is None:
        t.fail("diff --attribute of the two years has no saving_pnc")
        return
    t.same("waterfall: its steps, against diff --attribute", steps, [number(p["amount"]) for p in diff["attribution"]])
    t.same("waterfall: the figure under 2022, against diff", number(rows[0][1]), number(diff["before"]))


def check_ruleset(t, reckon, root, ruleset, cases, extra, tmp, sample=1, report=True):
    per_case, cohort, labels, files = jsonl_reference(reckon, root, ruleset, cases, extra)
    if not per_case:
        t.fail(f"{ruleset}: batch gave no case")
    check_eval(t, reckon, root, ruleset, files, per_case, extra, sample)
    check_csv(t, reckon, root, ruleset, cases, extra, per_case)
    check_workbook(t, reckon, root, ruleset, cases, extra, per_case, cohort, labels, tmp)
    if report:
        check_report(t, reckon, root, ruleset, cases, extra, per_case, cohort, tmp)
    return per_case, cohort, files


SHIPPED = [  # ruleset, cases, settings, a case in how many read back one at a time, a report
    ("rulesets/sussex-complex-client.reckon", ["cases/sussex"], [], 1, True),
    ("rulesets/sussex-complex-client-2012.2.reckon", ["cases/sussex"], [], 1, True),
    ("rulesets/sussex-complex-client.reckon", ["cases/sussex-csv/complex-client.csv", "--list", "probation.activities=cases/sussex-csv/activities.csv",
                                               "--list", "police.custody_minutes=cases/sussex-csv/custody.csv"], [], 1, False),
    ("rulesets/iom-annual-report.reckon", ["cases/iom"], ["--param", "report_year=2023"], 24, True),
    ("rulesets/iom-value-for-money.reckon", ["cases/iom"], ["--run-data", "cases/iom-partnership-2023.yaml", "--param", "report_year=2023"], 48, True),
    ("tests/rulesets/staff-costs.reckon", ["tests/rulesets/staff-costs.yaml"], [], 1, True),
    ("tests/rulesets/fold.reckon", ["tests/cases/fold"], [], 1, False),
    ("tests/rulesets/contact-dated.reckon", ["tests/rulesets/contact-dated.yaml"], [], 1, False),
    ("tests/rulesets/contact-dated.reckon", ["tests/rulesets/contact-dated.yaml"], ["--param", "working_hours=1,500 hour/year"], 1, False),
    ("tests/rulesets/partnership.reckon", ["tests/rulesets/partnership"],
     ["--run-data", "tests/rulesets/partnership-run-data.yaml", "--param", "contribution=£40,000"], 1, True),
]


def shipped(t, a, tmp):
    for ruleset, cases, extra, sample, report in SHIPPED:
        check_ruleset(t, a.reckon, a.root, ruleset, cases, extra, tmp, sample, report)
    check_diff(t, a.reckon, a.root, "rulesets/sussex-complex-client.reckon", "rulesets/sussex-complex-client-2012.2.reckon",
               ["cases/sussex"], [], tmp)
    # the IOM ruleset against a copy with one deflator edited: every figure in pounds changes
    copy = os.path.join(tmp, "rulesets")
    shutil.copytree(os.path.join(a.root, "rulesets"), copy)
    lib = os.path.join(copy, "lib", "home-office-unit-costs-of-crime.reckon")
    with open(lib, encoding="utf-8") as f:
        text = f.read()
    if "1.49168" not in text:
        t.fail("the deflator of 2023 (1.49168) is not in the unit costs' file: the diff check needs another edit")
    with open(lib, "w", encoding="utf-8") as f:
        f.write(text.replace("1.49168", "1.5", 1))
    check_diff(t, a.reckon, a.root, "rulesets/iom-annual-report.reckon", os.path.join(copy, "iom-annual-report.reckon"),
               ["cases/iom"], ["--param", "report_year=2023"], tmp)
    fresh = os.path.join(tmp, "waterfall-rulesets")  # the unit costs as shipped
    shutil.copytree(os.path.join(a.root, "rulesets"), fresh)
    check_waterfall(t, a.reckon, a.root, fresh, tmp)


def explain(t, a, tmp):
    for ruleset, cases, extra, sample, _ in SHIPPED:
        if "--list" in cases:
            continue
        per_case, cohort, _, files = jsonl_reference(a.reckon, a.root, ruleset, cases, extra)
        check_explain(t, a.reckon, a.root, ruleset, cases, extra, files, per_case, cohort, sample)


def generated(t, a, tmp):
    """Cohorts of gen_iom_cohort (two sizes and seeds), each as YAML files, CSV tables and a workbook: the same
    figures on every surface, and from every form of the cases."""
    ruleset, extra = "rulesets/iom-annual-report.reckon", ["--param", "report_year=2023"]
    for count, seed in ((60, 7), (150, 2024)):
        folder = os.path.join(tmp, f"cohort-{seed}")
        for form in ("yaml", "csv", "xlsx"):
            run([a.gen, *([] if form == "yaml" else ["--" + form]), os.path.join(folder, form), str(count), str(seed)], a.root)
        yaml_cases = [os.path.join(folder, "yaml")]
        per_case, cohort, _ = check_ruleset(t, a.reckon, a.root, ruleset, yaml_cases, extra, tmp, 15)
        for cases in ([os.path.join(folder, "csv", "nominals.csv"), "--list", "offences=" + os.path.join(folder, "csv", "offences.csv")],
                      [os.path.join(folder, "xlsx", "master.xlsx")]):
            other_case, other_cohort, _, _ = jsonl_reference(a.reckon, a.root, ruleset, cases, extra)
            t.same(f"generated {seed}: cases read from {cases[0]}", sorted(other_case), sorted(per_case))
            for name, v in cohort.items():
                t.same(f"generated {seed} {cases[0]} cohort {name}", other_cohort.get(name), v)
        for name, want in cohort.items():
            tree = explain_json(a.reckon, a.root, ruleset, yaml_cases, name, extra)
            if not isinstance(want, (dict, str, list)):
                t.same(f"generated {seed} explain {name}", number(tree.get("value")), want)
            explain_complete(t, tree, f"generated {seed} explain {name}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["shipped", "explain", "generated"])
    ap.add_argument("--reckon", required=True)
    ap.add_argument("--gen", help="gen_iom_cohort, for `generated`")
    ap.add_argument("--root", default=".")
    a = ap.parse_args()
    a.reckon = os.path.abspath(a.reckon)
    t = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        {"shipped": shipped, "explain": explain, "generated": generated}[a.what](t, a, tmp)
    for p in t.problems:
        print("FAIL " + p)
    if t.compared == 0:
        print("FAIL nothing was compared")
        return 1
    if t.problems:
        print(f"agreement {a.what}: {len(t.problems)} disagreements in {t.compared} comparisons")
        return 1
    worked = (f"; explain's steps worked again from their uses' exact values: {t.worked}, not arithmetic: {t.not_worked}"
              if t.worked or t.not_worked else "")
    if a.what == "explain" and t.worked == 0:
        print("FAIL no step of explain was worked again")
        return 1
    print(f"agreement {a.what}: {t.compared} comparisons, every one equal{worked}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
