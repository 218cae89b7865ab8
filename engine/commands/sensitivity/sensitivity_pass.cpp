// `reckon sensitivity`, a pass over the cases: each case read once, evaluated under the ruleset's values (what no
// uncertain value moves kept), then under every setting of the pass, a chunk of cases at a time, the settings
// shared among the threads; a cohort figure folded case by case into each setting's running totals, and evaluated
// from them at the end. Memory does not grow with the cohort.
#include "commands/sensitivity/sensitivity.hpp"

#include "core/base/big_stack.hpp"
#include "core/eval/eval.hpp"

#include <algorithm>
#include <exception>
#include <stdexcept>

namespace reckon {

// One setting's run in a pass: its values, the cohort's running totals and its figures so far, or its error.
struct SensitivityRuns::SettingRun {
    const Settings* settings = nullptr;
    std::optional<RunValues> run;
    bool draws_only = true;  // only values with a distribution set: what no drawn value moves is kept
    std::optional<CohortTotals> totals;
    std::optional<CallMemo> memo;
    std::vector<Number> out;
    std::exception_ptr error;
};

// A pass for some settings, step by step: the settings' runs started, the cases read and evaluated, the cohort's
// figures from each run's totals.
class SensitivityRuns::Pass {
public:
    Pass(const SensitivityRuns& runs, const std::vector<Settings>& settings, unsigned jobs, FirstPass* first)
        : s_(runs), settings_(settings), first_(first), runs_(settings.size()),
          threads_(std::max<std::size_t>(1, std::min<std::size_t>(jobs, settings.size()))), next_failed_(runs.failed_.cbegin()) {}

    // Each setting's run: its params and tables, its memo of calls, and the cohort's totals to fold into.
    void start_runs() {
        each_setting([&](std::size_t s) {
            SettingRun& r = runs_[s];
            r.settings = &settings_[s];
            for (std::size_t i = 0; i < s_.values_.size(); ++i)
                if (settings_[s][i] && s_.values_[i].range->distribution == Distribution::none) r.draws_only = false;
            r.out.resize(s_.targets_.size());
            r.memo.emplace(s_.p_);
            if (s_.cohort_) r.totals.emplace(*s_.fold_, s_.p_);
            try {
                r.run.emplace(run_values(s_.p_, s_.values_, settings_[s]));
            } catch (...) {
                fail(r);
            }
        });
    }

    // The cases, read and evaluated a chunk at a time; a later pass must read the cases the first did.
    void over_cases() {
        s_.pass_over_([&](Case&& c) { read(std::move(c)); });
        run_chunk();
        if (first_) first_->cases = seq_;
        else if (seq_ != s_.cases_ || next_failed_ != s_.failed_.cend())
            throw std::runtime_error("reckon: error: a later pass over the cases read " + std::to_string(seq_) + " where the first read " +
                                     std::to_string(s_.cases_) + ": were the case files changed while they were analysed?");
    }

    // The cohort's figures, from each setting's totals.
    void cohort_figures() {
        each_setting([&](std::size_t s) {
            SettingRun& r = runs_[s];
            if (!s_.cohort_ || r.error) return;
            try {
                const Value kept = r.totals->records();
                Evaluator ev(s_.p_, r.run->params, kept, &*r.totals, r.totals->cases());
                ev.set_tables(&r.run->tables);
                ev.set_memo(&*r.memo);
                for (std::size_t t = 0; t < s_.targets_.size(); ++t)
                    if (s_.p_.rules[static_cast<std::size_t>(s_.targets_[t].rule)].cohort)
                        r.out[t] = number_of(s_.targets_[t], ev.rule(s_.targets_[t].rule), settings_[s]);
            } catch (...) {
                fail(r);
            }
        });
    }

    // Each setting's figures, or its error.
    std::vector<Figures> figures() {
        std::vector<Figures> out;
        for (SettingRun& r : runs_) out.push_back(r.error ? Figures{{}, r.error} : Figures{std::move(r.out), nullptr});
        return out;
    }

private:
    // A case under each setting, after the ruleset's values: fixed[0] and [1] as moved_ says.
    struct Held {
        Case c;
        std::vector<std::pair<int, Value>> fixed[2];
        std::size_t seq = 0;  // its position among the cases analysed
        std::string note;     // on an error of the cohort's that it meets
    };

    // f(s) for each setting, the settings shared among the threads: each setting's run is only ever on one.
    template <typename F>
    void each_setting(const F& f) {
        const auto work = [&](std::size_t w) {
            for (std::size_t s = w; s < runs_.size(); s += threads_) f(s);
        };
        std::vector<DeepThread> pool;
        for (std::size_t w = 1; w < threads_; ++w) pool.emplace_back(s_.p_.limits, [&work, w] { work(w); });
        work(0);
        for (auto& t : pool) t.join();
    }

    std::string with(const Settings& s) const { return settings_text(s_.p_, s_.values_, s); }

    // A target's figure in a run: the member analysed of a figure by member; an error when it is not a number.
    Number number_of(const Target& t, const Value& v, const Settings& s) const {
        const Value& x = t.member >= 0 && v.kind == Value::Kind::list ? v.items()->at(static_cast<std::size_t>(t.member)) : v;
        if (x.kind != Value::Kind::number) {
            const std::string set = with(s);
            throw std::runtime_error("'" + t.name + "' is not defined" + (set.empty() ? "" : " " + set) + ": a figure analysed has a value in every run");
        }
        return x.n();
    }

