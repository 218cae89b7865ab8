// A compiled ruleset: declarations with their types, units and citations,
// and the evaluation tree in which every name is resolved to a slot.
#pragma once

#include "core/syntax/ast.hpp"
#include "core/syntax/import.hpp"
#include "core/base/limits.hpp"
#include "core/program/node.hpp"
#include "core/program/types.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

struct CaseKeys;

struct Citation {
    std::string description;
    std::string source;
};

// A value that takes effect from a date, with its own source.
struct DatedValue {
    Value value;
    long from = 0;  // days since 1970-01-01
    std::string text;  // as written: "1,607 hour/year"
    std::string source;
};

// Values that take effect from dates, earliest first, and the param or case input whose date picks one.
struct DatedValues {
    std::vector<DatedValue> values;
    std::string by;         // the param's or the input's name
    int slot = -1;          // …its slot
    bool by_input = false;  // a case input picks (the figure is then a rule of each case)
    bool empty() const { return values.empty(); }
    // The value in effect on a day, or -1 before the first.
    int on(long day) const {
        int out = -1;
        for (std::size_t i = 0; i < values.size(); ++i)
            if (values[i].from <= day) out = static_cast<int>(i);
        return out;
    }
    // …on the day a value holds; -1 when it is no date (absent) or before the first.
    int on(const Value& day) const { return day.kind == Value::Kind::date ? on(day.n().convert_to<long>()) : -1; }
    // As written: "1,650 hour/year from 2010-04-01, 1,607 hour/year from 2023-04-01".
    std::string written() const;
    // The period of the i-th: "from 2010-04-01 to 2023-03-31", or "from 2023-04-01" for the last.
    std::string period(std::size_t i) const;
};

// How an uncertain param's value is spread over its range in probabilistic runs (`distributed …`). Triangular and
// PERT take the param's value as their mode; normal, lognormal, gamma and beta take it as their mean, with the
// `sd` declared; every draw is kept within the range.
enum class Distribution { none, uniform, triangular, pert, normal, lognormal, gamma, beta };
std::optional<Distribution> distribution_named(std::string_view name);
const char* distribution_name(Distribution d);
// Whether the distribution is declared with a standard deviation (`sd 1 hour`).
bool takes_sd(Distribution d);

// A param's declared uncertainty: the range (each end with its own source) and the distribution over it.
struct Uncertain {
    Value low, high;                    // in base units
    std::string low_text, high_text;    // as written: "3.5 hour"
    std::string low_source, high_source;
    Distribution distribution = Distribution::none;
    Value sd;                           // where the distribution takes one, in base units
    std::string sd_text;
    Location where;
    // As people read it: "3.5 hour (source: …) to 6.5 hour (source: …), uniform".
    std::string written() const;
};

// An end of a range that is the value itself, written with no source of its own, has the value's.
inline void sources_at_value(Uncertain& u, const Value& value, const std::string& source) {
    if (u.low_source.empty() && u.low.n() == value.n()) u.low_source = source;
    if (u.high_source.empty() && u.high.n() == value.n()) u.high_source = source;
}

struct ParamDef {
    std::string name;
    Type type;
    NodePtr formula;
    Location where;
    Citation cite;
    int frame = 0;
    const ast::Expr* syntax = nullptr;
    DatedValues dated;  // values from dates: the formula picks one by the date of `dated.by`, a param
    std::optional<Uncertain> uncertain;  // `range … to …`, `distributed …`: the formula is then a value written out
    int run_input = -1;      // `run input`: its entry in Program::run_inputs; the formula is its default, or null
    std::string run_data;    // …the run data file its value was read from, for this run ("" while none is given)
    // Where its value comes from in a run whose params are `params`: the dated value's own source, else the param's.
    const std::string& source_in(const std::vector<Value>& params) const {
        const int i = dated.slot >= 0 && static_cast<std::size_t>(dated.slot) < params.size() ? dated.on(params[dated.slot]) : -1;
        return i >= 0 && !dated.values[static_cast<std::size_t>(i)].source.empty() ? dated.values[static_cast<std::size_t>(i)].source : cite.source;
    }
};

