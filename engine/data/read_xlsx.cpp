// The read phase for workbooks (read_xlsx.hpp): the zip's members streamed
// through expat, one kind of part at a time (relationships, workbook, styles,
// shared strings, sheet), each with a handler of its own.
#include "data/read_xlsx.hpp"

#include "core/program/types.hpp"

#include <expat.h>
#include <unzip.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>

namespace reckon {

bool is_workbook(const std::string& file) {
    std::string ext = std::filesystem::path(file).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".xlsx";
}

namespace {

constexpr std::uint32_t max_rows = 1048576, max_columns = 16384;  // XFD1048576: the sheet's end
constexpr std::size_t max_members = 10000;

// "x:row" -> "row": SpreadsheetML may be written with a namespace prefix.
std::string_view local(const char* name) {
    std::string_view n(name);
    auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attribute(const char** attrs, std::string_view name) {
    for (std::size_t i = 0; attrs[i]; i += 2)
        if (local(attrs[i]) == name) return attrs[i + 1];
    return nullptr;
}

// What a part's handler sees; a handler that finds a problem sets `problem` and the parse stops.
class Handler {
public:
    virtual ~Handler() = default;
    virtual void start(std::string_view name, const char** attrs) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
    std::string problem;
    XML_Parser parser = nullptr;

protected:
    void fail(std::string why) {
        if (problem.empty()) problem = std::move(why);
        XML_StopParser(parser, XML_FALSE);
    }
};

// The relationships of a part (_rels/*.rels): id -> target, and type.
struct Relationship {
    std::string id, target, type;
};

class RelationshipsHandler : public Handler {
public:
    std::vector<Relationship> found;
    void start(std::string_view name, const char** attrs) override {
        if (name != "Relationship") return;
        const char* id = attribute(attrs, "Id");
        const char* target = attribute(attrs, "Target");
        const char* type = attribute(attrs, "Type");
        const char* mode = attribute(attrs, "TargetMode");
        if (mode && std::string_view(mode) == "External") return;  // a link outside the workbook is never followed
        if (id && target) found.push_back({id, target, type ? type : ""});
    }
    void end(std::string_view) override {}
};

struct SheetEntry {
    std::string name, relationship;
};

class WorkbookHandler : public Handler {
public:
    std::vector<SheetEntry> sheets;
    bool date1904 = false;
    void start(std::string_view name, const char** attrs) override {
        if (name == "workbookPr") {
            const char* d = attribute(attrs, "date1904");
            date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
        } else if (name == "sheet") {
            const char* n = attribute(attrs, "name");
            const char* id = attribute(attrs, "id");
            if (n && id) sheets.push_back({n, id});
        }
    }
    void end(std::string_view) override {}
};

// Which cell styles show a date: the built-in date formats, and any format of
// the workbook's own whose code has a day or a year in it (outside quotes).
bool date_code(const std::string& code) {
    bool quoted = false, bracket = false, escaped = false;
    for (char c : code) {
        if (escaped) { escaped = false; continue; }
        if (c == '\\') escaped = true;
        else if (c == '"') quoted = !quoted;
        else if (!quoted && c == '[') bracket = true;
        else if (!quoted && c == ']') bracket = false;
        else if (!quoted && !bracket && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) return true;
    }
    return false;
}

bool builtin_date(long id) { return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58); }

class StylesHandler : public Handler {
public:
    std::vector<bool> date_style;  // by cell style (the s attribute of a cell)
    void start(std::string_view name, const char** attrs) override {
        if (name == "numFmt") {
            const char* id = attribute(attrs, "numFmtId");
            const char* code = attribute(attrs, "formatCode");
            if (id && code) codes_[std::atol(id)] = code;
        } else if (name == "cellXfs") {
            in_xfs_ = true;
        } else if (name == "xf" && in_xfs_) {
            const char* id = attribute(attrs, "numFmtId");
            long n = id ? std::atol(id) : 0;
            auto code = codes_.find(n);
            date_style.push_back(code != codes_.end() ? date_code(code->second) : builtin_date(n));
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") in_xfs_ = false;
    }

private:
    std::map<long, std::string> codes_;
    bool in_xfs_ = false;
};

class SharedStringsHandler : public Handler {
public:
    std::vector<std::string> strings;
    void start(std::string_view name, const char**) override {
        if (name == "si") {
            current_.clear();
            in_si_ = true;
        } else if (name == "rPh") {
            ++phonetic_;
        } else if (name == "t" && in_si_ && phonetic_ == 0) {
            in_t_ = true;
        }
    }
    void end(std::string_view name) override {
        if (name == "si") {
            strings.push_back(std::move(current_));
            current_.clear();
            in_si_ = false;
        } else if (name == "rPh") {
            --phonetic_;
        } else if (name == "t") {
            in_t_ = false;
        }
    }
    void text(std::string_view s) override {
        if (in_t_) current_ += s;
    }

private:
    std::string current_;
    bool in_si_ = false, in_t_ = false;
    int phonetic_ = 0;
};

// "C17" -> column 2, row 17; nullopt when it is not a cell's name within the sheet.
std::optional<std::pair<std::uint32_t, std::uint32_t>> cell_ref(std::string_view r) {
    std::size_t i = 0;
    std::uint64_t col = 0, row = 0;
    while (i < r.size() && std::isupper(static_cast<unsigned char>(r[i])) && i < 4) col = col * 26 + static_cast<std::uint64_t>(r[i++] - 'A' + 1);
    std::size_t digits = i;
    while (i < r.size() && std::isdigit(static_cast<unsigned char>(r[i])) && i - digits < 8) row = row * 10 + static_cast<std::uint64_t>(r[i++] - '0');
    if (col == 0 || i == digits || i != r.size() || row == 0 || row > max_rows || col > max_columns) return std::nullopt;
    return std::make_pair(static_cast<std::uint32_t>(col - 1), static_cast<std::uint32_t>(row));
}

// A number as SpreadsheetML stores it ("-1.5E-3") written out as a plain
// decimal ("-0.0015"), exactly; nullopt when it is not a number.
std::optional<std::string> plain_decimal(const std::string& v) {
    std::size_t i = 0;
    std::string sign;
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) sign = v[i++] == '-' ? "-" : "";
    std::string whole, fraction;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) whole += v[i++];
    if (i < v.size() && v[i] == '.') {
        ++i;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) fraction += v[i++];
    }
    if (whole.empty() && fraction.empty()) return std::nullopt;
    long exponent = 0;
    if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
        ++i;
        bool negative = i < v.size() && v[i] == '-';
        if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
        std::size_t from = i;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])) && i - from < 4) exponent = exponent * 10 + (v[i++] - '0');
        if (i == from) return std::nullopt;
        if (negative) exponent = -exponent;
    }
    if (i != v.size()) return std::nullopt;
    std::string digits = whole + fraction;
    long point = static_cast<long>(whole.size()) + exponent;  // digits before the point
    if (point <= 0) {
        digits.insert(0, static_cast<std::size_t>(-point), '0');
        point = 0;
    } else if (point > static_cast<long>(digits.size())) {
        digits.append(static_cast<std::size_t>(point - static_cast<long>(digits.size())), '0');
    }
    std::string w = digits.substr(0, static_cast<std::size_t>(point)), f = digits.substr(static_cast<std::size_t>(point));
    w.erase(0, std::min(w.find_first_not_of('0'), w.size()));
    while (!f.empty() && f.back() == '0') f.pop_back();
    return sign + (w.empty() ? "0" : w) + (f.empty() ? "" : "." + f);
}

