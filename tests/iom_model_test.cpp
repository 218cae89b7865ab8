// Methodology B computed a second time, here, straight from the spec
// (../shared/specs/iom-annual-report.md) with its own reading of the case
// files, the published unit costs and deflator (tests/data/), dates from
// <chrono> and Boost rationals; then compared, to the displayed figure, with
// `reckon batch` on generated cohorts for several report years.
#include "support.hpp"

#include <boost/multiprecision/cpp_int.hpp>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>

namespace {
using Q = boost::multiprecision::cpp_rational;
using boost::multiprecision::cpp_int;

Q decimal(const std::string& s) {  // "1.49168", "-5", "12.5" exactly
    bool neg = !s.empty() && s[0] == '-';
    std::string t = neg ? s.substr(1) : s;
    auto dot = t.find('.');
    std::string digits = dot == std::string::npos ? t : t.substr(0, dot) + t.substr(dot + 1);
    cpp_int scale = 1;
    if (dot != std::string::npos)
        for (std::size_t i = dot + 1; i < t.size(); ++i) scale *= 10;
    Q q(cpp_int(digits), scale);
    return neg ? Q(-q) : q;
}

// Rounded half away from zero to `places`, as the spec displays figures.
Q rounded(const Q& x, int places) {
    cpp_int scale = 1;
    for (int i = 0; i < places; ++i) scale *= 10;
    Q y = abs(x) * scale + Q(1, 2);
    cpp_int whole = numerator(y) / denominator(y);
    Q r(whole, scale);
    return x < 0 ? Q(-r) : r;
}

long day_number(const std::string& iso) {
    int y = std::stoi(iso.substr(0, 4));
    unsigned m = static_cast<unsigned>(std::stoi(iso.substr(5, 2))), d = static_cast<unsigned>(std::stoi(iso.substr(8, 2)));
    return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}}.time_since_epoch().count();
}

std::vector<std::vector<std::string>> read_csv(const std::string& path) {
    std::istringstream in(reckon::testing::read_file(path));
    std::vector<std::vector<std::string>> rows;
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cells{""};
        bool quoted = false;
        for (char c : line) {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) cells.emplace_back();
            else cells.back() += c;
        }
        rows.push_back(cells);
    }
    rows.erase(rows.begin());  // the header
    return rows;
}

struct Prices {
    std::map<std::string, Q> total, fiscal;  // 2010/11 prices
    std::map<int, Q> index;                   // by the year a financial year starts
};

Prices load_prices() {
    Prices p;
    for (const auto& r : read_csv(reckon::testing::source_dir() + "/tests/data/iom-toolkit-unit-costs-2010-11.csv")) {
        p.fiscal[r[0]] = decimal(r[3]);
        p.total[r[0]] = decimal(r[3]) + decimal(r[4]) + decimal(r[5]);
    }
    for (const auto& r : read_csv(reckon::testing::source_dir() + "/tests/data/gdp-deflator.csv"))
        p.index[std::stoi(r[0].substr(0, 4))] = decimal(r[1]);
    return p;
}

struct Offence {
    long date;
    std::string type;
    Q css;
};

struct Nominal {
    std::string id;
    long joined;
    std::optional<long> left;
    std::vector<Offence> offences;
};

Nominal read_nominal(const std::string& path) {
    YAML::Node n = YAML::LoadFile(path);
    Nominal x;
    x.id = n["nominal"].as<std::string>();
    x.joined = day_number(n["joined"].as<std::string>());
    if (n["left"]) x.left = day_number(n["left"].as<std::string>());
    if (n["offences"])
        for (const auto& o : n["offences"])
            x.offences.push_back({day_number(o["date"].as<std::string>()), o["type"].as<std::string>(), decimal(o["css"].as<std::string>())});
    return x;
}

// One nominal, by the spec's "Per nominal" steps.
struct Figures {
    std::string status;
    Q factor = 0;
    Q days_on = 0;
    Q base_n = 0, base_css = 0, base_cost = 0, base_fiscal = 0;
    Q year_n = 0, year_css = 0, year_cost = 0, year_fiscal = 0;
    bool included() const { return status == "full_year" || status == "pro_rata"; }
};

Figures figures(const Nominal& x, int year, const Prices& prices) {
    const Q uprate = prices.index.at(year) / prices.index.at(2010);
    const long start = day_number(std::to_string(year) + "-04-01"), end = day_number(std::to_string(year + 1) + "-03-31");
    const long year_days = end - start + 1;
    const long from = std::max(x.joined, start), to = std::min(x.left.value_or(end), end);
    Figures f;
    if (to < from) {
        f.status = "not_on_scheme";
    } else {
        const long days = to - from + 1;
        f.days_on = days;
        if (days == year_days) f.status = "full_year", f.factor = 1;
        else if (2 * days >= year_days) f.status = "pro_rata", f.factor = Q(year_days, days);
        else if (!x.left || *x.left > end) f.status = "carried_over";
        else f.status = "excluded";
    }
    for (const auto& o : x.offences) {
        const Q cost = prices.total.at(o.type) * uprate, fiscal = prices.fiscal.at(o.type) * uprate;
        if (x.joined - 365 <= o.date && o.date < x.joined) {
            f.base_n += 1, f.base_css += o.css, f.base_cost += cost, f.base_fiscal += fiscal;
        }
        if (f.status != "not_on_scheme" && from <= o.date && o.date <= to) {
            f.year_n += 1, f.year_css += o.css, f.year_cost += cost, f.year_fiscal += fiscal;
        }
    }
    return f;
}

