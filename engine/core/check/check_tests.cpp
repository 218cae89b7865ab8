// The check of a `test` block, after every other declaration: the params it
// gives values (a param dated by a case input too), each a constant of the param's type, and the outputs it
// expects (or one member of a figure by member), each a constant of the
// output's type.
#include "core/check/check.hpp"

namespace reckon {

void Checker::declare_test(const ast::Decl& d) {
    TestDef t;
    t.name = d.name;
    t.where = d.name_where;
    t.case_path = d.case_path;
    for (const auto& g : d.givens) {
        auto it = params_.find(g.param);
        if (auto dated = rules_.find(g.param); it == params_.end() && dated != rules_.end() && p_.rules[dated->second].dated.by_input) {
            // a param dated by a case input is a rule of each case: given, its value for the test's case
            auto n = constant(*g.value, p_.rules[dated->second].type, "the value given for '" + g.param + "'");
            if (n) t.dated_givens.emplace_back(dated->second, std::move(n));
            continue;
        }
        if (it == params_.end()) {
            error(g.where, "unknown param '" + g.param + "'");
            continue;
        }
        auto n = constant(*g.value, p_.params[it->second].type, "the value given for '" + g.param + "'");
        if (n) t.givens.emplace_back(it->second, std::move(n));
    }
    for (const auto& x : d.expects) {
        auto it = rules_.find(x.output);
        if (it == rules_.end()) {
            std::vector<std::string> notes;
            std::string s = suggestion(x.output);
            if (!s.empty()) notes.push_back("did you mean '" + s + "'?");
            error(x.where, "unknown output '" + x.output + "'", notes);
            continue;
        }
        if (p_.rules[it->second].cohort) {
            error(x.where, "'" + x.output + "' is a cohort figure: a test block checks the figures of one case");
            continue;
        }
        const RuleDef& r = p_.rules[it->second];
        int member = -1;
        if (!x.member.empty()) {  // one member of a figure by member: Band.band5
            if (!r.by) {
                error(x.member_where, "'" + x.output + "' is one figure, not a figure for each member: expect " + x.output + " == …");
                continue;
            }
            member = r.by->member_written(x.member, false);
            if (member < 0) {
                error(x.member_where, "'" + x.member + "' " + (r.by->factors.empty() ? "is not a member of " : "does not name a member of each of ") +
                                          r.by->name + (r.by->factors.empty() ? ", the enumeration of '" : ", in order, the enumerations of '") + x.output + "'",
                      {"name one as in " + x.output + "(" + r.by->example() + ")"});
                continue;
            }
        }
        const Type& type = member >= 0 ? *r.type.element : r.type;
        const std::string what = x.output + (member >= 0 ? "(" + x.member + ")" : "");
        auto n = constant(*x.expected, type, "the expected value of '" + what + "'", type.optional);
        if (n) t.expects.push_back(Expectation{it->second, std::move(n), x.where, member});
    }
    p_.tests.push_back(std::move(t));
}

}  // namespace reckon
