# The recognisers' lexicons, compiled into annotator_core as Qt resources under
# :/lexicons/<file name> (read them with annotator::Lexicon):
# - hand-written tables in resources/lexicons/ (each says where its facts come from);
# - tables generated at build time by annotator-lexicon-gen from Debian's
#   iso-codes and wordnet-base packages.
# Other lexicographer files can be added to ANNOTATOR_WORDNET_LEXICONS ("verb"
# alone gives wn-verb.tsv with every verb form of WordNet).

set(ANNOTATOR_ISO_3166_JSON /usr/share/iso-codes/json/iso_3166-1.json CACHE FILEPATH
    "ISO 3166-1 JSON of Debian's iso-codes package")
set(ANNOTATOR_WORDNET_DIR /usr/share/wordnet CACHE PATH
    "WordNet database directory of Debian's wordnet-base package")
set(ANNOTATOR_WORDNET_LEXICONS
    verb
    verb.communication verb.competition verb.social verb.motion verb.change verb.cognition
    noun.person noun.act noun.event noun.group noun.communication noun.time noun.attribute)

set(_annotator_lexicon_inputs ${ANNOTATOR_ISO_3166_JSON})
foreach(_f data.noun data.verb noun.exc verb.exc)
    list(APPEND _annotator_lexicon_inputs ${ANNOTATOR_WORDNET_DIR}/${_f})
endforeach()
foreach(_f IN LISTS _annotator_lexicon_inputs)
    if(NOT EXISTS ${_f})
        if(_f MATCHES "iso")
            set(_pkg iso-codes)
        else()
            set(_pkg wordnet-base)
        endif()
        message(FATAL_ERROR "Lexicon data file ${_f} is missing: install the Debian package ${_pkg} "
                            "(or point ANNOTATOR_ISO_3166_JSON / ANNOTATOR_WORDNET_DIR at the data).")
    endif()
endforeach()

# The generator runs on the build host.
add_executable(annotator-lexicon-gen ${CMAKE_CURRENT_LIST_DIR}/../lexicongen/main.cpp)
target_link_libraries(annotator-lexicon-gen PRIVATE Qt6::Core)
set_target_properties(annotator-lexicon-gen PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tools)

set(_gen_dir ${CMAKE_BINARY_DIR}/lexicons)
file(MAKE_DIRECTORY ${_gen_dir})
set(_generated ${_gen_dir}/countries.tsv)
add_custom_command(OUTPUT ${_gen_dir}/countries.tsv
    COMMAND annotator-lexicon-gen countries ${ANNOTATOR_ISO_3166_JSON} ${_gen_dir}/countries.tsv
    DEPENDS annotator-lexicon-gen ${ANNOTATOR_ISO_3166_JSON}
    COMMENT "Generating lexicon countries.tsv from iso-codes"
    VERBATIM)
foreach(_lex IN LISTS ANNOTATOR_WORDNET_LEXICONS)
    string(REGEX MATCH "^[a-z]+" _pos ${_lex})
    set(_out ${_gen_dir}/wn-${_lex}.tsv)
    add_custom_command(OUTPUT ${_out}
        COMMAND annotator-lexicon-gen wordnet ${ANNOTATOR_WORDNET_DIR} ${_lex} ${_out}
        DEPENDS annotator-lexicon-gen ${ANNOTATOR_WORDNET_DIR}/data.${_pos} ${ANNOTATOR_WORDNET_DIR}/${_pos}.exc
        COMMENT "Generating lexicon wn-${_lex}.tsv from WordNet"
        VERBATIM)
    list(APPEND _generated ${_out})
endforeach()

file(GLOB _handwritten CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/resources/lexicons/*.tsv)

# With a static library Qt puts the resources into an object library that is
# linked into every consumer, so core_tests and the executables get them.
qt_add_resources(annotator_core annotator_lexicons_handwritten
    PREFIX /lexicons
    BASE ${CMAKE_SOURCE_DIR}/resources/lexicons
    FILES ${_handwritten})
qt_add_resources(annotator_core annotator_lexicons_generated
    PREFIX /lexicons
    BASE ${_gen_dir}
    FILES ${_generated})
