include(${CMAKE_CURRENT_LIST_DIR}/header_only.cmake)
reckon_header_only(Boost::headers include/boost)
