// What a command throws, as an exit status and a message on stderr: a
// RequestError, or a --param value that does not check, is the command line's fault (2), a CompileError or another
// runtime error the input's (1), anything else a bug in reckon (3).
#include "cli/exit_status.hpp"

#include "core/base/source.hpp"
#include "core/program/settings.hpp"

#include <exception>
#include <iostream>
#include <stdexcept>

namespace reckon::cli {

int exit_status_of(const std::function<int()>& command) {
    try {
        return command();
    } catch (const RequestError& e) {
        std::cerr << "reckon: error: " << e.what() << "\n";
        return bad_usage;
    } catch (const SettingValueError& e) {  // a --param's value that does not check: the command line's
        std::cerr << e.what();
        return bad_usage;
    } catch (const CompileError& e) {
        std::cerr << e.what();
        return bad_input;
    } catch (const std::runtime_error& e) {
        std::cerr << e.what() << "\n";
        return bad_input;
    } catch (const std::exception& e) {
        std::cerr << "reckon: internal error: " << e.what()
                  << "\nThis is a bug in reckon; please report it with the command that caused it.\n";
        return bug;
    }
}

}  // namespace reckon::cli
