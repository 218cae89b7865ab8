#include "support.hpp"

#include <cctype>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace reckon::testing {

std::string source_dir() { return RECKON_SOURCE_DIR; }

BatchJson parse_jsonl(const std::string& jsonl) {
    BatchJson out;
    std::istringstream lines(jsonl);
    for (std::string line; std::getline(lines, line);) {
        auto j = nlohmann::json::parse(line);
        if (j.contains("cohort")) out.cohort = j["cohort"]["outputs"];
        else out.cases[j["case"]] = j["outputs"];
    }
    return out;
}

std::string without_files(const std::string& jsonl) {
    static const std::regex file(R"re(,"file":"[^"]*")re");
    return std::regex_replace(jsonl, file, "");
}

std::string last_line(const std::string& text) { return text.substr(text.rfind('\n', text.size() - 2) + 1); }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string temp_dir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "reckon-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    return tmpl;
}

Run run_reckon(const std::vector<std::string>& args, const std::string& cwd) { return run_program(RECKON_BINARY, args, cwd); }

Run run_program(const std::string& program, const std::vector<std::string>& args, const std::string& cwd) {
    return run_program_signalled(program, args, cwd, 0, 0);
}

Run run_program_signalled(const std::string& program, const std::vector<std::string>& args, const std::string& cwd,
                          int after_ms, int signal) {
    std::string dir = temp_dir();
    std::string out_path = dir + "/out", err_path = dir + "/err";
    pid_t pid = fork();
    if (pid == 0) {
        if (chdir((cwd.empty() ? source_dir() : cwd).c_str()) != 0) _exit(127);
        int o = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int e = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(o, 1);
        dup2(e, 2);
        std::vector<char*> argv;
        std::string bin = program;
        argv.push_back(bin.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(bin.c_str(), argv.data());
        _exit(127);
    }
    int status = 0;
    if (signal) {
        usleep(static_cast<useconds_t>(after_ms) * 1000);
        kill(pid, signal);
    }
    waitpid(pid, &status, 0);
    Run r;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(out_path);
    r.err = read_file(err_path);
    std::filesystem::remove_all(dir);
    return r;
}

long long pennies(const std::string& text) {
    std::string digits;
    const bool negative = text.find('-') != std::string::npos;
    for (char c : text)
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    const long long v = std::stoll(digits);
    return negative ? -v : v;
}

}  // namespace reckon::testing
