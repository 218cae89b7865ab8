# Run after reckon_examples is built (as doctest_discover_tests does for the
# doctest binary): asks it for its examples and writes one ctest entry for
# each into OUT, which ctest reads. No examples is itself a failing entry.
#   cmake -D RUNNER=… -D SOURCE_DIR=… -D OUT=… -P add_example_tests.cmake
execute_process(COMMAND "${RUNNER}" --list OUTPUT_VARIABLE listed RESULT_VARIABLE status)
string(REPLACE "\n" ";" names "${listed}")
set(script "")
set(count 0)
foreach(name IN LISTS names)
  if(name STREQUAL "")
    continue()
  endif()
  string(APPEND script "add_test([==[example ${name}]==] \"${RUNNER}\" [==[${name}]==])\n"
                       "set_tests_properties([==[example ${name}]==] PROPERTIES WORKING_DIRECTORY \"${SOURCE_DIR}\")\n")
  math(EXPR count "${count} + 1")
endforeach()
if(NOT status EQUAL 0 OR count EQUAL 0)
  set(script "add_test(examples_not_listed \"${CMAKE_COMMAND}\" -E false)\n")
  message(WARNING "reckon_examples --list gave no examples (exit ${status})")
endif()
file(WRITE "${OUT}" "${script}")
