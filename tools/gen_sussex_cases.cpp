// Writes N case files for methodology A (rulesets/sussex-complex-client.reckon),
// made-up offenders whose figures vary around the report's case:
//
//   gen_sussex_cases FOLDER COUNT [SEED]           (default seed 2012)
//   gen_sussex_cases --stream FILE COUNT [SEED]    the same cases in one file, `---` between them
//   gen_sussex_cases --csv FOLDER COUNT [SEED]     the same cases as CSV tables: FOLDER/cases.csv
//       (a row per case), activities.csv and custody.csv (a row per element), read by
//       reckon batch RULESET FOLDER/cases.csv --list probation.activities=FOLDER/activities.csv
//                                             --list police.custody_minutes=FOLDER/custody.csv
//   gen_sussex_cases --xlsx FOLDER COUNT [SEED]    the same tables as one workbook, FOLDER/cases.xlsx (sheets
//       cases, probation.activities, police.custody_minutes; numbers as number cells), written a row at a time
//
// Reproducible byte for byte: std::mt19937 with integer arithmetic only.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "reproducible_random.hpp"

#include <xlsxwriter.h>

#include <optional>
#include <sstream>

namespace {
using reckon::tools::Random;

// One made-up offender's year, drawn in a fixed order (so every format holds the same cases).
struct Offender {
    std::string hours[5];
    unsigned searches, arrests;
    std::vector<unsigned> custody;
    unsigned intelligence;
    std::string iom_hours;
    unsigned summary_cases;
    std::string resident_weeks;
    unsigned prison_days;
    std::string deputy, keyworker, night, supported;
    unsigned weeks_in_contact;
    std::string contact_hours, paperwork_hours;
    bool prescribed;
    unsigned weeks_in_custody, weeks_in_community;
    std::string gp, prescriptions;
    unsigned admissions;

