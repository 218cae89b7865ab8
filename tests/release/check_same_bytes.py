#!/usr/bin/env python3
"""The release binaries give the same bytes as the native build (issue 38), and so does the browser engine (39).

    check_same_bytes.py --native build/reckon --release build-windows/reckon/reckon.exe --root . --work DIR
    check_same_bytes.py --native build/reckon --release build/web/reckon-engine.js --root . --work DIR

Runs both programs on the same commands and compares, byte for byte, what each writes on stdout and stderr, its
exit status, and every file it writes (--out): each concrete `reckon …` command of the README, and each golden
diagnostic of tests/golden/ and tests/adversarial/ run as tests/examples/golden_example.cpp runs it. A release
binary ending in .js is the browser engine, run under Node.js (tests/browser/run_engine.js). A release
binary ending in .exe is run under wine (WINEPREFIX in DIR, WINEDEBUG=-all, no display needed), and then the
things Windows users do are checked too: paths with backslashes, a drive letter and spaces; rule, case and CSV
files with CRLF line ends and a UTF-8 byte order mark, as Notepad and Excel save them; --out replacing a file
that exists; the exit status of a bad command line. Ends with
"check_same_bytes: N commands, every output the same" or lists each difference and exits 1.
"""
import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys

# The README's commands that name files of the repository, found by this pattern; a command with a placeholder
# (RULESET, CASE…, [--option]) is a synopsis, not a command.
COMMAND = re.compile(r"(?:`|^|^\$ )(?:\./build/)?reckon ((?:eval|check|batch|report|test|explain|doc|template|fmt|diff|sensitivity|merge) [^`\n]*)`?", re.M)
PLACEHOLDER = re.compile(r"[A-Z]{3,}|…|\[|\||REV:|&&")


def readme_commands(root):
    with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
        text = f.read()
    out = []
    for m in COMMAND.finditer(text):
        line = m.group(1).strip()
        # an interactive report holds the browser engine beside the program, which a release does not ship yet;
        # tests/browser/check_interactive.py checks its pages
        if PLACEHOLDER.search(line) or line in out or "--interactive" in line:
            continue
        out.append(line)
    return [line.split() for line in out]


# Beyond the README: the IOM workbook the issue names, each other format and command once.
MORE = [
    "batch rulesets/iom-annual-report.reckon cases/iom --param report_year=2023 --format xlsx --out iom.xlsx",
    "batch rulesets/iom-annual-report.reckon cases/iom --param report_year=2023 --format csv --out iom.csv",
    "batch rulesets/iom-annual-report.reckon cases/iom --param report_year=2023 --format jsonl",
    "eval rulesets/sussex-complex-client.reckon cases/sussex/complex-client-2010-11.yaml --format json",
    "explain rulesets/sussex-complex-client.reckon cases/sussex/complex-client-2010-11.yaml total",
    "doc rulesets/sussex-complex-client.reckon --case cases/sussex/complex-client-2010-11.yaml --format html",
    "diff rulesets/sussex-complex-client.reckon rulesets/sussex-complex-client-2012.2.reckon --cases cases/sussex",
    "test rulesets",
    "fmt --check rulesets",
    "template rulesets/iom-annual-report.reckon --format yaml",
]


def golden_commands(root):
    """Each golden .err file's command, as tests/examples/golden_example.cpp makes it."""
    out = []
    for folder in ("tests/golden", "tests/adversarial"):
        for d, _, names in sorted(os.walk(os.path.join(root, folder))):
            for name in sorted(names):
                if not name.endswith(".err"):
                    continue
                stem = os.path.relpath(os.path.join(d, name[:-4]), root)

                def lines(ext):
                    with open(os.path.join(root, stem + ext), encoding="utf-8") as f:
                        return f.read().splitlines()

                def there(ext):
                    return os.path.exists(os.path.join(root, stem + ext))

                rules = lines(".ruleset")[0] if there(".ruleset") else stem + ".reckon"
                args = lines(".args") if there(".args") else []
                if there(".command"):
                    args += lines(".command")
                elif there(".cases"):
                    args += ["report", rules] + lines(".cases") + ["--out", "page.html"]
                elif there(".yaml"):
                    args += ["eval", rules, stem + ".yaml"]
                else:
                    args += ["check", rules]
                out.append(args)
    return out


