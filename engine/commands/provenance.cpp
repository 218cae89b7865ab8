#include "report.hpp"

#include <boost/uuid/detail/sha1.hpp>

#include <cstdlib>
#include <filesystem>
#include <ctime>
#include <fstream>
#include <sstream>
#include <vector>

namespace reckon {

namespace {
std::string hex_of(boost::uuids::detail::sha1& h) {
    unsigned int digest[5];
    h.get_digest(digest);
    char out[41];
    for (int i = 0; i < 5; ++i) std::snprintf(out + 8 * i, 9, "%08x", digest[i]);
    return std::string(out, 40);
}

std::string sha1_hex(const std::string& bytes) {
    boost::uuids::detail::sha1 h;
    h.process_bytes(bytes.data(), bytes.size());
    return hex_of(h);
}

}  // namespace

std::string git_blob_id_of_file(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (ec || !in) throw std::runtime_error(path + ": error: cannot read file");
    boost::uuids::detail::sha1 h;
    std::string head = "blob " + std::to_string(size);
    head.push_back('\0');
    h.process_bytes(head.data(), head.size());
    std::vector<char> block(1 << 16);
    std::uintmax_t read = 0;
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        h.process_bytes(block.data(), static_cast<std::size_t>(in.gcount()));
        read += static_cast<std::uintmax_t>(in.gcount());
    }
    if (read != size) throw std::runtime_error(path + ": error: the file changed while it was read");
    return hex_of(h);
}

std::string git_blob_id(const std::string& bytes) {
    std::string blob = "blob " + std::to_string(bytes.size());
    blob.push_back('\0');
    return sha1_hex(blob + bytes);
}

Provenance provenance_of(const Program& p, const std::vector<std::string>& settings, const BatchResults& results,
                         const std::string& reckon_version, const std::string& date) {
    Provenance v;
    v.ruleset = p.name;
    v.version = p.version;
    std::string lines;
    const std::filesystem::path folder = std::filesystem::path(p.sources.at(0)->path()).parent_path();
    for (const auto& m : p.modules) {  // the rule files (p.sources also holds --param texts)
        const SourcePtr& src = m.source;
        // the bytes on disk (a byte-order mark included), as git would hash them
        std::ifstream in(src->path(), std::ios::binary);
        std::ostringstream bytes;
        if (in) bytes << in.rdbuf();
        std::string id = git_blob_id(in ? bytes.str() : src->text());
        v.files.emplace_back(src->path(), id);
        // named from the entry file's folder, so the hash does not depend on where reckon ran
        lines += id + " " + std::filesystem::path(src->path()).lexically_relative(folder.empty() ? "." : folder).generic_string() + "\n";
    }
    v.hash = sha1_hex(lines);
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
