// The workbook's zip members as XML (xlsx_part.hpp): minizip inflates a member a block of 64 KB at a
// time, expat parses each block as it comes and calls the part's handler, and the member is bounded by
// what it inflates to, so that neither the zip nor a part is ever whole in memory.
#include "data/xlsx_part.hpp"

#include "core/base/source.hpp"

#include <algorithm>
#include <stdexcept>

namespace reckon::xlsx {

std::string_view local(const char* name) {
    std::string_view n(name);
    auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attribute(const char** attrs, std::string_view name) {
    for (std::size_t i = 0; attrs[i]; i += 2)
        if (local(attrs[i]) == name) return attrs[i + 1];
    return nullptr;
}

bool escapes(const std::string& name) {
    if (name.empty() || name[0] == '/' || name.find('\\') != std::string::npos || name.find(':') != std::string::npos) return true;
    std::size_t from = 0;
    while (from <= name.size()) {
        std::size_t slash = name.find('/', from);
        if (name.substr(from, slash == std::string::npos ? std::string::npos : slash - from) == "..") return true;
        if (slash == std::string::npos) break;
        from = slash + 1;
    }
    return false;
}

std::optional<std::string> resolve(const std::string& folder, const std::string& target) {
    std::vector<std::string> parts;
    std::string path = target.rfind('/', 0) == 0 ? target.substr(1) : folder + target;
    std::size_t from = 0;
    while (from <= path.size()) {
        std::size_t slash = path.find('/', from);
        std::string part = path.substr(from, slash == std::string::npos ? std::string::npos : slash - from);
        if (part == "..") {
            if (parts.empty()) return std::nullopt;
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        if (slash == std::string::npos) break;
        from = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string folder_of(const std::string& member) {
    auto slash = member.rfind('/');
    return slash == std::string::npos ? "" : member.substr(0, slash + 1);
}

PartReader::PartReader(const std::string& path, const std::string& member, Handler& h, std::string shown, std::uint64_t max_bytes,
                       bool sheet)
    : path_(path), shown_(std::move(shown)), h_(h), parser_(XML_ParserCreate(nullptr), XML_ParserFree), buffer_(1 << 16) {
    zip_.z = unzOpen64(path.c_str());
    if (!zip_.z) fail("cannot be opened again: the file changed while it was read");
    if (unzLocateFile(zip_.z, member.c_str(), 1) != UNZ_OK) return;
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(zip_.z, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) fail(shown_ + " cannot be read: the zip is damaged");
    max_ = sheet ? std::max<std::uint64_t>(max_bytes, 200 * info.compressed_size) : max_bytes;
    limit_ = max_bytes;
    if (unzOpenCurrentFile(zip_.z) != UNZ_OK) fail(shown_ + " cannot be read: the zip is damaged, or the part is encrypted");
    zip_.current = true;
    if (!parser_) fail("out of memory");
    set_up_parser(h);
}

void PartReader::set_up_parser(Handler& h) {
    XML_Parser x = parser_.get();
    h.parser = x;
    XML_SetUserData(x, &h);
    XML_SetElementHandler(
        x, [](void* u, const XML_Char* name, const XML_Char** attrs) { static_cast<Handler*>(u)->start(local(name), attrs); },
        [](void* u, const XML_Char* name) { static_cast<Handler*>(u)->end(local(name)); });
    XML_SetCharacterDataHandler(x, [](void* u, const XML_Char* text, int n) {
        static_cast<Handler*>(u)->text(std::string_view(text, static_cast<std::size_t>(n)));
    });
    // No DOCTYPE, so no entity is ever declared or expanded, and none is fetched.
    XML_SetStartDoctypeDeclHandler(x, [](void* u, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        auto* handler = static_cast<Handler*>(u);
        handler->problem = "it declares a DOCTYPE, which a workbook never has (entities are not read)";
        XML_StopParser(handler->parser, XML_FALSE);
    });
    XML_SetExternalEntityRefHandler(x, [](XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
        return static_cast<int>(XML_STATUS_ERROR);
    });
}

bool PartReader::step() {
    if (done_) return false;
    int n = unzReadCurrentFile(zip_.z, buffer_.data(), static_cast<unsigned>(buffer_.size()));
    if (n < 0) fail(shown_ + " cannot be read: the zip is damaged (error " + std::to_string(n) + ")");
    total_ += static_cast<std::uint64_t>(n);
    if (total_ > max_ && max_ == limit_)
        fail(shown_ + " expands to more than the limit of " + std::to_string(max_) + " bytes (it can be raised with --limit file-size=N)");
    if (total_ > max_)
        fail(shown_ + " expands to more than " + std::to_string(max_) +
             " bytes, 200 times its size in the zip, the most a sheet may (it can be raised with --limit file-size=N)");
    if (XML_Parse(parser_.get(), buffer_.data(), n, n == 0) == XML_STATUS_ERROR) {
        if (!h_.problem.empty()) fail(shown_ + ": " + h_.problem);
        fail(shown_ + " is not well-formed XML at line " + std::to_string(XML_GetCurrentLineNumber(parser_.get())) + ": " +
             XML_ErrorString(XML_GetErrorCode(parser_.get())));
    }
    if (n > 0) return true;
    done_ = true;
    zip_.current = false;
    if (unzCloseCurrentFile(zip_.z) == UNZ_CRCERROR) fail(shown_ + " is damaged: its checksum does not match");
    if (!h_.problem.empty()) fail(shown_ + ": " + h_.problem);
    return false;
}

void PartReader::fail(const std::string& why) const { throw FileError(path_, why); }

}  // namespace reckon::xlsx
