// The load phase for case tables (load_case_table.hpp): tables read a row at a time and joined in
// order, in constant memory. The cases' identifiers increase and each list table's never decrease
// (compared as text, with runs of digits as numbers: N2 before N10), so each case's list rows are the
// next rows of each list table, and a list row that comes before its case names none.
#include "data/load_case_table.hpp"

#include <cctype>

namespace reckon {

int natural_compare(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && digit(a[ie])) ++ie;
            while (je < b.size() && digit(b[je])) ++je;
            std::size_t is = i, js = j;  // leading zeros say nothing of the number
            while (is + 1 < ie && a[is] == '0') ++is;
            while (js + 1 < je && b[js] == '0') ++js;
            if (ie - is != je - js) return ie - is < je - js ? -1 : 1;
            if (int c = a.compare(is, ie - is, b, js, je - js)) return c < 0 ? -1 : 1;
            if (ie - i != je - j) return ie - i < je - j ? -1 : 1;  // N01 and N1: the same number, told apart
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
            ++i;
            ++j;
        }
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return 0;
}

bool ordered_tables(const TableSchema& schema, RowReader& cases, std::vector<std::unique_ptr<RowReader>>& lists) {
    std::optional<std::string> last;
    while (auto row = cases.next()) {
        std::string id = schema.id_of(*row);
        if (schema.list_count() > 0 && id.empty()) return false;  // a case with no identifier: joined by none
        if (!id.empty() && last && natural_compare(*last, id) >= 0) return false;
        if (!id.empty()) last = std::move(id);
    }
    for (std::size_t k = 0; k < lists.size(); ++k) {
        std::optional<std::string> previous;
        while (auto row = lists[k]->next()) {
            std::string id = schema.list_id_of(k, *row);
            if (previous && natural_compare(*previous, id) > 0) return false;
            previous = std::move(id);
        }
    }
    return true;
}

CaseStream::CaseStream(std::shared_ptr<const TableSchema> schema, std::unique_ptr<RowReader> cases,
                       std::vector<std::unique_ptr<RowReader>> lists)
    : schema_(std::move(schema)), cases_(std::move(cases)), lists_(std::move(lists)) {
    for (auto& l : lists_) lookahead_.push_back(l->next());
}

std::optional<CaseRows> CaseStream::next() {
    std::optional<TableRow> row = cases_->next();
    CaseRows out;
    out.lists.resize(lists_.size());
    const std::string id = row ? schema_->id_of(*row) : "";
    for (std::size_t k = 0; k < lists_.size(); ++k) {
        auto& ahead = lookahead_[k];
        while (ahead) {
            const std::string lid = schema_->list_id_of(k, *ahead);
            const int order = row ? natural_compare(lid, id) : -1;  // after the last case, every row left names none
            if (order > 0) break;  // a later case's
            if (order == 0) out.lists[k].push_back(std::move(*ahead));
            else {
                unmatched_.push_back(schema_->unmatched(k, *ahead));
                unmatched_sources_.push_back(ahead->source);
            }
            ahead = lists_[k]->next();
        }
    }
    if (!row) return std::nullopt;
    out.row = std::move(*row);
    return out;
}

}  // namespace reckon
