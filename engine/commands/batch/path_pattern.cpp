// Paths matched by a pattern (path_pattern.hpp), a name of the path at a time.
#include "commands/batch/path_pattern.hpp"

#include <algorithm>
#include <filesystem>

namespace reckon {
namespace fs = std::filesystem;

namespace {
#ifdef _WIN32
constexpr bool backslash_escapes = false;
bool is_separator(char c) { return c == '/' || c == '\\'; }
#else
constexpr bool backslash_escapes = true;
bool is_separator(char c) { return c == '/'; }
#endif

// One name of a path, and the separator written after it ("" for the last).
struct Part {
    std::string name, separator;
};

std::vector<Part> parts_of(const std::string& pattern) {
    std::vector<Part> out(1);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (is_separator(c)) {
            out.back().separator += c;
            if (i + 1 < pattern.size() && !is_separator(pattern[i + 1])) out.emplace_back();
        } else {
            if (backslash_escapes && c == '\\' && i + 1 < pattern.size()) out.back().name += pattern[i++];
            out.back().name += pattern[i];
        }
    }
    return out;
}

// `[…]` at p[i] (i at the '['): whether it admits c; i moved past the ']'. A '[' with no ']' is itself.
bool class_admits(const std::string& p, std::size_t& i, char c) {
    std::size_t j = i + 1;
    const bool negated = j < p.size() && (p[j] == '!' || p[j] == '^');
    if (negated) ++j;
    bool found = false;
    for (bool first = true; j < p.size() && (first || p[j] != ']'); first = false, ++j) {
        const char lo = p[j];
        if (j + 2 < p.size() && p[j + 1] == '-' && p[j + 2] != ']') {
            found = found || (lo <= c && c <= p[j + 2]);
            j += 2;
        } else {
            found = found || lo == c;
        }
    }
    if (j >= p.size()) {  // no closing ']': a plain '['
        ++i;
        return c == '[';
    }
    i = j + 1;
    return found != negated;
}

// Whether the name `s` matches the pattern `p` of one name.
bool name_matches(const std::string& p, std::size_t pi, const std::string& s, std::size_t si) {
    while (pi < p.size()) {
        const char c = p[pi];
        if (c == '*') {
            for (std::size_t k = si; k <= s.size(); ++k)
                if (name_matches(p, pi + 1, s, k)) return true;
            return false;
        }
        if (si >= s.size()) return false;
        if (c == '?') {
            ++pi;
        } else if (c == '[') {
            if (!class_admits(p, pi, s[si])) return false;
        } else {
            if (backslash_escapes && c == '\\' && pi + 1 < p.size()) ++pi;
            if (p[pi] != s[si]) return false;
            ++pi;
        }
        ++si;
    }
    return si == s.size();
}

std::string unescaped(const std::string& name) {
    if (!backslash_escapes) return name;
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) out += name[i] == '\\' && i + 1 < name.size() ? name[++i] : name[i];
    return out;
}
}  // namespace

bool has_wildcard(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

std::vector<std::string> match_path_pattern(const std::string& pattern) {
    const std::vector<Part> parts = parts_of(pattern);
    std::vector<std::string> found{""};  // the paths matched so far, each with its separator written after it
    for (std::size_t n = 0; n < parts.size(); ++n) {
        const Part& part = parts[n];
        const bool last = n + 1 == parts.size();
        std::vector<std::string> next;
        std::error_code ec;
        auto keep = [&](const std::string& path) {
            if (last ? fs::exists(path, ec) : fs::is_directory(path, ec)) next.push_back(path + part.separator);
        };
        for (const auto& at : found) {
            if (part.name.empty()) {  // the root of an absolute pattern
                next.push_back(at + part.separator);
                continue;
            }
            if (!has_wildcard(part.name)) {
                keep(at + unescaped(part.name));
                continue;
            }
            for (fs::directory_iterator it(at.empty() ? fs::path(".") : fs::path(at), ec), end; !ec && it != end; it.increment(ec)) {
                const std::string name = it->path().filename().string();
                if (name[0] == '.' && part.name[0] != '.') continue;
                if (name_matches(part.name, 0, name, 0)) keep(at + name);
            }
        }
        found = std::move(next);
    }
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace reckon
