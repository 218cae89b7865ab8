// A path reckon made itself (a folder joined to a file found in it, an imported
// file beside its importer, a test's case file beside its rule file), as text to
// show and to open: the separators of what was joined are `/` on every platform,
// so that messages, outputs and the files reckon writes are the same bytes on
// Windows as on Linux. On Linux this is the path's text unchanged; on Windows
// each `\` becomes `/` (which Windows opens as well), the part the user typed
// included. A path used as the user typed it is shown as typed.
#pragma once

#include <filesystem>
#include <string>

namespace reckon {

std::string shown_path(const std::filesystem::path& p);

}  // namespace reckon
