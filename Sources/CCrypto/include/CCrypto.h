#ifndef STAGEHAND_CCRYPTO_H
#define STAGEHAND_CCRYPTO_H

/* OpenSSL's libcrypto, for the SHA-256 of SSH key fingerprints: already on
   every machine that has libcurl, and light to build, unlike swift-crypto.
   Opened the first time a fingerprint is shown (Crypto.c), not at every start:
   its relocated tables alone were 1.4 MB of every process. */
#include <stddef.h>

/* 1 when `digest` (32 bytes) holds the SHA-256 of the `count` bytes at `data`;
   0 when libcrypto could not do it, `stagehand_crypto_unavailable` saying why
   when it could not be loaded. */
int stagehand_sha256(const void *data, size_t count, unsigned char *digest);

/* Why libcrypto cannot be used here (the dynamic loader's words), or NULL when it can. */
const char *stagehand_crypto_unavailable(void);

#endif
