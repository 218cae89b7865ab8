// The run data phase: the file (--run-data) read against the ruleset's `run input`s with the case loader, so
// that its errors are a case's, and each value set for the run.
#include "data/run_data.hpp"

#include "data/load_case.hpp"

namespace reckon {

void apply_run_data(Program& p, const std::string& path) {
    if (p.run_inputs.empty())
        throw RequestError("--run-data " + path + ": the ruleset reads no run data (it declares no 'run input')");
    const Case data = load_run_data(p, read_source(path, p.limits.file_size));
    for (std::size_t slot = 0; slot < p.params.size(); ++slot) {
        ParamDef& d = p.params[slot];
        if (d.run_input < 0) continue;
        const Value& v = data.inputs.at(static_cast<std::size_t>(d.run_input));
        if (v.kind == Value::Kind::none && !d.type.optional) continue;  // a default it was not given (a missing key is an error above)
        if (p.param_set(static_cast<int>(slot))) continue;  // --param NAME=VALUE (applied before) is over the file's value
        const bool in_file = data.input_at.at(static_cast<std::size_t>(d.run_input)) != 0;
        if (!in_file && d.formula) continue;  // left out of the file: its default, as the ruleset writes it
        auto n = std::make_unique<Node>();
        n->op = Op::constant;
        n->where = d.where;
        n->value = v;
        p.overrides.emplace_back(static_cast<int>(slot), std::move(n));
        d.run_data = path;
    }
}

std::shared_ptr<Program> compile_run(const std::string& path, const std::vector<ParamSetting>& settings, const Limits& limits,
                                     const std::string& run_data) {
    auto p = compile(path, settings, limits);
    if (!run_data.empty()) apply_run_data(*p, run_data);
    return p;
}

}  // namespace reckon