class Runner:
    """One program, run in a folder of its own that shows the repository's inputs at the same relative paths."""

    def __init__(self, program, root, folder, env):
        self.program, self.folder, self.env = program, folder, env
        os.makedirs(folder, exist_ok=True)
        for name in ("rulesets", "cases", "tests", "docs"):
            link = os.path.join(folder, name)
            if os.path.lexists(link):
                continue
            if program.endswith(".js"):  # emscripten's NODEFS cannot follow a link out of the folder it mounts
                shutil.copytree(os.path.join(root, name), link, symlinks=True)
            else:
                os.symlink(os.path.join(root, name), link)
        self.wine = program.endswith(".exe")
        self.prefix = []  # options given before every command
        # the browser engine (build/web/reckon-engine.js), run as a command under Node.js
        self.node = [] if not program.endswith(".js") else \
            ["node", os.path.join(root, "tests", "browser", "run_engine.js"), os.path.dirname(program)]

    def run(self, args):
        argv = (["wine", self.program] if self.wine else self.node if self.node else [self.program]) + self.prefix + args
        r = subprocess.run(argv, cwd=self.folder, env=self.env, capture_output=True, timeout=300)
        return r.returncode, r.stdout, r.stderr


def out_file(args):
    return args[args.index("--out") + 1] if "--out" in args else None


def compare(native, release, args, release_args=None):
    """The differences between the two runs of one command, as lines of text; none if the same."""
    out = out_file(args)
    for r in (native, release):
        if out and os.path.exists(os.path.join(r.folder, out)):
            os.remove(os.path.join(r.folder, out))
    a = native.run(args)
    b = release.run(release_args or args)
    shown = " ".join(release_args or args)
    bad = []
    for what, x, y in (("exit status", a[0], b[0]), ("stdout", a[1], b[1]), ("stderr", a[2], b[2])):
        if x != y:
            bad.append(f"{shown}: {what} differs: native {str(x)[:300] if isinstance(x, int) else x[:300]!r}, "
                       f"release {str(y) if isinstance(y, int) else y[:300]!r}")
    if out:
        files = [os.path.join(r.folder, out) for r in (native, release)]
        blobs = [open(f, "rb").read() if os.path.exists(f) else None for f in files]
        if blobs[0] != blobs[1]:
            bad.append(f"{shown}: {out} differs ({[None if x is None else len(x) for x in blobs]} bytes)")
    return bad


def windows_copies(root, work):
    """Rule, case and CSV files as Notepad and Excel save them (CRLF, a UTF-8 byte order mark), in a folder whose
    name has a space."""
    top = os.path.join(work, "saved by notepad")
    if os.path.exists(top):
        shutil.rmtree(top)
    for rel in ("rulesets/sussex-complex-client.reckon", "rulesets/lib/units.reckon", "rulesets/iom-annual-report.reckon",
                "rulesets/lib/home-office-unit-costs-of-crime.reckon", "cases/sussex/complex-client-2010-11.yaml",
                "cases/iom-csv/nominals.csv", "cases/iom-csv/offences.csv"):
        with open(os.path.join(root, rel), "rb") as f:
            data = f.read()
        os.makedirs(os.path.dirname(os.path.join(top, rel)), exist_ok=True)
        with open(os.path.join(top, rel), "wb") as f:
            f.write(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))
    return top


