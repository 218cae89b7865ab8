// The read phase for CSV (read_csv.hpp): records found a block at a time
// (a line break outside quotes ends one), then split into fields, keeping
// where each field starts.
#include "data/read_csv.hpp"

#include "core/base/read_file.hpp"
#include "core/base/signals.hpp"

#include <fstream>

namespace reckon {

namespace {

// The separator of the header row: ';' where it has more of them than of ',' outside quotes.
char separator_of(const std::string& text, std::size_t from) {
    std::size_t commas = 0, semicolons = 0;
    bool quoted = false;
    for (std::size_t i = from; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == ';') ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

Diagnostic open_quote(const SourceFile& f, std::uint32_t at) {
    return Diagnostic{Location{&f, at, 1}, "this quoted field has no closing quote", {"a quote inside a quoted field is written twice: \"\""}};
}

// The fields of one record, from `i` in a source's text; `i` is left after the record's line break.
class Fields {
public:
    Fields(const SourceFile& file, std::size_t from, char separator) : f_(file), t_(file.text()), i_(from), sep_(separator) {}

    bool done() const { return i_ >= t_.size(); }

    // One record: fields up to the end of a line outside quotes. Throws CompileError at a quote left open.
    TableRow row() {
        TableRow r;
        r.offset = static_cast<std::uint32_t>(i_);
        while (true) {
            r.cells.push_back(field());
            if (i_ >= t_.size()) break;
            char c = t_[i_];
            if (c == sep_) {
                ++i_;
                continue;
            }
            if (c == '\r') ++i_;
            if (i_ < t_.size() && t_[i_] == '\n') ++i_;
            break;
        }
        return r;
    }

private:
    TableCell field() {
        TableCell cell;
        cell.offset = static_cast<std::uint32_t>(i_);
        if (i_ < t_.size() && t_[i_] == '"') {
            ++i_;
            while (true) {
                if (i_ >= t_.size()) throw CompileError({open_quote(f_, cell.offset)});
                char c = t_[i_++];
                if (c != '"') {
                    cell.text += c;
                } else if (i_ < t_.size() && t_[i_] == '"') {
                    cell.text += '"';
                    ++i_;
                } else {
                    break;
                }
            }
            // anything after the closing quote up to the separator is kept, as spreadsheets do
            while (i_ < t_.size() && t_[i_] != sep_ && t_[i_] != '\n' && t_[i_] != '\r') cell.text += t_[i_++];
        } else {
            while (i_ < t_.size() && t_[i_] != sep_ && t_[i_] != '\n' && t_[i_] != '\r') cell.text += t_[i_++];
        }
        cell.text = csv_text_read(cell.text);  // "'=1+2", as reckon writes a text that looks like a formula, is =1+2
        return cell;
    }

    const SourceFile& f_;
    const std::string& t_;
    std::size_t i_;
    char sep_;
};

bool blank(const TableRow& r) { return r.cells.size() == 1 && r.cells[0].text.empty(); }

// A CSV file, a record at a time.
class CsvFile : public RowReader {
public:
    CsvFile(std::string path, std::uint64_t max_bytes, std::optional<char> separator)
        : path_(std::move(path)), max_(max_bytes), separator_(separator) {}

    std::optional<TableRow> next() override {
        while (true) {
            if (!opened_) open();
            if (pos_ >= buf_.size() && !fill()) return std::nullopt;
            TableRow r = record();
            if (number_ == 1 || !r.problems.empty() || !blank(r)) return r;  // the header, even blank
        }
    }

private:
    void open() {
        opened_ = true;
        stream_ = is_stream(path_);  // a pipe or a device: a read may wait, and it may never end
        std::optional<BlockingRead> waiting;
        if (stream_) waiting.emplace();
        in_.open(path_, std::ios::binary);
        if (!in_) throw FileError(path_, "cannot open file");
    }

    bool fill() {
        if (eof_) return false;
        if (pos_ > 0) {
            buf_.erase(0, pos_);
            scanned_ -= pos_;
            pos_ = 0;
        }
        const std::size_t before = buf_.size();
        buf_.resize(before + (1 << 16));
        std::optional<BlockingRead> waiting;
        if (stream_) waiting.emplace();
        in_.read(buf_.data() + before, 1 << 16);
        buf_.resize(before + static_cast<std::size_t>(in_.gcount()));
        if (in_.bad()) throw FileError(path_, "cannot read file");
        if (in_.gcount() == 0) eof_ = true;
        return buf_.size() > before;
    }

    // The next record: its text, up to and with its line break (none at the end of the file), as a row.
    TableRow record() {
        if (!separator_) separator_ = header_separator();
        const std::uint32_t first_line = line_;
        std::string text;
        const bool too_large = take_record(text);
        ++number_;
        if (number_ == 1 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);  // a byte-order mark
        return row_of(std::move(text), first_line, too_large);
    }

    // The separator of the header row, as read_csv finds it: the row read on to its end (or the limit) first.
    char header_separator() {
        while (buf_.find_first_of("\r\n", pos_) == std::string::npos && buf_.size() - pos_ <= max_ && fill()) {
        }
        const std::size_t bom = buf_.compare(pos_, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
        return separator_of(buf_, pos_ + bom);
    }

    // The record's text taken from the buffer, read on to its line break or the file's end; a record over the
    // limit is read past, and only its start kept to show. True when the record is over the limit.
    bool take_record(std::string& text) {
        bool too_large = false;
        std::string shown;
        while (true) {
            if (scan_to_line_end()) break;  // the record ends at scanned_
            if (scanned_ - pos_ > max_) {  // a record over the limit: read on to its end, keeping only its start to show
                if (!too_large) shown = start_of(pos_);
                too_large = true;
                for (std::size_t i = pos_; i < buf_.size(); ++i) line_ += buf_[i] == '\n';
                pos_ = scanned_ = buf_.size();
                if (stream_) eof_ = true;  // a pipe or a device is not read past: its next row may never come
            }
            if (!fill()) break;
        }
        const std::size_t end = scanned_ < buf_.size() ? scanned_ + 1 : buf_.size();
        if (!too_large && end - pos_ > max_) {
            shown = start_of(pos_);
            too_large = true;
        }
        text = too_large ? shown : buf_.substr(pos_, end - pos_);
        for (std::size_t i = pos_; i < end; ++i) line_ += buf_[i] == '\n';
        pos_ = scanned_ = end;
        quoted_ = false;
        field_start_ = true;
        return too_large;
    }

    // Scans the buffer on from scanned_ for the line break that ends the record: true when scanned_ is at it,
    // false when the buffer ends first (or its last byte cannot be told apart until the next is read).
    bool scan_to_line_end() {
        // As Fields reads it: a quote opens a field only at its start; inside, "" is a quote and a quote alone closes it.
        for (; scanned_ < buf_.size(); ++scanned_) {
            const char c = buf_[scanned_];
            const bool last = scanned_ + 1 >= buf_.size();
            if (quoted_) {
                if (c != '"') continue;
                if (last && !eof_) break;  // the next byte decides: read on
                if (!last && buf_[scanned_ + 1] == '"') ++scanned_;
                else quoted_ = false;
            } else if (c == '"' && field_start_) {
                quoted_ = true;
                field_start_ = false;
            } else if (c == *separator_) {
                field_start_ = true;
            } else if (c == '\n') {
                return true;
            } else if (c == '\r') {  // CRLF, or a CR alone (as old Mac files end lines)
                if (last && !eof_) break;  // the next byte decides: read on
                if (!last && buf_[scanned_ + 1] == '\n') ++scanned_;
                return true;
            } else {
                field_start_ = false;
            }
        }
        return false;
    }

    // A record's text as a row: its own source (its lines numbered as in the file), then its fields, or the
    // problem that it is over the limit, is not UTF-8 text or leaves a quote open.
    TableRow row_of(std::string text, std::uint32_t first_line, bool too_large) const {
        auto source = std::make_shared<SourceFile>(path_, std::move(text), first_line, 0, number_ > 1);  // a mark starts only the file
        TableRow r;
        r.source = source;
        r.number = number_;
        if (too_large) {
            r.problems.push_back({Location{source.get(), 0, 1}, "row " + std::to_string(number_) + " is more than " + std::to_string(max_) +
                                             " bytes, the limit on one row (it can be raised with --limit file-size=N)", {}});
            return r;
        }
        if (auto bad = check_text(*source)) {
            r.problems.push_back(*bad);
            return r;
        }
        try {  // a quote left open at the end of the file is an error at that quote
            Fields fields(*source, 0, *separator_);
            TableRow parsed = fields.row();
            r.offset = parsed.offset;
            r.cells = std::move(parsed.cells);
        } catch (const CompileError& e) {
            r.problems = e.diagnostics();
        }
        return r;
    }

    // The start of a record too large to keep, to show: up to 120 bytes, and no further than its first line break or control byte.
    std::string start_of(std::size_t from) const {
        std::size_t end = from;
        while (end < buf_.size() && end - from < 120 && static_cast<unsigned char>(buf_[end]) >= 0x20) ++end;
        while (end > from && (static_cast<unsigned char>(buf_[end - 1]) & 0xC0) == 0x80) --end;  // no character cut in two
        if (end > from && static_cast<unsigned char>(buf_[end - 1]) >= 0xC0) --end;
        return buf_.substr(from, end - from);
    }

    std::string path_;
    std::uint64_t max_;
    std::optional<char> separator_;
    std::ifstream in_;
    std::string buf_;
    std::size_t pos_ = 0, scanned_ = 0;
    std::uint32_t line_ = 0, number_ = 0;
    bool opened_ = false, stream_ = false, eof_ = false, quoted_ = false, field_start_ = true;
};

}  // namespace

std::unique_ptr<RowReader> csv_rows(const std::string& path, std::uint64_t max_bytes, std::optional<char> separator) {
    return std::make_unique<CsvFile>(path, max_bytes, separator);
}

CellTable read_csv(SourcePtr source, std::optional<char> separator) {
    if (auto bad = check_text(*source)) throw CompileError({*bad});
    const std::string& text = source->text();
    const std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a byte-order mark
    CellTable table;
    table.source = source;
    Fields fields(*source, start, separator.value_or(separator_of(text, start)));
    if (fields.done())
        throw CompileError({Diagnostic{Location{source.get(), 0, 1}, "the table is empty: its first row names the columns", {}}});
    table.header = fields.row();
    table.header.number = 1;
    table.header.source = source;
    for (std::uint32_t number = 2; !fields.done(); ++number) {  // blank rows keep their numbers, as in a spreadsheet
        TableRow r = fields.row();
        r.number = number;
        r.source = source;
        if (!blank(r)) table.rows.push_back(std::move(r));
    }
    return table;
}

}  // namespace reckon
