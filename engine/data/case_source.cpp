// Where a batch's cases come from (case_source.hpp).
#include "data/case_source.hpp"
#include "core/base/nearest_names.hpp"

#include "core/compile/compile.hpp"
#include "data/read_csv.hpp"
#include "data/read_xlsx.hpp"

#include <algorithm>
#include <filesystem>

namespace reckon {

bool is_case_table(const std::string& file) {
    std::string ext = std::filesystem::path(file).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".csv" || is_workbook(file);
}

Case CaseItem::load(const Program& p) const {
    if (!failure.empty()) throw std::runtime_error(failure.substr(0, failure.size() - (failure.back() == '\n' ? 1 : 0)));
    if (table) return table->load(row);
    if (schema) {
        std::vector<std::vector<const TableRow*>> lists(rows->lists.size());
        for (std::size_t k = 0; k < lists.size(); ++k)
            for (const auto& r : rows->lists[k]) lists[k].push_back(&r);
        return schema->load(rows->row, lists);
    }
    if (!doc.source) throw FileError(doc.where, doc.error);
    return load_case(p, doc.source);
}

// ---- the tables of a file

namespace {

// A reader's first row: the header (a table with none is empty).
TableRow header_of(RowReader& r, const std::string& name) {
    auto header = r.next();
    if (!header) throw FileError(name, "the table is empty: its first row names the columns");
    return std::move(*header);
}

bool empty_sheet(const Workbook& book, const std::string& sheet) { return !book.rows(sheet)->next(); }

}  // namespace

TableFiles::TableFiles(const Program& p, std::string file, const std::vector<ListFile>& lists, const TableOptions& options)
    : p_(p), file_(std::move(file)) {
    for (const auto& l : lists) lists_.push_back({l.input, l.path, ""});
    if (!is_workbook(file_)) return;
    auto book = std::make_shared<const Workbook>(file_, p.limits);
    book_ = book;
    const auto& names = book->sheets();
    if (names.empty()) throw FileError(file_, "the workbook has no sheet");
    case_sheet_ = std::find(names.begin(), names.end(), "cases") != names.end() ? "cases" : names.front();
    std::vector<std::string> list_inputs;
    for (const auto& in : p.inputs)
        if (in.type.kind == TypeKind::list) list_inputs.push_back(in.path);
    for (const auto& name : names) {
        if (name == case_sheet_ || name == "instructions") continue;
        if (std::find(list_inputs.begin(), list_inputs.end(), name) != list_inputs.end()) {
            const bool listed = std::any_of(lists.begin(), lists.end(), [&](const ListFile& l) { return l.input == name; });
            if (!listed && !empty_sheet(*book, name)) lists_.push_back({name, "", name});  // --list takes the place of the sheet; an empty sheet: every case has the list's default
            continue;
        }
        if (std::find(options.ignored_sheets.begin(), options.ignored_sheets.end(), name) != options.ignored_sheets.end()) continue;
        if (empty_sheet(*book, name)) continue;  // an empty sheet, as a new workbook has
        std::string near = closest_name(name, list_inputs);
        throw FileError(file_, "sheet '" + name + "' is not the cases or the table of a list input" +
                                 (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                                 "\n  note: the cases are in sheet 'cases' (or the first sheet), each list input's elements in the "
                                 "sheet named by its path (as offences), and a sheet kept for people is left out with "
                                 "--ignore-sheet NAME");
    }
}

// A CSV file, or a workbook's sheet: `sheet`, else for a workbook given with --list the list's own sheet or its first.
std::unique_ptr<RowReader> TableFiles::open(const std::string& path, const std::string& sheet) const {
    if (!is_workbook(path)) return csv_rows(path, p_.limits.file_size, std::nullopt);
    if (path == file_ && book_) return book_->rows(sheet);
    struct Owning : RowReader {  // a --list workbook, open while its sheet is read
        std::shared_ptr<const Workbook> book;
        std::unique_ptr<RowReader> rows;
        std::optional<TableRow> next() override { return rows->next(); }
    };
    auto r = std::make_unique<Owning>();
    r->book = std::make_shared<const Workbook>(path, p_.limits);
    const auto& names = r->book->sheets();
    if (names.empty()) throw FileError(path, "the workbook has no sheet");
    r->rows = r->book->rows(std::find(names.begin(), names.end(), sheet) != names.end() ? sheet : names.front());
    return r;
}

std::unique_ptr<RowReader> TableFiles::cases() const { return open(file_, case_sheet_); }

std::vector<std::pair<std::string, std::unique_ptr<RowReader>>> TableFiles::lists() const {
    std::vector<std::pair<std::string, std::unique_ptr<RowReader>>> out;
    for (const auto& l : lists_) out.emplace_back(l.input, l.path.empty() ? book_->rows(l.sheet) : open(l.path, l.input));
    return out;
}

CaseTable read_case_table(const Program& p, const std::string& file, const std::vector<ListFile>& lists, const TableOptions& options) {
    TableFiles files(p, file, lists, options);
    auto all = [](RowReader& r, const std::string& name) {
        CellTable t = read_all(r);
        if (!t.header.source) throw FileError(name, "the table is empty: its first row names the columns");
        return t;
    };
    std::vector<ListTable> list_tables;
    for (auto& [input, reader] : files.lists()) list_tables.push_back({input, all(*reader, input)});
    return CaseTable(p, all(*files.cases(), file), std::move(list_tables), options);
}

Case case_in_table(const Program& p, const std::string& file, const std::vector<ListFile>& lists, const TableOptions& options,
                   const std::string& id) {
    CaseTable table = read_case_table(p, file, lists, options);
    for (std::size_t i = 0; i < table.size(); ++i)
        if (table.id_of(i) == id) return table.load(i);
    throw RequestError(file + ": no row is identified by '" + id + "'");
}

// ---- a batch's cases

CaseSource::CaseSource(const Program& p, std::string file, const std::vector<ListFile>& lists, const TableOptions& options)
    : p_(p), file_(std::move(file)), stem_(std::filesystem::path(file_).stem().string()), lists_(lists), options_(options) {
    if (!is_case_table(file_)) yaml_.emplace(file_, p.limits.file_size);
}

// Reads the headers and checks them; then, when the identifiers are in order
// (one pass that keeps nothing), joins the tables a row at a time, else reads them whole.
void CaseSource::open_table() {
    opened_ = true;
    many_ = true;
    try {
        TableFiles files(p_, file_, lists_, options_);
        auto cases = files.cases();
        auto lists = files.lists();
        TableRow header = header_of(*cases, file_);
        std::vector<std::pair<std::string, TableRow>> headers;
        std::vector<std::unique_ptr<RowReader>> list_readers;
        for (auto& [input, reader] : lists) {
            headers.emplace_back(input, header_of(*reader, input));
            list_readers.push_back(std::move(reader));
        }
        auto schema = std::make_shared<const TableSchema>(p_, std::move(header), std::move(headers), options_);
        if (ordered_tables(*schema, *cases, list_readers)) {
            cases = files.cases();
            header_of(*cases, file_);
            std::vector<std::unique_ptr<RowReader>> again;
            for (auto& [input, reader] : files.lists()) {
                header_of(*reader, input);
                again.push_back(std::move(reader));
            }
            stream_.emplace(schema, std::move(cases), std::move(again));
            streamed_ = true;
            return;
        }
        auto table = std::make_shared<const CaseTable>(read_case_table(p_, file_, lists_, options_));
        for (const auto& d : table->unmatched_list_rows())
            pending_.emplace_back(std::filesystem::path(d.where.file->path()).stem().string() + "#" + std::to_string(d.where.line()), render(d));
        table_ = std::move(table);
    } catch (const CompileError& e) {
        pending_.emplace_back(stem_, e.what());
    } catch (const std::runtime_error& e) {
        pending_.emplace_back(stem_, std::string(e.what()) + "\n");
    }
}

std::optional<CaseItem> CaseSource::next() {
    if (yaml_) {
        std::optional<CaseDocument> d = yaml_->next();
        if (!d) return std::nullopt;
        many_ = many_ || d->in_stream;
        CaseItem item;
        item.name = stem_ + (d->in_stream ? "#" + std::to_string(d->number) : "");
        item.doc = std::move(*d);
        return item;
    }
    if (!opened_) open_table();
    CaseItem item;
    if (table_ && row_ < table_->size()) {
        item.table = table_;
        item.row = row_;
        item.name = table_->name_of(row_++);
        return item;
    }
    if (streamed_) {
        try {
            if (auto rows = stream_->next()) {
                std::string id = stream_->schema().id_of(rows->row);
                item.name = !id.empty() ? id : stream_->schema().row_name(rows->row);
                item.schema = stream_->shared_schema();
                item.rows = std::make_shared<const CaseRows>(std::move(*rows));
                return item;
            }
            for (const auto& d : stream_->unmatched())
                pending_.emplace_back(std::filesystem::path(d.where.file->path()).stem().string() + "#" + std::to_string(d.where.line()),
                                      render(d));
        } catch (const std::runtime_error& e) {  // the rest of a table cannot be read
            pending_.emplace_back(stem_, std::string(e.what()) + "\n");
        }
        streamed_ = false;
    }
    if (pending_.empty()) return std::nullopt;
    item.name = std::move(pending_.front().first);
    item.failure = std::move(pending_.front().second);
    pending_.erase(pending_.begin());
    return item;
}

}  // namespace reckon
