#include "commands/tests/expectations.hpp"

#include "commands/present/present.hpp"

namespace reckon {
namespace {

bool same_figure(const Program& p, const RuleDef& r, const Value& actual, const Value& expected) {
    if (actual.kind != expected.kind) return false;
    switch (actual.kind) {
        case Value::Kind::number: {
            // the figure as displayed, against the expected figure exactly
            Number shown = round_to(in_own_unit(p, r, actual), Number(1, boost::multiprecision::pow(Integer(10), static_cast<unsigned>(r.decimals))), RoundMode::half_away);
            return shown == in_own_unit(p, r, expected);
        }
        case Value::Kind::boolean: return actual.b() == expected.b();
        case Value::Kind::text: return *actual.s() == *expected.s();
        case Value::Kind::date:
        case Value::Kind::member: return actual.n() == expected.n();
        case Value::Kind::none: return true;
        case Value::Kind::list: return false;
    }
    return false;
}

std::string exact_text(const Program& p, const RuleDef& r, const Value& v) {
    if (v.kind != Value::Kind::number) return display(p, r, v);
    Number x = in_own_unit(p, r, v);
    if (auto d = exact_decimal(x, 12)) return *d;
    return format_fixed(x, 12) + "...";
}

}  // namespace

bool expectation_met(const Program& p, const Expectation& x, const Value& whole, const Value& expected, const std::string& what_ran,
                     std::ostream& out) {
    const RuleDef& r = p.rules[x.rule];
    // one member's figure of a figure by member
    const Value actual = x.member >= 0 && whole.kind == Value::Kind::list ? Value(whole.items()->at(static_cast<std::size_t>(x.member))) : whole;
    if (same_figure(p, r, actual, expected)) return true;
    const std::string name = r.name + (x.member >= 0 ? "(" + r.by->written(static_cast<std::size_t>(x.member)) + ")" : "");
    Diagnostic d{x.where, "expectation not met: " + name, {}};
    const std::string want = display_with_unit(p, r, expected), got = display_with_unit(p, r, actual);
    const bool numbers = actual.kind == Value::Kind::number && expected.kind == Value::Kind::number;
    // shown alike (16.67 hour and 16.67 hour), they differ beyond what is shown: the value expected exactly too
    d.notes.push_back("expected " + want + (numbers && want == got ? " (exactly " + exact_text(p, r, expected) + ")" : "") + ", got " + got +
                      (actual.kind == Value::Kind::number ? " (exactly " + exact_text(p, r, actual) + ")" : ""));
    d.notes.push_back(what_ran);
    out << render(d);
    return false;
}

}  // namespace reckon
