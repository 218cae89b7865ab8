// Units of measure, static types and run-time values.
#pragma once

#include "core/base/number.hpp"
#include "core/base/source.hpp"

#include <map>
#include <optional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace reckon {

// A unit as a product of declared units with integer powers: GBP/hour is
// {(GBP,1),(hour,-1)}. Values are held in base units, so multiplying and
// dividing values needs no conversion; a Unit's scale says how many base
// units one of it is, for literals, case inputs and display.
class Unit {
public:
    Unit() = default;
    static Unit of(int unit_id) { Unit u; u.terms_.push_back({unit_id, 1}); return u; }
    bool dimensionless_syntax() const { return terms_.empty(); }
    const std::vector<std::pair<int, int>>& terms() const { return terms_; }
    Unit times(const Unit& o, int sign = 1) const;
    Unit power(int p) const;
    bool operator==(const Unit& o) const { return terms_ == o.terms_; }

private:
    std::vector<std::pair<int, int>> terms_;  // sorted by unit id, no zero powers
};

// The base units a unit stands for: hour is minute^1, GBP/hour is GBP^1 minute^-1.
using Dimension = std::vector<std::pair<int, int>>;

struct UnitDef {
    std::string name;
    std::string symbol;     // currencies: "£"
    bool currency = false;
    Number scale = 1;       // in base units
    Dimension dimension;    // over base unit ids
    Location where;
    std::string description, source;
};

class UnitTable {
public:
    int add(UnitDef def);  // returns the unit's id
    int find(const std::string& name) const;  // -1 if unknown
    int find_symbol(const std::string& symbol) const;
    const UnitDef& def(int id) const { return defs_.at(id); }
    const std::vector<UnitDef>& all() const { return defs_; }

    Dimension dimension(const Unit& u) const;
    Number scale(const Unit& u) const;
    bool same_dimension(const Unit& a, const Unit& b) const { return dimension(a) == dimension(b); }
    // Money, or money per something (£, £/week): shown to the penny.
    bool shows_money(const Unit& u) const;
    std::string name(const Unit& u) const;  // "GBP/hour"; "" for none
    // How money and money per one something are written: the currency's
    // symbol, and what the amount is per ("/week", or "" for plain money);
    // nullopt for any other unit (hours, GBP*hour, a currency with no symbol).
    struct MoneyShape {
        std::string symbol, per;
    };
    std::optional<MoneyShape> money_shape(const Unit& u) const;
    // A product that is money once units of one dimension cancel (minute*GBP/hour, 12 minutes at £186/hour, is
    // GBP) as that money; any other unit as it is (hour/week stays a rate).
    Unit cancelled_to_money(const Unit& u) const;
    // A number as a case file or a case table writes it for a value in unit u, in u: 1,650; with u's name after
    // it (1,650 hour/year); money with its symbol (£1,200) and a rate with its unit too, as reckon prints it
    // (£32,000/year); a plain number as a percentage (20%); a number with another declared unit of u's dimension,
    // converted exactly (1.5 hour for a value in minutes is 90). nullopt for any other text.
    std::optional<Number> written_number(const Unit& u, std::string_view text) const;

private:
    std::vector<UnitDef> defs_;
    std::map<std::string, int> by_name_;
};

enum class TypeKind { error, number, boolean, text, date, list, record, enumeration, grouped };

struct RecordDef;

