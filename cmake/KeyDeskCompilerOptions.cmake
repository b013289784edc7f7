# Warnings for every KeyDesk target; errors when KEYDESK_WERROR is on (CI turns it on).
option(KEYDESK_WERROR "Treat compiler warnings as errors" OFF)
option(KEYDESK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

add_library(keydesk_warnings INTERFACE)
target_compile_options(keydesk_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
# (-Wnull-dereference is left out: at -O2 it fires inside Qt's own QHash.)
if(KEYDESK_WERROR)
    target_compile_options(keydesk_warnings INTERFACE -Werror)
endif()

if(KEYDESK_SANITIZE)
    # Also a macro, for code that must step aside for the sanitizers' own allocator.
    add_compile_definitions(KEYDESK_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()
