// The files a pattern of the command line names (`cases/iom/*.yaml`, `data/202?/[a-m]*.csv`), found by reckon
// itself on every platform: Windows' shells hand a program its patterns unexpanded and its C library has no
// glob(). As POSIX glob does it without flags: `*`, `?` and `[…]` (`[!…]` or `[^…]` for not) within one name of
// the path, never across a separator; a name that starts with `.` only by a pattern that does; `\` escapes the
// next character on POSIX and separates names on Windows (where `/` does too); the paths found sorted by their
// bytes, each written as the pattern writes its folders.
#pragma once

#include <string>
#include <vector>

namespace reckon {

// True if `s` holds a wildcard (`*`, `?` or `[`).
bool has_wildcard(const std::string& s);

// Every path that matches `pattern` (folders too), sorted; none if nothing does.
std::vector<std::string> match_path_pattern(const std::string& pattern);

}  // namespace reckon
