#include "cli/revision.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace reckon::cli {
namespace fs = std::filesystem;

namespace {
// Runs git with `args`; returns its stdout, throws with its stderr on failure.
std::string git(const std::vector<std::string>& args) {
    int out[2], err[2];
    if (pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("cannot run git");
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(out[0]);
        close(err[0]);
        std::vector<char*> argv;
        std::vector<std::string> copy = args;
        std::string name = "git";
        argv.push_back(name.data());
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        execvp("git", argv.data());
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    auto drain = [](int fd) {
        std::string s;
        char buf[4096];
        for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) s.append(buf, static_cast<std::size_t>(n));
        close(fd);
        return s;
    };
    std::string o = drain(out[0]), e = drain(err[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127) throw std::runtime_error("cannot run git: is it installed?");
        throw std::runtime_error("git: " + e.substr(0, e.find('\n')));
    }
    return o;
}
}  // namespace

Checkout::~Checkout() {
    std::error_code ec;
    if (!folder.empty()) fs::remove_all(folder, ec);
}

void checkout_revision(const std::string& rev, const std::string& path, Checkout& out) {
    std::string tmpl = (fs::temp_directory_path() / "reckon-rev-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot make a temporary folder");
    out.folder = tmpl;
    fs::path entry = fs::path(path).lexically_normal();
    fs::path dir = entry.parent_path();
    // the entry file, and every rule file beside or below it, as at `rev`
    std::istringstream listing(git({"ls-tree", "-r", "--name-only", rev, "--", (dir.empty() ? fs::path(".") : dir).string() + "/"}));
    std::vector<std::string> files;
    for (std::string f; std::getline(listing, f);)
        if (fs::path(f).extension() == ".reckon") files.push_back(f);
    if (std::find(files.begin(), files.end(), entry.string()) == files.end()) files.push_back(entry.string());
    for (const auto& f : files) {
        std::string text = git({"show", rev + ":./" + f});
        fs::path target = fs::path(out.folder) / f;
        fs::create_directories(target.parent_path());
        std::ofstream(target, std::ios::binary) << text;
    }
    out.entry = (fs::path(out.folder) / entry).string();
}

}  // namespace reckon::cli
