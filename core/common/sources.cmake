target_sources(trestle_core_common PRIVATE
    common/error.h common/error.cpp
    common/result.h
    common/logging.h common/logging.cpp
    common/logfile.h common/logfile.cpp
    common/translations.h common/translations.cpp
    common/privatefiles.h common/privatefiles.cpp
    common/processhardening.h common/processhardening.cpp
    common/memorytuning.h common/memorytuning.cpp
    common/threadpriority.h common/threadpriority.cpp
)
