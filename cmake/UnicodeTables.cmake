# Generates the normaliser's Unicode tables (core/src/unicode.h) from Debian's unicode-data,
# for the native library and the wasm engine alike (scripts/unicode-tables.py says what and why).
function(consentlens_unicode_tables out_var)
  if(NOT CONSENTLENS_ROOT)
    set(CONSENTLENS_ROOT ${PROJECT_SOURCE_DIR})
  endif()
  find_package(Python3 COMPONENTS Interpreter REQUIRED)
  # Made at configure time: the generators run in parallel and none may rely on another's folder.
  file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/generated)
  set(ucd /usr/share/unicode)
  if(NOT EXISTS ${ucd}/UnicodeData.txt OR NOT EXISTS ${ucd}/DerivedNormalizationProps.txt)
    message(FATAL_ERROR "${ucd}/UnicodeData.txt is missing: install Debian's unicode-data package")
  endif()
  set(out ${CMAKE_BINARY_DIR}/generated/unicode_tables.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${Python3_EXECUTABLE} ${CONSENTLENS_ROOT}/scripts/unicode-tables.py ${ucd} ${out}
    DEPENDS ${CONSENTLENS_ROOT}/scripts/unicode-tables.py ${ucd}/UnicodeData.txt ${ucd}/DerivedNormalizationProps.txt
    COMMENT "Generating the Unicode tables for NFKC")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
