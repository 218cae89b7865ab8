// `reckon lsp`: the language server on standard input and output, until the client says `exit` or the
// input ends. Diagnostics of the server itself go to stderr; stdout carries only the protocol.
#include "cli/commands.hpp"

#include "lsp/lsp_server.hpp"
#include "lsp/lsp_transport.hpp"
#include "version.hpp"

#include <iostream>

namespace reckon::cli {

namespace {

int cmd_lsp(const Run& run) {
    lsp::Server server(run.limits, RECKON_VERSION);
    // a message holds at most a whole rule file, JSON-escaped (up to six bytes a byte), and its envelope
    const std::size_t max_body = static_cast<std::size_t>(run.limits.file_size) * 6 + 65536;
    while (true) {
        const lsp::Incoming m = lsp::read_message(std::cin, max_body);
        if (m.frame == lsp::Frame::end) break;
        for (const auto& out : m.frame == lsp::Frame::message ? server.handle(m.body) : server.bad_frame(m.error))
            lsp::write_message(std::cout, out);
        if (server.exited()) return server.exit_status();
    }
    return 1;  // the input ended without `exit`
}

}  // namespace

void add_lsp(CLI::App& app, Run&, Command& chosen) {
    auto* lsp = app.add_subcommand("lsp", "Run the language server for editors (LSP 3.17 over standard input and output): diagnostics, "
                                          "hover, definition, references, rename, completion, outline, formatting, signature help, "
                                          "and worked values for a case (docs/editors.md)");
    lsp->callback([&chosen] { chosen = cmd_lsp; });
}

}  // namespace reckon::cli
