// Cells' names (table.hpp).
#include "core/program/table.hpp"

namespace reckon {

std::string CellTable::column_name(std::size_t column) {
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

CellTable read_all(RowReader& rows) {
    CellTable t;
    if (auto header = rows.next()) {
        t.header = std::move(*header);
        t.source = t.header.source;
    }
    while (auto row = rows.next()) t.rows.push_back(std::move(*row));
    return t;
}

std::string CellTable::cell_name(std::size_t column, std::uint32_t row) { return column_name(column) + std::to_string(row); }

}  // namespace reckon
