# Embeds the pack schemas (core/schema/*.schema.json) in the CLI as one generated C++ file,
# so `consentlens rules lint --pack DIR` checks any pack folder against the schemas the
# program was built with, and consentlens-pack checks core/ before making the digest.
function(consentlens_pack_schemas out_var)
  file(GLOB schemas CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/core/schema/*.schema.json)
  file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/generated)
  set(out ${CMAKE_BINARY_DIR}/generated/pack_schemas.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DSCHEMA_DIR=${PROJECT_SOURCE_DIR}/core/schema -P ${PROJECT_SOURCE_DIR}/cmake/embed_schemas.cmake
    DEPENDS ${schemas} ${PROJECT_SOURCE_DIR}/cmake/embed_schemas.cmake
    COMMENT "Embedding the pack schemas")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
