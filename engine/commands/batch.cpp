// `reckon batch`, the scheduling: case files split into their cases, the
// cases evaluated (on one thread, or by a pool fed in chunks by a reader
// thread), written in the order given, then the cohort. What is written, in
// each format, is batch_sinks.cpp's.
#include "batch.hpp"

#include "core/load_case.hpp"
#include "core/read_case_stream.hpp"
#include "core/compile.hpp"
#include "core/eval.hpp"
#include "batch_sinks.hpp"
#include "case_source.hpp"
#include "present.hpp"
#include "core/big_stack.hpp"

#include <glob.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

namespace reckon {
namespace fs = std::filesystem;

namespace {
bool has_glob(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }
}  // namespace

std::vector<std::string> find_case_files(const std::vector<std::string>& args, const std::vector<std::string>& list_tables) {
    std::vector<std::string> files;
    for (const auto& a : args) {
        std::error_code ec;
        if (fs::is_directory(a, ec)) {
            std::vector<std::string> found;
            for (auto& f : files_in(a, {".yaml", ".yml", ".csv", ".xlsx"}))  // a list table found here is not a case table
                if (std::none_of(list_tables.begin(), list_tables.end(), [&](const std::string& l) { return fs::equivalent(f, l, ec); }))
                    found.push_back(std::move(f));
            if (found.empty()) throw UsageError(a + ": no case files (*.yaml, *.yml, *.csv) in this folder");
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(a, ec)) {
            files.push_back(a);
        } else if (has_glob(a)) {
            glob_t g{};
            int rc = ::glob(a.c_str(), 0, nullptr, &g);
            std::vector<std::string> found;
            if (rc == 0)
                for (std::size_t i = 0; i < g.gl_pathc; ++i)
                    if (!fs::is_directory(g.gl_pathv[i], ec)) found.push_back(g.gl_pathv[i]);
            globfree(&g);
            if (found.empty()) throw UsageError(a + ": no file matches this pattern");
            files.insert(files.end(), found.begin(), found.end());  // glob() sorts them
        } else {
            throw UsageError(a + ": no such file or folder");
        }
    }
    return files;
}

namespace {

// One case to evaluate: a document of a case file or a row of a table, numbered in the batch.
struct Task {
    std::size_t seq = 0;
    std::string file;
    CaseItem item;
};

// Evaluates one case into its outcome, written by the sink.
class Batch {
public:
    Batch(const Program& p, const std::vector<Value>& params, const BatchOptions& o)
        : p_(p), params_(params), o_(o), sink_(p, o.format, !o.scenarios.empty()) {}

    Outcome evaluate(const Task& t) const {
        Outcome out;
        const std::string& file = t.file;
        out.id = t.item.name;
        out.document = t.item.doc.in_stream ? t.item.doc.number : 0;
        out.file = file;
        try {
            Case c = t.item.load(p_);
            if (t.item.doc.in_stream && p_.case_id_input < 0) c.id = out.id;
            out.id = c.id;
            if (o_.scenarios.empty()) {
                CaseResult r = evaluate_outputs(p_, params_, c, p_.cohort_rules_needed() ? &out.row : nullptr);
                sink_.succeeded(out, r, nullptr);
                if (o_.keep) out.outputs = std::move(r.outputs);
            } else {  // the case read once, evaluated under each scenario
                for (const auto& sc : o_.scenarios) {
                    std::vector<Value> row;
                    CaseResult r;
                    try {
                        r = evaluate_outputs(*sc.program, sc.params, c, p_.cohort_rules_needed() ? &row : nullptr);
                    } catch (EvalError& e) {
                        e.add_note("under scenario '" + sc.name + "'");
                        throw;
                    }
                    sink_.succeeded(out, r, &sc.name);
                    out.rows.push_back(Value::list(std::move(row)));
                    if (o_.keep_each) out.scenario_outputs.push_back(std::move(r.outputs));
                }
            }
            out.ok = true;
        } catch (const EvalError& e) {
            out.error = render(e.diagnostic());
        } catch (const CompileError& e) {
            out.error = e.what();
        } catch (const std::exception& e) {
            out.error = std::string(e.what()) + "\n";
        }
        if (!out.ok) {
            out.row.clear();
            out.rows.clear();
            out.scenario_outputs.clear();
            out.line.clear();
            sink_.failed(out);
        }
        return out;
    }

