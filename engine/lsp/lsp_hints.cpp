// What the editor shows beside the code (lsp_server.hpp): the worked values of a case, each rule's value
// at the end of its line as an inlay hint (the case chosen by the `reckon.case` setting, or the nearest
// test block's); and on each test block a lens that runs the file's tests, as `reckon test` runs them.
#include "lsp/lsp_server.hpp"

#include "commands/tests/rule_tests.hpp"
#include "lsp/lsp_params.hpp"
#include "lsp/lsp_text.hpp"

#include <filesystem>
#include <sstream>

namespace reckon::lsp {

// The case of the worked values: the `reckon.case` setting (relative to the rule file's folder), else the
// case of the test block nearest `near`; "" when there is neither.
std::string Server::case_for(const Document& d, std::size_t near) const {
    const std::filesystem::path folder = std::filesystem::path(d.path).parent_path();
    if (!case_setting_.empty()) {
        const std::filesystem::path c(case_setting_);
        return c.is_absolute() ? c.string() : (folder / c).lexically_normal().string();
    }
    if (!d.analysis.program) return "";
    std::string best;
    std::size_t distance = std::string::npos;
    for (const auto& t : d.analysis.program->tests) {
        if (t.where.file != d.source.get() || t.case_path.empty()) continue;  // a test of the cohort names no one case
        const std::size_t dist = t.where.offset > near ? t.where.offset - near : near - t.where.offset;
        if (dist < distance) {
            distance = dist;
            best = (folder / t.case_path).lexically_normal().string();  // as `reckon test` finds it
        }
    }
    return best;
}

Json Server::inlay_hints(Document& d, std::size_t from, std::size_t to) {
    Json out = Json::array();
    if (!d.analysis.ok) return out;
    const std::string c = case_for(d, from);
    if (c.empty()) return out;
    if (!d.worked || d.worked->case_path != c) d.worked = worked_values(*d.analysis.program, d.source.get(), c);
    const std::string case_name = std::filesystem::path(c).filename().string();
    auto hint = [&](std::size_t at, const std::string& label, const std::string& tooltip) {
        std::size_t end = d.text.find('\n', at);
        if (end == std::string::npos) end = d.text.size();
        if (end > 0 && d.text[end - 1] == '\r') --end;
        const Position p = position_of(d.text, end);
        out.push_back({{"position", {{"line", p.line}, {"character", p.character}}}, {"label", label}, {"paddingLeft", true},
                       {"tooltip", tooltip}});
    };
    if (!d.worked->error.empty()) {
        hint(0, "no worked values for " + case_name, d.worked->error);
        return out;
    }
    for (const auto& v : d.worked->values) {
        const Location& where = d.analysis.program->rules[static_cast<std::size_t>(v.rule)].where;
        if (where.offset < from || where.offset > to) continue;
        hint(where.offset, "= " + v.text, "The worked value for the case " + c);
    }
    return out;
}

Json Server::code_lenses(const Document& d) {
    Json out = Json::array();
    if (!d.analysis.program) return out;
    std::size_t tests = 0;
    for (const auto& t : d.analysis.program->tests) tests += t.where.file == d.source.get() ? 1 : 0;
    for (const auto& t : d.analysis.program->tests) {
        if (t.where.file != d.source.get()) continue;
        out.push_back({{"range", range_json(d.text, t.where.offset, t.where.offset + t.where.length)},
                       {"command", {{"title", "Run the " + std::to_string(tests) + " test" + (tests == 1 ? "" : "s") + " of this file"},
                                    {"command", "reckon.runTests"},
                                    {"arguments", Json::array({d.uri})}}}});
    }
    return out;
}

Json Server::run_tests(const Json& arguments) {
    if (!arguments.is_array() || arguments.empty() || !arguments[0].is_string())
        throw Refused(ErrorCode::invalid_params, "reckon.runTests takes the URI of a rule file");
    const auto path = path_of_uri(arguments[0].get<std::string>());
    if (!path) throw Refused(ErrorCode::invalid_params, "not a file's URI: " + arguments[0].get<std::string>());
    std::error_code ec;
    if (std::filesystem::path(*path).extension() != ".reckon" || !std::filesystem::is_regular_file(*path, ec))
        throw Refused(ErrorCode::invalid_params, "reckon.runTests runs the tests of a saved rule file (*.reckon): " + *path + " is not one");
    std::ostringstream out;
    const TestTally tally = reckon::run_tests({*path}, limits_, out);
    const std::string summary = std::to_string(tally.passed) + " passed, " + std::to_string(tally.failed) + " failed";
    send(Json{{"jsonrpc", "2.0"}, {"method", "window/showMessage"}, {"params", {{"type", tally.failed ? 1 : 3}, {"message", summary}}}});
    return Json{{"passed", tally.passed}, {"failed", tally.failed}, {"output", out.str() + summary + "\n"}};
}

}  // namespace reckon::lsp
