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
    std::string error;   // why it could not be read ("FILE: error: …")
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
    bool fill();

    std::string path_;
    std::uint64_t max_bytes_;
    std::ifstream in_;
    std::string buf_;
    std::size_t pos_ = 0;        // where the next document starts in buf_
    std::uint32_t line_ = 0;     // lines of the file before pos_
    std::uint32_t number_ = 0;
    bool eof_ = false, failed_ = false, markers_ = false;
    std::uintmax_t size_ = 0, read_ = 0;
    bool sized_ = false;  // size_ known (a file, not a pipe)
};

}  // namespace reckon
