// `reckon diff --attribute`, the figures: the cases evaluated under the program of every coalition of the changes,
// each figure that moved taken as shown (to its decimals, as the diff compares it) under each, and its change
// split by exact Shapley values (attribution.hpp), which add up to it exactly: checked for every figure.
#include "commands/diff/attribution.hpp"
#include "commands/diff/attribution_programs.hpp"

#include "commands/present/display.hpp"
#include "commands/present/present.hpp"

#include <map>
#include <stdexcept>

namespace reckon {

namespace {

struct Shown {
    std::string unit;
    Number value;  // in the figure's own unit, rounded to its decimals
};
// The figures of one run, as shown, by figure_key().
using FigureValues = std::map<std::string, Shown>;

std::string figure_key(const std::string& file, const std::string& case_id, const std::string& output) {
    return (file.empty() && case_id.empty() ? "" : file + "#" + case_id) + '\x1f' + output;
}

// The figures of outputs `slots` with `values`: each number as shown; a figure by member, each member's.
void add_figures(const Program& p, const std::vector<int>& slots, const std::vector<Value>& values, const std::string& file,
                 const std::string& id, FigureValues& out) {
    for (std::size_t i = 0; i < slots.size() && i < values.size(); ++i) {
        const RuleDef& r = p.rules[static_cast<std::size_t>(slots[i])];
        const Value& v = values[i];
        auto put = [&](const std::string& name, const Value& x) {
            if (x.kind != Value::Kind::number) return;
            const Number step(1, boost::multiprecision::pow(Integer(10), static_cast<unsigned>(r.decimals)));
            out[figure_key(file, id, name)] = {p.units.name(r.type.unit), round_to(in_own_unit(p, r, x), step, RoundMode::half_away)};
        };
        if (r.by && v.kind == Value::Kind::list && v.items()->size() == r.by->members.size())
            for (std::size_t m = 0; m < r.by->members.size(); ++m) put(r.name + "[" + r.by->members[m] + "]", (*v.items())[m]);
        else
            put(r.name, v);
    }
}

FigureValues figures_of(const Program& p, const BatchResults& r) {
    FigureValues out;
    for (const auto& c : r.cases)
        if (c.ok) add_figures(p, p.outputs, c.outputs, c.file, c.id, out);
    if (!r.cohort.empty()) add_figures(p, p.cohort_outputs, r.cohort, "", "", out);
    return out;
}

// The rule a figure is of, in the new version (for showing its amounts).
const RuleDef& rule_of(const Program& p, const FigureChange& fc, bool cohort) {
    if (const RuleDef* r = figure_rule(p, fc.output, cohort)) return *r;
    throw std::logic_error("attribution: no output " + fc.output + " in the new version");
}

std::string coalition_name(const Players& players, std::uint64_t mask) {
    std::string out;
    for (std::size_t i = 0; i < players.players.size(); ++i)
        if (mask & (std::uint64_t{1} << i)) out += (out.empty() ? "" : ", ") + players.players[i].name;
    return out;
}

// The program of a coalition: the versions themselves for none and all (not owned: they outlive the run).
std::shared_ptr<const Program> coalition_program(const CoalitionPrograms& v, const Players& players, std::uint64_t mask) {
    const std::uint64_t all = (std::uint64_t{1} << players.players.size()) - 1;
    if (mask == 0) return std::shared_ptr<const Program>(std::shared_ptr<const Program>{}, &v.old_version());
    if (mask == all) return std::shared_ptr<const Program>(std::shared_ptr<const Program>{}, &v.new_version());
    try {
        return v.with(players, mask);
    } catch (const CompileError& e) {
        std::string first = e.what();
        throw RequestError("--attribute: the old version with " + coalition_name(players, mask) + " from the new one does not check (" +
                           first.substr(0, first.find('\n')) + "); make the changes one group with --group NAME=CHANGE,CHANGE");
    }
}

// The coalitions that can be evaluated in one pass over the cases: those over the same cases (the same changes of
// the cases applied) that read a case as the old version does (no change of an input, a type or a unit applied);
// each of the others on its own.
std::vector<std::vector<std::uint64_t>> passes(const CoalitionPrograms& v, const Players& players) {
    std::map<std::string, std::vector<std::uint64_t>> by_key;
    const std::uint64_t all = (std::uint64_t{1} << players.players.size()) - 1;
    for (std::uint64_t mask = 0; mask <= all; ++mask) {
        std::string key;
        bool own_reading = false;
        for (std::size_t c : CoalitionPrograms::applied(players, mask)) {
            const Change& change = v.changes()[c];
            if (membership_of(change) != Membership::none) key += change.name + ";";
            own_reading = own_reading || change.section == "inputs" || change.section == "types" || change.section == "units";
        }
        if (own_reading) key += "#" + std::to_string(mask);
        by_key[key].push_back(mask);
    }
    std::vector<std::vector<std::uint64_t>> out;
    for (auto& [key, masks] : by_key) out.push_back(std::move(masks));
    return out;
}

// A figure's change split among the players, and the pairs' interactions; or why not.
void attribute(const Program& new_p, const Players& players, const std::vector<Number>& values, bool cohort, FigureChange& fc) {
    const RuleDef& r = rule_of(new_p, fc, cohort);
    if (values.back() - values.front() != fc.delta)
        throw std::logic_error("attribution: the coalitions give " + (values.back() - values.front()).str() + " as the change of " + fc.output +
                               ", not " + fc.delta.str());
    const std::vector<Number> shares = shapley_shares(players.players.size(), values);
    for (std::size_t i = 0; i < shares.size(); ++i) fc.attribution.push_back({players.players[i].name, shares[i], shown_amount(new_p, r, shares[i])});
    for (std::size_t i = 0; i < shares.size(); ++i)
        for (std::size_t j = i + 1; j < shares.size(); ++j)
            if (Number x = pair_interaction(values, i, j); x != 0)
                fc.interactions.push_back({players.players[i].name + " × " + players.players[j].name, x, shown_amount(new_p, r, x)});
}

// Each figure's value under the coalition `mask`, as shown; where it is no number in its unit, why, once.
void record(const std::vector<std::pair<FigureChange*, bool>>& figures, const FigureValues& shown, std::uint64_t mask, const Players& players,
            std::vector<std::vector<Number>>& values, std::vector<std::string>& missing) {
    for (std::size_t f = 0; f < figures.size(); ++f) {
        const FigureChange& fc = *figures[f].first;
        const auto it = shown.find(figure_key(fc.file, fc.case_id, fc.output));
        if (it != shown.end() && it->second.unit == fc.unit) values[f][mask] = it->second.value;
        else if (missing[f].empty())
            missing[f] = "not attributed: under the old version with " + coalition_name(players, mask) + " it is no number in " + fc.unit;
    }
}

}  // namespace

void attribute_effects(const CoalitionPrograms& v, const Players& players, const CaseRunner& run, CaseEffects& effects, std::size_t chunk) {
    std::vector<std::pair<FigureChange*, bool>> figures;  // each figure that moved by a number; whether the cohort's
    for (auto& fc : effects.cohort)
        if (!fc.difference.empty()) figures.push_back({&fc, true});
    for (auto& fc : effects.changes)
        if (!fc.difference.empty()) figures.push_back({&fc, false});
    const std::uint64_t all = (std::uint64_t{1} << players.players.size()) - 1;
    std::vector<std::vector<Number>> values(figures.size(), std::vector<Number>(all + 1));
    std::vector<std::string> missing(figures.size());
    for (const auto& pass : passes(v, players))
        for (std::size_t at = 0; at < pass.size(); at += chunk) {  // a chunk of coalitions, the cases read once for them
            const std::vector<std::uint64_t> masks(pass.begin() + static_cast<std::ptrdiff_t>(at),
                                                   pass.begin() + static_cast<std::ptrdiff_t>(std::min(pass.size(), at + chunk)));
            std::vector<Coalition> coalitions;
            for (std::uint64_t mask : masks)
                coalitions.push_back({coalition_program(v, players, mask), "the old version with " + coalition_name(players, mask)});
            const std::vector<BatchResults> results = run(coalitions, CoalitionPrograms::applied(players, masks.front()));
            for (std::size_t k = 0; k < masks.size(); ++k)
                record(figures, figures_of(*coalitions[k].program, results.at(k)), masks[k], players, values, missing);
        }
    for (std::size_t f = 0; f < figures.size(); ++f) {
        if (!missing[f].empty()) figures[f].first->unattributed = missing[f];
        else attribute(v.new_version(), players, values[f], figures[f].second, *figures[f].first);
    }
    AttributionNote note{player_method_text(players.method), {}, {}, players.unattributed};
    for (const auto& p : players.players) {
        note.players.push_back(p.name);
        if (!p.grouped.empty()) note.grouped.push_back(p.grouped);
    }
    effects.attribution = std::move(note);
}

}  // namespace reckon
