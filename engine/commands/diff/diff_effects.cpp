// `reckon diff`, the effect on cases: the same cases run under each version, every output of every case (and of
// the cohort) compared as shown, the cases with the largest changes first, money before other units.
#include "commands/diff/diff.hpp"
#include "commands/diff/diff_runs.hpp"

#include "commands/present/present.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace reckon {

namespace {

// A figure under each version (an output's, or one member's of a figure by
// member), compared as shown; nothing when it shows the same.
std::optional<FigureChange> figure_change(const Program& old_p, const RuleDef* ro, const Value& va, const Program& new_p, const RuleDef& r,
                                          const Value& vb) {
    FigureChange fc{"", "", r.name, "", display_with_unit(new_p, r, vb), "", 0, "", {}, {}, "", {}, {}, vb, {}};
    if (ro) {
        fc.before = display_with_unit(old_p, *ro, va);
        fc.old_value = va;
    }
    if (fc.before == fc.after) return std::nullopt;
    if (ro && va.kind == Value::Kind::number && vb.kind == Value::Kind::number &&
        new_p.units.name(r.type.unit) == old_p.units.name(ro->type.unit)) {
        // the difference of the figures as shown, so that it adds up on the page
        const Number step(1, boost::multiprecision::pow(Integer(10), static_cast<unsigned>(r.decimals)));
        Number shown_a = round_to(in_own_unit(old_p, *ro, va), step, RoundMode::half_away);
        Number shown_b = round_to(in_own_unit(new_p, r, vb), step, RoundMode::half_away);
        fc.delta = shown_b - shown_a;
        Value d = Value::number(fc.delta * new_p.units.scale(r.type.unit));
        std::string text = display_with_unit(new_p, r, d);
        fc.difference = (fc.delta > 0 ? "+" : "") + text;
        fc.unit = new_p.units.name(r.type.unit);
    }
    return fc;
}

// An output's changes: one, or for a figure by member (of the same members in both versions) one per member that changed.
std::vector<FigureChange> figure_changes(const Program& old_p, const RuleDef* ro, const Value& va, const Program& new_p, const RuleDef& r,
                                         const Value& vb) {
    std::vector<FigureChange> out;
    const bool by_member = r.by && ro && ro->by && r.by->members == ro->by->members && va.kind == Value::Kind::list &&
                           vb.kind == Value::Kind::list && va.items()->size() == r.by->members.size() &&
                           vb.items()->size() == r.by->members.size();
    if (!by_member) {
        if (auto fc = figure_change(old_p, ro, va, new_p, r, vb)) out.push_back(std::move(*fc));
        return out;
    }
    for (std::size_t m = 0; m < r.by->members.size(); ++m)
        if (auto fc = figure_change(old_p, ro, (*va.items())[m], new_p, r, (*vb.items())[m])) {
            fc->output = r.name + "[" + r.by->members[m] + "]";
            out.push_back(std::move(*fc));
        }
    return out;
}

// Whether change a is larger than b: money before other units, then by size.
bool larger(const FigureChange& a, const FigureChange& b) {
    const bool ma = !a.difference.empty() && a.unit == "GBP", mb = !b.difference.empty() && b.unit == "GBP";
    if (ma != mb) return ma;
    if (a.difference.empty() != b.difference.empty()) return !a.difference.empty();
    return abs(a.delta) > abs(b.delta);
}

}  // namespace

const RuleDef* figure_rule(const Program& p, const std::string& output, bool cohort) {
    const std::string name = output.substr(0, output.find('['));
    for (int slot : cohort ? p.cohort_outputs : p.outputs)
        if (p.rules[static_cast<std::size_t>(slot)].name == name) return &p.rules[static_cast<std::size_t>(slot)];
    return nullptr;
}

std::string shown_amount(const Program& p, const RuleDef& r, const Number& own) {
    const std::string text = display_with_unit(p, r, Value::number(own * p.units.scale(r.type.unit)));
    const Number step(1, boost::multiprecision::pow(Integer(10), static_cast<unsigned>(r.decimals)));
    const bool whole = round_to(own, step, RoundMode::half_away) == own;
    return (own > 0 ? "+" : "") + text + (whole ? "" : " (exactly " + own.str() + ")");
}

