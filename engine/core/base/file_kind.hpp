// What a path names, and the words a refusal uses for it: "a folder", "a
// named pipe (FIFO)", "a character device", ... Every reader and writer that
// wants a regular file says why a path is not one in these same words.
#pragma once

#include <optional>
#include <string>

namespace reckon {

enum class FileKind { missing, regular, folder, fifo, character_device, block_device, socket, other };

// What is at `path`, a symbolic link followed (missing: nothing there, or nothing that can be looked at).
FileKind file_kind(const std::string& path);

// "no file", "a file", "a folder", "a named pipe (FIFO)", "a character device", "a block device", "a socket".
const char* file_kind_words(FileKind k);

// Why `path` is not a regular file to read ("there is no file 'x'", "'x' is a named pipe (FIFO), not a regular
// file"); nothing when it is one.
std::optional<std::string> not_a_regular_file(const std::string& path);

}  // namespace reckon
