// merge's checks of the partials, before anything is written: see merge_check.hpp.
#include "commands/batch/merge_check.hpp"

#include "commands/batch/case_evaluation.hpp"
#include "commands/present/present.hpp"
#include "core/eval/eval.hpp"
#include "core/program/value_fits.hpp"

#include <filesystem>
#include <random>
#include <set>
#include <stdexcept>

namespace reckon {

std::string shard_name(unsigned k, unsigned n) { return std::to_string(k) + "/" + std::to_string(n); }

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

namespace {

// The case files read again in the order of the run: the case at `index` in `file` (the index-th case the file
// gives, counted from 0), as the shard read it.
class CaseCursor {
public:
    CaseCursor(const Program& p, const PartialHeader& read) : p_(p), lists_(read.lists), options_(read.options) {}

    // Whether the file is at hand (it exists): its cases can be checked against the partial.
    bool at_hand(const std::string& file) {
        if (file != file_) open(file, 0);
        return source_.has_value();
    }
    // The case, or null when the file holds fewer cases now.
    const CaseItem* at(const std::string& file, std::size_t index) {
        open(file, index);
        while (source_ && read_ <= index) {
            item_ = source_->next();
            if (!item_) return nullptr;
            ++read_;
        }
        return item_ ? &*item_ : nullptr;
    }

private:
    void open(const std::string& file, std::size_t index) {
        if (file == file_ && index + 1 >= read_) return;
        file_ = file;
        read_ = 0;
        item_.reset();
        source_.reset();
        std::error_code ec;
        if (std::filesystem::exists(file, ec)) source_.emplace(p_, file, lists_, options_);
    }

