// The grammar of a `report` layout: what the HTML report shows, item by item, each on
// its own line (sections, texts, headlines, ranges, tables, charts, cases, lists,
// tornados, distributions, the appendix). One rule per line.
#pragma once

#include "grammar/declarations.hpp"

namespace reckon::grammar {

using namespace tao::pegtl;

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
// `waterfall "Title" saving_pnc from "2022" to "2023"`: the figure's change from one scenario of the run to another,
// split exactly among the settings that differ between them (as `reckon diff --attribute`); without `from … to`,
// from the first scenario to the last
struct waterfall_from : string_lit {};
struct waterfall_to : string_lit {};
struct waterfall_to_word : kw_to {};
struct report_waterfall : seq<kw_waterfall, ws, must<item_title>, ws, must<report_figure>,
                              opt<ws, kw_from, ws, must<waterfall_from>, ws, must<waterfall_to_word>, ws, must<waterfall_to>>> {};
struct report_appendix : kw_appendix {};
struct report_item : sor<report_section, report_text, report_headline, report_range, report_table, report_chart,
                         report_cases, report_list, report_tornado, report_distribution, report_waterfall, report_appendix> {};
struct report_decl : seq<kw_report, ws, must<report_title>, star<ws, description>, star<ws, report_item>> {};

}  // namespace reckon::grammar
