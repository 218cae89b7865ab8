// The grammar of types as written: named types and units, lists, records with their
// fields' bounds (min, max), optional values and enumerations. One rule per line.
#pragma once

#include "grammar/expressions.hpp"

namespace reckon::grammar {

using namespace tao::pegtl;

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

}  // namespace reckon::grammar
