#include "CLibraryOnDemand.h"

#include <dlfcn.h>
#include <stdio.h>

void stagehand_library_open(struct stagehand_library *library) {
    library->handle = dlopen(library->file, RTLD_NOW | RTLD_LOCAL);
    if (!library->handle) {
        const char *failure = dlerror();
        snprintf(library->failure, sizeof library->failure, "%s", failure ? failure : library->file);
    }
}

void *stagehand_library_handle(struct stagehand_library *library, void (*open)(void)) {
    pthread_once(&library->once, open);
    return library->handle;
}

static void *symbol_in(struct stagehand_library *library, void (*open)(void), const char *name) {
    void *handle = stagehand_library_handle(library, open);
    return handle ? dlsym(handle, name) : 0;
}

void *stagehand_library_cached_symbol(
    void **found, struct stagehand_library *library, void (*open)(void), const char *name) {
    void *symbol = __atomic_load_n(found, __ATOMIC_ACQUIRE);
    if (!symbol) {
        symbol = symbol_in(library, open, name);
        __atomic_store_n(found, symbol, __ATOMIC_RELEASE);
    }
    return symbol;
}