struct Program;
// Where a param's value comes from in this run, for the appendix and the workbook: the run data file, a --param
// setting, or the ruleset's source (a dated value's own).
std::string param_source(const Program& p, int slot, const std::vector<Value>& params);

struct InputDef {
    std::string path;                  // "police.custody_minutes"
    std::vector<std::string> segments;
    Type type;
    Bounds bounds;
    NodePtr fallback;                  // the default, when the key may be absent
    Location where;
    Citation cite;
};

struct RuleDef {
    std::string name;
    Type type;        // declared type if given, else the formula's; grouped: `element by enumeration`
    NodePtr formula;
    Location where;
    Citation cite;
    bool output = false;
    std::string label;
    int decimals = 2;
    bool fixed_decimals = false;  // money: always show every decimal
    bool percent = false;         // a percentage: reports add "%", workbooks store a fraction
    Number headline_step = 0;     // `headline to £1,000`: a report's headlines show the figure to this step (base units); 0: exactly
    std::string headline_step_text;  // as written: "£1,000"
    int frame = 0;                // locals the formula needs
    const ast::Expr* syntax = nullptr;
    const EnumDef* by = nullptr;  // grouped: the formula is evaluated for each member (local slot 0)
    DatedValues dated;            // `param P = V from DATE, …` picked by a case input's date: a rule of each case
    bool cohort = false;          // computed over the cases of a batch

    // The type of one shown figure (a member's, for a figure by member), and the label people read.
    const Type& shown() const { return by ? *type.element : type; }
    const std::string& shown_label() const { return label.empty() ? name : label; }
};

// A band of a banded table's key: the values from `low` to `high`, each end in it or not; an end may be open.
struct Band {
    std::optional<Number> low, high;  // in base units; none: open at that end
    bool low_in = true, high_in = true;
    std::string text;                 // as written: "over 8 hour to 16 hour"
    std::string low_text, high_text;  // each end as written, for messages: "8 hour"
    Location where;
    bool contains(const Number& v) const {
        if (low && (v < *low || (v == *low && !low_in))) return false;
        if (high && (v > *high || (v == *high && !high_in))) return false;
        return true;
    }
    bool same(const Band& b) const { return low == b.low && high == b.high && low_in == b.low_in && high_in == b.high_in; }
};

// One key of a table: an enumeration, a text, a number, or bands of a quantity.
struct TableKey {
    Type type;
    bool banded = false;
    std::vector<Band> bands;  // banded: each band once, in the order first written
    // The band that holds v, or -1.
    int band_of(const Number& v) const {
        for (std::size_t b = 0; b < bands.size(); ++b)
            if (bands[b].contains(v)) return static_cast<int>(b);
        return -1;
    }
};

// A lookup table: rows keyed by one key or more (`Grade, Edition -> …`).
struct TableDef {
    std::string name;
    std::vector<TableKey> keys;
    const RecordDef* columns = nullptr;
    std::map<std::string, Value> rows;  // by key_text(); each row a record value
    std::vector<std::string> order;     // keys as written
    std::vector<Value> by_member;       // keyed by one enumeration: the rows by member index, for evaluation
    std::map<std::string, std::string> row_sources;  // by key_text(): a row's own source, where it has one
    std::vector<int> uncertain;         // its cells that declare a range: indices into Program::uncertain_cells
    Location where;
    Citation cite;
    // Where a row's values come from: its own source, else the table's.
    const std::string& source_of(const std::string& key) const {
        const auto it = row_sources.find(key);
        return it != row_sources.end() ? it->second : cite.source;
    }
    // Rows whose values take effect from dates (`| band5 | £29,970/year | from 2024-04-01`): for each key_text() of
    // the keys, the dates and the rows' own key_text(), earliest first. The header's `dated by` picks one.
    std::map<std::string, std::vector<std::pair<long, std::string>>> versions;
    // Keyed by one enumeration, text or number, not bands, with no rows from dates: a row is named by one value
    // (as --param does).
    bool single_key() const { return keys.size() == 1 && !keys[0].banded && versions.empty(); }
    // The row of the keys `key` in effect on `day`, when its rows are from dates: "" before the first.
    std::string version_on(const std::string& key, long day) const {
        std::string out;
        if (auto it = versions.find(key); it != versions.end())
            for (const auto& [from, row] : it->second)
                if (from <= day) out = row;
        return out;
    }
    // The key_text() of the row the keys' values find (a banded key by the band that holds its value), whether
    // the table has that row or not; -1 in `band` for a key no band holds, and then "".
    std::string row_key(const std::vector<Value>& values, int* no_band = nullptr) const;
};
// The text a table row is found by: a member's index, a number's exact value, or the text; a band's index;
// a row of two keys or more joins its keys' texts.
inline std::string key_text(const Value& v) {
    if (v.kind == Value::Kind::text) return "t" + *v.s();
    return (v.kind == Value::Kind::member ? "m" : "n") + v.n().str();
}
inline std::string band_key_text(int band) { return "b" + std::to_string(band); }
inline constexpr char key_separator = '\x1f';
inline constexpr char date_separator = '\x1e';  // before the date of a row from a date: its days since 1970-01-01
// key_text() of a row's keys, each by the key's own text.
std::vector<std::string> key_parts(const std::string& key);

