#include "commands/batch/partial.hpp"

#include "core/base/read_file.hpp"
#include "data/git_blob.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <type_traits>

namespace reckon {

using nlohmann::json;

void PartialChecksum::add(const std::string& line) {
    for (unsigned char c : line) h_ = (h_ ^ c) * 0x100000001b3ULL;
    h_ = (h_ ^ '\n') * 0x100000001b3ULL;
}

std::string PartialChecksum::hex() const {
    static const char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 0; i < 16; ++i) out[static_cast<std::size_t>(15 - i)] = digits[(h_ >> (4 * i)) & 0xf];
    return "fnv1a64:" + out;
}

namespace {

// A whole number of type T as the file writes it; json's type_error for a fraction, a number written with an
// exponent, a negative number where T has no sign, or one outside T's range, none of which is ever cast (casting
// one is undefined), so that a forged file is refused in words as any other field of the wrong kind is.
template <class T>
T whole(const json& j) {
    if (j.is_number_unsigned()) {
        const auto v = j.get<std::uint64_t>();
        if (v <= static_cast<std::uint64_t>(std::numeric_limits<T>::max())) return static_cast<T>(v);
    } else if (j.is_number_integer()) {
        const auto v = j.get<std::int64_t>();
        if (std::is_signed_v<T> && v >= static_cast<std::int64_t>(std::numeric_limits<T>::min()) &&
            v <= static_cast<std::int64_t>(std::numeric_limits<T>::max()))
            return static_cast<T>(v);
    }
    throw json::type_error::create(302, "not a whole number of the range expected: " + j.dump(), &j);
}

std::string number_text(const Number& n) { return n.str(); }

Number number_from(const std::string& s) {
    const auto slash = s.find('/');
    auto whole = [&](const std::string& t) {
        if (t.empty() || t.find_first_not_of("-0123456789") != std::string::npos || t.find('-', 1) != std::string::npos)
            throw std::runtime_error("'" + s + "' is not an exact number (n or n/d)");
        return Integer(t);
    };
    if (slash == std::string::npos) return Number(whole(s));
    const Integer d = whole(s.substr(slash + 1));
    if (d <= 0) throw std::runtime_error("'" + s + "' is not an exact number (n or n/d)");
    return Number(whole(s.substr(0, slash)), d);
}

// The files an error may point into, numbered: the rule files, then the settings' values, as the merge's program
// (compiled with the same settings) has them.
int source_index(const Program& p, const SourceFile* f) {
    for (std::size_t i = 0; i < p.sources.size(); ++i)
        if (p.sources[i].get() == f) return static_cast<int>(i);
    for (std::size_t i = 0; i < p.setting_sources.size(); ++i)
        if (p.setting_sources[i].get() == f) return static_cast<int>(p.sources.size() + i);
    return -1;
}
const SourceFile* source_at(const Program& p, int i) {
    const auto at = static_cast<std::size_t>(i);
    if (at < p.sources.size()) return p.sources[at].get();
    if (at - p.sources.size() < p.setting_sources.size()) return p.setting_sources[at - p.sources.size()].get();
    throw std::runtime_error("an error's source file is not one of the ruleset's");
}

json error_json(std::size_t at, const EvalError& e, const Program& p) {
    const Diagnostic& d = e.diagnostic();
    const int source = source_index(p, d.where.file);
    return {{"at", at}, {"source", source}, {"offset", d.where.offset}, {"length", d.where.length}, {"message", d.message},
            {"notes", d.notes}, {"skipped", e.skipped()}};
}

EvalError error_from(const json& j, const Program& p) {
    Diagnostic d;
    const int source = whole<int>(j.at("source"));
    if (source >= 0) d.where = {source_at(p, source), whole<std::uint32_t>(j.at("offset")), whole<std::uint32_t>(j.at("length"))};
    if (d.where.file && d.where.offset > d.where.file->text().size()) throw std::runtime_error("an error's place is outside its file");
    if (d.where.file) d.where.length = std::min<std::uint32_t>(d.where.length, static_cast<std::uint32_t>(d.where.file->text().size() - d.where.offset));
    d.message = j.at("message").get<std::string>();
    d.notes = j.at("notes").get<std::vector<std::string>>();
    return EvalError(std::move(d), whole<std::size_t>(j.at("skipped")));
}

json positioned(const std::vector<std::pair<std::size_t, Value>>& xs) {
    json out = json::array();
    for (const auto& [at, v] : xs) out.push_back(json::array({at, value_json(v)}));
    return out;
}

std::vector<std::pair<std::size_t, Value>> positioned_from(const json& j) {
    std::vector<std::pair<std::size_t, Value>> out;
    for (const auto& x : j) out.emplace_back(whole<std::size_t>(x.at(0)), value_from_json(x.at(1)));
    return out;
}

}  // namespace

