# Packaging: install rules for the desktop integration files and the CPack configuration of the
# three platform packages. Included once, at the end of the top-level CMakeLists.txt, after every
# target exists (the rules below add properties and sources to the `trestle` executable).
#
#   Linux    DEB        `cpack -G DEB` in a build dir; installer/test-package.sh builds and checks it
#   Windows  NSIS       windeployqt through Qt's deploy script; cannot be built on this machine
#   macOS    DragNDrop  a Trestle.app bundle, macdeployqt through Qt's deploy script; ditto
#
# Everything of ours is installed in the component `app`. The app's own install rule
# (app/CMakeLists.txt) has no component yet, so it is CMake's "Unspecified" component, and the
# .deb takes both. CPack honours that list only in component mode, hence CPACK_DEB_COMPONENT_INSTALL
# with all listed components grouped into the one package `trestle`: install rules that tests or
# tools might add later in other components stay out of it. installer/test-package.sh checks the
# package's file list to be sure.
#
# The WHY of each setting is next to it; installer/README.md has the how-to.

if(NOT PROJECT_IS_TOP_LEVEL)
    return()
endif()

include(GNUInstallDirs)

get_filename_component(TRESTLE_SOURCE_ROOT "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(TRESTLE_APP_ID "io.github.trestle.Trestle")
set(TRESTLE_RESOURCES "${TRESTLE_SOURCE_ROOT}/resources")
set(TRESTLE_PACKAGING "${TRESTLE_SOURCE_ROOT}/installer/cpack")

# --- Common package metadata ----------------------------------------------------------------------
set(CPACK_PACKAGE_NAME "Trestle")
set(CPACK_PACKAGE_VENDOR "Trestle developers")
set(CPACK_PACKAGE_CONTACT "Trestle developers <trestle@localhost>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Move construction project files between Procore and file shares")
# Lines under 80 columns: dpkg and apt show the .deb's long description as written.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Trestle moves files between the Documents tool of a Procore project and file"
    "shares: local disks, mounted SMB and NFS shares and UNC paths. It plans each"
    "transfer, shows the plan, keeps within Procore's hourly API budget, resumes"
    "after interruptions and reports whether everything arrived. A command line"
    "drives the same engine for scheduled runs.")
# The URL in project() is a placeholder (the project has no public address yet): publish none.
set(CPACK_PACKAGE_HOMEPAGE_URL "")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Trestle")
set(CPACK_PACKAGE_CHECKSUM SHA256)
# Release builds ship stripped binaries; the build tree keeps the debug information.
set(CPACK_STRIP_FILES ON)
set(CPACK_VERBATIM_VARIABLES ON)

# `make package_source`: the checkout without build trees and VCS data.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME "trestle-${PROJECT_VERSION}")
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build/" "/\\.cache/" "\\.swp$" "~$")