std::string shown(const nlohmann::json& value) { return value.is_null() ? "null" : value.get<std::string>(); }

void expect_figure(const nlohmann::json& outputs, const std::string& name, const std::optional<Q>& expected, int places) {
    INFO(name);
    const auto& value = outputs.at(name).at("value");
    if (!expected) {
        CHECK(value.is_null());
        return;
    }
    REQUIRE(value.is_string());
    CHECK(decimal(value.get<std::string>()) == rounded(*expected, places));
}

void compare_year(const std::string& folder, int year, const Prices& prices) {
    CAPTURE(folder);
    CAPTURE(year);
    auto r = reckon::testing::run_reckon({"batch", "rulesets/iom-annual-report.reckon", folder, "--format", "jsonl", "--jobs", "2",
                                          "--param", "report_year=" + std::to_string(year)});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    auto [got, cohort] = reckon::testing::parse_jsonl(r.out);

    std::vector<Figures> all;
    for (const auto& e : std::filesystem::directory_iterator(folder)) {
        Nominal x = read_nominal(e.path().string());
        Figures f = figures(x, year, prices);
        all.push_back(f);
        INFO(x.id);
        const auto& o = got.at(x.id);
        CHECK(shown(o["status"]["value"]) == f.status);
        expect_figure(o, "days_on", f.days_on, 2);
        expect_figure(o, "baseline_offences", f.base_n, 2);
        expect_figure(o, "baseline_css", f.base_css, 2);
        expect_figure(o, "baseline_cost", f.base_cost, 2);
        expect_figure(o, "year_offences", f.year_n, 2);
        auto annualised = [&](const Q& q) { return f.included() ? std::optional<Q>(f.factor * q) : std::nullopt; };
        expect_figure(o, "annualised_offences", annualised(f.year_n), 2);
        expect_figure(o, "annualised_css", annualised(f.year_css), 2);
        expect_figure(o, "annualised_cost", annualised(f.year_cost), 2);
    }

    // The cohort table of the spec, over the included nominals.
    Q included = 0, pro_rata = 0, carried = 0, excluded = 0, base_n = 0, ann_n = 0, base_css = 0, ann_css = 0, reduced = 0,
      base_cost = 0, ann_cost = 0, fiscal_saving = 0;
    for (const auto& f : all) {
        pro_rata += f.status == "pro_rata";
        carried += f.status == "carried_over";
        excluded += f.status == "excluded";
        if (!f.included()) continue;
        included += 1;
        base_n += f.base_n, ann_n += f.factor * f.year_n;
        base_css += f.base_css, ann_css += f.factor * f.year_css;
        reduced += f.factor * f.year_n < f.base_n;
        base_cost += f.base_cost, ann_cost += f.factor * f.year_cost;
        fiscal_saving += f.base_fiscal - f.factor * f.year_fiscal;
    }
    auto pct = [](const Q& base, const Q& now) { return base > 0 ? std::optional<Q>((base - now) / base * 100) : std::nullopt; };
    expect_figure(cohort, "nominals_included", included, 2);
    expect_figure(cohort, "nominals_pro_rata", pro_rata, 2);
    expect_figure(cohort, "nominals_carried_over", carried, 2);
    expect_figure(cohort, "nominals_excluded", excluded, 2);
    expect_figure(cohort, "baseline_offences", base_n, 2);
    expect_figure(cohort, "annualised_offences", ann_n, 2);
    expect_figure(cohort, "offence_reduction_pct", pct(base_n, ann_n), 1);
    expect_figure(cohort, "baseline_css", base_css, 2);
    expect_figure(cohort, "annualised_css", ann_css, 2);
    expect_figure(cohort, "css_reduction_pct", pct(base_css, ann_css), 1);
    expect_figure(cohort, "reduced_or_stopped_pct", included > 0 ? std::optional<Q>(reduced / included * 100) : std::nullopt, 1);
    expect_figure(cohort, "baseline_cost", base_cost, 2);
    expect_figure(cohort, "annualised_cost", ann_cost, 2);
    // the savings are not defined when no nominal is included, as the reductions are not
    expect_figure(cohort, "saving_pnc", included > 0 ? std::optional<Q>(base_cost - ann_cost) : std::nullopt, 2);
    expect_figure(cohort, "saving_pnc_fiscal", included > 0 ? std::optional<Q>(fiscal_saving) : std::nullopt, 2);
    expect_figure(cohort, "saving_css", base_css > 0 ? std::optional<Q>(base_cost * (base_css - ann_css) / base_css) : std::nullopt, 2);
}
}  // namespace

TEST_CASE("IOM: reckon batch agrees with a second reading of the spec, for every report year of the deflator table") {
    const Prices prices = load_prices();
    // The generated nominals joined from April 2021 to March 2024: the years
    // 2021 to 2025 hold every status; before 2021 no one is on the scheme.
    for (const char* seed : {"7", "2024"}) {
        std::string dir = reckon::testing::temp_dir();
        auto g = reckon::testing::run_program(RECKON_GEN_IOM, {dir, "150", seed});
        REQUIRE(g.status == 0);
        for (int year = 2021; year <= 2025; ++year) compare_year(dir, year, prices);
        if (std::string(seed) == "7")
            for (int year = 2008; year <= 2020; ++year) compare_year(dir, year, prices);
    }
    compare_year(reckon::testing::source_dir() + "/cases/iom", 2023, prices);
}