json value_json(const Value& v) {
    switch (v.kind) {
        case Value::Kind::none: return nullptr;
        case Value::Kind::number: return number_text(v.n());
        case Value::Kind::boolean: return v.b();
        case Value::Kind::text: return json{{"t", *v.s()}};
        case Value::Kind::date: return json{{"d", v.n().convert_to<long>()}};
        case Value::Kind::member: return json{{"m", v.n().convert_to<long>()}};
        case Value::Kind::list: {
            json out = json::array();
            for (const auto& x : *v.items()) out.push_back(value_json(x));
            return out;
        }
    }
    return nullptr;
}

Value value_from_json(const json& j) {
    if (j.is_null()) return Value();
    if (j.is_boolean()) return Value::boolean(j.get<bool>());
    if (j.is_string()) return Value::number(number_from(j.get<std::string>()));
    if (j.is_array()) {
        std::vector<Value> items;
        for (const auto& x : j) items.push_back(value_from_json(x));
        return Value::list(std::move(items));
    }
    if (j.is_object() && j.size() == 1) {
        if (j.contains("t")) return Value::text(j.at("t").get<std::string>());
        if (j.contains("d")) return Value::date(whole<long>(j.at("d")));
        if (j.contains("m")) return Value::member(whole<int>(j.at("m")));
    }
    throw std::runtime_error("not a value of reckon's: " + j.dump());
}

PartialHeader fingerprint(const Program& p, const std::vector<Value>& params, const std::vector<BoundScenario>& scenarios,
                          const std::vector<std::string>& files, const std::vector<ListFile>& lists, const TableOptions& tables) {
    PartialHeader h;
    std::string ruleset;
    for (const auto& s : p.sources)  // each rule file by its name and text, wherever the run was started
        ruleset += std::filesystem::path(s->path()).filename().string() + '\0' + std::to_string(s->text().size()) + '\0' + s->text();
    h.ruleset = git_blob_id(ruleset);
    json settings = json::array();
    auto run = [&](const Program& q, const std::vector<Value>& bound, const std::string& name) {
        json cells = json::array();
        for (const auto& c : q.cell_settings) {
            const TableDef& t = q.tables[static_cast<std::size_t>(c.table)];
            cells.push_back(json::array({c.name, value_json((*t.rows.at(c.key).items())[static_cast<std::size_t>(c.column)])}));
        }
        json ps = json::array();
        for (const auto& v : bound) ps.push_back(value_json(v));
        settings.push_back({{"name", name}, {"params", ps}, {"cells", cells}});
    };
    if (scenarios.empty()) run(p, params, "");
    for (const auto& sc : scenarios) run(*sc.program, sc.params, sc.name);
    h.settings = git_blob_id(settings.dump());
    json cases = {{"files", files}, {"ignored_columns", tables.ignored_columns}, {"ignored_sheets", tables.ignored_sheets},
                  {"day_first_dates", tables.day_first_dates}};
    for (const auto& l : lists) cases["lists"].push_back(json::array({l.input, l.path}));
    h.cases = git_blob_id(cases.dump());
    for (const auto& f : files)
        if (is_case_table(f)) h.tables.push_back(f);
    h.lists = lists;
    h.options = tables;
    return h;
}

PartialWriter::PartialWriter(std::ostream& out, const PartialHeader& h) : out_(out) {
    json lists = json::array();
    for (const auto& l : h.lists) lists.push_back(json::array({l.input, l.path}));
    const json read = {{"tables", h.tables}, {"lists", lists}, {"ignored_columns", h.options.ignored_columns},
                       {"ignored_sheets", h.options.ignored_sheets}, {"day_first_dates", h.options.day_first_dates}};
    line(json{{"reckon_partial", h.version}, {"ruleset", h.ruleset}, {"settings", h.settings}, {"cases", h.cases},
              {"shard", h.shard}, {"shards", h.shards}, {"read", read}}
             .dump());
}

