// The read phase for CSV (read_csv.hpp): one pass over the text, a field at
// a time, keeping where each field starts.
#include "read_csv.hpp"

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

class Reader {
public:
    Reader(const SourceFile& file, std::size_t from, char separator) : f_(file), t_(file.text()), i_(from), sep_(separator) {}

    bool done() const { return i_ >= t_.size(); }

    // One record: fields up to the end of a line outside quotes.
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
                if (i_ >= t_.size())
                    throw CompileError({Diagnostic{Location{&f_, cell.offset, 1}, "this quoted field has no closing quote",
                                                   {"a quote inside a quoted field is written twice: \"\""}}});
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
            return cell;
        }
        while (i_ < t_.size() && t_[i_] != sep_ && t_[i_] != '\n' && t_[i_] != '\r') cell.text += t_[i_++];
        return cell;
    }

    const SourceFile& f_;
    const std::string& t_;
    std::size_t i_;
    char sep_;
};

bool blank(const TableRow& r) { return r.cells.size() == 1 && r.cells[0].text.empty(); }

}  // namespace

CellTable read_csv(SourcePtr source, std::optional<char> separator) {
    if (auto bad = check_text(*source)) throw CompileError({*bad});
    const std::string& text = source->text();
    const std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a byte-order mark
    CellTable table;
    table.source = source;
    table.separator = separator.value_or(separator_of(text, start));
    Reader reader(*source, start, table.separator);
    if (reader.done())
        throw CompileError({Diagnostic{Location{source.get(), 0, 1}, "the table is empty: its first row names the columns", {}}});
    table.header = reader.row();
    table.header.number = 1;
    for (std::uint32_t number = 2; !reader.done(); ++number) {  // blank rows keep their numbers, as in a spreadsheet
        TableRow r = reader.row();
        r.number = number;
        if (!blank(r)) table.rows.push_back(std::move(r));
    }
    return table;
}

}  // namespace reckon
