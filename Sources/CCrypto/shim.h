#ifndef STAGEHAND_CCRYPTO_SHIM_H
#define STAGEHAND_CCRYPTO_SHIM_H

// OpenSSL's libcrypto, for the SHA-256 of SSH key fingerprints: already on
// every machine that has libcurl, and light to build, unlike swift-crypto.
#include <stddef.h>
#include <openssl/evp.h>

// 1 when `digest` (32 bytes) holds the SHA-256 of the `count` bytes at `data`.
static inline int stagehand_sha256(const void *data, size_t count, unsigned char *digest) {
    unsigned int length = 0;
    return EVP_Digest(data, count, digest, &length, EVP_sha256(), NULL) == 1 && length == 32;
}

#endif
