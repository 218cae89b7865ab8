// How a case's outputs are shown: the analyst's table and the JSON of cli.md.
#pragma once

#include "data/load_case.hpp"
#include "core/eval/eval.hpp"
#include "commands/present/display.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace reckon {

// "£2,356.36", "52 hour", "20%"-free plain numbers: the figure as an analyst pastes it (a member by its name, as
// formulas, tests and explain write it).
std::string display_with_unit(const Program& p, const RuleDef& r, const Value& v);
// The same in the tables of eval and batch, which people read: a member by its label, where it has one ("Pro rata").
std::string display_labelled(const Program& p, const RuleDef& r, const Value& v);
// A unit of time in words after a number: "hour" "hours", "hour/year" "hours a year", "/week" "a week"
// (`one`: after the number 1); nullopt when a part of it is not a unit of time.
std::optional<std::string> unit_in_words(const std::string& unit, bool one);
// The figure as a reader of a report reads it: a member by its label ("Pro rata"); its unit in words ("52 hours", "273 days", "£845.12 a week",
// "1,650 hours a year"); other units as display_with_unit shows them.
std::string display_for_readers(const Program& p, const RuleDef& r, const Value& v);
// A figure by member with each member's name: "shoplifting £18,035.85, other £0.00"; any other figure as display_with_unit.
std::string display_by_member(const Program& p, const RuleDef& r, const Value& v);

// JSON text; bytes that are not UTF-8 (in a path, say) become U+FFFD rather than an error.
std::string json_text(const nlohmann::ordered_json& j, int indent = -1);

// A case's figures as `reckon eval` prints them; `set`, the settings of the run as given (on_costs=30%), said under
// the case's name, so that figures not the ruleset's own say so.
std::string render_table(const Program& p, const CaseResult& r, const std::vector<std::string>& set = {});
std::string render_json(const Program& p, const CaseResult& r);

// The label-and-value table of some outputs (slots into p.rules, values alike).
std::string render_outputs(const Program& p, const std::vector<int>& slots, const std::vector<Value>& values);
// The same under each scenario: a row per figure (a row per member of a figure by member), its label first,
// a column per scenario headed by its name; `values` a list of figures per scenario, in the names' order
// (an empty list: that scenario's figures could not be computed, each shown as not defined).
std::string render_scenario_outputs(const Program& p, const std::vector<int>& slots, const std::vector<std::string>& names,
                                    const std::vector<std::vector<Value>>& values);
// {"name": {"value": "…", "unit": "…", "label": "…"}, …}: an absent value is null,
// a list an array of strings, a grouped figure an object by member.
nlohmann::ordered_json outputs_json(const Program& p, const std::vector<int>& slots, const std::vector<Value>& values);

// The same JSON text as json_text(outputs_json(p, slots, values)), written
// directly: what does not change from case to case (names, units, labels) is
// escaped once. The batch's jsonl lines are made with it.
class OutputsJson {
public:
    OutputsJson(const Program& p, const std::vector<int>& slots);
    std::string text(const std::vector<Value>& values) const;

private:
    struct Slot {
        const RuleDef* rule;
        std::string prefix, suffix;          // "name":{"value":  …  ,"unit":"GBP","label":"…"}
        std::vector<std::string> members;    // "member": for a figure by member
    };
    void value(std::string& out, const Slot& s, const Value& x) const;
    const Program& p_;
    std::vector<Slot> slots_;
    std::size_t reserve_ = 2;  // about the length of a line
};

// A JSON string: quoted, escaped, bytes that are not UTF-8 replaced.
std::string json_string(const std::string& s);

}  // namespace reckon
