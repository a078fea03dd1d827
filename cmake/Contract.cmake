# Generates the findings contract's C++ tables (core/src/contract.cc includes them) from
# core/contract/contract.json, the one file that lists the contract's values and labels, for
# the native library and the wasm engine alike (scripts/gen-contract.py).
function(consentlens_contract_tables out_var)
  if(NOT CONSENTLENS_ROOT)
    set(CONSENTLENS_ROOT ${PROJECT_SOURCE_DIR})
  endif()
  find_package(Python3 COMPONENTS Interpreter REQUIRED)
  # Made at configure time: the generators run in parallel and none may rely on another's folder.
  file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/generated)
  set(out ${CMAKE_BINARY_DIR}/generated/contract_data.inc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${Python3_EXECUTABLE} ${CONSENTLENS_ROOT}/scripts/gen-contract.py cpp ${CONSENTLENS_ROOT}/core/contract/contract.json ${out}
    DEPENDS ${CONSENTLENS_ROOT}/scripts/gen-contract.py ${CONSENTLENS_ROOT}/core/contract/contract.json
    COMMENT "Generating the findings contract's tables")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
