// run_git (run_git.hpp) on Windows: CreateProcess with a pipe each for stdout and stderr, read on two threads so
// that neither fills while the other is waited on. Arguments are quoted as the C runtime reads them back.
#include "cli/run_git.hpp"

#include <windows.h>

#include <stdexcept>
#include <thread>

namespace reckon::cli {

namespace {
// One argument as CommandLineToArgvW and the C runtime split it: in quotes, backslashes doubled before a quote.
std::string quoted(const std::string& a) {
    std::string q = "\"";
    std::size_t backslashes = 0;
    for (char c : a) {
        if (c == '\\') {
            ++backslashes;
            continue;
        }
        q.append(c == '"' ? backslashes * 2 + 1 : backslashes, '\\');
        backslashes = 0;
        q += c;
    }
    q.append(backslashes * 2, '\\');
    return q + "\"";
}

std::string drain(HANDLE h) {
    std::string s;
    char buf[4096];
    DWORD n = 0;
    while (ReadFile(h, buf, sizeof buf, &n, nullptr) && n > 0) s.append(buf, n);
    CloseHandle(h);
    return s;
}
}  // namespace

std::string run_git(const std::vector<std::string>& args) {
    SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
    HANDLE out_read, out_write, err_read, err_write;
    if (!CreatePipe(&out_read, &out_write, &inherit, 0) || !CreatePipe(&err_read, &err_write, &inherit, 0))
        throw std::runtime_error("cannot run git");
    SetHandleInformation(out_read, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(err_read, HANDLE_FLAG_INHERIT, 0);
    std::string line = "git";
    for (const auto& a : args) line += " " + quoted(a);
    STARTUPINFOA start{};
    start.cb = sizeof start;
    start.dwFlags = STARTF_USESTDHANDLES;
    start.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    start.hStdOutput = out_write;
    start.hStdError = err_write;
    PROCESS_INFORMATION child{};
    const BOOL started = CreateProcessA(nullptr, line.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr, &start, &child);
    CloseHandle(out_write);
    CloseHandle(err_write);
    if (!started) {
        CloseHandle(out_read);
        CloseHandle(err_read);
        throw std::runtime_error("cannot run git: is it installed?");
    }
    std::string o, e;
    std::thread reader([&] { o = drain(out_read); });
    e = drain(err_read);
    reader.join();
    WaitForSingleObject(child.hProcess, INFINITE);
    DWORD status = 1;
    GetExitCodeProcess(child.hProcess, &status);
    CloseHandle(child.hProcess);
    CloseHandle(child.hThread);
    if (status != 0) throw std::runtime_error("git: " + e.substr(0, e.find('\n')));
    return o;
}

}  // namespace reckon::cli
