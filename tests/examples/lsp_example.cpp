// The language server's golden transcripts: each tests/lsp/NAME.lsp is what a client sends `reckon lsp` and
// what the server must send back, every message compared in full, in order, and the exit status.
//
//   # a comment
//   -> {"jsonrpc": …}        a message, framed with its Content-Length and sent
//   ~> Content-Length: x\r\n  bytes sent as they are (\r, \n and \\ written so): a broken frame
//   <- {"jsonrpc": …}        the next message the server sends, as its text
//   exit N                   the server's exit status once the input ends (0 unless said)
//
// `$ROOT` stands for the source tree's file URI (file:///…/reckon), `$DIR` for its path, in both directions.
#include "../support.hpp"
#include "example.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

namespace reckon::testing {

namespace {
std::string replaced(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
    return s;
}
std::string unescaped(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char c = s[++i];
            out += c == 'r' ? '\r' : c == 'n' ? '\n' : c;
        } else {
            out += s[i];
        }
    }
    return out;
}
// The messages of the server's output, each its body.
std::vector<std::string> bodies(const std::string& out, std::string& trouble) {
    std::vector<std::string> all;
    for (std::size_t at = 0; at < out.size();) {
        const std::size_t end = out.find("\r\n\r\n", at);
        const std::string header = out.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (end == std::string::npos || header.rfind("Content-Length: ", 0) != 0) {
            trouble = "the output is not framed at byte " + std::to_string(at) + ": " + out.substr(at, 80);
            break;
        }
        const std::size_t n = std::stoul(header.substr(16));
        all.push_back(out.substr(end + 4, n));
        at = end + 4 + n;
    }
    return all;
}
}  // namespace

std::vector<std::string> lsp_examples() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(source_dir() + "/tests/lsp"))
        if (e.is_regular_file() && e.path().extension() == ".lsp") out.push_back("tests/lsp/" + e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

void run_lsp_example(const std::string& name, Verdict& v) {
    std::string root = "file://";
    for (unsigned char c : source_dir()) {  // as the server writes a path in a URI
        static const char* hex = "0123456789ABCDEF";
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') root += static_cast<char>(c);
        else root += std::string("%") + hex[c >> 4] + hex[c & 15];
    }
    std::istringstream in(read_file(source_dir() + "/" + name));
    std::string input, expected;
    int exit_status = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("-> ", 0) == 0) {
            const std::string body = replaced(replaced(line.substr(3), "$ROOT", root), "$DIR", source_dir());
            input += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
        } else if (line.rfind("~> ", 0) == 0) {
            input += unescaped(replaced(replaced(line.substr(3), "$ROOT", root), "$DIR", source_dir()));
        } else if (line.rfind("<- ", 0) == 0) {
            expected += replaced(replaced(line.substr(3), "$ROOT", root), "$DIR", source_dir()) + "\n";
        } else if (line.rfind("exit ", 0) == 0) {
            exit_status = std::stoi(line.substr(5));
        }
    }
    const Run r = run_reckon_with_input({"lsp"}, input);
    std::string trouble, actual;
    for (const auto& b : bodies(r.out, trouble)) actual += b + "\n";
    v.expect(trouble.empty(), trouble);
    v.same("the server's messages", expected, actual);
    v.expect(r.status == exit_status, "the exit status is " + std::to_string(r.status) + ", not " + std::to_string(exit_status));
    v.expect(r.err.find("ERROR: AddressSanitizer") == std::string::npos && r.err.find("runtime error:") == std::string::npos,
             "the sanitizer reported: " + r.err.substr(0, 2000));
}

}  // namespace reckon::testing
