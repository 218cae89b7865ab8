// Expressions: each is resolved, typed and unit-checked, and becomes a
// node of the evaluation tree with its names bound to slots.
#include "checker.hpp"

#include "limits.hpp"

#include <algorithm>

namespace reckon {

namespace {
std::string quoted(const std::string& s) { return "'" + s + "'"; }
}  // namespace

NodePtr Checker::node(Op op, Location where) {
    auto n = std::make_unique<Node>();
    n->op = op;
    n->where = where;
    return n;
}

int Checker::bind(const std::string& name, const Type& t) {
    int slot = frame_.next++;
    frame_.size = std::max(frame_.size, frame_.next);
    frame_.scope.push_back(Local{name, slot, t});
    return slot;
}

std::string Checker::unit_name(const Unit& u) const {
    std::string n = p_.units.name(u);
    return n.empty() ? "a plain number" : n;
}

bool Checker::expect_kind(const Checked& c, TypeKind k, Location where, const std::string& what) {
    if (c.type.is_error()) return false;
    if (c.type.kind == k) return true;
    error(where, what + " must be " + describe(Type::of(k)) + ", not " + describe(c.type));
    return false;
}

Type Checker::unit_mismatch(Location where, const std::string& what, const Type& a, const Type& b) {
    error(where, what + " " + unit_name(a.unit) + " and " + unit_name(b.unit) + ": the units differ");
    return Type{};
}

Checked Checker::expr(const ast::Expr& e) {
    Checked c = expr_any(e);
    if (c.type.optional) {
        const std::string x = e.kind == ast::ExprKind::name ? e.text : "x";
        error(e.where, (e.kind == ast::ExprKind::name ? "'" + x + "'" : std::string("this value")) + " may be absent (it is " +
                           (c.type.is_error() ? std::string("none") : describe(c.type)) + "): give a fallback, as in '" + x +
                           " otherwise ...', or test it first, as in 'if " + x + " is given then ... else ...'");
        return failed();
    }
    return c;
}

namespace {
bool is_none(const Type& t) { return t.kind == TypeKind::error && t.optional; }
// `x is given`, where x is a name: within what it guards, x is known to be given
const ast::Expr* given_name(const ast::Expr& cond) {
    if (cond.kind == ast::ExprKind::unary && cond.op == "is given" && cond.kids[0]->kind == ast::ExprKind::name)
        return cond.kids[0].get();
    return nullptr;
}
}  // namespace

Checked Checker::optional_ops(const ast::Expr& e) {
    if (e.kind == ast::ExprKind::none) {
        auto n = node(Op::constant, e.where);
        Type t;
        t.optional = true;
        return {t, std::move(n)};
    }
    if (e.kind == ast::ExprKind::unary) {  // x is given
        Checked v = expr_any(*e.kids[0]);
        if (v.type.is_error() && !is_none(v.type)) return failed();
        auto n = node(Op::is_given, e.where);
        n->kids.push_back(std::move(v.node));
        return {Type::of(TypeKind::boolean), std::move(n)};
    }
    if (e.kind == ast::ExprKind::binary) {  // a otherwise b
        Checked a = expr_any(*e.kids[0]);
        Checked b = expr_any(*e.kids[1]);
        if ((a.type.is_error() && !is_none(a.type)) || (b.type.is_error() && !is_none(b.type))) return failed();
        if (!is_none(a.type) && !is_none(b.type) && !same_type(a.type, b.type, p_.units)) {
            error(e.where, "the value is " + describe(a.type.required()) + " but the fallback after 'otherwise' is " +
                               describe(b.type.required()) + ": they must be of one type");
            return failed();
        }
        Type t = is_none(a.type) ? b.type : a.type;
        t.optional = b.type.optional;
        auto n = node(Op::otherwise, e.where);
        n->kids.push_back(std::move(a.node));
        n->kids.push_back(std::move(b.node));
        return {t, std::move(n)};
    }
    // if c then a else b, where a branch may be none
    Checked c = expr(*e.kids[0]);
    expect_kind(c, TypeKind::boolean, e.kids[0]->where, "the condition of 'if'");
    const ast::Expr* guarded = given_name(*e.kids[0]);
    if (guarded) narrowed_.push_back(guarded->text);
    Checked a = expr_any(*e.kids[1]);
    if (guarded) narrowed_.pop_back();
    Checked b = expr_any(*e.kids[2]);
    auto bad = [](const Type& t) { return t.is_error() && !is_none(t); };
    if (bad(a.type) || bad(b.type) || c.type.is_error()) return failed();
    Type t;
    if (is_none(a.type)) t = b.type;
    else if (is_none(b.type)) t = a.type;
    else if (!same_type(a.type, b.type, p_.units)) {
        error(e.kids[2]->where, "'then' gives " + describe(a.type) + " but 'else' gives " + describe(b.type) +
                                    ": both branches must be of one type");
        return failed();
    } else t = a.type;
    t.optional = a.type.optional || b.type.optional;
    auto n = node(Op::if_, e.where);
    n->kids.push_back(std::move(c.node));
    n->kids.push_back(std::move(a.node));
    n->kids.push_back(std::move(b.node));
    return {t, std::move(n)};
}

Checked Checker::expr_any(const ast::Expr& e) {
    struct Guard {
        std::uint64_t& d;
        ~Guard() { --d; }
    } guard{++depth_};
    if (depth_ > limits().depth) {
        if (depth_ == limits().depth + 1)
            error(e.where, "formulas are nested more than " + std::to_string(limits().depth) +
                               " levels deep here, through the rules they use (the limit can be raised with --limit depth=N)");
        return failed();
    }
    switch (e.kind) {
        case ast::ExprKind::number:
        case ast::ExprKind::percent:
        case ast::ExprKind::money:
        case ast::ExprKind::text:
        case ast::ExprKind::boolean:
        case ast::ExprKind::date: return literal(e);
        case ast::ExprKind::none: return optional_ops(e);
        case ast::ExprKind::empty_list:
            error(e.where, "an empty list '[]' can only be the default of a list input, as in 'input offences: list of Offence = []'");
            return failed();
        case ast::ExprKind::name: return name(e);
        case ast::ExprKind::field: return field_access(expr(*e.kids[0]), e.text, e.where);
        case ast::ExprKind::unary: return e.op == "is given" ? optional_ops(e) : unary(e);
        case ast::ExprKind::binary: return e.op == "otherwise" ? optional_ops(e) : binary(e);
        case ast::ExprKind::if_: return optional_ops(e);
        case ast::ExprKind::let_: {
            Checked v = expr(*e.kids[0]);
            int slot = bind(e.var, v.type);
            Checked body = expr(*e.kids[1]);
            unbind();
            if (v.type.is_error() || body.type.is_error()) return failed();
            auto n = node(Op::let_, e.where);
            n->slot = slot;
            n->kids.push_back(std::move(v.node));
            n->kids.push_back(std::move(body.node));
            return {body.type, std::move(n)};
        }
        case ast::ExprKind::call: return call(e);
        case ast::ExprKind::aggregate: return aggregate(e);
        case ast::ExprKind::convert: {
            Checked v = expr(*e.kids[0]);
            Unit target = unit_of(e.unit);
            if (v.type.is_error()) return failed();
            if (v.type.kind != TypeKind::number) {
                error(e.where, "only numbers can be converted to a unit; this is " + describe(v.type));
                return failed();
            }
            if (!p_.units.same_dimension(v.type.unit, target)) {
                error(e.where, "cannot convert " + unit_name(v.type.unit) + " to " + unit_name(target) + ": the units differ");
                return failed();
            }
            return {Type::number(target), std::move(v.node)};  // values are in base units: nothing to do at run time
        }
    }
    return failed();
}

Checked Checker::literal(const ast::Expr& e) {
    const std::string& digits = e.kind == ast::ExprKind::money ? e.value_text : e.text;
    if ((e.kind == ast::ExprKind::number || e.kind == ast::ExprKind::percent || e.kind == ast::ExprKind::money) &&
        digits.size() > limits().digits) {
        error(e.where, "a number of more than " + std::to_string(limits().digits) + " digits (the limit can be raised with --limit digits=N)");
        return failed();
    }
    auto n = node(Op::constant, e.where);
    Type t;
    switch (e.kind) {
        case ast::ExprKind::number: {
            Unit u = unit_of(e.unit);
            n->value = Value::number(*parse_decimal(e.text) * p_.units.scale(u));
            t = Type::number(u);
            break;
        }
        case ast::ExprKind::percent:
            n->value = Value::number(*parse_decimal(e.text) / 100);
            t = Type::number();
            break;
        case ast::ExprKind::money: {
            int id = p_.units.find_symbol(e.text);
            if (id < 0) {
                error(e.where, "no currency with the symbol '" + e.text + "' is declared",
                      {"declare it, as in: currency GBP \"£\""});
                return failed();
            }
            auto amount = parse_decimal(e.value_text, true);
            if (!amount) {
                error(e.where, "malformed amount '" + e.value_text + "': group thousands by three digits, as in £1,234.56");
                return failed();
            }
            n->value = Value::number(*amount * p_.units.def(id).scale);
            t = Type::number(Unit::of(id));
            break;
        }
        case ast::ExprKind::text:
            n->value = Value::text(e.text);
            t = Type::of(TypeKind::text);
            break;
        case ast::ExprKind::boolean:
            n->value = Value::boolean(e.text == "true");
            t = Type::of(TypeKind::boolean);
            break;
        case ast::ExprKind::date: {
            auto d = parse_date(e.text);
            if (!d) {
                error(e.where, "'" + e.text + "' is not a date in the calendar");
                return failed();
            }
            n->value = Value::date(*d);
            t = Type::of(TypeKind::date);
            break;
        }
        default: return failed();
    }
    return {t, std::move(n)};
}

Checked Checker::field_access(Checked base, const std::string& field, Location where) {
    if (base.type.is_error()) return failed();
    if (base.type.kind == TypeKind::record && base.type.record == case_record_) return case_field(std::move(base), field, where);
    if (base.type.kind != TypeKind::record) {
        error(where, "'" + field + "' is not a field: the value before the '.' is " + describe(base.type));
        return failed();
    }
    int i = base.type.record->field(field);
    if (i < 0) {
        std::string fields;
        for (const auto& f : base.type.record->fields) fields += (fields.empty() ? "" : ", ") + f.name;
        error(where, "no field '" + field + "' in " + describe(base.type), {"its fields are: " + fields});
        return failed();
    }
    auto n = node(Op::field, where);
    n->slot = i;
    n->kids.push_back(std::move(base.node));
    return {base.type.record->fields[i].type, std::move(n)};
}

int Checker::find_rule(const std::string& name) const {
    auto per_case = rules_.find(name);
    auto cohort = cohort_rules_.find(name);
    if (cohort != cohort_rules_.end() && (frame_.context == Context::cohort || per_case == rules_.end())) return cohort->second;
    return per_case == rules_.end() ? -1 : per_case->second;
}

// c.status, where c is one of `cases`: a per-case rule or input, kept from each case for the cohort
Checked Checker::case_field(Checked base, const std::string& field, Location where) {
    bool is_input = false;
    int slot = -1;
    Type t;
    if (auto it = rules_.find(field); it != rules_.end() && !p_.rules[it->second].cohort) {
        slot = it->second;
        if (rule_state_[slot] == State::checking) {
            error(where, "rule '" + field + "' depends on itself");
            return failed();
        }
        check_rule(slot);
        t = p_.rules[slot].type;
    } else if (auto in = inputs_.find(field); in != inputs_.end()) {
        is_input = true;
        slot = in->second;
        t = p_.inputs[slot].type;
    } else {
        std::vector<std::string> notes{"each of 'cases' has the case's rules, outputs and inputs"};
        std::string s = suggestion(field);
        if (!s.empty()) notes.insert(notes.begin(), "did you mean '" + s + "'?");
        error(where, "a case has no rule, output or input '" + field + "'", notes);
        return failed();
    }
    std::pair<bool, int> key{is_input, slot};
    auto at = std::find(p_.cohort_fields.begin(), p_.cohort_fields.end(), key);
    if (at == p_.cohort_fields.end()) at = p_.cohort_fields.insert(at, key);
    auto n = node(Op::field, where);
    n->slot = static_cast<int>(at - p_.cohort_fields.begin());
    n->kids.push_back(std::move(base.node));
    return {t, std::move(n)};
}

Checked Checker::enum_member(const ast::Expr& e) {
    const EnumDef& en = *p_.enums[enums_.at(e.path[0])];
    if (e.path.size() != 2) {
        error(e.where, "'" + en.name + "' is a type: name one of its members, as in " + en.name + "." + en.members.at(0));
        return failed();
    }
    int m = en.member(e.path[1]);
    if (m < 0) {
        std::string all;
        for (const auto& x : en.members) all += (all.empty() ? "" : ", ") + x;
        error(e.where, "'" + e.path[1] + "' is not a member of " + en.name, {"its members are: " + all});
        return failed();
    }
    auto n = node(Op::constant, e.where);
    n->value = Value::member(m);
    return {Type::enum_of(&en), std::move(n)};
}

Checked Checker::name(const ast::Expr& e) {
    const auto& path = e.path;
    Checked base;
    std::size_t used = 0;

    for (auto it = frame_.scope.rbegin(); it != frame_.scope.rend(); ++it)
        if (it->name == path[0]) {
            base = {it->type, node(Op::local, e.where)};
            base.node->slot = it->slot;
            used = 1;
            break;
        }

    // in a cohort rule, the cohort's own rules come before the case's inputs
    if (!used && !(frame_.context == Context::cohort && cohort_rules_.count(path[0]))) {
        // the longest prefix of the path that names an input
        std::string prefix;
        int found = -1;
        for (std::size_t i = 0; i < path.size(); ++i) {
            prefix += (i ? "." : "") + path[i];
            auto it = inputs_.find(prefix);
            if (it != inputs_.end()) {
                found = it->second;
                used = i + 1;
            }
        }
        if (found >= 0) {
            if (frame_.context != Context::rule) {
                error(e.where, "input '" + p_.inputs[found].path + "' cannot be used here: " +
                                   (frame_.context == Context::function
                                        ? "a function sees only its arguments and params; pass the input as an argument"
                                        : frame_.context == Context::cohort
                                              ? "a cohort rule sees each case through 'cases', as in sum(c." + p_.inputs[found].path + " for c in cases)"
                                              : "a param or a constant cannot depend on a case"));
                return failed();
            }
            base = {p_.inputs[found].type, node(Op::input, e.where)};
            base.node->slot = found;
        } else if (input_groups_.count(e.text) && !params_.count(e.text) && find_rule(e.text) < 0) {
            error(e.where, "'" + e.text + "' is a group of inputs, not a value");
            return failed();
        }
    }

    if (!used && enums_.count(path[0])) return enum_member(e);
    if (!used && path[0] == "cases") {
        if (frame_.context != Context::cohort) {
            error(e.where, "'cases' is known only in a cohort rule, as in: cohort output total = sum(c.cost for c in cases)");
            return failed();
        }
        base = {Type::list_of(Type{TypeKind::record, {}, nullptr, case_record_}), node(Op::cases, e.where)};
        used = 1;
    }

    if (!used && path.size() >= 1) {
        const std::string& n = path[0];
        if (auto it = params_.find(n); it != params_.end()) {
            int i = it->second;
            if (param_state_[i] == State::checking) {
                error(e.where, "param '" + n + "' depends on itself");
                return failed();
            }
            check_param(i);
            base = {p_.params[i].type, node(Op::param, e.where)};
            base.node->slot = i;
            used = 1;
        } else if (int i = find_rule(n); i >= 0) {
            if (frame_.context != Context::rule && frame_.context != Context::cohort) {
                error(e.where, "rule '" + n + "' cannot be used here: " +
                                   (frame_.context == Context::function
                                        ? "a function sees only its arguments and params; pass the value as an argument"
                                        : "a param or a constant cannot depend on a rule"));
                return failed();
            }
            if (frame_.context != Context::cohort && p_.rules[i].cohort) {
                error(e.where, "cohort rule '" + n + "' cannot be used in a rule of one case: it is computed over the whole batch");
                return failed();
            }
            if (frame_.context == Context::cohort && !p_.rules[i].cohort) {
                error(e.where, "rule '" + n + "' is computed for each case: a cohort rule sees each case through 'cases', as in sum(c." + n + " for c in cases)");
                return failed();
            }
            if (rule_state_[i] == State::checking) {
                std::string cycle;
                auto start = std::find(chain_.begin(), chain_.end(), n);
                for (auto c = start; c != chain_.end(); ++c) cycle += *c + " -> ";
                error(e.where, "rule '" + n + "' depends on itself: " + cycle + n,
                      {"rules cannot be recursive: every figure must be derived in a finite number of steps"});
                return failed();
            }
            check_rule(i);
            base = {p_.rules[i].type, node(Op::rule, e.where)};
            base.node->slot = i;
            used = 1;
        } else if (tables_.count(n)) {
            error(e.where, "'" + n + "' is a table: look a row up by its key, as in " + n + "(key).column");
            return failed();
        } else if (fns_.count(n)) {
            error(e.where, "'" + n + "' is a function: call it with its arguments, as in " + n + "(...)");
            return failed();
        } else if (p_.units.find(n) >= 0) {
            error(e.where, "'" + n + "' is a unit, not a value: write a quantity such as 1 " + n);
            return failed();
        } else {
            std::vector<std::string> notes;
            std::string s = suggestion(e.text);
            if (!s.empty()) notes.push_back("did you mean '" + s + "'?");
            error(e.where, "unknown name '" + e.text + "'", notes);
            return failed();
        }
    }

    for (std::size_t i = used; i < path.size(); ++i) base = field_access(std::move(base), path[i], e.where);
    if (base.type.optional && std::find(narrowed_.begin(), narrowed_.end(), e.text) != narrowed_.end())
        base.type.optional = false;  // guarded by `if e is given`
    return base;
}

Checked Checker::unary(const ast::Expr& e) {
    Checked v = expr(*e.kids[0]);
    if (v.type.is_error()) return failed();
    if (e.op == "not") {
        if (!expect_kind(v, TypeKind::boolean, e.where, "the operand of 'not'")) return failed();
        auto n = node(Op::not_, e.where);
        n->kids.push_back(std::move(v.node));
        return {v.type, std::move(n)};
    }
    if (!expect_kind(v, TypeKind::number, e.where, "the operand of '-'")) return failed();
    if (v.node->op == Op::constant) {  // a negative literal
        v.node->value.n = -v.node->value.n;
        v.node->where = e.where;
        return v;
    }
    auto n = node(Op::neg, e.where);
    n->kids.push_back(std::move(v.node));
    return {v.type, std::move(n)};
}

Checked Checker::binary(const ast::Expr& e) {
    Checked a = expr(*e.kids[0]);
    const ast::Expr* guarded = e.op == "and" ? given_name(*e.kids[0]) : nullptr;  // `left is given and left > x`
    if (guarded) narrowed_.push_back(guarded->text);
    Checked b = expr(*e.kids[1]);
    if (guarded) narrowed_.pop_back();
    if (a.type.is_error() || b.type.is_error()) return failed();
    const std::string& op = e.op;
    if (op == "and" || op == "or") {
        bool ok = expect_kind(a, TypeKind::boolean, e.kids[0]->where, "the left of '" + op + "'");
        ok = expect_kind(b, TypeKind::boolean, e.kids[1]->where, "the right of '" + op + "'") && ok;
        if (!ok) return failed();
        auto n = node(op == "and" ? Op::and_ : Op::or_, e.where);
        n->kids.push_back(std::move(a.node));
        n->kids.push_back(std::move(b.node));
        return {a.type, std::move(n)};
    }
    if (op == "+" || op == "-" || op == "*" || op == "/") return arithmetic(e, std::move(a), std::move(b));
    return comparison(e, std::move(a), std::move(b));
}

Checked Checker::arithmetic(const ast::Expr& e, Checked a, Checked b) {
    const std::string& op = e.op;
    const std::string verb = op == "+" ? "cannot add" : op == "-" ? "cannot subtract" : op == "*" ? "cannot multiply" : "cannot divide";
    auto make = [&](Op o, Type t) {
        auto n = node(o, e.where);
        n->kids.push_back(std::move(a.node));
        n->kids.push_back(std::move(b.node));
        return Checked{std::move(t), std::move(n)};
    };
    int day = p_.units.find("day");
    if (a.type.kind == TypeKind::date || b.type.kind == TypeKind::date) {
        if (day < 0) {
            error(e.where, "arithmetic on dates needs the unit day: declare it, as in 'unit day = 24 hour'");
            return failed();
        }
        Type days = Type::number(Unit::of(day));
        Number per_day = p_.units.def(day).scale;
        if (op == "-" && a.type.kind == TypeKind::date && b.type.kind == TypeKind::date) {
            auto c = make(Op::date_diff, days);
            c.node->step = per_day;
            return c;
        }
        if ((op == "+" || op == "-") && a.type.kind == TypeKind::date && b.type.kind == TypeKind::number &&
            p_.units.same_dimension(b.type.unit, days.unit)) {
            auto c = make(op == "+" ? Op::date_add : Op::date_sub, Type::of(TypeKind::date));
            c.node->step = per_day;
            return c;
        }
        error(e.where, verb + " " + describe(a.type) + " and " + describe(b.type) +
                           ": a date takes + or - a number of days, and a date minus a date gives days");
        return failed();
    }
    if (a.type.kind != TypeKind::number || b.type.kind != TypeKind::number) {
        error(e.where, verb + " " + describe(a.type) + " and " + describe(b.type) + ": arithmetic needs numbers");
        return failed();
    }
    if (op == "+" || op == "-") {
        if (!p_.units.same_dimension(a.type.unit, b.type.unit)) {
            unit_mismatch(e.where, verb, a.type, b.type);
            return failed();
        }
        Unit u = a.type.unit.dimensionless_syntax() ? b.type.unit : a.type.unit;
        return make(op == "+" ? Op::add : Op::sub, Type::number(u));
    }
    if (op == "*") return make(Op::mul, Type::number(a.type.unit.times(b.type.unit)));
    return make(Op::div, Type::number(a.type.unit.times(b.type.unit, -1)));
}

Checked Checker::comparison(const ast::Expr& e, Checked a, Checked b) {
    const std::string& op = e.op;
    Op o = op == "==" ? Op::eq : op == "!=" ? Op::ne : op == "<" ? Op::lt : op == "<=" ? Op::le : op == ">" ? Op::gt : Op::ge;
    bool ordered = o != Op::eq && o != Op::ne;
    if (a.type.kind != b.type.kind) {
        error(e.where, "cannot compare " + describe(a.type) + " with " + describe(b.type));
        return failed();
    }
    switch (a.type.kind) {
        case TypeKind::number:
            if (!p_.units.same_dimension(a.type.unit, b.type.unit)) {
                unit_mismatch(e.where, "cannot compare", a.type, b.type);
                return failed();
            }
            break;
        case TypeKind::date: break;
        case TypeKind::enumeration:
            if (a.type.enumeration != b.type.enumeration) {
                error(e.where, "cannot compare " + describe(a.type) + " with " + describe(b.type));
                return failed();
            }
            [[fallthrough]];
        case TypeKind::boolean:
        case TypeKind::text:
            if (ordered) {
                error(e.where, "'" + op + "' needs numbers or dates; " + describe(a.type) + " can only be compared with == or !=");
                return failed();
            }
            break;
        case TypeKind::list:
        case TypeKind::record:
        case TypeKind::grouped:
        case TypeKind::error:
            error(e.where, "cannot compare values of type " + describe(a.type));
            return failed();
    }
    auto n = node(o, e.where);
    n->kids.push_back(std::move(a.node));
    n->kids.push_back(std::move(b.node));
    return {Type::of(TypeKind::boolean), std::move(n)};
}

Checked Checker::call(const ast::Expr& e) {
    if (e.path.size() > 1 || tables_.count(e.text) || find_rule(e.text) >= 0) {
        std::vector<Checked> args;
        for (const auto& k : e.kids) args.push_back(expr(*k));
        return call_value(e, std::move(args));
    }
    if ((e.text == "date" || e.text == "financial_year") && !fns_.count(e.text)) {
        std::vector<Checked> args;
        for (const auto& k : e.kids) args.push_back(expr(*k));
        return builtin_date(e, std::move(args));
    }
    std::vector<Checked> args;
    bool bad = false;
    for (std::size_t i = 0; i < e.kids.size(); ++i) {
        // the third argument of round/floor/ceil is a mode, written as a bare name
        if (i == 2 && (e.text == "round" || e.text == "floor" || e.text == "ceil") &&
            e.kids[i]->kind == ast::ExprKind::name) {
            args.push_back(Checked{Type::of(TypeKind::text), nullptr});
            continue;
        }
        args.push_back(expr(*e.kids[i]));
        bad = bad || args.back().type.is_error();
    }
    if (e.text == "round" || e.text == "floor" || e.text == "ceil") return bad ? failed() : rounding(e, std::move(args));
    if (e.text == "min" || e.text == "max") return bad ? failed() : extremum(e, std::move(args));
    if (e.text == "sum" || e.text == "count") {
        if (args.size() != 1) {
            error(e.where, e.text + "() takes one list, as in " + e.text + "(x.hours for x in list)");
            return failed();
        }
        if (bad) return failed();
        if (args[0].type.kind != TypeKind::list) {
            error(e.kids[0]->where, e.text + "() needs a list, not " + describe(args[0].type));
            return failed();
        }
        const Type& el = *args[0].type.element;
        if (e.text == "sum" && el.kind != TypeKind::number) {
            error(e.kids[0]->where, "sum() needs a list of numbers, not " + describe(args[0].type));
            return failed();
        }
        auto n = node(e.text == "sum" ? Op::sum : Op::count, e.where);
        n->slot = bind("", el);
        unbind();
        n->kids.push_back(std::move(args[0].node));
        n->kids.push_back(nullptr);
        n->kids.push_back(nullptr);
        return {e.text == "sum" ? el : Type::number(), std::move(n)};
    }
    auto it = fns_.find(e.text);
    if (it == fns_.end()) {
        std::vector<std::string> notes;
        std::string s = suggestion(e.text);
        if (!s.empty()) notes.push_back("did you mean '" + s + "'?");
        notes.push_back("the built-in functions are round, floor, ceil, min, max, sum, count, collect, date and financial_year");
        error(e.where, "unknown function '" + e.text + "'", notes);
        return failed();
    }
    int fi = it->second;
    if (fn_state_[fi] == State::checking) {
        error(e.where, "function '" + e.text + "' calls itself", {"functions cannot be recursive"});
        return failed();
    }
    check_fn(fi);
    const FnDef& f = p_.fns[fi];
    if (args.size() != f.param_types.size()) {
        error(e.where, "function '" + e.text + "' takes " + std::to_string(f.param_types.size()) + " argument" +
                           (f.param_types.size() == 1 ? "" : "s") + ", not " + std::to_string(args.size()));
        return failed();
    }
    if (bad) return failed();
    for (std::size_t i = 0; i < args.size(); ++i)
        if (!same_type(f.param_types[i], args[i].type, p_.units)) {
            error(e.kids[i]->where, "argument " + quoted(f.param_names[i]) + " of '" + e.text + "' must be " +
                                        describe(f.param_types[i]) + ", not " + describe(args[i].type));
            bad = true;
        }
    if (bad) return failed();
    auto n = node(Op::call, e.where);
    n->slot = fi;
    for (auto& a : args) n->kids.push_back(std::move(a.node));
    return {f.result, std::move(n)};
}

// unit_costs(t): a row of a table; saving(t), c.saving(t): a grouped figure's value for one member
Checked Checker::call_value(const ast::Expr& e, std::vector<Checked> args) {
    for (const auto& a : args)
        if (a.type.is_error()) return failed();
    if (auto t = tables_.find(e.text); t != tables_.end() && e.path.size() == 1) {
        check_table(t->second);
        const TableDef& table = p_.tables[t->second];
        if (args.size() != 1) {
            error(e.where, "table '" + e.text + "' is looked up by one key, as in " + e.text + "(key)");
            return failed();
        }
        if (table.key.is_error() || !table.columns) return failed();
        if (!same_type(table.key, args[0].type, p_.units)) {
            error(e.kids[0]->where, "table '" + e.text + "' is keyed by " + describe(table.key) + ", not " + describe(args[0].type));
            return failed();
        }
        auto n = node(Op::lookup, e.where);
        n->slot = t->second;
        n->kids.push_back(std::move(args[0].node));
        Type row;
        row.kind = TypeKind::record;
        row.record = table.columns;
        return {row, std::move(n)};
    }
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
    if (args.size() != 1 || args[0].type.kind != TypeKind::enumeration || args[0].type.enumeration != by) {
        error(e.where, "'" + e.text + "' has a value for each member of " + by->name + ": name one, as in " + e.text + "(" +
                           by->name + "." + by->members.at(0) + ")");
        return failed();
    }
    auto n = node(Op::pick, e.where);
    n->kids.push_back(std::move(base.node));
    n->kids.push_back(std::move(args[0].node));
    return {*base.type.element, std::move(n)};
}

// date(year, month, day) and financial_year(date)
Checked Checker::builtin_date(const ast::Expr& e, std::vector<Checked> args) {
    for (const auto& a : args)
        if (a.type.is_error()) return failed();
    if (e.text == "date") {
        if (args.size() != 3) {
            error(e.where, "date() takes a year, a month and a day, as in date(report_year, 4, 1)");
            return failed();
        }
        for (std::size_t i = 0; i < 3; ++i)
            if (args[i].type.kind != TypeKind::number || !args[i].type.unit.dimensionless_syntax()) {
                error(e.kids[i]->where, std::string("the ") + (i == 0 ? "year" : i == 1 ? "month" : "day") +
                                            " given to date() must be a plain number, not " + describe(args[i].type));
                return failed();
            }
        auto n = node(Op::make_date, e.where);
        for (auto& a : args) n->kids.push_back(std::move(a.node));
        return {Type::of(TypeKind::date), std::move(n)};
    }
    if (args.size() != 1 || args[0].type.kind != TypeKind::date) {
        error(e.where, "financial_year() takes one date and gives the year in which its financial year (1 April to 31 March) starts");
        return failed();
    }
    auto n = node(Op::financial_year, e.where);
    n->kids.push_back(std::move(args[0].node));
    return {Type::number(), std::move(n)};
}

// round(x), round(x, step), round(x, step, mode); floor and ceil likewise.
Checked Checker::rounding(const ast::Expr& e, std::vector<Checked> args) {
    if (args.empty() || args.size() > 3) {
        error(e.where, e.text + "() takes a value, then optionally a step and a mode, as in " + e.text + "(x, £0.01)");
        return failed();
    }
    if (args[0].type.kind != TypeKind::number) {
        error(e.kids[0]->where, e.text + "() needs a number, not " + describe(args[0].type));
        return failed();
    }
    auto n = node(Op::round_, e.where);
    n->mode = e.text == "floor" ? RoundMode::floor : e.text == "ceil" ? RoundMode::ceiling : RoundMode::half_away;
    if (args.size() >= 2) {
        if (args[1].type.kind != TypeKind::number || !p_.units.same_dimension(args[0].type.unit, args[1].type.unit)) {
            error(e.kids[1]->where, "the step of " + e.text + "() must be in the units of the value (" +
                                        unit_name(args[0].type.unit) + "), not " + describe(args[1].type));
            return failed();
        }
        if (args[1].node->op != Op::constant || args[1].node->value.n <= 0) {
            error(e.kids[1]->where, "the step of " + e.text + "() must be a positive number written out, such as £0.01 or 8 hour");
            return failed();
        }
        n->step = args[1].node->value.n;
        const Location& w = e.kids[1]->where;
        n->value = Value::text(w.file->text().substr(w.offset, w.length));
    } else {
        n->step = p_.units.scale(args[0].type.unit);  // one of the value's own unit
        const std::string u = p_.units.name(args[0].type.unit);
        n->value = Value::text(u.empty() ? "1" : "1 " + u);
    }
    if (args.size() == 3) {
        const ast::Expr& m = *e.kids[2];
        auto mode = m.kind == ast::ExprKind::name ? round_mode_named(m.text) : std::nullopt;
        if (!mode) {
            error(m.where, "unknown rounding mode '" + m.text + "'",
                  {"the modes are half_away (the default), half_even, up, down, floor and ceiling"});
            return failed();
        }
        if (e.text != "round") {
            error(m.where, e.text + "() has no mode: it always rounds " + (e.text == "floor" ? "down" : "up"));
            return failed();
        }
        n->mode = *mode;
    }
    Type t = args[0].type;
    n->kids.push_back(std::move(args[0].node));
    return {t, std::move(n)};
}

Checked Checker::extremum(const ast::Expr& e, std::vector<Checked> args) {
    if (args.size() == 1 && args[0].type.kind == TypeKind::list) {
        const Type& el = *args[0].type.element;
        if (el.kind != TypeKind::number && el.kind != TypeKind::date) {
            error(e.kids[0]->where, e.text + "() needs a list of numbers or dates, not " + describe(args[0].type));
            return failed();
        }
        auto n = node(e.text == "min" ? Op::least : Op::most, e.where);
        n->slot = bind("", el);
        unbind();
        n->kids.push_back(std::move(args[0].node));
        n->kids.push_back(nullptr);
        n->kids.push_back(nullptr);
        return {el, std::move(n)};
    }
    if (args.size() < 2) {
        error(e.where, e.text + "() takes two or more values, or one list");
        return failed();
    }
    const Type t = args[0].type;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const Type& a = args[i].type;
        if ((a.kind != TypeKind::number && a.kind != TypeKind::date) || !same_type(t, a, p_.units)) {
            if (a.kind == TypeKind::number && t.kind == TypeKind::number) unit_mismatch(e.kids[i]->where, e.text + "() cannot take", t, a);
            else error(e.kids[i]->where, e.text + "() needs numbers of one unit or dates; argument " + std::to_string(i + 1) + " is " + describe(a));
            return failed();
        }
    }
    auto n = node(e.text == "min" ? Op::min_ : Op::max_, e.where);
    for (auto& a : args) n->kids.push_back(std::move(a.node));
    return {t, std::move(n)};
}

