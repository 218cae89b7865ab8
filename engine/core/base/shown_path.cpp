#include "core/base/shown_path.hpp"

#include <algorithm>

namespace reckon {

std::string shown_path(const std::filesystem::path& p) {
    std::string text = p.string();
    // not generic_string(), which also joins doubled separators ("cases//a.yaml") and so would change Linux's output;
    // on Linux a `\` is a character of a name, never a separator
    if constexpr (std::filesystem::path::preferred_separator == '\\') std::replace(text.begin(), text.end(), '\\', '/');
    return text;
}

}  // namespace reckon