def windows_checks(native, release, root, work):
    """What Windows users do, each with the native run of the plain files as the answer."""
    bad = []
    sussex = ["eval", "rulesets/sussex-complex-client.reckon", "cases/sussex/complex-client-2010-11.yaml"]
    backslashed = [a.replace("/", "\\") for a in sussex]
    bad += compare(native, release, sussex, release_args=backslashed)
    drive = ["eval"] + ["Z:" + os.path.join(release.folder, a).replace("/", "\\") for a in sussex[1:]]
    bad += compare(native, release, sussex, release_args=drive)
    saved = windows_copies(root, work)
    rel = os.path.relpath(saved, release.folder).replace("/", "\\")

    def saved_path(arg):  # a path of the repository as its copy in the folder of saved files
        name, eq, path = arg.rpartition("=")
        if not path.startswith(("rulesets/", "cases/")):
            return arg
        return name + eq + rel + "\\" + path.replace("/", "\\")

    bad += compare(native, release, sussex, release_args=[saved_path(x) for x in sussex])
    iom = ["batch", "rulesets/iom-annual-report.reckon", "cases/iom-csv/nominals.csv", "--list",
           "offences=cases/iom-csv/offences.csv", "--param", "report_year=2023"]
    bad += compare(native, release, iom, release_args=[saved_path(x) for x in iom])
    # --out over a file that is there: replaced whole
    for r in (native, release):
        with open(os.path.join(r.folder, "replaced.csv"), "w") as f:
            f.write("an older file\n")
    replace = ["batch", "rulesets/iom-annual-report.reckon", "cases/iom", "--param", "report_year=2023", "--format", "csv",
               "--out", "replaced.csv"]
    a, b = native.run(replace), release.run(replace)
    x, y = (open(os.path.join(r.folder, "replaced.csv"), "rb").read() for r in (native, release))
    if (a[0], b[0]) != (0, 0) or x != y or y.startswith(b"an older file"):
        bad.append(f"--out over an existing file: statuses {a[0]}, {b[0]}; the file the same: {x == y}")
    # a bad command line: status 2, the same words
    bad += compare(native, release, ["frobnicate"])
    v = release.run(["--version"])[1].decode()
    if not re.fullmatch(r"reckon [0-9.]+ \(commit [0-9a-z-]+, x86_64-w64-mingw32\)\n", v):
        bad.append(f"--version says {v!r}, not the Windows target")
    return bad, 7


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--native", required=True)
    ap.add_argument("--release", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    root, work = os.path.abspath(a.root), os.path.abspath(a.work)
    if not os.path.exists(a.release):
        print(f"check_same_bytes: FAIL: {a.release} is not there (tools/release builds it)")
        return 1
    env = dict(os.environ, SOURCE_DATE_EPOCH="1765065600", WINEPREFIX=os.path.join(work, "wineprefix"), WINEDEBUG="-all",
               WINEDLLOVERRIDES="mscoree,mshtml=")
    env.pop("DISPLAY", None)
    native = Runner(os.path.abspath(a.native), root, os.path.join(work, "native"), env)
    release = Runner(os.path.abspath(a.release), root, os.path.join(work, "release"), env)
    if release.node:  # the browser engine's depth limit is 1,000 by default (engine/core/base/big_stack_wasm.cpp)
        native.prefix = ["--limit", "depth=1000"]
    if release.wine:
        subprocess.run(["wineboot", "-i"], env=env, capture_output=True, timeout=300)
    commands = readme_commands(root) + [m.split() for m in MORE] + golden_commands(root)
    bad = []
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        for found in pool.map(lambda c: compare(native, release, c), commands):
            bad += found
    n = len(commands)
    if release.wine:
        found, k = windows_checks(native, release, root, work)
        bad += found
        n += k
        subprocess.run(["wineserver", "-k"], env=env, capture_output=True)
    for b in bad:
        print("check_same_bytes: FAIL:", b)
    if bad:
        return 1
    print(f"check_same_bytes: {n} commands ({len(readme_commands(root))} of the README), every output the same")
    return 0


if __name__ == "__main__":
    sys.exit(main())
