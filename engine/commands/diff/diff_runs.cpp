// The changes between two runs of a ruleset: their settings compared by name (the last given of a name is the one
// that holds, as for batch), their case files compared as files (two spellings of one path are one file).
#include "commands/diff/diff_runs.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

namespace reckon {

namespace {

constexpr const char* setting_prefix = "--param ";
constexpr const char* cases_in_name = "cases in";
constexpr const char* cases_out_name = "cases out";

// The value each setting is set to (the last setting of it, by setting_key), the names as first written, in order.
struct Settled {
    std::map<std::string, std::string> value;
    std::map<std::string, std::string> written;
    std::vector<std::string> order;
};
Settled settle(const std::vector<ParamSetting>& settings) {
    Settled s;
    for (const auto& p : settings) {
        const std::string key = setting_key(p.name);
        if (!s.value.count(key)) s.order.push_back(key), s.written[key] = p.name;
        s.value[key] = p.value;
    }
    return s;
}

std::string file_key(const std::string& path) {
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(path, ec);
    return ec ? std::filesystem::path(path).lexically_normal().string() : canonical.string();
}

// The files of `from` that `other` does not have, in their order: a file given twice in `from` and once in `other`
// is once in the answer.
std::vector<std::string> only_in(const std::vector<std::string>& from, const std::vector<std::string>& other) {
    std::map<std::string, std::size_t> there;
    for (const auto& f : other) ++there[file_key(f)];
    std::vector<std::string> out;
    for (const auto& f : from)
        if (std::size_t& n = there[file_key(f)]; n > 0) --n;
        else out.push_back(f);
    return out;
}

// "N0241.yaml, N0242.yaml and 10 more (12 files)": what a change of the cases is, short enough for a line.
std::string files_text(const std::vector<std::string>& files) {
    std::string out;
    const std::size_t shown = std::min<std::size_t>(files.size(), 3);
    for (std::size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + files[i];
    if (files.size() > shown) out += " and " + std::to_string(files.size() - shown) + " more";
    return out + " (" + std::to_string(files.size()) + " file" + (files.size() == 1 ? "" : "s") + ")";
}

bool applied_kind(const std::vector<Change>& changes, const std::vector<std::size_t>& applied, Membership m) {
    return std::any_of(applied.begin(), applied.end(), [&](std::size_t c) { return membership_of(changes.at(c)) == m; });
}

}  // namespace

std::vector<Change> compare_runs(const DiffRun& old_run, const DiffRun& new_run) {
    std::vector<Change> out;
    const Settled a = settle(old_run.settings), b = settle(new_run.settings);
    std::vector<std::string> keys = a.order;
    for (const auto& k : b.order)
        if (!a.value.count(k)) keys.push_back(k);
    for (const auto& k : keys) {
        const auto x = a.value.find(k), y = b.value.find(k);
        const std::string before = x == a.value.end() ? "(the ruleset's)" : x->second;
        const std::string after = y == b.value.end() ? "(the ruleset's)" : y->second;
        const std::string& name = a.written.count(k) ? a.written.at(k) : b.written.at(k);
        if (before != after) out.push_back(Change{run_section, ChangeKind::changed, setting_prefix + name, {Aspect{"value", before, after}}});
    }
    if (auto in = only_in(new_run.files, old_run.files); !in.empty())
        out.push_back(Change{run_section, ChangeKind::added, cases_in_name, {Aspect{"files", "", files_text(in)}}});
    if (auto gone = only_in(old_run.files, new_run.files); !gone.empty())
        out.push_back(Change{run_section, ChangeKind::removed, cases_out_name, {Aspect{"files", files_text(gone), ""}}});
    return out;
}

std::string setting_of(const Change& c) {
    const std::string prefix = setting_prefix;
    if (c.section != run_section || c.name.rfind(prefix, 0) != 0) return "";
    return c.name.substr(prefix.size());
}

Membership membership_of(const Change& c) {
    if (c.section != run_section) return Membership::none;
    if (c.name == cases_in_name) return Membership::cases_in;
    if (c.name == cases_out_name) return Membership::cases_out;
    return Membership::none;
}

std::vector<ParamSetting> settings_with(const DiffRun& old_run, const DiffRun& new_run, const std::vector<Change>& changes,
                                        const std::vector<std::size_t>& applied) {
    std::set<std::string> taken;
    for (std::size_t c : applied)
        if (auto name = setting_of(changes.at(c)); !name.empty()) taken.insert(setting_key(name));
    std::vector<ParamSetting> out;
    for (const auto& s : old_run.settings)
        if (!taken.count(setting_key(s.name))) out.push_back(s);
    for (const auto& s : new_run.settings)
        if (taken.count(setting_key(s.name))) out.push_back(s);
    return out;
}

std::string setting_key(const std::string& name) {
    std::string out;
    int depth = 0;  // inside a cell's key: a member's enumeration name (an identifier and a dot) is dropped
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (c == ' ' || c == '\t') continue;
        if (c == '(') ++depth;
        if (c == ')') --depth;
        const bool starts_word = std::isalpha(static_cast<unsigned char>(c)) || c == '_';
        if (depth > 0 && starts_word && (out.empty() || !(std::isalnum(static_cast<unsigned char>(out.back())) || out.back() == '_'))) {
            std::size_t end = i;
            while (end < name.size() && (std::isalnum(static_cast<unsigned char>(name[end])) || name[end] == '_')) ++end;
            if (end < name.size() && name[end] == '.') {  // `OffenceType.` before a member
                i = end;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::vector<std::string> files_with(const DiffRun& old_run, const DiffRun& new_run, const std::vector<Change>& changes,
                                    const std::vector<std::size_t>& applied) {
    const auto in = only_in(new_run.files, old_run.files), gone = only_in(old_run.files, new_run.files);
    const bool with_in = !in.empty() && applied_kind(changes, applied, Membership::cases_in);
    const bool with_out = !gone.empty() && applied_kind(changes, applied, Membership::cases_out);
    if (with_in == !in.empty() && with_out == !gone.empty()) return new_run.files;  // every change of the cases: the new run's, in its order
    std::vector<std::string> out = old_run.files;
    if (with_out) std::erase_if(out, [&](const std::string& f) { return std::find(gone.begin(), gone.end(), f) != gone.end(); });
    if (with_in) out.insert(out.end(), in.begin(), in.end());
    return out;
}

std::vector<std::optional<std::size_t>> match_cases(const std::vector<CaseKey>& old_cases, const std::vector<CaseKey>& new_cases) {
    std::vector<std::optional<std::size_t>> out(new_cases.size());
    const bool same_files = old_cases.size() == new_cases.size() &&
                            std::equal(old_cases.begin(), old_cases.end(), new_cases.begin(), [](const CaseKey& a, const CaseKey& b) { return a.file == b.file; });
    if (same_files) {
        for (std::size_t k = 0; k < out.size(); ++k) out[k] = k;
        return out;
    }
    std::map<std::string, std::vector<std::size_t>> olds;  // each key's cases in the old run, in order
    std::map<std::string, std::size_t> taken;
    for (std::size_t k = 0; k < old_cases.size(); ++k) olds[file_key(old_cases[k].file) + '\x1f' + old_cases[k].id].push_back(k);
    for (std::size_t k = 0; k < new_cases.size(); ++k) {
        const std::string key = file_key(new_cases[k].file) + '\x1f' + new_cases[k].id;
        const auto it = olds.find(key);
        std::size_t& next = taken[key];
        if (it != olds.end() && next < it->second.size()) out[k] = it->second[next++];
    }
    return out;
}

}  // namespace reckon
