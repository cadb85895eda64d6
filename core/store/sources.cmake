# Sources of core/store.
target_sources(trestle_core_store PRIVATE
    store/entry.h
    store/listjob.h store/listjob.cpp
    store/localfs.h store/localfs.cpp
    store/localjobs.h store/localjobs.cpp
    store/localroot.h store/localroot.cpp
    store/localstore.h store/localstore.cpp
    store/localstreamjobs.h store/localstreamjobs.cpp
    store/localwritesession.h store/localwritesession.cpp
    store/namerules.h store/namerules.cpp
    store/poolrunner.h
    store/sha256.h store/sha256.cpp
    store/statjob.h store/statjob.cpp
    store/store.h store/store.cpp
    store/storejob.h store/storejob.cpp
    store/storelimits.h store/storelimits.cpp
    store/storepath.h store/storepath.cpp
    store/streampump.h store/streampump.cpp
    store/writesession.h store/writesession.cpp
    store/versionlistjob.h store/versionlistjob.cpp
    store/storeerrorjob.h store/storeerrorjob.cpp
)
# ProcoreStore (pstore).
target_sources(trestle_core_store PRIVATE
    store/procorecache.h store/procorecache.cpp
    store/procoreindex.cpp
    store/procorejobs.h store/procorejobs.cpp
    store/procoremovejob.h store/procoremovejob.cpp
    store/procorereadjob.h store/procorereadjob.cpp
    store/procorestore.h store/procorestore.cpp
    store/procorewritejob.h store/procorewritejob.cpp
    store/procoreversionlistjob.h store/procoreversionlistjob.cpp
    store/procoreversionreadjob.h store/procoreversionreadjob.cpp
)
# SHA-256 of segmented uploads through OpenSSL's EVP (core/store/sha256.h says why); without it
# the portable QCryptographicHash is used.
find_package(OpenSSL COMPONENTS Crypto QUIET)
if(OpenSSL_FOUND AND TARGET OpenSSL::Crypto)
    # Global: the static library's consumers in other directories must resolve the name too.
    set_target_properties(OpenSSL::Crypto PROPERTIES IMPORTED_GLOBAL TRUE)
    target_link_libraries(trestle_core_store PRIVATE OpenSSL::Crypto)
    target_compile_definitions(trestle_core_store PRIVATE TRESTLE_HAVE_OPENSSL)
endif()
