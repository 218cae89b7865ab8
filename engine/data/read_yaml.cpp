#include "data/read_yaml.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>

namespace reckon {

namespace {
YamlMark mark_of(const YAML::Mark& m) { return {m.pos, m.line, m.column}; }
}  // namespace

YamlNode::Kind YamlNode::kind() const { return tree_ ? tree_->nodes_[index_].kind : Kind::undefined; }
std::string_view YamlNode::Scalar() const {
    if (!tree_) return {};
    const auto& e = tree_->nodes_[index_];
    return std::string_view(tree_->texts_).substr(e.text_at, e.text_size);
}
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
        auto& e = t_.nodes_[i];
        e.text_at = static_cast<std::uint32_t>(t_.texts_.size());
        e.text_size = static_cast<std::uint32_t>(value.size());
        t_.texts_ += value;
        e.quoted = tag == "!";
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
        t_.nodes_.push_back({kind, false, mark_of(mark), 0, 0, 0, 0});
        if (anchor != YAML::NullAnchor) {
            if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
            anchors_[anchor] = i;
        }
        child(i);
        return i;
    }
    void child(std::uint32_t i) {
        if (!open_.empty()) pending_.push_back(i);
    }
    void open(std::uint32_t i) { open_.push_back({i, static_cast<std::uint32_t>(pending_.size())}); }
    void close() {
        const auto [node, start] = open_.back();
        open_.pop_back();
        auto& e = t_.nodes_[node];
        e.first = static_cast<std::uint32_t>(t_.kids_.size());
        e.count = static_cast<std::uint32_t>(pending_.size() - start);
        t_.kids_.insert(t_.kids_.end(), pending_.begin() + start, pending_.end());
        pending_.resize(start);
    }

    YamlTree& t_;
    std::vector<std::uint32_t> anchors_;
    // The children of the open containers so far, one after another: each open container's start in it.
    std::vector<std::uint32_t> pending_;
    struct Open {
        std::uint32_t node, start;
    };
    std::vector<Open> open_;
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
// Stops at the start of a document, its mark kept: whether the text holds a second one, without reading it.
class DocumentStart : public YAML::EventHandler {
public:
    struct Found {
        YamlMark mark;
    };
    void OnDocumentStart(const YAML::Mark& mark) override { throw Found{mark_of(mark)}; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};
}  // namespace

YamlTree::YamlTree(const std::string& text) {
    TextBuffer buffer(text);
    std::istream in(&buffer);
    nodes_.reserve(text.size() / 8 + 8);  // about one node for every 8 bytes of a case file: no growing on the way
    kids_.reserve(text.size() / 8 + 8);
    texts_.reserve(text.size());          // the scalars' texts are no longer than the document
    try {
        YAML::Parser parser(in);
        TreeBuilder builder(*this);
        parser.HandleNextDocument(builder);
        DocumentStart probe;
        parser.HandleNextDocument(probe);
    } catch (const DocumentStart::Found& second) {
        second_ = second.mark;
    } catch (const YAML::Exception& e) {
        throw YamlError{mark_of(e.mark), e.msg};
    }
    if (nodes_.empty()) nodes_.push_back({});  // no document: null, as yaml-cpp loads it
}

}  // namespace reckon
