#include "core/base/source.hpp"

#include "core/base/shown_path.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace reckon {

SourceFile::SourceFile(std::string path, std::string text, bool keep_mark) : path_(std::move(path)), text_(std::move(text)) {
    if (!keep_mark && text_.rfind("\xEF\xBB\xBF", 0) == 0) text_.erase(0, 3);  // a byte-order mark says nothing here
    line_starts_.push_back(0);
    const char* const begin = text_.data();
    const char* const end = begin + text_.size();
    for (const char* at = begin; (at = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at))));)
        line_starts_.push_back(static_cast<std::uint32_t>(++at - begin));
}

SourceFile::SourceFile(std::string path, std::string text, std::uint32_t first_line, std::uint32_t document, bool keep_mark)
    : SourceFile(std::move(path), std::move(text), keep_mark) {
    first_line_ = first_line;
    document_ = document;
}

std::uint32_t SourceFile::line_of(std::uint32_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return static_cast<std::uint32_t>(it - line_starts_.begin()) + first_line_;
}

std::uint32_t SourceFile::column_of(std::uint32_t offset) const {
    std::uint32_t start = line_starts_[line_of(offset) - first_line_ - 1];
    std::uint32_t col = 1;
    for (std::uint32_t i = start; i < offset && i < text_.size(); ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;  // count UTF-8 lead bytes
    return col;
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
    if (line <= first_line_) return {};
    line -= first_line_;
    if (line > line_starts_.size()) return {};
    std::uint32_t b = line_starts_[line - 1];
    std::uint32_t e = line < line_starts_.size() ? line_starts_[line] - 1 : static_cast<std::uint32_t>(text_.size());
    if (e > b && text_[e - 1] == '\r') --e;
    return std::string_view(text_).substr(b, e - b);
}

std::optional<Diagnostic> check_text(const SourceFile& f) {
    const std::string& t = f.text();
    for (std::size_t i = 0; i < t.size();) {
        // Eight bytes at a time while they are ASCII and none is NUL, as nearly all of a case file is.
        while (i + 8 <= t.size()) {
            std::uint64_t w;
            std::memcpy(&w, t.data() + i, 8);
            const std::uint64_t high = 0x8080808080808080ULL;
            if ((w & high) != 0 || ((w - 0x0101010101010101ULL) & ~w & high) != 0) break;  // a byte >= 0x80, or a NUL
            i += 8;
        }
        if (i == t.size()) break;
        auto c = static_cast<unsigned char>(t[i]);
        auto at = [&](const char* what) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(t[i]));
            return Diagnostic{Location{&f, static_cast<std::uint32_t>(i), 1}, std::string(what) + " (byte " + hex + ")",
                              {"save the file as UTF-8 text"}};
        };
        if (c == 0) return at("a NUL byte: this is not a text file");
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > t.size()) return at("invalid UTF-8");
        std::uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        for (std::size_t k = 1; k < n; ++k) {
            auto d = static_cast<unsigned char>(t[i + k]);
            if ((d & 0xC0) != 0x80) return at("invalid UTF-8");
            cp = (cp << 6) | (d & 0x3F);
        }
        bool overlong = (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return at("invalid UTF-8");
        i += n;
    }
    return std::nullopt;
}

std::size_t display_width(std::string_view s) {
    std::size_t w = 0;
    for (unsigned char c : s) w += (c & 0xC0) != 0x80;
    return w;
}

std::vector<std::string> files_in(const std::string& folder, const std::vector<std::string>& extensions) {
    std::vector<std::string> found;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(folder, ec); !ec && it != std::filesystem::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file(ec) &&
            std::find(extensions.begin(), extensions.end(), it->path().extension().string()) != extensions.end())
            found.push_back(shown_path(it->path()));
    std::sort(found.begin(), found.end());
    return found;
}

std::string Location::str() const {
    if (!file) return "<command line>";
    return file->path() + ":" + std::to_string(line()) + ":" + std::to_string(column());
}

std::string render(const Diagnostic& d) {
    std::string out = d.where.str() + ": error: " + d.message + "\n";
    if (d.where.known()) {
        auto line = d.where.line();
        std::string_view text = d.where.file->line_text(line);
        std::uint32_t col = d.where.column();
        // A very long line is shown as a window around the place, with "..." where it is cut.
        std::vector<std::size_t> starts;  // byte offset of each character
        for (std::size_t i = 0; i < text.size(); ++i)
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
        const std::size_t width = 140;
        std::size_t first = 0, last = starts.size();
        if (starts.size() > width) {
            first = col > width / 2 ? std::min<std::size_t>(col - 1 - width / 2, starts.size() - width) : 0;
            last = first + width;
        }
        std::string_view shown = text.substr(first < starts.size() ? starts[first] : text.size(),
                                             (last < starts.size() ? starts[last] : text.size()) -
                                                 (first < starts.size() ? starts[first] : text.size()));
        std::string lead = first > 0 ? "..." : "";
        out += "  " + lead;
        for (std::size_t i = 0; i < shown.size(); ++i) {  // control characters and stray bytes shown as '?'
            auto c = static_cast<unsigned char>(shown[i]);
            bool control = (c < 0x20 && c != '\t') || c == 0x7F;
            bool stray = c >= 0x80 && (c & 0xC0) == 0x80 && (i == 0 || static_cast<unsigned char>(shown[i - 1]) < 0x80);
            bool bad_lead = c >= 0xF8 || (c >= 0xC0 && (i + 1 >= shown.size() || (static_cast<unsigned char>(shown[i + 1]) & 0xC0) != 0x80));
            out += control || stray || bad_lead ? '?' : shown[i];
        }
        out += last < starts.size() ? "...\n  " : "\n  ";
        out += std::string(lead.size(), ' ');
        for (std::size_t c = first + 1; c < col && c <= last; ++c) out += (c - 1 < starts.size() && text[starts[c - 1]] == '\t') ? '\t' : ' ';
        out += "^\n";
    }
    for (const auto& n : d.notes) out += "  note: " + n + "\n";
    if (d.where.known() && d.where.file->document())
        out += "  note: in document " + std::to_string(d.where.file->document()) + " of " + d.where.file->path() + "\n";
    return out;
}

std::string render(const std::vector<Diagnostic>& ds) {
    std::string out;
    for (const auto& d : ds) out += render(d);
    return out;
}

CompileError::CompileError(std::vector<Diagnostic> ds)
    : std::runtime_error(render(ds)), diagnostics_(std::move(ds)) {}

EvalError::EvalError(Location where, std::string message)
    : std::runtime_error(message), diagnostic_{where, std::move(message), {}} {}

EvalError::EvalError(Diagnostic d, std::size_t skipped)
    : std::runtime_error(d.message), diagnostic_(std::move(d)), skipped_(skipped) {}

}  // namespace reckon
