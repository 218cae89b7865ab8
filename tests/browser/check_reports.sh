#!/bin/sh
# Every report in a real browser: headless Chromium (Debian's `chromium`)
# loads each page with every host name unresolvable, and the test checks the
# rendered page (DOM) for what it must show, the browser's console for any
# message (a blocked request is one: the page's Content-Security-Policy
# forbids every load), that it prints to A4 PDF pages, and saves a screenshot.
#
#   tests/browser/check_reports.sh RECKON OUT_DIR
#
# Run from the source tree. Screenshots go to OUT_DIR/sussex-report.png and
# OUT_DIR/iom-report.png (tools/screenshots puts them in docs/screenshots).
set -u
reckon=$1
out=$2
chromium=$(command -v chromium || true)
if [ -z "$chromium" ]; then
    echo "FAIL: chromium is not installed (apt-get install chromium)"
    exit 1
fi
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }

browse() {  # NAME ARGS...: run chromium on a page, its stderr to $tmp/NAME.log
    name=$1
    shift
    "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$tmp/profile" \
        --host-resolver-rules="MAP * ~NOTFOUND" --enable-logging=stderr --v=0 --hide-scrollbars "$@" 2>>"$tmp/$name.log"
}

console_messages() {  # NAME: the page's console messages (errors, blocked requests) seen by the browser
    grep ':CONSOLE' "$tmp/$1.log" || true
}

render() {  # NAME PAGE HEIGHT: DOM, console, screenshot and PDF of a page
    browse "$1" --virtual-time-budget=3000 --dump-dom "file://$2" >"$tmp/$1.dom"
    browse "$1" --window-size=1100,"$3" --screenshot="$out/$1.png" "file://$2" >/dev/null
    browse "$1" --no-pdf-header-footer --print-to-pdf="$tmp/$1.pdf" "file://$2" >/dev/null
    [ -s "$out/$1.png" ] || fail "$1: no screenshot"
    messages=$(console_messages "$1")
    [ -z "$messages" ] || fail "$1: the console is not empty: $messages"
    all=$(grep -ao '/Type */Page' "$tmp/$1.pdf" | wc -l)
    trees=$(grep -ao '/Type */Pages' "$tmp/$1.pdf" | wc -l)
    pages=$((all - trees))
    [ "${pages:-0}" -ge 2 ] || fail "$1: printing gave ${pages:-0} pages"
    a4=$(grep -ao '/MediaBox \[0 0 594\.9[0-9]* 841\.9[0-9]*\]' "$tmp/$1.pdf" | wc -l)
    [ "$a4" -eq "$pages" ] || fail "$1: $a4 of $pages printed pages are A4"
    echo "$1: rendered; $pages A4 pages when printed; screenshot $out/$1.png"
}

shows() {  # NAME TEXT: the rendered page contains TEXT
    grep -qF -- "$2" "$tmp/$1.dom" || fail "$1: the page does not show: $2"
}

bars() {  # NAME N: the page has N bars in its charts
    n=$(grep -o '<rect class="bar"' "$tmp/$1.dom" | wc -l)
    [ "$n" -eq "$2" ] || fail "$1: $n bars in the charts, expected $2"
}

cells() {  # FILE START END: the text of each th and td from the first line holding START to the next holding END, a line each
    awk -v s="$2" -v e="$3" 'index($0, s) { on = 1 } on { print } on && index($0, e) { exit }' "$1" |
        sed 's/<t[hd][ >]/\n&/g' | grep '^<t[hd]' | sed 's/<[^>]*>//g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g' |
        grep -v '^ *$' || true
}

printed_whole() {  # NAME START END: printed, the page shows every cell of that table: no column is cut off
    # the PDF's text and each cell's, without white space (a printed cell wraps its text over lines)
    pdftotext -raw "$tmp/$1.pdf" - | tr -d ' \n' >"$tmp/$1.flat"
    cells "$tmp/$1.dom" "$2" "$3" | tr -d ' ' >"$tmp/$1.cells"
    n=$(wc -l <"$tmp/$1.cells")
    [ "$n" -ge 20 ] || fail "$1: the table has $n cells; expected a whole table"
    missing=$(awk 'NR == FNR { text = text $0; next } index(text, $0) == 0 { print }' "$tmp/$1.flat" "$tmp/$1.cells" | head -5)
    [ -z "$missing" ] || fail "$1: printed, the table lacks: $missing"
    echo "$1: printed, every one of the $n cells of its widest table is on the page"
}

