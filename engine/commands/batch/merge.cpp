#include "commands/batch/merge.hpp"

#include "commands/batch/merge_check.hpp"

#include <map>
#include <memory>
#include <stdexcept>

namespace reckon {

BatchSummary merge_partials(const Program& p, const std::vector<Value>& params, const PartialHeader& expected,
                            const std::vector<std::string>& partials, const BatchOptions& o, std::ostream& out, std::ostream& err,
                            const MergeChecks& checks, PartialHeader* read) {
    check_partials(p, params, expected, partials, o, checks);  // before anything is written
    auto shards = open_shards(expected, partials);
    if (read) *read = shards.front()->header();
    const std::size_t n = shards.size();
    const std::size_t runs = o.scenarios.empty() ? 1 : o.scenarios.size();
    BatchWriter writer(p, params, o, out, err);
    writer.open();
    std::size_t cases = 0;
    for (;; ++cases) {  // the case at each position, from the shard that has it
        PartialReader& r = *shards[cases % n];
        std::optional<PartialCase> c = r.next();
        if (!c) break;
        if (c->at != cases)
            r.fail("a case at position " + std::to_string(c->at) + " where shard " + shard_name(r.header().shard, r.header().shards) +
                   " has the case at position " + std::to_string(cases));
        Outcome one;
        one.position = c->at;
        one.id = c->id;
        one.file = c->file;
        one.document = c->document;
        one.ok = c->ok;
        one.failure = std::move(c->failure);
        if (c->ok) {
            if (c->outputs.size() != runs) r.fail("a case with the outputs of " + std::to_string(c->outputs.size()) + " runs, not " + std::to_string(runs));
            for (std::size_t k = 0; k < runs; ++k) {
                if (c->outputs[k].size() != p.outputs.size()) r.fail("a case whose outputs are not the ruleset's");
                CaseResult res{c->id, std::move(c->outputs[k])};
                writer.sink().succeeded(one, res, o.scenarios.empty() ? nullptr : &o.scenarios[k].name);
                if (o.keep) one.outputs = std::move(res.outputs);  // for a report or a workbook
                if (o.keep_each) one.scenario_outputs.push_back(std::move(res.outputs));
            }
        } else {
            writer.sink().failed(one);
        }
        writer.write(one);
    }
    for (auto& r : shards) {
        if (r->next()) r->fail("a case after the last of the run: the shards do not fit together");
        if (r->cases() != cases)
            r->fail("the end line counts " + std::to_string(r->cases()) + " cases in the run, but the shards hold " + std::to_string(cases));
        if (r->runs() != runs) r->fail("the totals of " + std::to_string(r->runs()) + " runs, not " + std::to_string(runs));
        for (std::size_t k = 0; k < runs; ++k) r->add_totals(k, writer.totals()[k]);
    }
    writer.finish(cases);
    return writer.summary();
}

}  // namespace reckon