// `type Status = one of full_year, pro_rata, ...`: a value is one of the members.
// A figure by members of two enumerations or more (`rule cost(g: Grade, e: Edition)`) is by their product, an
// enumeration of every pair ("band5, pssru_2022"), the first factor's member changing slowest.
struct EnumDef {
    std::string name;
    std::vector<std::string> members;
    std::vector<std::string> labels;  // each member's label for readers (`pro_rata "Pro rata"`), or ""
    std::vector<Location> member_where;
    Location where;
    std::vector<const EnumDef*> factors;  // a product: the enumerations it is of, in order; else empty
    // A member by its label where it has one, else its name: the terminal's tables ("Pro rata", "not_on_scheme").
    const std::string& labelled(std::size_t m) const { return m < labels.size() && !labels[m].empty() ? labels[m] : members.at(m); }
    // A member as readers of a report read it: its label, or its name with spaces for underscores ("not on scheme").
    std::string shown(std::size_t m) const {
        if (!factors.empty()) {
            std::string out;
            const auto parts = factor_members(m);
            for (std::size_t f = 0; f < factors.size(); ++f) out += (f ? ", " : "") + factors[f]->shown(parts[f]);
            return out;
        }
        if (m < labels.size() && !labels[m].empty()) return labels[m];
        std::string name = members.at(m);
        for (char& c : name)
            if (c == '_') c = ' ';
        return name;
    }
    int member(std::string_view m) const {
        for (std::size_t i = 0; i < members.size(); ++i)
            if (members[i] == m) return static_cast<int>(i);
        return -1;
    }
    // A product's member: each factor's member, in order.
    std::vector<std::size_t> factor_members(std::size_t m) const {
        std::vector<std::size_t> out(factors.size());
        for (std::size_t f = factors.size(); f-- > 0;) {
            out[f] = m % factors[f]->members.size();
            m /= factors[f]->members.size();
        }
        return out;
    }
    // The member written as "OffenceType.shoplifting" (or, with bare, "shoplifting"); of a product, one of each
    // factor in order: "Grade.band5, Edition.pssru_2022". -1 when it names none.
    int member_written(const std::string& written, bool bare) const;
    // How member m is written: "OffenceType.shoplifting", "Grade.band5, Edition.pssru_2022".
    std::string written(std::size_t m) const;
    std::string example() const { return written(0); }
};

struct Type {
    TypeKind kind = TypeKind::error;
    Unit unit;                            // number
    std::shared_ptr<const Type> element;  // list
    const RecordDef* record = nullptr;    // record
    const EnumDef* enumeration = nullptr; // enumeration; grouped: the key of the group
    bool optional = false;                // may be absent (`optional date`, or `none`)

    static Type number(Unit u = {}) { Type t; t.kind = TypeKind::number; t.unit = std::move(u); return t; }
    static Type of(TypeKind k) { Type t; t.kind = k; return t; }
    static Type list_of(Type e) { Type t; t.kind = TypeKind::list; t.element = std::make_shared<Type>(std::move(e)); return t; }
    static Type enum_of(const EnumDef* e) { Type t; t.kind = TypeKind::enumeration; t.enumeration = e; return t; }
    // a figure for each member of an enumeration: `rule saving(t: OffenceType)`
    static Type grouped_by(const EnumDef* e, Type v) { Type t; t.kind = TypeKind::grouped; t.enumeration = e; t.element = std::make_shared<Type>(std::move(v)); return t; }
    Type required() const { Type t = *this; t.optional = false; return t; }
    bool is_error() const { return kind == TypeKind::error; }
};

// A value's range as declared on an input: `hour min 0 max 200`.
struct Bounds {
    std::optional<Number> min, max;  // in base units
};

struct FieldDef {
    std::string name;
    Type type;
    Bounds bounds;
    Location where;
};

struct RecordDef {
    std::string name;  // empty for an inline record
    std::vector<FieldDef> fields;
    Location where;
    int field(std::string_view n) const {
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (fields[i].name == n) return static_cast<int>(i);
        return -1;
    }
};

// Describes a type to a person: "GBP/hour", "list of minute", "text".
std::string describe(const Type& t, const UnitTable& units);
// Whether a value of t is one value, written out in a --param, a scenario or a test's given (a number, money, a date,
// a text, a member, a yes or no, optional or not), rather than a list, a record or a figure by member.
bool one_value(const Type& t);
// Units compared by dimension; whether a value may be absent is not compared.
bool same_type(const Type& a, const Type& b, const UnitTable& units);

class Value;

