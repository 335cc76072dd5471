#include "CCurl.h"
#include "CLibraryOnDemand.h"

#ifdef __APPLE__
static struct stagehand_library curl = STAGEHAND_LIBRARY("libcurl.4.dylib");
#else
static struct stagehand_library curl = STAGEHAND_LIBRARY("libcurl.so.4");
#endif

static void open_curl(void) { stagehand_library_open(&curl); }

const char *stagehand_curl_unavailable(void) {
    return stagehand_library_handle(&curl, open_curl) ? 0 : curl.failure;
}

STAGEHAND_ON_DEMAND(curl, open_curl, CURLcode, curl_global_init, (long flags), (flags), CURLE_FAILED_INIT)
STAGEHAND_ON_DEMAND(curl, open_curl, CURL *, curl_easy_init, (void), (), 0)
STAGEHAND_ON_DEMAND_VOID(curl, open_curl, curl_easy_cleanup, (CURL *handle), (handle))
STAGEHAND_ON_DEMAND(curl, open_curl, CURLcode, curl_easy_perform, (CURL *handle), (handle), CURLE_FAILED_INIT)
STAGEHAND_ON_DEMAND(curl, open_curl, const char *, curl_easy_strerror, (CURLcode code), (code), "libcurl is not available")
STAGEHAND_ON_DEMAND(
    curl, open_curl, struct curl_slist *, curl_slist_append, (struct curl_slist *list, const char *text), (list, text), 0)
STAGEHAND_ON_DEMAND_VOID(curl, open_curl, curl_slist_free_all, (struct curl_slist *list), (list))

/* The typed setters of CCurl.h, calling the variadic originals. */
typedef CURLcode (*setopt_function)(CURL *, CURLoption, ...);
typedef CURLcode (*getinfo_function)(CURL *, CURLINFO, ...);

static setopt_function setopt(void) {
    static void *found;
    return (setopt_function)stagehand_library_cached_symbol(&found, &curl, open_curl, "curl_easy_setopt");
}

#define SETTER(name, type)                                              \
    CURLcode name(CURL *handle, CURLoption option, type value) {        \
        setopt_function function = setopt();                            \
        return function ? function(handle, option, value) : CURLE_FAILED_INIT; \
    }

SETTER(stagehand_curl_set_long, long)
SETTER(stagehand_curl_set_string, const char *)
SETTER(stagehand_curl_set_pointer, void *)
SETTER(stagehand_curl_set_list, struct curl_slist *)
SETTER(stagehand_curl_set_callback, stagehand_curl_callback)

CURLcode stagehand_curl_set_debug_callback(CURL *handle, stagehand_curl_debug_callback value) {
    setopt_function function = setopt();
    return function ? function(handle, CURLOPT_DEBUGFUNCTION, value) : CURLE_FAILED_INIT;
}

CURLcode stagehand_curl_set_progress_callback(CURL *handle, stagehand_curl_progress_callback value) {
    setopt_function function = setopt();
    return function ? function(handle, CURLOPT_XFERINFOFUNCTION, value) : CURLE_FAILED_INIT;
}

CURLcode stagehand_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    static void *found;
    getinfo_function function =
        (getinfo_function)stagehand_library_cached_symbol(&found, &curl, open_curl, "curl_easy_getinfo");
    return function ? function(handle, info, value) : CURLE_FAILED_INIT;
}
