// Case files as streams (read_case_stream.hpp): the file read in blocks (the whole of a small file at
// once), each document found by the next line that starts with `---`, its text taken with the lines before
// it counted, so that its diagnostics name the file's lines. A document over the limit is read past, only
// its tail kept, and reported; blank documents (only comments and markers) are skipped.
#include "data/read_case_stream.hpp"

#include "core/base/read_file.hpp"
#include "core/base/signals.hpp"

#include <algorithm>
#include <optional>

namespace reckon {

namespace {
// Whether every line of a document holds only spaces, a comment, or a document marker.
bool blank_document(const std::string& t) {
    for (std::size_t line = 0; line < t.size();) {
        std::size_t end = t.find('\n', line);
        if (end == std::string::npos) end = t.size();
        std::size_t i = t.find_first_not_of(" \t\r", line);
        bool marker = (t.compare(line, 3, "---") == 0 || t.compare(line, 3, "...") == 0) &&
                      (line + 3 >= end || t[line + 3] == ' ' || t[line + 3] == '\t' || t[line + 3] == '\r');
        if (i != std::string::npos && i < end && t[i] != '#' && !marker) return false;
        if (marker && t.find_first_not_of(" \t\r", line + 3) < end && t[t.find_first_not_of(" \t\r", line + 3)] != '#') return false;
        line = end + 1;
    }
    return true;
}
}  // namespace

CaseReader::CaseReader(std::string path, std::uint64_t max_bytes) : path_(std::move(path)), max_bytes_(max_bytes) {
    stream_ = is_stream(path_);  // a pipe or a device: a read may wait, and it may never end
    {
        std::optional<BlockingRead> waiting;
        if (stream_) waiting.emplace();
        in_.open(path_, std::ios::binary);
    }
    failed_ = !in_;
    // The size from the open file (no second look-up of its path); a pipe or a device has none, and is read in blocks.
    const std::streampos end = failed_ || stream_ ? std::streampos(-1) : in_.rdbuf()->pubseekoff(0, std::ios::end, std::ios::in);
    sized_ = end != std::streampos(-1);
    if (sized_) {
        size_ = static_cast<std::uintmax_t>(end);
        in_.rdbuf()->pubseekoff(0, std::ios::beg, std::ios::in);
    }
}

bool CaseReader::fill() {
    if (eof_) return false;
    // A small file in one read (its size and one byte more, to see the end); a large one in blocks of 1 MB.
    // A pipe's size is not known: blocks of 64 KB until it ends.
    const std::size_t want = sized_ ? std::min<std::size_t>(1 << 20, static_cast<std::size_t>(size_ - std::min(size_, read_)) + 1) : 1 << 16;
    const std::size_t had = buf_.size();
    buf_.resize(had + want);  // zeroes only what is about to be read into
    {
        std::optional<BlockingRead> waiting;
        if (stream_) waiting.emplace();
        in_.read(buf_.data() + had, static_cast<std::streamsize>(want));
    }
    auto n = static_cast<std::size_t>(in_.gcount());
    buf_.resize(had + n);
    read_ += n;
    if (in_.bad()) {
        failed_ = true;
        eof_ = true;
        return false;
    }
    if (n == 0) {
        eof_ = true;
        return false;
    }
    return true;
}

bool CaseReader::find_end(Extent& e) {
    // The document runs to the next line that starts with `---` (after its own first line).
    std::size_t scan = pos_ + 1;
    while (true) {
        std::size_t nl = buf_.find("\n---", scan > 0 ? scan - 1 : 0);
        if (nl != std::string::npos && nl + 4 < buf_.size()) {
            char c = buf_[nl + 4];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                e.end = nl + 1;
                e.boundary = true;
                return true;
            }
            scan = nl + 2;
            continue;
        }
        if (nl != std::string::npos && eof_) {  // `---` at the very end of the file
            e.end = nl + 1;
            e.boundary = true;
            return true;
        }
        if (eof_ && nl == std::string::npos) {
            e.end = buf_.size();
            return true;
        }
        // A document larger than the limit: keep only the tail while looking for its end.
        if (buf_.size() - pos_ > max_bytes_ + 4) {
            e.too_large = true;
            std::size_t cut = buf_.size() - 4;
            e.skipped_lines += static_cast<std::uint32_t>(std::count(buf_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                                                     buf_.begin() + static_cast<std::ptrdiff_t>(cut), '\n'));
            buf_.erase(pos_, cut - pos_);
            if (stream_) {  // a pipe or a device is not read past: the document's end may never come
                eof_ = true;
                e.end = buf_.size();
                return true;
            }
        }
        scan = buf_.size() > 4 ? buf_.size() - 4 : 0;
        if (!fill() && failed_) return false;
        if (scan < pos_ + 1) scan = pos_ + 1;
    }
}

std::string CaseReader::take(const Extent& e) {
    std::string text = buf_.substr(pos_, e.end - pos_);
    line_ += e.skipped_lines + static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
    pos_ = e.end;
    if (pos_ > (1u << 22)) {  // keep the buffer small
        buf_.erase(0, pos_);
        pos_ = 0;
    }
    return text;
}

CaseDocument CaseReader::over_limit(std::uint32_t first_line) {
    ++number_;
    if (!markers_ && eof_ && pos_ == buf_.size())
        return CaseDocument{nullptr, path_, over_size_limit(stream_ ? std::nullopt : std::optional<std::uint64_t>(read_), max_bytes_), number_,
                            false};
    return CaseDocument{nullptr, path_ + ":" + std::to_string(first_line + 1), "document " + std::to_string(number_) +
                                     " is more than " + std::to_string(max_bytes_) +
                                     " bytes, the limit on one case (it can be raised with --limit file-size=N)", number_, true};
}

std::optional<CaseDocument> CaseReader::next() {
    if (failed_) {
        if (number_ == 0 && pos_ == 0 && !eof_) {
            eof_ = true;
            ++number_;
            return CaseDocument{nullptr, path_, "cannot open file", number_, false};
        }
        return std::nullopt;
    }
    while (true) {
        Extent e;
        if (!find_end(e)) return CaseDocument{nullptr, path_, "cannot read file", ++number_, markers_};
        if (e.end - pos_ > max_bytes_) e.too_large = true;
        if (e.boundary || buf_.compare(pos_, 3, "---") == 0) markers_ = true;
        if (e.end == pos_ && eof_ && number_ > 0) return std::nullopt;
        const std::uint32_t first = line_;  // lines before the document
        std::string text = take(e);
        if (e.too_large) return over_limit(first);
        if (blank_document(text)) {
            if (eof_ && pos_ >= buf_.size()) {
                if (number_ == 0) {  // an empty file is one empty case, as it always was
                    ++number_;
                    return CaseDocument{std::make_shared<SourceFile>(path_, std::move(text), first, 0), "", "", number_, false};
                }
                return std::nullopt;
            }
            continue;
        }
        ++number_;
        return CaseDocument{std::make_shared<SourceFile>(path_, std::move(text), first, markers_ ? number_ : 0), "", "", number_, markers_};
    }
}

}  // namespace reckon
