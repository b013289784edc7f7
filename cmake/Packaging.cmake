# Desktop integration and installers (packaging/README.md): the install rules of everything but
# the two programs (app/ and sandbox/ install those to bin), and CPack's configuration.
# `cpack` in a built tree makes a Debian package and a tarball on Linux, an NSIS installer on
# Windows and a disk image on macOS.
include(GNUInstallDirs)

set(KEYDESK_APP_ID io.keydesk.KeyDesk)
set(keydesk_linux_dir ${PROJECT_SOURCE_DIR}/packaging/linux)

# The files that name the version by hand must follow project(VERSION): a release bumps them all.
function(keydesk_check_version file pattern)
    file(READ ${keydesk_linux_dir}/${file} text)
    string(REGEX MATCH "${pattern}" match "${text}")
    if(NOT CMAKE_MATCH_1 STREQUAL PROJECT_VERSION)
        message(FATAL_ERROR "packaging/linux/${file} names version '${CMAKE_MATCH_1}', the project "
                            "is ${PROJECT_VERSION}: add this release to it")
    endif()
endfunction()
keydesk_check_version(${KEYDESK_APP_ID}.metainfo.xml "<release version=\"([^\"]+)\"")
keydesk_check_version(changelog.Debian "^keydesk \\(([^-)]+)-")
keydesk_check_version(keydesk.1 "\"KeyDesk ([^\"]+)\"")
keydesk_check_version(keydesk-sandbox.1 "\"KeyDesk ([^\"]+)\"")

set(CPACK_PACKAGE_NAME keydesk)
set(CPACK_PACKAGE_VENDOR "The KeyDesk developers")
set(CPACK_PACKAGE_CONTACT "The KeyDesk developers <dev@keydesk.io>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "KeyDesk is a desktop console in which administrators manage the API keys of
Alibaba Cloud RAM (AccessKey pairs), Model Studio, DashVector, Tablestore and
OceanBase Cloud MaaS in one window. Every credential stays in the system
keychain, and a key is shown only after the person re-authenticates.

It comes with keydesk-sandbox, a local server for all five management APIs,
so the console can be tried with demo data and without a cloud account.")
# keydesk.io is a placeholder until the product has its site (packaging/README.md).
set(CPACK_PACKAGE_HOMEPAGE_URL "https://keydesk.io/")
set(CPACK_PACKAGE_INSTALL_DIRECTORY KeyDesk)
set(CPACK_PACKAGE_EXECUTABLES keydesk KeyDesk)
# No licence has been chosen yet: the installers show the copyright notice.
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/packaging/COPYRIGHT.txt)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build/" "/node_modules/")