// The keys of a row, for people: each member's name, number, text or band.
std::vector<std::string> key_parts_shown(const TableDef& t, const std::string& key);
// …joined: "band5, pssru_2022".
std::string key_shown(const TableDef& t, const std::string& key);
// "OffenceType", "Grade, Edition", "bands of hour": what a table is keyed by.
std::string describe_keys(const TableDef& t, const UnitTable& units);

// `require (left otherwise joined) >= joined "..."`: a condition every case must meet.
struct RequireDef {
    NodePtr condition;
    std::string message;
    Location where;
    int frame = 0;
    int input = -1;  // the input the error points at in the case file
};

struct FnDef {
    std::string name;
    std::vector<std::string> param_names;
    std::vector<Type> param_types;
    Type result;
    NodePtr body;
    int frame = 0;
    Location where;
    Citation cite;
    const ast::Expr* syntax = nullptr;
};

struct Expectation {
    int rule = -1;
    NodePtr expected;
    Location where;
    int member = -1;  // one member of a figure by member, or -1 for the whole figure
};

// A table's cell, as --param TABLE(KEY).COLUMN names it: the table's slot, the row's key_text(), its member where the
// table is keyed by one enumeration (for evaluation), and the column.
struct CellRef {
    int table = -1;
    std::string key;
    int member = -1;
    int column = -1;
};
// A table cell a test gives a value, for that test alone.
struct CellGiven {
    CellRef cell;
    NodePtr value;
};

struct TestDef {
    std::string name;
    std::string case_path;  // as written: relative to the folder of the rule file that declares the test
    // a test of the cohort's figures: the cases of its batch (folders, case files, case tables) as written, relative
    // as case_path is; empty: a test of one case's figures
    std::vector<std::string> cases;
    std::string run_data;   // the run data file, as written, relative as case_path is; "" for none
    Location where;
    std::vector<std::pair<int, NodePtr>> givens;  // param slot, value
    std::vector<std::pair<int, NodePtr>> dated_givens;  // rule slot of a param dated by a case input, value
    std::vector<CellGiven> cell_givens;  // `given unit_costs(homicide).fiscal = £200,000`: a table cell for this test
    std::vector<Expectation> expects;
};

// What `reckon report` shows, in order: the layout declared with `report`.
struct ReportItem {
    ast::ReportItemKind kind;
    Location where;
    std::string title;
    std::string axis;        // chart: the value axis's label ("" = the unit's name)
    std::vector<int> rules;  // output slots; range: low, high
    std::vector<int> members;  // for each, the member of a figure by member it names, or -1 (the whole figure)
    int share_of = -1;       // table: shares of this output
    bool member_shares = false;  // table of figures by member: each member's share of its figure's total
    bool cohort = false;     // of the cohort, or of each case
    std::size_t draws = 1000;  // distribution: the draws, and their seed
    std::uint64_t seed = 1;
    std::string from, to;    // waterfall: the scenarios its change is from and to, or "" (the run's first and last)
};

