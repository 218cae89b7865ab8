// The workbook's shared strings (xlsx_shared_strings.hpp): a string item (si) is the text of its t
// elements, whether one plain t or the runs (r) of rich text, with the text of its phonetic guides left out.
#include "data/xlsx_shared_strings.hpp"

namespace reckon::xlsx {

void SharedStringsHandler::start(std::string_view name, const char**) {
    if (name == "si") {
        current_.clear();
        in_si_ = true;
    } else if (name == "rPh") {
        ++phonetic_;
    } else if (name == "t" && in_si_ && phonetic_ == 0) {
        in_t_ = true;
    }
}

void SharedStringsHandler::end(std::string_view name) {
    if (name == "si") {
        strings.push_back(std::move(current_));
        current_.clear();
        in_si_ = false;
    } else if (name == "rPh") {
        --phonetic_;
    } else if (name == "t") {
        in_t_ = false;
    }
}

void SharedStringsHandler::text(std::string_view s) {
    if (in_t_) current_ += s;
}

}  // namespace reckon::xlsx
