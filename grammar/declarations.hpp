// The grammar of declarations other than tables and the report layout: the annotations
// that follow one (description, source, decimals), units, currencies, params (with their
// values from dates and their ranges), inputs, rules, outputs, functions, types,
// requirements, tests and imports. One rule per line.
#pragma once

#include "grammar/types.hpp"

namespace reckon::grammar {

using namespace tao::pegtl;

struct description : string_lit {};
struct citation : string_lit {};
struct decimals_value : digits {};
struct percent_note : kw_percent {};
// `headline to £1,000`: in a report's headlines the figure is shown to the nearest £1,000
struct headline_to : kw_to {};
struct headline_step : sor<money_lit, number_lit> {};
struct headline_note : seq<kw_headline, ws, must<headline_to>, ws, must<headline_step>> {};
struct annotation : sor<description, seq<kw_source, ws, must<citation>>, seq<kw_decimals, ws, must<decimals_value>>,
                        percent_note, headline_note> {};
struct annotations : star<ws, annotation> {};

// `= =a+b`, a spreadsheet cell's habit, gets its own message (beside the formula, not around it: no deeper nesting)
struct no_leading_equals : not_at<one<'='>> {};
struct decl_name : name {};
struct equals : one<'='> {};
struct colon : one<':'> {};
struct declared_type : type {};
struct formula : expr {};
struct opt_type : opt<ws, colon, ws, must<declared_type>> {};

struct unit_factor : decimal {};
struct unit_base : unit_expr {};
struct unit_decl : seq<kw_unit, ws, must<decl_name>, opt<ws, equals, ws, must<unit_factor>, ws, must<unit_base>>,
                       annotations> {};
struct currency_symbol_text : string_lit {};
struct currency_decl : seq<kw_currency, ws, must<decl_name>, opt<ws, currency_symbol_text>, annotations> {};
// values that take effect from dates, each with its own source: 1,650 hour/year from 2010-04-01 source "…", 1,607 hour/year from 2023-04-01
struct dated_amount : unary {};
struct dated_from : date_lit {};
struct dated_source : string_lit {};
struct dated_value : seq<dated_amount, ws, kw_from, ws, must<dated_from>, opt<ws, kw_source, ws, must<dated_source>>> {};
struct dated_values : seq<dated_value, star<ws, one<','>, ws, must<dated_value>>> {};
// a value known only within a range, each end with its own source: `range 3.5 hour source "…" to 6.5 hour source "…"`;
// a `source` right after an end is that end's
struct uncertain_low : unary {};
struct uncertain_high : unary {};
struct uncertain_low_source : string_lit {};
struct uncertain_high_source : string_lit {};
struct param_range : seq<kw_range, ws, must<uncertain_low>, opt<ws, kw_source, ws, must<uncertain_low_source>>, ws, must<kw_to>, ws,
                         must<uncertain_high>, opt<ws, kw_source, ws, must<uncertain_high_source>>> {};
// how the value is spread over its range, for probabilistic runs: `distributed triangular`, `distributed normal sd 1 hour`
struct distribution_name : name {};
struct distribution_sd : unary {};
struct param_distribution : seq<kw_distributed, ws, must<distribution_name>, opt<ws, kw_sd, ws, must<distribution_sd>>> {};
struct param_annotations : star<ws, sor<param_range, param_distribution, annotation>> {};
struct param_decl : seq<kw_param, ws, must<decl_name>, opt_type, ws, must<equals>, ws, must<no_leading_equals>,
                        sor<dated_values, must<formula>>, param_annotations> {};
struct input_path : path {};
struct input_type : type {};
struct input_default : expr {};
struct input_decl : seq<kw_input, ws, must<input_path>, ws, must<colon>, ws, must<input_type>, bounds,
                        opt<ws, equals, ws, must<input_default>>, annotations> {};
// `run input contributions: list of Contribution`: a value of the whole run, read from the run data file
// (--run-data); `run` is not reserved: it is a word only before `input`
struct run_word : word<TAO_PEGTL_STRING("run")> {};
struct run_input_decl : seq<run_word, ws, input_decl> {};
struct fn_param_name : name {};
struct fn_param : seq<fn_param_name, ws, must<colon>, ws, must<type>> {};
struct fn_open : one<'('> {};
struct fn_close : one<')'> {};
// rule saving(t: OffenceType) = ...: a figure for each member of an enumeration, or of two or more:
// rule cost(g: Grade, e: Edition)
struct group_param : seq<fn_open, ws, must<fn_param>, star<ws, one<','>, ws, must<fn_param>>, ws, must<fn_close>> {};
struct rule_decl : seq<sor<kw_rule, kw_let>, ws, must<decl_name>, opt<ws, group_param>, opt_type, ws, must<equals>,
                       ws, must<no_leading_equals>, must<formula>, annotations> {};
struct output_label : string_lit {};
struct output_decl : seq<kw_output, ws, must<decl_name>, opt<ws, group_param>, opt_type, opt<ws, output_label>, ws,
                         must<equals>, ws, must<no_leading_equals>, must<formula>, annotations> {};
struct cohort_body : sor<rule_decl, output_decl> {};
struct cohort_decl : seq<kw_cohort, ws, must<cohort_body>> {};
struct arrow : TAO_PEGTL_STRING("->") {};
struct fn_decl : seq<kw_fn, ws, must<decl_name>, ws, must<fn_open>, ws, opt<list<fn_param, seq<ws, one<','>, ws>>>,
                     ws, must<fn_close>, ws, must<arrow>, ws, must<declared_type>, ws, must<equals>, ws,
                     must<no_leading_equals>, must<formula>, annotations> {};
struct type_body : sor<enum_type, record_type> {};
struct type_decl : seq<kw_type, ws, must<decl_name>, ws, must<equals>, ws, must<type_body>, annotations> {};
struct require_message : string_lit {};
struct require_decl : seq<kw_require, ws, must<formula>, ws, must<require_message>> {};
struct test_name : string_lit {};
struct test_case_path : string_lit {};
// a param, or a table's cell as --param writes it: `given unit_costs(homicide).fiscal = £200,000`
struct given_cell : seq<one<'('>, plus<not_one<')', '\n', '\r'>>, one<')'>, one<'.'>, name> {};
struct given_name : seq<name, opt<given_cell>> {};
struct given_value : expr {};
struct given : seq<kw_given, ws, must<given_name>, ws, must<equals>, ws, must<given_value>> {};
struct expect_name : name {};
// one member of a figure by member: expect per_hour(Band.band5) == …
struct expect_member : path {};
struct expect_close : one<')'> {};
struct expect_of : seq<one<'('>, ws, must<expect_member>, star<ws, one<','>, ws, must<expect_member>>, ws, must<expect_close>> {};
struct expect_eq : TAO_PEGTL_STRING("==") {};
struct expect_value : expr {};
struct expectation : seq<kw_expect, ws, must<expect_name>, opt<ws, expect_of>, ws, must<expect_eq>, ws, must<expect_value>> {};
// what a test evaluates: one case file, or the cases of a batch (folders, case files, case tables) for the cohort's
// figures; then, for a ruleset that reads run data, its file: `test "…" cases "cohort" run data "partners.yaml"`
struct test_one_case : seq<kw_case, ws, must<test_case_path>> {};
struct test_cases_path : string_lit {};
struct test_many_cases : seq<kw_cases, ws, must<test_cases_path>, star<ws, one<','>, ws, must<test_cases_path>>> {};
struct test_subject : sor<test_many_cases, test_one_case> {};
struct data_word : word<TAO_PEGTL_STRING("data")> {};
struct test_run_data : string_lit {};
struct test_run_data_part : seq<run_word, ws, data_word, ws, must<test_run_data>> {};
struct test_decl : seq<kw_test, ws, must<test_name>, ws, must<test_subject>, opt<ws, test_run_data_part>,
                       star<ws, sor<given, expectation>>> {};
struct import_path : string_lit {};
// `import "lib/units.reckon"` brings in everything the file declares; `import unit_costs, OffenceType from "…"`, the names
struct import_name : name {};
struct import_names : seq<import_name, star<ws, one<','>, ws, must<import_name>>, ws, must<kw_from>> {};
struct import_what : sor<import_path, seq<import_names, ws, must<import_path>>> {};
struct import_decl : seq<kw_import, ws, must<import_what>> {};

}  // namespace reckon::grammar
