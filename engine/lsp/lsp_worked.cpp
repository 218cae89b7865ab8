// Worked values, through the engine's own evaluation: the case loaded and checked as `reckon eval` loads it,
// each rule evaluated once, an error shown where it happens rather than stopping the others.
#include "lsp/lsp_worked.hpp"

#include "commands/present/present.hpp"
#include "core/eval/eval.hpp"
#include "data/load_case.hpp"

#include <filesystem>

namespace reckon::lsp {

namespace {
std::string shortened(std::string s) {
    constexpr std::size_t most = 80;
    if (s.size() <= most) return s;
    std::size_t cut = most;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return s.substr(0, cut) + "…";
}
}  // namespace

Worked worked_values(const Program& p, const SourceFile* file, const std::string& case_path) {
    Worked w;
    w.case_path = case_path;
    try {
        // Only a regular file: a device (/dev/zero) or a pipe has no size to hold to the file-size limit, and
        // reading one would never end, leaving the server answering nothing.
        std::error_code ec;
        const auto kind = std::filesystem::status(case_path, ec).type();
        if (!ec && kind != std::filesystem::file_type::regular && kind != std::filesystem::file_type::not_found)
            throw FileError(case_path, "not a regular file (a folder, a device or a pipe): a case is read from a regular file");
        const Case c = load_case_file(p, case_path);
        const std::vector<Value> params = bind_params(p, command_line_overrides(p));
        Evaluator ev(p, params, c.inputs);
        check_requires(p, ev, c);  // a case the ruleset refuses has no worked values, as eval gives it none
        for (std::size_t i = 0; i < p.rules.size(); ++i) {
            const RuleDef& r = p.rules[i];
            if (r.cohort || r.where.file != file) continue;
            WorkedValue v{static_cast<int>(i), ""};
            try {
                const Value& x = ev.rule(static_cast<int>(i));
                v.text = shortened(r.by ? display_by_member(p, r, x) : display_with_unit(p, r, x));
            } catch (const EvalError& e) {
                v.text = "error: " + e.diagnostic().message;
            }
            w.values.push_back(std::move(v));
        }
    } catch (const std::exception& e) {  // a CompileError's text is rendered when thrown: its places point into a case now gone
        w.error = e.what();
    }
    return w;
}

}  // namespace reckon::lsp
