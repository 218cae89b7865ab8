// Exact Shapley values: a figure's change shared among the changes that made it, the same whatever order they
// are listed in, adding up exactly to the change.
#include "commands/diff/attribution.hpp"

#include <bit>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace reckon {

namespace {

// |S|!(n-|S|-1)!/n! for each size |S| of a coalition without the player: the share of the orders in which the
// player comes just after exactly the players of S.
std::vector<Number> order_weights(std::size_t n) {
    std::vector<Integer> factorial(n + 1, Integer(1));
    for (std::size_t k = 1; k <= n; ++k) factorial[k] = factorial[k - 1] * Integer(static_cast<unsigned>(k));
    std::vector<Number> w;
    for (std::size_t s = 0; s < n; ++s) w.push_back(Number(factorial[s] * factorial[n - s - 1], factorial[n]));
    return w;
}

}  // namespace

std::vector<Number> shapley_shares(std::size_t players, const std::vector<Number>& values) {
    if (players > 20 || values.size() != (std::size_t{1} << players))
        throw std::logic_error("shapley_shares: " + std::to_string(values.size()) + " values for " + std::to_string(players) + " players");
    const std::vector<Number> w = order_weights(players);
    std::vector<Number> shares(players, Number(0));
    for (std::size_t i = 0; i < players; ++i) {
        const std::uint64_t bit = std::uint64_t{1} << i;
        for (std::uint64_t s = 0; s < values.size(); ++s)
            if (!(s & bit) && values[s | bit] != values[s]) shares[i] += w[static_cast<std::size_t>(std::popcount(s))] * (values[s | bit] - values[s]);
    }
    Number total(0);
    for (const auto& x : shares) total += x;
    if (total != values.back() - values.front())  // efficiency: the shares are the whole change, no more, no less
        throw std::logic_error("shapley_shares: the shares add up to " + total.str() + ", not the change " + (values.back() - values.front()).str());
    return shares;
}

Number pair_interaction(const std::vector<Number>& values, std::size_t i, std::size_t j) {
    const std::uint64_t a = std::uint64_t{1} << i, b = std::uint64_t{1} << j;
    return values[a | b] - values[a] - values[b] + values[0];
}

}  // namespace reckon
