// libFuzzer target: bytes as a workbook of methodology B's cases (the IOM
// report), read through the workbook reader and the case-table loader, every
// row loaded and evaluated. A zip mutated byte by byte is almost never a zip,
// so the bytes are mostly the parts inside one: split at lines "--part--",
// they are the cases sheet, the offences sheet, the shared strings and the
// styles, zipped here into a workbook with the usual workbook.xml and
// relationships. Bytes that begin "PK" are written as the file itself, so
// that the zip reader is fuzzed too.
#include "data/case_source.hpp"
#include "core/compile/compile.hpp"
#include "core/eval/eval.hpp"
#include "load_every_row.hpp"

#include <unistd.h>
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Ruleset {
    std::shared_ptr<reckon::Program> iom = reckon::compile(std::string(RECKON_SOURCE_DIR) + "/rulesets/iom-annual-report.reckon");
    std::vector<reckon::Value> params = reckon::bind_params(*iom);
    std::string path = "/tmp/fuzz_xlsx." + std::to_string(getpid()) + ".xlsx";
};

const char* const rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

void write_workbook(const std::string& path, const std::vector<std::string>& parts) {
    std::vector<std::pair<std::string, std::string>> m = {
        {"_rels/.rels", std::string("<Relationships><Relationship Id=\"r\" Type=\"") + rels + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
        {"xl/workbook.xml", "<workbook><sheets><sheet name=\"cases\" r:id=\"r1\"/><sheet name=\"offences\" r:id=\"r2\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         std::string("<Relationships>") + "<Relationship Id=\"r1\" Type=\"" + rels + "worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
             "<Relationship Id=\"r2\" Type=\"" + rels + "worksheet\" Target=\"worksheets/sheet2.xml\"/>" +
             "<Relationship Id=\"s\" Type=\"" + rels + "sharedStrings\" Target=\"sharedStrings.xml\"/>" +
             "<Relationship Id=\"t\" Type=\"" + rels + "styles\" Target=\"styles.xml\"/></Relationships>"}};
    const char* names[] = {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "xl/styles.xml"};
    for (std::size_t i = 0; i < parts.size() && i < 4; ++i) m.push_back({names[i], parts[i]});
    zipFile z = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
    if (!z) __builtin_trap();
    for (const auto& [name, text] : m) {
        zip_fileinfo info{};
        zipOpenNewFileInZip64(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 1, 0);
        zipWriteInFileInZip(z, text.data(), static_cast<unsigned>(text.size()));
        zipCloseFileInZip(z);
    }
    zipClose(z, nullptr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Ruleset r;
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (text.rfind("PK", 0) == 0) {
        std::ofstream(r.path, std::ios::binary) << text;
    } else {
        std::vector<std::string> parts;
        const std::string marker = "\n--part--\n";
        std::size_t from = 0;
        while (true) {
            auto at = text.find(marker, from);
            parts.push_back(text.substr(from, at == std::string::npos ? std::string::npos : at - from));
            if (at == std::string::npos) break;
            from = at + marker.size();
        }
        write_workbook(r.path, parts);
    }
    try {
        reckon::CaseTable table = reckon::read_case_table(*r.iom, r.path, {}, {});
        reckon::fuzz::load_every_row(*r.iom, r.params, table);
    } catch (const reckon::CompileError& e) {
        if (std::string(e.what()).empty()) __builtin_trap();  // every error says something
    } catch (const std::runtime_error& e) {
        if (std::string(e.what()).find(": error: ") == std::string::npos) __builtin_trap();  // FILE: error: ...
    }
    return 0;
}
