// The grammar of rule files: syntax only, one rule per line. Meaning is built
// after parsing, from the tree (core/syntax/parse_tree.cpp). Every must<> commit
// point has its message in messages.hpp. The rules are in headers by idea, each
// including the ones it builds on: lexical.hpp, expressions.hpp, types.hpp,
// declarations.hpp, tables.hpp and report.hpp; here, a declaration of any kind,
// the header and the file.
#pragma once

#include "grammar/declarations.hpp"
#include "grammar/expressions.hpp"
#include "grammar/lexical.hpp"
#include "grammar/report.hpp"
#include "grammar/tables.hpp"
#include "grammar/types.hpp"

#include <tao/pegtl.hpp>

namespace reckon::grammar {

using namespace tao::pegtl;

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
