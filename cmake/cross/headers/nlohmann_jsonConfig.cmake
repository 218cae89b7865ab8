include(${CMAKE_CURRENT_LIST_DIR}/header_only.cmake)
reckon_header_only(nlohmann_json::nlohmann_json include/nlohmann_json)
