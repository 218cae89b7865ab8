// Case files as streams: a file may hold many cases, one YAML document each,
// separated by lines that start with `---`. The file is read in blocks, so a
// stream of a million cases is never in memory at once; each document keeps
// the file's line numbers and its own number for diagnostics.
#pragma once

#include "core/base/source.hpp"

#include <fstream>
#include <memory>
#include <optional>
#include <string>

namespace reckon {

struct CaseDocument {
    SourcePtr source;    // the document's text (null when it could not be read)
    std::string where;   // when it could not be read: where (FILE, or FILE:LINE)…
    std::string error;   // …and why
    std::uint32_t number = 0;  // 1, 2, … in the file
    bool in_stream = false;    // the file separates documents with ---
};

class CaseReader {
public:
    // max_bytes: the largest document (the file-size limit).
    CaseReader(std::string path, std::uint64_t max_bytes);
    // The next document with any content, or nullopt at the end of the file.
    // A file that cannot be opened or read gives one document with its error.
    std::optional<CaseDocument> next();

private:
    // Where the document that starts at pos_ ends, as find_end() finds it.
    struct Extent {
        std::size_t end = std::string::npos;
        std::uint32_t skipped_lines = 0;  // lines of a document over the limit dropped from the buffer
        bool too_large = false;           // the document is over the limit
        bool boundary = false;            // it ends at a line that starts with `---`
    };

    bool fill();
    // Reads on until the document's end is in the buffer (or the file ends); false when the file cannot be read.
    bool find_end(Extent& e);
    // The document's text, taken from the buffer, and the lines it holds counted.
    std::string take(const Extent& e);
    // The error for a document over the limit (for the file, when it is one document).
    CaseDocument over_limit(std::uint32_t first_line);

    std::string path_;
    std::uint64_t max_bytes_;
    std::ifstream in_;
    std::string buf_;
    std::size_t pos_ = 0;        // where the next document starts in buf_
    std::uint32_t line_ = 0;     // lines of the file before pos_
    std::uint32_t number_ = 0;
    bool eof_ = false, failed_ = false, markers_ = false;
    std::uintmax_t size_ = 0, read_ = 0;
    bool sized_ = false;   // size_ known (a file, not a pipe)
    bool stream_ = false;  // a pipe or a device
};

}  // namespace reckon
