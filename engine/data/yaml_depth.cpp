// A guard for hostile YAML (yaml_depth.hpp): block indentation, "- " items and flow brackets counted
// line by line, quotes and comments skipped, without parsing the text. Most of a line cannot nest: only
// the bytes that can ('#', quotes and brackets) are looked at one by one.
#include "data/yaml_depth.hpp"

#include <array>
#include <string_view>
#include <vector>

namespace reckon::case_yaml {

namespace {

// The bytes that too_deep() looks at outside quotes: the rest of a line is skipped.
constexpr std::array<bool, 256> nesting_mark = [] {
    std::array<bool, 256> marks{};
    for (unsigned char c : std::string_view("#\"'[]{}")) marks[c] = true;
    return marks;
}();

}  // namespace

std::optional<std::uint32_t> too_deep(const std::string& t, std::uint64_t limit) {
    std::vector<std::size_t> indents;
    std::uint64_t flow = 0;
    char quote = 0;
    for (std::size_t line = 0; line < t.size();) {
        std::size_t end = t.find('\n', line);
        if (end == std::string::npos) end = t.size();
        std::size_t i = line;
        if (flow == 0 && !quote) {
            while (i < end && t[i] == ' ') ++i;
            if (i < end && t[i] != '#' && t[i] != '\r') {
                std::size_t indent = i - line;
                while (!indents.empty() && indents.back() >= indent) indents.pop_back();
                indents.push_back(indent);
                while (i + 1 < end && t[i] == '-' && (t[i + 1] == ' ' || t[i + 1] == '\t')) {
                    i += 2;
                    while (i < end && t[i] == ' ') ++i;
                    indents.push_back(i - line);
                }
            }
        }
        for (; i < end; ++i) {
            if (!quote && indents.size() + flow <= limit) {  // skip what cannot nest: most of a line
                while (i < end && !nesting_mark[static_cast<unsigned char>(t[i])]) ++i;
                if (i == end) break;
            }
            char c = t[i];
            if (quote) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"') ++i;
                continue;
            }
            if (c == '#' && (i == line || t[i - 1] == ' ')) break;
            if (c == '"' || c == '\'') quote = c;
            else if (c == '[' || c == '{') ++flow;
            else if ((c == ']' || c == '}') && flow > 0) --flow;
            if (indents.size() + flow > limit) return static_cast<std::uint32_t>(i);
        }
        if (indents.size() + flow > limit) return static_cast<std::uint32_t>(line);
        if (quote == '\'') quote = 0;  // single-quoted scalars rarely span lines; do not let one swallow the file
        line = end + 1;
    }
    return std::nullopt;
}

}  // namespace reckon::case_yaml
