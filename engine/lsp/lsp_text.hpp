// An open document as the language server holds it: its text and version, positions in the protocol's
// terms (lines and UTF-16 code units) and byte offsets, edits applied as the client sends them, and the
// words of the rules language found in it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reckon::lsp {

// A position as the protocol counts it: a 0-based line and a 0-based column in UTF-16 code units.
struct Position {
    std::uint32_t line = 0, character = 0;
};

// The byte offset of a position in `text`; a position past a line's end is that line's end, past the last
// line the text's end (`clamped` says whether it was so).
std::size_t offset_of(const std::string& text, Position at, bool* clamped = nullptr);
// The position of a byte offset.
Position position_of(const std::string& text, std::size_t offset);

// file:///a%20b/c.reckon <-> /a b/c.reckon; nullopt for a URI that is not a file's.
std::optional<std::string> path_of_uri(const std::string& uri);
std::string uri_of_path(const std::string& path);

// An identifier of the language at (or just before) `offset`: its start and end, or nothing.
struct Word {
    std::size_t begin = 0, end = 0;
    std::string text;
    std::string before;  // the identifier before a '.' ahead of it ("Status" of Status.pro_rata), or ""
};
std::optional<Word> word_at(const std::string& text, std::size_t offset);

// Where an identifier is written as a name in the code of a rule file (not in a comment or a string, not as a
// field after a '.'): the byte offsets of each occurrence.
std::vector<std::size_t> occurrences(const std::string& text, const std::string& name);

bool is_identifier(const std::string& s);

}  // namespace reckon::lsp
