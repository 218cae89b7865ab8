#!/bin/sh
# A real spreadsheet program, headless LibreOffice Calc from Debian, opens what
# reckon writes and what analysts give it:
#   1. the template (reckon template --format xlsx): LibreOffice opens it, keeps
#      its checks (data validation) when it saves it again, and its CSV export
#      of each sheet, filled with the cohort's rows, reads back to the cohort of
#      the YAML files;
#   2. the results workbook (reckon batch --format xlsx): LibreOffice opens it
#      and shows the cohort's figures in their money format;
#      Printed (to PDF), no column of the Cases sheet is split across pages;
#   3. the cohort's workbook saved again by LibreOffice (its own shared strings,
#      styles and date cells) reads back to the same cohort;
#   4. the sensitivity workbook, each analysis's sheet;
#   5. the value-for-money workbook (with --run-data), its cost, break-even,
#      partners-by-agencies cells and the run data's provenance;
#   6. the diff's workbook (reckon diff --format xlsx), its figures, their
#      attribution, a figure's parts and the cases' parts in money, and printed.
# usage: check_workbooks.sh RECKON WORK_FOLDER    (run from the source folder)
set -eu
reckon=$1
work=$2
rm -rf "$work"
mkdir -p "$work/profile"
fail() { echo "FAILED: $*" >&2; exit 1; }
# A profile of its own, so that no other LibreOffice (or an earlier run) is in the way.
soffice() { timeout 180 /usr/bin/soffice "-env:UserInstallation=file://$work/profile" --headless --norestore "$@" >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log" >&2; fail "soffice $*"; }; }
rules=rulesets/iom-annual-report.reckon
cohort() { tail -n 1 "$1"; }

"$reckon" batch $rules cases/iom --param report_year=2023 --format jsonl >"$work/yaml.jsonl"

# 1. the template
"$reckon" template $rules --format xlsx --out "$work/template.xlsx"
mkdir -p "$work/again" "$work/csv"
soffice --convert-to xlsx --outdir "$work/again" "$work/template.xlsx"
unzip -p "$work/again/template.xlsx" xl/worksheets/sheet2.xml | grep -q '<dataValidation[^>]*type="list"' || fail "LibreOffice lost the drop-down of offence types"
unzip -p "$work/again/template.xlsx" xl/worksheets/sheet2.xml | grep -q '<dataValidation[^>]*type="date"' || fail "LibreOffice lost the date check"
# every sheet as CSV (UTF-8, comma, quote, cells as shown; the last field -1: all sheets, each to FILE-SHEET.csv)
soffice --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' --outdir "$work/csv" "$work/template.xlsx"
[ "$(cat "$work/csv/template-cases.csv")" = "nominal,joined,left" ] || fail "the cases sheet's CSV: $(cat "$work/csv/template-cases.csv")"
[ "$(cat "$work/csv/template-offences.csv")" = "nominal,date,type,css" ] || fail "the offences sheet's CSV: $(cat "$work/csv/template-offences.csv")"
# filled in by a script: the cohort's rows under LibreOffice's header rows
tail -n +2 cases/iom-csv/nominals.csv >>"$work/csv/template-cases.csv"
tail -n +2 cases/iom-csv/offences.csv >>"$work/csv/template-offences.csv"
"$reckon" batch $rules "$work/csv/template-cases.csv" --list "offences=$work/csv/template-offences.csv" --param report_year=2023 \
    --format jsonl >"$work/template.jsonl" 2>"$work/template.err" || { cat "$work/template.err" >&2; fail "the filled template's CSV"; }
[ "$(cohort "$work/template.jsonl")" = "$(cohort "$work/yaml.jsonl")" ] || fail "the filled template's cohort differs from the YAML files'"

# 2. the results workbook
"$reckon" batch $rules cases/iom --param report_year=2023 --format xlsx --out "$work/results.xlsx" 2>/dev/null
mkdir -p "$work/results"
soffice --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' --outdir "$work/results" "$work/results.xlsx"
grep -q '"£1,016,259.57"' "$work/results/results-Cohort.csv" || fail "the Cohort sheet does not show saving_pnc as £1,016,259.57"
grep -q '^N0001,' "$work/results/results-Cases.csv" || fail "the Cases sheet has no row for N0001"

# 2b. the results workbook printed by LibreOffice (to PDF): no column is split across pages. Every page of
#     the Cases sheet (a page with a case's row) holds its first and its last column's header.
mkdir -p "$work/printed"
soffice --convert-to pdf --outdir "$work/printed" "$work/results.xlsx"
pages=$(pdfinfo "$work/printed/results.pdf" | awk '/^Pages:/{print $2}')
[ "${pages:-0}" -ge 2 ] || fail "printing the results workbook gave ${pages:-0} pages"
case_pages=0
p=1
while [ "$p" -le "$pages" ]; do
    pdftotext -layout -f "$p" -l "$p" "$work/printed/results.pdf" "$work/printed/page.txt"
    if grep -q '^ *N0[0-9][0-9][0-9] ' "$work/printed/page.txt"; then
        case_pages=$((case_pages + 1))
        grep -q 'Days on the scheme' "$work/printed/page.txt" || fail "page $p of the printed workbook lacks the first figure's column (Days on the scheme)"
        grep -q 'error' "$work/printed/page.txt" || fail "page $p of the printed workbook lacks the last column (error): a column is split across pages"
    fi
    p=$((p + 1))
done
[ "$case_pages" -ge 2 ] || fail "the printed workbook's Cases sheet is on $case_pages pages: the 240 cases should need several"

# 3. the cohort's workbook, saved again by LibreOffice
mkdir -p "$work/master"
soffice --convert-to xlsx --outdir "$work/master" cases/iom-xlsx/master.xlsx
"$reckon" batch $rules "$work/master/master.xlsx" --param report_year=2023 --format jsonl >"$work/master.jsonl" 2>"$work/master.err" \
    || { cat "$work/master.err" >&2; fail "the workbook saved by LibreOffice"; }
[ "$(cohort "$work/master.jsonl")" = "$(cohort "$work/yaml.jsonl")" ] || fail "the workbook saved by LibreOffice gives another cohort"
# 4. the sensitivity workbook (reckon sensitivity --format xlsx): LibreOffice opens it, and each analysis's sheet
#    shows the figures that the text shows, in their formats
"$reckon" sensitivity rulesets/sussex-complex-client.reckon cases/sussex/complex-client-2010-11.yaml --output total \
    --threshold total=£60,000 --two-way arrest_time,prison_annual_cost --steps 3 --draws 200 --seed 7 --format xlsx --out "$work/sensitivity.xlsx"
mkdir -p "$work/sensitivity"
soffice --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' --outdir "$work/sensitivity" "$work/sensitivity.xlsx"
grep -qx 'total,prison_annual_cost,"£39,000.00 a year","£45,000.00 a year","£59,420.93","£60,805.55","£1,384.62"' "$work/sensitivity/sensitivity-One-way.csv" \
    || fail "the One-way sheet: $(cat "$work/sensitivity/sensitivity-One-way.csv")"
grep -qx 'total,"£60,000.00",prison_annual_cost,exact,"£41,509.2881010101 a year",2054709761/49500,' "$work/sensitivity/sensitivity-Switching.csv" \
    || fail "the Switching sheet: $(cat "$work/sensitivity/sensitivity-Switching.csv")"
grep -qx '6.5,"£59,420.93","£60,113.24","£60,805.55"' "$work/sensitivity/sensitivity-Two-way.csv" || fail "the Two-way sheet: $(cat "$work/sensitivity/sensitivity-Two-way.csv")"
[ "$(wc -l <"$work/sensitivity/sensitivity-Draw values.csv")" -eq 201 ] || fail "the Draw values sheet has not a row for each of the 200 draws"
# draw 3 is the draw that explain --draw 3 --seed 7 shows
grep -q '^3,4.136963,"£42,109.566 a year","£59,809.42"$' "$work/sensitivity/sensitivity-Draw values.csv" || fail "the Draw values sheet: draw 3"
"$reckon" explain rulesets/sussex-complex-client.reckon cases/sussex/complex-client-2010-11.yaml total --draw 3 --seed 7 --depth 1 \
    | grep -q '^output total = £59,809.42 ' || fail "explain --draw 3 does not give draw 3's total"

# 5. the value-for-money workbook, with the run data: LibreOffice shows the cost, the break-even and the matrix of
#    partners against agencies, and the Provenance sheet names the run data file
"$reckon" batch rulesets/iom-value-for-money.reckon cases/iom --run-data cases/iom-partnership-2023.yaml --param report_year=2023 \
    --format xlsx --out "$work/vfm.xlsx" 2>/dev/null
mkdir -p "$work/vfm"
soffice --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' --outdir "$work/vfm" "$work/vfm.xlsx"
grep -q '"£310,600.00"' "$work/vfm/vfm-Cohort.csv" || fail "the value-for-money Cohort sheet does not show the cost £310,600.00"
grep -q '63.0%' "$work/vfm/vfm-Cohort.csv" || fail "the value-for-money Cohort sheet does not show the break-even 63.0%"
grep -q '^benefit_bought,"police, prison",Fiscal benefit bought,"£33,653.51",GBP$' "$work/vfm/vfm-Cohort.csv" || fail "the value-for-money Cohort sheet has no cell of partners against agencies"
grep -q 'cases/iom-partnership-2023.yaml (git blob ' "$work/vfm/vfm-Provenance.csv" || fail "the Provenance sheet does not name the run data"

# 6. the diff's workbook (reckon diff --format xlsx): LibreOffice opens it and shows the IOM report's change from
#    2022 to 2023 in money, its parts and its cases' parts, as the JSON gives them; printed, it is pages of a sheet
"$reckon" diff $rules $rules --cases cases/iom --old-param report_year=2022 --param report_year=2023 \
    --old-param 'unit_costs(shoplifting).fiscal=£26' --param 'unit_costs(shoplifting).fiscal=£36' --attribute --format xlsx --out "$work/diff.xlsx"
mkdir -p "$work/diff"
soffice --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' --outdir "$work/diff" "$work/diff.xlsx"
grep -qx '(the cohort),,baseline_cost,Baseline cost of offences,"£904,573.00","£1,448,460.03","£543,887.03"' "$work/diff/diff-Figures.csv" \
    || fail "the diff's Figures sheet does not show the baseline cost's change: $(grep baseline_cost "$work/diff/diff-Figures.csv" | head -1)"
grep -qx '(the cohort),,baseline_cost,--param report_year,"£542,160.32","£542,160.32"' "$work/diff/diff-Attribution.csv" \
    || fail "the diff's Attribution sheet does not show the report year's part of the baseline cost"
grep -q '^baseline_cost,21 cases,,only in the old run,"-£172,740.16",' "$work/diff/diff-By case.csv" \
    || fail "the diff's By case sheet does not show the cases of 2022 alone"
grep -q '^saving_pnc,sum,baseline_cost,added,"£543,887.03",3420505520/6289$' "$work/diff/diff-Parts.csv" \
    || fail "the diff's Parts sheet does not show the saving's part of the baseline cost: $(cat "$work/diff/diff-Parts.csv")"
mkdir -p "$work/diff-printed"
soffice --convert-to pdf --outdir "$work/diff-printed" "$work/diff.xlsx"
pages=$(pdfinfo "$work/diff-printed/diff.pdf" | awk '/^Pages:/{print $2}')
[ "${pages:-0}" -ge 5 ] || fail "printing the diff's workbook gave ${pages:-0} pages"
echo "LibreOffice: the template, the results workbook, the cohort's workbook, the sensitivity workbook, the value-for-money workbook and the diff's workbook all checked"
