// The workbook's shared strings (read_xlsx.hpp): the texts its sheets' cells point to by number, kept
// for as long as any of its sheets is read. Private to the workbook reader's files.
#pragma once

#include "data/xlsx_part.hpp"

#include <string>
#include <vector>

namespace reckon::xlsx {

// The shared strings part (xl/sharedStrings.xml): each string item's text, rich text runs joined, the
// phonetic guides (rPh) left out.
class SharedStringsHandler : public Handler {
public:
    std::vector<std::string> strings;
    void start(std::string_view name, const char**) override;
    void end(std::string_view name) override;
    void text(std::string_view s) override;

private:
    std::string current_;
    bool in_si_ = false, in_t_ = false;
    int phonetic_ = 0;
};

}  // namespace reckon::xlsx
