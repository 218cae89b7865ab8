// run_git (run_git.hpp) on POSIX: fork, exec, a pipe each for stdout and stderr.
#include "cli/run_git.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

namespace reckon::cli {

std::string run_git(const std::vector<std::string>& args) {
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

}  // namespace reckon::cli
