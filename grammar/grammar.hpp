// The grammar of rule files: syntax only, one rule per line.
// Meaning is built after parsing, from the tree (build_ast.cpp).
// Every must<> commit point has its message in messages.hpp.
#pragma once

#include <tao/pegtl.hpp>

namespace reckon::grammar {

using namespace tao::pegtl;

// ---- layout ---------------------------------------------------------------
struct comment : seq<one<'#'>, until<eolf>> {};
struct ws : star<sor<space, comment>> {};
struct blanks : plus<blank> {};

// ---- words ------------------------------------------------------------------
template <typename S> struct word : seq<S, not_at<identifier_other>> {};
struct kw_ruleset : word<TAO_PEGTL_STRING("ruleset")> {};
struct kw_version : word<TAO_PEGTL_STRING("version")> {};
struct kw_identified : word<TAO_PEGTL_STRING("identified")> {};
struct kw_by : word<TAO_PEGTL_STRING("by")> {};
struct kw_unit : word<TAO_PEGTL_STRING("unit")> {};
struct kw_currency : word<TAO_PEGTL_STRING("currency")> {};
struct kw_param : word<TAO_PEGTL_STRING("param")> {};
struct kw_input : word<TAO_PEGTL_STRING("input")> {};
struct kw_rule : word<TAO_PEGTL_STRING("rule")> {};
struct kw_let : word<TAO_PEGTL_STRING("let")> {};
struct kw_output : word<TAO_PEGTL_STRING("output")> {};
struct kw_fn : word<TAO_PEGTL_STRING("fn")> {};
struct kw_type : word<TAO_PEGTL_STRING("type")> {};
struct kw_test : word<TAO_PEGTL_STRING("test")> {};
struct kw_case : word<TAO_PEGTL_STRING("case")> {};
struct kw_given : word<TAO_PEGTL_STRING("given")> {};
struct kw_expect : word<TAO_PEGTL_STRING("expect")> {};
struct kw_import : word<TAO_PEGTL_STRING("import")> {};
struct kw_source : word<TAO_PEGTL_STRING("source")> {};
struct kw_decimals : word<TAO_PEGTL_STRING("decimals")> {};
struct kw_if : word<TAO_PEGTL_STRING("if")> {};
struct kw_then : word<TAO_PEGTL_STRING("then")> {};
struct kw_else : word<TAO_PEGTL_STRING("else")> {};
struct kw_in : word<TAO_PEGTL_STRING("in")> {};
struct kw_for : word<TAO_PEGTL_STRING("for")> {};
struct kw_where : word<TAO_PEGTL_STRING("where")> {};
struct kw_and : word<TAO_PEGTL_STRING("and")> {};
struct kw_or : word<TAO_PEGTL_STRING("or")> {};
struct kw_not : word<TAO_PEGTL_STRING("not")> {};
struct kw_true : word<TAO_PEGTL_STRING("true")> {};
struct kw_false : word<TAO_PEGTL_STRING("false")> {};
struct kw_list : word<TAO_PEGTL_STRING("list")> {};
struct kw_of : word<TAO_PEGTL_STRING("of")> {};
struct kw_min : word<TAO_PEGTL_STRING("min")> {};
struct kw_max : word<TAO_PEGTL_STRING("max")> {};
struct kw_none : word<TAO_PEGTL_STRING("none")> {};
struct kw_is : word<TAO_PEGTL_STRING("is")> {};
struct kw_otherwise : word<TAO_PEGTL_STRING("otherwise")> {};
struct kw_table : word<TAO_PEGTL_STRING("table")> {};
struct kw_require : word<TAO_PEGTL_STRING("require")> {};
struct kw_cohort : word<TAO_PEGTL_STRING("cohort")> {};
struct kw_optional : word<TAO_PEGTL_STRING("optional")> {};
struct kw_one : word<TAO_PEGTL_STRING("one")> {};
struct kw_percent : word<TAO_PEGTL_STRING("percent")> {};
// the words of a report's layout: not reserved, they only start lines inside `report`
struct kw_report : word<TAO_PEGTL_STRING("report")> {};
struct kw_section : word<TAO_PEGTL_STRING("section")> {};
struct kw_text : word<TAO_PEGTL_STRING("text")> {};
struct kw_headline : word<TAO_PEGTL_STRING("headline")> {};
struct kw_range : word<TAO_PEGTL_STRING("range")> {};
struct kw_distributed : word<TAO_PEGTL_STRING("distributed")> {};
struct kw_sd : word<TAO_PEGTL_STRING("sd")> {};
struct kw_chart : word<TAO_PEGTL_STRING("chart")> {};
struct kw_cases : word<TAO_PEGTL_STRING("cases")> {};
struct kw_appendix : word<TAO_PEGTL_STRING("appendix")> {};
struct kw_tornado : word<TAO_PEGTL_STRING("tornado")> {};
struct kw_distribution : word<TAO_PEGTL_STRING("distribution")> {};
struct kw_draws : word<TAO_PEGTL_STRING("draws")> {};
struct kw_seed : word<TAO_PEGTL_STRING("seed")> {};
struct kw_share : word<TAO_PEGTL_STRING("share")> {};
struct kw_with : word<TAO_PEGTL_STRING("with")> {};
struct kw_shares : word<TAO_PEGTL_STRING("shares")> {};
struct kw_to : word<TAO_PEGTL_STRING("to")> {};
struct kw_axis : word<TAO_PEGTL_STRING("axis")> {};
// the words of dated values: not reserved, `from` follows a value and `dated by` starts a header line
struct kw_from : word<TAO_PEGTL_STRING("from")> {};
struct kw_dated : word<TAO_PEGTL_STRING("dated")> {};
// the words of a banded table: not reserved, they only follow `table NAME:` and start a row's key
struct kw_bands : word<TAO_PEGTL_STRING("bands")> {};
struct kw_over : word<TAO_PEGTL_STRING("over")> {};
struct kw_under : word<TAO_PEGTL_STRING("under")> {};
// the words of how case tables are read: not reserved, they only follow `sheets` in the header
struct kw_sheets : word<TAO_PEGTL_STRING("sheets")> {};
struct kw_ignore : word<TAO_PEGTL_STRING("ignore")> {};
struct kw_columns : word<TAO_PEGTL_STRING("columns")> {};
struct kw_write : word<TAO_PEGTL_STRING("write")> {};
struct kw_dates : word<TAO_PEGTL_STRING("dates")> {};
struct kw_day : word<TAO_PEGTL_STRING("day")> {};
struct kw_first : word<TAO_PEGTL_STRING("first")> {};

struct keyword : sor<kw_ruleset, kw_unit, kw_currency, kw_param, kw_input, kw_rule, kw_let, kw_output, kw_fn,
                     kw_type, kw_test, kw_given, kw_expect, kw_import, kw_source, kw_decimals, kw_if, kw_then,
                     kw_else, kw_in, kw_for, kw_where, kw_and, kw_or, kw_not, kw_true, kw_false, kw_list, kw_of,
                     kw_none, kw_is, kw_otherwise, kw_table, kw_require, kw_cohort, kw_report> {};

struct name : seq<not_at<keyword>, identifier> {};
// after a '.', any word names a field or a key, keywords too (o.type)
struct path_part : identifier {};
struct path : seq<name, star<one<'.'>, path_part>> {};

// ---- literals -----------------------------------------------------------------
struct escaped : seq<one<'\\'>, any> {};
struct string_body : star<sor<escaped, not_one<'"', '\\', '\n'>>> {};
struct string_close : one<'"'> {};
struct string_lit : seq<one<'"'>, string_body, must<string_close>> {};

struct digits : plus<digit> {};
// thousands grouped by commas, as spreadsheets show them: 1,650; a comma not followed by exactly three digits
// separates (f(1,2), f(1, 650))
struct decimal : seq<digits, star<one<','>, rep<3, digit>, not_at<digit>>, opt<one<'.'>, digits>> {};
struct grouped_decimal : seq<digits, star<one<','>, rep<3, digit>>, opt<one<'.'>, digits>> {};
struct date_lit : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>, not_at<digit>> {};

struct unit_power : seq<one<'^'>, opt<one<'-'>>, digits> {};
// `hour min 0` bounds an hour; `100 percent`, `100 headline to …` are a number and an output's annotation
// `0 to 8 hour`, `96 hour and over`: a band's words end a number too
struct unit_name : seq<not_at<sor<kw_min, kw_max, kw_percent, kw_headline, kw_to, kw_over, kw_under, kw_range, kw_distributed>>, name> {};
struct unit_term : seq<unit_name, opt<unit_power>> {};
struct unit_op : one<'/', '*'> {};
struct unit_expr : seq<unit_term, star<unit_op, unit_term>> {};

struct percent_sign : one<'%'> {};
struct unit_suffix : unit_expr {};
// the unit after a space or right after the number, as pence are written: 6.5 hour, 45p/mile
struct number_lit : seq<decimal, sor<percent_sign, opt<star<blank>, unit_suffix>>> {};
struct currency_symbol : sor<one<'$'>, utf8::range<0xA2, 0xA5>, utf8::range<0x20A0, 0x20BF>> {};
struct money_amount : grouped_decimal {};
// a money rate as reckon prints it: £5,543/year, £845.12/week (the unit right after the '/')
struct money_per : seq<one<'/'>, unit_term> {};
struct money_lit : seq<currency_symbol, must<money_amount>, opt<money_per>> {};
struct true_lit : kw_true {};
struct false_lit : kw_false {};
struct none_lit : kw_none {};
struct empty_list : seq<one<'['>, ws, one<']'>> {};

// ---- expressions ----------------------------------------------------------------
struct expr;
struct list_expr;

struct expr_close : one<')'> {};
struct paren : seq<one<'('>, ws, must<expr>, ws, must<expr_close>> {};

struct loop_var : name {};
struct element : seq<expr> {};
struct filter : seq<expr> {};
struct where_clause : seq<kw_where, ws, must<filter>> {};
// sum(x.hours for x in list where x.hours > 0)
struct for_form : seq<element, ws, kw_for, ws, must<loop_var>, ws, must<kw_in>, ws, must<list_expr>,
                      opt<ws, where_clause>> {};
// count(x in list where x.hours > 0)
struct where_form : seq<loop_var, ws, kw_in, ws, list_expr, ws, where_clause> {};
struct argument : seq<expr> {};
struct arguments : opt<list<argument, seq<ws, one<','>, ws>>> {};
struct call_close : one<')'> {};
struct callee : path {};
struct call : seq<callee, ws, one<'('>, ws, sor<for_form, where_form, arguments>, ws, must<call_close>> {};

struct name_ref : path {};
struct primary : sor<paren, date_lit, money_lit, number_lit, string_lit, true_lit, false_lit, none_lit, empty_list,
                     call, name_ref> {};
// unit_costs(t).fiscal: a field of a computed record
struct field_sel : identifier {};
struct selection : seq<primary, star<one<'.'>, must<field_sel>>> {};

struct neg_op : one<'-'> {};
struct unary;
struct negation : seq<neg_op, ws, must<unary>> {};
struct unary : sor<negation, selection> {};

struct mul_op : one<'*', '/'> {};
struct multiplicative : seq<unary, star<ws, mul_op, ws, must<unary>>> {};
struct add_op : one<'+', '-'> {};
struct additive : seq<multiplicative, star<ws, add_op, ws, must<multiplicative>>> {};
// left otherwise year_end: the value, or a fallback when it is absent
struct otherwise_op : kw_otherwise {};
struct defaulted : seq<additive, star<ws, otherwise_op, ws, must<additive>>> {};
struct target_unit : unit_expr {};
struct conversion : seq<defaulted, opt<ws, kw_in, ws, must<target_unit>>> {};

// The layers above conversion are written once, for two bases: `in` after a
// `let` value or a list ends them, so there the base is defaulted.
struct cmp_op : sor<TAO_PEGTL_STRING("=="), TAO_PEGTL_STRING("!="), TAO_PEGTL_STRING("<="),
                    TAO_PEGTL_STRING(">="), one<'<'>, one<'>'>> {};
struct given_test : seq<kw_is, ws, must<kw_given>> {};
template <typename B> struct comparison : seq<B, opt<ws, sor<given_test, seq<cmp_op, ws, must<B>>>>> {};
struct not_op : kw_not {};
template <typename B> struct negated : sor<seq<not_op, ws, must<negated<B>>>, comparison<B>> {};
struct and_op : kw_and {};
template <typename B> struct conjunction : seq<negated<B>, star<ws, and_op, ws, must<negated<B>>>> {};
struct or_op : kw_or {};
template <typename B> struct disjunction : seq<conjunction<B>, star<ws, or_op, ws, must<conjunction<B>>>> {};

struct if_cond : seq<expr> {};
struct if_then : seq<expr> {};
struct if_else : seq<expr> {};
struct if_expr : seq<kw_if, ws, must<if_cond>, ws, must<kw_then>, ws, must<if_then>, ws, must<kw_else>, ws,
                     must<if_else>> {};
struct let_var : name {};
struct let_eq : one<'='> {};
struct let_value : disjunction<defaulted> {};
struct let_body : seq<expr> {};
struct let_expr : seq<kw_let, ws, must<let_var>, ws, must<let_eq>, ws, must<let_value>, ws, must<kw_in>, ws,
                      must<let_body>> {};
struct list_expr : disjunction<defaulted> {};
struct expr : sor<if_expr, let_expr, disjunction<conversion>> {};

// ---- types ------------------------------------------------------------------------
struct type;
struct bound_min : seq<kw_min, ws, must<unary>> {};
struct bound_max : seq<kw_max, ws, must<unary>> {};
struct bounds : star<ws, sor<bound_min, bound_max>> {};
struct field_name : identifier {};
struct field_colon : one<':'> {};
struct field : seq<field_name, ws, must<field_colon>, ws, must<type>, bounds> {};
struct record_close : one<'}'> {};
struct record_type : seq<one<'{'>, ws, list<field, seq<ws, one<','>, ws>>, ws, must<record_close>> {};
struct list_type : seq<kw_list, ws, must<kw_of>, ws, must<type>, bounds> {};
struct optional_type : seq<kw_optional, ws, type> {};
struct named_type : unit_expr {};
struct type : sor<list_type, record_type, optional_type, named_type> {};
struct enum_member : name {};
// a member's label for readers, on its line: `pro_rata "Pro rata"`
struct member_label : string_lit {};
struct enum_entry : seq<enum_member, opt<blanks, member_label>> {};
// `one of a "A" b`: a member after another on its line without a comma gets its own message
struct members_separated : not_at<name> {};
struct enum_type : seq<kw_one, ws, must<kw_of>, ws, must<list<enum_entry, seq<ws, one<','>, ws>>>, star<blank>, must<members_separated>> {};

// ---- declarations -------------------------------------------------------------------
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
// table unit_costs: OffenceType -> {fiscal: GBP, ...}, then rows | key | cell | cell |;
// keyed by two or more (Grade, Edition -> …: | band5 | pssru_2022 | cell |), or by bands of a quantity
// (bands of hour -> …: | 0 hour to 8 hour | cell |)
struct band_type : seq<kw_bands, ws, must<kw_of>, ws, must<type>> {};
struct table_key : sor<band_type, type> {};
struct table_keys : list<table_key, seq<ws, one<','>, ws>> {};
struct table_columns : record_type {};
struct bar : one<'|'> {};
// a band: `0 hour to 8 hour` includes both ends; `over` leaves out the low end and `under` the high end;
// `96 hour and over`, `over 96 hour` and `under 8 hour` are open at one end
struct band_value : sor<money_lit, number_lit> {};
struct band_low : band_value {};
struct band_high : band_value {};
struct band_over : kw_over {};
struct band_under : kw_under {};
struct band_and_over : seq<kw_and, blanks, kw_over> {};
struct band_key : sor<seq<opt<band_over, blanks>, band_low, blanks, kw_to, blanks, opt<band_under, blanks>, must<band_high>>,
                      seq<band_low, blanks, band_and_over>, seq<band_over, blanks, band_low>,
                      seq<band_under, blanks, band_high>> {};
struct row_key : sor<band_key, name, number_lit, string_lit> {};
// a value known only within a range, on the cell's line: | £980 range £490 to £1,470 distributed triangular |
struct cell_range : seq<kw_range, blanks, must<uncertain_low>, opt<blanks, kw_source, blanks, must<uncertain_low_source>>, blanks, must<kw_to>,
                        blanks, must<uncertain_high>, opt<blanks, kw_source, blanks, must<uncertain_high_source>>> {};
struct cell_distribution : seq<kw_distributed, blanks, must<distribution_name>, opt<blanks, kw_sd, blanks, must<distribution_sd>>> {};
// after the first, a key or a value: which it is, the table's declaration says
struct cell : sor<band_key, seq<unary, opt<blanks, cell_range>, opt<blanks, cell_distribution>>> {};
// a row's own source, after its last bar: | shoplifting | £26 | source "Home Office (2011), CR8.18"
struct row_source : string_lit {};
// a row's values from a date, after its last bar: | band5 | £29,970/year | from 2024-04-01
struct row_from : date_lit {};
struct row_dated : seq<kw_from, blanks, must<row_from>> {};
struct table_row : seq<bar, star<blank>, must<row_key>, star<blank>, must<bar>,
                       star<not_at<star<blank>, kw_from, blanks, date_lit>, star<blank>, cell, star<blank>, must<bar>>,
                       opt<star<blank>, row_dated>, opt<star<blank>, kw_source, star<blank>, must<row_source>>> {};
struct table_decl : seq<kw_table, ws, must<decl_name>, ws, must<colon>, ws, must<table_keys>, ws, must<arrow>, ws,
                        must<table_columns>, annotations, star<ws, table_row>> {};
struct require_message : string_lit {};
struct require_decl : seq<kw_require, ws, must<formula>, ws, must<require_message>> {};
struct test_name : string_lit {};
struct test_case_path : string_lit {};
struct given_name : name {};
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
struct test_decl : seq<kw_test, ws, must<test_name>, ws, must<kw_case>, ws, must<test_case_path>,
                       star<ws, sor<given, expectation>>> {};
struct import_path : string_lit {};
// `import "lib/units.reckon"` brings in everything the file declares; `import unit_costs, OffenceType from "…"`, the names
struct import_name : name {};
struct import_names : seq<import_name, star<ws, one<','>, ws, must<import_name>>, ws, must<kw_from>> {};
struct import_what : sor<import_path, seq<import_names, ws, must<import_path>>> {};
struct import_decl : seq<kw_import, ws, must<import_what>> {};

// report "Title": what the HTML report shows, item by item, each on its own line
struct report_title : string_lit {};
struct item_title : string_lit {};
struct report_ref : name {};
// one member of a figure by member: saving_by_type(OffenceType.shoplifting)
struct report_member : path {};
struct report_close : one<')'> {};
struct report_of : seq<one<'('>, ws, must<report_member>, star<ws, one<','>, ws, must<report_member>>, ws, must<report_close>> {};
struct report_figure : seq<report_ref, opt<ws, report_of>> {};
struct report_refs : list<report_figure, seq<ws, one<','>, ws>> {};
struct share_ref : name {};
struct range_low : name {};
struct range_high : name {};
struct report_section : seq<kw_section, ws, must<item_title>> {};
struct report_text : seq<kw_text, ws, must<item_title>> {};
struct report_headline : seq<kw_headline, ws, must<report_refs>> {};
struct report_range : seq<kw_range, ws, must<item_title>, ws, must<range_low>, opt<ws, report_of>, ws, must<kw_to>, ws, must<range_high>,
                         opt<ws, report_of>> {};
// `table` and `list` also start declarations: only a title in quotes commits to the report's item
// `share of total`: each single figure's share of another; `with shares`: each member's share of its figure's total
struct member_shares : seq<kw_with, ws, must<kw_shares>> {};
struct report_table : seq<kw_table, ws, item_title, ws, must<report_refs>,
                          opt<ws, sor<seq<kw_share, ws, must<kw_of>, ws, must<share_ref>>, member_shares>>> {};
struct axis_title : string_lit {};
struct report_chart : seq<kw_chart, ws, must<item_title>, ws, must<report_refs>, opt<ws, kw_axis, ws, must<axis_title>>> {};
struct report_cases : seq<kw_cases, ws, must<item_title>, ws, must<report_refs>> {};
struct report_list : seq<kw_list, ws, item_title, ws, must<report_ref>> {};
// `tornado "Title" saving_pnc`: the one-way swings of a figure over the declared ranges; `distribution "Title"
// saving_pnc draws 2000 seed 7`: its spread over draws of the declared distributions
struct report_tornado : seq<kw_tornado, ws, must<item_title>, ws, must<report_figure>> {};
struct draws_count : digits {};
struct draws_seed : digits {};
struct report_distribution : seq<kw_distribution, ws, must<item_title>, ws, must<report_figure>, opt<ws, kw_draws, ws, must<draws_count>>,
                                 opt<ws, kw_seed, ws, must<draws_seed>>> {};
struct report_appendix : kw_appendix {};
struct report_item : sor<report_section, report_text, report_headline, report_range, report_table, report_chart,
                         report_cases, report_list, report_tornado, report_distribution, report_appendix> {};
struct report_decl : seq<kw_report, ws, must<report_title>, star<ws, description>, star<ws, report_item>> {};

struct declaration : sor<unit_decl, currency_decl, param_decl, run_input_decl, input_decl, rule_decl, output_decl, cohort_decl, fn_decl,
                         type_decl, table_decl, require_decl, test_decl, import_decl, report_decl> {};

// ---- the header and the file ------------------------------------------------------------
struct ruleset_name : string_lit {};
struct version_text : string_lit {};
struct case_id : path {};
// `dated by costing_date`: the param whose date selects the values that take effect from dates
struct dated_by_name : name {};
// `sheets ignore columns "officer", "notes"` and `sheets write dates day first`: how case tables are read
struct ignored_column : string_lit {};
struct ignored_columns : list<ignored_column, seq<ws, one<','>, ws>> {};
struct sheets_ignore : seq<kw_ignore, ws, must<kw_columns>, ws, must<ignored_columns>> {};
struct sheets_day_first : seq<kw_write, ws, must<kw_dates>, ws, must<kw_day>, ws, must<kw_first>> {};
struct sheets_setting : sor<sheets_ignore, sheets_day_first> {};
struct header_item : sor<seq<kw_version, ws, must<version_text>>, seq<kw_source, ws, must<citation>>,
                         seq<kw_identified, ws, must<kw_by>, ws, must<case_id>>, seq<kw_dated, ws, must<kw_by>, ws, must<dated_by_name>>, seq<kw_sheets, ws, must<sheets_setting>>,
                         description> {};
struct header : seq<kw_ruleset, ws, must<ruleset_name>, star<ws, header_item>> {};
struct end_of_file : eof {};
struct file : seq<ws, opt<header, ws>, star<declaration, ws>, must<end_of_file>> {};

// A lone expression: a --param value on the command line.
struct lone_expr : seq<ws, must<expr>, ws, must<end_of_file>> {};

}  // namespace reckon::grammar