int figure_member(const RuleDef& r, const std::string& output) {
    const auto open = output.find('[');
    if (!r.by || open == std::string::npos || output.back() != ']') return -1;
    const std::string member = output.substr(open + 1, output.size() - open - 2);
    const auto& ms = r.by->members;
    const auto it = std::find(ms.begin(), ms.end(), member);
    return it == ms.end() ? -1 : static_cast<int>(it - ms.begin());
}

CaseEffects compare_results(const Program& old_p, const BatchResults& old_r, const Program& new_p, const BatchResults& new_r) {
    CaseEffects e;
    std::map<std::string, std::size_t> old_slot;  // old outputs by name
    for (std::size_t i = 0; i < old_p.outputs.size(); ++i) old_slot[old_p.rules[old_p.outputs[i]].name] = i;
    std::vector<std::vector<FigureChange>> by_case;
    std::vector<CaseKey> old_keys, new_keys;  // the new run's cases matched to the old run's (match_cases)
    for (const auto& c : old_r.cases) old_keys.push_back({c.file, c.id});
    for (const auto& c : new_r.cases) new_keys.push_back({c.file, c.id});
    const auto match = match_cases(old_keys, new_keys);
    std::vector<bool> matched(old_r.cases.size(), false);
    for (std::size_t k = 0; k < new_r.cases.size(); ++k) {
        const CaseRecord& rb = new_r.cases[k];
        if (!match[k]) {
            ++e.only_new;
            continue;
        }
        const CaseRecord& ra = old_r.cases[*match[k]];
        matched[*match[k]] = true;
        ++e.cases;
        if (!ra.ok || !rb.ok) {
            e.errors.push_back(!ra.ok ? ra.failure.text : rb.failure.text);
            continue;
        }
        std::vector<FigureChange> mine;
        for (std::size_t i = 0; i < new_p.outputs.size(); ++i) {
            const RuleDef& r = new_p.rules[new_p.outputs[i]];
            auto o = old_slot.find(r.name);
            const RuleDef* ro = o == old_slot.end() ? nullptr : &old_p.rules[old_p.outputs[o->second]];
            for (auto& fc : figure_changes(old_p, ro, ro ? ra.outputs[o->second] : Value{}, new_p, r, rb.outputs[i])) {
                fc.case_id = rb.id;
                fc.file = rb.file;
                mine.push_back(std::move(fc));
            }
        }
        if (mine.empty()) continue;
        ++e.affected;
        by_case.push_back(std::move(mine));
    }
    e.only_old = static_cast<std::size_t>(std::count(matched.begin(), matched.end(), false));
    // the case with the largest change first (money first); cases alike keep their order
    auto biggest = [](const std::vector<FigureChange>& v) { return *std::min_element(v.begin(), v.end(), larger); };
    std::stable_sort(by_case.begin(), by_case.end(), [&](const auto& x, const auto& y) { return larger(biggest(x), biggest(y)); });
    for (auto& v : by_case) e.changes.insert(e.changes.end(), v.begin(), v.end());
    // the cohort
    const bool old_cohort = !old_p.cohort_outputs.empty(), new_cohort = !new_p.cohort_outputs.empty();
    if (old_cohort && old_r.cohort.empty()) e.errors.push_back("the cohort could not be evaluated under the old version");
    if (new_cohort && new_r.cohort.empty()) e.errors.push_back("the cohort could not be evaluated under the new version");
    if (new_cohort && !new_r.cohort.empty()) {
        std::map<std::string, std::size_t> old_cohort_slot;
        for (std::size_t i = 0; i < old_p.cohort_outputs.size(); ++i) old_cohort_slot[old_p.rules[old_p.cohort_outputs[i]].name] = i;
        for (std::size_t i = 0; i < new_p.cohort_outputs.size(); ++i) {
            const RuleDef& r = new_p.rules[new_p.cohort_outputs[i]];
            auto o = old_cohort_slot.find(r.name);
            const bool known = o != old_cohort_slot.end() && !old_r.cohort.empty();
            const RuleDef* ro = known ? &old_p.rules[old_p.cohort_outputs[o->second]] : nullptr;
            for (auto& fc : figure_changes(old_p, ro, known ? old_r.cohort[o->second] : Value{}, new_p, r, new_r.cohort[i]))
                e.cohort.push_back(std::move(fc));
        }
    }
    return e;
}

}  // namespace reckon
