// A compiled ruleset: declarations with their types, units and citations,
// and the evaluation tree in which every name is resolved to a slot.
#pragma once

#include "ast.hpp"
#include "limits.hpp"
#include "types.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace reckon {

enum class Op {
    constant,               // value
    param, input, rule,     // slot
    local,                  // slot in the current frame
    field,                  // kids[0].items()[slot]
    neg, not_, abs_,
    add, sub, mul, div,
    eq, ne, lt, le, gt, ge,
    and_, or_,
    if_,                    // kids: cond, then, else
    let_,                   // slot = kids[0]; kids[1]
    call,                   // slot = function index; kids = arguments
    round_,                 // kids: value; step (base units), mode; value: the step as written, for explanations
    min_, max_,             // kids: two or more values
    sum, count, least, most,  // slot = loop variable; kids: list, element (or null), filter (or null)
    date_add, date_sub,     // date ± quantity (kids[1] in base units; step = base units per day)
    date_diff,              // date - date, in base units (step = base units per day)
    is_given,               // kids[0] is not absent
    otherwise,              // kids[0], or kids[1] when it is absent
    lookup,                 // slot = table; kids[0] = key
    pick,                   // kids[0] = a grouped value; kids[1] = the member
    make_date,              // kids: year, month, day (numbers)
    financial_year,         // kids[0] = date: the calendar year in which its financial year (from 1 April) starts
    collect,                // like sum: the elements, as a list
    cases,                  // in a cohort rule: the cases of the batch, as a list of records
};

struct Node {
    Op op;
    Location where;
    int slot = -1;
    RoundMode mode = RoundMode::half_away;
    Number step;
    Value value;
    std::vector<std::unique_ptr<Node>> kids;
};
using NodePtr = std::unique_ptr<Node>;

struct Citation {
    std::string description;
    std::string source;
};

struct ParamDef {
    std::string name;
    Type type;
    NodePtr formula;
    Location where;
    Citation cite;
    int frame = 0;
    const ast::Expr* syntax = nullptr;
};

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
    bool cohort = false;          // computed over the cases of a batch

    // The type of one shown figure (a member's, for a figure by member), and the label people read.
    const Type& shown() const { return by ? *type.element : type; }
    const std::string& shown_label() const { return label.empty() ? name : label; }
};

// A lookup table: rows keyed by an enumeration member, a text or a number.
struct TableDef {
    std::string name;
    Type key;
    const RecordDef* columns = nullptr;
    std::map<std::string, Value> rows;  // by key_text(); each row a record value
    std::vector<std::string> order;     // keys as written
    std::vector<Value> by_member;       // keyed by an enumeration: the rows by member index, for evaluation
    std::map<std::string, std::string> row_sources;  // by key_text(): a row's own source, where it has one
    Location where;
    Citation cite;
    // Where a row's values come from: its own source, else the table's.
    const std::string& source_of(const std::string& key) const {
        const auto it = row_sources.find(key);
        return it != row_sources.end() ? it->second : cite.source;
    }
};
// The text a table row is found by: a member's index, a number's exact value, or the text.
inline std::string key_text(const Value& v) {
    if (v.kind == Value::Kind::text) return "t" + *v.s();
    return (v.kind == Value::Kind::member ? "m" : "n") + v.n().str();
}

// The key of a row, for people: the member's name, the number or the text.
inline std::string key_shown(const TableDef& t, const std::string& key) {
    if (t.key.kind == TypeKind::enumeration) return t.key.enumeration->members.at(std::stoul(key.substr(1)));
    return key.substr(1);
}

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

struct TestDef {
    std::string name;
    std::string case_path;  // resolved against the rule file's folder
    Location where;
    std::vector<std::pair<int, NodePtr>> givens;  // param slot, value
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

struct Program {
    std::vector<SourcePtr> sources;     // the entry file first, then imports
    std::vector<ast::Module> modules;   // kept: the tree nodes point at their syntax
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
    std::vector<RuleDef> rules;         // outputs included
    std::vector<FnDef> fns;
    std::vector<int> outputs;           // per-case output rule slots, in the order declared
    std::vector<int> cohort_outputs;    // cohort output rule slots
    // What a cohort rule reads from each case (`c.status`): per-case rules
    // (false, slot) or inputs (true, slot), in the order first used.
    std::vector<std::pair<bool, int>> cohort_fields;
    std::vector<TestDef> tests;
    std::optional<ReportDef> report;    // at most one, in the entry file or an import
    std::vector<std::pair<int, NodePtr>> overrides;  // --param NAME=VALUE, checked
    std::vector<CellSetting> cell_settings;          // --param TABLE(KEY).COLUMN=VALUE, applied to `tables`
    Limits limits;                      // what the run accepts: cases, evaluation

    bool cohort_rules_needed() const { return !cohort_fields.empty(); }
    int param_slot(const std::string& n) const;
    int rule_slot(const std::string& n) const;
    // The setting of a table's cell for this run, or null when the ruleset's value stands.
    const CellSetting* cell_setting(int table, const std::string& key, int column) const;
};

}  // namespace reckon