// A date cell's serial number as the date it shows; with a time of day, as YYYY-MM-DDThh:mm (which is not a date input).
std::optional<std::string> serial_date(const std::string& plain, bool date1904) {
    if (plain.empty() || plain[0] == '-') return std::nullopt;
    auto point = plain.find('.');
    const std::string whole = plain.substr(0, point);
    if (whole.size() > 7) return std::nullopt;
    long serial = std::stol(whole);
    long days;  // since 1970-01-01
    if (date1904) days = days_from_civil(1904, 1, 1) + serial;
    else if (serial == 0 || serial == 60) return std::nullopt;  // 1900-01-00 and 1900-02-29: days the 1900 system counts and the calendar lacks
    else days = days_from_civil(1899, 12, serial < 60 ? 31 : 30) + serial;
    std::string date = format_date(days);
    if (point == std::string::npos) return date;
    const double fraction = std::stod("0" + plain.substr(point));  // only to show the time of day in a message
    const long minutes = std::lround(fraction * 1440);
    char hm[8];
    std::snprintf(hm, sizeof hm, "%02ld:%02ld", minutes / 60 % 24, minutes % 60);
    return date + "T" + hm;
}

// A sheet's rows, as they are parsed. Each row's source is made for
// diagnostics: its cells written as CSV (line breaks in a cell shown as
// spaces), its line numbered as the row.
class SheetHandler : public Handler {
public:
    SheetHandler(std::string name, std::shared_ptr<const std::vector<std::string>> strings,
                 std::shared_ptr<const std::vector<bool>> date_style, bool date1904)
        : name_(std::move(name)), strings_holder_(std::move(strings)), styles_holder_(std::move(date_style)),
          strings_(*strings_holder_), date_style_(*styles_holder_), date1904_(date1904) {}

