// Git blob ids: what `git hash-object FILE` prints, so that a provenance names each input as git does.
#include "data/git_blob.hpp"

#include "core/base/source.hpp"

#include <boost/uuid/detail/sha1.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
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
    const auto size = std::filesystem::file_size(path, ec);  // an error for a pipe or a device, which is not opened again
    if (ec) throw FileError(path, "cannot read file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path, "cannot read file");
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
    if (read != size) throw FileError(path, "the file changed while it was read");
    return hex_of(h);
}

std::string git_blob_id(const std::string& bytes) {
    std::string blob = "blob " + std::to_string(bytes.size());
    blob.push_back('\0');
    return sha1_hex(blob + bytes);
}

std::string sha1_of(const std::string& bytes) { return sha1_hex(bytes); }

}  // namespace reckon
