#!/bin/sh
# Formula injection, in headless LibreOffice Calc. A case's text that starts with = + - or @ (OWASP's formula
# starters) is written by `reckon batch --format csv` with a single quote before it, and LibreOffice, told to
# evaluate formulas as it imports the CSV, keeps each as text: an =HYPERLINK does not become its link's label,
# +1 does not become the number 1. `--format xlsx` writes each as a string cell (no cell is a formula), and
# LibreOffice shows the texts as the cases gave them. Both read back, by reckon, to the cases' texts.
# usage: check_formula_injection.sh RECKON WORK_FOLDER    (run from the source folder)
set -eu
reckon=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$2
rm -rf "$work"
mkdir -p "$work/profile" "$work/cases" "$work/from-csv" "$work/from-xlsx"
fail() { echo "FAILED: $*" >&2; exit 1; }
soffice() { timeout 180 /usr/bin/soffice "-env:UserInstallation=file://$work/profile" --headless --norestore "$@" >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log" >&2; fail "soffice $*"; }; }
as_csv='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1'

printf 'ruleset "Notes"\n  identified by who\ninput who: text\ninput note: text\noutput said: text "Said" = note\n' >"$work/notes.reckon"
printf 'who: "=HYPERLINK(\\"http://example.invalid\\";\\"click\\")"\nnote: "@SUM(1+1)"\n' >"$work/cases/a.yaml"
printf 'who: "-2+3"\nnote: "+1"\n' >"$work/cases/b.yaml"
printf 'who: plain\nnote: "=1+2"\n' >"$work/cases/c.yaml"

# 1. the CSV, opened by LibreOffice with formulas evaluated (the 13th token of the import options), saved, and shown as CSV
(cd "$work" && "$reckon" batch notes.reckon cases --format csv >notes.csv 2>/dev/null)
soffice --infilter='CSV:44,34,76,1,,0,false,true,false,false,false,-1,true' --convert-to xlsx --outdir "$work/from-csv" "$work/notes.csv"
soffice --convert-to "$as_csv" --outdir "$work/from-csv" "$work/from-csv/notes.xlsx"
shown="$work/from-csv/notes-notes.csv"
[ -f "$shown" ] || shown="$work/from-csv/notes.csv"
grep -q "^\"'=HYPERLINK(\"\"http://example.invalid\"\";\"\"click\"\")\",cases/a.yaml,'@SUM(1+1),\$" "$shown" || fail "LibreOffice ran the CSV's =HYPERLINK: $(cat "$shown")"
grep -q "^'-2+3,cases/b.yaml,'+1,\$" "$shown" || fail "LibreOffice ran the CSV's -2+3 or +1: $(cat "$shown")"
grep -q "^plain,cases/c.yaml,'=1+2,\$" "$shown" || fail "LibreOffice ran the CSV's =1+2: $(cat "$shown")"
unzip -p "$work/from-csv/notes.xlsx" 'xl/worksheets/sheet1.xml' | grep -q '<f>' && fail "LibreOffice made a formula of a cell of the CSV"

# 2. the workbook: string cells, no formula, shown by LibreOffice as the cases' texts
(cd "$work" && "$reckon" batch notes.reckon cases --format xlsx --out notes.xlsx 2>/dev/null)
for sheet in $(unzip -Z1 "$work/notes.xlsx" 'xl/worksheets/*.xml'); do
    unzip -p "$work/notes.xlsx" "$sheet" | grep -q '<f>' && fail "the workbook's $sheet has a formula"
done
soffice --convert-to "$as_csv" --outdir "$work/from-xlsx" "$work/notes.xlsx"
cases="$work/from-xlsx/notes-Cases.csv"
grep -q '^"=HYPERLINK(""http://example.invalid"";""click"")",cases/a.yaml,@SUM(1+1),$' "$cases" || fail "the workbook's =HYPERLINK: $(cat "$cases")"
grep -q '^-2+3,cases/b.yaml,+1,$' "$cases" || fail "the workbook's -2+3 or +1: $(cat "$cases")"
grep -q '^plain,cases/c.yaml,=1+2,$' "$cases" || fail "the workbook's =1+2: $(cat "$cases")"

# 3. read back by reckon, the CSV: the cases' texts. (The workbook's Cases sheet is for people: its headers are
# the ruleset's labels, "Said", not the inputs' names, so it is not a case table; step 2 shows LibreOffice reads
# each of its texts exactly.)
printf 'ruleset "Back"\n  identified by case\n  sheets ignore columns "error"\ninput case: text\ninput file: text\ninput said: text\noutput note: text = said\n' >"$work/back.reckon"
"$reckon" batch "$work/back.reckon" "$work/notes.csv" --format jsonl >"$work/back-csv.jsonl" 2>/dev/null || fail "reckon did not read its CSV back"
for back in "$work/back-csv.jsonl"; do
    grep -qF '{"case":"=HYPERLINK(\"http://example.invalid\";\"click\")",' "$back" || fail "$back: the =HYPERLINK case"
    grep -qF '"note":{"value":"@SUM(1+1)"}' "$back" || fail "$back: @SUM(1+1)"
    grep -qF '{"case":"-2+3",' "$back" || fail "$back: -2+3"
    grep -qF '"note":{"value":"+1"}' "$back" || fail "$back: +1"
    grep -qF '"note":{"value":"=1+2"}' "$back" || fail "$back: =1+2"
done
echo "check_formula_injection: LibreOffice ran no case text of the CSV or the workbook, showed each as written, and reckon read the CSV back to the cases' texts"
