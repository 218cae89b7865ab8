// `reckon batch`, the scheduling: case files split into their cases, the
// cases evaluated (on one thread, or by a pool fed in chunks by a reader
// thread), written in the order given, then the cohort. What is written, in
// each format, is batch_sinks.cpp's.
#include "commands/batch/batch.hpp"

#include "commands/batch/case_evaluation.hpp"

#include "data/load_case.hpp"
#include "data/read_case_stream.hpp"
#include "core/compile/compile.hpp"
#include "core/eval/eval.hpp"
#include "core/eval/fold_constants.hpp"
#include "commands/batch/batch_sinks.hpp"
#include "data/case_source.hpp"
#include "commands/present/present.hpp"
#include "core/base/big_stack.hpp"
#include "commands/batch/partial.hpp"

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
        : p_(p), files_(files), o_(o), writer_(p, params, o, out, err),
          batch_(p, params, o.format, o.scenarios, writer_.plans(), o.keep || o.keep_each || o.partial, o.partial != nullptr),
          jobs_(std::max(1u, o.jobs)), ahead_(4 * chunk_size * (static_cast<std::size_t>(jobs_) + 1)),
          all_read_(files.empty()), progress_(err, o.progress) {}

    BatchSummary run() {
        writer_.open();
        if (jobs_ == 1) run_serial();
        else run_parallel();
        progress_.clear();
        BatchSummary& s = writer_.summary();
        // Stopped before every case was read, or before every case read was written.
        s.interrupted = stopping() && (!all_read_ || s.done < produced_);
        s.cases = mine_ + (files_.size() - opened_);
        s.cases_exact = !s.interrupted || !streams_;
        if (!s.interrupted) writer_.finish(o_.shards ? seq_ : s.cases);
        return s;
    }

private:
    static constexpr std::size_t chunk_size = 32;
    static constexpr std::chrono::milliseconds poll{50};  // a signal sets the flag without waking anyone

    bool stopping() const { return o_.stop && o_.stop->load(); }
    // Whether the case at this position of the whole list is this run's (every case, unless a shard).
    bool mine(std::size_t seq) const { return o_.shards == 0 || seq % o_.shards == o_.shard - 1; }

    // Each case read, evaluated and written in turn on this thread, with no hand-over
    // between threads (which costs more than it saves when there is one worker).
    void run_serial() {
        CaseEvaluator::Scratch scratch;
        for (const auto& f : files_) {
            CaseSource cases(p_, f, o_.lists, o_.tables);
            for (bool first = true; !stopping(); first = false) {
                std::optional<CaseItem> d = cases.next();
                opened_ += first;
                if (!d) break;
                if (cases.many()) streams_ = true;
                const std::size_t seq = seq_++;
                if (!mine(seq)) continue;
                ++mine_;
                Outcome one = batch_.evaluate(CaseTask{produced_, f, std::move(*d), seq}, scratch);
                ++produced_;
                write_one(one, produced_, false);
            }
            if (stopping()) break;
            if (&f == &files_.back()) all_read_ = true;
        }
        reading_ = false;
        progress_.update(writer_.summary().done, writer_.summary().failed, produced_, true);
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

    // The reader thread: every document of every file, handed out in chunks. Tasks are numbered in the order
    // handed out (the order written); a shard's keep their position in the whole list too.
    void read_all() {
        std::vector<CaseTask> chunk;
        std::size_t order = 0;
        for (const auto& f : files_) {
            CaseSource cases(p_, f, o_.lists, o_.tables);
            for (bool first = true; !stopping(); first = false) {
                std::optional<CaseItem> d = cases.next();
                if (first) {  // counted as read once its first case is (see run())
                    std::lock_guard<std::mutex> lock(m_);
                    ++opened_;
                }
                if (!d) break;
                if (cases.many()) streams_ = true;  // read by this thread, and by the others after it joins
                const std::size_t seq = seq_++;
                if (!mine(seq)) continue;
                ++mine_;
                chunk.push_back(CaseTask{order++, f, std::move(*d), seq});
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

    void hand_out(std::vector<CaseTask>& chunk) {
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
        CaseEvaluator::Scratch scratch;
        while (true) {
            std::vector<CaseTask> tasks;
            {
                std::unique_lock<std::mutex> lock(m_);
                while (todo_.empty() && reading_ && !stopping()) work_cv_.wait_for(lock, poll);
                if (stopping() || todo_.empty()) break;
                tasks = std::move(todo_.front());
                todo_.pop_front();
            }
            results.clear();
            for (const auto& t : tasks) results.push_back(batch_.evaluate(t, scratch));
            std::lock_guard<std::mutex> lock(m_);
            for (std::size_t k = 0; k < tasks.size(); ++k) ready_.emplace(tasks[k].seq, std::move(results[k]));
            done_cv_.notify_one();
        }
        std::lock_guard<std::mutex> lock(m_);
        ++finished_;
        done_cv_.notify_one();
    }

    void write_one(Outcome& r, std::size_t known, bool all_known) {
        if (!r.ok) progress_.clear();
        writer_.write(r);
        progress_.update(writer_.summary().done, writer_.summary().failed, known, all_known);
    }

    const Program& p_;
    const std::vector<std::string>& files_;
    const BatchOptions& o_;
    BatchWriter writer_;
    CaseEvaluator batch_;
    const unsigned jobs_;
    const std::size_t ahead_;  // cases read, not yet written

    std::mutex m_;
    std::condition_variable work_cv_, space_cv_, done_cv_;
    std::deque<std::vector<CaseTask>> todo_;
    std::map<std::size_t, Outcome> ready_;
    std::size_t produced_ = 0, written_ = 0, opened_ = 0;
    std::size_t seq_ = 0;  // documents read, this run's or not (by the reader; read by others after it joins)
    std::size_t mine_ = 0;  // …of which this run's
    bool reading_ = true, streams_ = false, all_read_;
    unsigned finished_ = 0;

    Progress progress_;
};

}  // namespace

BatchSummary run_batch(const Program& p, const std::vector<Value>& params, const std::vector<std::string>& files,
                       const BatchOptions& o, std::ostream& out, std::ostream& err) {
    return Scheduler(p, params, files, o, out, err).run();
}

}  // namespace reckon
