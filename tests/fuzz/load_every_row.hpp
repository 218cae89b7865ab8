// What the case-table fuzz targets do with a table once read: load every row
// and evaluate it, then look for list rows of no case. Every error must say
// something; a crash, a sanitizer report or a trap is a finding.
#pragma once

#include "core/eval/eval.hpp"
#include "data/load_case_table.hpp"

#include <string>
#include <vector>

namespace reckon::fuzz {

inline void load_every_row(const Program& p, const std::vector<Value>& params, const CaseTable& table) {
    for (std::size_t i = 0; i < table.size(); ++i) {
        try {
            Case c = table.load(i);
            if (c.inputs.size() != p.inputs.size()) __builtin_trap();
            evaluate_outputs(p, params, c);
        } catch (const CompileError& e) {
            if (std::string(e.what()).empty()) __builtin_trap();
        } catch (const EvalError&) {
        }
    }
    table.unmatched_list_rows();
}

}  // namespace reckon::fuzz
