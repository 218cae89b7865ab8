// The load phase for case tables (load_case_table.hpp): whole tables in memory, rows in any order. Each
// list table's rows are found by the identifier of the case they name, and an identifier given to two
// rows, or a list row that names no case, is reported.
#include "data/load_case_table.hpp"

#include "data/table_cells.hpp"

#include <algorithm>

namespace reckon {

using table_cells::cell_offset;

TableSchema CaseTable::schema(const Program& p, const CellTable& cases, const std::vector<ListTable>& lists, TableOptions options) {
    std::vector<std::pair<std::string, TableRow>> headers;
    for (const auto& l : lists) headers.emplace_back(l.input, l.table.header);
    return TableSchema(p, cases.header, std::move(headers), std::move(options));
}

CaseTable::CaseTable(const Program& p, CellTable cases, std::vector<ListTable> lists, TableOptions options)
    : schema_(std::make_shared<const TableSchema>(schema(p, cases, lists, std::move(options)))), cases_(std::move(cases)) {
    for (std::size_t k = 0; k < lists.size(); ++k) {
        lists_.push_back(std::move(lists[k].table.rows));
        rows_by_id_.emplace_back();
        for (std::size_t r = 0; r < lists_[k].size(); ++r) rows_by_id_[k][schema_->list_id_of(k, lists_[k][r])].push_back(r);
    }
    for (std::size_t i = 0; i < cases_.rows.size(); ++i)
        if (std::string id = id_of(i); !id.empty()) first_row_.emplace(id, cases_.rows[i].number);
}

Case CaseTable::load(std::size_t i) const {
    const TableRow& row = cases_.rows.at(i);
    const std::string id = id_of(i);
    std::vector<std::vector<const TableRow*>> lists(lists_.size());
    for (std::size_t k = 0; k < lists_.size() && !id.empty(); ++k)
        if (auto rows = rows_by_id_[k].find(id); rows != rows_by_id_[k].end())
            for (std::size_t r : rows->second) lists[k].push_back(&lists_[k][r]);
    std::vector<Diagnostic> errors;
    if (auto first = first_row_.find(id); !id.empty() && first != first_row_.end() && first->second != row.number) {
        errors.push_back({Location{row.source.get(), cell_offset(row, schema_->id_column().value_or(0)), 1},
                          "row " + std::to_string(row.number) + ": '" + id + "' identifies row " + std::to_string(first->second) +
                              " already; each case needs an identifier of its own",
                          {}});
    }
    return schema_->load(row, lists, std::move(errors));
}

std::string CaseTable::name_of(std::size_t i) const {
    std::string id = id_of(i);
    return !id.empty() ? id : schema_->row_name(cases_.rows.at(i));
}

std::vector<Diagnostic> CaseTable::unmatched_list_rows() const {
    std::vector<std::string> ids;  // a case with no identifier matches no list row
    for (std::size_t i = 0; i < cases_.rows.size(); ++i)
        if (std::string id = id_of(i); !id.empty()) ids.push_back(std::move(id));
    std::sort(ids.begin(), ids.end());
    std::vector<Diagnostic> out;
    for (std::size_t k = 0; k < lists_.size(); ++k)
        for (std::size_t r = 0; r < lists_[k].size(); ++r) {
            const std::string id = schema_->list_id_of(k, lists_[k][r]);
            if (id.empty() || !std::binary_search(ids.begin(), ids.end(), id)) out.push_back(schema_->unmatched(k, lists_[k][r]));
        }
    return out;
}

}  // namespace reckon
