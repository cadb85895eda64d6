# Documents part of trestle-sandbox (sbdocs; included by ../CMakeLists.txt, paths relative to this file).
target_sources(trestle_sandbox_lib PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/documenttypes.h
    ${CMAKE_CURRENT_LIST_DIR}/documentnames.h ${CMAKE_CURRENT_LIST_DIR}/documentnames.cpp
    ${CMAKE_CURRENT_LIST_DIR}/documentsmodel.h ${CMAKE_CURRENT_LIST_DIR}/documentsmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/documentspersistence.h ${CMAKE_CURRENT_LIST_DIR}/documentspersistence.cpp
    ${CMAKE_CURRENT_LIST_DIR}/documentsseeder.h ${CMAKE_CURRENT_LIST_DIR}/documentsseeder.cpp ${CMAKE_CURRENT_LIST_DIR}/documentsseederdemo.cpp
    ${CMAKE_CURRENT_LIST_DIR}/blobwriter.h ${CMAKE_CURRENT_LIST_DIR}/blobwriter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fileappend.h ${CMAKE_CURRENT_LIST_DIR}/fileappend.cpp
    ${CMAKE_CURRENT_LIST_DIR}/documentsjson.h ${CMAKE_CURRENT_LIST_DIR}/documentsjson.cpp
    ${CMAKE_CURRENT_LIST_DIR}/documentscall.h ${CMAKE_CURRENT_LIST_DIR}/documentscall.cpp
    ${CMAKE_CURRENT_LIST_DIR}/folderroutes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fileroutes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/indexroute.cpp
    ${CMAKE_CURRENT_LIST_DIR}/uploadroutes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/documentsapi.h ${CMAKE_CURRENT_LIST_DIR}/documentsapi.cpp
    ${CMAKE_CURRENT_LIST_DIR}/storageservice.h ${CMAKE_CURRENT_LIST_DIR}/storageservice.cpp
)