if(UNIX AND NOT APPLE)
    # The tree the Debian package and the tarball install under the prefix (/usr, or the tarball's
    # root): the menu entry, the AppStream data, the icon at every size and the manual pages.
    install(FILES ${keydesk_linux_dir}/${KEYDESK_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${keydesk_linux_dir}/${KEYDESK_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${keydesk_linux_dir}/${KEYDESK_APP_ID}.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

    # The PNG sizes are drawn from the SVG at build time by a small Qt tool.
    add_subdirectory(${PROJECT_SOURCE_DIR}/tools/icon-render ${PROJECT_BINARY_DIR}/tools/icon-render)
    set(keydesk_icon_sizes 16 32 48 64 128 256)
    set(keydesk_icon_dir ${PROJECT_BINARY_DIR}/packaging/icons)
    set(keydesk_generated)
    foreach(size IN LISTS keydesk_icon_sizes)
        set(png ${keydesk_icon_dir}/${size}x${size}/apps/${KEYDESK_APP_ID}.png)
        list(APPEND keydesk_generated ${png})
        install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
    list(JOIN keydesk_icon_sizes ", " keydesk_size_text)
    add_custom_command(OUTPUT ${keydesk_generated}
        COMMAND keydesk-icon-render ${keydesk_linux_dir}/${KEYDESK_APP_ID}.svg ${keydesk_icon_dir}
                ${keydesk_icon_sizes}
        DEPENDS keydesk-icon-render ${keydesk_linux_dir}/${KEYDESK_APP_ID}.svg
        COMMENT "Drawing the application icon at ${keydesk_size_text} pixels"
        VERBATIM)

    # Manual pages and the Debian changelog go in compressed with gzip -9n, as Debian wants them
    # (no name or time stamp inside, so the package is reproducible).
    find_program(GZIP_PROGRAM gzip REQUIRED)
    foreach(source keydesk.1 keydesk-sandbox.1 changelog.Debian)
        set(gz ${PROJECT_BINARY_DIR}/packaging/${source}.gz)
        add_custom_command(OUTPUT ${gz}
            COMMAND ${CMAKE_COMMAND} -E copy ${keydesk_linux_dir}/${source}
                    ${PROJECT_BINARY_DIR}/packaging/${source}
            COMMAND ${GZIP_PROGRAM} -9nf ${PROJECT_BINARY_DIR}/packaging/${source}
            DEPENDS ${keydesk_linux_dir}/${source}
            VERBATIM)
        list(APPEND keydesk_generated ${gz})
    endforeach()
    install(FILES ${PROJECT_BINARY_DIR}/packaging/keydesk.1.gz
                  ${PROJECT_BINARY_DIR}/packaging/keydesk-sandbox.1.gz
            DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    install(FILES ${keydesk_linux_dir}/copyright ${PROJECT_BINARY_DIR}/packaging/changelog.Debian.gz
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/keydesk)
    # Part of `all`, so a built tree can always be packaged.
    add_custom_target(keydesk-desktop-files ALL DEPENDS ${keydesk_generated})

    set(CPACK_GENERATOR DEB TGZ)
    # The Debian package installs under /usr whatever CMAKE_INSTALL_PREFIX the tree was configured
    # with; the tarball keeps a relative tree (bin/, share/) to unpack under any prefix.
    set(keydesk_cpack_config ${PROJECT_BINARY_DIR}/KeyDeskCPackConfig.cmake)
    file(WRITE ${keydesk_cpack_config}
         "if(CPACK_GENERATOR STREQUAL \"DEB\")\n  set(CPACK_PACKAGING_INSTALL_PREFIX /usr)\nendif()\n")
    set(CPACK_PROJECT_CONFIG_FILE ${keydesk_cpack_config})

    set(CPACK_DEBIAN_PACKAGE_NAME keydesk)
    set(CPACK_DEBIAN_PACKAGE_RELEASE 1) # must match packaging/linux/changelog.Debian
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION utils)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    # dpkg-shlibdeps declares the libraries the programs link (Qt, QtKeychain, libsodium); these
    # are what they load or run instead: the sandbox's certificate is made with openssl, its state
    # is SQLite through Qt's plugin, QtKeychain opens libsecret with dlopen, and HTTPS to the
    # clouds needs the CA certificates. (The xcb platform plugin is in libqt6gui6.)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "openssl, ca-certificates, libsecret-1-0, libqt6sql6-sqlite")
    # A Secret Service provider to keep the credentials in; Qt's Wayland plugin for a native
    # Wayland window (without it the console runs through XWayland).
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc")
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
endif()

if(WIN32)
    # NSIS installer: keydesk.exe and keydesk-sandbox.exe in bin/ with the Qt libraries and
    # plugins windeployqt copies beside them at install time (so also in cpack's staging tree).
    # Not tried yet: no Windows machine here.
    set(CPACK_GENERATOR NSIS ZIP)
    set(CPACK_NSIS_PACKAGE_NAME KeyDesk)
    set(CPACK_NSIS_DISPLAY_NAME KeyDesk)
    set(CPACK_NSIS_PUBLISHER "${CPACK_PACKAGE_VENDOR}")
    set(CPACK_NSIS_URL_INFO_ABOUT "${CPACK_PACKAGE_HOMEPAGE_URL}")
    set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
    set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\keydesk.exe)
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
    get_target_property(keydesk_qmake Qt6::qmake IMPORTED_LOCATION)
    get_filename_component(keydesk_qt_bin "${keydesk_qmake}" DIRECTORY)
    find_program(WINDEPLOYQT_PROGRAM windeployqt HINTS "${keydesk_qt_bin}" REQUIRED)
    install(CODE "
        execute_process(
            COMMAND \"${WINDEPLOYQT_PROGRAM}\" --no-translations --no-system-d3d-compiler
                    \"\${CMAKE_INSTALL_PREFIX}/bin/keydesk.exe\"
                    \"\${CMAKE_INSTALL_PREFIX}/bin/keydesk-sandbox.exe\"
            COMMAND_ERROR_IS_FATAL ANY)")
endif()

if(APPLE)
    # A disk image holding KeyDesk.app: keydesk is a bundle (app/CMakeLists.txt), the sandbox goes
    # into it beside keydesk (where SandboxLauncher looks), then macdeployqt copies the Qt
    # frameworks and plugins both need. Not tried yet: no macOS machine here.
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME KeyDesk)
    set(CPACK_DMG_FORMAT UDBZ)
    set_target_properties(keydesk PROPERTIES
        OUTPUT_NAME KeyDesk
        MACOSX_BUNDLE_BUNDLE_NAME KeyDesk
        MACOSX_BUNDLE_GUI_IDENTIFIER ${KEYDESK_APP_ID}
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION})
    get_target_property(keydesk_qmake Qt6::qmake IMPORTED_LOCATION)
    get_filename_component(keydesk_qt_bin "${keydesk_qmake}" DIRECTORY)
    find_program(MACDEPLOYQT_PROGRAM macdeployqt HINTS "${keydesk_qt_bin}" REQUIRED)
    install(CODE "
        set(app \"\${CMAKE_INSTALL_PREFIX}/KeyDesk.app\")
        file(RENAME \"\${CMAKE_INSTALL_PREFIX}/bin/keydesk-sandbox\"
                    \"\${app}/Contents/MacOS/keydesk-sandbox\")
        file(REMOVE_RECURSE \"\${CMAKE_INSTALL_PREFIX}/bin\")
        execute_process(
            COMMAND \"${MACDEPLOYQT_PROGRAM}\" \"\${app}\"
                    \"-executable=\${app}/Contents/MacOS/keydesk-sandbox\"
            COMMAND_ERROR_IS_FATAL ANY)")
endif()

include(CPack)