    std::deque<TableRow> ready;  // rows parsed and not yet taken

    void start(std::string_view name, const char** attrs) override {
        if (name == "row") {
            const char* r = attribute(attrs, "r");
            std::uint64_t n = r ? std::strtoull(r, nullptr, 10) : last_row_ + 1;
            if (n == 0 || n > max_rows) return fail(std::string("row ") + (r ? r : "?") + " is past the sheet's end (row 1048576)");
            if (n <= last_row_) return fail("row " + std::to_string(n) + " comes after row " + std::to_string(last_row_) + ": rows are out of order");
            row_ = TableRow{};
            row_.number = static_cast<std::uint32_t>(n);
            next_column_ = 0;
            in_row_ = true;
        } else if (name == "c" && in_row_) {
            const char* r = attribute(attrs, "r");
            std::uint32_t column = next_column_;
            if (r) {
                auto ref = cell_ref(r);
                if (!ref) return fail(std::string("cell ") + r + " is past the sheet's end (XFD1048576), or is not a cell's name");
                if (ref->second != row_.number) return fail(std::string("cell ") + r + " is in row " + std::to_string(row_.number));
                column = ref->first;
            }
            if (column >= max_columns) return fail("a cell of row " + std::to_string(row_.number) + " is past the sheet's end (column XFD)");
            if (column < next_column_) return fail(std::string("cell ") + (r ? r : "?") + " comes after a cell to its right");
            const char* t = attribute(attrs, "t");
            const char* s = attribute(attrs, "s");
            type_ = t ? t : "n";
            style_ = s ? std::strtoul(s, nullptr, 10) : 0;
            column_ = column;
            value_.clear();
            in_cell_ = true;
        } else if (in_cell_ && (name == "v" || (name == "t" && type_ == "inlineStr"))) {
            in_value_ = true;
        } else if (in_cell_ && name == "rPh") {
            ++phonetic_;
        }
    }

    void end(std::string_view name) override {
        if (name == "v" || name == "t") {
            in_value_ = false;
        } else if (name == "rPh") {
            --phonetic_;
        } else if (name == "c" && in_cell_) {
            in_cell_ = false;
            next_column_ = column_ + 1;
            add_cell(column_, value());
        } else if (name == "row" && in_row_) {
            in_row_ = false;
            last_row_ = row_.number;
            finish_row();
        }
    }

