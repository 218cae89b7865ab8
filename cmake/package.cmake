# The .deb of tools/release linux (-DRECKON_PACKAGE=ON, then cpack -G DEB): reckon, its man page made from its own
# --help by help2man, and its bash completion (tools/release-files/reckon.bash).
find_program(HELP2MAN help2man REQUIRED)
set(man_page ${PROJECT_BINARY_DIR}/reckon.1.gz)
add_custom_command(OUTPUT ${man_page}
  COMMAND ${HELP2MAN} --no-info --version-string=${PROJECT_VERSION} --name "an interpreter for auditable costing rules"
          --output ${PROJECT_BINARY_DIR}/reckon.1 $<TARGET_FILE:reckon>
  COMMAND gzip -9nf ${PROJECT_BINARY_DIR}/reckon.1
  DEPENDS reckon VERBATIM)
add_custom_target(reckon_man_page ALL DEPENDS ${man_page})

install(TARGETS reckon RUNTIME DESTINATION bin)
install(FILES ${man_page} DESTINATION share/man/man1)
install(FILES ${PROJECT_SOURCE_DIR}/tools/release-files/reckon.bash DESTINATION share/bash-completion/completions RENAME reckon)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME reckon)
set(CPACK_PACKAGE_CONTACT "reckon developers <dev@reckon.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "interpreter for auditable costing rules (offender management)")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "reckon evaluates rule files that state a costing methodology over case files,\n giving exact figures, reports, workbooks and an explanation of every figure.")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
