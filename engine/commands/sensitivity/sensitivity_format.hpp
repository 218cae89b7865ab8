// What `reckon sensitivity` writes (enum class SensitivityFormat): the text people read, JSON, and CSV, one row
// per figure and value analysed, for spreadsheets.
#pragma once

#include "commands/sensitivity/sensitivity.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace reckon {

enum class SensitivityFormat { text, json, csv, xlsx };

// Everything one run of the command found.
struct SensitivityFindings {
    std::vector<OneWay> one_way;
    struct Threshold {
        std::size_t target;
        Number value;
        std::vector<Switching> switching;  // for each uncertain value
    };
    std::vector<Threshold> thresholds;
    std::optional<Grid> grid;
    std::optional<Draws> draws;
    std::vector<DrawSummary> summaries;  // for each target, with its threshold if it has one
};

std::string sensitivity_text(const SensitivityRuns& runs, const SensitivityFindings& f);
nlohmann::ordered_json sensitivity_json(const SensitivityRuns& runs, const SensitivityFindings& f);
std::string sensitivity_csv(const SensitivityRuns& runs, const SensitivityFindings& f);

// Shown as people read them: a target's figure ("£60,805.55"), an uncertain value's ("3.5 hour", "£41,509.2833…/year").
std::string target_text(const SensitivityRuns& runs, std::size_t target, const Number& x);
std::string value_text(const SensitivityRuns& runs, std::size_t value, const Number& x);

}  // namespace reckon
