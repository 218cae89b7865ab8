// Internal to the parse phase (parse.cpp, parse_tree*.cpp); no other phase
// includes it, so PEGTL stays behind parse.hpp. The selector says which
// grammar rules become nodes of PEGTL's parse tree; the builder turns that
// tree into the syntax tree (ast::).
#pragma once

#include "core/syntax/ast.hpp"
#include "grammar/grammar.hpp"

#include <tao/pegtl/contrib/parse_tree.hpp>

#include <cstdint>
#include <string>

namespace reckon::parse_tree {

namespace pt = tao::pegtl::parse_tree;
using namespace grammar;

template <typename Rule>
using selector = pt::selector<
    Rule,
    pt::store_content::on<
        // expressions
        name, unit_name, name_ref, date_lit, money_lit, currency_symbol, money_amount, money_per, number_lit, decimal, percent_sign,
        unit_suffix, target_unit, unit_term, unit_power, unit_op, string_lit, true_lit, false_lit, none_lit,
        empty_list, call, callee, field_sel, for_form, where_form, negation, mul_op, add_op, cmp_op, given_test,
        otherwise_op, not_op, and_op, or_op, if_expr, let_expr, let_var, loop_var,
        // types
        named_type, list_type, record_type, optional_type, enum_type, enum_member, member_label, field, field_name, bound_min,
        bound_max, declared_type, input_type, type_body, table_key, band_type, table_columns,
        // declarations
        header, ruleset_name, version_text, citation, case_id, dated_by_name, dated_value, dated_amount, dated_from, dated_source,
        param_range, cell_range, cell_distribution, uncertain_low, uncertain_high, uncertain_low_source, uncertain_high_source, param_distribution, distribution_name,
        distribution_sd, ignored_column, sheets_day_first, description, decimals_value, decl_name, unit_factor,
        unit_base, currency_symbol_text, formula, input_path, input_default, output_label, fn_param, fn_param_name,
        test_name, test_case_path, test_cases_path, test_run_data, given, given_name, given_value, expectation, expect_name, expect_member, expect_value,
        import_path, import_name, unit_decl, currency_decl, param_decl, run_input_decl, input_decl, rule_decl, output_decl, cohort_decl, fn_decl,
        type_decl, table_decl, table_row, row_key, cell, row_source, row_from, band_key, band_low, band_high, band_over, band_under, band_and_over, require_decl, require_message, test_decl, import_decl,
        percent_note, headline_step, report_decl, report_title, item_title, report_ref, report_member, share_ref, member_shares, range_low, range_high, report_section,
        report_text, report_headline, report_range, report_table, report_chart, report_cases, report_list, report_tornado,
        report_distribution, draws_count, draws_seed, report_waterfall, waterfall_from, waterfall_to,
        report_appendix, axis_title>,
    pt::fold_one::on<selection, multiplicative, additive, defaulted, conversion, comparison<defaulted>,
                     comparison<conversion>, negated<defaulted>, negated<conversion>, conjunction<defaulted>,
                     conjunction<conversion>, disjunction<defaulted>, disjunction<conversion>>>;


using Node = pt::node;

// Reads the nodes the selector kept, by position: expressions in
// parse_tree_expr.cpp, declarations and reports in parse_tree_decl.cpp, types,
// annotations and the header in parse_tree.cpp.
class Builder {
public:
    Builder(const SourceFile* file, std::uint64_t expression_depth) : file_(file), expression_depth_(expression_depth) {}
    Location at(const Node& n) const;
    static std::string text_of(const Node& n);
    // A small whole number written in the grammar (a power, decimals), at most `max`.
    int small_number(const Node& n, const std::string& digits, int max, const char* what) const;
    // "a \"b\"" -> a "b"
    static std::string unquote(const Node& n);
    ast::UnitSyntax unit(const Node& n) const;
    ast::ExprPtr make(ast::ExprKind kind, const Node& n) const;
    static bool is_op(const Node& n);
    // Sets e's depth from its kids'; an expression deeper than the limit is an error.
    ast::ExprPtr deepen(ast::ExprPtr e) const;
    ast::ExprPtr expr(const Node& n) const;
    // A number (with its unit or %), an amount of money, a date, a text, none, []; null for anything else.
    ast::ExprPtr literal(const Node& n) const;
    // f(a, b), a table's row, a figure's member; sum(x.hours for x in list where …)
    ast::ExprPtr call_node(const Node& n) const;
    ast::ExprPtr expr_node(const Node& n) const;
    ast::TypePtr type(const Node& n) const;
    void bound(ast::TypeSyntax& t, const Node& b) const;
    // description, source and decimals, wherever they follow a declaration
    bool annotation(ast::Annotations& a, const Node& c) const;
    ast::Decl decl(const Node& n) const;
    ast::Decl report(const Node& n) const;
    ast::TableRow row(const Node& n) const;
    ast::RowEntry row_entry(const Node& n) const;  // a row_key's or a cell's child
    void uncertainty(std::optional<ast::Uncertainty>& out, const Node& c, const std::string& who) const;
    ast::Header header_of(const Node& n) const;

private:
    // the steps of decl(): its kind, then each part, read by the family of declarations it belongs to
    static ast::DeclKind decl_kind(const Node& n);
    void decl_part(ast::Decl& d, const Node& c) const;
    bool name_part(ast::Decl& d, const Node& c) const;
    bool unit_part(ast::Decl& d, const Node& c) const;
    bool value_part(ast::Decl& d, const Node& c) const;
    bool table_part(ast::Decl& d, const Node& c) const;
    bool test_part(ast::Decl& d, const Node& c) const;
    ast::Expectation expectation_of(const Node& c) const;
    ast::DatedValue dated_value_of(const Node& c) const;

    const SourceFile* file_;
    std::uint64_t expression_depth_;
};

// A whole file's tree (grammar::file) to a module; one expression's
// (grammar::lone_expr) to an expression. An expression deeper than
// expression_depth is an error (CompileError).
ast::Module module_of(const Node& root, SourcePtr source, std::uint64_t expression_depth);
ast::ExprPtr expression_of(const Node& root, const SourceFile* file, std::uint64_t expression_depth);

}  // namespace reckon::parse_tree
