#include "core/program/value_fits.hpp"

namespace reckon {

bool value_fits(const Value& v, const Type& t) {
    auto all_fit = [&v](const Type& each, std::size_t size) {
        if (v.items().size() != size) return false;
        for (const Value& x : v.items())
            if (!value_fits(x, each)) return false;
        return true;
    };
    switch (v.kind) {
        case Value::Kind::none: return true;
        case Value::Kind::number: return t.kind == TypeKind::number;
        case Value::Kind::boolean: return t.kind == TypeKind::boolean;
        case Value::Kind::text: return t.kind == TypeKind::text;
        case Value::Kind::date: return t.kind == TypeKind::date;
        case Value::Kind::member:
            return t.kind == TypeKind::enumeration && t.enumeration && v.n().is_integer() && v.n() >= Number(0) &&
                   v.n() < Number(static_cast<long>(t.enumeration->members.size()));
        case Value::Kind::list:
            if (t.kind == TypeKind::list) return all_fit(*t.element, v.items().size());
            if (t.kind == TypeKind::grouped) return t.enumeration && all_fit(*t.element, t.enumeration->members.size());
            if (t.kind != TypeKind::record || !t.record || v.items().size() != t.record->fields.size()) return false;
            for (std::size_t f = 0; f < t.record->fields.size(); ++f)
                if (!value_fits(v.items()[f], t.record->fields[f].type)) return false;
            return true;
    }
    return false;
}

}  // namespace reckon
