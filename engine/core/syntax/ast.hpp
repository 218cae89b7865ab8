// The syntax tree the parser produces: what was written, with where it was
// written. Meaning (names, types, units) is given to it by the later phases.
#pragma once

#include "core/base/source.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon::ast {

// "police.custody_minutes" -> {"police", "custody_minutes"}
inline std::vector<std::string> split_path(const std::string& dotted) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= dotted.size(); ++i)
        if (i == dotted.size() || dotted[i] == '.') {
            out.push_back(dotted.substr(start, i - start));
            start = i + 1;
        }
    return out;
}

// A unit as written: `GBP/hour` is {GBP,1},{hour,-1}.
struct UnitTerm {
    std::string name;
    int power = 1;
    Location where;
};
struct UnitSyntax {
    std::vector<UnitTerm> terms;  // empty: no unit written
    Location where;
    std::string text;  // as written, for messages
};

// The operators, as written: `a + b`, `-x`, `not x`, `x is given`, `a otherwise b`.
enum class Operator { add, sub, mul, div, eq, ne, lt, le, gt, ge, and_, or_, otherwise, neg, not_, is_given };

// "+", "is given": the operator as it is written.
inline const char* operator_text(Operator op) {
    switch (op) {
        case Operator::add: return "+";
        case Operator::sub: return "-";
        case Operator::mul: return "*";
        case Operator::div: return "/";
        case Operator::eq: return "==";
        case Operator::ne: return "!=";
        case Operator::lt: return "<";
        case Operator::le: return "<=";
        case Operator::gt: return ">";
        case Operator::ge: return ">=";
        case Operator::and_: return "and";
        case Operator::or_: return "or";
        case Operator::otherwise: return "otherwise";
        case Operator::neg: return "-";
        case Operator::not_: return "not";
        case Operator::is_given: return "is given";
    }
    return "";
}

// The binary operator written as `text` ("+", "<=", "and"); nullopt for any other text.
inline std::optional<Operator> binary_operator(std::string_view text) {
    for (Operator op : {Operator::add, Operator::sub, Operator::mul, Operator::div, Operator::eq, Operator::ne, Operator::lt,
                        Operator::le, Operator::gt, Operator::ge, Operator::and_, Operator::or_, Operator::otherwise})
        if (text == operator_text(op)) return op;
    return std::nullopt;
}

enum class ExprKind {
    number,     // text = decimal digits; unit = optional suffix
    percent,    // text = decimal digits before '%'
    money,      // text = symbol, kids none, number in `value_text`
    text,       // text = the string's content
    boolean,    // text = "true" | "false"
    date,       // text = YYYY-MM-DD
    none,       // `none`: no value
    empty_list, // `[]`
    name,       // path = a.b.c
    field,      // kids[0].text: a field of a computed record, as in unit_costs(t).fiscal
    unary,      // op: neg, not_, is_given; kids[0]
    binary,     // op: add … ge, and_, or_, otherwise; kids[0], kids[1]
    if_,        // kids: cond, then, else
    let_,       // var; kids: value, body
    call,       // text = the name called (path: its segments, as in c.saving(t)); kids = arguments
    aggregate,  // text = sum|count|min|max; var; kids: element (may be null), list, filter (may be null)
    convert,    // kids[0] in unit
};

struct Expr {
    ExprKind kind;
    Location where;
    std::string text;
    std::string value_text;        // money: the amount's digits
    std::vector<std::string> path; // name: segments
    Operator op = Operator::add;   // unary, binary
    std::string var;
    Location var_where;            // the variable's place; in a call, the called name's
    UnitSyntax unit;
    std::vector<std::unique_ptr<Expr>> kids;
    std::uint32_t depth = 1;  // of the tree below, for the expression-depth limit
};
using ExprPtr = std::unique_ptr<Expr>;

struct TypeSyntax;
using TypePtr = std::unique_ptr<TypeSyntax>;

struct Field {
    std::string name;
    Location where;
    TypePtr type;
};

enum class TypeSyntaxKind { named, list, record, optional, enumeration };

// `GBP/hour`, `number`, `text`, `list of T`, `{a: T, b: T}`, `optional T`,
// `one of a, b, c`; with optional bounds.
struct TypeSyntax {
    TypeSyntaxKind kind = TypeSyntaxKind::named;
    Location where;
    UnitSyntax unit;             // named: a unit expression or a type name
    TypePtr element;             // list, optional
    std::vector<Field> fields;   // record
    std::vector<std::pair<std::string, Location>> members;  // enumeration
    std::vector<std::string> member_labels;                 // each member's label for readers, or ""
    ExprPtr min, max;            // bounds on values read from a case
};

// Description, source citation and display precision on a declaration.
struct Annotations {
    std::string description;
    std::string source;
    std::optional<int> decimals;
    Location decimals_where;
    bool percent = false;  // `percent`: the figure is a percentage (72.8 means 72.8 %)
    Location percent_where;
    std::unique_ptr<Expr> headline_step;  // `headline to £1,000`: the step a headline shows the figure to
};

struct Param {  // fn parameter
    std::string name;
    Location where;
    TypePtr type;
};

struct Expectation {
    std::string output;
    Location where;
    ExprPtr expected;
    std::string member;  // `expect per_hour(Band.band5) == …`: one member of a figure by member ("Band.band5"), or "";
                         // of a figure by members of two enumerations, both: "Grade.band5, Edition.pssru_2022"
    Location member_where;
};

struct Given {
    std::string param;
    Location where;
    ExprPtr value;
};