void PartialWriter::write_case(const Outcome& r) {
    json line = {{"at", r.position}, {"case", r.id}, {"file", r.file}, {"document", r.document}};
    if (!r.content.empty()) line["content"] = r.content;
    if (!r.ok) {
        line["error"] = r.failure.text;
        json errors = json::array();
        for (const auto& e : r.failure.errors) errors.push_back(json::array({e.where, e.message}));
        line["errors"] = std::move(errors);
    } else {
        json outputs = json::array();
        auto one = [&](const std::vector<Value>& vs) {
            json xs = json::array();
            for (const auto& v : vs) xs.push_back(value_json(v));
            outputs.push_back(std::move(xs));
        };
        if (r.scenario_outputs.empty()) one(r.outputs);
        for (const auto& vs : r.scenario_outputs) one(vs);
        line["outputs"] = std::move(outputs);
        if (std::any_of(r.records.begin(), r.records.end(), [](const Value& v) { return v.kind != Value::Kind::none; })) {
            json records = json::array();
            for (const auto& v : r.records) records.push_back(value_json(v));
            line["records"] = std::move(records);
        }
    }
    this->line(line.dump());
}

void PartialWriter::line(const std::string& text) {
    out_ << text << "\n";
    checksum_.add(text);
}

void PartialWriter::finish(std::size_t cases, const std::vector<CohortTotals>& totals) {
    json runs = json::array();
    for (const auto& t : totals) {
        json running = json::array();
        for (const auto& r : t.running()) {
            json one = {{"count", r.count}, {"sum", number_text(r.sum)}, {"best", value_json(r.best)}, {"collected", positioned(r.collected)}};
            if (r.error) one["error"] = error_json(r.error->first, r.error->second, t.program());
            running.push_back(std::move(one));
        }
        runs.push_back({{"cases", t.cases()}, {"running", std::move(running)}, {"records", positioned(t.kept_records())}});
    }
    line(json{{"end", {{"cases", cases}, {"runs", std::move(runs)}}}}.dump());
    out_ << json{{"checksum", checksum_.hex()}}.dump() << "\n";
}

PartialReader::PartialReader(std::string path) : path_(std::move(path)) {
    // a pipe or a device is never a shard's file: it is not read, for it may have no end (/dev/zero) or be read only once
    if (is_stream(path_)) throw std::runtime_error(path_ + ": error: not a partial result: a partial result is a file, and this is a pipe or a device");
    in_.open(path_, std::ios::binary);
    if (!in_) throw std::runtime_error(path_ + ": error: cannot read this file");
    std::string line;
    ++line_;
    json h;
    if (!std::getline(in_, line) || !json::accept(line) || !(h = json::parse(line)).is_object() || !h.contains("reckon_partial"))
        fail("not a partial result: expected the file `reckon batch --shard K/N --partial FILE` writes");
    header_line_ = line;
    try {
        header_.version = whole<int>(h.at("reckon_partial"));
        if (header_.version != partial_version)
            fail("a partial result of format " + std::to_string(header_.version) + "; this reckon reads format " +
                 std::to_string(partial_version) + ": run the shard again with this reckon");
        header_.ruleset = h.at("ruleset").get<std::string>();
        header_.settings = h.at("settings").get<std::string>();
        header_.cases = h.at("cases").get<std::string>();
        header_.shard = whole<unsigned>(h.at("shard"));
        header_.shards = whole<unsigned>(h.at("shards"));
        const json& read = h.at("read");
        header_.tables = read.at("tables").get<std::vector<std::string>>();
        for (const auto& l : read.at("lists")) header_.lists.push_back({l.at(0).get<std::string>(), l.at(1).get<std::string>()});
        header_.options.ignored_columns = read.at("ignored_columns").get<std::vector<std::string>>();
        header_.options.ignored_sheets = read.at("ignored_sheets").get<std::vector<std::string>>();
        header_.options.day_first_dates = read.at("day_first_dates").get<bool>();
    } catch (const json::exception&) {
        fail("the header of a partial result lacks a field, or has one of the wrong kind");
    }
    if (header_.shards == 0 || header_.shard == 0 || header_.shard > header_.shards)
        fail("shard " + std::to_string(header_.shard) + "/" + std::to_string(header_.shards) + " is no shard: expected K/N with 1 <= K <= N");
    check_whole();
}

// Before anything is written from it: every line as its shard wrote it, the checksum last (a copy cut short,
// or changed by hand, is refused at once).
void PartialReader::check_whole() {
    const std::streampos body = in_.tellg();
    PartialChecksum sum;
    sum.add(header_line_);
    std::string line, last;
    bool ended = false;
    std::size_t lines = 1;
    while (std::getline(in_, line)) {
        ++lines;
        if (!last.empty()) sum.add(last);
        last = std::move(line);
        ended = !in_.eof();
    }
    in_.clear();
    in_.seekg(body);
    const std::string expected = json{{"checksum", sum.hex()}}.dump();
    if (last.rfind("{\"checksum\":", 0) != 0 || !ended)
        fail("the partial result does not end with its checksum: it is not whole (copied before the shard finished?)");
    if (last != expected) fail("the partial result is not as its shard wrote it (its checksum does not match): run the shard again");
    case_lines_ = lines - 3;  // not the header, the end line or the checksum
}