    void text(std::string_view s) override {
        if (in_value_ && phonetic_ == 0) value_ += s;
    }

private:
    std::string value() {
        if (type_ == "s") {
            const bool index = !value_.empty() && value_.size() <= 9 && value_.find_first_not_of("0123456789") == std::string::npos;
            const std::size_t i = index ? std::stoul(value_) : strings_.size();
            if (!index) {
                problem_ = "has '" + value_.substr(0, 40) + "' where the number of a shared string belongs";
                return "";
            }
            if (i >= strings_.size()) {
                problem_ = "points to shared string " + value_ + ", and the workbook has " + std::to_string(strings_.size());
                return "";
            }
            return strings_[i];
        }
        if (type_ == "b") return value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
        if (type_ == "d") return value_.size() >= 10 && value_.substr(10).find_first_not_of("T0:.Z") == std::string::npos ? value_.substr(0, 10) : value_;
        if (type_ == "n") {
            auto plain = plain_decimal(value_);
            if (!plain) return value_;
            if (style_ < date_style_.size() && date_style_[style_])
                if (auto date = serial_date(*plain, date1904_)) return *date;
            return *plain;
        }
        return value_;  // inlineStr, str (a formula's text), e (an error such as #N/A)
    }

    void add_cell(std::uint32_t column, std::string v) {
        if (!problem_.empty()) {
            pending_.emplace_back(column, std::move(problem_));
            problem_.clear();
        }
        if (v.empty()) return;
        // A row is kept up to the header's width and one cell past it, so that a value with no column is reported, not dropped.
        const std::size_t width = header_width_ ? header_width_ + 1 : max_columns;
        if (column >= width) {
            if (row_.cells.size() < width) row_.cells.resize(width);
            if (row_.cells.back().text.empty()) {
                row_.cells.back().text = std::move(v);
                row_.past_header = column;
            }
            return;
        }
        if (row_.cells.size() <= column) row_.cells.resize(column + 1);
        row_.cells[column].text = std::move(v);
    }

    void finish_row() {
        const bool blank = std::all_of(row_.cells.begin(), row_.cells.end(), [](const TableCell& c) { return c.text.empty(); });
        if (blank && pending_.empty()) return;
        std::string text;
        for (std::size_t c = 0; c < row_.cells.size(); ++c) {
            if (c) text += ',';
            row_.cells[c].offset = static_cast<std::uint32_t>(text.size());
            std::string shown = row_.cells[c].text;
            std::replace(shown.begin(), shown.end(), '\n', ' ');
            std::replace(shown.begin(), shown.end(), '\r', ' ');
            text += csv_field(shown);
        }
        auto source = std::make_shared<SourceFile>(name_, std::move(text), row_.number - 1, 0, true);
        row_.source = source;
        for (auto& [column, why] : pending_) {
            std::uint32_t at = column < row_.cells.size() ? row_.cells[column].offset : 0;
            row_.problems.push_back({Location{source.get(), at, 1}, "cell " + CellTable::cell_name(column, row_.number) + " " + why, {}});
        }
        pending_.clear();
        if (!header_width_) header_width_ = std::max<std::size_t>(row_.cells.size(), 1);
        ready.push_back(std::move(row_));
    }

    const std::string name_;
    const std::shared_ptr<const std::vector<std::string>> strings_holder_;  // the workbook's, kept while its sheet is read
    const std::shared_ptr<const std::vector<bool>> styles_holder_;
    const std::vector<std::string>& strings_;
    const std::vector<bool>& date_style_;
    const bool date1904_;
    TableRow row_;
    std::uint64_t last_row_ = 0;
    std::uint32_t next_column_ = 0, column_ = 0;
    std::size_t header_width_ = 0;
    std::string type_, value_, problem_;
    std::vector<std::pair<std::uint32_t, std::string>> pending_;
    unsigned long style_ = 0;
    bool in_row_ = false, in_cell_ = false, in_value_ = false;
    int phonetic_ = 0;
};

