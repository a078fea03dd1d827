# Turns the data packs (core/rules, core/knowledge) into one generated C++ source, so the
# native CLI and the wasm engine carry byte-identical packs and need no file system.
# CONSENTLENS_ROOT is the repository's top folder (the wasm project sets it; it lives in wasm/).
function(consentlens_embed_pack out_var)
  if(NOT CONSENTLENS_ROOT)
    set(CONSENTLENS_ROOT ${PROJECT_SOURCE_DIR})
  endif()
  file(GLOB_RECURSE pack_files CONFIGURE_DEPENDS
       ${CONSENTLENS_ROOT}/core/rules/*.json
       ${CONSENTLENS_ROOT}/core/knowledge/*.json)
  set(out ${CMAKE_BINARY_DIR}/generated/embedded_pack.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DROOT=${CONSENTLENS_ROOT}/core -DOUT=${out}
            -P ${CONSENTLENS_ROOT}/cmake/GeneratePack.cmake
    DEPENDS ${pack_files} ${CONSENTLENS_ROOT}/cmake/GeneratePack.cmake
    COMMENT "Embedding rule and knowledge packs")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
