// A YAML case file as an interactive report carries it (docs/browser.md#what-the-page-holds): the inputs the
// ruleset declares and nothing else, and, in place of each case's identifier, its row: its position in the run,
// counted from 1. The case files are the run's, read and checked before; an interactive report made with
// --keep-ids carries them as they are.
#pragma once

#include "core/program/program.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace reckon {

// The file's text so reduced; `row` is the row of its first case, and is moved past its last.
std::string case_for_page(const Program& p, const std::string& path, std::uint64_t max_bytes, std::size_t& row);

}  // namespace reckon
