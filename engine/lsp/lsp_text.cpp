// Positions, URIs and words of an open document.
#include "lsp/lsp_text.hpp"

#include <cctype>

namespace reckon::lsp {

namespace {
// The length of the UTF-8 sequence that starts with byte c (1 for a stray continuation byte).
std::size_t sequence_length(unsigned char c) {
    if (c >= 0xF0) return 4;
    if (c >= 0xE0) return 3;
    if (c >= 0xC0) return 2;
    return 1;
}
bool identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
}  // namespace

std::size_t offset_of(const std::string& text, Position at, bool* clamped) {
    std::size_t i = 0;
    for (std::uint32_t line = 0; line < at.line; ++line) {
        const std::size_t nl = text.find('\n', i);
        if (nl == std::string::npos) {
            if (clamped) *clamped = true;
            return text.size();
        }
        i = nl + 1;
    }
    std::uint32_t units = 0;
    while (units < at.character) {
        if (i >= text.size() || text[i] == '\n' || text[i] == '\r') {
            if (clamped) *clamped = true;
            return i;
        }
        const std::size_t n = sequence_length(static_cast<unsigned char>(text[i]));
        units += n == 4 ? 2 : 1;  // a character beyond the basic plane is two UTF-16 units
        i = std::min(text.size(), i + n);
    }
    return i;
}

Position position_of(const std::string& text, std::size_t offset) {
    Position p;
    std::size_t line_start = 0;
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++p.line;
            line_start = i + 1;
        }
    for (std::size_t i = line_start; i < offset;) {
        const std::size_t n = sequence_length(static_cast<unsigned char>(text[i]));
        p.character += n == 4 ? 2 : 1;
        i += n;
    }
    return p;
}

std::optional<std::string> path_of_uri(const std::string& uri) {
    if (uri.rfind("file://", 0) != 0) return std::nullopt;
    std::string rest = uri.substr(7), out;
    if (!rest.empty() && rest[0] != '/') {  // file://host/path: only the local host
        const auto slash = rest.find('/');
        if (slash == std::string::npos || rest.substr(0, slash) != "localhost") return std::nullopt;
        rest = rest.substr(slash);
    }
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == '%' && i + 2 < rest.size() && std::isxdigit(static_cast<unsigned char>(rest[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(rest[i + 2]))) {
            out.push_back(static_cast<char>(std::stoi(rest.substr(i + 1, 2), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(rest[i]);
        }
    }
    if (out.empty() || out.find('\0') != std::string::npos) return std::nullopt;
    return out;
}

std::string uri_of_path(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out = "file://";
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

std::optional<Word> word_at(const std::string& text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t b = offset, e = offset;
    while (b > 0 && identifier_char(text[b - 1])) --b;
    while (e < text.size() && identifier_char(text[e])) ++e;
    if (b == e || std::isdigit(static_cast<unsigned char>(text[b]))) return std::nullopt;
    Word w{b, e, text.substr(b, e - b), ""};
    if (b > 0 && text[b - 1] == '.') {
        std::size_t pb = b - 1;
        while (pb > 0 && identifier_char(text[pb - 1])) --pb;
        w.before = text.substr(pb, b - 1 - pb);
    }
    return w;
}

std::vector<std::size_t> occurrences(const std::string& text, const std::string& name) {
    std::vector<std::size_t> out;
    bool comment = false, string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            comment = false;
            continue;
        }
        if (comment) continue;
        if (string) {
            if (c == '\\') ++i;
            else if (c == '"') string = false;
            continue;
        }
        if (c == '#') {
            comment = true;
            continue;
        }
        if (c == '"') {
            string = true;
            continue;
        }
        if (!identifier_char(c) || (i > 0 && identifier_char(text[i - 1]))) continue;
        std::size_t e = i;
        while (e < text.size() && identifier_char(text[e])) ++e;
        if (e - i == name.size() && text.compare(i, name.size(), name) == 0 && !(i > 0 && text[i - 1] == '.')) out.push_back(i);
        i = e - 1;
    }
    return out;
}

bool is_identifier(const std::string& s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    for (char c : s)
        if (!identifier_char(c)) return false;
    return true;
}

}  // namespace reckon::lsp