// A band of a banded table's key: `0 hour to 8 hour`, `over 8 hour to 16 hour`, `96 hour and over`.
struct BandSyntax {
    ExprPtr low, high;  // null: open at that end
    bool low_in = true, high_in = true;  // whether each end is in the band
    std::string text, low_text, high_text;  // as written
};
// One entry between bars: a key (a name, a number, a text, a band) or a value.
// A param's or a table cell's declared uncertainty: `range 3.5 hour source "…" to 6.5 hour source "…"`, and how the value is spread
// over it for probabilistic runs: `distributed triangular`, `distributed normal sd 1 hour`.
struct Uncertainty {
    ExprPtr low, high;
    std::string low_source, high_source;
    Location where;               // `range`
    std::string distribution;     // as written; empty: none declared
    Location distribution_where;
    ExprPtr sd;                   // the standard deviation, where the distribution takes one
};

struct RowEntry {
    ExprPtr value;                     // null for a band
    std::unique_ptr<BandSyntax> band;  // a band, or null
    Location where;
    std::optional<Uncertainty> uncertain;  // a value's range and distribution: `| £980 range £490 to £1,470 |`
};
// A row of a table: `| burglary_dwelling | £1,361 | £1,746 | £803 |`; the keys first, as many as the table has.
struct TableRow {
    std::vector<RowEntry> entries;
    ExprPtr from;        // `from 2024-04-01`: the date its values take effect from, or null
    std::string source;  // the row's own source, or ""
    Location where;
};

// One line of a report's layout: `chart "Title" a, b`, `table "Title" a, b share of total`...
enum class ReportItemKind { section, text, headline, range, table, chart, cases, list, tornado, distribution, waterfall, appendix };
// The word that writes an item of the kind: "chart", "tornado".
inline const char* report_item_kind_name(ReportItemKind k) {
    switch (k) {
        case ReportItemKind::section: return "section";
        case ReportItemKind::text: return "text";
        case ReportItemKind::headline: return "headline";
        case ReportItemKind::range: return "range";
        case ReportItemKind::table: return "table";
        case ReportItemKind::chart: return "chart";
        case ReportItemKind::cases: return "cases";
        case ReportItemKind::list: return "list";
        case ReportItemKind::tornado: return "tornado";
        case ReportItemKind::distribution: return "distribution";
        case ReportItemKind::waterfall: return "waterfall";
        case ReportItemKind::appendix: return "appendix";
    }
    return "item";
}
struct ReportItem {
    ReportItemKind kind;
    Location where;
    std::string title;  // section, text: the words
    std::vector<std::pair<std::string, Location>> refs;  // outputs by name; range: low, high
    std::vector<std::pair<std::string, Location>> members;  // for each ref, the member it names (`f(Enum.member)`), or ""
    std::string share_of;
    Location share_where;
    bool member_shares = false;  // table: `with shares`, each member's share of its figure's total
    Location member_shares_where;
    std::string axis;   // chart: the value axis's label
    std::string draws, seed;  // distribution: as written, or "" (the defaults)
    Location draws_where, seed_where;
    std::string from, to;     // waterfall: the scenarios its change is from and to, or "" (the run's first and last)
    Location from_where, to_where;
};

enum class DeclKind { unit, currency, param, input, rule, output, fn, type, table, require, test, import, report };

// A value that takes effect from a date: `1,607 hour/year from 2023-04-01 source "…"`.
struct DatedValue {
    ExprPtr value;
    ExprPtr from;  // the date
    std::string source;
    Location where;
};

struct Decl {
    DeclKind kind;
    Location where;       // the keyword
    std::string name;     // for input: the dotted path
    Location name_where;
    Annotations notes;
    // unit: `unit hour = 60 minute`
    std::string factor_text;
    UnitSyntax base;
    // currency: symbol
    std::string symbol;
    // param, input, rule, output, fn: declared type (may be null for rule/param)
    TypePtr type;
    // output label
    std::string label;
    // param, rule, output, fn: the formula; input: the default
    ExprPtr body;
    // param: values that take effect from dates, instead of a formula
    std::vector<DatedValue> dated;
    // param: a range and a distribution (where: range's; a distribution alone has no range)
    std::optional<Uncertainty> uncertain;
    // fn; rule and output: one parameter for a figure per member of an enumeration
    std::vector<Param> params;
    // rule, output: computed over the cases of a batch
    bool cohort = false;
    // input: a value of the whole run, from the run data file (`run input`), not of each case
    bool run = false;
    // table: its keys, each an enumeration, text, a number or (banded) bands of a quantity; columns; rows
    std::vector<TypePtr> keys;
    std::vector<bool> key_banded;
    TypePtr columns;
    std::vector<TableRow> rows;
    // require: the condition in `body`, the message in `label`
    // test
    std::string case_path;  // `case "x.yaml"`: one case's figures
    Location case_where;
    std::vector<std::pair<std::string, Location>> cases;  // `cases "cohort", "more.csv"`: the cohort's figures
    std::string run_data;  // `run data "partners.yaml"`, or ""
    Location run_data_where;
    std::vector<Given> givens;
    std::vector<Expectation> expects;
    // import: name holds the path; the names it brings in, or none for everything the file declares
    std::vector<std::pair<std::string, Location>> imported;
    // report: the title in `label`, its items
    std::vector<ReportItem> items;
};

struct Header {
    std::string name;
    std::string version;
    std::vector<std::string> sources;
    std::string description;
    std::string case_id;  // `identified by NAME`: the input that names a case
    std::string dated_by;  // `dated by NAME`: the param whose date selects dated values
    Location dated_by_where;
    std::vector<std::string> ignored_columns;  // `sheets ignore columns "notes"`: columns case tables carry for people
    bool day_first_dates = false;              // `sheets write dates day first`: case tables write 03/07/2023
    Location where;
};

struct Module {
    SourcePtr source;
    std::optional<Header> header;
    std::vector<Decl> decls;
};

}  // namespace reckon::ast
