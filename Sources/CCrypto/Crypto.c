#include "CCrypto.h"
#include "CLibraryOnDemand.h"

#include <openssl/evp.h>

#ifdef __APPLE__
static struct stagehand_library crypto = STAGEHAND_LIBRARY("libcrypto.3.dylib");
#else
static struct stagehand_library crypto = STAGEHAND_LIBRARY("libcrypto.so.3");
#endif

static void open_crypto(void) { stagehand_library_open(&crypto); }

const char *stagehand_crypto_unavailable(void) {
    return stagehand_library_handle(&crypto, open_crypto) ? 0 : crypto.failure;
}

typedef const EVP_MD *(*sha256_function)(void);
typedef int (*digest_function)(const void *, size_t, unsigned char *, unsigned int *, const EVP_MD *, ENGINE *);

int stagehand_sha256(const void *data, size_t count, unsigned char *digest) {
    static void *sha256_found, *digest_found;
    sha256_function sha256 =
        (sha256_function)stagehand_library_cached_symbol(&sha256_found, &crypto, open_crypto, "EVP_sha256");
    digest_function digest_of =
        (digest_function)stagehand_library_cached_symbol(&digest_found, &crypto, open_crypto, "EVP_Digest");
    if (!sha256 || !digest_of) return 0;
    unsigned int length = 0;
    return digest_of(data, count, digest, &length, sha256(), NULL) == 1 && length == 32;
}