struct ReportDef {
    std::string title, description;
    Location where;
    std::vector<ReportItem> items;
};

// A table cell set for a run: --param 'unit_costs(homicide).fiscal=£200,000', or a scenario's value.
struct CellSetting {
    int table = -1;
    std::string key;      // key_text() of the row
    int column = -1;
    Value was;            // the value the ruleset gives
    std::string name;     // as written: "unit_costs(homicide).fiscal"
};

// A table cell that declares a range: `| common_assault | £455 | £319 | £980 range £490 to £1,470 |`.
struct UncertainCell {
    int table = -1;
    std::string key;   // key_text() of the row
    int member = -1;   // a table keyed by one enumeration: the row's member, for evaluation
    int column = -1;
    std::string name;  // as --param names it: "unit_costs(common_assault).social"
    Type type;         // the column's
    Uncertain range;
};

// The cell's value set in a table (a copy of the program's, for one run; or the program's, for a command that
// evaluates once).
void set_cell(TableDef& t, const UncertainCell& c, const Value& v);
void set_cell(TableDef& t, const CellRef& c, const Value& v);

// `import "b.reckon"` in file a: what a sees of b's declarations (names: only these; empty: every one).
// The files (ImportedFiles: sources, imports, modules), then what was declared and checked in them.
struct Program : ImportedFiles {
    std::vector<SourcePtr> setting_sources;  // the values of the run's settings as written, which diagnostics point into
    std::string name, version, description;
    std::vector<std::string> sources_cited;
    int case_id_input = -1;             // the input that names a case, if declared
    std::vector<std::string> sheet_ignored_columns;  // `sheets ignore columns …`: columns of case tables kept for people
    bool sheet_day_first_dates = false;              // `sheets write dates day first`
    UnitTable units;
    std::vector<std::unique_ptr<RecordDef>> records;
    std::vector<std::unique_ptr<EnumDef>> enums;
    std::vector<TableDef> tables;
    std::vector<RequireDef> requires_;
    std::vector<ParamDef> params;
    std::vector<InputDef> inputs;
    std::vector<InputDef> run_inputs;   // `run input`: the keys of the run data file; each is also a param (ParamDef::run_input)
    std::vector<RuleDef> rules;         // outputs included
    std::vector<FnDef> fns;
    std::vector<int> outputs;           // per-case output rule slots, in the order declared
    std::vector<int> cohort_outputs;    // cohort output rule slots
    // What a cohort rule reads from each case (`c.status`): per-case rules
    // (false, slot) or inputs (true, slot), in the order first used.
    std::vector<std::pair<bool, int>> cohort_fields;
    std::vector<TestDef> tests;
    std::optional<ReportDef> report;    // at most one, in the entry file (an imported file's is its own)
    std::vector<std::pair<int, NodePtr>> overrides;  // --param NAME=VALUE, checked
    std::vector<CellSetting> cell_settings;          // --param TABLE(KEY).COLUMN=VALUE, applied to `tables`
    // --param NAME=VALUE of a param dated by a case input (a rule of each case): the rules whose formula is the value set
    std::vector<int> rule_settings;
    std::vector<UncertainCell> uncertain_cells;      // table cells with a range, table by table, row by row
    Limits limits;                      // what the run accepts: cases, evaluation
    std::vector<const Node*> constants; // the parts of per-case formulas that read only the run (fold_constants.hpp)
    std::shared_ptr<const CaseKeys> case_keys;  // the keys a case file may hold, made once (load_case.hpp); null: made per case

    bool cohort_rules_needed() const { return !cohort_fields.empty(); }
    int param_slot(const std::string& n) const;
    int rule_slot(const std::string& n) const;
    // The setting of a table's cell for this run, or null when the ruleset's value stands.
    const CellSetting* cell_setting(int table, const std::string& key, int column) const;
    // Whether rule `slot` (a param dated by a case input) has its value set for this run.
    bool rule_set(int slot) const;
    // Whether param `slot` has its value set for this run (in overrides: --param, a scenario, the run data).
    bool param_set(int slot) const;
};

}  // namespace reckon
