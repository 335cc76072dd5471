#ifndef STAGEHAND_CLIBRARYONDEMAND_H
#define STAGEHAND_CLIBRARYONDEMAND_H

#include <pthread.h>

/* Shared libraries opened with dlopen on first use instead of linked: see
   CCurl.h for why. The C targets that use this define the functions Stagehand
   calls under their own names, each looking its library's function up once. */

/* One shared library, opened on first use and kept open. */
struct stagehand_library {
    const char *file;
    pthread_once_t once;
    void *handle;
    char failure[512];
};

#define STAGEHAND_LIBRARY(file) { file, PTHREAD_ONCE_INIT, 0, { 0 } }

void *stagehand_library_handle(struct stagehand_library *library, void (*open)(void));
void stagehand_library_open(struct stagehand_library *library);

/* The address of `name` in `library`, looked up the first time and kept in `*found`. */
void *stagehand_library_cached_symbol(
    void **found, struct stagehand_library *library, void (*open)(void), const char *name);

/* A function of `library` under its own name: without the library it returns
   `otherwise`, which callers check first through `stagehand_*_unavailable`. */
#define STAGEHAND_ON_DEMAND(library, open, result, name, parameters, arguments, otherwise)        \
    result name parameters {                                                                    \
        static void *found;                                                                     \
        void *symbol = stagehand_library_cached_symbol(&found, &library, open, #name);          \
        return symbol ? ((result(*) parameters)symbol) arguments : otherwise;                   \
    }

#define STAGEHAND_ON_DEMAND_VOID(library, open, name, parameters, arguments)                     \
    void name parameters {                                                                      \
        static void *found;                                                                     \
        void *symbol = stagehand_library_cached_symbol(&found, &library, open, #name);          \
        if (symbol) ((void(*) parameters)symbol) arguments;                                     \
    }

#endif
