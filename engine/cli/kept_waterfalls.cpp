// The waterfall items of a report under scenarios: each figure's change from one scenario to another, split among
// the settings that differ (kept_waterfalls.hpp). The coalitions' programs are the first scenario's with some of
// the second's settings, checked as one (CoalitionPrograms), never text written and read again.
#include "cli/kept_waterfalls.hpp"

#include "cli/case_files.hpp"
#include "cli/common_options.hpp"
#include "commands/batch/batch.hpp"
#include "commands/diff/attribution_programs.hpp"
#include "commands/diff/diff_runs.hpp"
#include "data/load_case.hpp"

#include <algorithm>

namespace reckon::cli {

namespace {

// The scenario named, by its place in the run; nullopt when the run has none of that name.
std::optional<std::size_t> place_of(const BatchOptions& opt, const std::string& name) {
    for (std::size_t k = 0; k < opt.scenarios.size(); ++k)
        if (opt.scenarios[k].name == name) return k;
    return std::nullopt;
}

// A run's settings: the command line's, then the scenario's as its file writes them.
DiffRun run_of(const std::vector<ParamSetting>& command_line, const std::vector<Scenario>& file, const std::string& name,
               const std::vector<std::string>& cases) {
    DiffRun r{command_line, cases};
    for (const auto& sc : file)
        if (sc.name == name)
            for (const auto& v : sc.settings) r.settings.push_back({v.param, v.value});
    return r;
}

// "report_year: 2022 → 2023" for the player of a setting, as a manager reads it (each of a pair "A × B"); a
// group's name as it is.
std::string step_name(const std::vector<Change>& changes, const std::string& player) {
    const std::string pair = " × ";
    if (const auto at = player.find(pair); at != std::string::npos)
        return step_name(changes, player.substr(0, at)) + pair + step_name(changes, player.substr(at + pair.size()));
    for (const auto& c : changes)
        if (c.name == player && !setting_of(c).empty() && !c.aspects.empty())
            return setting_of(c) + ": " + c.aspects.front().before + " → " + c.aspects.front().after;
    return player;
}

// The figure a waterfall shows, as the diff names it: "saving_pnc", "saving_by_type[shoplifting]".
std::string figure_name(const Program& p, const ReportItem& item) {
    const RuleDef& r = p.rules[static_cast<std::size_t>(item.rules[0])];
    return r.name + (item.members[0] < 0 ? "" : "[" + r.by->members[static_cast<std::size_t>(item.members[0])] + "]");
}

struct Between {
    const Run& run;
    const Program& p;
    const BatchOptions& opt;
    const std::vector<BatchResults>& kept_each;
    const KeptSources& sources;
    std::vector<ParamSetting> command_line;
    std::vector<Scenario> file;
    std::vector<std::string> cases;

    // The figure's change from run i to run j and its parts; nullopt when it shows the same under both.
    std::optional<FigureChange> change(const ReportItem& item, std::size_t i, std::size_t j) const {
        const DiffRun a = run_of(command_line, file, opt.scenarios[i].name, cases), b = run_of(command_line, file, opt.scenarios[j].name, cases);
        const std::vector<Change> changes = compare_runs(a, b);
        const Program &pa = *opt.scenarios[i].program, &pb = *opt.scenarios[j].program;
        const CoalitionPrograms coalitions(pa, pb, changes, a, b);
        const Players players = choose_players(coalitions, {}, run.limits.attribution);
        CaseEffects all = compare_results(pa, kept_each[i], pb, kept_each[j]), one;
        const std::string name = figure_name(p, item);
        for (auto* list : {&all.cohort, &all.changes})
            for (auto& fc : *list)
                if (fc.output == name) (list == &all.cohort ? one.cohort : one.changes).push_back(fc);
        if (one.cohort.empty() && one.changes.empty()) return std::nullopt;
        attribute_effects(coalitions, players, [&](const std::vector<Coalition>& cs, const std::vector<std::size_t>&) {
            return run_cases_under(cs, cases, sources.lists, sources.options);
        }, one);
        FigureChange fc = one.cohort.empty() ? one.changes.front() : one.cohort.front();
        for (auto* shares : {&fc.attribution, &fc.interactions})
            for (auto& s : *shares) s.change = step_name(changes, s.change);
        return fc;
    }
};

}  // namespace

ReportWaterfalls kept_waterfalls(const Run& run, const Program& p, const BatchArgs& a, const BatchOptions& opt,
                                 const std::vector<BatchResults>& kept_each, const KeptSources& sources,
                                 std::vector<Diagnostic>& not_computed) {
    ReportWaterfalls out;
    const bool any = p.report && std::any_of(p.report->items.begin(), p.report->items.end(),
                                             [](const ReportItem& i) { return i.kind == ast::ReportItemKind::waterfall; });
    if (!any || opt.scenarios.empty()) return out;
    std::vector<std::string> list_paths;
    for (const auto& l : sources.lists) list_paths.push_back(l.path);
    Between between{run, p, opt, kept_each, sources, parse_settings(a.params), read_scenarios(read_source(a.scenarios, run.limits.file_size), run.limits), {}};
    try {
        between.cases = find_case_files(sources.cases, list_paths);
    } catch (const std::exception&) {  // not at hand: each waterfall says so
    }
    std::string names;
    for (const auto& sc : opt.scenarios) names += (names.empty() ? "" : ", ") + sc.name;
    for (const auto& item : p.report->items) {
        if (item.kind != ast::ReportItemKind::waterfall) continue;
        Waterfall w;
        const std::string from = item.from.empty() ? opt.scenarios.front().name : item.from;
        const std::string to = item.to.empty() ? opt.scenarios.back().name : item.to;
        const auto i = place_of(opt, from), j = place_of(opt, to);
        try {
            if (!i || !j)
                throw RequestError("it compares scenario '" + (i ? to : from) + "', and " + a.scenarios + " has none of that name (its scenarios: " +
                                   names + ")");
            if (between.cases.empty()) throw RequestError("the cases are not at hand to run again (a merge of shards): run the report over the cases");
            w.from = *i;
            w.to = *j;
            w.change = between.change(item, *i, *j);
        } catch (const std::exception& e) {
            w.note = e.what();
            not_computed.push_back({item.where, "this waterfall could not be drawn: " + w.note, {}});
        }
        out[&item] = std::move(w);
    }
    return out;
}

}  // namespace reckon::cli
