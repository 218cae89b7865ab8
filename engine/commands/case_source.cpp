// Where a batch's cases come from (case_source.hpp).
#include "case_source.hpp"

#include "core/compile.hpp"
#include "core/read_csv.hpp"
#include "core/read_xlsx.hpp"

#include <algorithm>
#include <filesystem>

namespace reckon {

bool is_case_table(const std::string& file) {
    std::string ext = std::filesystem::path(file).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".csv" || is_workbook(file);
}

namespace {

// A --list table: a CSV file, or a workbook's sheet named by the list input (else its first sheet).
CellTable list_file_table(const Program& p, const ListFile& l) {
    if (!is_workbook(l.path)) return read_csv(read_source(l.path, p.limits.file_size), std::nullopt);
    Workbook book(l.path, p.limits);
    const auto& names = book.sheets();
    if (names.empty()) throw std::runtime_error(l.path + ": error: the workbook has no sheet");
    const std::string name = std::find(names.begin(), names.end(), l.input) != names.end() ? l.input : names.front();
    CellTable t = book.sheet(name);
    if (t.header.cells.empty()) throw std::runtime_error(l.path + ": error: sheet '" + name + "' is empty: its first row names the columns");
    return t;
}

}  // namespace

CaseTable read_case_table(const Program& p, const std::string& file, const std::vector<ListFile>& lists, const TableOptions& options) {
    std::vector<ListTable> list_tables;
    for (const auto& l : lists) list_tables.push_back({l.input, list_file_table(p, l)});
    if (!is_workbook(file)) return CaseTable(p, read_csv(read_source(file, p.limits.file_size), std::nullopt), std::move(list_tables), options);
    Workbook book(file, p.limits);
    const auto& names = book.sheets();
    if (names.empty()) throw std::runtime_error(file + ": error: the workbook has no sheet");
    const std::string cases = std::find(names.begin(), names.end(), "cases") != names.end() ? "cases" : names.front();
    std::vector<std::string> list_inputs;
    for (const auto& in : p.inputs)
        if (in.type.kind == TypeKind::list) list_inputs.push_back(in.path);
    for (const auto& name : names) {
        if (name == cases || name == "instructions") continue;
        const bool listed = std::any_of(lists.begin(), lists.end(), [&](const ListFile& l) { return l.input == name; });
        if (std::find(list_inputs.begin(), list_inputs.end(), name) != list_inputs.end()) {
            if (listed) continue;  // --list takes the place of the sheet
            CellTable t = book.sheet(name);
            if (!t.header.cells.empty()) list_tables.push_back({name, std::move(t)});  // an empty sheet: every case has the list's default
            continue;
        }
        if (std::find(options.ignored_sheets.begin(), options.ignored_sheets.end(), name) != options.ignored_sheets.end()) continue;
        CellTable t = book.sheet(name);
        if (t.header.cells.empty()) continue;  // an empty sheet, as a new workbook has
        std::string near = closest_name(name, list_inputs);
        throw std::runtime_error(file + ": error: sheet '" + name + "' is not the cases or the table of a list input" +
                                 (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                                 "\n  note: the cases are in sheet 'cases' (or the first sheet), each list input's elements in the "
                                 "sheet named by its path (as offences), and a sheet kept for people is left out with "
                                 "--ignore-sheet NAME");
    }
    CellTable case_rows = book.sheet(cases);
    if (case_rows.header.cells.empty()) throw std::runtime_error(file + ": error: sheet '" + cases + "' is empty: its first row names the columns");
    return CaseTable(p, std::move(case_rows), std::move(list_tables), options);
}

Case CaseItem::load(const Program& p) const {
    if (!failure.empty()) throw std::runtime_error(failure.substr(0, failure.size() - (failure.back() == '\n' ? 1 : 0)));
    if (table) return table->load(row);
    if (!doc.source) throw std::runtime_error(doc.error);
    return load_case(p, doc.source);
}

Case case_in_table(const Program& p, const std::string& file, const std::vector<ListFile>& lists, const TableOptions& options,
                   const std::string& id) {
    CaseTable table = read_case_table(p, file, lists, options);
    for (std::size_t i = 0; i < table.size(); ++i)
        if (table.id_of(i) == id) return table.load(i);
    throw UsageError(file + ": no row is identified by '" + id + "'");
}

CaseSource::CaseSource(const Program& p, std::string file, const std::vector<ListFile>& lists, const TableOptions& options)
    : p_(p), file_(std::move(file)), stem_(std::filesystem::path(file_).stem().string()), lists_(lists), options_(options) {
    if (!is_case_table(file_)) yaml_.emplace(file_, p.limits.file_size);
}

void CaseSource::open_table() {
    opened_ = true;
    many_ = true;
    try {
        auto table = std::make_shared<const CaseTable>(read_case_table(p_, file_, lists_, options_));
        for (const auto& d : table->unmatched_list_rows())
            pending_.emplace_back(std::filesystem::path(d.where.file->path()).stem().string() + "#" + std::to_string(d.where.line()),
                                  render(d));
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
        item.row = row_++;
        std::string id = table_->id_of(item.row);
        item.name = !id.empty() ? id : stem_ + "#" + std::to_string(table_->table().rows[item.row].number);
        return item;
    }
    if (pending_.empty()) return std::nullopt;
    item.name = std::move(pending_.front().first);
    item.failure = std::move(pending_.front().second);
    pending_.erase(pending_.begin());
    return item;
}

}  // namespace reckon
