#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call:
   one typed wrapper per kind of argument Stagehand passes. */

typedef size_t (*stagehand_curl_callback)(char *buffer, size_t size, size_t count, void *context);

static inline CURLcode stagehand_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode stagehand_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode stagehand_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode stagehand_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode stagehand_curl_set_callback(CURL *handle, CURLoption option, stagehand_curl_callback value) {
    return curl_easy_setopt(handle, option, value);
}

typedef int (*stagehand_curl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *context);

static inline CURLcode stagehand_curl_set_debug_callback(CURL *handle, stagehand_curl_debug_callback value) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, value);
}

typedef int (*stagehand_curl_progress_callback)(void *context, curl_off_t down_total, curl_off_t down_now, curl_off_t up_total, curl_off_t up_now);

static inline CURLcode stagehand_curl_set_progress_callback(CURL *handle, stagehand_curl_progress_callback value) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}

static inline CURLcode stagehand_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
