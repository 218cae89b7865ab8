// The checker: resolves names, checks types and units, and builds the
// evaluation tree. Declarations (declare*.cpp, check_declarations.cpp and the
// check_*.cpp of each kind) and expressions (check_expr.cpp and the files it
// calls) share this class. It collects every error it finds rather than stopping.
#pragma once

#include "core/program/program.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <set>
#include <string>
#include <vector>

namespace reckon {

// The built-in functions.
enum class Builtin { round, floor, ceil, min, max, abs, sum, count, collect, date, financial_year, power, numbers, mean, median, add_months, months_between, end_of_month };
std::optional<Builtin> builtin_named(std::string_view name);
const char* builtin_name(Builtin b);

struct Checked {
    Type type;
    NodePtr node;
};

class Checker {
public:
    explicit Checker(Program& program) : p_(program) {}

    // Whole-program phases, in order (declare.cpp).
    void declare(const std::vector<const ast::Module*>& modules);
    // …of declarations drawn from two versions of a ruleset (reckon diff --attribute): each module's header for its
    // `dated by`, only `decls` declared; a declaration in any of `entries` is of the entry file (its outputs are outputs).
    void declare(const std::vector<const ast::Module*>& modules, const std::vector<const ast::Decl*>& decls,
                 const std::vector<const SourceFile*>& entries);
    void check_all();
    std::vector<Diagnostic> take_diagnostics() { return std::move(diags_); }

    // A constant expression (a --param value, a test's expected figure) of `want`'s type.
    // With may_be_absent, `none` is allowed (an expected optional output).
    NodePtr constant(const ast::Expr& e, const Type& want, const std::string& what, bool may_be_absent = false);

private:
    // what a formula may refer to
    enum class Context { constant, function, rule, cohort };
    enum class State : std::uint8_t { unchecked, checking, done };

    struct Local {
        std::string name;
        int slot;
        Type type;
    };
    struct Frame {
        std::vector<Local> scope;
        int next = 0;
        int size = 0;
        Context context = Context::rule;
    };