// The values of a list (or a record's fields, in order), read where the list holds them: what Value::items()
// gives. *v.items() and v.items()->size() read as they would through a pointer to a vector.
class ValueSpan {
public:
    ValueSpan(const Value* data, std::size_t size) : data_(data), size_(size) {}
    const Value* begin() const { return data_; }
    const Value* end() const;
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const Value& operator[](std::size_t i) const;
    const Value& at(std::size_t i) const;  // throws std::out_of_range
    const Value& front() const { return *data_; }
    const Value& back() const;
    std::vector<Value> copy() const;  // the values, copied out (to make a list with one changed)
    ValueSpan operator*() const { return *this; }
    const ValueSpan* operator->() const { return this; }

private:
    const Value* data_;
    std::size_t size_;
};

// A run-time value: one thing at a time. `none` is an absent value (an
// optional input not given, or `none`); numbers (in base units), dates (days
// since 1970-01-01) and enumeration members (by index) hold a Number; a truth
// value a bool; a text a shared string; a list (or a record's fields, in
// order) a shared block of values, one allocation with its count. Reading it as what it does not hold throws
// std::bad_variant_access, which the command line reports as a bug.
class Value {
public:
    enum class Kind : std::uint8_t { none, number, boolean, text, date, list, member };
    using Text = std::shared_ptr<const std::string>;

    Kind kind = Kind::none;

    static Value number(Number x) { return Value(Kind::number, std::move(x)); }
    static Value boolean(bool x) { return Value(Kind::boolean, x); }
    static Value text(std::string x) { return Value(Kind::text, std::make_shared<const std::string>(std::move(x))); }
    static Value date(long days) { return Value(Kind::date, Number(days)); }
    static Value member(int index) { return Value(Kind::member, Number(index)); }
    static Value list(std::vector<Value> xs);

    Value() = default;
    // number, date, member
    const Number& n() const { return std::get<Number>(data_); }
    Number& n() { return std::get<Number>(data_); }
    bool b() const { return std::get<bool>(data_); }
    const Text& s() const { return std::get<Text>(data_); }
    ValueSpan items() const {
        const Items& i = std::get<Items>(data_);
        return {i.values.get(), i.size};
    }

private:
    // A list's values and the control block that counts its owners, in one allocation (so that a record's
    // fields are one step from the list that holds it); none for an empty list.
    struct Items {
        std::shared_ptr<const Value[]> values;
        std::size_t size = 0;
    };
    template <typename T>
    Value(Kind k, T&& x) : kind(k), data_(std::forward<T>(x)) {}

    std::variant<std::monostate, Number, bool, Text, Items> data_;
};

inline const Value* ValueSpan::end() const { return data_ + size_; }
inline const Value& ValueSpan::operator[](std::size_t i) const { return data_[i]; }
inline const Value& ValueSpan::back() const { return data_[size_ - 1]; }
inline std::vector<Value> ValueSpan::copy() const { return std::vector<Value>(begin(), end()); }
inline const Value& ValueSpan::at(std::size_t i) const {
    if (i >= size_) throw std::out_of_range("a list has no element " + std::to_string(i));
    return data_[i];
}

inline Value Value::list(std::vector<Value> xs) {
    Items items;
    items.size = xs.size();
    if (!xs.empty()) {
#if __cpp_lib_shared_ptr_arrays >= 201707L
        std::shared_ptr<Value[]> block = std::make_shared<Value[]>(xs.size());  // one allocation
#else
        std::shared_ptr<Value[]> block(new Value[xs.size()]);  // libc++ 14 (emscripten's) has no make_shared<T[]>
#endif
        for (std::size_t i = 0; i < xs.size(); ++i) block[i] = std::move(xs[i]);
        items.values = std::move(block);
    }
    return Value(Kind::list, std::move(items));
}

// Civil date <-> days since 1970-01-01 (proleptic Gregorian).
long days_from_civil(int y, unsigned m, unsigned d);
void civil_from_days(long z, int& y, unsigned& m, unsigned& d);
bool valid_date(int y, unsigned m, unsigned d);
// "2010-09-15" -> days; nullopt when not a real date.
std::optional<long> parse_date(std::string_view text);
std::string format_date(long days);

}  // namespace reckon