    const Program& p_;
    const std::vector<ListFile>& lists_;
    const TableOptions& options_;
    std::string file_;
    std::optional<CaseSource> source_;
    std::optional<CaseItem> item_;
    std::size_t read_ = 0;  // the cases read from the file so far; item_ is the last
};

std::string shown(const Value& v) {
    const nlohmann::json j = value_json(v);
    return j.is_string() ? j.get<std::string>() : j.dump();
}
// Whether two values are one, whatever their kinds (none, a list…): as a partial writes them, exactly.
bool same(const Value& a, const Value& b) { return value_json(a) == value_json(b); }

std::string differ(const std::string& name, const std::string& said, const std::string& from_cases) {
    return name + " is " + said + " on the end line, but the case lines give " + from_cases;
}

std::string positioned_difference(const std::string& name, const std::vector<std::pair<std::size_t, Value>>& said,
                                  const std::vector<std::pair<std::size_t, Value>>& from_cases) {
    if (said.size() != from_cases.size()) return differ(name, std::to_string(said.size()) + " elements", std::to_string(from_cases.size()));
    for (std::size_t k = 0; k < said.size(); ++k)
        if (said[k].first != from_cases[k].first || !same(said[k].second, from_cases[k].second))
            return differ(name + "'s element " + std::to_string(k + 1), shown(said[k].second) + " (case at " + std::to_string(said[k].first) + ")",
                          shown(from_cases[k].second) + " (case at " + std::to_string(from_cases[k].first) + ")");
    return "";
}

// What differs between the end line's totals (`said`) and the fold of the case lines (`folded`), or "".
std::string totals_difference(const CohortTotals& said, const CohortTotals& folded) {
    if (said.cases() != folded.cases())
        return differ("the count of cases that succeeded", std::to_string(said.cases()), std::to_string(folded.cases()));
    for (std::size_t i = 0; i < said.running().size(); ++i) {
        const auto& a = said.running()[i];
        const auto& b = folded.running()[i];
        const std::string name = running_total_name(said.plan(), i);
        if (a.count != b.count) return differ(name + "'s count", std::to_string(a.count), std::to_string(b.count));
        if (a.sum != b.sum) return differ(name + "'s sum", a.sum.str(), b.sum.str());
        if (!same(a.best, b.best)) return differ(name + "'s least or greatest", shown(a.best), shown(b.best));
        if (auto d = positioned_difference(name + "'s list", a.collected, b.collected); !d.empty()) return d;
        if (a.error.has_value() != b.error.has_value() ||
            (a.error && (a.error->first != b.error->first || a.error->second.diagnostic().message != b.error->second.diagnostic().message)))
            return differ(name + "'s error", a.error ? "'" + a.error->second.diagnostic().message + "'" : "none",
                          b.error ? "'" + b.error->second.diagnostic().message + "'" : "none");
    }
    return positioned_difference("the kept records", said.kept_records(), folded.kept_records());
}

// Each run's program and params: the program's, or each scenario's.
struct RunOf {
    const Program* p;
    const std::vector<Value>* params;
};

// What differs between a case line and the case evaluated again from its file (`again`), or "".
std::string case_difference(const Program& p, const PartialCase& c, const Outcome& again, bool scenarios) {
    if (!c.ok && !again.ok) return "";
    if (!c.ok) return "the partial says it failed, but it evaluates";
    if (!again.ok) return "the partial has its figures, but it fails: " + again.failure.text.substr(0, again.failure.text.find('\n'));
    for (std::size_t k = 0; k < c.outputs.size(); ++k) {
        const std::vector<Value>& now = scenarios ? again.scenario_outputs.at(k) : again.outputs;
        for (std::size_t j = 0; j < now.size(); ++j) {
            if (same(c.outputs[k][j], now[j])) continue;
            const RuleDef& output = p.rules[static_cast<std::size_t>(p.outputs[j])];  // each value as the page shows it
            return "`" + output.name + "`" + (scenarios ? " (run " + std::to_string(k + 1) + ")" : "") + " is " +
                   display_with_unit(p, output, c.outputs[k][j]) + " in the partial, " + display_with_unit(p, output, now[j]) + " from its file";
        }
    }
    for (std::size_t k = 0; k < c.records.size() && k < again.records.size(); ++k)
        if (!same(c.records[k], again.records[k]))
            return "what the cohort reads of it (run " + std::to_string(k + 1) + ") is " + shown(c.records[k]) + " in the partial, " +
                   shown(again.records[k]) + " from its file";
    return "";
}

}  // namespace

std::vector<std::size_t> verify_draw(std::size_t cases, std::size_t n, std::uint64_t seed) {
    std::vector<std::size_t> out;
    if (n >= cases) {
        for (std::size_t i = 0; i < cases; ++i) out.push_back(i);
        return out;
    }
    std::mt19937_64 draw(seed);  // Floyd's: n distinct positions, each set of n as likely
    std::set<std::size_t> chosen;
    for (std::size_t j = cases - n; j < cases; ++j) {
        const std::size_t t = static_cast<std::size_t>(draw() % (j + 1));
        chosen.insert(chosen.count(t) ? j : t);
    }
    return {chosen.begin(), chosen.end()};
}

namespace {

// One pass over every partial, the cases in the run's order, checked as they come, then each end line.
class PartialsCheck {
public:
    PartialsCheck(const Program& p, const std::vector<Value>& params, const PartialHeader& expected, const std::vector<std::string>& partials,
                  const BatchOptions& o, const MergeChecks& checks)
        : p_(p), o_(o), shards_(open_shards(expected, partials)), cursor_(p, shards_.front()->header()) {
        if (o.scenarios.empty()) runs_.push_back({&p, &params});
        for (const auto& sc : o.scenarios) runs_.push_back({sc.program.get(), &sc.params});
        plans_.reserve(runs_.size());  // the totals point at the plans
        for (const auto& r : runs_) plans_.emplace_back(*r.p);
        folds_.resize(shards_.size());
        for (auto& f : folds_) {
            f.reserve(runs_.size());
            for (std::size_t k = 0; k < runs_.size(); ++k) f.emplace_back(plans_[k], *runs_[k].p);
        }
        std::size_t cases = 0;
        for (const auto& s : shards_) cases += s->case_lines();
        if (checks.verify_all || checks.verify > 0) drawn_ = verify_draw(cases, checks.verify_all ? cases : checks.verify, checks.seed);
        if (!drawn_.empty()) evaluator_.emplace(p, params, o.format, o.scenarios, plans_, true, true);
    }

