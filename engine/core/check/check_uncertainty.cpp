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

std::optional<Uncertain> Checker::check_uncertainty(const ast::Uncertainty& u, const std::string& who, const Type& type, const Node* value_node,
                                                     const ast::Expr* written_value) {
    if (!u.low) {
        error(u.distribution_where, who + " has a distribution and no range",
              {"a distribution is declared over a range: range LOW to HIGH, each end with its source"});
        return std::nullopt;
    }
    if (type.is_error() || !value_node) return std::nullopt;
    if (type.kind != TypeKind::number || type.optional) {
        error(u.where, who + " is " + describe(type) + ": only a number, a quantity or an amount of money has a range");
        return std::nullopt;
    }
    if (value_node->op != Op::constant) {
        error(u.where, who + " has a range, and its value is a formula",
              {"a value with a range is written out, such as 6.5 hour or £45,000/year"});
        return std::nullopt;
    }
    const auto text_of = [](const ast::Expr& e) {
        return e.where.file ? std::string(e.where.file->text().substr(e.where.offset, e.where.length)) : std::string();
    };
    // an end or the sd: a value written out, of the param's type
    const auto written = [&](const ast::Expr& e, const std::string& what) -> std::optional<Value> {
        NodePtr n = constant(e, type, what + " of " + who);
        if (!n) return std::nullopt;
        if (n->op != Op::constant) {
            error(e.where, what + " of " + who + " is a value written out, such as 3.5 hour or £39,000/year");
            return std::nullopt;
        }
        return n->value;
    };
    auto low = written(*u.low, "the low end of the range");
    auto high = u.high ? written(*u.high, "the high end of the range") : std::nullopt;
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
    if (!u.distribution.empty()) {
        const auto kind = distribution_named(u.distribution);
        if (!kind) {
            error(u.distribution_where, "'" + u.distribution + "' is not a distribution reckon draws from",
                  {"the distributions are: uniform, triangular, pert, normal, lognormal, gamma and beta"});
            return std::nullopt;
        }
        out.distribution = *kind;
        const std::string as = std::string("a ") + distribution_name(*kind) + " distribution";
        if (takes_sd(*kind) && !u.sd) {
            error(u.distribution_where, as + " is declared with its standard deviation: distributed " + u.distribution + " sd X",
                  {"its mean is the param's value; X is in the param's unit"});
            return std::nullopt;
        }
        if (!takes_sd(*kind) && u.sd) {
            error(u.sd->where, as + " is fixed by the range and the value (its mode): it takes no 'sd'");
            return std::nullopt;
        }
        if (u.sd) {
            auto sd = written(*u.sd, "the standard deviation");
            if (!sd) return std::nullopt;
            if (!(sd->n() > Number(0))) {
                error(u.sd->where, "the standard deviation of " + who + " must be above zero, not " + text_of(*u.sd));
                return std::nullopt;
            }
            out.sd = *sd;
            out.sd_text = text_of(*u.sd);
        }
        switch (*kind) {
        case Distribution::lognormal:
        case Distribution::gamma:
            if (!(value > Number(0)) || low->n() < Number(0)) {
                error(u.distribution_where, as + " is of a value above zero, and " + who + " is " + value_text + " with a range from " +
                                                out.low_text, {"its value must be above zero, and the low end of its range not below zero"});
                ok = false;
            }
            break;
        case Distribution::beta: {
            if (!p_.units.dimension(type.unit).empty()) {
                error(u.distribution_where, as + " is of a proportion, and " + who + " is " + describe(type));
                return std::nullopt;
            }
            if (!(value > Number(0)) || !(value < Number(1)) || low->n() < Number(0) || high->n() > Number(1)) {
                error(u.distribution_where, as + " is of a proportion, and " + who + " is " + value_text + " with a range from " +
                                                out.low_text + " to " + out.high_text,
                      {"a proportion's value is above 0 and below 1 (0% and 100%), and its range within them"});
                ok = false;
            } else if (!(out.sd.n() * out.sd.n() < value * (Number(1) - value))) {
                error(u.sd->where, "no beta distribution has mean " + value_text + " and standard deviation " + out.sd_text,
                      {"the variance must be below mean x (1 - mean)"});
                ok = false;
            }
            break;
        }
        case Distribution::none:
        case Distribution::uniform:
        case Distribution::triangular:
        case Distribution::pert:
        case Distribution::normal: break;
        }
    }
    if (!ok) return std::nullopt;
    return out;
}

}  // namespace reckon
