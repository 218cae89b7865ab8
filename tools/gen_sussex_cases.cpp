// Writes N case files for methodology A (rulesets/sussex-complex-client.reckon),
// made-up offenders whose figures vary around the report's case:
//
//   gen_sussex_cases FOLDER COUNT [SEED]           (default seed 2012)
//   gen_sussex_cases --stream FILE COUNT [SEED]    the same cases in one file, `---` between them
//   gen_sussex_cases --csv FOLDER COUNT [SEED]     the same cases as CSV tables: FOLDER/cases.csv
//       (a row per case), activities.csv and custody.csv (a row per element), read by
//       reckon batch RULESET FOLDER/cases.csv --list probation.activities=FOLDER/activities.csv
//                                             --list police.custody_minutes=FOLDER/custody.csv
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

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 && (std::string(argv[1]) == "--stream" || std::string(argv[1]) == "--csv") ? argv[1] : "";
    if (!mode.empty()) {
        --argc;
        ++argv;
    }
    const bool stream = mode == "--stream", csv = mode == "--csv";
    if (argc < 3 || argc > 4) {
        std::cerr << "usage: gen_sussex_cases [--stream FILE|--csv FOLDER|FOLDER] COUNT [SEED]\n";
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
    if (csv) {
        one.open(folder / "cases.csv", std::ios::binary);
        acts.open(folder / "activities.csv", std::ios::binary);
        custody.open(folder / "custody.csv", std::ios::binary);
        one << "case,period.from,period.to,police.searches,police.arrests,police.intelligence_reports,police.iom_appointment_hours,"
               "court.summary_cases,hostel.resident_weeks,hostel.days_in_prison_during_stay,"
               "hostel.additional_staff_hours_per_week.deputy_manager,hostel.additional_staff_hours_per_week.keyworker,"
               "hostel.additional_staff_hours_per_week.night_hostel_worker,"
               "hostel.additional_staff_hours_per_week.supported_housing_assistant,drug_services.weeks_in_contact,"
               "drug_services.contact_hours_per_week,drug_services.paperwork_hours_per_week,drug_services.prescribed,"
               "prison.weeks_in_custody,nhs.weeks_in_community,nhs.gp_consultations_per_week,nhs.prescriptions_per_week,"
               "nhs.non_elective_admissions\n";
        acts << "case,activity,hours\n";
        custody << "case,custody_minutes\n";
    }
    Random r(seed);
    for (long i = 1; i <= count; ++i) {
        const Offender o(r);
        char name[32];
        std::snprintf(name, sizeof name, "case-%07ld.yaml", i);
        std::ofstream file;
        if (!stream && !csv) file.open(folder / name, std::ios::binary);
        std::ofstream& out = stream || csv ? one : file;
        if (stream) out << "--- # " << name << "\n";
        if (csv) write_csv(out, acts, custody, i, o);
        else write_yaml(out, i, o);
        if (!out || !acts || !custody) {
            std::cerr << "gen_sussex_cases: cannot write into " << folder << "\n";
            return 1;
        }
    }
    return 0;
}