printed_once() {  # NAME TEXT: printed, TEXT is on one page only (a table's foot is not repeated on every page)
    n=$(pdftotext -raw "$tmp/$1.pdf" - | grep -cF -- "$2")
    [ "$n" -eq 1 ] || fail "$1: printed, '$2' is on $n lines, expected 1"
}

# The check can fail: a page that asks the network for an image is caught.
printf '%s' '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src '"'none'"'"></head><body><img src="http://example.com/x.png"></body></html>' >"$tmp/leaky.html"
browse leaky --virtual-time-budget=2000 --dump-dom "file://$tmp/leaky.html" >/dev/null
[ -n "$(console_messages leaky)" ] || fail "a page loading a network image was not caught: the console check is blind"

"$reckon" report rulesets/sussex-complex-client.reckon cases/sussex/complex-client-2010-11.yaml \
    --out "$tmp/sussex.html" 2>"$tmp/reckon.log" || fail "reckon report (Sussex): $(cat "$tmp/reckon.log")"
render sussex-report "$tmp/sussex.html" 1500
shows sussex-report '>£60,805.55<'
shows sussex-report 'Figure 1: Costs of an offender to local agencies over 12 months'
shows sussex-report '>54.9 %<'
shows sussex-report 'Figure 2: Costs by local agency'
shows sussex-report '>Cost over 12 months (£)</text>'
shows sussex-report 'Appendix: the methodology'
shows sussex-report '<h2>Provenance</h2>'
shows sussex-report 'Sussex IOM complex client costing, version 2012.1'
bars sussex-report 7
printed_whole sussex-report '<h4>Parameters</h4>' '</table>'

"$reckon" report rulesets/iom-annual-report.reckon cases/iom --param report_year=2023 \
    --out "$tmp/iom.html" 2>"$tmp/reckon.log" || fail "reckon report (IOM): $(cat "$tmp/reckon.log")"
render iom-report "$tmp/iom.html" 1500
shows iom-report '>72.8 %<'
shows iom-report '>£1,015,000</span> to <span data-output="saving_pnc" data-exact="£1,016,259.57" data-rounded-to="£1,000">£1,016,000<'
shows iom-report 'To the nearest £1,000; exactly £1,014,595.75 to £1,016,259.57'
shows iom-report 'To the nearest £1,000; exactly £328,441.31'
shows iom-report 'Baseline and annualised offences by offence type'
shows iom-report 'Carried over to next year (38)'
shows iom-report '<code>report_year=2023</code>'
shows iom-report '<dd>240, of which 0 failed</dd>'
bars iom-report 49
printed_whole iom-report '<table class="cases">' '</table>'
printed_once iom-report 'Sum, all 240'
# how sure: the tornado of value 1 over the declared ranges (the ten largest swings drawn, every one in its
# table), and its spread over 1,000 draws of the social costs, the same figures on every run
shows iom-report 'What moves the saving from reduced offending (value 1) most'
shows iom-report '<td>unit_costs(other_wounding).social</td><td class="num">£0</td><td class="num">£829,667.65</td><td class="num">£5,661</td><td class="num">£1,016,259.57</td><td class="num">£186,591.93</td>'
swings=$(grep -o '<rect class="swing"' "$tmp/iom-report.dom" | wc -l)
[ "$swings" -eq 10 ] || fail "iom-report: $swings bars in the tornado, expected 10"
shows iom-report 'The saving from reduced offending (value 1) over draws of the social costs'
shows iom-report '<th>Draws</th><td class="num">1,000, seed 1</td>'
shows iom-report '<th>Mean</th><td class="num">£951,559.63</td>'
shows iom-report '<th>With every value its own</th><td class="num">£1,016,259.57</td>'
bins=$(grep -o '<rect class="bin"' "$tmp/iom-report.dom" | wc -l)
[ "$bins" -ge 10 ] || fail "iom-report: $bins bins in the distribution, expected 10 or more"
printed_whole iom-report 'every range, largest swing first' '</table>'

