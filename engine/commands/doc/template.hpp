// `reckon template`: the blank case an analyst fills in, made from the
// ruleset's inputs so that, filled, it reads back as a case with no editing.
#pragma once

#include "core/program/program.hpp"

#include <string>
#include <vector>

namespace reckon {

// A YAML case with every input as a key, each with a comment giving its type
// (unit, bounds, members), its default and its description.
std::string yaml_template(const Program& p);

// The tables of a case table: the cases (a column per input, a record input
// a column per field) and one per list input (the identifier, then the
// element's fields), each column with what goes in it.
struct TemplateColumn {
    std::string header;       // the input's path, as in hostel.resident_weeks, or a list element's field
    const Type* type = nullptr;
    const Bounds* bounds = nullptr;
    std::string what;         // "a number in hour, at least 0", "one of: …", "a date, YYYY-MM-DD"
    std::string note;         // the default and the description
};
struct TemplateTable {
    std::string name;  // "cases", or the list input's path
    std::vector<TemplateColumn> columns;
};
std::vector<TemplateTable> template_tables(const Program& p);

// The CSV tables: each is a file name (NAME.csv) and its header row.
struct CsvTemplate {
    std::string file, header;
};
std::vector<CsvTemplate> csv_templates(const Program& p);

// The workbook an analyst fills in: sheet `cases`, a sheet per list input,
// and sheet `instructions` (what goes in each column); each column checked
// as it is typed (data validation): enumerations as a drop-down, dates as
// dates, numbers within their bounds, true or false. Throws std::runtime_error
// when the file cannot be written. created: the run's date (YYYY-MM-DD), the
// workbook's creation time, so that the same run gives the same bytes.
void write_template_workbook(const std::string& path, const Program& p, const std::string& created);

}  // namespace reckon
