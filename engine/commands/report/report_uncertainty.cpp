#include "commands/report/report_uncertainty.hpp"

#include "core/compile/compile.hpp"

#include <algorithm>

namespace reckon {

namespace {
bool uncertainty_item(const ReportItem& item) {
    return item.kind == ast::ReportItemKind::tornado || item.kind == ast::ReportItemKind::distribution;
}
}  // namespace

bool has_uncertainty_items(const Program& p) {
    return p.report && std::any_of(p.report->items.begin(), p.report->items.end(), uncertainty_item);
}

ReportUncertainty report_uncertainty(const Program& p, CasePasses cases, unsigned jobs) {
    ReportUncertainty out;
    if (!has_uncertainty_items(p)) return out;
    std::vector<Target> targets;
    bool tornado = false;
    for (const auto& item : p.report->items) {
        if (!uncertainty_item(item)) continue;
        tornado = tornado || item.kind == ast::ReportItemKind::tornado;
        const RuleDef& r = p.rules[static_cast<std::size_t>(item.rules[0])];
        const int member = item.members.empty() ? -1 : item.members[0];
        std::size_t t = 0;
        while (t < targets.size() && !(targets[t].rule == item.rules[0] && targets[t].member == member)) ++t;
        if (t == targets.size())
            targets.push_back({item.rules[0], member, r.name + (member >= 0 ? "(" + r.by->written(static_cast<std::size_t>(member)) + ")" : "")});
        out.target_of[&item] = t;
    }
    try {
        out.runs = std::make_unique<SensitivityRuns>(p, std::move(cases), std::move(targets));
        if (tornado) out.one_way = one_way(*out.runs, jobs);
        for (const auto& item : p.report->items)
            if (item.kind == ast::ReportItemKind::distribution) out.draws[&item] = draw_runs(*out.runs, item.draws, item.seed, jobs);
    } catch (const EvalError& e) {
        out.runs.reset();
        out.error = render(e.diagnostic());
    } catch (const std::runtime_error& e) {  // RequestError (a case's figure over many cases), every case failed
        out.runs.reset();
        out.error = e.what();
    }
    return out;
}

}  // namespace reckon
