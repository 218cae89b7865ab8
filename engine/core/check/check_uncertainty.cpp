// The check of a param's or a table cell's declared uncertainty: `range LOW to HIGH`, each end a value written out in the param's
// type with its own source, and `distributed KIND [sd X]`, whose parameters are checked against the value and the
// range they describe.
#include "core/check/check.hpp"

#include <array>

namespace reckon {

namespace {
constexpr std::array<std::pair<Distribution, const char*>, 7> distributions{{
    {Distribution::uniform, "uniform"},
    {Distribution::triangular, "triangular"},
    {Distribution::pert, "pert"},
    {Distribution::normal, "normal"},
    {Distribution::lognormal, "lognormal"},
    {Distribution::gamma, "gamma"},
    {Distribution::beta, "beta"},
}};

// A value as written in the source: an end of a range, the sd, the value itself.
std::string text_of(const ast::Expr& e) {
    return e.where.file ? std::string(e.where.file->text().substr(e.where.offset, e.where.length)) : std::string();
}
}  // namespace

std::optional<Distribution> distribution_named(std::string_view name) {
    for (const auto& [d, n] : distributions)
        if (name == n) return d;
    return std::nullopt;
}

const char* distribution_name(Distribution d) {
    switch (d) {
    case Distribution::none: return "none";
    case Distribution::uniform: return "uniform";
    case Distribution::triangular: return "triangular";
    case Distribution::pert: return "pert";
    case Distribution::normal: return "normal";
    case Distribution::lognormal: return "lognormal";
    case Distribution::gamma: return "gamma";
    case Distribution::beta: return "beta";
    }
    return "none";
}

bool takes_sd(Distribution d) {
    switch (d) {
    case Distribution::normal:
    case Distribution::lognormal:
    case Distribution::gamma:
    case Distribution::beta: return true;
    case Distribution::none:
    case Distribution::uniform:
    case Distribution::triangular:
    case Distribution::pert: return false;
    }
    return false;
}

// A param's or a cell's range (and its distribution, if declared): checked against its value; nullopt after an error.
std::optional<Uncertain> Checker::check_uncertainty(const ast::Uncertainty& u, const std::string& who, const Type& type, const Node* value_node,
                                                     const ast::Expr* written_value) {
    if (!may_have_range(u, who, type, value_node)) return std::nullopt;
    auto low = range_value(*u.low, who, type, "the low end of the range");
    auto high = u.high ? range_value(*u.high, who, type, "the high end of the range") : std::nullopt;
    if (!low || !high) return std::nullopt;
    Uncertain out;
    out.low = *low;
    out.high = *high;
    out.low_text = text_of(*u.low);
    out.high_text = text_of(*u.high);
    out.low_source = u.low_source;
    out.high_source = u.high_source;
    out.where = u.where;
    const Number& value = value_node->value.n();
    const std::string value_text = written_value ? text_of(*written_value) : std::string();
    bool ok = true;
    if (!(low->n() < high->n())) {
        error(u.low->where, "the range of " + who + " goes from low to high, and " + out.low_text + " is not below " + out.high_text);
        return std::nullopt;
    }
    if (value < low->n() || value > high->n()) {
        error(written_value ? written_value->where : u.where, "the value of " + who + ", " + value_text + ", is outside its range " + out.low_text + " to " + out.high_text);
        ok = false;
    }
    if (!u.distribution.empty() && !check_distribution(u, who, type, value, value_text, out)) return std::nullopt;
    if (!ok) return std::nullopt;
    return out;
}

// Whether what is declared can have a range: a range is declared (not a distribution alone), and the value is a
// number written out; an error when not (none when the value's type is in error, already said).
bool Checker::may_have_range(const ast::Uncertainty& u, const std::string& who, const Type& type, const Node* value_node) {
    if (!u.low) {
        error(u.distribution_where, who + " has a distribution and no range",
              {"a distribution is declared over a range: range LOW to HIGH, each end with its source"});
        return false;
    }
    if (type.is_error() || !value_node) return false;
    if (type.kind != TypeKind::number || type.optional) {
        error(u.where, who + " is " + describe(type) + ": only a number, a quantity or an amount of money has a range");
        return false;
    }
    if (value_node->op != Op::constant) {
        error(u.where, who + " has a range, and its value is a formula",
              {"a value with a range is written out, such as 6.5 hour or £45,000/year"});
        return false;
    }
    return true;
}

// An end of the range or the sd: a value written out, of the param's type.
std::optional<Value> Checker::range_value(const ast::Expr& e, const std::string& who, const Type& type, const std::string& what) {
    NodePtr n = constant(e, type, what + " of " + who);
    if (!n) return std::nullopt;
    if (n->op != Op::constant) {
        error(e.where, what + " of " + who + " is a value written out, such as 3.5 hour or £39,000/year");
        return std::nullopt;
    }
    return n->value;
}

// `distributed KIND [sd X]`: a distribution reckon draws from, with an sd when it takes one (to out.sd), and
// fitting the value and its range. False after an error.
bool Checker::check_distribution(const ast::Uncertainty& u, const std::string& who, const Type& type, const Number& value,
                                 const std::string& value_text, Uncertain& out) {
    const auto kind = distribution_named(u.distribution);
    if (!kind) {
        error(u.distribution_where, "'" + u.distribution + "' is not a distribution reckon draws from",
              {"the distributions are: uniform, triangular, pert, normal, lognormal, gamma and beta"});
        return false;
    }
    out.distribution = *kind;
    const std::string as = std::string("a ") + distribution_name(*kind) + " distribution";
    if (takes_sd(*kind) && !u.sd) {
        error(u.distribution_where, as + " is declared with its standard deviation: distributed " + u.distribution + " sd X",
              {"its mean is the param's value; X is in the param's unit"});
        return false;
    }
    if (!takes_sd(*kind) && u.sd) {
        error(u.sd->where, as + " is fixed by the range and the value (its mode): it takes no 'sd'");
        return false;
    }
    if (u.sd) {
        auto sd = range_value(*u.sd, who, type, "the standard deviation");
        if (!sd) return false;
        if (!(sd->n() > Number(0))) {
            error(u.sd->where, "the standard deviation of " + who + " must be above zero, not " + text_of(*u.sd));
            return false;
        }
        out.sd = *sd;
        out.sd_text = text_of(*u.sd);
    }
    return distribution_fits(u, who, type, value, value_text, out);
}

// A lognormal or a gamma distribution is of a value above zero; a beta, of a proportion, whose variance is below
// mean x (1 - mean). The others fit any value in its range. False after an error.
bool Checker::distribution_fits(const ast::Uncertainty& u, const std::string& who, const Type& type, const Number& value,
                                const std::string& value_text, const Uncertain& out) {
    const std::string as = std::string("a ") + distribution_name(out.distribution) + " distribution";
    const Number& low = out.low.n();
    const Number& high = out.high.n();
    switch (out.distribution) {
    case Distribution::lognormal:
    case Distribution::gamma:
        if (!(value > Number(0)) || low < Number(0)) {
            error(u.distribution_where, as + " is of a value above zero, and " + who + " is " + value_text + " with a range from " +
                                            out.low_text, {"its value must be above zero, and the low end of its range not below zero"});
            return false;
        }
        return true;
    case Distribution::beta:
        if (!p_.units.dimension(type.unit).empty()) {
            error(u.distribution_where, as + " is of a proportion, and " + who + " is " + describe(type));
            return false;
        }
        if (!(value > Number(0)) || !(value < Number(1)) || low < Number(0) || high > Number(1)) {
            error(u.distribution_where, as + " is of a proportion, and " + who + " is " + value_text + " with a range from " +
                                            out.low_text + " to " + out.high_text,
                  {"a proportion's value is above 0 and below 1 (0% and 100%), and its range within them"});
            return false;
        }
        if (!(out.sd.n() * out.sd.n() < value * (Number(1) - value))) {
            error(u.sd->where, "no beta distribution has mean " + value_text + " and standard deviation " + out.sd_text,
                  {"the variance must be below mean x (1 - mean)"});
            return false;
        }
        return true;
    case Distribution::none:
    case Distribution::uniform:
    case Distribution::triangular:
    case Distribution::pert:
    case Distribution::normal: return true;
    }
    return true;
}

}  // namespace reckon
