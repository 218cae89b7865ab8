// The check of a `test` block, after every other declaration: the params it
// gives values (a param dated by a case input too, and a table's cell, in a test of one case), each a constant of the param's type, and the outputs it
// expects (or one member of a figure by member), each a constant of the
// output's type. A test of one case expects that case's figures; a test over
// cases (`cases "folder"`), the cohort's outputs. A ruleset that reads run
// data is tested with its file (`run data "file"`), unless the test gives each
// run input it needs (of one value), and only such a ruleset is.
#include "core/check/check.hpp"
#include "core/check/check_settings.hpp"

#include <algorithm>

namespace reckon {

// A ruleset whose run inputs have no default is tested with its run data (unless the test gives each such one), and
// only a ruleset that reads run data is.
void Checker::check_test_run_data(const ast::Decl& d, bool over_cases) {
    const auto given = [&](const ParamDef& q) {
        return std::any_of(d.givens.begin(), d.givens.end(), [&](const ast::Given& g) { return g.param == q.name; });
    };
    const auto needed = std::find_if(p_.params.begin(), p_.params.end(), [&](const ParamDef& q) { return q.run_input >= 0 && !q.formula && !given(q); });
    if (needed != p_.params.end() && d.run_data.empty()) {
        std::vector<std::string> notes{std::string("give its file after the ") + (over_cases ? "cases" : "case") + ": test \"" + d.name + "\" " +
                                       (over_cases ? "cases" : "case") + " \"…\" run data \"FILE\""};
        if (one_value(needed->type)) notes.push_back("or give its value in the test: given " + needed->name + " = VALUE");
        error(d.name_where, "test '" + d.name + "' gives no run data, and the ruleset reads it (run input '" + needed->name + "' has no default)",
              std::move(notes));
    }
    if (p_.run_inputs.empty() && !d.run_data.empty())
        error(d.run_data_where, "the ruleset reads no run data (it declares no 'run input'): leave out 'run data'");
}

// `given TABLE(KEY).COLUMN = VALUE`: the cell as --param finds it, its value a constant of the column's type, written out.
void Checker::give_cell(TestDef& t, const ast::Given& g, bool over_cases) {
    if (over_cases) {
        error(g.where, "a test over cases runs them as batch does, with the ruleset's tables: give '" + g.param +
                           "' in a test of one case, or with --param for the run");
        return;
    }
    CellRef cell;
    try {
        cell = find_cell(p_, *this, g.param);
    } catch (const SettingError& e) {
        error(g.where, e.why());
        return;
    }
    const TableDef& table = p_.tables[static_cast<std::size_t>(cell.table)];
    auto n = constant(*g.value, table.columns->fields[static_cast<std::size_t>(cell.column)].type, "the value given for '" + g.param + "'");
    if (!n) return;
    if (n->op != Op::constant) {
        error(n->where, "a table cell holds a value written out, such as £200,000 or 1.06913");
        return;
    }
    t.cell_givens.push_back({std::move(cell), std::move(n)});
}

// `given NAME = VALUE`: a param's value for this test, a param dated by a case input's (a test of one case), or a
// table's cell.
void Checker::give(TestDef& t, const ast::Given& g, bool over_cases) {
    if (g.param.find('(') != std::string::npos) {  // a table's cell, for this test alone
        give_cell(t, g, over_cases);
        return;
    }
    auto it = params_.find(g.param);
    if (auto dated = rules_.find(g.param); it == params_.end() && dated != rules_.end() && p_.rules[dated->second].dated.by_input) {
        if (over_cases) {
            error(g.where, "'" + g.param + "' is dated by a case input, so each case has its own: a test over cases cannot give it one value");
            return;
        }
        // a param dated by a case input is a rule of each case: given, its value for the test's case
        auto n = constant(*g.value, p_.rules[dated->second].type, "the value given for '" + g.param + "'");
        if (n) t.dated_givens.emplace_back(dated->second, std::move(n));
        return;
    }
    if (it == params_.end()) {
        error(g.where, "unknown param '" + g.param + "'");
        return;
    }
    const ParamDef& d = p_.params[it->second];
    if (d.run_input >= 0 && !one_value(d.type)) {
        error(g.where, run_input_not_set(p_, d));
        return;
    }
    auto n = constant(*g.value, d.type, "the value given for '" + g.param + "'");
    if (n) t.givens.emplace_back(it->second, std::move(n));
}

void Checker::declare_test(const ast::Decl& d) {
    TestDef t;
    t.name = d.name;
    t.where = d.name_where;
    t.case_path = d.case_path;
    for (const auto& [path, where] : d.cases) t.cases.push_back(path);
    t.run_data = d.run_data;
    const bool over_cases = !t.cases.empty();
    check_test_run_data(d, over_cases);
    for (const auto& g : d.givens) give(t, g, over_cases);
    // a test over cases names the cohort's figures, a test of one case the case's (a cohort figure may share a
    // case figure's name: a cohort `baseline` sums the cases' `baseline`)
    const auto& names = over_cases ? cohort_rules_ : rules_;
    const auto& others = over_cases ? rules_ : cohort_rules_;
    for (const auto& x : d.expects) {
        auto slot = [&](const std::map<std::string, int>& m) { auto at = m.find(x.output); return at == m.end() ? -1 : at->second; };
        const int rule = slot(names) >= 0 ? slot(names) : slot(others);
        if (rule < 0) {
            std::vector<std::string> notes;
            std::string s = suggestion(x.output);
            if (!s.empty()) notes.push_back("did you mean '" + s + "'?");
            error(x.where, "unknown output '" + x.output + "'", notes);
            continue;
        }
        const RuleDef& r = p_.rules[rule];
        if (r.cohort && !over_cases) {
            error(x.where, "'" + x.output + "' is a cohort figure: a test of one case checks that case's figures",
                  {"test the cohort's figures over cases: test \"" + t.name + "\" cases \"FOLDER\""});
            continue;
        }
        if (!r.cohort && over_cases) {
            error(x.where, "'" + x.output + "' is a figure of each case: a test over cases checks the cohort's outputs",
                  {"test one case's figures with test \"" + t.name + "\" case \"FILE\""});
            continue;
        }
        if (r.cohort && !r.output) {
            error(x.where, "'" + x.output + "' is a cohort rule, not an output: a test over cases checks what the batch shows, the cohort's outputs");
            continue;
        }
        int member = -1;
        if (!x.member.empty()) {  // one member of a figure by member: Band.band5
            if (!r.by) {
                error(x.member_where, "'" + x.output + "' is one figure, not a figure for each member: expect " + x.output + " == …");
                continue;
            }
            member = r.by->member_written(x.member, true);  // Band.band5, or band5 alone as given and explain take it
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
        if (n) t.expects.push_back(Expectation{rule, std::move(n), x.where, member});
    }
    p_.tests.push_back(std::move(t));
}

}  // namespace reckon
