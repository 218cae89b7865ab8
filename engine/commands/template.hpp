// `reckon template`: the blank case an analyst fills in, made from the
// ruleset's inputs so that, filled, it reads back as a case with no editing.
#pragma once

#include "core/program.hpp"

#include <string>
#include <vector>

namespace reckon {

// A YAML case with every input as a key, each with a comment giving its type
// (unit, bounds, members), its default and its description.
std::string yaml_template(const Program& p);

// The CSV tables of a case table: the cases (a column per input, a record
// input a column per field) and one per list input (the identifier, then
// the element's fields). Each is a file name and its header row.
struct CsvTemplate {
    std::string file, header;
};
std::vector<CsvTemplate> csv_templates(const Program& p);

}  // namespace reckon
