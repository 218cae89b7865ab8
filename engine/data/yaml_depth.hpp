// A guard for hostile YAML (load_case.hpp): how deeply a text's mappings and lists nest, found line by
// line before the YAML parser, which recurses into them, is given the text. Private to the case loader.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace reckon::case_yaml {

// How deeply the mappings and lists of a YAML text nest, line by line (block
// indentation, "- " items and [ { brackets), so that a hostile file is
// refused before the YAML parser recurses into it. Returns where the limit
// is passed, if it is.
std::optional<std::uint32_t> too_deep(const std::string& t, std::uint64_t limit);

}  // namespace reckon::case_yaml
