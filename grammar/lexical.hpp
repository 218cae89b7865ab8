// The grammar's words and literals: layout (spaces, comments), the keywords, names and
// paths, texts in quotes, numbers, dates, units and amounts of money. One rule per line;
// the expressions, types and declarations built from them are in the headers after it.
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
struct kw_waterfall : word<TAO_PEGTL_STRING("waterfall")> {};
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

}  // namespace reckon::grammar
