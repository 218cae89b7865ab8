// The unit and command tests' main. A run that executes no test case fails,
// and so does a test case that asserts nothing: a ctest entry whose filter
// matches nothing (a name split at a ';' by doctest_discover_tests) or a test
// whose loop never ran must not pass silently.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <iostream>
#include <string>
#include <vector>

namespace {

// What the run did, as the listener saw it.
struct Tally {
    int cases_run = 0;
    std::vector<std::string> asserted_nothing;
};

Tally& tally() {
    static Tally t;  // one per test process; read by main() after the run
    return t;
}

struct CountingListener : doctest::IReporter {
    explicit CountingListener(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats&) override {}
    void test_case_start(const doctest::TestCaseData& data) override { current_ = data.m_name; }
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats& stats) override {
        ++tally().cases_run;
        if (stats.numAssertsCurrentTest == 0) tally().asserted_nothing.push_back(current_);
    }
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}

private:
    std::string current_;
};

}  // namespace

REGISTER_LISTENER("counting", 1, CountingListener);

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    int status = context.run();
    if (context.shouldExit()) return status;  // --help, --list-test-cases and the like
    for (const auto& name : tally().asserted_nothing) {
        std::cerr << "FAILED: the test case \"" << name << "\" asserted nothing: a test that cannot fail\n";
        status = 1;
    }
    if (tally().cases_run == 0) {
        std::cerr << "FAILED: no test case ran: the filter matched nothing\n";
        status = 1;
    }
    return status;
}
