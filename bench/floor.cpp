// The floor: what no engine built on yaml-cpp can avoid. Reads each case
// file with yaml-cpp and visits every node, as reckon's loader must, and
// does nothing else.
//
//   bench_floor FILES_OR_FOLDERS…
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {
std::size_t visit(const YAML::Node& n) {
    std::size_t count = 1;
    if (n.IsScalar()) return count + n.Scalar().size() % 2;  // touch the text
    for (auto it = n.begin(); it != n.end(); ++it) {
        if (n.IsMap()) count += visit(it->first) + visit(it->second);
        else count += visit(*it);
    }
    return count;
}
}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        if (std::filesystem::is_directory(argv[i])) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(argv[i]))
                if (e.path().extension() == ".yaml") files.push_back(e.path().string());
        } else {
            files.push_back(argv[i]);
        }
    }
    std::sort(files.begin(), files.end());
    std::size_t nodes = 0;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        nodes += visit(YAML::Load(text.str()));
    }
    std::cout << files.size() << " files, " << nodes << " nodes\n";
    return 0;
}
