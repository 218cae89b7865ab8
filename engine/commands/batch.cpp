#include "batch.hpp"

#include "core/load_case.hpp"
#include "core/read_case_stream.hpp"
#include "core/compile.hpp"
#include "core/eval.hpp"
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

std::vector<std::string> find_case_files(const std::vector<std::string>& args) {
    std::vector<std::string> files;
    for (const auto& a : args) {
        std::error_code ec;
        if (fs::is_directory(a, ec)) {
            std::vector<std::string> found = files_in(a, {".yaml", ".yml"});
            if (found.empty()) throw UsageError(a + ": no case files (*.yaml, *.yml) in this folder");
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

struct Outcome {
    bool ok = false;
    std::string id;
    std::string line;                // jsonl: the whole line; csv: the row
    std::vector<std::string> cells;  // table: the figures
    std::string error;               // the rendered diagnostics of a failed case
    std::vector<Value> row;          // what the cohort reads
    std::vector<Value> rows;         // the same under each scenario
    std::vector<Value> outputs;      // kept for a report or a workbook
    std::uint32_t document = 0;      // its number in a stream of cases, or 0
    std::string file;
};

// One case to evaluate: a document of a case file, numbered in the batch.
struct Task {
    std::size_t seq = 0;
    std::string file;
    CaseDocument doc;
};

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// Per-case outputs shown as columns: grouped figures are left to jsonl.
std::vector<std::size_t> column_outputs(const Program& p) {
    std::vector<std::size_t> cols;
    for (std::size_t i = 0; i < p.outputs.size(); ++i)
        if (!p.rules[p.outputs[i]].by) cols.push_back(i);
    return cols;
}

// Per-case figures by member in csv: a column per member, "name.member",
// with the output's index and the member's.
using GroupedColumns = std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>>;
GroupedColumns grouped_columns(const Program& p) {
    GroupedColumns g;
    for (std::size_t i = 0; i < p.outputs.size(); ++i)
        if (const EnumDef* by = p.rules[p.outputs[i]].by)
            for (std::size_t m = 0; m < by->members.size(); ++m) g.push_back({p.rules[p.outputs[i]].name + "." + by->members[m], {i, m}});
    return g;
}

// "file:line:col" of the first diagnostic, for the one-line mention in a table.
std::string where_of(const std::string& error) {
    auto end = error.find(": error:");
    return end == std::string::npos ? error.substr(0, error.find('\n')) : error.substr(0, end);
}

class Batch {
public:
    Batch(const Program& p, const std::vector<Value>& params, const BatchOptions& o)
        : p_(p), params_(params), o_(o), columns_(column_outputs(p)), grouped_(grouped_columns(p)), json_(p, p.outputs),
          ruleset_json_(",\"ruleset\":" + json_text(nlohmann::ordered_json{{"name", p.name}, {"version", p.version}})) {}

    Outcome evaluate(const Task& t) const {
        Outcome out;
        const std::string& file = t.file;
        out.id = fs::path(file).stem().string() + (t.doc.in_stream ? "#" + std::to_string(t.doc.number) : "");
        out.document = t.doc.in_stream ? t.doc.number : 0;
        out.file = file;
        try {
            if (!t.doc.source) throw std::runtime_error(t.doc.error);
            Case c = load_case(p_, t.doc.source);
            if (t.doc.in_stream && p_.case_id_input < 0) c.id = out.id;
            out.id = c.id;
            if (o_.scenarios.empty()) {
                CaseResult r = evaluate_outputs(p_, params_, c, p_.cohort_rules_needed() ? &out.row : nullptr);
                format(out, r);
                if (o_.keep) out.outputs = std::move(r.outputs);
            } else {  // the case read once, evaluated under each scenario
                for (const auto& sc : o_.scenarios) {
                    std::vector<Value> row;
                    CaseResult r;
                    try {
                        r = evaluate_outputs(p_, sc.params, c, p_.cohort_rules_needed() ? &row : nullptr);
                    } catch (EvalError& e) {
                        e.add_note("under scenario '" + sc.name + "'");
                        throw;
                    }
                    format(out, r, &sc.name);
                    out.rows.push_back(Value::list(std::move(row)));
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
            out.line.clear();
            if (o_.format == "none") {
            } else if (o_.format == "jsonl") {
                nlohmann::ordered_json j;
                j["case"] = out.id;
                j["file"] = file;
                if (out.document) j["document"] = out.document;
                j["error"] = out.error.substr(0, out.error.size() - (out.error.empty() ? 0 : 1));
                out.line = json_text(j) + "\n";
            } else if (o_.format == "csv") {
                out.line = csv_field(out.id) + "," + csv_field(file) + (o_.scenarios.empty() ? "" : ",");
                for (std::size_t k = 0; k < csv_columns(); ++k) out.line += ",";
                out.line += "," + csv_field(where_of(out.error) + ": " + first_message(out.error)) + "\n";
            } else {
                out.cells = {"failed: " + where_of(out.error)};
            }
        }
        return out;
    }

    std::string header() const {
        if (o_.format == "csv") {
            std::string h = o_.scenarios.empty() ? "case,file" : "case,file,scenario";
            for (std::size_t c : columns_) h += "," + csv_field(p_.rules[p_.outputs[c]].name);
            for (const auto& [name, _] : grouped_) h += "," + csv_field(name);
            return h + ",error\n";
        }
        return "";
    }

    std::string table(const std::vector<Outcome>& rows) const {
        std::vector<std::string> head{"case"};
        std::vector<bool> right{false};
        for (std::size_t c : columns_) {
            const RuleDef& r = p_.rules[p_.outputs[c]];
            head.push_back(r.name);
            right.push_back(r.type.kind == TypeKind::number);
        }
        std::vector<std::size_t> w(head.size());
        auto width = [](const std::string& s) { return display_width(s); };
        for (std::size_t k = 0; k < head.size(); ++k) w[k] = width(head[k]);
        for (const auto& r : rows) {
            w[0] = std::max(w[0], width(r.id));
            if (r.ok)
                for (std::size_t k = 0; k < r.cells.size(); ++k) w[k + 1] = std::max(w[k + 1], width(r.cells[k]));
        }
        auto pad = [&](const std::string& s, std::size_t k, bool last) {
            std::string fill(w[k] - std::min(w[k], width(s)), ' ');
            if (right[k]) return fill + s;
            return last ? s : s + fill;
        };
        std::string out;
        auto line = [&](const std::string& id, const std::vector<std::string>& cells, bool ok) {
            std::string l = pad(id, 0, false);
            if (!ok) return l + "  " + cells.at(0) + "\n";
            for (std::size_t k = 0; k < cells.size(); ++k) l += "  " + pad(cells[k], k + 1, k + 1 == cells.size());
            return l + "\n";
        };
        out += line(head[0], std::vector<std::string>(head.begin() + 1, head.end()), true);
        for (const auto& r : rows) out += line(r.id, r.cells, r.ok);
        return out;
    }

private:
    std::size_t csv_columns() const { return columns_.size() + grouped_.size(); }

    static std::string first_message(const std::string& error) {
        auto start = error.find(": error: ");
        auto end = error.find('\n');
        return start == std::string::npos ? error.substr(0, end) : error.substr(start + 9, end - start - 9);
    }

    // Appends the case's line (jsonl, csv) or sets its cells (table); under a scenario, names it.
    // The file and document are the outcome's own.
    void format(Outcome& out, const CaseResult& r, const std::string* scenario = nullptr) const {
        const std::string& file = out.file;
        const std::uint32_t document = out.document;
        if (o_.format == "none") return;
        if (o_.format == "jsonl") {  // as json_text of {case, file, document, scenario, ruleset, outputs}, written directly
            out.line += "{\"case\":" + json_string(r.case_id) + ",\"file\":" + json_string(file);
            if (document) out.line += ",\"document\":" + std::to_string(document);
            if (scenario) out.line += ",\"scenario\":" + json_string(*scenario);
            out.line += ruleset_json_ + ",\"outputs\":" + json_.text(r.outputs) + "}\n";
        } else if (o_.format == "csv") {
            out.line += csv_field(r.case_id) + "," + csv_field(file) + (scenario ? "," + csv_field(*scenario) : "");
            for (std::size_t c : columns_) out.line += "," + csv_field(display(p_, p_.rules[p_.outputs[c]], r.outputs[c]));
            for (const auto& [_, at] : grouped_) {
                const RuleDef& d = p_.rules[p_.outputs[at.first]];
                out.line += "," + csv_field(display_value(p_, *d.type.element, d.decimals, d.fixed_decimals, (*r.outputs[at.first].items)[at.second]));
            }
            out.line += ",\n";
        } else {
            for (std::size_t c : columns_) out.cells.push_back(display_with_unit(p_, p_.rules[p_.outputs[c]], r.outputs[c]));
        }
    }

    const Program& p_;
    const std::vector<Value>& params_;
    const BatchOptions& o_;
    std::vector<std::size_t> columns_;
    GroupedColumns grouped_;
    OutputsJson json_;
    std::string ruleset_json_;
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

}  // namespace

BatchSummary run_batch(const Program& p, const std::vector<Value>& params, const std::vector<std::string>& files,
                       const BatchOptions& o, std::ostream& out, std::ostream& err) {
    BatchSummary s;
    Batch batch(p, params, o);
    const unsigned jobs = std::max(1u, o.jobs);
    // With more than one job, a reader thread splits the files into cases (a
    // stream file holds many) and hands them out in chunks, the workers
    // evaluate a chunk at a time, and this thread writes the results in
    // order. Chunks keep the threads from waking each other for every case.
    // With one job, this thread does it all, case by case.
    const std::size_t chunk_size = 32;
    const std::size_t ahead = 4 * chunk_size * (static_cast<std::size_t>(jobs) + 1);  // cases read, not yet written
    std::mutex m;
    std::condition_variable work_cv, space_cv, done_cv;
    std::deque<std::vector<Task>> todo;
    std::map<std::size_t, Outcome> ready;
    std::size_t produced = 0, written = 0, opened = 0;
    bool reading = true, streams = false, all_read = files.empty();
    unsigned finished = 0;
    auto stopping = [&] { return o.stop && o.stop->load(); };
    const auto poll = std::chrono::milliseconds(50);  // a signal sets the flag without waking anyone

    std::size_t seq = 0;  // documents read (by the reader; read by others after it joins)
    std::thread reader;
    std::vector<DeepThread> pool;
    auto start_threads = [&] {
        reader = std::thread([&] {
            std::vector<Task> chunk;
            auto hand_out = [&] {
                if (chunk.empty()) return;
                std::unique_lock<std::mutex> lock(m);
                while (produced - written + chunk.size() > ahead && !stopping()) space_cv.wait_for(lock, poll);
                produced += chunk.size();
                todo.push_back(std::move(chunk));
                chunk.clear();
                work_cv.notify_one();
            };
            for (const auto& f : files) {
                CaseReader r(f, p.limits.file_size);
                for (bool first = true; !stopping(); first = false) {
                    std::optional<CaseDocument> d = r.next();
                    if (first) {  // counted as read once its first case is (see s.cases)
                        std::lock_guard<std::mutex> lock(m);
                        ++opened;
                    }
                    if (!d) break;
                    if (d->in_stream) streams = true;  // read by this thread, and by the others after it joins
                    chunk.push_back(Task{seq++, f, std::move(*d)});
                    if (chunk.size() == chunk_size) hand_out();
                }
                if (stopping()) break;
                if (&f == &files.back()) all_read = true;
            }
            hand_out();
            std::lock_guard<std::mutex> lock(m);
            reading = false;
            work_cv.notify_all();
        });
        auto work = [&] {
            std::vector<Outcome> results;
            while (true) {
                std::vector<Task> tasks;
                {
                    std::unique_lock<std::mutex> lock(m);
                    while (todo.empty() && reading && !stopping()) work_cv.wait_for(lock, poll);
                    if (stopping() || todo.empty()) break;
                    tasks = std::move(todo.front());
                    todo.pop_front();
                }
                results.clear();
                for (const auto& t : tasks) results.push_back(batch.evaluate(t));
                std::lock_guard<std::mutex> lock(m);
                for (std::size_t k = 0; k < tasks.size(); ++k) ready.emplace(tasks[k].seq, std::move(results[k]));
                done_cv.notify_one();
            }
            std::lock_guard<std::mutex> lock(m);
            ++finished;
            done_cv.notify_one();
        };
        for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(p.limits, work);
    };

    Progress progress(err, o.progress);
    std::vector<Value> cohort;  // a record per succeeded case
    std::vector<std::vector<Value>> by_scenario(o.scenarios.size());  // the same under each scenario
    std::vector<Outcome> table_rows;
    out << batch.header();
    if (o.format == "table") out << p.name << (p.version.empty() ? "" : ", version " + p.version) << "\n\n";
    auto write_one = [&](Outcome& r, std::size_t known, bool all_known) {
        ++s.done;
        if (!r.ok) {
            ++s.failed;
            progress.clear();
            err << r.error;
        } else if (!p.cohort_fields.empty()) {
            if (o.scenarios.empty()) {
                cohort.push_back(Value::list(std::move(r.row)));
            } else {
                for (std::size_t k = 0; k < r.rows.size(); ++k) by_scenario[k].push_back(std::move(r.rows[k]));
            }
        }
        if (o.keep) o.keep->cases.push_back({r.id, r.file, r.ok, std::move(r.outputs), r.error});
        if (o.format == "table") {
            r.row.clear();
            r.error.clear();
            table_rows.push_back(std::move(r));
        } else {
            out << r.line;
        }
        progress.update(s.done, s.failed, known, all_known);
    };
    if (jobs == 1) {
        // One job: each case read, evaluated and written in turn on this thread, with no hand-over
        // between threads (which costs more than it saves when there is one worker).
        for (const auto& f : files) {
            CaseReader r(f, p.limits.file_size);
            for (bool first = true; !stopping(); first = false) {
                std::optional<CaseDocument> d = r.next();
                opened += first;
                if (!d) break;
                if (d->in_stream) streams = true;
                Outcome one = batch.evaluate(Task{seq++, f, std::move(*d)});
                ++produced;
                write_one(one, produced, false);
            }
            if (stopping()) break;
            if (&f == &files.back()) all_read = true;
        }
        reading = false;
        progress.update(s.done, s.failed, produced, true);
    } else {
        start_threads();
        std::vector<Outcome> next;  // the results that can be written now, in order
        std::size_t known = 0;
        bool all_known = false;
        for (std::size_t taken = 0;; ++taken) {
            if (taken == next.size()) {  // take every consecutive result that is ready, under one lock
                next.clear();
                taken = 0;
                std::unique_lock<std::mutex> lock(m);
                while (!ready.count(written) && finished < jobs) done_cv.wait_for(lock, poll);
                for (auto it = ready.find(written); it != ready.end() && it->first == written; it = ready.erase(it), ++written)
                    next.push_back(std::move(it->second));
                known = produced;
                all_known = !reading;
                space_cv.notify_one();
                if (next.empty()) break;  // every case written, or stopped before this one
            }
            write_one(next[taken], known, all_known);
        }
        for (auto& t : pool) t.join();
        reader.join();
    }
    progress.clear();
    // Stopped before every case was read, or before every case read was written.
    s.interrupted = stopping() && (!all_read || s.done < produced);
    s.cases = seq + (files.size() - opened);
    s.cases_exact = !s.interrupted || !streams;
    if (s.interrupted) return s;

    // The cohort, over the cases that succeeded (under each scenario, when there are scenarios).
    auto cohort_of = [&](std::vector<Value> rows, const std::vector<Value>& bound, const std::string* scenario) {
        std::vector<Value> values;
        if (p.cohort_outputs.empty()) return values;
        Value cases = Value::list(std::move(rows));
        Evaluator ev(p, bound, cases);
        try {
            for (int slot : p.cohort_outputs) values.push_back(ev.rule(slot));
        } catch (EvalError& e) {
            if (scenario) e.add_note("under scenario '" + *scenario + "'");
            err << render(e.diagnostic());
            s.cohort_failed = true;
            values.clear();
        }
        return values;
    };
    if (!o.scenarios.empty()) {
        for (std::size_t k = 0; k < o.scenarios.size(); ++k) {
            std::vector<Value> values = cohort_of(std::move(by_scenario[k]), o.scenarios[k].params, &o.scenarios[k].name);
            if (o.format == "jsonl" && !p.cohort_outputs.empty()) {
                nlohmann::ordered_json j;
                j["scenario"] = o.scenarios[k].name;
                j["cohort"]["outputs"] = values.empty() ? nlohmann::ordered_json::object() : outputs_json(p, p.cohort_outputs, values);
                out << json_text(j) << "\n";
            }
        }
        if (o.format == "jsonl") {
            nlohmann::ordered_json j;
            j["summary"] = {{"cases", s.cases}, {"failed", s.failed}, {"scenarios", o.scenarios.size()}};
            out << json_text(j) << "\n";
        }
        return s;
    }
    std::vector<Value> values = cohort_of(std::move(cohort), params, nullptr);
    const bool show_cohort = !p.cohort_outputs.empty() && !s.cohort_failed;
    if (o.keep && show_cohort) o.keep->cohort = values;
    if (o.format == "table") {
        out << batch.table(table_rows);
        out << "\n" << s.cases << " case" << (s.cases == 1 ? "" : "s") << ", " << s.failed << " failed\n";
        if (show_cohort) {
            out << "\nCohort (the " << s.cases - s.failed << " cases that succeeded)\n\n";
            out << render_outputs(p, p.cohort_outputs, values);
        }
    } else if (o.format == "jsonl") {
        nlohmann::ordered_json j;
        j["cohort"]["outputs"] = show_cohort ? outputs_json(p, p.cohort_outputs, values) : nlohmann::ordered_json::object();
        j["summary"] = {{"cases", s.cases}, {"failed", s.failed}};
        out << json_text(j) << "\n";
    }
    return s;
}

}  // namespace reckon
