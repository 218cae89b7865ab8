// The floors: what no engine built on yaml-cpp can avoid. Reads each case file and hands it to yaml-cpp, and
// does nothing else with it:
//   nodes   yaml-cpp's node tree (YAML::Load), every node visited, as a loader over the tree must;
//   events  yaml-cpp's event parser (YAML::Parser with an EventHandler that only counts), no tree at all:
//           the floor of a reader of the event stream, such as reckon's (engine/core/read_yaml.cpp);
//   bytes   the file's bytes read, nothing parsed.
//
//   bench_floor [--events|--bytes] FILES_OR_FOLDERS…       (default: nodes)
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
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

// Counts the events, and touches each scalar's text.
class Counter : public YAML::EventHandler {
public:
    std::size_t count = 0;
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++count; }
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++count; }
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string& value) override {
        count += 1 + value.size() % 2;
    }
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { ++count; }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { ++count; }
    void OnMapEnd() override {}
};
}  // namespace

int main(int argc, char** argv) {
    std::string mode = "nodes";
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--events" || a == "--bytes") {
            mode = a.substr(2);
        } else if (std::filesystem::is_directory(a)) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(a))
                if (e.path().extension() == ".yaml") files.push_back(e.path().string());
        } else {
            files.push_back(a);
        }
    }
    std::sort(files.begin(), files.end());
    std::size_t count = 0;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        if (mode == "nodes") {
            count += visit(YAML::Load(text.str()));
        } else if (mode == "events") {
            std::istringstream parse(text.str());
            YAML::Parser parser(parse);
            Counter counter;
            parser.HandleNextDocument(counter);
            count += counter.count;
        } else {
            count += text.str().size() % 2;
        }
    }
    std::cout << files.size() << " files, " << count << " " << (mode == "bytes" ? "bytes touched" : mode) << "\n";
    return 0;
}