# --- Linux: .deb with desktop entry, hicolor icons and AppStream metadata ------------------------
if(UNIX AND NOT APPLE)
    install(FILES "${TRESTLE_RESOURCES}/${TRESTLE_APP_ID}.desktop"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/applications" COMPONENT app)
    install(FILES "${TRESTLE_RESOURCES}/${TRESTLE_APP_ID}.metainfo.xml"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo" COMPONENT app)
    # Icons are named after the app id (what AppStream and desktop environments look up).
    install(FILES "${TRESTLE_RESOURCES}/icons/trestle.svg"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps"
            RENAME "${TRESTLE_APP_ID}.svg" COMPONENT app)
    # PNG renders of the SVG, committed (installer/cpack/render-icons.sh makes them).
    install(DIRECTORY "${TRESTLE_RESOURCES}/icons/hicolor/"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor" COMPONENT app
            FILES_MATCHING PATTERN "*.png")

    set(CPACK_GENERATOR DEB)
    set(CPACK_COMPONENTS_ALL app Unspecified)
    set(CPACK_DEB_COMPONENT_INSTALL ON)
    set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
    set(CPACK_DEBIAN_PACKAGE_NAME "trestle")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # trestle_<version>_<arch>.deb
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Trestle developers <trestle@localhost>")
    set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    # dpkg-shlibdeps declares the libraries the binary links (Qt, QtKeychain, libstdc++ …).
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    # …but not the plugins Qt loads at run time:
    #  libqt6sql6-sqlite   the QSQLITE driver for the job journal and profiles
    #  libqt6svg6          the SVG icon engine and image plugin (the app icon is an SVG)
    # QtWebEngineProcess (libqt6webenginecore6-bin, for the sign-in page) comes with shlibdeps,
    # from libqt6webenginecore6's symbols file; test-package.sh checks that it does. The xcb
    # platform plugin ships in libqt6gui6; Wayland's is in qt6-wayland, suggested.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
    # A Secret Service provider for QtKeychain; without one, sign-ins cannot be remembered.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")
    # The desktop database and the icon cache are refreshed by dpkg triggers (desktop-file-utils,
    # gtk-update-icon-cache) where those are installed, so no maintainer scripts are needed.
endif()

# --- Windows: NSIS installer -------------------------------------------------------------------
if(WIN32)
    # Version resource and the icon shown by Explorer and the taskbar.
    set(TRESTLE_ICON_ICO "${TRESTLE_RESOURCES}/icons/trestle.ico")
    configure_file("${TRESTLE_PACKAGING}/windows/trestle.rc.in" "${CMAKE_BINARY_DIR}/trestle.rc" @ONLY)
    target_sources(trestle PRIVATE "${CMAKE_BINARY_DIR}/trestle.rc")

    # windeployqt copies Qt's DLLs, plugins, translations and QtWebEngine's process and resources
    # next to trestle.exe at install time (so also inside `cpack`).
    qt_generate_deploy_app_script(TARGET trestle FILENAME_VARIABLE trestle_deploy_script)
    install(SCRIPT "${trestle_deploy_script}" COMPONENT app)
    # windeployqt deploys Qt only; QtKeychain is a third-party DLL.
    get_target_property(trestle_keychain_target Qt6Keychain::Qt6Keychain ALIASED_TARGET)
    if(NOT trestle_keychain_target)
        set(trestle_keychain_target Qt6Keychain::Qt6Keychain)
    endif()
    install(IMPORTED_RUNTIME_ARTIFACTS ${trestle_keychain_target}
            RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" LIBRARY DESTINATION "${CMAKE_INSTALL_BINDIR}"
            COMPONENT app)
    # The MSVC runtime DLLs (vcruntime, msvcp), so no separate redistributable is needed.
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION "${CMAKE_INSTALL_BINDIR}")
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT app)
    include(InstallRequiredSystemLibraries)

    set(CPACK_GENERATOR NSIS)
    # One installer without a components page (the test tree installs nothing on Windows).
    set(CPACK_MONOLITHIC_INSTALL ON)
    set(CPACK_NSIS_PACKAGE_NAME "Trestle")
    set(CPACK_NSIS_DISPLAY_NAME "Trestle")
    set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
    set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Trestle")
    set(CPACK_NSIS_MUI_ICON "${TRESTLE_ICON_ICO}")
    set(CPACK_NSIS_MUI_UNIICON "${TRESTLE_ICON_ICO}")
    # The icon of the Apps & features entry.
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\trestle.exe")
    # Start-menu shortcut "Trestle" to bin\trestle.exe.
    set(CPACK_PACKAGE_EXECUTABLES "trestle" "Trestle")
    set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
    set(CPACK_NSIS_MUI_FINISHPAGE_RUN "trestle.exe")
    # The uninstaller (Uninstall.exe, registered in Apps & features) is always written; this
    # also runs the previous version's uninstaller first, so upgrades do not leave stale DLLs.
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_UNINSTALL_NAME "Uninstall")
    set(CPACK_NSIS_MODIFY_PATH OFF)
    set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
    # No licence has been chosen yet (see installer/README.md); skip the licence page until then.
    set(CPACK_NSIS_IGNORE_LICENSE_PAGE ON)
    set(CPACK_PACKAGE_FILE_NAME "Trestle-${PROJECT_VERSION}-win64")
endif()

# --- macOS: Trestle.app in a drag-and-drop disk image ------------------------------------------
if(APPLE)
    # Info.plist's LSMinimumSystemVersion comes from here; it must be set before project(), so on
    # the configure command line: -DCMAKE_OSX_DEPLOYMENT_TARGET=11.0
    if(NOT CMAKE_OSX_DEPLOYMENT_TARGET)
        message(WARNING "Set CMAKE_OSX_DEPLOYMENT_TARGET (e.g. 11.0) for a distributable Trestle.app")
    endif()
    set(TRESTLE_ICON_ICNS "${TRESTLE_RESOURCES}/icons/trestle.icns")
    target_sources(trestle PRIVATE "${TRESTLE_ICON_ICNS}")
    set_source_files_properties("${TRESTLE_ICON_ICNS}" PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    # MACOSX_BUNDLE is read when the build system is generated, so setting it here still makes
    # trestle a bundle. The install rule must say `BUNDLE DESTINATION .` (see installer/README.md).
    set_target_properties(trestle PROPERTIES
        MACOSX_BUNDLE ON
        OUTPUT_NAME "Trestle"
        MACOSX_BUNDLE_INFO_PLIST "${TRESTLE_PACKAGING}/macos/Info.plist.in"
        MACOSX_BUNDLE_BUNDLE_NAME "Trestle"
        MACOSX_BUNDLE_GUI_IDENTIFIER "${TRESTLE_APP_ID}"
        MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
        MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
        MACOSX_BUNDLE_LONG_VERSION_STRING "${PROJECT_VERSION}"
        MACOSX_BUNDLE_ICON_FILE "trestle.icns"
        MACOSX_BUNDLE_COPYRIGHT "Trestle developers")

    # macdeployqt puts Qt's frameworks and plugins (and QtWebEngine's helper app) and third-party
    # dylibs such as QtKeychain into Trestle.app/Contents and rewrites their install names.
    qt_generate_deploy_app_script(TARGET trestle FILENAME_VARIABLE trestle_deploy_script)
    install(SCRIPT "${trestle_deploy_script}" COMPONENT app)

    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_MONOLITHIC_INSTALL ON)
    set(CPACK_DMG_VOLUME_NAME "Trestle")
    set(CPACK_DMG_FORMAT UDZO)
    set(CPACK_PACKAGE_ICON "${TRESTLE_ICON_ICNS}")
    set(CPACK_PACKAGE_FILE_NAME "Trestle-${PROJECT_VERSION}-macos")
endif()

include(CPack)
