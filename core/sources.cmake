# The core's sources, named once for both targets: the native library (core/CMakeLists.txt)
# and the wasm engine (wasm/CMakeLists.txt) compile exactly this list.
set(CONSENTLENS_CORE_SOURCE_NAMES utf8 unicode cheap_regex short_text_bounds normalize passages contract slots vocab digest pack_digest rule_pack class_gate atoms literal_index regex_cache word_edges word_finder matcher state_reader stance_reader own_names markup_mask text_shape doc_date knowledge explainer scan finding engine)
set(CONSENTLENS_CORE_SOURCES ${CONSENTLENS_CORE_SOURCE_NAMES})
list(TRANSFORM CONSENTLENS_CORE_SOURCES PREPEND ${CMAKE_CURRENT_LIST_DIR}/src/)
list(TRANSFORM CONSENTLENS_CORE_SOURCES APPEND .cc)