    // The error in flight (called in a handler), noting the settings, kept as the run's.
    void fail(SettingRun& r) const {
        try {
            throw;
        } catch (EvalError& e) {
            if (const std::string set = with(*r.settings); !set.empty()) e.add_note(set);
            r.error = std::current_exception();
        } catch (...) {
            r.error = std::current_exception();
        }
    }

    // A case read: left out when the first pass found that it fails; else evaluated under the ruleset's values
    // and held in the chunk, which every setting evaluates when it is full.
    void read(Case&& c) {
        const std::size_t at = position_++;
        if (!first_ && next_failed_ != s_.failed_.cend() && *next_failed_ == at) {
            ++next_failed_;
            return;
        }
        Held h{std::move(c), {}, 0, {}};
        if (!under_ruleset(h, at)) return;
        h.seq = seq_++;
        h.note = "in case " + h.c.id;
        chunk_.push_back(std::move(h));
        if (chunk_.size() == chunk_size) run_chunk();
    }

    // The case under the ruleset's values: the rules it evaluated that no uncertain value moves kept in fixed[0],
    // those that no drawn value moves in fixed[1]. False when it fails, which only the first pass allows: the case is
    // then left out, and said.
    bool under_ruleset(Held& h, std::size_t at) {
        const Program& p = s_.p_;
        try {
            Evaluator ev(p, s_.params_, h.c.inputs);
            check_requires(p, ev, h.c);
            for (const auto& t : s_.targets_)
                if (!p.rules[static_cast<std::size_t>(t.rule)].cohort) ev.rule(t.rule);
            if (s_.cohort_)
                for (const auto& [is_input, slot] : p.cohort_fields)
                    if (!is_input) ev.rule(slot);
            for (std::size_t r = 0; r < p.rules.size(); ++r) {
                const int i = static_cast<int>(r);
                if (p.rules[r].cohort || !ev.evaluated(i)) continue;
                if (!s_.moved_[0][r]) h.fixed[0].emplace_back(i, ev.rule(i));
                if (!s_.moved_[1][r]) h.fixed[1].emplace_back(i, ev.rule(i));
            }
        } catch (EvalError& e) {
            if (!first_) throw std::runtime_error("reckon: error: case " + h.c.id + " failed in a later pass over the cases than the first: were the case files changed while they were analysed?");
            e.add_note("in case " + h.c.id + ", which is left out");
            first_->failures.push_back(render(e.diagnostic()));
            first_->failed.push_back(at);
            return false;
        }
        return true;
    }

    // The chunk under each setting, the settings shared among the threads, each taking its settings through the
    // chunk in case order.
    void run_chunk() {
        each_setting([&](std::size_t s) {
            for (const Held& h : chunk_) evaluate(runs_[s], h);
        });
        chunk_.clear();
    }

    // A case under one setting: its figures, and its part of the cohort's totals.
    void evaluate(SettingRun& r, const Held& h) const {
        if (r.error) return;
        const Program& p = s_.p_;
        const Case& c = h.c;
        const std::vector<Value>& params = r.run->params;
        Evaluator ev(p, params, c.inputs);
        ev.set_tables(&r.run->tables);
        ev.set_memo(&*r.memo);
        const int kept = r.draws_only ? 1 : 0;
        for (const auto& [rule, value] : h.fixed[kept]) ev.preset(rule, value);
        try {
            if (s_.requires_moved_[kept]) check_requires(p, ev, c);
            for (std::size_t t = 0; t < s_.targets_.size(); ++t)
                if (!p.rules[static_cast<std::size_t>(s_.targets_[t].rule)].cohort)
                    r.out[t] = number_of(s_.targets_[t], ev.rule(s_.targets_[t].rule), *r.settings);
            if (s_.cohort_) {
                std::vector<Value> row;
                for (const auto& [is_input, slot] : p.cohort_fields) row.push_back(is_input ? c.inputs[static_cast<std::size_t>(slot)] : ev.rule(slot));
                r.totals->add(h.seq, case_parts(*s_.fold_, p, params, Value::list(std::move(row)), &r.run->tables, h.note));
            }
        } catch (EvalError& e) {
            e.add_note(h.note);
            fail(r);
        } catch (...) {
            fail(r);
        }
    }

    // The cases are taken a chunk at a time: each evaluated under the ruleset's values (what is fixed kept), then
    // under every setting.
    static constexpr std::size_t chunk_size = 256;

    const SensitivityRuns& s_;
    const std::vector<Settings>& settings_;
    FirstPass* first_;
    std::vector<SettingRun> runs_;
    std::size_t threads_;
    std::vector<Held> chunk_;
    std::size_t position_ = 0, seq_ = 0;  // the cases read, and those analysed (not left out)
    std::vector<std::size_t>::const_iterator next_failed_;  // the next case that the first pass left out
};

std::vector<SensitivityRuns::Figures> SensitivityRuns::pass(const std::vector<Settings>& settings, unsigned jobs, FirstPass* first) const {
    Pass pass(*this, settings, jobs, first);
    pass.start_runs();
    pass.over_cases();
    pass.cohort_figures();
    return pass.figures();
}

}  // namespace reckon
