// `reckon sensitivity`, the values varied: the ruleset's uncertain values (each param and table cell with a range
// that --param does not set), a run's params and tables with some of them set, and the values of one draw.
#include "commands/sensitivity/sensitivity.hpp"

#include "commands/sensitivity/draws.hpp"
#include "commands/explain/explain.hpp"

#include "core/compile/compile.hpp"

namespace reckon {

std::vector<UncertainValue> uncertain_values(const Program& p, const std::vector<Value>& params) {
    std::vector<UncertainValue> out;
    for (std::size_t i = 0; i < p.params.size(); ++i) {
        const ParamDef& d = p.params[i];
        if (d.uncertain && !p.param_set(static_cast<int>(i))) out.push_back({d.name, static_cast<int>(i), -1, &*d.uncertain, params[i], d.type});
    }
    for (std::size_t i = 0; i < p.uncertain_cells.size(); ++i) {
        const UncertainCell& c = p.uncertain_cells[i];
        if (p.cell_setting(c.table, c.key, c.column)) continue;  // --param sets it: held
        const Value& v = p.tables[static_cast<std::size_t>(c.table)].rows.at(c.key).items()->at(static_cast<std::size_t>(c.column));
        out.push_back({c.name, -1, static_cast<int>(i), &c.range, v, c.type});
    }
    return out;
}

std::string settings_text(const Program& p, const std::vector<UncertainValue>& values, const Settings& settings) {
    std::string with;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (settings[i]) with += (with.empty() ? "with " : ", ") + values[i].name + " = " + typed_value(p, values[i].type, Value::number(*settings[i]));
    return with;
}

RunValues run_values(const Program& p, const std::vector<UncertainValue>& values, const Settings& settings) {
    Overrides o = command_line_overrides(p);
    RunValues out;
    for (const auto& t : p.tables) out.tables.push_back(&t);
    std::vector<TableDef*> copies(p.tables.size(), nullptr);
    std::vector<NodePtr> constants;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!settings[i]) continue;
        if (values[i].cell >= 0) {
            const UncertainCell& c = p.uncertain_cells[static_cast<std::size_t>(values[i].cell)];
            auto& copy = copies[static_cast<std::size_t>(c.table)];
            if (!copy) {
                out.changed.push_back(std::make_unique<TableDef>(p.tables[static_cast<std::size_t>(c.table)]));
                copy = out.changed.back().get();
                out.tables[static_cast<std::size_t>(c.table)] = copy;
            }
            set_cell(*copy, c, Value::number(*settings[i]));
            continue;
        }
        auto n = std::make_unique<Node>();
        n->op = Op::constant;
        n->value = Value::number(*settings[i]);
        o[values[i].param] = n.get();
        constants.push_back(std::move(n));
    }
    out.params = bind_params(p, o, &out.tables);
    return out;
}

void set_cells(Program& p, const std::vector<UncertainValue>& values, const Settings& settings) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!settings[i] || values[i].cell < 0) continue;
        const UncertainCell& c = p.uncertain_cells[static_cast<std::size_t>(values[i].cell)];
        set_cell(p.tables[static_cast<std::size_t>(c.table)], c, Value::number(*settings[i]));
    }
}

Settings drawn_settings(const std::vector<UncertainValue>& values, std::uint64_t seed, std::uint64_t draw) {
    Settings out(values.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        const UncertainValue& v = values[i];
        if (v.range->distribution != Distribution::none) out[i] = draw_value(*v.range, v.value.n(), seed, draw, v.name);
    }
    return out;
}

}  // namespace reckon
