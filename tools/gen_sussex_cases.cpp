// Writes N case files for methodology A (rulesets/sussex-complex-client.reckon),
// made-up offenders whose figures vary around the report's case:
//
//   gen_sussex_cases FOLDER COUNT [SEED]           (default seed 2012)
//   gen_sussex_cases --stream FILE COUNT [SEED]    the same cases in one file, `---` between them
//
// Reproducible byte for byte: std::mt19937 with integer arithmetic only.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "reproducible_random.hpp"

namespace {
using reckon::tools::Random;
}  // namespace

int main(int argc, char** argv) {
    const bool stream = argc > 1 && std::string(argv[1]) == "--stream";
    if (stream) {
        --argc;
        ++argv;
    }
    if (argc < 3 || argc > 4) {
        std::cerr << "usage: gen_sussex_cases FOLDER COUNT [SEED]\n       gen_sussex_cases --stream FILE COUNT [SEED]\n";
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
    std::ofstream one;
    if (stream) one.open(folder, std::ios::binary);
    Random r(seed);
    static const char* activities[] = {"Probation appointments", "OASYS assessments", "Enforcement paperwork",
                                       "Contact with housing providers", "Case conference"};
    for (long i = 1; i <= count; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "case-%07ld.yaml", i);
        std::ofstream file;
        if (!stream) file.open(folder / name, std::ios::binary);
        std::ofstream& out = stream ? one : file;
        if (stream) out << "--- # " << name << "\n";
        out << "case: A" << i << "\nperiod: {from: 2010-09-15, to: 2011-09-14}\nprobation:\n  activities:\n";
        for (const char* a : activities) out << "    - {activity: \"" << a << "\", hours: " << r.tenths(0, 300) << "}\n";
        out << "police:\n  searches: " << r.below(12) << "\n  arrests: " << r.below(9) << "\n  custody_minutes: [";
        for (unsigned k = 0, n = r.below(7); k < n; ++k) out << (k ? ", " : "") << 30 + r.below(1500);
        out << "]\n  intelligence_reports: " << r.below(50) << "\n  iom_appointment_hours: " << r.tenths(0, 60) << "\n";
        out << "court:\n  summary_cases: " << r.below(4) << "\n";
        out << "hostel:\n  resident_weeks: " << r.tenths(0, 520) << "\n  days_in_prison_during_stay: " << r.below(60)
            << "\n  additional_staff_hours_per_week:\n    deputy_manager: " << r.tenths(0, 30) << "\n    keyworker: "
            << r.tenths(0, 250) << "\n    night_hostel_worker: " << r.tenths(0, 40) << "\n    supported_housing_assistant: "
            << r.tenths(0, 40) << "\n";
        out << "drug_services:\n  weeks_in_contact: " << r.below(53) << "\n  contact_hours_per_week: " << r.tenths(0, 40)
            << "\n  paperwork_hours_per_week: " << r.tenths(0, 10) << "\n  prescribed: " << (r.below(2) ? "true" : "false") << "\n";
        out << "prison:\n  weeks_in_custody: " << r.below(30) << "\nnhs:\n  weeks_in_community: " << r.below(53)
            << "\n  gp_consultations_per_week: " << r.tenths(0, 20) << "\n  prescriptions_per_week: " << r.tenths(0, 20)
            << "\n  non_elective_admissions: " << r.below(6) << "\n";
        if (!out) {
            std::cerr << "gen_sussex_cases: cannot write into " << folder << "\n";
            return 1;
        }
    }
    return 0;
}
