#include "read_yaml.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>

namespace reckon {

namespace {
const std::string no_text;
YamlMark mark_of(const YAML::Mark& m) { return {m.pos, m.line, m.column}; }
}  // namespace

YamlNode::Kind YamlNode::kind() const { return tree_ ? tree_->nodes_[index_].kind : Kind::undefined; }
const std::string& YamlNode::Scalar() const { return tree_ ? tree_->nodes_[index_].scalar : no_text; }
bool YamlNode::quoted() const { return tree_ && tree_->nodes_[index_].quoted; }
YamlMark YamlNode::Mark() const { return tree_ ? tree_->nodes_[index_].mark : YamlMark{}; }
std::size_t YamlNode::size() const {
    if (!tree_) return 0;
    const auto& e = tree_->nodes_[index_];
    return e.kind == Kind::map ? e.count / 2 : e.kind == Kind::sequence ? e.count : 0;
}
YamlNode YamlNode::operator[](std::size_t i) const { return {tree_, tree_->kids_[tree_->nodes_[index_].first + i]}; }
YamlNode YamlNode::key(std::size_t i) const { return {tree_, tree_->kids_[tree_->nodes_[index_].first + 2 * i]}; }
YamlNode YamlNode::value(std::size_t i) const { return {tree_, tree_->kids_[tree_->nodes_[index_].first + 2 * i + 1]}; }

// The events of one document, as nodes: each container's children gathered until it ends, then laid out together.
class TreeBuilder : public YAML::EventHandler {
public:
    explicit TreeBuilder(YamlTree& t) : t_(t) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { add(YamlNode::Kind::null, mark, anchor); }
    void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override { child(anchors_.at(anchor)); }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, const std::string& value) override {
        const std::uint32_t i = add(YamlNode::Kind::scalar, mark, anchor);
        t_.nodes_[i].scalar = value;
        t_.nodes_[i].quoted = tag == "!";
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
        open(add(YamlNode::Kind::sequence, mark, anchor));
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
        open(add(YamlNode::Kind::map, mark, anchor));
    }
    void OnMapEnd() override { close(); }

private:
    std::uint32_t add(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
        const auto i = static_cast<std::uint32_t>(t_.nodes_.size());
        t_.nodes_.push_back({kind, false, mark_of(mark), {}, 0, 0});
        if (anchor != YAML::NullAnchor) {
            if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
            anchors_[anchor] = i;
        }
        child(i);
        return i;
    }
    void child(std::uint32_t i) {
        if (depth_ > 0) pending_[depth_ - 1].push_back(i);
    }
    void open(std::uint32_t i) {
        if (pending_.size() == depth_) pending_.emplace_back();
        pending_[depth_].clear();
        open_.push_back(i);
        ++depth_;
    }
    void close() {
        --depth_;
        auto& e = t_.nodes_[open_.back()];
        open_.pop_back();
        e.first = static_cast<std::uint32_t>(t_.kids_.size());
        e.count = static_cast<std::uint32_t>(pending_[depth_].size());
        t_.kids_.insert(t_.kids_.end(), pending_[depth_].begin(), pending_[depth_].end());
    }

    YamlTree& t_;
    std::vector<std::uint32_t> anchors_;
    std::vector<std::vector<std::uint32_t>> pending_;  // each open container's children so far (reused)
    std::vector<std::uint32_t> open_;
    std::size_t depth_ = 0;
};

namespace {
// The text read where it is, not copied into a string stream first.
class TextBuffer : public std::streambuf {
public:
    explicit TextBuffer(const std::string& text) {
        char* begin = const_cast<char*>(text.data());  // only read: a get area is of char*
        setg(begin, begin, begin + text.size());
    }
};
}  // namespace

YamlTree::YamlTree(const std::string& text) {
    TextBuffer buffer(text);
    std::istream in(&buffer);
    nodes_.reserve(text.size() / 8 + 8);  // about one node for every 8 bytes of a case file: no growing on the way
    kids_.reserve(text.size() / 8 + 8);
    try {
        YAML::Parser parser(in);
        TreeBuilder builder(*this);
        parser.HandleNextDocument(builder);
    } catch (const YAML::Exception& e) {
        throw YamlError{mark_of(e.mark), e.msg};
    }
    if (nodes_.empty()) nodes_.push_back({});  // no document: null, as yaml-cpp loads it
}

}  // namespace reckon
