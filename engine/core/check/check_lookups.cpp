// The check phase, for calls that look a value up: a table's row by its keys
// (`unit_costs(t)`, with the date that picks a row from dates), and one
// member's value of a figure by member (`saving(t)`, `c.saving(t)`).
#include "core/check/check.hpp"

namespace reckon {

// unit_costs(t): a row of a table; saving(t), c.saving(t): a grouped figure's value for one member
Checked Checker::call_value(const ast::Expr& e, std::vector<Checked> args) {
    if (any_failed(args)) return failed();
    if (auto t = tables_.find(e.text); t != tables_.end() && e.path.size() == 1) return table_lookup(e, t->second, std::move(args));
    return member_pick(e, std::move(args));
}

// A row of table `slot`, by a key of each key's type; its record of columns.
Checked Checker::table_lookup(const ast::Expr& e, int slot, std::vector<Checked> args) {
    if (!sees(e.text, p_.tables[slot].where, e.where)) return failed();
    check_table(slot);
    const TableDef& table = p_.tables[slot];
    if (!table.columns) return failed();
    for (const auto& k : table.keys)
        if (k.type.is_error()) return failed();
    if (args.size() != table.keys.size()) {
        std::string keys;
        for (const auto& k : table.keys) keys += (keys.empty() ? "" : ", ") + std::string(k.type.kind == TypeKind::enumeration ? k.type.enumeration->name : "key");
        error(e.where, "table '" + e.text + "' is looked up by " + (table.keys.size() == 1 ? "one key" : std::to_string(table.keys.size()) + " keys") +
                           ", as in " + e.text + "(" + keys + "), not " + std::to_string(args.size()));
        return failed();
    }
    bool bad = false;
    for (std::size_t k = 0; k < args.size(); ++k)
        if (!same_type(table.keys[k].type, args[k].type, p_.units) || args[k].type.optional) {
            error(e.kids[k]->where, "table '" + e.text + "' is keyed by " + (table.keys[k].banded ? "bands of " : "") +
                                        describe(table.keys[k].type) + (table.keys.size() > 1 ? " in its key " + std::to_string(k + 1) : "") +
                                        ", not " + describe(args[k].type));
            bad = true;
        }
    if (bad) return failed();
    auto n = node(Op::lookup, e.where);
    n->slot = slot;
    for (auto& a : args) n->kids.push_back(std::move(a.node));
    if (!table.versions.empty()) {  // rows from dates: the date that picks, after the keys
        const auto [by, by_where] = dated_by(*table_decls_[slot]);
        if (by.empty()) return failed();  // said at the table
        NodePtr date = picking_date(by, by_where);
        if (!date) return failed();
        n->kids.push_back(std::move(date));
    }
    Type row;
    row.kind = TypeKind::record;
    row.record = table.columns;
    return {row, std::move(n)};
}

// One member's value of a figure by member: a member of its enumeration, or one of each of its enumerations, in order.
Checked Checker::member_pick(const ast::Expr& e, std::vector<Checked> args) {
    ast::Expr callee;
    callee.kind = ast::ExprKind::name;
    callee.where = e.var_where;
    callee.text = e.text;
    callee.path = e.path;
    Checked base = name(callee);
    if (base.type.is_error()) return failed();
    if (base.type.kind != TypeKind::grouped) {
        error(e.var_where, "'" + e.text + "' is " + describe(base.type) + ", not a function or a table: it takes no arguments");
        return failed();
    }
    const EnumDef* by = base.type.enumeration;
    const std::vector<const EnumDef*> factors = by->factors.empty() ? std::vector<const EnumDef*>{by} : by->factors;
    bool fits = args.size() == factors.size();
    for (std::size_t k = 0; fits && k < args.size(); ++k)
        fits = args[k].type.kind == TypeKind::enumeration && args[k].type.enumeration == factors[k] && !args[k].type.optional;
    if (!fits) {
        error(e.where, "'" + e.text + "' has a value for each member of " + by->name + ": name " +
                           (factors.size() == 1 ? "one" : "one of each, in order") + ", as in " + e.text + "(" + by->example() + ")");
        return failed();
    }
    auto n = node(Op::pick, e.where);
    n->kids.push_back(std::move(base.node));
    for (auto& a : args) n->kids.push_back(std::move(a.node));
    if (!by->factors.empty())
        for (std::size_t i = 0; i < p_.enums.size(); ++i)
            if (p_.enums[i].get() == by) n->slot = static_cast<int>(i);
    return {*base.type.element, std::move(n)};
}

}  // namespace reckon
