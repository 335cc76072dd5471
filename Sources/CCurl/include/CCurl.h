#ifndef STAGEHAND_CCURL_H
#define STAGEHAND_CCURL_H

/* libcurl, for SMTP: a well-kept client that speaks STARTTLS, implicit TLS and
   AUTH. Opened the first time mail goes out by SMTP (Curl.c), not at every
   start: linked, it brought some thirty shared libraries (Kerberos, LDAP,
   GnuTLS, libssh2, …) into every board and command, about 5 MB of each
   process's memory, for a feature most processes never use. */
#include <curl/curl.h>

/* Why libcurl cannot be used here (the dynamic loader's words), or NULL when it can. */
const char *stagehand_curl_unavailable(void);

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call:
   one typed function per kind of argument Stagehand passes. */

typedef size_t (*stagehand_curl_callback)(char *buffer, size_t size, size_t count, void *context);
typedef int (*stagehand_curl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *context);
typedef int (*stagehand_curl_progress_callback)(void *context, curl_off_t down_total, curl_off_t down_now, curl_off_t up_total, curl_off_t up_now);

CURLcode stagehand_curl_set_long(CURL *handle, CURLoption option, long value);
CURLcode stagehand_curl_set_string(CURL *handle, CURLoption option, const char *value);
CURLcode stagehand_curl_set_pointer(CURL *handle, CURLoption option, void *value);
CURLcode stagehand_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode stagehand_curl_set_callback(CURL *handle, CURLoption option, stagehand_curl_callback value);
CURLcode stagehand_curl_set_debug_callback(CURL *handle, stagehand_curl_debug_callback value);
CURLcode stagehand_curl_set_progress_callback(CURL *handle, stagehand_curl_progress_callback value);
CURLcode stagehand_curl_get_long(CURL *handle, CURLINFO info, long *value);

#endif
