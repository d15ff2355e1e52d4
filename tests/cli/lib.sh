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
# $DIDAT_ENV, when set, holds NAME=VALUE words (no spaces) for its environment.
didat() {
	if [ -n "${DIDAT_ENV:-}" ]; then
		env $DIDAT_ENV "$DIDAT" "$@" >"$OUT" 2>"$ERR" </dev/null
	else
		"$DIDAT" "$@" >"$OUT" 2>"$ERR" </dev/null
	fi
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
err_lacks() { if grep -qF -- "$1" "$ERR"; then _fail "stderr has '$1'"; else _pass; fi; }

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

# out_id: stdout is one line holding an id (digits) and nothing else; the id
# goes into $ID (empty when it is not one).
out_id() {
	ID=$(cat "$OUT")
	case $ID in
	'' | *[!0-9]*) _fail "didat printed '$ID', not an id alone"; ID= ;;
	*) _pass ;;
	esac
}

# sql_is QUERY EXPECTED [MSG]: the query's result is EXPECTED.
sql_is() { same "$(sql "$1")" "$2" "${3:-$1}"; }

# out_matches REGEX / err_matches REGEX: extended-regex checks.
out_matches() { if grep -qE -- "$1" "$OUT"; then _pass; else _fail "stdout does not match '$1'"; fi; }
err_matches() { if grep -qE -- "$1" "$ERR"; then _pass; else _fail "stderr does not match '$1'"; fi; }

# out_empty: nothing on stdout.
out_empty() { if [ -s "$OUT" ]; then _fail "stdout is not empty: $(head -c 200 "$OUT")"; else _pass; fi; }

# files_same A B MSG: two files are byte-for-byte equal.
files_same() {
	if cmp -s "$1" "$2"; then _pass; else _fail "${3:-files differ}: $1 and $2 differ"; fi
}

# skip MSG: a test that cannot run here; a note on stderr, counted as
# neither passed nor failed.
skip() { printf 'SKIP %s: %s\n' "$TEST_FILE" "$*" >&2; }

# counts SESSION: one line "table=n" per table with a session_id column
# (the change log aside) plus the rows of the tables that hang off them,
# so that two sessions can be compared.
counts() {
	sql "SELECT 'session=' || count(*) FROM session WHERE id = $1;
	SELECT 'component=' || count(*) FROM component WHERE session_id = $1;
	SELECT 'stakeholder=' || count(*) FROM stakeholder WHERE session_id = $1;
	SELECT 'actor=' || count(*) FROM actor WHERE session_id = $1;
	SELECT 'unseen=' || count(*) FROM unseen WHERE session_id = $1;
	SELECT 'variable=' || count(*) FROM variable WHERE session_id = $1;
	SELECT 'goal=' || count(*) FROM goal WHERE session_id = $1;
	SELECT 'conflict=' || count(*) FROM conflict WHERE session_id = $1;
	SELECT 'measure=' || count(*) FROM measure WHERE session_id = $1;
	SELECT 'soro=' || count(*) FROM soro WHERE session_id = $1;
	SELECT 'document=' || count(*) FROM document WHERE session_id = $1;
	SELECT 'code=' || count(*) FROM code WHERE session_id = $1;
	SELECT 'coding=' || count(*) FROM coding WHERE session_id = $1;
	SELECT 'unseen_stakeholder=' || count(*) FROM unseen_stakeholder x JOIN unseen u ON u.id = x.unseen_id WHERE u.session_id = $1;
	SELECT 'impact=' || count(*) FROM impact x JOIN variable v ON v.id = x.from_id WHERE v.session_id = $1;
	SELECT 'impact_sum=' || coalesce(sum(strength), 0) FROM impact x JOIN variable v ON v.id = x.from_id WHERE v.session_id = $1;
	SELECT 'goal_unseen=' || count(*) FROM goal_unseen x JOIN goal g ON g.id = x.goal_id WHERE g.session_id = $1;
	SELECT 'measure_goal=' || count(*) FROM measure_goal x JOIN measure m ON m.id = x.measure_id WHERE m.session_id = $1;
	SELECT 'soro_unseen=' || count(*) FROM soro_unseen x JOIN soro s ON s.id = x.soro_id WHERE s.session_id = $1;
	SELECT 'soro_goal=' || count(*) FROM soro_goal x JOIN soro s ON s.id = x.soro_id WHERE s.session_id = $1;
	SELECT 'soro_measure=' || count(*) FROM soro_measure x JOIN soro s ON s.id = x.soro_id WHERE s.session_id = $1;
	SELECT 'line=' || count(*) FROM line x JOIN document d ON d.id = x.document_id WHERE d.session_id = $1;
	SELECT 'line_chars=' || coalesce(sum(length(x.text)), 0) FROM line x JOIN document d ON d.id = x.document_id WHERE d.session_id = $1;"
}
