// What a person is told when the parser cannot go on: one message per
// commit point (must<>) of the grammar (grammar.hpp and the headers it
// includes). must_if<> refuses to compile a commit point that has no message here.
#pragma once

#include "grammar/grammar.hpp"

namespace reckon::grammar {

template <typename Rule> inline constexpr const char* error_text = nullptr;

// expressions
template <> inline constexpr const char* error_text<expr> = "expected an expression";
template <> inline constexpr const char* error_text<unary> = "expected a value after the operator";
template <> inline constexpr const char* error_text<multiplicative> = "expected a value after the operator";
template <> inline constexpr const char* error_text<additive> = "expected a value after the operator";
template <> inline constexpr const char* error_text<defaulted> = "expected a value after the comparison";
template <> inline constexpr const char* error_text<conversion> = "expected a value after the comparison";
template <typename B> inline constexpr const char* error_text<negated<B>> = "expected a condition after 'not' or 'and'";
template <typename B> inline constexpr const char* error_text<conjunction<B>> = "expected a condition after 'or'";
template <> inline constexpr const char* error_text<target_unit> = "expected a unit after 'in' (as in 't in hour')";
template <> inline constexpr const char* error_text<expr_close> = "expected ')' to close the parenthesis";
template <> inline constexpr const char* error_text<call_close> = "expected ',' or ')' in the list of arguments";
template <> inline constexpr const char* error_text<string_close> = "unterminated text: expected '\"' before the end of the line";
template <> inline constexpr const char* error_text<money_amount> = "expected an amount after the currency symbol (as in £1,234.56)";
template <> inline constexpr const char* error_text<if_cond> = "expected a condition after 'if'";
template <> inline constexpr const char* error_text<kw_then> = "expected 'then' after the condition of 'if'";
template <> inline constexpr const char* error_text<if_then> = "expected a value after 'then'";
template <> inline constexpr const char* error_text<kw_else> = "expected 'else': every 'if' needs an 'else'";
template <> inline constexpr const char* error_text<if_else> = "expected a value after 'else'";
template <> inline constexpr const char* error_text<let_var> = "expected a name after 'let'";
template <> inline constexpr const char* error_text<let_eq> = "expected '=' after the name in 'let'";
template <> inline constexpr const char* error_text<let_value> = "expected a value after '=' in 'let'";
template <> inline constexpr const char* error_text<kw_in> = "expected 'in'";
template <> inline constexpr const char* error_text<let_body> = "expected an expression after 'in'";
template <> inline constexpr const char* error_text<loop_var> = "expected a name after 'for' (as in 'for x in list')";
template <> inline constexpr const char* error_text<list_expr> = "expected a list after 'in'";
template <> inline constexpr const char* error_text<filter> = "expected a condition after 'where'";
template <> inline constexpr const char* error_text<field_sel> = "expected a field name after '.'";
template <> inline constexpr const char* error_text<kw_given> = "expected 'given' after 'is' (as in 'left is given')";
template <typename B> inline constexpr const char* error_text<comparison<B>> = "expected a value after the comparison";

// types
template <> inline constexpr const char* error_text<type> = "expected a type: a unit (GBP/hour), number, text, bool, date, 'list of T' or '{field: T, ...}'";
template <> inline constexpr const char* error_text<declared_type> = "expected a type: a unit (GBP/hour), number, text, bool, date, 'list of T' or '{field: T, ...}'";
template <> inline constexpr const char* error_text<input_type> = "expected a type: a unit (GBP/hour), number, text, bool, date, 'list of T' or '{field: T, ...}'";
template <> inline constexpr const char* error_text<type_body> = "expected a record type '{field: T, ...}' or an enumeration 'one of a, b, c'";
template <> inline constexpr const char* error_text<list<enum_entry, seq<ws, one<','>, ws>>> = "expected the members' names after 'one of', separated by commas";
template <> inline constexpr const char* error_text<field_colon> = "expected ':' after the field name";
template <> inline constexpr const char* error_text<record_close> = "expected ',' or '}' in the record type";
template <> inline constexpr const char* error_text<kw_of> = "expected 'of' (as in 'list of hour', 'one of a, b' or 'bands of hour')";

// declarations
template <> inline constexpr const char* error_text<decl_name> = "expected a name for the declaration";
template <> inline constexpr const char* error_text<equals> = "expected '=' and the value or formula";
template <> inline constexpr const char* error_text<colon> = "expected ':' and a type";
template <> inline constexpr const char* error_text<no_leading_equals> = "expected the formula without an '=' of its own: it starts after its declaration's '=', not as a spreadsheet cell's does (write 'output total = a + b')";
template <> inline constexpr const char* error_text<formula> = "expected a formula after '='";
template <> inline constexpr const char* error_text<unit_factor> = "expected a number (as in 'unit hour = 60 minute')";
template <> inline constexpr const char* error_text<unit_base> = "expected a unit after the number (as in 'unit hour = 60 minute')";
template <> inline constexpr const char* error_text<input_path> = "expected the input's key path in the case file (as in police.arrests)";
template <> inline constexpr const char* error_text<input_default> = "expected a default value after '='";
template <> inline constexpr const char* error_text<fn_open> = "expected '(' and the function's parameters";
template <> inline constexpr const char* error_text<fn_close> = "expected ',' or ')' in the list of parameters";
template <> inline constexpr const char* error_text<arrow> = "expected '->' and the result type";
template <> inline constexpr const char* error_text<fn_param> = "expected a parameter, as in 't: OffenceType'";
template <> inline constexpr const char* error_text<table_key> = "expected the type of the table's key (an enumeration, text or number)";
template <> inline constexpr const char* error_text<table_columns> = "expected the table's columns, as in {fiscal: GBP, social: GBP}";
template <> inline constexpr const char* error_text<table_keys> = "expected the type of the table's key (an enumeration, text, a number, or 'bands of' a quantity), or keys separated by commas";
template <> inline constexpr const char* error_text<band_high> = "expected the band's high end after 'to', as in '0 hour to 8 hour' or '8 hour to under 16 hour'";
template <> inline constexpr const char* error_text<dated_from> = "expected the date the value takes effect from, as in 'from 2023-04-01'";
template <> inline constexpr const char* error_text<row_from> = "expected the date the row's values take effect from, as in 'from 2024-04-01'";
template <> inline constexpr const char* error_text<dated_source> = "expected the value's source in quotes after 'source'";
template <> inline constexpr const char* error_text<dated_value> = "expected another value and the date it takes effect from, as in '1,607 hour/year from 2023-04-01'";
template <> inline constexpr const char* error_text<report_figure> = "expected the figure the item shows, by name, as in saving_pnc";
template <> inline constexpr const char* error_text<waterfall_from> = "expected the scenario the change is from, in quotes, as in 'from \"2022\" to \"2023\"'";
template <> inline constexpr const char* error_text<waterfall_to_word> = "expected 'to' and the scenario the change is to, as in 'from \"2022\" to \"2023\"'";
template <> inline constexpr const char* error_text<waterfall_to> = "expected the scenario the change is to, in quotes, as in 'to \"2023\"'";
template <> inline constexpr const char* error_text<draws_count> = "expected the number of draws after 'draws', as in 'draws 2000'";
template <> inline constexpr const char* error_text<draws_seed> = "expected the seed after 'seed', a whole number, as in 'seed 7'";
template <> inline constexpr const char* error_text<uncertain_low> = "expected the low end of the range, as in 'range 3.5 hour to 6.5 hour'";
template <> inline constexpr const char* error_text<uncertain_high> = "expected the high end of the range after 'to', as in 'range 3.5 hour to 6.5 hour'";
template <> inline constexpr const char* error_text<uncertain_low_source> = "expected the low end's source in quotes after 'source'";
template <> inline constexpr const char* error_text<uncertain_high_source> = "expected the high end's source in quotes after 'source'";
template <> inline constexpr const char* error_text<distribution_name> =
    "expected a distribution after 'distributed': uniform, triangular, pert, normal, lognormal, gamma or beta";
template <> inline constexpr const char* error_text<distribution_sd> = "expected the standard deviation after 'sd', in the param's unit, as in 'sd 1 hour'";
template <> inline constexpr const char* error_text<dated_by_name> = "expected the param whose date selects dated values, as in 'dated by costing_date'";
template <> inline constexpr const char* error_text<row_key> = "expected the row's key after '|'";
template <> inline constexpr const char* error_text<bar> = "expected '|' after the value: a row is written | key | value | value |";
template <> inline constexpr const char* error_text<require_message> = "expected the message in quotes that says what is wrong";
template <> inline constexpr const char* error_text<cohort_body> = "expected 'rule' or 'output' after 'cohort'";
template <> inline constexpr const char* error_text<test_name> = "expected the test's name in quotes";
template <> inline constexpr const char* error_text<test_subject> =
    "expected 'case' and the case file's path, or 'cases' and the cases' paths (folders, case files or case tables) for the cohort's figures";
template <> inline constexpr const char* error_text<test_case_path> = "expected the case file's path in quotes";
template <> inline constexpr const char* error_text<test_cases_path> = "expected the path of a folder of cases, a case file or a case table in quotes";
template <> inline constexpr const char* error_text<test_run_data> = "expected the run data file's path in quotes after 'run data'";
template <> inline constexpr const char* error_text<given_name> = "expected a parameter's name after 'given'";
template <> inline constexpr const char* error_text<given_value> = "expected a value after '='";
template <> inline constexpr const char* error_text<expect_name> = "expected an output's name after 'expect'";
template <> inline constexpr const char* error_text<expect_eq> =
    "expected '==' and the expected value: 'expect' names an output or rule, or one member of one, as in 'expect per_hour(Band.band5) "
    "== …'; a table's cell or a field is expected through a rule that reads it";
template <> inline constexpr const char* error_text<expect_member> =
    "expected one member of the figure's enumeration, as in 'expect per_hour(Band.band5) == …'";
template <> inline constexpr const char* error_text<expect_close> = "expected ')' after the member";
template <> inline constexpr const char* error_text<expect_value> = "expected the expected value after '=='";
template <> inline constexpr const char* error_text<import_path> = "expected the imported file's path in quotes";
template <> inline constexpr const char* error_text<import_what> =
    "expected the imported file's path in quotes, or the names it brings in and 'from', as in import unit_costs, OffenceType from \"lib/costs.reckon\"";
template <> inline constexpr const char* error_text<import_name> = "expected the name of a declaration of the imported file after ','";
template <> inline constexpr const char* error_text<kw_from> = "expected ',' and another name, or 'from' and the imported file's path in quotes";
template <> inline constexpr const char* error_text<ruleset_name> = "expected the ruleset's name in quotes";
template <> inline constexpr const char* error_text<version_text> = "expected the version in quotes";
template <> inline constexpr const char* error_text<citation> = "expected the source citation in quotes";
template <> inline constexpr const char* error_text<decimals_value> = "expected a whole number of decimals";
template <> inline constexpr const char* error_text<kw_by> = "expected 'by' (as in 'identified by case' or 'dated by costing_date')";
template <> inline constexpr const char* error_text<case_id> = "expected the input that names each case";
template <> inline constexpr const char* error_text<sheets_setting> =
    "expected how case tables are read: 'sheets ignore columns \"notes\"' or 'sheets write dates day first'";
template <> inline constexpr const char* error_text<kw_columns> = "expected 'columns' (as in 'sheets ignore columns \"notes\"')";
template <> inline constexpr const char* error_text<ignored_columns> = "expected the names of columns in quotes, separated by commas";
template <> inline constexpr const char* error_text<ignored_column> = "expected the name of a column in quotes";
template <> inline constexpr const char* error_text<kw_dates> = "expected 'dates' (as in 'sheets write dates day first')";
template <> inline constexpr const char* error_text<kw_day> = "expected 'day first' (the only other way, YYYY-MM-DD, needs no saying)";
template <> inline constexpr const char* error_text<kw_first> = "expected 'first' (as in 'sheets write dates day first')";
template <> inline constexpr const char* error_text<report_title> = "expected the report's title in quotes";
template <> inline constexpr const char* error_text<item_title> = "expected a title or a text in quotes";
template <> inline constexpr const char* error_text<report_refs> = "expected the names of outputs, separated by commas";
template <> inline constexpr const char* error_text<report_ref> = "expected the name of an output";
template <> inline constexpr const char* error_text<report_member> =
    "expected one member of the figure's enumeration, as in 'saving_by_type(OffenceType.shoplifting)'";
template <> inline constexpr const char* error_text<report_close> = "expected ')' after the member";
template <> inline constexpr const char* error_text<members_separated> = "expected ',' between the members of an enumeration (a member's label, in quotes, follows it on its line: pro_rata \"Pro rata\")";
template <> inline constexpr const char* error_text<kw_shares> = "expected 'shares' after 'with' (a table of figures by member: 'with shares' shows each member's share of the figure's total)";
template <> inline constexpr const char* error_text<row_source> = "expected the row's source in quotes after 'source'";
template <> inline constexpr const char* error_text<share_ref> = "expected the output the shares are of (as in 'share of total')";
template <> inline constexpr const char* error_text<range_low> = "expected the output at one end of the range";
template <> inline constexpr const char* error_text<range_high> = "expected the output at the other end of the range";
template <> inline constexpr const char* error_text<axis_title> = "expected the axis's label in quotes (as in axis \"Offences\")";
template <> inline constexpr const char* error_text<headline_to> = "expected 'to' and a step, as in 'headline to £1,000'";
template <> inline constexpr const char* error_text<headline_step> =
    "expected the step a headline is shown to, written out, as in 'headline to £1,000'";
template <> inline constexpr const char* error_text<kw_to> = "expected 'to' between the two ends of the range";
template <> inline constexpr const char* error_text<end_of_file> =
    "expected a declaration: unit, currency, param, input, rule, let, output, cohort, fn, type, table, require, test, "
    "import or report";

struct errors {
    template <typename Rule> static constexpr const char* message = error_text<Rule>;
    // Only must<> raises; a rule failing inside an alternative is not an error.
    template <typename Rule> static constexpr bool raise_on_failure = false;
};

template <typename Rule> using control = tao::pegtl::must_if<errors>::control<Rule>;

}  // namespace reckon::grammar
