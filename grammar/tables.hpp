// The grammar of a table declaration: its keys (enumerations, texts, numbers or bands of
// a quantity), its columns, and its rows of cells between bars, each row with its own
// source or the date it takes effect from. One rule per line.
#pragma once

#include "grammar/declarations.hpp"

namespace reckon::grammar {

using namespace tao::pegtl;

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

}  // namespace reckon::grammar
