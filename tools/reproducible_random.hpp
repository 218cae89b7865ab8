// Random numbers that are the same on every machine for the same seed: the
// C++ standard fixes std::mt19937's output but not its distributions', so
// numbers are drawn from it with plain integer arithmetic here.
#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace reckon::tools {

class Random {
public:
    explicit Random(unsigned seed) : g_(seed) {}
    // uniform in [0, n), by rejection so that every value is equally likely
    unsigned below(unsigned n) {
        const std::uint32_t limit = 0xFFFFFFFFu - 0xFFFFFFFFu % n;
        std::uint32_t x;
        do x = static_cast<std::uint32_t>(g_()); while (x >= limit);
        return x % n;
    }
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<unsigned>(hi - lo + 1))); }
    bool chance(unsigned percent) { return below(100) < percent; }
    // a decimal with at most one place, from lo/10 to hi/10
    std::string tenths(unsigned lo, unsigned hi) {
        unsigned v = lo + below(hi - lo + 1);
        return std::to_string(v / 10) + (v % 10 ? "." + std::to_string(v % 10) : "");
    }

private:
    std::mt19937 g_;
};

}  // namespace reckon::tools
