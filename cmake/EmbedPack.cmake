# Turns the data packs (core/rules, core/knowledge) into one generated C++ source, so the
# native CLI and the wasm engine carry byte-identical packs and need no file system.
function(consentlens_embed_pack out_var)
  file(GLOB_RECURSE pack_files CONFIGURE_DEPENDS
       ${PROJECT_SOURCE_DIR}/core/rules/*.json
       ${PROJECT_SOURCE_DIR}/core/knowledge/*.json)
  set(out ${CMAKE_BINARY_DIR}/generated/embedded_pack.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DROOT=${PROJECT_SOURCE_DIR}/core -DOUT=${out}
            -P ${PROJECT_SOURCE_DIR}/cmake/GeneratePack.cmake
    DEPENDS ${pack_files} ${PROJECT_SOURCE_DIR}/cmake/GeneratePack.cmake
    COMMENT "Embedding rule and knowledge packs")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
