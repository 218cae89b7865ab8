#include "core/base/nearest_names.hpp"

#include <algorithm>

namespace reckon {

namespace {

// Optimal string alignment distance: Levenshtein with a swap of two
// neighbouring letters counted as one edit ("fromat" is one edit from "format").
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

}  // namespace

std::vector<std::string> nearest_names(const std::string& name, const std::vector<std::string>& candidates, std::size_t most) {
    const std::size_t reach = std::max<std::size_t>(2, name.size() / 3);
    std::vector<std::pair<std::size_t, std::size_t>> near;  // distance, index
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (candidates[i] == name) continue;
        const std::size_t d = edit_distance(name, candidates[i]);
        if (d <= reach) near.emplace_back(d, i);
    }
    std::stable_sort(near.begin(), near.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (const auto& [d, i] : near) {
        if (out.size() == most) break;
        if (std::find(out.begin(), out.end(), candidates[i]) == out.end()) out.push_back(candidates[i]);
    }
    return out;
}

std::string closest_name(const std::string& name, const std::vector<std::string>& candidates) {
    auto near = nearest_names(name, candidates, 1);
    return near.empty() ? "" : near.front();
}

std::string did_you_mean(const std::vector<std::string>& names) {
    if (names.empty()) return "";
    std::string out = "did you mean ";
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += "'" + names[i] + "'";
    }
    return out + "?";
}

}  // namespace reckon