// sum(x.hours for x in list where ...), count(x in list where ...), min(...), max(...)
Checked Checker::aggregate(const ast::Expr& e) {
    static const char* const known[] = {"sum", "count", "min", "max", "collect"};
    if (std::find(std::begin(known), std::end(known), e.text) == std::end(known)) {
        error(e.where, "'" + e.text + "' cannot aggregate over a list: use sum, count, min, max or collect");
        return failed();
    }
    Checked list = expr(*e.kids[1]);
    if (list.type.is_error()) return failed();
    if (list.type.kind != TypeKind::list) {
        error(e.kids[1]->where, "'" + e.var + "' must range over a list; this is " + describe(list.type));
        return failed();
    }
    int slot = bind(e.var, *list.type.element);
    Checked element = e.kids[0] ? expr(*e.kids[0]) : Checked{*list.type.element, nullptr};
    Checked filter = e.kids[2] ? expr(*e.kids[2]) : Checked{Type::of(TypeKind::boolean), nullptr};
    unbind();
    if (element.type.is_error() || filter.type.is_error()) return failed();
    if (e.kids[2] && !expect_kind(filter, TypeKind::boolean, e.kids[2]->where, "the condition after 'where'")) return failed();
    Type result = Type::number();
    Op op = Op::count;
    if (e.text == "collect") {
        result = Type::list_of(element.type);
        op = Op::collect;
    } else if (e.text != "count") {
        bool dates = e.text != "sum" && element.type.kind == TypeKind::date;
        if (element.type.kind != TypeKind::number && !dates) {
            error(e.kids[0] ? e.kids[0]->where : e.where, e.text + "() needs numbers" + (e.text == "sum" ? "" : " or dates") +
                                                            ", not " + describe(element.type));
            return failed();
        }
        result = element.type;
        op = e.text == "sum" ? Op::sum : e.text == "min" ? Op::least : Op::most;
    }
    auto n = node(op, e.where);
    n->slot = slot;
    n->kids.push_back(std::move(list.node));
    n->kids.push_back(std::move(element.node));
    n->kids.push_back(std::move(filter.node));
    return {result, std::move(n)};
}

}  // namespace reckon
