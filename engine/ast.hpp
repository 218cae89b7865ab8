// The syntax tree the parser produces: what was written, with where it was
// written. Meaning (names, types, units) is given to it by the later phases.
#pragma once

#include "source.hpp"

#include <memory>
#include <optional>
#include <string>
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

enum class ExprKind {
    number,     // text = decimal digits; unit = optional suffix
    percent,    // text = decimal digits before '%'
    money,      // text = symbol, kids none, number in `value_text`
    text,       // text = the string's content
    boolean,    // text = "true" | "false"
    date,       // text = YYYY-MM-DD
    name,       // path = a.b.c
    unary,      // op = "-" | "not"; kids[0]
    binary,     // op; kids[0], kids[1]
    if_,        // kids: cond, then, else
    let_,       // var; kids: value, body
    call,       // text = function name; kids = arguments
    aggregate,  // text = sum|count|min|max; var; kids: element (may be null), list, filter (may be null)
    convert,    // kids[0] in unit
};

struct Expr {
    ExprKind kind;
    Location where;
    std::string text;
    std::string value_text;        // money: the amount's digits
    std::vector<std::string> path; // name: segments
    std::string op;
    std::string var;
    Location var_where;
    UnitSyntax unit;
    std::vector<std::unique_ptr<Expr>> kids;
};
using ExprPtr = std::unique_ptr<Expr>;

struct TypeSyntax;
using TypePtr = std::unique_ptr<TypeSyntax>;

struct Field {
    std::string name;
    Location where;
    TypePtr type;
};

enum class TypeSyntaxKind { named, list, record };

// `GBP/hour`, `number`, `text`, `list of T`, `{a: T, b: T}`; with optional bounds.
struct TypeSyntax {
    TypeSyntaxKind kind = TypeSyntaxKind::named;
    Location where;
    UnitSyntax unit;             // named: a unit expression or a type name
    TypePtr element;             // list
    std::vector<Field> fields;   // record
    ExprPtr min, max;            // bounds on values read from a case
};

// Description, source citation and display precision on a declaration.
struct Annotations {
    std::string description;
    std::string source;
    std::optional<int> decimals;
    Location decimals_where;
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
};

struct Given {
    std::string param;
    Location where;
    ExprPtr value;
};

enum class DeclKind { unit, currency, param, input, rule, output, fn, type, test, import };

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
    // fn
    std::vector<Param> params;
    // test
    std::string case_path;
    Location case_where;
    std::vector<Given> givens;
    std::vector<Expectation> expects;
    // import: name holds the path
};

struct Header {
    std::string name;
    std::string version;
    std::vector<std::string> sources;
    std::string description;
    std::string case_id;  // `identified by NAME`: the input that names a case
    Location where;
};

struct Module {
    SourcePtr source;
    std::optional<Header> header;
    std::vector<Decl> decls;
};

}  // namespace reckon::ast
