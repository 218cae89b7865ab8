// One file put in place of another at once: a reader sees the old file or the new one, never a part. On POSIX
// rename(2); on Windows MoveFileExW with MOVEFILE_REPLACE_EXISTING (and write-through), which std::rename does
// not do there (it refuses a target that exists). A file a platform each: replace_file_posix.cpp,
// replace_file_windows.cpp.
#pragma once

#include <string>
#include <system_error>

namespace reckon {

// `from` renamed to `to`, replacing it if it exists; `ec` set if it could not be.
void replace_file(const std::string& from, const std::string& to, std::error_code& ec);

}  // namespace reckon
