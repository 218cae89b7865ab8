include(${CMAKE_CURRENT_LIST_DIR}/header_only.cmake)
reckon_header_only(CLI11::CLI11 include/cli11)
