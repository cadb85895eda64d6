target_sources(trestle_ui PRIVATE
    mainwindow.h mainwindow.cpp
    wizard/wizardpageids.h
    wizard/wizardstyle.h wizard/wizardstyle.cpp
    wizard/redirectcatchingpage.h wizard/redirectcatchingpage.cpp
    wizard/platformpage.h wizard/platformpage.cpp
    wizard/credentialspage.h wizard/credentialspage.cpp
    wizard/sharepage.h wizard/sharepage.cpp
    wizard/signinpage.h wizard/signinpage.cpp
    wizard/projectpage.h wizard/projectpage.cpp
    wizard/testpage.h wizard/testpage.cpp
    wizard/connectionwizard.h wizard/connectionwizard.cpp
    connections/connectionlistmodel.h connections/connectionlistmodel.cpp
    connections/connectionmanagerdialog.h connections/connectionmanagerdialog.cpp
)
# Each area of the window keeps its own list, so parallel work never edits the same file.
include(${CMAKE_CURRENT_LIST_DIR}/browser/sources.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/jobs/sources.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/status/sources.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/settings/sources.cmake OPTIONAL)