void PartialReader::fail(const std::string& what) const {
    fail_at(line_, what);
}

void PartialReader::fail_at(std::size_t line, const std::string& what) const {
    throw PartialFileError(path_ + ":" + std::to_string(line) + ": error: " + what);
}


std::optional<PartialCase> PartialReader::next() {
    if (!end_.is_null()) return std::nullopt;
    std::string line;
    ++line_;
    if (!std::getline(in_, line)) fail("the partial result ends before its end line: it is not whole");
    if (!json::accept(line)) fail("not a line of JSON");
    const json j = json::parse(line);
    try {
        if (j.contains("end")) {
            end_ = j.at("end");
            if (!end_.at("cases").is_number_unsigned()) fail("the end line's count of cases is " + end_.at("cases").dump() + ", not a whole number");
            cases_ = whole<std::size_t>(end_.at("cases"));
            if (!end_.at("runs").is_array()) fail("the end line's runs are not a list");
            return std::nullopt;
        }
        PartialCase c;
        c.at = whole<std::size_t>(j.at("at"));
        c.id = j.at("case").get<std::string>();
        c.file = j.at("file").get<std::string>();
        c.document = whole<std::uint32_t>(j.at("document"));
        if (j.contains("content")) c.content = j.at("content").get<std::string>();
        if (j.contains("error")) {
            c.failure.text = j.at("error").get<std::string>();
            for (const auto& e : j.at("errors")) c.failure.errors.push_back({e.at(0).get<std::string>(), e.at(1).get<std::string>()});
        } else {
            c.ok = true;
            for (const auto& run : j.at("outputs")) {
                std::vector<Value> vs;
                for (const auto& v : run) vs.push_back(value_from_json(v));
                c.outputs.push_back(std::move(vs));
            }
            if (j.contains("records"))
                for (const auto& v : j.at("records")) c.records.push_back(value_from_json(v));
        }
        return c;
    } catch (const json::exception&) {
        fail("a case's line lacks a field, or has one of the wrong kind");
    } catch (const PartialFileError&) {
        throw;
    } catch (const std::runtime_error& e) {
        fail(e.what());
    }
}

std::string running_total_name(const FoldPlan& plan, std::size_t i) {
    for (const auto& s : plan.sites())
        if (i >= s.first && i < s.first + s.members)
            return "`" + s.rule->name + "`" + (s.members > 1 ? " (member " + std::to_string(i - s.first + 1) + ")" : "");
    return "running total " + std::to_string(i + 1);
}

void PartialReader::add_totals(std::size_t run, CohortTotals& into) const {
    CohortTotals other(into.plan(), into.program());
    read_totals(run, other);
    into.merge(std::move(other));
}

void PartialReader::read_totals(std::size_t run, CohortTotals& other) const {
    // A count: a whole number, not negative, and no more than the run's cases.
    const std::string of_run = runs() > 1 ? " (run " + std::to_string(run + 1) + ")" : "";
    auto count_in = [&](const json& x, const std::string& what) {
        if (!x.is_number_unsigned()) throw std::runtime_error(what + of_run + " is " + x.dump() + " on the end line: a count is a whole number, never negative");
        const auto n = whole<std::size_t>(x);
        if (n > cases_)
            throw std::runtime_error(what + of_run + " is " + std::to_string(n) + " on the end line, more than the " + std::to_string(cases_) +
                                     " cases of the whole run");
        return n;
    };
    try {
        const json& j = end_.at("runs").at(run);
        const json& running = j.at("running");
        if (running.size() != other.running().size()) throw std::runtime_error("its cohort's running totals do not match the ruleset's");
        for (std::size_t i = 0; i < running.size(); ++i) {
            const json& x = running[i];
            auto& r = other.running()[i];
            r.count = count_in(x.at("count"), running_total_name(other.plan(), i) + "'s count");
            r.sum = number_from(x.at("sum").get<std::string>());
            r.best = value_from_json(x.at("best"));
            r.collected = positioned_from(x.at("collected"));
            if (x.contains("error")) r.error.emplace(whole<std::size_t>(x.at("error").at("at")), error_from(x.at("error"), other.program()));
        }
        other.kept_records() = positioned_from(j.at("records"));
        other.set_cases(count_in(j.at("cases"), "the run's cases that succeeded"));
    } catch (const json::exception&) {
        fail("the end line's totals lack a field, or have one of the wrong kind");
    } catch (const PartialFileError&) {
        throw;
    } catch (const std::runtime_error& e) {
        fail(e.what());
    }
}

}  // namespace reckon
