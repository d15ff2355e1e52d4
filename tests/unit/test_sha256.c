/* util/sha256 against the FIPS 180-2 / NIST example vectors and sha256sum. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "util/sha256.h"

static void hash_chunks(const char *data, size_t len, size_t chunk,
	char hex[SHA256_HEX_SIZE])
{
	struct sha256_ctx ctx;
	unsigned char digest[SHA256_SIZE];
	sha256_init(&ctx);
	for (size_t off = 0; off < len; off += chunk)
		sha256_update(&ctx, data + off, len - off < chunk ? len - off : chunk);
	sha256_final(&ctx, digest);
	sha256_hex(digest, hex);
}

START_TEST(test_sha256_empty)
{
	char hex[SHA256_HEX_SIZE];
	sha256_data_hex(NULL, 0, hex);
	ck_assert_str_eq(hex,
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
END_TEST

START_TEST(test_sha256_abc)
{
	char hex[SHA256_HEX_SIZE];
	sha256_data_hex("abc", 3, hex);
	ck_assert_str_eq(hex,
		"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
END_TEST

START_TEST(test_sha256_448_bits)
{
	static const char msg[] =
		"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	char hex[SHA256_HEX_SIZE];
	ck_assert_uint_eq(strlen(msg) * 8, 448);
	sha256_data_hex(msg, strlen(msg), hex);
	ck_assert_str_eq(hex,
		"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	/* Same message a byte at a time: the block buffering must agree. */
	hash_chunks(msg, strlen(msg), 1, hex);
	ck_assert_str_eq(hex,
		"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
END_TEST

START_TEST(test_sha256_896_bits)
{
	static const char msg[] =
		"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		"hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	char hex[SHA256_HEX_SIZE];
	sha256_data_hex(msg, strlen(msg), hex);
	ck_assert_str_eq(hex,
		"cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}
END_TEST

START_TEST(test_sha256_million_a)
{
	size_t len = 1000000;
	char *data = malloc(len);
	ck_assert_ptr_nonnull(data);
	memset(data, 'a', len);
	static const char expect[] =
		"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
	/* Odd chunk sizes put block boundaries everywhere inside a chunk. */
	static const size_t chunks[] = { 1, 3, 7, 63, 65, 127, 1000, 4099, 1000000 };
	for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
		char hex[SHA256_HEX_SIZE];
		hash_chunks(data, len, chunks[i], hex);
		ck_assert_msg(strcmp(hex, expect) == 0, "chunk %zu: %s", chunks[i], hex);
	}
	free(data);
}
END_TEST

/* Lengths around the padding boundary (55/56 bytes fit one or two final
 * blocks); expected values from sha256sum. */
START_TEST(test_sha256_padding_lengths)
{
	static const struct { size_t len; const char *hex; } cases[] = {
		{ 55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072" },
		{ 56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e" },
		{ 63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2" },
		{ 64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c" },
		{ 65, "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9" },
		{ 119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c" },
		{ 120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98" },
	};
	char data[120];
	memset(data, 'x', sizeof data);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char hex[SHA256_HEX_SIZE];
		sha256_data_hex(data, cases[i].len, hex);
		ck_assert_msg(strcmp(hex, cases[i].hex) == 0, "len %zu", cases[i].len);
	}
}
END_TEST

extern Suite *sha256_suite(void);
Suite *sha256_suite(void)
{
	Suite *s = suite_create("sha256");
	TCase *tc = tcase_create("vectors");
	tcase_add_test(tc, test_sha256_empty);
	tcase_add_test(tc, test_sha256_abc);
	tcase_add_test(tc, test_sha256_448_bits);
	tcase_add_test(tc, test_sha256_896_bits);
	tcase_add_test(tc, test_sha256_million_a);
	tcase_add_test(tc, test_sha256_padding_lengths);
	suite_add_tcase(s, tc);
	return s;
}