# The IOM report over six years from one cohort: figures side by side, a trend chart per headline unit.
"$reckon" report rulesets/iom-annual-report.reckon cases/iom --scenarios rulesets/iom-annual-report.years.yaml \
    --out "$tmp/trend.html" 2>"$tmp/reckon.log" || fail "reckon report --scenarios (IOM years): $(cat "$tmp/reckon.log")"
render iom-trend-report "$tmp/trend.html" 1500
shows iom-trend-report 'Saving from reduced severity (value 2, ONS CSS) and Saving from reduced offending (value 1, PNC), 2019 to 2024'
shows iom-trend-report '<td class="num" data-output="saving_pnc" data-scenario="2024">£1,155,000</td>'
trends=$(grep -o '<figure class="chart trend">' "$tmp/iom-trend-report.dom" | wc -l)
[ "$trends" -eq 4 ] || fail "iom-trend-report: $trends trend charts, expected 4"
printed_whole iom-trend-report '<h3>What each scenario sets</h3>' '</table>'
printed_whole iom-trend-report '<caption>Offences and savings by offence type: Saving (value 1)</caption>' '</table>'

# Value for money over the same cohort, with the partnership's contributions as run data: the costs, the break-even
# against the reduction achieved, the grid of partners against agencies (printed whole), the run data's provenance.
"$reckon" report rulesets/iom-value-for-money.reckon cases/iom --run-data cases/iom-partnership-2023.yaml --param report_year=2023 \
    --out "$tmp/vfm.html" 2>"$tmp/reckon.log" || fail "reckon report (value for money): $(cat "$tmp/reckon.log")"
render vfm-report "$tmp/vfm.html" 1500
shows vfm-report 'To the nearest £1,000; exactly £310,600.00'
shows vfm-report '<div class="figure" data-output="break_even_pct">63.0 %</div>'
shows vfm-report 'The break-even against the reduction achieved'
shows vfm-report 'What each partner'"'"'s contribution buys, by agency'
shows vfm-report '<dt>Run data</dt><dd><code>cases/iom-partnership-2023.yaml</code>'
shows vfm-report 'the run data, cases/iom-partnership-2023.yaml'
shows vfm-report 'What moves the net fiscal benefit most'
printed_whole vfm-report 'contribution buys, by agency</caption>' '</table>'

# A report with a failed case: the banner is printed above the first figure (the PDF's text, in reading order).
mkdir -p "$tmp/some"
cp cases/iom/N0001.yaml cases/iom/N0002.yaml cases/iom/N0003.yaml "$tmp/some/"
printf 'nominal: N9999\njoined: 2023-13-01\n' >"$tmp/some/N9999.yaml"
"$reckon" report rulesets/iom-annual-report.reckon "$tmp/some" --param report_year=2023 --out "$tmp/failed.html" 2>"$tmp/reckon.log"
[ $? -eq 1 ] || fail "reckon report with a failed case did not exit with status 1"
render failed-report "$tmp/failed.html" 900
pdftotext -layout "$tmp/failed-report.pdf" "$tmp/failed-report.txt" || fail "failed-report: pdftotext"
banner_at=$(grep -n 'cases failed and are left out of every figure' "$tmp/failed-report.txt" | head -1 | cut -d: -f1)
figure_at=$(grep -n 'Reduction in offences' "$tmp/failed-report.txt" | head -1 | cut -d: -f1)
[ -n "$banner_at" ] || fail "failed-report: the printed page has no banner"
[ -n "$figure_at" ] && [ -n "$banner_at" ] && [ "$banner_at" -lt "$figure_at" ] ||
    fail "failed-report: the banner (line ${banner_at:-none}) is not above the first figure (line ${figure_at:-none})"
shows failed-report '1 of 4 cases failed and are left out of every figure.'

[ "$failed" -eq 0 ] && echo "every report: ok"
exit "$failed"