    const BatchSink& sink() const { return sink_; }

private:
    const Program& p_;
    const std::vector<Value>& params_;
    const BatchOptions& o_;
    BatchSink sink_;
};

// On a terminal: a bar once every case is known, a count while the files are still being read.
class Progress {
public:
    Progress(std::ostream& err, bool on) : err_(err), on_(on) {}
    void update(std::size_t done, std::size_t failed, std::size_t total, bool all_known) {
        if (!on_) return;
        auto now = std::chrono::steady_clock::now();
        if (!(all_known && done == total) && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        const int bar = 30;
        std::string failures = failed ? ", " + std::to_string(failed) + " failed" : "";
        if (!all_known) {
            err_ << "\r  " << done << " cases" << failures << " (reading on)" << std::flush;
        } else {
            int filled = total ? static_cast<int>(bar * done / total) : bar;
            err_ << "\r  [" << std::string(static_cast<std::size_t>(filled), '=') << std::string(static_cast<std::size_t>(bar - filled), ' ')
                 << "] " << done << "/" << total << " cases" << failures << "     " << std::flush;
        }
        shown_ = true;
    }
    void clear() {
        if (shown_) err_ << "\r" << std::string(72, ' ') << "\r" << std::flush;
        shown_ = false;
    }

private:
    std::ostream& err_;
    bool on_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point last_{};
};

// The run: read, evaluate, write in order, then the cohort. With more than
// one job, a reader thread splits the files into cases (a stream file holds
// many) and hands them out in chunks, the workers evaluate a chunk at a
// time, and the calling thread writes the results in order; chunks keep the
// threads from waking each other for every case. With one job, the calling
// thread does it all, case by case.
class Scheduler {
public:
    Scheduler(const Program& p, const std::vector<Value>& params, const std::vector<std::string>& files, const BatchOptions& o,
              std::ostream& out, std::ostream& err)
        : p_(p), params_(params), files_(files), o_(o), out_(out), err_(err), batch_(p, params, o),
          jobs_(std::max(1u, o.jobs)), ahead_(4 * chunk_size * (static_cast<std::size_t>(jobs_) + 1)),
          all_read_(files.empty()), progress_(err, o.progress), by_scenario_(o.scenarios.size()) {}

    BatchSummary run() {
        if (o_.format != BatchFormat::table) out_ << batch_.sink().opening();  // the table's title comes with the table
        if (jobs_ == 1) run_serial();
        else run_parallel();
        progress_.clear();
        // Stopped before every case was read, or before every case read was written.
        s_.interrupted = stopping() && (!all_read_ || s_.done < produced_);
        s_.cases = seq_ + (files_.size() - opened_);
        s_.cases_exact = !s_.interrupted || !streams_;
        if (!s_.interrupted) finish();
        return s_;
    }

private:
    static constexpr std::size_t chunk_size = 32;
    static constexpr std::chrono::milliseconds poll{50};  // a signal sets the flag without waking anyone

    bool stopping() const { return o_.stop && o_.stop->load(); }

    // Each case read, evaluated and written in turn on this thread, with no hand-over
    // between threads (which costs more than it saves when there is one worker).
    void run_serial() {
        for (const auto& f : files_) {
            CaseSource cases(p_, f, o_.lists, o_.tables);
            for (bool first = true; !stopping(); first = false) {
                std::optional<CaseItem> d = cases.next();
                opened_ += first;
                if (!d) break;
                if (cases.many()) streams_ = true;
                Outcome one = batch_.evaluate(Task{seq_++, f, std::move(*d)});
                ++produced_;
                write_one(one, produced_, false);
            }
            if (stopping()) break;
            if (&f == &files_.back()) all_read_ = true;
        }
        reading_ = false;
        progress_.update(s_.done, s_.failed, produced_, true);
    }

