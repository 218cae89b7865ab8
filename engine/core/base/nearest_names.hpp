// "Did you mean": the names nearest to one that is not known, by edit
// distance (insertions, deletions, substitutions and swaps of two letters, as
// git suggests commands), within a few edits of its length.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace reckon {

// The candidates within reach of `name`, nearest first (ties in the
// candidates' order), at most `most`; none when none is that near.
std::vector<std::string> nearest_names(const std::string& name, const std::vector<std::string>& candidates,
                                       std::size_t most = 3);

// The nearest candidate, the first of equals; "" when none is that near.
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);

// "did you mean 'a'?", "did you mean 'a' or 'b'?", "did you mean 'a', 'b' or 'c'?"; "" for none.
std::string did_you_mean(const std::vector<std::string>& names);

}  // namespace reckon
