// Fixed-arity wrappers around libcurl's variadic curl_easy_setopt and curl_easy_getinfo,
// which Swift cannot call directly. Only Sources/AttuneRecords/LRSTransfer.swift imports it.
#ifndef ATTUNE_CCURL_SHIM_H
#define ATTUNE_CCURL_SHIM_H

#include <curl/curl.h>

typedef size_t (*attune_curl_data_fn)(char *, size_t, size_t, void *);

static inline CURLcode attune_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode attune_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode attune_curl_set_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode attune_curl_set_function(CURL *handle, CURLoption option, attune_curl_data_fn value) {
    return curl_easy_setopt(handle, option, value);
}
// CURLOPT_XFERINFOFUNCTION: called while a transfer runs (at least about once a second, even
// when nothing arrives); a non-zero return aborts it with CURLE_ABORTED_BY_CALLBACK.
static inline CURLcode attune_curl_set_progress(CURL *handle, curl_xferinfo_callback value) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}
static inline long attune_curl_response_code(CURL *handle) {
    long code = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

// A macro Swift may not import.
static const long attune_curl_global_default = CURL_GLOBAL_DEFAULT;

#endif