    void run_parallel() {
        std::thread reader([&] { read_all(); });
        std::vector<DeepThread> pool;
        for (unsigned t = 0; t < jobs_; ++t) pool.emplace_back(p_.limits, [&] { work(); });
        std::vector<Outcome> next;  // the results that can be written now, in order
        std::size_t known = 0;
        bool all_known = false;
        for (std::size_t taken = 0;; ++taken) {
            if (taken == next.size()) {  // take every consecutive result that is ready, under one lock
                next.clear();
                taken = 0;
                std::unique_lock<std::mutex> lock(m_);
                while (!ready_.count(written_) && finished_ < jobs_) done_cv_.wait_for(lock, poll);
                for (auto it = ready_.find(written_); it != ready_.end() && it->first == written_; it = ready_.erase(it), ++written_)
                    next.push_back(std::move(it->second));
                known = produced_;
                all_known = !reading_;
                space_cv_.notify_one();
                if (next.empty()) break;  // every case written, or stopped before this one
            }
            write_one(next[taken], known, all_known);
        }
        for (auto& t : pool) t.join();
        reader.join();
    }

    // The reader thread: every document of every file, handed out in chunks.
    void read_all() {
        std::vector<Task> chunk;
        for (const auto& f : files_) {
            CaseSource cases(p_, f, o_.lists, o_.tables);
            for (bool first = true; !stopping(); first = false) {
                std::optional<CaseItem> d = cases.next();
                if (first) {  // counted as read once its first case is (see s_.cases)
                    std::lock_guard<std::mutex> lock(m_);
                    ++opened_;
                }
                if (!d) break;
                if (cases.many()) streams_ = true;  // read by this thread, and by the others after it joins
                chunk.push_back(Task{seq_++, f, std::move(*d)});
                if (chunk.size() == chunk_size) hand_out(chunk);
            }
            if (stopping()) break;
            if (&f == &files_.back()) all_read_ = true;
        }
        hand_out(chunk);
        std::lock_guard<std::mutex> lock(m_);
        reading_ = false;
        work_cv_.notify_all();
    }

    void hand_out(std::vector<Task>& chunk) {
        if (chunk.empty()) return;
        std::unique_lock<std::mutex> lock(m_);
        while (produced_ - written_ + chunk.size() > ahead_ && !stopping()) space_cv_.wait_for(lock, poll);
        produced_ += chunk.size();
        todo_.push_back(std::move(chunk));
        chunk.clear();
        work_cv_.notify_one();
    }

    // A worker: a chunk at a time, until the reader is done and nothing is left.
    void work() {
        std::vector<Outcome> results;
        while (true) {
            std::vector<Task> tasks;
            {
                std::unique_lock<std::mutex> lock(m_);
                while (todo_.empty() && reading_ && !stopping()) work_cv_.wait_for(lock, poll);
                if (stopping() || todo_.empty()) break;
                tasks = std::move(todo_.front());
                todo_.pop_front();
            }
            results.clear();
            for (const auto& t : tasks) results.push_back(batch_.evaluate(t));
            std::lock_guard<std::mutex> lock(m_);
            for (std::size_t k = 0; k < tasks.size(); ++k) ready_.emplace(tasks[k].seq, std::move(results[k]));
            done_cv_.notify_one();
        }
        std::lock_guard<std::mutex> lock(m_);
        ++finished_;
        done_cv_.notify_one();
    }

    void write_one(Outcome& r, std::size_t known, bool all_known) {
        ++s_.done;
        if (!r.ok) {
            ++s_.failed;
            progress_.clear();
            err_ << r.error;
        } else if (!p_.cohort_fields.empty()) {
            if (o_.scenarios.empty()) {
                cohort_.push_back(Value::list(std::move(r.row)));
            } else {
                for (std::size_t k = 0; k < r.rows.size(); ++k) by_scenario_[k].push_back(std::move(r.rows[k]));
            }
        }
        if (o_.keep) o_.keep->cases.push_back({r.id, r.file, r.ok, std::move(r.outputs), r.error});
        if (o_.keep_each)
            for (std::size_t k = 0; k < o_.keep_each->size(); ++k)
                (*o_.keep_each)[k].cases.push_back({r.id, r.file, r.ok, r.ok ? std::move(r.scenario_outputs[k]) : std::vector<Value>{}, r.error});
        if (o_.format == BatchFormat::table) {
            r.row.clear();
            r.error.clear();
            table_rows_.push_back(std::move(r));
        } else {
            out_ << r.line;
        }
        progress_.update(s_.done, s_.failed, known, all_known);
    }

