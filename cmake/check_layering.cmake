# @brief The layering check (CTest `layering`): each stage folder under src/
# includes only headers of itself and of the stages before it, and its library
# links only those stages.
#
#   cmake -DSOURCE_DIR=<repo> -DLINKS_FILE=<build>/layering_links.txt -P check_layering.cmake
#
# The table below is the stage order of docs/ARCHITECTURE.md: a folder may use
# the folders listed for it (the closure of what its library and its tests
# link). tools/ and bench/ sit after every stage and may use any of them. A
# folder missing from the table fails the check, so a new stage is placed in
# the order when it is added. LINKS_FILE (written at configure time by the
# top-level CMakeLists.txt) holds "<folder> <sitrep_ libraries it links>".
cmake_minimum_required(VERSION 3.25)

set(allowed_base     base)
set(allowed_lang     base lang)
set(allowed_doc      base doc)
set(allowed_dedup    base doc dedup)
set(allowed_ingest   base ingest)
set(allowed_html     base doc html)
set(allowed_segment  base lang segment)
set(allowed_kb       base lang kb)
set(allowed_ner      base doc lang kb ner)
set(allowed_entity   base doc lang kb ner entity)
set(allowed_time     base doc lang time)
set(allowed_quantity base doc lang segment quantity)
set(allowed_quote    base doc quote)
set(allowed_clean    base doc lang ingest segment html clean)
set(allowed_pipeline base doc dedup lang ingest segment html clean kb ner entity time quantity quote pipeline)
set(allowed_story    base doc story)
set(allowed_store    base doc story store)
set(allowed_figures  base doc figures)
set(allowed_report   base doc figures story report)
# eval's tests score the clean stage and the HTML extractor, so they link them.
set(allowed_eval     base doc dedup lang ingest segment html clean kb ner entity time quantity figures story eval)
set(allowed_cli      base doc dedup lang ingest segment html clean kb ner entity time quantity quote pipeline story store figures report eval cli)

set(errors "")
file(GLOB folders LIST_DIRECTORIES true RELATIVE "${SOURCE_DIR}/src" "${SOURCE_DIR}/src/*")
foreach(folder IN LISTS folders)
  if(NOT IS_DIRECTORY "${SOURCE_DIR}/src/${folder}")
    continue()
  endif()
  if(NOT DEFINED allowed_${folder})
    string(APPEND errors "src/${folder}: not in the stage table of cmake/check_layering.cmake\n")
    continue()
  endif()
  file(GLOB_RECURSE files "${SOURCE_DIR}/src/${folder}/*.h" "${SOURCE_DIR}/src/${folder}/*.cc")
  foreach(file IN LISTS files)
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"[a-z_]+/")
    foreach(line IN LISTS lines)
      string(REGEX MATCH "\"([a-z_]+)/[^\"]*\"" header "${line}")
      set(used "${CMAKE_MATCH_1}")
      if(NOT used IN_LIST allowed_${folder})
        file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
        string(APPEND errors "${rel}: includes ${header}, but ${folder} may use only: ${allowed_${folder}}\n")
      endif()
    endforeach()
  endforeach()
endforeach()

if(LINKS_FILE)
  file(STRINGS "${LINKS_FILE}" link_lines)
  foreach(line IN LISTS link_lines)
    string(REPLACE " " ";" parts "${line}")
    list(POP_FRONT parts folder)
    foreach(lib IN LISTS parts)
      string(REGEX REPLACE "^sitrep_([a-z]+).*$" "\\1" stage "${lib}")
      if(DEFINED allowed_${folder} AND NOT stage IN_LIST allowed_${folder})
        string(APPEND errors "src/${folder}/CMakeLists.txt: links ${lib}, but ${folder} may use only: ${allowed_${folder}}\n")
      endif()
    endforeach()
  endforeach()
endif()

if(errors)
  message(FATAL_ERROR "layering violations (docs/ARCHITECTURE.md):\n${errors}")
endif()
message(STATUS "layering: every include and link of src/ follows the stage order")
