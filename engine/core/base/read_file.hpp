// The one reader of a whole input file under the file-size limit: bytes are
// counted as they are read, so a device (/dev/zero) or a pipe meets the limit
// as a regular file does, and a read that may wait for ever (a pipe) can be
// ended by SIGINT or SIGTERM (signals.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace reckon {

// The bytes of the file at `path`, at most max_bytes of them. Throws FileError: "cannot open file", "cannot read
// file", or the limit's message.
std::string read_file(const std::string& path, std::uint64_t max_bytes);

// The error of a file over the limit: "the file is N bytes, more than the limit of M (…)"; for a pipe or a device,
// whose size is not known, "the file is more than M bytes, the limit (…)".
std::string over_size_limit(std::optional<std::uint64_t> size, std::uint64_t max_bytes);

// Whether `path` names something that may make a read wait for ever, or never end: a pipe, a device, a socket.
bool is_stream(const std::string& path);

}  // namespace reckon
