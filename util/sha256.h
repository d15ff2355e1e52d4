#ifndef DIDAT_UTIL_SHA256_H
#define DIDAT_UTIL_SHA256_H

/* SHA-256 (FIPS 180-4), streamed: init, update as often as needed, final.
 * Used to fingerprint imported files so that a re-import of the same bytes
 * can be recognised.  No allocation; the caller owns the context (usually
 * on the stack). */

#include <stddef.h>
#include <stdint.h>

#define SHA256_SIZE     32	/* digest bytes */
#define SHA256_HEX_SIZE 65	/* 64 lower-case hex digits and NUL */

struct sha256_ctx {
	uint32_t state[8];
	uint64_t length;	/* bytes hashed so far */
	unsigned char block[64];	/* pending partial block */
	size_t used;	/* bytes in block */
};

void sha256_init(struct sha256_ctx *ctx);
/* Hash len more bytes; data may be NULL when len is 0. */
void sha256_update(struct sha256_ctx *ctx, const void *data, size_t len);
/* Write the digest; ctx is spent afterwards (sha256_init it to reuse). */
void sha256_final(struct sha256_ctx *ctx, unsigned char digest[SHA256_SIZE]);
/* Format a digest as 64 lower-case hex digits plus NUL into hex. */
void sha256_hex(const unsigned char digest[SHA256_SIZE],
	char hex[SHA256_HEX_SIZE]);
/* One-shot: hex digest of len bytes of data into hex. */
void sha256_data_hex(const void *data, size_t len, char hex[SHA256_HEX_SIZE]);

#endif
