// Drawing a value of an uncertain figure: a keyed uniform number, turned into a sample of the declared
// distribution (by its inverse distribution function where it has a closed or a safe numerical one, else by
// Marsaglia and Tsang's gamma method on keyed uniforms), kept within the range, then made exact.
#include "commands/sensitivity/draws.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace reckon {

namespace {

// SplitMix64's finaliser: a good mix of 64 bits in a few operations (Steele, Lea and Flood, 2014).
std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// FNV-1a of a name: the figure's part of the key, so that adding a figure changes no other's draws.
std::uint64_t name_hash(const std::string& name) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : name) h = (h ^ c) * 0x100000001b3ULL;
    return h;
}

// The standard normal distribution function, and its inverse by safeguarded Newton steps on it.
double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

double normal_quantile(double p) {
    double lo = -40, hi = 40, z = 0;
    for (int i = 0; i < 200; ++i) {
        const double f = normal_cdf(z) - p;
        if (f == 0) return z;
        (f < 0 ? lo : hi) = z;
        const double density = std::exp(-0.5 * z * z) / std::sqrt(2 * std::numbers::pi);
        double next = density > 0 ? z - f / density : (lo + hi) / 2;
        if (!(next > lo && next < hi)) next = (lo + hi) / 2;
        if (std::fabs(next - z) < 1e-15 * std::max(1.0, std::fabs(z))) return next;
        z = next;
    }
    return z;
}

// A uniform in (0, 1) strictly between zero and one, from the stream `k` of the draw.
struct Stream {
    std::uint64_t seed, draw;
    const std::string& name;
    std::uint64_t next = 0;
    double uniform() { return keyed_uniform(seed, draw, name, next++); }
};

// A gamma(shape, 1) sample: Marsaglia and Tsang (2000), with the shape below one raised by one and scaled back.
double gamma_sample(double shape, Stream& s) {
    if (shape < 1) {
        const double g = gamma_sample(shape + 1, s);
        return g * std::pow(s.uniform(), 1 / shape);
    }
    const double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
    for (int tries = 0; tries < 10000; ++tries) {
        const double x = normal_quantile(s.uniform());
        double v = 1 + c * x;
        if (v <= 0) continue;
        v = v * v * v;
        const double u = s.uniform();
        if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v;
    }
    throw std::runtime_error("the gamma sampler did not converge");
}

double beta_sample(double a, double b, Stream& s) {
    const double x = gamma_sample(a, s), y = gamma_sample(b, s);
    return x / (x + y);
}

}  // namespace

double keyed_uniform(std::uint64_t seed, std::uint64_t draw, const std::string& name, std::uint64_t k) {
    std::uint64_t h = mix(seed ^ 0x9e3779b97f4a7c15ULL);
    h = mix(h ^ draw);
    h = mix(h ^ name_hash(name));
    h = mix(h ^ k);
    return (static_cast<double>(h >> 11) + 0.5) * 0x1.0p-53;  // 53 bits, never 0 or 1
}

Number draw_value(const Uncertain& u, const Number& value, std::uint64_t seed, std::uint64_t draw, const std::string& name) {
    const double lo = u.low.n().convert_to<double>(), hi = u.high.n().convert_to<double>();
    const double mode = value.convert_to<double>();
    Stream s{seed, draw, name};
    double x = 0;
    // a sample of a distribution with no closed inverse, kept to the range by drawing again
    const auto within = [&](const auto& sample) {
        for (int tries = 0; tries < 10000; ++tries) {
            const double v = sample();
            if (v >= lo && v <= hi) return v;
        }
        throw std::runtime_error("the range of " + name + " holds too little of its " + distribution_name(u.distribution) +
                                 " distribution to draw from");
    };
    switch (u.distribution) {
    case Distribution::none:
        return value;
    case Distribution::uniform:
        x = lo + s.uniform() * (hi - lo);
        break;
    case Distribution::triangular: {  // the inverse of its distribution function
        const double p = s.uniform(), cut = (mode - lo) / (hi - lo);
        x = p < cut ? lo + std::sqrt(p * (hi - lo) * (mode - lo)) : hi - std::sqrt((1 - p) * (hi - lo) * (hi - mode));
        break;
    }
    case Distribution::pert: {  // a beta over the range whose mode is the value (weight 4)
        const double a = 1 + 4 * (mode - lo) / (hi - lo), b = 1 + 4 * (hi - mode) / (hi - lo);
        x = lo + beta_sample(a, b, s) * (hi - lo);
        break;
    }
    case Distribution::normal: {  // truncated to the range: its inverse, over the share of it that the range holds
        const double sd = u.sd.n().convert_to<double>();
        const double pa = normal_cdf((lo - mode) / sd), pb = normal_cdf((hi - mode) / sd);
        x = mode + sd * normal_quantile(pa + s.uniform() * (pb - pa));
        break;
    }
    case Distribution::lognormal: {  // mean and sd of the value itself; truncated like the normal, on the log scale
        const double sd = u.sd.n().convert_to<double>();
        const double sigma2 = std::log(1 + sd * sd / (mode * mode)), sigma = std::sqrt(sigma2), mu = std::log(mode) - sigma2 / 2;
        const double pa = lo > 0 ? normal_cdf((std::log(lo) - mu) / sigma) : 0, pb = normal_cdf((std::log(hi) - mu) / sigma);
        x = std::exp(mu + sigma * normal_quantile(pa + s.uniform() * (pb - pa)));
        break;
    }
    case Distribution::gamma: {  // shape and scale from the mean and sd
        const double sd = u.sd.n().convert_to<double>();
        const double shape = mode * mode / (sd * sd), scale = sd * sd / mode;
        x = within([&] { return gamma_sample(shape, s) * scale; });
        break;
    }
    case Distribution::beta: {  // a proportion: its two shapes from the mean and sd
        const double sd = u.sd.n().convert_to<double>();
        const double common = mode * (1 - mode) / (sd * sd) - 1;
        x = within([&] { return beta_sample(mode * common, (1 - mode) * common, s); });
        break;
    }
    }
    // exact: the place within the range to a millionth of it
    double place = (x - lo) / (hi - lo);
    if (!(place >= 0)) place = 0;
    if (place > 1) place = 1;
    const auto millionths = static_cast<std::int64_t>(std::llround(place * 1e6));
    return u.low.n() + (u.high.n() - u.low.n()) * Number::ratio(millionths, 1000000);
}

}  // namespace reckon
