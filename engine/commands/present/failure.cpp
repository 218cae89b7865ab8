#include "commands/present/failure.hpp"

#include "core/base/source.hpp"

#include <exception>
#include <stdexcept>

namespace reckon {

namespace {
FailureLine line_of(const Diagnostic& d) { return {d.where.str(), d.message}; }
}  // namespace

CaseFailure current_failure() {
    try {
        throw;
    } catch (const EvalError& e) {
        return {render(e.diagnostic()), {line_of(e.diagnostic())}};
    } catch (const CompileError& e) {
        CaseFailure f{e.what(), {}};
        for (const auto& d : e.diagnostics()) f.errors.push_back(line_of(d));
        return f;
    } catch (const FileError& e) {
        return {std::string(e.what()) + "\n", {{e.where(), e.message()}}};
    } catch (const std::exception& e) {
        return {std::string(e.what()) + "\n", {{"", e.what()}}};
    }
}

std::string first_place(const CaseFailure& f) {
    if (f.errors.empty()) return "";
    return f.errors[0].where.empty() ? f.errors[0].message : f.errors[0].where;
}

std::string one_line(const CaseFailure& f) {
    std::string out;
    for (const auto& [where, message] : f.errors) out += (out.empty() ? "" : "; ") + (where.empty() ? "" : where + ": ") + message;
    return out;
}

}  // namespace reckon
