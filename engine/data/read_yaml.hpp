// The load phase's reader of a YAML document: yaml-cpp's event stream (no node tree of its own) made into a
// compact tree of this file's nodes, with the marks, tags and duplicate keys the events give, so that the case
// loader reports exactly what it reported over yaml-cpp's nodes. An alias is the node its anchor names, shared,
// not copied: a file of nested aliases stays small until it is walked (the walk counts what it visits).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

// Where a node starts: a byte offset, a line and a column (from 0), or none (-1).
struct YamlMark {
    int pos = -1, line = -1, column = -1;
    bool is_null() const { return pos == -1 && line == -1 && column == -1; }
};

// The document could not be parsed: what yaml-cpp's parser said, and where.
struct YamlError {
    YamlMark mark;
    std::string msg;
};

class YamlTree;

// A node of a tree, or (Kind::undefined) none.
class YamlNode {
public:
    enum class Kind : std::uint8_t { undefined, null, scalar, sequence, map };
    YamlNode() = default;
    YamlNode(const YamlTree* tree, std::uint32_t index) : tree_(tree), index_(index) {}

    Kind kind() const;
    bool IsDefined() const { return kind() != Kind::undefined; }
    bool IsNull() const { return kind() == Kind::null; }
    bool IsScalar() const { return kind() == Kind::scalar; }
    bool IsSequence() const { return kind() == Kind::sequence; }
    bool IsMap() const { return kind() == Kind::map; }
    // A scalar's text ("" for any other node), held by the tree.
    std::string_view Scalar() const;
    // A quoted scalar ('…' or "…", yaml-cpp's tag "!"): text, never a number or true or false.
    bool quoted() const;
    YamlMark Mark() const;
    // A sequence's elements, or a mapping's pairs (each key as written, duplicates kept, in order).
    std::size_t size() const;
    YamlNode operator[](std::size_t i) const;  // a sequence's element
    YamlNode key(std::size_t i) const;         // a mapping's pair
    YamlNode value(std::size_t i) const;

private:
    const YamlTree* tree_ = nullptr;
    std::uint32_t index_ = 0;
};

class YamlTree {
public:
    // The first document of `text`; a document of nothing is a null root. Throws YamlError.
    explicit YamlTree(const std::string& text);
    YamlNode root() const { return nodes_.empty() ? YamlNode() : YamlNode(this, 0); }
    // Where a second document starts (its `---`, or its first node after a `...`): none when the text holds one.
    YamlMark second_document() const { return second_; }

private:
    friend class YamlNode;
    friend class TreeBuilder;
    struct Entry {
        YamlNode::Kind kind = YamlNode::Kind::null;
        bool quoted = false;
        YamlMark mark;
        std::uint32_t text_at = 0, text_size = 0;  // a scalar's text in texts_
        std::uint32_t first = 0, count = 0;  // children in kids_ (a mapping's: key, value, key, value, …)
    };
    std::vector<Entry> nodes_;
    std::vector<std::uint32_t> kids_;
    std::string texts_;  // every scalar's text, one after another: one block, not a string for each
    YamlMark second_;
};

}  // namespace reckon
