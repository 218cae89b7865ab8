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

std::string ruleset_dir() {
    std::string dir = temp_dir();
    std::filesystem::copy(source_dir() + "/rulesets/lib", dir + "/lib", std::filesystem::copy_options::recursive);
    return dir;
}

std::string edited_ruleset(const std::string& ruleset, const std::string& name,
                           const std::vector<std::pair<std::string, std::string>>& edits) {
    const std::string dir = ruleset_dir(), path = dir + "/" + name;
    write_file(path, read_file(source_dir() + "/" + ruleset));
    std::vector<std::string> files{path};
    for (const auto& f : std::filesystem::directory_iterator(dir + "/lib")) files.push_back(f.path().string());
    for (const auto& [from, to] : edits) {
        bool done = false;
        for (const auto& f : files) {
            std::string text = read_file(f);
            if (const auto at = text.find(from); at != std::string::npos) {
                text.replace(at, from.size(), to);
                write_file(f, text);
                done = true;
                break;
            }
        }
        if (!done) throw std::runtime_error("edited_ruleset: no file of " + ruleset + " holds: " + from);
    }
    return path;
}

Run run_reckon(const std::vector<std::string>& args, const std::string& cwd) { return run_program(RECKON_BINARY, args, cwd); }

Run run_program(const std::string& program, const std::vector<std::string>& args, const std::string& cwd) {
    return run_program_signalled(program, args, cwd, 0, 0);
}

namespace {
Run run_with(const std::string& program, const std::vector<std::string>& args, const std::string& cwd, int after_ms, int signal,
             const std::string* input) {
    std::string dir = temp_dir();
    std::string out_path = dir + "/out", err_path = dir + "/err", in_path = dir + "/in";
    if (input) write_file(in_path, *input);
    pid_t pid = fork();
    if (pid == 0) {
        if (chdir((cwd.empty() ? source_dir() : cwd).c_str()) != 0) _exit(127);
        if (input) {
            int i = open(in_path.c_str(), O_RDONLY);
            dup2(i, 0);
        }
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
}  // namespace

Run run_program_signalled(const std::string& program, const std::vector<std::string>& args, const std::string& cwd,
                          int after_ms, int signal) {
    return run_with(program, args, cwd, after_ms, signal, nullptr);
}

Run run_reckon_with_input(const std::vector<std::string>& args, const std::string& input, const std::string& cwd) {
    return run_with(RECKON_BINARY, args, cwd, 0, 0, &input);
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
