// Freed memory is zeroed before glibc reuses it, so that a secret that passed through a Qt
// container, a JSON document, a reply body or a header list leaves no copy behind once it is
// freed (docs/vault.md, "In memory"). This file is linked into the `keydesk` executable (and the
// tests that check it): a `free` and a `realloc` defined in the executable take the place of
// glibc's for every library the process loads, Qt, OpenSSL, GLib and libstdc++'s operator
// delete included. Not built with the sanitizers, which interpose these themselves.
// Memory that glibc frees inside itself (stdio buffers, resolver data) is not seen here.

#include <cstddef>
#include <cstring>
#include <malloc.h>

// glibc's own allocator entry points, which its malloc/free are aliases of.
extern "C" void *__libc_malloc(size_t size); // NOLINT(bugprone-reserved-identifier)
extern "C" void __libc_free(void *pointer); // NOLINT(bugprone-reserved-identifier)

extern "C" void free(void *pointer) noexcept
{
    if (!pointer)
        return;
    // The whole block, its slack included: a container may have used it before shrinking.
    explicit_bzero(pointer, malloc_usable_size(pointer));
    __libc_free(pointer);
}

// glibc's realloc would move a block without wiping the old one: here a block that grows (or
// shrinks to less than half) is copied to a new one and the old one is freed, wiped, above.
extern "C" void *realloc(void *pointer, size_t size) noexcept
{
    if (!pointer)
        return __libc_malloc(size);
    if (size == 0) {
        free(pointer);
        return nullptr;
    }
    const size_t usable = malloc_usable_size(pointer);
    if (size <= usable && size >= usable / 2)
        return pointer;
    void *moved = __libc_malloc(size);
    if (!moved)
        return nullptr; // the old block stays valid, as realloc promises
    std::memcpy(moved, pointer, size < usable ? size : usable);
    free(pointer);
    return moved;
}
