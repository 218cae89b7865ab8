// An output file written atomically: everything goes to a temporary file
// beside it, renamed over the target only when complete. An interrupted or
// failed run leaves the target as it was and no temporary file behind, on a
// signal too (SIGHUP, SIGINT, SIGTERM, SIGPIPE). An output never destroys:
// the target must be a regular file, or a symbolic link to one (written
// through: the link stays, the file it names is replaced), and none of the
// run's inputs; a file replaced keeps its permissions.
#pragma once

#include "commands/output/run_inputs.hpp"
#include "core/base/signals.hpp"

#include <fstream>
#include <memory>
#include <optional>
#include <string>

namespace reckon {

// Where an output is written: the file itself (a symbolic link followed), and the permissions it keeps.
struct OutputTarget {
    std::string path;
    std::optional<unsigned> mode;  // an existing file's; none for a new file (made as the umask says)
};

// Checks `target` as the output of the option `option` ("--out") of a run that reads `inputs`, before any work;
// throws FileError ("TARGET: error: --out: cannot write: it is a named pipe (FIFO), not a regular file …").
OutputTarget check_output_target(const std::string& target, const std::string& option, const RunInputs& inputs);

class OutputFile {
public:
    // Checks the target (check_output_target); throws FileError ("FILE: error: --out: cannot write: …") when it may
    // not be written or the folder is not writable.
    OutputFile(std::string target, const std::string& option, const RunInputs& inputs);
    ~OutputFile();  // removes the temporary file unless committed
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    std::ostream& stream() { return out_; }
    // For a library that writes by file name (a workbook): the temporary
    // file's path, which that writer fills in place of stream().
    const std::string& writer_path();
    // Flushes, checks every byte was written (a full disk is an error), renames.
    void commit();
    void discard();

private:
    std::string target_, option_, temp_;
    OutputTarget where_;
    std::unique_ptr<TempFileGuard> guard_;  // the temporary file removed if a signal ends the run
    std::ofstream out_;
    bool done_ = false;
    bool by_name_ = false;
};

}  // namespace reckon
