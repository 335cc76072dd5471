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
void *stagehand_library_symbol(struct stagehand_library *library, void (*open)(void), const char *name);
void stagehand_library_open(struct stagehand_library *library);

/* A function of `library` under its own name: its address is looked up once;
   without the library it returns `otherwise`, which callers check first through
   `stagehand_*_unavailable`. */
#define STAGEHAND_ON_DEMAND(library, open, result, name, parameters, arguments, otherwise) \
    result name parameters {                                                             \
        static void *found;                                                              \
        void *symbol = __atomic_load_n(&found, __ATOMIC_ACQUIRE);                        \
        if (!symbol) {                                                                   \
            symbol = stagehand_library_symbol(&library, open, #name);                    \
            __atomic_store_n(&found, symbol, __ATOMIC_RELEASE);                          \
        }                                                                                \
        if (!symbol) return otherwise;                                                   \
        return ((result(*) parameters)symbol) arguments;                                 \
    }

#define STAGEHAND_ON_DEMAND_VOID(library, open, name, parameters, arguments) \
    void name parameters {                                                  \
        static void *found;                                                 \
        void *symbol = __atomic_load_n(&found, __ATOMIC_ACQUIRE);           \
        if (!symbol) {                                                      \
            symbol = stagehand_library_symbol(&library, open, #name);       \
            __atomic_store_n(&found, symbol, __ATOMIC_RELEASE);             \
        }                                                                   \
        if (symbol) ((void(*) parameters)symbol) arguments;                 \
    }

#endif