    explicit Offender(Random& r) {
        for (auto& h : hours) h = r.tenths(0, 300);
        searches = r.below(12);
        arrests = r.below(9);
        for (unsigned k = 0, n = r.below(7); k < n; ++k) custody.push_back(30 + r.below(1500));
        intelligence = r.below(50);
        iom_hours = r.tenths(0, 60);
        summary_cases = r.below(4);
        resident_weeks = r.tenths(0, 520);
        prison_days = r.below(60);
        deputy = r.tenths(0, 30);
        keyworker = r.tenths(0, 250);
        night = r.tenths(0, 40);
        supported = r.tenths(0, 40);
        weeks_in_contact = r.below(53);
        contact_hours = r.tenths(0, 40);
        paperwork_hours = r.tenths(0, 10);
        prescribed = r.below(2) != 0;
        weeks_in_custody = r.below(30);
        weeks_in_community = r.below(53);
        gp = r.tenths(0, 20);
        prescriptions = r.tenths(0, 20);
        admissions = r.below(6);
    }
};

const char* const activities[] = {"Probation appointments", "OASYS assessments", "Enforcement paperwork",
                                  "Contact with housing providers", "Case conference"};

void write_yaml(std::ostream& out, long i, const Offender& o) {
    out << "case: A" << i << "\nperiod: {from: 2010-09-15, to: 2011-09-14}\nprobation:\n  activities:\n";
    for (int a = 0; a < 5; ++a) out << "    - {activity: \"" << activities[a] << "\", hours: " << o.hours[a] << "}\n";
    out << "police:\n  searches: " << o.searches << "\n  arrests: " << o.arrests << "\n  custody_minutes: [";
    for (std::size_t k = 0; k < o.custody.size(); ++k) out << (k ? ", " : "") << o.custody[k];
    out << "]\n  intelligence_reports: " << o.intelligence << "\n  iom_appointment_hours: " << o.iom_hours << "\n";
    out << "court:\n  summary_cases: " << o.summary_cases << "\n";
    out << "hostel:\n  resident_weeks: " << o.resident_weeks << "\n  days_in_prison_during_stay: " << o.prison_days
        << "\n  additional_staff_hours_per_week:\n    deputy_manager: " << o.deputy << "\n    keyworker: " << o.keyworker
        << "\n    night_hostel_worker: " << o.night << "\n    supported_housing_assistant: " << o.supported << "\n";
    out << "drug_services:\n  weeks_in_contact: " << o.weeks_in_contact << "\n  contact_hours_per_week: " << o.contact_hours
        << "\n  paperwork_hours_per_week: " << o.paperwork_hours << "\n  prescribed: " << (o.prescribed ? "true" : "false") << "\n";
    out << "prison:\n  weeks_in_custody: " << o.weeks_in_custody << "\nnhs:\n  weeks_in_community: " << o.weeks_in_community
        << "\n  gp_consultations_per_week: " << o.gp << "\n  prescriptions_per_week: " << o.prescriptions
        << "\n  non_elective_admissions: " << o.admissions << "\n";
}

// The same offender as a row of cases.csv, rows of activities.csv and rows of custody.csv.
void write_csv(std::ostream& cases, std::ostream& acts, std::ostream& custody, long i, const Offender& o) {
    cases << "A" << i << ",2010-09-15,2011-09-14," << o.searches << "," << o.arrests << "," << o.intelligence << "," << o.iom_hours
          << "," << o.summary_cases << "," << o.resident_weeks << "," << o.prison_days << "," << o.deputy << "," << o.keyworker << ","
          << o.night << "," << o.supported << "," << o.weeks_in_contact << "," << o.contact_hours << "," << o.paperwork_hours << ","
          << (o.prescribed ? "TRUE" : "FALSE") << "," << o.weeks_in_custody << "," << o.weeks_in_community << "," << o.gp << ","
          << o.prescriptions << "," << o.admissions << "\n";
    for (int a = 0; a < 5; ++a) acts << "A" << i << "," << activities[a] << "," << o.hours[a] << "\n";
    for (unsigned m : o.custody) custody << "A" << i << "," << m << "\n";
}

// The CSV tables' rows as a workbook's sheets, a row at a time (constant memory): numbers as number cells.
class Sheets {
public:
    explicit Sheets(const std::filesystem::path& file) {
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        book_ = workbook_new_opt(file.string().c_str(), &options);
        for (const char* n : {"cases", "probation.activities", "police.custody_minutes"}) sheets_.push_back(workbook_add_worksheet(book_, n));
    }
    // A line of CSV (no field holds a comma or a quote) as the next row of sheet k.
    void row(std::size_t k, const std::string& line) {
        std::size_t from = 0;
        lxw_col_t c = 0;
        while (from <= line.size()) {
            std::size_t comma = line.find(',', from);
            std::string field = line.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
            char* end = nullptr;
            double x = std::strtod(field.c_str(), &end);
            if (!field.empty() && *end == '\0' && rows_[k] > 0) worksheet_write_number(sheets_[k], rows_[k], c, x, nullptr);
            else if (!field.empty()) worksheet_write_string(sheets_[k], rows_[k], c, field.c_str(), nullptr);
            ++c;
            if (comma == std::string::npos) break;
            from = comma + 1;
        }
        ++rows_[k];
    }
    // Each line of `text` as a row of sheet k.
    void rows(std::size_t k, const std::string& text) {
        std::size_t from = 0;
        for (std::size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1) row(k, text.substr(from, nl - from));
    }
    bool close() { return workbook_close(book_) == LXW_NO_ERROR; }

private:
    lxw_workbook* book_;
    std::vector<lxw_worksheet*> sheets_;
    lxw_row_t rows_[3] = {0, 0, 0};
};

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 && std::string(argv[1]).rfind("--", 0) == 0 ? argv[1] : "";
    if (!mode.empty()) {
        --argc;
        ++argv;
    }
    const bool stream = mode == "--stream", csv = mode == "--csv", xlsx = mode == "--xlsx";
    if (argc < 3 || argc > 4 || !(mode.empty() || stream || csv || xlsx)) {
        std::cerr << "usage: gen_sussex_cases [--stream FILE|--csv FOLDER|--xlsx FOLDER|FOLDER] COUNT [SEED]\n";
        return 2;
    }
    const std::filesystem::path folder = argv[1];
    const long count = std::atol(argv[2]);
    const unsigned seed = argc > 3 ? static_cast<unsigned>(std::strtoul(argv[3], nullptr, 10)) : 2012u;
    if (count <= 0 || count > 10000000) {
        std::cerr << "gen_sussex_cases: COUNT must be between 1 and 10000000\n";
        return 2;
    }
    if (!stream) std::filesystem::create_directories(folder);
    std::ofstream one, acts, custody;
    if (stream) one.open(folder, std::ios::binary);
    std::ostringstream header;
    std::optional<Sheets> book;
    if (xlsx) book.emplace(folder / "cases.xlsx");
    if (csv || xlsx) {
        if (csv) {
            one.open(folder / "cases.csv", std::ios::binary);
            acts.open(folder / "activities.csv", std::ios::binary);
            custody.open(folder / "custody.csv", std::ios::binary);
        }
        header << "case,period.from,period.to,police.searches,police.arrests,police.intelligence_reports,police.iom_appointment_hours,"
               "court.summary_cases,hostel.resident_weeks,hostel.days_in_prison_during_stay,"
               "hostel.additional_staff_hours_per_week.deputy_manager,hostel.additional_staff_hours_per_week.keyworker,"
               "hostel.additional_staff_hours_per_week.night_hostel_worker,"
               "hostel.additional_staff_hours_per_week.supported_housing_assistant,drug_services.weeks_in_contact,"
               "drug_services.contact_hours_per_week,drug_services.paperwork_hours_per_week,drug_services.prescribed,"
               "prison.weeks_in_custody,nhs.weeks_in_community,nhs.gp_consultations_per_week,nhs.prescriptions_per_week,"
               "nhs.non_elective_admissions\n";
        if (csv) {
            one << header.str();
            acts << "case,activity,hours\n";
            custody << "case,custody_minutes\n";
        } else {
            book->rows(0, header.str());
            book->rows(1, "case,activity,hours\n");
            book->rows(2, "case,custody_minutes\n");
        }
    }
    Random r(seed);
    for (long i = 1; i <= count; ++i) {
        const Offender o(r);
        char name[32];
        std::snprintf(name, sizeof name, "case-%07ld.yaml", i);
        std::ofstream file;
        if (!stream && !csv && !xlsx) file.open(folder / name, std::ios::binary);
        std::ofstream& out = stream || csv ? one : file;
        if (stream) out << "--- # " << name << "\n";
        if (xlsx) {
            std::ostringstream c, a, m;
            write_csv(c, a, m, i, o);
            book->rows(0, c.str());
            book->rows(1, a.str());
            book->rows(2, m.str());
            continue;
        }
        if (csv) write_csv(out, acts, custody, i, o);
        else write_yaml(out, i, o);
        if (!out || !acts || !custody) {
            std::cerr << "gen_sussex_cases: cannot write into " << folder << "\n";
            return 1;
        }
    }
    if (book && !book->close()) {
        std::cerr << "gen_sussex_cases: cannot write " << (folder / "cases.xlsx") << "\n";
        return 1;
    }
    return 0;
}
