// An output file written atomically: everything goes to a temporary file
// beside it, renamed over the target only when complete. An interrupted or
// failed run leaves the target as it was and no temporary file behind.
#pragma once

#include <fstream>
#include <string>

namespace reckon {

class OutputFile {
public:
    // Throws std::runtime_error ("FILE: error: cannot write …") when the folder is not writable.
    explicit OutputFile(std::string target);
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
    std::string target_, temp_;
    std::ofstream out_;
    bool done_ = false;
    bool by_name_ = false;
};

}  // namespace reckon