    // The cohort over the cases that succeeded, under the given params; empty when it fails.
    std::vector<Value> cohort_of(std::vector<Value> rows, const Program& p, const std::vector<Value>& bound, const std::string* scenario) {
        std::vector<Value> values;
        if (p.cohort_outputs.empty()) return values;
        Value cases = Value::list(std::move(rows));
        Evaluator ev(p, bound, cases);
        try {
            for (int slot : p.cohort_outputs) values.push_back(ev.rule(slot));
        } catch (EvalError& e) {
            if (scenario) e.add_note("under scenario '" + *scenario + "'");
            err_ << render(e.diagnostic());
            s_.cohort_failed = true;
            values.clear();
        }
        return values;
    }

    // After every case: the table, the cohort (under each scenario, when there are scenarios), the summary.
    void finish() {
        const BatchSink& sink = batch_.sink();
        if (o_.format == BatchFormat::table && !(s_.cases > 0 && s_.failed == s_.cases)) {  // no table of nothing: the errors are on stderr
            out_ << sink.opening();
            if (s_.failed)  // above every figure
                out_ << s_.failed << " of " << s_.cases << " cases failed and are left out of every figure (their errors are "
                     << "in the table and above)\n\n";
            out_ << sink.table(table_rows_);
        }
        if (!o_.scenarios.empty()) {
            std::vector<std::vector<Value>> each;
            for (std::size_t k = 0; k < o_.scenarios.size(); ++k) {
                each.push_back(cohort_of(std::move(by_scenario_[k]), *o_.scenarios[k].program, o_.scenarios[k].params, &o_.scenarios[k].name));
                sink.scenario_cohort(out_, o_.scenarios[k].name, each.back());
                if (o_.keep_each) (*o_.keep_each)[k].cohort = each.back();
            }
            std::vector<std::string> names;
            for (const auto& sc : o_.scenarios) names.push_back(sc.name);
            sink.scenario_summary(out_, names, each, s_.cases, s_.failed);
            return;
        }
        std::vector<Value> values = cohort_of(std::move(cohort_), p_, params_, nullptr);
        const bool shown = !p_.cohort_outputs.empty() && !s_.cohort_failed;
        if (o_.keep && shown) o_.keep->cohort = values;
        if (o_.cohort && shown) *o_.cohort = values;
        if (o_.format == BatchFormat::table && s_.cases > 0 && s_.failed == s_.cases) return;
        sink.cohort(out_, values, shown, s_.cases, s_.failed);
    }

    const Program& p_;
    const std::vector<Value>& params_;
    const std::vector<std::string>& files_;
    const BatchOptions& o_;
    std::ostream& out_;
    std::ostream& err_;
    Batch batch_;
    const unsigned jobs_;
    const std::size_t ahead_;  // cases read, not yet written

    std::mutex m_;
    std::condition_variable work_cv_, space_cv_, done_cv_;
    std::deque<std::vector<Task>> todo_;
    std::map<std::size_t, Outcome> ready_;
    std::size_t produced_ = 0, written_ = 0, opened_ = 0;
    std::size_t seq_ = 0;  // documents read (by the reader; read by others after it joins)
    bool reading_ = true, streams_ = false, all_read_;
    unsigned finished_ = 0;

    BatchSummary s_;
    Progress progress_;
    std::vector<Value> cohort_;                      // a record per succeeded case
    std::vector<std::vector<Value>> by_scenario_;    // the same under each scenario
    std::vector<Outcome> table_rows_;
};

}  // namespace

BatchSummary run_batch(const Program& p, const std::vector<Value>& params, const std::vector<std::string>& files,
                       const BatchOptions& o, std::ostream& out, std::ostream& err) {
    return Scheduler(p, params, files, o, out, err).run();
}

}  // namespace reckon
