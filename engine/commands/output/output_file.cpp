#include "commands/output/output_file.hpp"

#include "core/base/file_kind.hpp"
#include "core/base/source.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace reckon {
namespace fs = std::filesystem;


OutputTarget check_output_target(const std::string& target, const std::string& option, const RunInputs& inputs) {
    auto refuse = [&](const std::string& why) {
        throw FileError(target, option + ": cannot write: " + why + " (nothing was written)");
    };
    struct stat link {};
    if (::lstat(target.c_str(), &link) != 0) {  // a new file, in a folder that must be there
        const std::string folder = fs::path(target).parent_path().string();
        const FileKind k = folder.empty() ? FileKind::folder : file_kind(folder);
        if (k == FileKind::missing) refuse("there is no folder '" + folder + "'");
        if (k != FileKind::folder) refuse("'" + folder + "' is " + file_kind_words(k) + ", not a folder");
        return {target, std::nullopt};
    }
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) refuse("it is a symbolic link to no file; name the file itself");
    if (!S_ISREG(st.st_mode)) refuse(std::string("it is ") + file_kind_words(file_kind(target)) + ", not a regular file");
    if (auto input = inputs.find(target))
        refuse("this is " + input_kind_name(*input) + ", an input of this run; choose another output file");
    std::error_code ec;
    const std::string written = S_ISLNK(link.st_mode) ? fs::canonical(target, ec).string() : target;
    if (ec) refuse(ec.message());
    return {written, static_cast<unsigned>(st.st_mode & 07777)};
}

OutputFile::OutputFile(std::string target, const std::string& option, const RunInputs& inputs)
    : target_(std::move(target)), option_(option), where_(check_output_target(target_, option, inputs)) {
    fs::path t(where_.path);
    fs::path dir = t.parent_path().empty() ? fs::path(".") : t.parent_path();
    temp_ = (dir / ("." + t.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
    guard_ = std::make_unique<TempFileGuard>(temp_);
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) throw FileError(target_, option_ + ": cannot write: " + std::strerror(errno));
    if (where_.mode) ::chmod(temp_.c_str(), static_cast<mode_t>(*where_.mode));  // as the file it replaces
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
    if (ok && by_name_ && where_.mode) ::chmod(temp_.c_str(), static_cast<mode_t>(*where_.mode));  // the writer made it anew
    if (ok) fs::rename(temp_, where_.path, ec);
    if (!ok || ec) {
        std::string why = ec ? ec.message() : "the disk may be full";
        discard();
        throw std::runtime_error(target_ + ": error: " + option_ + ": cannot write: " + why + "; the file was not changed");
    }
    done_ = true;
}

}  // namespace reckon
