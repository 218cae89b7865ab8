// Source buffers, positions and the one diagnostic shape used everywhere:
//   file:line:col: error: message
//     the source line
//     ^ caret
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

// A file read into memory once. Locations point into it, so it is kept
// alive (by the Program or the Case) for as long as diagnostics may be shown.
class SourceFile {
public:
    SourceFile(std::string path, std::string text, bool keep_mark = false);
    // One document of a stream of cases: its lines are numbered as in the
    // file (first_line lines come before it); document is its number in the
    // stream, shown in diagnostics (0: not shown).
    // A byte-order mark at its start is dropped, as for a file, unless it is
    // part of a file whose start is elsewhere (keep_mark).
    SourceFile(std::string path, std::string text, std::uint32_t first_line, std::uint32_t document, bool keep_mark = false);
    const std::string& path() const { return path_; }
    const std::string& text() const { return text_; }
    std::uint32_t document() const { return document_; }
    // 1-based line and column (column counted in characters, not bytes).
    std::uint32_t line_of(std::uint32_t offset) const;
    std::uint32_t column_of(std::uint32_t offset) const;
    std::string_view line_text(std::uint32_t line) const;

private:
    std::string path_;
    std::string text_;
    std::vector<std::uint32_t> line_starts_;
    std::uint32_t first_line_ = 0, document_ = 0;
};

using SourcePtr = std::shared_ptr<const SourceFile>;

// Reads a file of at most max_bytes (the file-size limit); throws
// std::runtime_error with a readable message on failure.
SourcePtr read_source(const std::string& path, std::uint64_t max_bytes);

// Characters, not bytes, of UTF-8 text: for lining up columns.
std::size_t display_width(std::string_view s);

// The regular files with one of `extensions` (".yaml") in a folder and below, sorted.
std::vector<std::string> files_in(const std::string& folder, const std::vector<std::string>& extensions);


struct Location {
    const SourceFile* file = nullptr;
    std::uint32_t offset = 0;
    std::uint32_t length = 1;

    bool known() const { return file != nullptr; }
    std::uint32_t line() const { return file ? file->line_of(offset) : 0; }
    std::uint32_t column() const { return file ? file->column_of(offset) : 0; }
    // "file:line:col"
    std::string str() const;
};

struct Diagnostic {
    Location where;
    std::string message;
    std::vector<std::string> notes;  // extra lines ("note: ...") after the caret
};

// The diagnostic as shown to a person: header line, source line, caret, notes.
std::string render(const Diagnostic& d);
std::string render(const std::vector<Diagnostic>& ds);

// A file that is not UTF-8 text (invalid bytes, a NUL): the first such byte.
std::optional<Diagnostic> check_text(const SourceFile& f);

// Static phases collect diagnostics; this is what they return when any exist.
class CompileError : public std::runtime_error {
public:
    explicit CompileError(std::vector<Diagnostic> ds);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

// An input that cannot be read as a whole (a file that cannot be opened or is over the size limit, a workbook
// without the sheet it needs): where (a file, or FILE:LINE) and what, as data; what() is "WHERE: error: WHAT".
class FileError : public std::runtime_error {
public:
    FileError(std::string where, std::string message)
        : std::runtime_error(where + ": error: " + message), where_(std::move(where)), message_(std::move(message)) {}
    const std::string& where() const { return where_; }
    const std::string& message() const { return message_; }

private:
    std::string where_, message_;
};

// Evaluation throws this at its first error, with the chain of rules that led to it.
class EvalError : public std::runtime_error {
public:
    EvalError(Location where, std::string message);
    // An error read back as it was (a shard's partial result): its notes, and how many the chain left out.
    EvalError(Diagnostic d, std::size_t skipped);
    const Diagnostic& diagnostic() const { return diagnostic_; }
    std::size_t skipped() const { return skipped_; }
    // The chain of rules: the first ten, the last, and how many between.
    void add_note(std::string note) {
        auto& notes = diagnostic_.notes;
        if (notes.size() < 11) {
            notes.push_back(std::move(note));
            return;
        }
        if (notes.size() == 11) notes.push_back("");
        notes[10] = "... " + std::to_string(++skipped_) + " more";
        notes[11] = std::move(note);
    }

private:
    Diagnostic diagnostic_;
    std::size_t skipped_ = 0;
};

}  // namespace reckon
