// `reckon report`, the page's shell: its head (the title, the style, a policy that lets it load nothing), the
// banner over every figure when a case failed, the items of the ruleset's `report` in order (or, with none,
// every output and the appendix), the list of failed cases and the provenance at its foot. What each item
// shows is in the other report_*.cpp files (report_page.hpp says which).
#include "commands/report/report_page.hpp"

#include <algorithm>

namespace reckon {

namespace report_page {

namespace {

// The page's style, inline since the page loads nothing: on screen, and printed on A4.
const char* const style =
    "*{box-sizing:border-box}\n"
    "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;color:#1d2329;margin:0;line-height:1.45;background:#fff}\n"
    "main,header.page,footer{max-width:60rem;margin:0 auto;padding:0 1.25rem}\n"
    "header.page{padding-top:1.5rem;border-bottom:3px solid #1f5f8b;margin-bottom:1rem}\n"
    "h1{font-size:1.7rem;margin:.2rem 0}h2{font-size:1.3rem;margin:2rem 0 .6rem;color:#1f5f8b;border-bottom:1px solid #cfd8df}\n"
    "h3{font-size:1.05rem;margin:1.2rem 0 .4rem}.lede{font-size:1.05rem;margin:.3rem 0 .8rem}\n"
    ".meta{color:#56606a;font-size:.85rem;margin:.2rem 0 1rem}\n"
    ".headlines{display:flex;flex-wrap:wrap;gap:.8rem;margin:.8rem 0}\n"
    ".headline{flex:1 1 13rem;border:1px solid #cfd8df;border-left:5px solid #1f5f8b;padding:.6rem .8rem;background:#f6f9fb}\n"
    ".headline .figure{font-size:1.6rem;font-weight:bold;font-variant-numeric:tabular-nums}\n"
    ".headline .label{font-size:.9rem;color:#38424c}.headline .exact{font-size:.8rem;color:#56606a;margin-top:.2rem}\n"
    ".case-id{font-size:.85rem;color:#56606a;margin:.6rem 0 .2rem}\n"
    "table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.9rem}\n"
    "caption{text-align:left;font-weight:bold;padding:.3rem 0}\n"
    "th,td{border:1px solid #cfd8df;padding:.25rem .55rem;vertical-align:top}th{background:#eef3f6;text-align:left}\n"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "tfoot td{font-weight:bold;background:#f6f9fb}tfoot .over{font-weight:normal;font-size:.85em;color:#56606a}\n"
    "figure{margin:1rem 0}figcaption{font-weight:bold;margin-bottom:.3rem}\n"
    "svg{max-width:100%;height:auto}svg text{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif}\n"
    "table.chart-data{font-size:.8rem}table.chart-data caption{font-weight:normal;color:#56606a}\n"
    "ul.names{columns:4 9rem;padding-left:1.2rem;font-size:.9rem}\n"
    "p.note{font-size:.85rem;color:#38424c;margin:.2rem 0 .4rem}ol.sources{font-size:.8rem;color:#38424c;margin:.2rem 0}\n"
    ".failed{color:#8a1c1c}\n"
    ".banner{border:2px solid #8a1c1c;border-left-width:8px;background:#fdf3f3;padding:.6rem 1rem;margin:1rem 0}\n"
    ".banner strong{color:#8a1c1c;font-size:1.1rem}.banner ul{margin:.4rem 0;padding-left:1.2rem;font-size:.9rem}\n"
    ".banner code,section.failures code{font-size:.8rem;word-break:break-all}\n"
    "section.appendix{margin-top:2.5rem}section.appendix code{font-size:.8rem;background:#f3f5f7}\n"
    "footer{margin-top:2rem;padding-bottom:2rem;font-size:.85rem}\n"
    "footer dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem}footer dt{font-weight:bold}\n"
    "footer dd{margin:0;word-break:break-all}\n"
    // a wide table scrolls on screen; printed, it fits the page's width, its headers wrapped and repeated on each page
    "@media screen{table.cases,table.scenarios,section.appendix table{display:block;overflow-x:auto;max-width:100%}}\n"
    "@page{size:A4;margin:16mm 14mm}\n"
    "@media print{body{font-size:10pt}main,header.page,footer{max-width:none;padding:0}\n"
    "table.cases,section.appendix table{width:100%;font-size:7pt}table.cases th,section.appendix th{white-space:normal}\n"
    "table.scenarios{font-size:8pt}section.appendix table.scenarios td.num{white-space:normal;overflow-wrap:anywhere}\n"
    "th,td{padding:.15rem .3rem}section.appendix td{overflow-wrap:break-word}\n"
    "section.appendix td code{font-size:.95em;white-space:pre-wrap;overflow-wrap:anywhere}\n"
    "thead{display:table-header-group}tfoot{display:table-row-group}\n"
    "h2,h3,caption,figcaption{break-after:avoid}figure,.headlines,table.chart-data,tr{break-inside:avoid}\n"
    "section.appendix,footer{break-before:page}.headline{background:none}\n"
    "figure.long{break-inside:auto}figure.long svg{break-inside:avoid}}\n";

// A failed case: its file and its error's first line.
std::string failure_line(const CaseRecord& c) {
    const std::string& text = c.failure.text;
    if (!c.failure.errors.empty() && !c.failure.errors[0].where.empty() && c.failure.errors[0].where.rfind(c.file, 0) == 0)
        return "<code>" + h(c.failure.errors[0].where) + "</code>: " + h(c.failure.errors[0].message);
    return "<code>" + h(c.file) + "</code>: " + h(text.substr(0, text.find('\n')));
}

}  // namespace

Page::Page(const Program& p, const std::vector<Value>& params, const std::vector<ReportRun>& runs, const Provenance& prov, const Case* only,
           const ReportUncertainty* uncertainty, const ReportWaterfalls* waterfalls)
    : p_(p), params_(params), runs_(runs), r_(*runs.at(0).results), prov_(prov), only_(runs.size() == 1 ? only : nullptr), u_(uncertainty), w_(waterfalls),
      case_index_(p.rules.size(), -1), cohort_index_(p.rules.size(), -1), totals_(runs.size()) {
    for (std::size_t i = 0; i < p.outputs.size(); ++i) case_index_[p.outputs[i]] = static_cast<int>(i);
    for (std::size_t i = 0; i < p.cohort_outputs.size(); ++i) cohort_index_[p.cohort_outputs[i]] = static_cast<int>(i);
    for (std::size_t i = 0; i < r_.cases.size(); ++i)  // a case fails under every scenario or none
        if (r_.cases[i].ok) ok_.push_back(i);
    // a trend when the scenarios are years, in order: 2019, 2020, …
    years_ = runs.size() > 1;
    for (std::size_t j = 0; j < runs.size(); ++j) {
        const std::string& n = runs[j].scenario;
        years_ = years_ && n.size() == 4 && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                 (j == 0 || runs[j - 1].scenario < n);
    }
}

std::string Page::render() {
    head();
    banner();
    if (p_.report) {
        for (const auto& item : p_.report->items) {
            if (item.kind == K::appendix) failures();  // the list of failures before the appendix
            this->item(item);
        }
    } else {
        default_layout();
    }
    close_section();
    failures();
    out_ += "</main>\n";
    provenance();
    return out_ + "</body>\n</html>\n";
}

std::string Page::scenario_names() const {
    std::string names;
    for (const auto& run : runs_) names += (names.empty() ? "" : ", ") + run.scenario;
    return names;
}

// The page's head and its header: the title, the report's description, and a line of what the figures are of
// (the ruleset, the cases, the scenarios) and when.
void Page::head() {
    const std::string title = p_.report ? p_.report->title : p_.name;
    out_ = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"reckon " + h(prov_.reckon_version) + "\">\n<title>" + h(title) +
           "</title>\n<style>\n" + style + "</style>\n</head>\n<body>\n<header class=\"page\">\n<h1>" + h(title) + "</h1>\n";
    if (p_.report && !p_.report->description.empty()) out_ += "<p class=\"lede\">" + h(p_.report->description) + "</p>\n";
    out_ += "<p class=\"meta\">" + h(p_.name) + (p_.version.empty() ? "" : ", version " + h(p_.version)) + " &middot; " +
            count(prov_.cases) + (prov_.cases == 1 ? " case" : " cases") +
            (prov_.failed ? ", <span class=\"failed\">" + std::to_string(prov_.failed) + " failed</span>" : "") + " &middot; " +
            (scenarios() ? std::to_string(runs_.size()) + " scenarios, side by side: " + h(scenario_names()) + " &middot; " : "") +
            h(prov_.date) + "</p>\n</header>\n<main>\n";
}

void Page::open_section(const std::string& heading, const std::string& cls) {
    close_section();
    out_ += "<section" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">\n<h2>" + h(heading) + "</h2>\n";
    open_ = true;
}

void Page::close_section() {
    if (open_) out_ += "</section>\n";
    open_ = false;
}

void Page::item(const ReportItem& item) {
    switch (item.kind) {
        case K::section: open_section(item.title); break;
        case K::text: out_ += "<p>" + h(item.title) + "</p>\n"; break;
        case K::headline: per_case(item, [&](const ReportItem& shown, const Records& recs) { headlines(shown, recs); }); break;
        case K::range: per_case(item, [&](const ReportItem& shown, const Records& recs) { range(item.title, shown, recs); }); break;
        case K::table: per_case(item, [&](const ReportItem& shown, const Records& recs) { table(shown, recs); }); break;
        case K::chart: per_case(item, [&](const ReportItem& shown, const Records& recs) { chart(shown, recs); }); break;
        case K::cases:
            for (std::size_t j = 0; j < runs_.size(); ++j) cases_table(item, j);
            break;
        case K::list: list(item); break;
        case K::tornado: tornado(item); break;
        case K::distribution: distribution(item); break;
        case K::waterfall: waterfall(item); break;
        case K::appendix: appendix(); break;
    }
}

// With no `report` in the ruleset: every output, then the appendix.
void Page::default_layout() {
    std::vector<int> scalar;
    for (int o : p_.outputs)
        if (!p_.rules[o].by) scalar.push_back(o);
    if (!scalar.empty()) {
        ReportItem t;
        t.kind = ok_.size() == 1 ? K::table : K::cases;
        t.title = ok_.size() == 1 ? "Outputs" : "Outputs of each case";
        t.rules = scalar;
        open_section(t.title);
        item(t);
    }
    if (!p_.cohort_outputs.empty()) {
        open_section("The cohort");
        ReportItem t;
        t.kind = K::table;
        t.cohort = true;
        t.title = "Cohort outputs";
        for (int o : p_.cohort_outputs)
            if (!p_.rules[o].by && p_.rules[o].type.kind != TypeKind::list) t.rules.push_back(o);
        if (!t.rules.empty()) item(t);
    }
    appendix();
}

// Above every figure, when a case failed or the cohort could not be computed: what the figures leave out,
// the first errors, and a link to the whole list.
void Page::banner() {
    std::string failed_under;  // the scenarios whose cohort could not be computed
    for (const auto& run : runs_)
        if (run.results->cohort.empty() && scenarios()) failed_under += (failed_under.empty() ? "" : ", ") + run.scenario;
    const bool cohort_failed = !p_.cohort_outputs.empty() && !ok_.empty() &&
                               std::any_of(runs_.begin(), runs_.end(), [](const ReportRun& run) { return run.results->cohort.empty(); });
    if (prov_.failed == 0 && !cohort_failed) return;
    out_ += "<section class=\"banner\" role=\"alert\" id=\"failed-banner\">\n";
    if (prov_.failed)
        out_ += "<p><strong>" + std::to_string(prov_.failed) + " of " + std::to_string(prov_.cases) +
                " cases failed and are left out of every figure.</strong></p>\n<ul>\n";
    std::size_t shown = 0;
    for (const auto& c : r_.cases)
        if (!c.ok && shown++ < 3) out_ += "<li>" + failure_line(c) + "</li>\n";
    if (prov_.failed)
        out_ += "</ul>\n<p><a href=\"#failures\">" +
                (prov_.failed == 1 ? std::string("The failed case, with its error") : "All " + count(prov_.failed) + " failed cases, with their errors") +
                "</a></p>\n";
    if (cohort_failed)
        out_ += "<p><strong>The cohort's figures could not be computed" + (failed_under.empty() ? "" : " under " + h(failed_under)) +
                "</strong> (the error is in the command's output); every figure of the cohort" +
                (failed_under.empty() ? "" : " there") + " is shown as not defined.</p>\n";
    out_ += "</section>\n";
}

// The whole list, once: before the appendix, or at the end.
void Page::failures() {
    if (prov_.failed == 0 || failures_shown_) return;
    failures_shown_ = true;
    close_section();
    out_ += "<section class=\"failures\" id=\"failures\">\n<h2>Cases that failed</h2>\n";
    out_ += "<p class=\"failed\">" + std::to_string(prov_.failed) + " of " + std::to_string(prov_.cases) +
            " cases could not be evaluated; every figure of this report leaves them out.</p>\n<ul>\n";
    for (const auto& c : r_.cases)
        if (!c.ok) out_ += "<li>" + failure_line(c) + "</li>\n";
    out_ += "</ul>\n</section>\n";
}

// At the page's foot: what produced its figures, exactly (the files by their git blob ids, the ruleset's hash,
// the parameters the command line set).
void Page::provenance() {
    out_ += "<footer id=\"provenance\">\n<h2>Provenance</h2>\n<dl>\n";
    auto row = [&](const std::string& k, const std::string& v) { out_ += "<dt>" + h(k) + "</dt><dd>" + v + "</dd>\n"; };
    row("Ruleset", h(prov_.ruleset) + (prov_.version.empty() ? "" : ", version " + h(prov_.version)));
    row("Ruleset hash", "<code>" + h(prov_.hash) + "</code>");
    for (const auto& [file, id] : prov_.files) row("File", "<code>" + h(file) + "</code> (git blob <code>" + h(id) + "</code>)");
    for (const auto& [file, id] : prov_.tables) row("Table", "<code>" + h(file) + "</code> (git blob <code>" + h(id) + "</code>)");
    if (!prov_.scenarios.empty())
        row("Scenarios", "<code>" + h(prov_.scenarios_file.first) + "</code> (git blob <code>" + h(prov_.scenarios_file.second) + "</code>): " +
                             h(scenario_names()));
    if (!prov_.run_data_file.first.empty())
        row("Run data", "<code>" + h(prov_.run_data_file.first) + "</code> (git blob <code>" + h(prov_.run_data_file.second) + "</code>)");
    row("Cases", std::to_string(prov_.cases) + ", of which " + std::to_string(prov_.failed) + " failed");
    std::string settings;
    for (const auto& s : prov_.overrides) settings += (settings.empty() ? "" : ", ") + ("<code>" + h(s) + "</code>");
    row("Parameters overridden", settings.empty() ? "none" : settings);
    row("Date", h(prov_.date));
    row("Produced by", "reckon " + h(prov_.reckon_version));
    out_ += "</dl>\n</footer>\n";
}

}  // namespace report_page

std::string report_html(const Program& p, const std::vector<Value>& params, const BatchResults& results,
                        const Provenance& prov, const Case* only_case, const ReportUncertainty* uncertainty) {
    const std::vector<ReportRun> one{{"", &p, &params, &results}};
    return report_page::Page(p, params, one, prov, only_case, uncertainty).render();
}

std::string report_html(const Program& p, const std::vector<Value>& params, const std::vector<ReportRun>& runs, const Provenance& prov,
                        const ReportUncertainty* uncertainty, const ReportWaterfalls* waterfalls) {
    return report_page::Page(p, params, runs, prov, nullptr, uncertainty, waterfalls).render();
}

}  // namespace reckon
