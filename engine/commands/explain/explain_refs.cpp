// `reckon explain`: what a formula refers to (the rules, params, inputs, functions and tables it names, each once,
// and its roundings), what a sum over the cases reads from each case, and how each rounding is described with the
// values it rounded.
#include "commands/explain/explainer.hpp"

#include "commands/present/present.hpp"

#include <algorithm>

namespace reckon {
namespace {

std::string mode_name(RoundMode m) {
    switch (m) {
        case RoundMode::half_away: return "half away from zero";
        case RoundMode::half_even: return "half to even";
        case RoundMode::up: return "up, away from zero";
        case RoundMode::down: return "down, toward zero";
        case RoundMode::floor: return "down (floor)";
        case RoundMode::ceiling: return "up (ceiling)";
    }
    return "";
}

// A number of base units as a rounding's step is written ("£0.01", "8 hour", "1"): £35.666667…, 1.683333… hour.
std::string in_step_units(const Node& round, const Number& x) {
    const std::string step = round.value.s() ? *round.value.s() : std::string("1");
    const auto b = step.find_first_of("0123456789");
    if (b == std::string::npos) return format_trimmed(x, 6);
    const auto e = step.find_first_not_of("0123456789,.", b);
    const std::string prefix = step.substr(0, b), suffix = e == std::string::npos ? "" : step.substr(e);
    const auto written = parse_decimal(step.substr(b, e == std::string::npos ? std::string::npos : e - b), true);
    if (!written || round.step == 0) return format_trimmed(x, 6);
    const Number v = x / round.step * *written;
    std::string text;
    if (auto exact = exact_decimal(abs(v), 6)) text = group_thousands(*exact);
    else text = group_thousands(format_fixed(abs(v), 6)) + "…";
    return (v < 0 ? "-" : "") + prefix + text + suffix;
}

}  // namespace

bool reads_local(const Node& n, int from) {
    if (n.op == Op::local && n.slot >= from) return true;
    for (const auto& k : n.kids)
        if (k && reads_local(*k, from)) return true;
    return false;
}

void collect_refs(const Node& n, Refs& r) {
    switch (n.op) {
        case Op::rule:
        case Op::param:
        case Op::input:
        case Op::call:
        case Op::lookup:
            if (std::find(r.seen.begin(), r.seen.end(), std::make_pair(n.op, n.slot)) == r.seen.end()) {
                r.seen.emplace_back(n.op, n.slot);
                if (n.op == Op::call) r.first_call[n.slot] = &n;
            }
            if (n.op == Op::lookup) r.lookups[n.slot].push_back(&n);
            break;
        case Op::round_: r.rounding.push_back(&n); break;
        case Op::pick:
            if (n.kids.size() >= 2 && n.kids[0] && n.kids[0]->op == Op::rule && !r.picks.count(n.kids[0]->slot))
                r.picks[n.kids[0]->slot] = &n;
            break;
        case Op::constant:  // nothing to name: what is below is collected
        case Op::local:
        case Op::field:
        case Op::neg:
        case Op::not_:
        case Op::abs_:
        case Op::add:
        case Op::sub:
        case Op::mul:
        case Op::div:
        case Op::eq:
        case Op::ne:
        case Op::lt:
        case Op::le:
        case Op::gt:
        case Op::ge:
        case Op::and_:
        case Op::or_:
        case Op::if_:
        case Op::let_:
        case Op::min_:
        case Op::max_:
        case Op::sum:
        case Op::count:
        case Op::least:
        case Op::most:
        case Op::date_add:
        case Op::date_sub:
        case Op::date_diff:
        case Op::is_given:
        case Op::otherwise:
        case Op::make_date:
        case Op::financial_year:
        case Op::collect:
        case Op::power:
        case Op::mean_of:
        case Op::median_of:
        case Op::add_months:
        case Op::months_between:
        case Op::end_of_month:
        case Op::numbers:
        case Op::dated:  // the date that picks is collected below, as what it reads
        case Op::cases: break;
    }
    for (const auto& k : n.kids)
        if (k) collect_refs(*k, r);
}

void case_fields(const Node& n, int loop, std::vector<int>& out) {
    if (n.op == Op::field && !n.kids.empty() && n.kids[0] && n.kids[0]->op == Op::local && n.kids[0]->slot == loop &&
        std::find(out.begin(), out.end(), n.slot) == out.end())
        out.push_back(n.slot);
    for (const auto& k : n.kids)
        if (k) case_fields(*k, loop, out);
}

bool shown_by_trace(const Node& n) {
    if (n.op == Op::call || n.op == Op::round_ || n.op == Op::lookup) return true;
    for (const auto& k : n.kids)
        if (k && shown_by_trace(*k)) return true;
    return false;
}

std::vector<std::string> rounding_lines(const std::vector<const Node*>& rounds, const CallTrace* trace, const std::vector<int>& in) {
    std::vector<std::string> out;
    for (const Node* n : rounds) {
        std::string line = "rounded to a multiple of " + (n->value.s() ? *n->value.s() : std::string("1")) + ", " + mode_name(n->mode);
        std::vector<std::string> steps;
        std::size_t all = 0;
        if (trace)
            for (const auto& r : trace->roundings)
                if (r.node == n && std::find(in.begin(), in.end(), r.call) != in.end()) {
                    std::string step = in_step_units(*n, r.before) + " -> " + in_step_units(*n, r.after);
                    if (std::find(steps.begin(), steps.end(), step) != steps.end()) continue;
                    ++all;
                    if (steps.size() < 3) steps.push_back(std::move(step));
                }
        for (std::size_t i = 0; i < steps.size(); ++i) line += (i ? ", " : ": ") + steps[i];
        if (all > steps.size()) line += ", … (" + std::to_string(all) + " different)";
        out.push_back(line + " (" + n->where.str() + ")");
    }
    return out;
}

}  // namespace reckon
