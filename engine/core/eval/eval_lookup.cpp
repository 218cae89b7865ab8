// The tree-walking evaluator's lookups and dates: a table's row (a banded key finds its band; rows from dates, the
// one in effect), a dated param's value on the date that picks it, a figure by member's value for a member (pick),
// and the dates a formula builds, moves and reads. Each says what it looked for when it finds nothing.
#include "core/eval/eval.hpp"

#include "core/eval/coverage_log.hpp"

namespace reckon {

// table(key), table(key, key): a row; a banded key finds the band that holds its value
Value Evaluator::lookup(const Node& n) {
    const TableDef& t = tables_ ? *(*tables_)[static_cast<std::size_t>(n.slot)] : p_.tables[n.slot];
    auto traced = [&](const std::string& row) {  // explain's record of the rows used, and coverage's
        if (trace_) trace_->lookups.push_back({n.slot, row, trace_->open.empty() ? -1 : trace_->open.back()});
        if (coverage_) coverage_->rows[static_cast<std::size_t>(n.slot)].insert(row);
    };
    if (!t.by_member.empty()) {  // every member has a row
        const Value member = eval(*n.kids[0]);
        if (trace_ || coverage_) traced(key_text(member));  // the key's text only for explain or coverage, not on every lookup
        return t.by_member[member.n().convert_to<std::size_t>()];
    }
    std::vector<Value> values;
    for (std::size_t k = 0; k < t.keys.size(); ++k) values.push_back(eval(*n.kids[k]));
    auto shown = [&](std::size_t k) {  // a key's value, for a message
        const Value& v = values[k];
        const Type& type = t.keys[k].type;
        if (v.kind == Value::Kind::text) return "'" + *v.s() + "'";
        if (v.kind == Value::Kind::member) return type.enumeration->members.at(v.n().convert_to<std::size_t>());
        return format_trimmed(v.n() / p_.units.scale(type.unit), 10) + (type.unit.dimensionless_syntax() ? "" : " " + p_.units.name(type.unit));
    };
    auto all_shown = [&] {
        std::string all;
        for (std::size_t k = 0; k < values.size(); ++k) all += (k ? ", " : "") + shown(k);
        return all;
    };
    int no_band = -1;
    const std::string key = t.row_key(values, &no_band);
    if (no_band >= 0)
        throw EvalError(n.kids[static_cast<std::size_t>(no_band)]->where, "no band of table '" + t.name + "' holds " + shown(static_cast<std::size_t>(no_band)));
    if (t.versions.count(key)) {  // rows from dates: the one in effect on the date that picks
        const long day = eval(*n.kids.back()).n().convert_to<long>();
        const std::string row = t.version_on(key, day);
        if (row.empty())
            throw EvalError(n.where, "table '" + t.name + "' has no row for " + all_shown() + " on " + format_date(day) + ": its first takes effect from " +
                                         format_date(t.versions.at(key).front().first));
        traced(row);
        return t.rows.at(row);
    }
    auto it = t.rows.find(key);
    if (it == t.rows.end()) throw EvalError(n.where, "table '" + t.name + "' has no row for " + all_shown());
    traced(key);
    return it->second;
}

// A dated param: the latest value whose date is not after the date that picks
Value Evaluator::dated(const Node& n) {
    const long day = eval(*n.kids[0]).n().convert_to<long>();
    const auto& froms = *n.value.items();
    std::size_t i = 0;
    while (i < froms.size() && froms[i].n() <= day) ++i;
    if (i == 0) {
        const std::string name = n.where.file ? n.where.file->text().substr(n.where.offset, n.where.length) : "";
        throw EvalError(n.where, "param '" + name + "' has no value on " + format_date(day) + ": its first takes effect from " +
                                     format_date(froms[0].n().convert_to<long>()));
    }
    return eval(*n.kids[i]);
}

// A figure by member's value for a member; of a product: the members of its factors, the first slowest
Value Evaluator::pick(const Node& n) {
    Value g = eval(*n.kids[0]);
    std::size_t m = 0;
    for (std::size_t k = 1; k < n.kids.size(); ++k) {
        const std::size_t size = n.slot >= 0 ? p_.enums[n.slot]->factors[k - 1]->members.size() : 0;
        m = m * size + eval(*n.kids[k]).n().convert_to<std::size_t>();
    }
    return (*g.items())[m];
}

// date ± a number of days
Value Evaluator::date_shift(const Node& n) {
    Value d = eval(*n.kids[0]);
    Number days = eval(*n.kids[1]).n() / n.step;
    if (!days.is_integer())
        throw EvalError(n.where, "a date can only move by whole days");
    d.n() = n.op == Op::date_add ? d.n() + days : d.n() - days;
    return d;
}

// date(year, month, day)
Value Evaluator::make_date(const Node& n) {
    Number parts[3];
    for (int i = 0; i < 3; ++i) parts[i] = eval(*n.kids[static_cast<std::size_t>(i)]).n();
    bool whole = true;
    for (const auto& x : parts) whole = whole && x.is_integer() && abs(x) < 100000;
    int y = whole ? parts[0].convert_to<int>() : 0;
    int m = whole ? parts[1].convert_to<int>() : 0;
    int d = whole ? parts[2].convert_to<int>() : 0;
    if (!whole || m < 1 || d < 1 || !valid_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d)))
        throw EvalError(n.where, "date(" + format_trimmed(parts[0], 6) + ", " + format_trimmed(parts[1], 6) + ", " +
                                     format_trimmed(parts[2], 6) + ") is not a date in the calendar");
    return Value::date(days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)));
}

// financial_year(date): the calendar year in which the date's financial year (from 1 April) starts
Value Evaluator::financial_year(const Node& n) {
    int y;
    unsigned m, d;
    civil_from_days(eval(*n.kids[0]).n().convert_to<long>(), y, m, d);
    return Value::number(Number(m >= 4 ? y : y - 1));
}

}  // namespace reckon
