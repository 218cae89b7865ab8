#include "commands/output/output_file.hpp"

#include "commands/output/replace_file.hpp"
#include "core/base/file_kind.hpp"
#include "core/base/shown_path.hpp"
#include "core/base/source.hpp"

#include <unistd.h>  // getpid (mingw-w64 has it too)

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace reckon {
namespace fs = std::filesystem;

namespace {
// The permission bits a file has, given again to the temporary file that replaces it.
void give_mode(const std::string& path, unsigned mode) {
    std::error_code ec;
    fs::permissions(path, static_cast<fs::perms>(mode), fs::perm_options::replace, ec);
}
}  // namespace

OutputTarget check_output_target(const std::string& target, const std::string& option, const RunInputs& inputs) {
    auto refuse = [&](const std::string& why) {
        throw FileError(target, option + ": cannot write: " + why + " (nothing was written)");
    };
    std::error_code ec;
    const fs::file_status link = fs::symlink_status(target, ec);
    if (ec || link.type() == fs::file_type::not_found) {  // a new file, in a folder that must be there
        const std::string folder = shown_path(fs::path(target).parent_path());
        const FileKind k = folder.empty() ? FileKind::folder : file_kind(folder);
        if (k == FileKind::missing) refuse("there is no folder '" + folder + "'");
        if (k != FileKind::folder) refuse("'" + folder + "' is " + file_kind_words(k) + ", not a folder");
        return {target, std::nullopt};
    }
    const FileKind k = file_kind(target);
    if (k == FileKind::missing) refuse("it is a symbolic link to no file; name the file itself");
    if (k != FileKind::regular) refuse(std::string("it is ") + file_kind_words(k) + ", not a regular file");
    if (auto input = inputs.find(target))
        refuse("this is " + input_kind_name(*input) + ", an input of this run; choose another output file");
    const fs::file_status st = fs::status(target, ec);
    const std::string written = link.type() == fs::file_type::symlink ? shown_path(fs::canonical(target, ec)) : target;
    if (ec) refuse(ec.message());
    return {written, static_cast<unsigned>(st.permissions() & fs::perms::mask)};
}

OutputFile::OutputFile(std::string target, const std::string& option, const RunInputs& inputs)
    : target_(std::move(target)), option_(option), where_(check_output_target(target_, option, inputs)) {
    fs::path t(where_.path);
    fs::path dir = t.parent_path().empty() ? fs::path(".") : t.parent_path();
    temp_ = shown_path(dir / ("." + t.filename().string() + ".tmp-" + std::to_string(::getpid())));
    guard_ = std::make_unique<TempFileGuard>(temp_);
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) throw FileError(target_, option_ + ": cannot write: " + std::strerror(errno));
    if (where_.mode) give_mode(temp_, *where_.mode);  // as the file it replaces
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
    if (ok && by_name_ && where_.mode) give_mode(temp_, *where_.mode);  // the writer made it anew
    if (ok) replace_file(temp_, where_.path, ec);
    if (!ok || ec) {
        std::string why = ec ? ec.message() : "the disk may be full";
        discard();
        throw std::runtime_error(target_ + ": error: " + option_ + ": cannot write: " + why + "; the file was not changed");
    }
    done_ = true;
}

}  // namespace reckon
