// The grammar of expressions: calls and folds over lists, arithmetic, `otherwise`,
// conversions, comparisons, `not`, `and`, `or`, `if` and `let`, from the tightest
// binding to the loosest. One rule per line.
#pragma once

#include "grammar/lexical.hpp"

namespace reckon::grammar {

using namespace tao::pegtl;

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

}  // namespace reckon::grammar
