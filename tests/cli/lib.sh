# Helpers for the command-line tests: each tests/cli/t_*.sh is sourced by
# run.sh in a fresh temporary folder with $DIDAT (the binary) and
# DIDAT_DB=$PWD/test.db.  Assertions count passes and failures; a failure
# prints what was run and what came back.

OUT=out.txt
ERR=err.txt

_fail() {
	FAILED=$((FAILED + 1))
	printf 'FAIL %s: %s\n' "$TEST_FILE" "$*" >&2
	if [ -s "$ERR" ]; then sed 's/^/    stderr: /' "$ERR" | head -5 >&2; fi
}
_pass() { PASSED=$((PASSED + 1)); }

# didat ARGS...: runs the program, output into $OUT and $ERR, status in $STATUS.
didat() {
	"$DIDAT" "$@" >"$OUT" 2>"$ERR" </dev/null
	STATUS=$?
}

# expect_status N ARGS...: runs didat ARGS and expects exit status N.
expect_status() {
	want=$1
	shift
	didat "$@"
	if [ "$STATUS" = "$want" ]; then _pass; else _fail "didat $* exited $STATUS, expected $want"; fi
}

# run_ok ARGS...: expects exit status 0.
run_ok() { expect_status 0 "$@"; }

# db_sum: a checksum of the database file and of any leftover journal.
db_sum() {
	cat "$DIDAT_DB" "$DIDAT_DB-wal" "$DIDAT_DB-journal" 2>/dev/null | sha256sum | cut -d' ' -f1
}

# refused N ARGS...: expects exit status N and the database byte-for-byte unchanged.
refused() {
	want=$1
	shift
	before=$(db_sum)
	expect_status "$want" "$@"
	after=$(db_sum)
	if [ "$before" = "$after" ]; then _pass; else _fail "didat $* changed the database"; fi
	if [ -s "$ERR" ]; then _pass; else _fail "didat $* gave no message on stderr"; fi
}

# out_has TEXT / err_has TEXT / out_lacks TEXT: fixed-string checks.
out_has() { if grep -qF -- "$1" "$OUT"; then _pass; else _fail "stdout lacks '$1'"; fi; }
err_has() { if grep -qF -- "$1" "$ERR"; then _pass; else _fail "stderr lacks '$1'"; fi; }
out_lacks() { if grep -qF -- "$1" "$OUT"; then _fail "stdout has '$1'"; else _pass; fi; }

# out_is TEXT: stdout is exactly TEXT (plus the final newline).
out_is() {
	got=$(cat "$OUT")
	if [ "$got" = "$1" ]; then _pass; else _fail "stdout is '$got', expected '$1'"; fi
}

# same A B: two values are equal.
same() {
	if [ "$1" = "$2" ]; then _pass; else _fail "${3:-values differ}: '$1' != '$2'"; fi
}

# sql QUERY: runs a read-only query on the database.
sql() { sqlite3 -readonly "$DIDAT_DB" "$1"; }
