// Writes a synthetic IOM cohort: one YAML case file per nominal, in the
// schema of rulesets/iom-annual-report.reckon (see docs/cases.md).
//
//   gen_iom_cohort [--csv|--xlsx] FOLDER [COUNT] [SEED]     (defaults: 240 nominals, seed 2023)
//
// With --csv the same cohort is written as two tables, as an analyst's
// spreadsheet holds it: FOLDER/nominals.csv (nominal, joined, left) and
// FOLDER/offences.csv (nominal, date, type, css: a row per offence), read by
// `reckon batch RULESET FOLDER/nominals.csv --list offences=FOLDER/offences.csv`.
// With --xlsx it is one workbook, FOLDER/master.xlsx, with the same tables as
// sheets `cases` and `offences` (dates as date cells, severities as numbers),
// read by `reckon batch RULESET FOLDER/master.xlsx`.
//
// The same COUNT and SEED give the same files, byte for byte, on every
// machine: the only randomness is std::mt19937 (whose output the C++ standard
// fixes), turned into numbers by plain integer arithmetic here rather than by
// the library's distributions (whose algorithms it does not fix).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <string>

#include "core/program/types.hpp"
#include "reproducible_random.hpp"

#include <xlsxwriter.h>

namespace {

struct OffenceKind {
    const char* type;
    unsigned weight;  // how common, relative
    unsigned css;     // a typical ONS severity weight
};

// Mostly acquisitive and low-level violent offences, as in an IOM cohort.
const OffenceKind kinds[] = {
    {"shoplifting", 30, 13},          {"theft_not_vehicle", 12, 23},     {"burglary_dwelling", 8, 438},
    {"burglary_not_dwelling", 5, 181}, {"common_assault", 10, 115},     {"other_wounding", 5, 580},
    {"criminal_damage", 7, 58},        {"theft_from_vehicle", 4, 65},    {"theft_of_vehicle", 2, 142},
    {"robbery_personal", 2, 1005},     {"other", 10, 20},                {"commercial_criminal_damage", 2, 58},
    {"serious_wounding", 1, 1575},     {"attempted_vehicle_theft", 1, 60}, {"commercial_robbery", 1, 1005},
};

using reckon::tools::Random;

const OffenceKind& pick_kind(Random& r) {
    unsigned total = 0;
    for (const auto& k : kinds) total += k.weight;
    unsigned x = r.below(total);
    for (const auto& k : kinds) {
        if (x < k.weight) return k;
        x -= k.weight;
    }
    return kinds[0];
}

// The cohort as a workbook: the same rows as the CSV tables, dates as date cells.
class Workbook {
public:
    explicit Workbook(const std::filesystem::path& file) {
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        book_ = workbook_new_opt(file.string().c_str(), &options);
        static lxw_doc_properties properties{};
        static char title[] = "IOM cohort (synthetic)";
        properties.title = title;
        properties.created = 1711929600;  // 2024-04-01 00:00 UTC, fixed: the same workbook every time
        workbook_set_properties(book_, &properties);
        date_ = workbook_add_format(book_);
        format_set_num_format(date_, "yyyy-mm-dd");
        cases_ = workbook_add_worksheet(book_, "cases");
        offences_ = workbook_add_worksheet(book_, "offences");
        header(cases_, {"nominal", "joined", "left"});
        header(offences_, {"nominal", "date", "type", "css"});
    }
    void nominal(const char* id, long joined, std::optional<long> left) {
        ++case_row_;
        worksheet_write_string(cases_, case_row_, 0, id, nullptr);
        date(cases_, case_row_, 1, joined);
        if (left) date(cases_, case_row_, 2, *left);
    }
    void offence(const char* id, long when, const char* type, unsigned css) {
        ++offence_row_;
        worksheet_write_string(offences_, offence_row_, 0, id, nullptr);
        date(offences_, offence_row_, 1, when);
        worksheet_write_string(offences_, offence_row_, 2, type, nullptr);
        worksheet_write_number(offences_, offence_row_, 3, css, nullptr);
    }
    bool close() { return workbook_close(book_) == LXW_NO_ERROR; }

private:
    static void header(lxw_worksheet* sheet, std::initializer_list<const char*> names) {
        lxw_col_t c = 0;
        for (const char* n : names) worksheet_write_string(sheet, 0, c++, n, nullptr);
    }
    void date(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, long days) {
        worksheet_write_number(sheet, row, col, static_cast<double>(days - reckon::days_from_civil(1899, 12, 30)), date_);
    }
    lxw_workbook* book_;
    lxw_format* date_;
    lxw_worksheet *cases_, *offences_;
    lxw_row_t case_row_ = 0, offence_row_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
    const bool csv = argc > 1 && std::string(argv[1]) == "--csv";
    const bool xlsx = argc > 1 && std::string(argv[1]) == "--xlsx";
    if (csv || xlsx) {
        --argc;
        ++argv;
    }
    if (argc < 2 || argc > 4) {
        std::cerr << "usage: gen_iom_cohort [--csv|--xlsx] FOLDER [COUNT] [SEED]\n";
        return 2;
    }
    const std::filesystem::path folder = argv[1];
    const int count = argc > 2 ? std::atoi(argv[2]) : 240;
    const unsigned seed = argc > 3 ? static_cast<unsigned>(std::strtoul(argv[3], nullptr, 10)) : 2023u;
    if (count <= 0 || count > 10000000) {
        std::cerr << "gen_iom_cohort: COUNT must be between 1 and 10000000\n";
        return 2;
    }
    std::filesystem::create_directories(folder);
    Random r(seed);
    // Joining dates from April 2021 to March 2024: some nominals joined before
    // the 2023/24 report year, some during it, a few after it.
    const long first = reckon::days_from_civil(2021, 4, 1), last = reckon::days_from_civil(2024, 3, 31);
    const int width = count >= 10000 ? 7 : 4;
    std::ofstream nominals, offences;  // --csv
    if (csv) {
        nominals.open(folder / "nominals.csv", std::ios::binary);
        offences.open(folder / "offences.csv", std::ios::binary);
        nominals << "nominal,joined,left\n";
        offences << "nominal,date,type,css\n";
    }
    std::optional<Workbook> book;  // --xlsx
    if (xlsx) book.emplace(folder / "master.xlsx");
    const bool table = csv || xlsx;
    for (int i = 1; i <= count; ++i) {
        char id[24];
        std::snprintf(id, sizeof id, "N%0*d", width, i);
        const long joined = first + r.between(0, static_cast<int>(last - first));
        std::ofstream yaml;
        if (!table) yaml.open(folder / (std::string(id) + ".yaml"), std::ios::binary);
        std::ostream& out = csv ? nominals : yaml;
        const bool left = r.chance(40);
        const std::string left_date = left ? reckon::format_date(joined + r.between(20, 900)) : "";
        if (xlsx) {
            book->nominal(id, joined, left ? std::optional<long>(reckon::parse_date(left_date)) : std::nullopt);
        } else if (csv) {
            out << id << "," << reckon::format_date(joined) << "," << left_date << "\n";
        } else {
            out << "nominal: " << id << "\n";
            out << "joined: " << reckon::format_date(joined) << "\n";
            if (left) out << "left: " << left_date << "\n";
        }
        // Offending before joining, and (mostly less) while on the scheme.
        const int before = r.between(0, 7), during = r.between(0, 4);
        if (before + during > 0 && !table) out << "offences:\n";
        for (int k = 0; k < before + during; ++k) {
            const long date = k < before ? joined - r.between(1, 420) : joined + r.between(0, 700);
            const OffenceKind& kind = pick_kind(r);
            const unsigned css = kind.css + r.below(kind.css / 4 + 1);
            if (xlsx) book->offence(id, date, kind.type, css);
            else if (csv) offences << id << "," << reckon::format_date(date) << "," << kind.type << "," << css << "\n";
            else out << "  - {date: " << reckon::format_date(date) << ", type: " << kind.type << ", css: " << css << "}\n";
        }
        if ((!xlsx && !out) || (csv && !offences)) {
            std::cerr << "gen_iom_cohort: cannot write into " << folder << "\n";
            return 1;
        }
    }
    if (book && !book->close()) {
        std::cerr << "gen_iom_cohort: cannot write " << (folder / "master.xlsx") << "\n";
        return 1;
    }
    return 0;
}
