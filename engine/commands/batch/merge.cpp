#include "commands/batch/merge.hpp"

#include <map>
#include <memory>
#include <stdexcept>

namespace reckon {

namespace {

std::string shard_name(unsigned k, unsigned n) { return std::to_string(k) + "/" + std::to_string(n); }

// The partials, checked against this run and each other, by shard (shard K at index K-1).
std::vector<std::unique_ptr<PartialReader>> open_shards(const PartialHeader& expected, const std::vector<std::string>& paths) {
    std::vector<std::unique_ptr<PartialReader>> readers;
    for (const auto& path : paths) readers.push_back(std::make_unique<PartialReader>(path));
    const PartialHeader& first = readers.front()->header();
    for (const auto& r : readers) {
        const PartialHeader& h = r->header();
        if (h.ruleset != expected.ruleset)
            throw std::runtime_error(r->path() + ": error: made with another ruleset (or another version of its files) than this merge's");
        if (h.settings != expected.settings)
            throw std::runtime_error(r->path() + ": error: made with other params, scenarios or table cells than this merge's: give "
                                                 "merge the --param, --run-data and --scenarios the shards were given");
        if (h.cases != first.cases)
            throw std::runtime_error(r->path() + ": error: a shard of a run over other cases than " + readers.front()->path() +
                                     ": every shard must be given the same case files, in the same order");
        if (h.shards != first.shards)
            throw std::runtime_error(r->path() + ": error: shard " + shard_name(h.shard, h.shards) + ", but " + readers.front()->path() +
                                     " is shard " + shard_name(first.shard, first.shards) + ": a run is split one way");
    }
    std::vector<std::unique_ptr<PartialReader>> by_shard(first.shards);
    for (auto& r : readers) {
        auto& slot = by_shard[r->header().shard - 1];
        if (slot)
            throw std::runtime_error(r->path() + ": error: shard " + shard_name(r->header().shard, first.shards) + " again (also " + slot->path() +
                                     "): give each shard once (a shard run again overwrites its own partial)");
        slot = std::move(r);
    }
    std::string missing;
    for (unsigned k = 0; k < first.shards; ++k)
        if (!by_shard[k]) missing += (missing.empty() ? "" : ", ") + shard_name(k + 1, first.shards);
    if (!missing.empty())
        throw std::runtime_error("reckon: error: shard" + std::string(missing.find(',') == std::string::npos ? " " : "s ") + missing +
                                 (missing.find(',') == std::string::npos ? " is" : " are") + " missing: merge needs every shard's partial");
    return by_shard;
}

}  // namespace

BatchSummary merge_partials(const Program& p, const std::vector<Value>& params, const PartialHeader& expected,
                            const std::vector<std::string>& partials, const BatchOptions& o, std::ostream& out, std::ostream& err,
                            PartialHeader* read) {
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