    void run() {
        std::string file;
        std::size_t first = 0;  // the position of the file's first case
        auto draw = drawn_.begin();
        std::size_t at = 0;
        for (;; ++at) {
            PartialReader& r = *shards_[at % shards_.size()];
            std::optional<PartialCase> c = r.next();
            if (!c) break;
            if (c->at != at)
                r.fail("a case at position " + std::to_string(c->at) + " where shard " + shard_name(r.header().shard, r.header().shards) +
                       " has the case at position " + std::to_string(at));
            if (c->file != file) file = c->file, first = at;
            fold(r, *c, folds_[at % shards_.size()]);
            content(r, *c, at - first);
            if (draw != drawn_.end() && *draw == at) verify(r, *c, at - first), ++draw;
        }
        for (std::size_t s = 0; s < shards_.size(); ++s) end_line(*shards_[s], folds_[s], at);
    }

private:
    // A case line's outputs and records, its records folded into its shard's totals as the shard folded them.
    void fold(PartialReader& r, const PartialCase& c, std::vector<CohortTotals>& totals) {
        if (!c.ok) return;
        const std::string who = "case " + c.id + ": ";
        if (c.outputs.size() != runs_.size())
            r.fail(who + "the outputs of " + std::to_string(c.outputs.size()) + " runs, not " + std::to_string(runs_.size()));
        bool any = false;
        for (std::size_t k = 0; k < runs_.size(); ++k) {
            if (c.outputs[k].size() != p_.outputs.size()) r.fail(who + "its outputs are not the ruleset's");
            for (std::size_t o = 0; o < p_.outputs.size(); ++o) {
                const RuleDef& rule = p_.rules[static_cast<std::size_t>(p_.outputs[o])];
                if (!value_fits(c.outputs[k][o], rule.type))
                    r.fail(who + "its output `" + rule.name + "` is not a value of its type, " + describe(rule.type, p_.units));
            }
            any = any || plans_[k].any();
        }
        if (c.records.size() != (any ? runs_.size() : 0))
            r.fail(who + "it carries " + std::to_string(c.records.size()) + " records of what the cohort reads, not " +
                   std::to_string(any ? runs_.size() : 0));
        for (std::size_t k = 0; k < runs_.size(); ++k) {
            if (!plans_[k].any()) {
                totals[k].add(c.at, CaseParts{});
                continue;
            }
            if (c.records[k].kind != Value::Kind::list || c.records[k].items()->size() != runs_[k].p->cohort_fields.size())
                r.fail(who + "its record of what the cohort reads is not the ruleset's");
            totals[k].add(c.at, case_parts(plans_[k], *runs_[k].p, *runs_[k].params, c.records[k], nullptr, case_note(c.id, c.file, c.document)));
        }
    }

    // The case's content against its file, where the file is at hand.
    void content(PartialReader& r, const PartialCase& c, std::size_t index) {
        if (c.content.empty() || !cursor_.at_hand(c.file)) return;
        const CaseItem* now = cursor_.at(c.file, index);
        if (!now) r.fail("case " + c.id + ": " + c.file + " no longer holds it (it holds fewer cases than when the shard ran): run the shards again");
        if (case_content(*now) != c.content)
            r.fail("case " + c.id + ": " + c.file + (c.document ? ", document " + std::to_string(c.document) : "") +
                   " has changed since the shard read it (its content is " + case_content(*now) + ", the shard read " + c.content +
                   "): run the shards again");
    }

    // The case evaluated again from its file (--verify): the same outputs and records, or the same failure.
    void verify(PartialReader& r, const PartialCase& c, std::size_t index) {
        const std::string who = "--verify: case " + c.id + " (" + c.file + (c.document ? ", document " + std::to_string(c.document) : "") + "): ";
        if (!cursor_.at_hand(c.file)) r.fail(who + "its file is not at hand to evaluate it again");
        const CaseItem* item = cursor_.at(c.file, index);
        if (!item) r.fail(who + "its file no longer holds it");
        CaseEvaluator::Scratch scratch;
        const Outcome again = evaluator_->evaluate(CaseTask{0, c.file, *item, c.at}, scratch);
        if (again.id != c.id) r.fail(who + "its file names the case " + again.id + ", not " + c.id);
        if (const std::string d = case_difference(p_, c, again, !o_.scenarios.empty()); !d.empty()) r.fail(who + d);
    }

    // The end line: the run's cases, and each run's totals those of the shard's case lines.
    void end_line(PartialReader& r, const std::vector<CohortTotals>& folded, std::size_t cases) {
        if (r.next()) r.fail("a case after the last of the run: the shards do not fit together");
        if (r.cases() != cases)
            r.fail("the end line counts " + std::to_string(r.cases()) + " cases in the run, but the shards hold " + std::to_string(cases));
        if (r.runs() != runs_.size()) r.fail("the totals of " + std::to_string(r.runs()) + " runs, not " + std::to_string(runs_.size()));
        for (std::size_t k = 0; k < runs_.size(); ++k) {
            CohortTotals said(plans_[k], *runs_[k].p);
            r.read_totals(k, said);
            if (const std::string d = totals_difference(said, folded[k]); !d.empty())
                r.fail((runs_.size() > 1 ? "run " + std::to_string(k + 1) + ": " : "") + d + " (a total changed by hand?)");
        }
    }

    const Program& p_;
    const BatchOptions& o_;
    std::vector<std::unique_ptr<PartialReader>> shards_;
    CaseCursor cursor_;
    std::vector<RunOf> runs_;
    std::vector<FoldPlan> plans_;
    std::vector<std::vector<CohortTotals>> folds_;  // by shard, each run's totals from its case lines
    std::vector<std::size_t> drawn_;                // the positions --verify evaluates again
    std::optional<CaseEvaluator> evaluator_;
};

}  // namespace

void check_partials(const Program& p, const std::vector<Value>& params, const PartialHeader& expected,
                    const std::vector<std::string>& partials, const BatchOptions& o, const MergeChecks& checks) {
    PartialsCheck(p, params, expected, partials, o, checks).run();
}

}  // namespace reckon
