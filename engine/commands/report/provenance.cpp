#include "commands/report/provenance.hpp"

#include "core/base/shown_path.hpp"

#include <cstdlib>
#include <filesystem>
#include <ctime>
#include <fstream>
#include <sstream>
#include <vector>

namespace reckon {

Provenance provenance_of(const Program& p, const std::vector<std::string>& settings, const BatchResults& results,
                         const std::string& reckon_version, const std::string& date) {
    Provenance v;
    v.ruleset = p.name;
    v.version = p.version;
    std::string lines;
    const std::filesystem::path folder = std::filesystem::path(p.sources.at(0)->path()).parent_path();
    for (const auto& m : p.modules) {  // the rule files
        const SourcePtr& src = m.source;
        // the bytes on disk (a byte-order mark included), as git would hash them
        std::ifstream in(src->path(), std::ios::binary);
        std::ostringstream bytes;
        if (in) bytes << in.rdbuf();
        std::string id = git_blob_id(in ? bytes.str() : src->text());
        v.files.emplace_back(src->path(), id);
        // named from the entry file's folder, so the hash does not depend on where reckon ran
        lines += id + " " + shown_path(std::filesystem::path(src->path()).lexically_relative(folder.empty() ? "." : folder)) + "\n";
    }
    v.hash = sha1_of(lines);
    for (const auto& d : p.params)
        if (!d.run_data.empty()) v.run_data_file = {d.run_data, git_blob_id_of_file(d.run_data)};
    v.overrides = settings;
    v.cases = results.cases.size();
    for (const auto& c : results.cases) v.failed += c.ok ? 0 : 1;
    v.date = date;
    v.reckon_version = reckon_version;
    return v;
}

}  // namespace reckon
