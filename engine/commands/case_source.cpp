// Where a batch's cases come from (case_source.hpp).
#include "case_source.hpp"

#include "core/compile.hpp"

#include <filesystem>

namespace reckon {

bool is_case_table(const std::string& file) {
    std::string ext = std::filesystem::path(file).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".csv";
}

Case CaseItem::load(const Program& p) const {
    if (!failure.empty()) throw std::runtime_error(failure.substr(0, failure.size() - (failure.back() == '\n' ? 1 : 0)));
    if (table) return table->load(row);
    if (!doc.source) throw std::runtime_error(doc.error);
    return load_case(p, doc.source);
}

Case case_in_table(const Program& p, const std::string& file, const std::vector<ListFile>& lists, const TableOptions& options,
                   const std::string& id) {
    CsvTable cases = read_csv(read_source(file, p.limits.file_size), std::nullopt);
    std::vector<ListTable> list_tables;
    for (const auto& l : lists) list_tables.push_back({l.input, read_csv(read_source(l.path, p.limits.file_size), std::nullopt)});
    CaseTable table(p, std::move(cases), std::move(list_tables), options);
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
        CsvTable cases = read_csv(read_source(file_, p_.limits.file_size), std::nullopt);
        std::vector<ListTable> lists;
        for (const auto& l : lists_) lists.push_back({l.input, read_csv(read_source(l.path, p_.limits.file_size), std::nullopt)});
        auto table = std::make_shared<const CaseTable>(p_, std::move(cases), std::move(lists), options_);
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
