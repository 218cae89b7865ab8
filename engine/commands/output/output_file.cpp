#include "commands/output/output_file.hpp"

#include "core/base/source.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace reckon {
namespace fs = std::filesystem;

OutputFile::OutputFile(std::string target) : target_(std::move(target)) {
    fs::path t(target_);
    if (fs::is_directory(t)) throw FileError(target_, "cannot write: it is a folder");
    fs::path dir = t.parent_path().empty() ? fs::path(".") : t.parent_path();
    temp_ = (dir / ("." + t.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) throw FileError(target_, std::string("cannot write: ") + std::strerror(errno));
}

OutputFile::~OutputFile() { discard(); }

void OutputFile::discard() {
    if (done_) return;
    done_ = true;
    out_.close();
    std::error_code ec;
    fs::remove(temp_, ec);
}

const std::string& OutputFile::writer_path() {
    out_.close();
    by_name_ = true;
    return temp_;
}

void OutputFile::commit() {
    bool ok = true;
    if (!by_name_) {
        out_.flush();
        ok = out_.good();
        out_.close();
        ok = ok && !out_.fail();
    }
    std::error_code ec;
    if (ok) fs::rename(temp_, target_, ec);
    if (!ok || ec) {
        std::string why = ec ? ec.message() : "the disk may be full";
        discard();
        throw std::runtime_error(target_ + ": error: cannot write: " + why + "; the file was not changed");
    }
    done_ = true;
}

}  // namespace reckon