// Members are named by the zip; a name that would escape it is refused.
bool escapes(const std::string& name) {
    if (name.empty() || name[0] == '/' || name.find('\\') != std::string::npos || name.find(':') != std::string::npos) return true;
    std::size_t from = 0;
    while (from <= name.size()) {
        std::size_t slash = name.find('/', from);
        if (name.substr(from, slash == std::string::npos ? std::string::npos : slash - from) == "..") return true;
        if (slash == std::string::npos) break;
        from = slash + 1;
    }
    return false;
}

// A relationship's target, relative to the folder of the part that names it, as a member's name.
std::optional<std::string> resolve(const std::string& folder, const std::string& target) {
    std::vector<std::string> parts;
    std::string path = target.rfind('/', 0) == 0 ? target.substr(1) : folder + target;
    std::size_t from = 0;
    while (from <= path.size()) {
        std::size_t slash = path.find('/', from);
        std::string part = path.substr(from, slash == std::string::npos ? std::string::npos : slash - from);
        if (part == "..") {
            if (parts.empty()) return std::nullopt;
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        if (slash == std::string::npos) break;
        from = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string folder_of(const std::string& member) {
    auto slash = member.rfind('/');
    return slash == std::string::npos ? "" : member.substr(0, slash + 1);
}

// One part of the zip, inflated a block at a time into expat, which calls a
// handler. It has a handle on the zip of its own, so that several parts (a
// sheet of cases and a sheet of a list) can be read at once.
class PartReader {
public:
    // max_bytes bounds what the part inflates to; a sheet, which is read a
    // row at a time and so may be large, may also inflate to 200 times its
    // size in the zip (a zip bomb inflates by a thousand).
    PartReader(const std::string& path, const std::string& member, Handler& h, std::string shown, std::uint64_t max_bytes,
               bool sheet = false)
        : path_(path), shown_(std::move(shown)), h_(h), parser_(XML_ParserCreate(nullptr), XML_ParserFree), buffer_(1 << 16) {
        zip_.z = unzOpen64(path.c_str());
        if (!zip_.z) fail("cannot be opened again: the file changed while it was read");
        if (unzLocateFile(zip_.z, member.c_str(), 1) != UNZ_OK) return;
        unz_file_info64 info;
        if (unzGetCurrentFileInfo64(zip_.z, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) fail(shown_ + " cannot be read: the zip is damaged");
        max_ = sheet ? std::max<std::uint64_t>(max_bytes, 200 * info.compressed_size) : max_bytes;
        limit_ = max_bytes;
        if (unzOpenCurrentFile(zip_.z) != UNZ_OK) fail(shown_ + " cannot be read: the zip is damaged, or the part is encrypted");
        zip_.current = true;
        if (!parser_) fail("out of memory");
        XML_Parser x = parser_.get();
        h.parser = x;
        XML_SetUserData(x, &h);
        XML_SetElementHandler(
            x, [](void* u, const XML_Char* name, const XML_Char** attrs) { static_cast<Handler*>(u)->start(local(name), attrs); },
            [](void* u, const XML_Char* name) { static_cast<Handler*>(u)->end(local(name)); });
        XML_SetCharacterDataHandler(x, [](void* u, const XML_Char* text, int n) {
            static_cast<Handler*>(u)->text(std::string_view(text, static_cast<std::size_t>(n)));
        });
        // No DOCTYPE, so no entity is ever declared or expanded, and none is fetched.
        XML_SetStartDoctypeDeclHandler(x, [](void* u, const XML_Char*, const XML_Char*, const XML_Char*, int) {
            auto* handler = static_cast<Handler*>(u);
            handler->problem = "it declares a DOCTYPE, which a workbook never has (entities are not read)";
            XML_StopParser(handler->parser, XML_FALSE);
        });
        XML_SetExternalEntityRefHandler(x, [](XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
            return static_cast<int>(XML_STATUS_ERROR);
        });
    }
    PartReader(const PartReader&) = delete;
    PartReader& operator=(const PartReader&) = delete;

    bool found() const { return zip_.current || done_; }

    // Inflates and parses one block; false once the part is done.
    bool step() {
        if (done_) return false;
        int n = unzReadCurrentFile(zip_.z, buffer_.data(), static_cast<unsigned>(buffer_.size()));
        if (n < 0) fail(shown_ + " cannot be read: the zip is damaged (error " + std::to_string(n) + ")");
        total_ += static_cast<std::uint64_t>(n);
        if (total_ > max_ && max_ == limit_)
            fail(shown_ + " expands to more than the limit of " + std::to_string(max_) + " bytes (it can be raised with --limit file-size=N)");
        if (total_ > max_)
            fail(shown_ + " expands to more than " + std::to_string(max_) +
                 " bytes, 200 times its size in the zip, the most a sheet may (it can be raised with --limit file-size=N)");
        if (XML_Parse(parser_.get(), buffer_.data(), n, n == 0) == XML_STATUS_ERROR) {
            if (!h_.problem.empty()) fail(shown_ + ": " + h_.problem);
            fail(shown_ + " is not well-formed XML at line " + std::to_string(XML_GetCurrentLineNumber(parser_.get())) + ": " +
                 XML_ErrorString(XML_GetErrorCode(parser_.get())));
        }
        if (n > 0) return true;
        done_ = true;
        zip_.current = false;
        if (unzCloseCurrentFile(zip_.z) == UNZ_CRCERROR) fail(shown_ + " is damaged: its checksum does not match");
        if (!h_.problem.empty()) fail(shown_ + ": " + h_.problem);
        return false;
    }

private:
    [[noreturn]] void fail(const std::string& why) const { throw std::runtime_error(path_ + ": error: " + why); }

    // The zip and its member open for reading, closed however the reader ends (its constructor may throw).
    struct Zip {
        unzFile z = nullptr;
        bool current = false;
        ~Zip() {
            if (current) unzCloseCurrentFile(z);
            if (z) unzClose(z);
        }
    };

    Zip zip_;  // first: destroyed last
    std::string path_, shown_;
    Handler& h_;
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser_;
    std::vector<char> buffer_;
    std::uint64_t total_ = 0, max_ = 0, limit_ = 0;
    bool done_ = false;
};

// A sheet's rows, parsed a block at a time as they are asked for.
class SheetRows : public RowReader {
public:
    SheetRows(const std::string& path, const std::string& member, const std::string& sheet,
              std::shared_ptr<const std::vector<std::string>> strings, std::shared_ptr<const std::vector<bool>> date_style, bool date1904,
              std::uint64_t max_bytes)
        : handler_(path + "[" + sheet + "]", strings, date_style, date1904),
          part_(path, member, handler_, "sheet '" + sheet + "'", max_bytes, true) {
        if (!part_.found()) throw std::runtime_error(path + ": error: the workbook has no part " + member + " for sheet '" + sheet + "'");
    }
    std::optional<TableRow> next() override {
        while (handler_.ready.empty() && part_.step()) {
        }
        if (handler_.ready.empty()) return std::nullopt;
        TableRow r = std::move(handler_.ready.front());
        handler_.ready.pop_front();
        return r;
    }

private:
    SheetHandler handler_;
    PartReader part_;
};

}  // namespace

struct Workbook::Parts {
    std::string path;
    Limits limits;
    std::vector<std::string> names;
    std::map<std::string, std::string> members;  // sheet name -> its part
    std::shared_ptr<const std::vector<std::string>> strings = std::make_shared<const std::vector<std::string>>();
    std::shared_ptr<const std::vector<bool>> date_style = std::make_shared<const std::vector<bool>>();
    bool date1904 = false;

    [[noreturn]] void fail(const std::string& why) const { throw std::runtime_error(path + ": error: " + why); }

    // Reads one member through a handler, whole; a member that is missing is nothing to read when `optional`.
    bool parse(const std::string& member, Handler& h, bool optional, const std::string& shown) const {
        PartReader part(path, member, h, shown, limits.file_size);
        if (!part.found()) {
            if (optional) return false;
            fail("the workbook has no part " + member + " (it is damaged, or not a workbook)");
        }
        while (part.step()) {
        }
        return true;
    }

    std::vector<Relationship> relationships(const std::string& member) const {
        RelationshipsHandler h;
        parse(folder_of(member) + "_rels/" + member.substr(folder_of(member).size()) + ".rels", h, true, "the relationships of " + member);
        return h.found;
    }
};

Workbook::Workbook(const std::string& path, const Limits& limits) : parts_(std::make_unique<Parts>()) {
    Parts& p = *parts_;
    p.path = path;
    p.limits = limits;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) p.fail("cannot open file");
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > limits.file_size)
        p.fail("the file is " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(limits.file_size) +
               " (it can be raised with --limit file-size=N)");
    std::unique_ptr<void, int (*)(unzFile)> zip(unzOpen64(path.c_str()), unzClose);
    if (!zip) p.fail("this is not a workbook (.xlsx): it is not a zip file; an older .xls, or a workbook saved with a password, must be saved again as .xlsx");
    // Every member's name, before any is read.
    std::size_t count = 0;
    for (int r = unzGoToFirstFile(zip.get()); r == UNZ_OK; r = unzGoToNextFile(zip.get())) {
        if (++count > max_members) p.fail("the zip has more than " + std::to_string(max_members) + " members: this is not a workbook");
        unz_file_info64 info;
        char name[1024];
        if (unzGetCurrentFileInfo64(zip.get(), &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK || info.size_filename >= sizeof name)
            p.fail("the zip is damaged: a member's name cannot be read");
        if (escapes(name)) p.fail("the zip has a member named '" + std::string(name) + "', which would escape the workbook: it is not read");
        if (info.flag & 1) p.fail("member " + std::string(name) + " is encrypted: save the workbook without a password");
    }
    std::string book = "xl/workbook.xml";
    for (const auto& r : p.relationships(""))
        if (r.type.size() >= 15 && r.type.substr(r.type.size() - 15) == "/officeDocument")
            if (auto m = resolve("", r.target)) book = *m;
    WorkbookHandler wb;
    p.parse(book, wb, false, book);
    p.date1904 = wb.date1904;
    std::map<std::string, std::string> targets;
    std::string styles, strings;
    for (const auto& r : p.relationships(book)) {
        auto m = resolve(folder_of(book), r.target);
        if (!m) p.fail("the workbook points to a part outside it: " + r.target);
        targets[r.id] = *m;
        auto ends = [&](const char* s) { return r.type.size() >= std::strlen(s) && r.type.substr(r.type.size() - std::strlen(s)) == s; };
        if (ends("/styles")) styles = *m;
        if (ends("/sharedStrings")) strings = *m;
    }
    for (const auto& s : wb.sheets) {
        auto t = targets.find(s.relationship);
        if (t == targets.end()) continue;  // a chart sheet or a dialog: no cells
        p.names.push_back(s.name);
        p.members[s.name] = t->second;
    }
    if (!styles.empty()) {
        StylesHandler sh;
        p.parse(styles, sh, true, styles);
        p.date_style = std::make_shared<const std::vector<bool>>(std::move(sh.date_style));
    }
    if (!strings.empty()) {
        SharedStringsHandler ss;
        p.parse(strings, ss, true, "the shared strings table (" + strings + ")");
        p.strings = std::make_shared<const std::vector<std::string>>(std::move(ss.strings));
    }
}

Workbook::~Workbook() = default;

const std::string& Workbook::path() const { return parts_->path; }
const std::vector<std::string>& Workbook::sheets() const { return parts_->names; }

std::unique_ptr<RowReader> Workbook::rows(const std::string& name) const {
    const Parts& p = *parts_;
    auto m = p.members.find(name);
    if (m == p.members.end()) p.fail("the workbook has no sheet named '" + name + "'");
    return std::make_unique<SheetRows>(p.path, m->second, name, p.strings, p.date_style, p.date1904, p.limits.file_size);
}

}  // namespace reckon
