// Git blob ids: SHA-1 of "blob SIZE\0" and the bytes, in hex, as `git hash-object FILE` prints, so that a
// provenance names each file it read as git names it.
#pragma once

#include <string>

namespace reckon {

// The git blob id of some bytes.
std::string git_blob_id(const std::string& bytes);
// The same of a file, read a block at a time (a table of any size); throws std::runtime_error when it cannot be read.
std::string git_blob_id_of_file(const std::string& path);
// The SHA-1 of some bytes, in hex.
std::string sha1_of(const std::string& bytes);

}  // namespace reckon
