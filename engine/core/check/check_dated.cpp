// The check of values that take effect from dates: a param's (or a table's
// rows', in check_tables.cpp) values each of one type, their dates in order,
// and the `dated by` of the file's header, a param or a case input that is a
// date, that picks one.
#include "core/check/check.hpp"

#include <utility>

namespace reckon {

// `param working_hours = 1,650 hour/year from 2010-04-01, 1,607 hour/year from 2023-04-01`: each value of one
// type, the dates in order, and the header's `dated by` a param or a case input, a date, that picks one.
NodePtr Checker::check_dated(const ast::Decl& d, Type& type, DatedValues& out) {
    type = d.type ? type_of(*d.type, nullptr) : Type{};
    auto n = node(Op::dated, d.name_where);
    bool ok = true;
    const auto [by, by_where] = dated_by(d);
    if (by.empty()) {
        error(d.dated[0].where, "param '" + d.name + "' has values from dates, and the ruleset does not say which date picks one",
              {"name it in the ruleset's header: dated by costing_date (a param or a case input that is a date)"});
        ok = false;
    } else if (NodePtr date = picking_date(by, by_where)) {
        out.by = by;
        out.by_input = inputs_.count(by) > 0;
        out.slot = out.by_input ? inputs_.at(by) : params_.at(by);
        n->kids.push_back(std::move(date));
    } else {
        ok = false;
    }
    long last = 0;
    std::vector<Value> froms;
    for (std::size_t i = 0; i < d.dated.size(); ++i) {
        const ast::DatedValue& v = d.dated[i];
        Frame saved = std::exchange(frame_, Frame{});
        frame_.context = Context::constant;
        Checked c = expr(*v.value);
        frame_ = std::move(saved);
        NodePtr from = constant(*v.from, Type::of(TypeKind::date), "the date a value takes effect from");
        if (c.type.is_error() || !from) { ok = false; continue; }
        if (c.node->op != Op::constant) {
            error(v.value->where, "a value from a date is written out, such as 1,607 hour/year or £32,000");
            ok = false;
            continue;
        }
        if (type.is_error()) type = c.type;
        else if (!same_type(type, c.type, p_.units)) {
            error(v.value->where, "the values of param '" + d.name + "' are " + describe(type) + ", and this one is " + describe(c.type));
            ok = false;
            continue;
        }
        const long day = from->value.n().convert_to<long>();
        if (i > 0 && day <= last) {
            error(v.from->where, "the dates of param '" + d.name + "' go in order, each later than the one before: " + v.from->text +
                                     " is not after " + d.dated[i - 1].from->text);
            ok = false;
        }
        last = day;
        const Location& w = v.value->where;
        out.values.push_back({c.node->value, day, w.file ? std::string(w.file->text().substr(w.offset, w.length)) : "", v.source});
        froms.push_back(from->value);
        n->kids.push_back(std::move(c.node));
    }
    n->value = Value::list(std::move(froms));
    return ok ? std::move(n) : nullptr;
}

// The date that `dated by NAME` names, where it is used: a param or a case input that is a date; null after an
// error, said once for the name however many values it picks.
NodePtr Checker::picking_date(const std::string& by, const Location& where) {
    auto fail = [&](std::string message, std::vector<std::string> notes) {
        if (bad_dated_by_.insert(by).second) error(where, std::move(message), std::move(notes));
        return nullptr;
    };
    if (params_.count(by) == 0 && inputs_.count(by) == 0)
        return fail("'dated by' names a param or a case input that is a date, and '" + by + "' is neither",
                    {"declare it: param " + by + " = 2023-04-01, or input " + by + ": date"});
    ast::Expr ref;
    ref.kind = ast::ExprKind::name;
    ref.where = where;
    ref.text = by;
    ref.path = ast::split_path(by);
    Checked date = expr(ref);
    if (date.type.is_error()) return nullptr;
    if (date.type.kind != TypeKind::date || date.type.optional)
        return fail("'dated by' names a param or a case input that is a date, and '" + by + "' is " + describe(date.type), {});
    return std::move(date.node);
}

// The `dated by` of the file a declaration is in, else the entry file's: the name and where it is written.
std::pair<std::string, Location> Checker::dated_by(const ast::Decl& d) const {
    auto by = dated_by_.find(d.name_where.file);
    if (by == dated_by_.end() && !p_.sources.empty()) by = dated_by_.find(p_.sources[0].get());
    return by == dated_by_.end() ? std::pair<std::string, Location>{} : by->second;
}

}  // namespace reckon