    // declare.cpp
    void declare_names(const std::vector<const ast::Decl*>& decls);
    void declare_cohort_rules(const std::vector<const ast::Decl*>& decls);
    int add_rule(const ast::Decl& d);
    void declare_input(const ast::Decl& d);
    void declare_run_input(const ast::Decl& d);
    bool claim(const std::string& name, Location where);
    // declare_types.cpp
    void declare_units(const std::vector<const ast::Decl*>& decls);
    void declare_records(const std::vector<const ast::Decl*>& decls);
    Type type_of(const ast::TypeSyntax& t, Bounds* bounds);
    Unit unit_of(const ast::UnitSyntax& u);
    std::optional<Number> bound_value(const ast::Expr& e, const Type& t);
    // check_tests.cpp
    void declare_test(const ast::Decl& d);
    void give(TestDef& t, const ast::Given& g, bool over_cases);       // `given NAME = VALUE`
    void give_cell(TestDef& t, const ast::Given& g, bool over_cases);  // `given unit_costs(homicide).fiscal = …`
    void check_test_run_data(const ast::Decl& d, bool over_cases);  // a test gives run data when, and only when, it is read
    // check_declarations.cpp
    void on_demand(State& state, const std::string& name, Context context, const std::function<void()>& check);
    void check_param(int i);
    void check_param_formula(const ast::Decl& d, ParamDef& pd);
    void check_fn(int i);
    void check_fn_body(const ast::Decl& d, FnDef& f);
    void check_require(const ast::Decl& d);
    // check_dated.cpp
    NodePtr check_dated(const ast::Decl& d, Type& type, DatedValues& out);
    std::pair<std::string, Location> dated_by(const ast::Decl& d) const;
    NodePtr picking_date(const std::string& by, const Location& where);
    // check_uncertainty.cpp
    // `who` is "param 'x'" or "cell unit_costs(homicide).social"; value: its value, checked, of `type`; written: as written.
    std::optional<Uncertain> check_uncertainty(const ast::Uncertainty& u, const std::string& who, const Type& type, const Node* value,
                                               const ast::Expr* written);
    bool may_have_range(const ast::Uncertainty& u, const std::string& who, const Type& type, const Node* value);
    std::optional<Value> range_value(const ast::Expr& e, const std::string& who, const Type& type, const std::string& what);
    bool check_distribution(const ast::Uncertainty& u, const std::string& who, const Type& type, const Number& value,
                            const std::string& value_text, Uncertain& out);
    bool distribution_fits(const ast::Uncertainty& u, const std::string& who, const Type& type, const Number& value,
                           const std::string& value_text, const Uncertain& out);
    // check_rules.cpp
    void check_rule(int i);
    void check_rule_formula(const ast::Decl& d, RuleDef& r);
    const EnumDef* product_of(const std::vector<const EnumDef*>& factors);
    void check_output_shown(const ast::Decl& d, RuleDef& r);
    // check_tables.cpp
    struct TableRows;  // one table's rows being checked: what the steps of check_table() share
    void check_table(int i);
    bool check_table_keys(const ast::Decl& d, TableDef& t);
    void check_table_row(TableRows& rows, const ast::TableRow& row);
    std::optional<std::string> row_key_text(TableRows& rows, const ast::TableRow& row);
    bool values_unbanded(const TableRows& rows, const ast::TableRow& row);
    bool row_fills_columns(const TableRows& rows, const ast::TableRow& row);
    bool row_cells(const TableRows& rows, const ast::TableRow& row, const std::string& kt, std::vector<Value>& cells,
                   std::vector<UncertainCell>& ranged);
    bool row_version(TableRows& rows, const ast::TableRow& row, std::string& kt);
    void add_row(TableRows& rows, const ast::TableRow& row, const std::string& kt, std::vector<Value> cells,
                 std::vector<UncertainCell> ranged);
    void check_every_member(const TableRows& rows);
    std::optional<std::string> row_key(const ast::Decl& d, TableKey& key, const ast::RowEntry& entry);
    // check_bands.cpp
    std::optional<std::string> band_key(const ast::Decl& d, TableKey& key, const ast::RowEntry& entry);
    void check_bands(const ast::Decl& d, const TableKey& key);
    // check_modules.cpp
    bool from_entry(const ast::Decl& d) const;
    // Whether the file where `used` is sees `name`, declared at `declared`; an error when it does not.
    bool sees(const std::string& name, const Location& declared, const Location& used);
    void check_imported_names();
    // check_report.cpp
    void check_report(const ast::Decl& d);
    std::optional<ReportItem> report_item(const ast::ReportItem& item);
    void check_report_item(const ast::ReportItem& item, const ReportItem& out);
    void check_report_headline(const ast::ReportItem& item, const ReportItem& out);
    bool report_figures_fit(const ast::ReportItem& item, const ReportItem& out);
    void check_member_shares(const ast::ReportItem& item, const ReportItem& out);
    void check_share_of(const ast::ReportItem& item, const ReportItem& out);
    void check_report_cases(const ast::ReportItem& item, const ReportItem& out);
    void check_report_uncertain(const ast::ReportItem& item, const ReportItem& out);
    void check_single_figure(const ast::ReportItem& item, const ReportItem& out);
    int report_member(const RuleDef& r, const std::pair<std::string, Location>& member, bool& ok);
    int report_output(const std::string& name, Location where, bool per_case);

    // check_expr.cpp
    Checked expr(const ast::Expr& e);      // a value that is present
    Checked expr_any(const ast::Expr& e);  // a value that may be absent (optional)
    Checked optional_ops(const ast::Expr& e);  // none, `is given`, `otherwise`, `if` over them
    static const ast::Expr* given_name(const ast::Expr& cond);
    Checked literal(const ast::Expr& e);
    // check_names.cpp
    struct Resolved {
        Checked base;
        std::size_t used = 0;  // segments of the path it took
        bool failed = false;   // an error was reported
    };
    Checked name(const ast::Expr& e);
    Resolved local_name(const ast::Expr& e);
    Resolved input_name(const ast::Expr& e);
    Resolved declared_name(const ast::Expr& e);
    bool rule_usable(const ast::Expr& e, int i);
    Checked unary(const ast::Expr& e);
    Checked binary(const ast::Expr& e);
    Checked arithmetic(const ast::Expr& e, Checked a, Checked b);
    Checked comparison(const ast::Expr& e, Op o, Checked a, Checked b);
    // check_calls.cpp
    Checked call(const ast::Expr& e);
    std::vector<Checked> arguments(const ast::Expr& e, std::optional<Builtin> builtin);
    static bool any_failed(const std::vector<Checked>& args);
    Checked function_call(const ast::Expr& e, std::vector<Checked> args);
    // check_lookups.cpp
    Checked call_value(const ast::Expr& e, std::vector<Checked> args);  // table(key), grouped(member)
    Checked table_lookup(const ast::Expr& e, int slot, std::vector<Checked> args);
    Checked member_pick(const ast::Expr& e, std::vector<Checked> args);
    // check_builtins.cpp
    Checked rounding(const ast::Expr& e, Builtin b, std::vector<Checked> args);
    Checked extremum(const ast::Expr& e, Builtin b, std::vector<Checked> args);
    Checked absolute(const ast::Expr& e, std::vector<Checked> args);
    Checked power(const ast::Expr& e, std::vector<Checked> args);
    Checked numbers(const ast::Expr& e, std::vector<Checked> args);
    Checked two_plain_numbers(const ast::Expr& e, std::vector<Checked> args, const std::string& usage, Op op, Type result);
    Checked builtin_date(const ast::Expr& e, Builtin b, std::vector<Checked> args);
    Checked month_arithmetic(const ast::Expr& e, Builtin b, std::vector<Checked> args);
    Checked list_average(const ast::Expr& e, Builtin b, std::vector<Checked> args);
    Checked average(const ast::Expr& e, Builtin b);
    Checked aggregate_as(const ast::Expr& e, Op op);
    // check_aggregates.cpp
    Checked list_total(const ast::Expr& e, Builtin b, std::vector<Checked> args);
    Checked members_or_list(const ast::Expr& e);
    Checked aggregate(const ast::Expr& e);
    NodePtr fold_node(Op op, Location where, int slot, NodePtr list, NodePtr element, NodePtr filter);
    NodePtr fold(Op op, Location where, const Type& item, NodePtr list);
    // check_names.cpp
    Checked field_access(Checked base, const std::string& field, Location where);
    Checked case_field(Checked base, const std::string& field, Location where);
    Checked enum_member(const ast::Expr& e);
    // check_expr.cpp
    Checked failed() { return Checked{Type{}, nullptr}; }
    NodePtr node(Op op, Location where);
    int bind(const std::string& name, const Type& t);
    void unbind() { frame_.scope.pop_back(); }
    bool expect_kind(const Checked& c, TypeKind k, Location where, const std::string& what);
    Type unit_mismatch(Location where, const std::string& what, const Type& a, const Type& b);

    void error(Location where, std::string message, std::vector<std::string> notes = {});
    std::string suggestion(const std::string& name) const;
    std::vector<std::string> names_in_scope() const;
    std::optional<std::string> spaced_rate(const ast::Expr& e) const;
    bool loop_without_body(const ast::Expr& e);
    std::vector<std::string> unknown_name_notes(const std::string& name) const;
    std::string describe(const Type& t) const { return reckon::describe(t, p_.units); }
    std::string unit_name(const Unit& u) const;

    Program& p_;
    std::vector<Diagnostic> diags_;
    Frame frame_;
    std::map<std::string, Location> declared_;  // every declared name, for duplicates
    std::map<std::string, int> params_, rules_, cohort_rules_, fns_, inputs_, records_, enums_, tables_;
    std::map<std::string, const EnumDef*> products_;  // "Grade × Edition": the enumerations of figures by two or more
    // each file's header's `dated by`: the param or input whose date picks its dated values (else the entry file's)
    std::map<const SourceFile*, std::pair<std::string, Location>> dated_by_;
    std::set<std::string> bad_dated_by_;  // `dated by` names already reported as wrong
    int find_rule(const std::string& name) const;  // the cohort's rule of that name in a cohort rule, else the case's
    std::set<std::string> input_groups_;        // "police", prefixes of input paths
    std::vector<const ast::Decl*> param_decls_, rule_decls_, fn_decls_;
    std::vector<const ast::Decl*> table_decls_, require_decls_;
    std::vector<State> param_state_, rule_state_, fn_state_, table_state_;
    std::vector<std::string> narrowed_;          // optional names known to be given here (`if x is given then`)
    const RecordDef* case_record_ = nullptr;     // the type of each element of `cases`
    std::uint64_t depth_ = 0;                    // formulas being checked, one inside another (limits.depth)
    std::vector<std::string> chain_;            // declarations being checked, for cycle messages
    std::vector<const ast::Decl*> tests_, reports_;
    std::vector<const ast::Decl*> input_decls_;
    std::vector<const SourceFile*> entries_;  // besides the program's first source: files whose declarations are the entry file's
};

}  // namespace reckon
