# Bad databases: not SQLite, another program's, a newer version, read-only,
# locked.  Each is refused with exit 2 and a message, and left unchanged.

# file_sum FILE: checksum of FILE and of any journal beside it
file_sum() { cat "$1" "$1-wal" "$1-journal" 2>/dev/null | sha256sum | cut -d' ' -f1; }

# not a SQLite database
printf 'hello' > bad.db
cp bad.db bad.orig
for cmd in sessions "new X" "show 1" "demo"; do
	# shellcheck disable=SC2086
	expect_status 2 --db bad.db $cmd
	if [ -s "$ERR" ]; then _pass; else _fail "no message for $cmd on bad.db"; fi
	files_same bad.orig bad.db "bad.db unchanged by $cmd"
done
err_has "bad.db"
same "$(ls bad.db*)" "bad.db" "nothing created beside bad.db"

# a longer file that is not a database either
awk 'BEGIN { for (i = 0; i < 500; i++) print "Zeile " i }' > text.db
cp text.db text.orig
expect_status 2 --db text.db sessions
files_same text.orig text.db "text.db unchanged"

# the SQLite database of another program
sqlite3 other.db 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
cp other.db other.orig
expect_status 2 --db other.db sessions
err_has "other.db"
files_same other.orig other.db "other.db unchanged by sessions"
expect_status 2 --db other.db new X
files_same other.orig other.db "other.db unchanged by new"
expect_status 2 --db other.db demo
files_same other.orig other.db "other.db unchanged by demo"
same "$(ls other.db*)" "other.db" "nothing created beside other.db"

# a database from a newer version
run_ok --db newer.db new "Zukunft"
sqlite3 newer.db 'PRAGMA user_version = 99'
cp newer.db newer.orig
expect_status 2 --db newer.db sessions
err_has "neueren"
err_has "99"
files_same newer.orig newer.db "newer.db unchanged by sessions"
expect_status 2 --db newer.db new X
err_has "neueren"
files_same newer.orig newer.db "newer.db unchanged by new"
expect_status 2 --db newer.db show 1
files_same newer.orig newer.db "newer.db unchanged by show"

# an empty file is a new, empty database: usable
: > empty.db
run_ok --db empty.db new "Aus leer"
out_id

# --db naming a folder, or a file in a missing folder
mkdir folder.db
expect_status 2 --db folder.db sessions
if [ -s "$ERR" ]; then _pass; else _fail "no message for a folder as database"; fi
expect_status 2 --db missing/dir/x.db sessions
if [ -e missing ]; then _fail "--db created a missing folder"; else _pass; fi

# ---- read-only databases ----------------------------------------------
# As root, chmod does not stop writes; the commands then run as nobody
# (setpriv), when that works, or the part is skipped.
ro_run=
if [ "$(id -u)" != 0 ]; then
	ro_run=direct
elif command -v setpriv >/dev/null 2>&1 &&
	setpriv --reuid=65534 --regid=65534 --clear-groups "$DIDAT" --version >/dev/null 2>&1; then
	ro_run=nobody
	chmod 0711 .
fi

# ro_didat DB ARGS...: didat on a read-only DB as the user who cannot write it
ro_didat() {
	ro_db=$1
	shift
	if [ "$ro_run" = nobody ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups env DIDAT_CODER=tester \
			"$DIDAT" --db "$ro_db" "$@" >"$OUT" 2>"$ERR" </dev/null
	else
		"$DIDAT" --db "$ro_db" "$@" >"$OUT" 2>"$ERR" </dev/null
	fi
	STATUS=$?
}

# ro_checks DB WHERE: reading works, writing is refused, the bytes stay
ro_checks() {
	before=$(file_sum "$1")
	for cmd in "sessions" "show 1" "export hinge 1" "export report 1" "export matrix 1" "export dot 1" \
		"analyse 1" "docs 1" "codes 1" "list unseen 1" "log 1" "codebook 1" "codebook 1 show Daten" \
		"coding 1 1" "doc 1 1" "codes 1 --by document" "codes 1 --by coder" "export codes 1"; do
		# shellcheck disable=SC2086
		ro_didat "$1" $cmd
		same "$STATUS" 0 "read-only database ($2): '$cmd' exits 0 ($(head -c 160 "$ERR"))"
	done
	ro_didat "$1" show 1
	if grep -q "Demo" "$OUT"; then _pass; else _fail "read-only database ($2): show prints the session"; fi
	for cmd in "new X" "add unseen 1 U" "impact 1 1 2 3" "delete 1 --yes" "demo" "duplicate 1" \
		"edit unseen 1 1 --votes 3" "remove unseen 1 1" "code 1 1 1 1" "import-doc 1 ro_doc.txt" \
		"undo 1" "redo 1" "codebook 1 rename Daten X" "codebook 1 move Daten/Zugang /" \
		"codebook 1 merge Daten/Zugang Daten" "codebook 1 delete Daten --yes" \
		"codebook 1 define Daten X" "codebook 1 colour Daten red" "codebook 1 memo Daten X" \
		"coding 1 1 --memo X" "coding 1 1 --lines 1-2" "coding 1 1 --delete --force" "doc 1 1 --title X" \
		"doc 1 1 --kind draft" "add code 1 X" "import-csv 1 codes ro_codes.csv"; do
		# shellcheck disable=SC2086
		ro_didat "$1" $cmd
		same "$STATUS" 2 "read-only database ($2): '$cmd' exits 2"
		if grep -q . "$ERR"; then _pass; else _fail "read-only database ($2): no message for '$cmd'"; fi
	done
	for cmd in "new X" "undo 1" "redo 1" "codebook 1 merge Daten/Zugang Daten" "coding 1 1 --delete --force" \
		"doc 1 1 --title X"; do
		# shellcheck disable=SC2086
		ro_didat "$1" $cmd
		if grep -q "nur lesbar" "$ERR"; then _pass; else _fail "read-only database ($2): '$cmd' says read-only: $(head -c 160 "$ERR")"; fi
	done
	same "$(file_sum "$1")" "$before" "read-only database ($2) unchanged"
}

if [ -n "$ro_run" ]; then
	printf 'ein Dokument\n' > ro_doc.txt
	printf 'path\nNeu\n' > ro_codes.csv
	chmod 0644 ro_doc.txt ro_codes.csv
	# a read-only file in a folder the user may write to
	mkdir ro_file
	run_ok --db ro_file/demo.db demo
	chmod 0444 ro_file/demo.db
	if [ "$ro_run" = nobody ]; then chown 65534 ro_file; fi
	ro_checks ro_file/demo.db "read-only file"
	# a read-only file in a read-only folder (a stick, a colleague's share)
	mkdir ro_dir
	run_ok --db ro_dir/demo.db demo
	chmod 0444 ro_dir/demo.db
	chmod 0555 ro_dir
	ro_checks ro_dir/demo.db "read-only folder"
	same "$(ls ro_dir)" "demo.db" "nothing created in the read-only folder"
	chmod 0755 ro_dir ro_file
else
	skip "running as root without setpriv: the read-only database is not tested"
fi

# ---- a locked database --------------------------------------------------
# Another process holds a write lock; the fifo pair lets the test wait for
# it without sleeping.
run_ok new "Gesperrt"
out_id
run_ok add variable "$ID" A
run_ok add variable "$ID" B
LOCKED=$ID
run_ok add code $LOCKED Daten
run_ok add code $LOCKED Zugang --parent Daten
printf 'eins\nzwei\n' > locked.txt
run_ok import-doc $LOCKED locked.txt
out_id
LDOC=$ID
run_ok code $LOCKED "$LDOC" 1-2 Daten/Zugang
out_id
LCODING=$ID
run_ok add variable $LOCKED C
run_ok undo $LOCKED
mkfifo lock_in lock_out
sqlite3 "$DIDAT_DB" <lock_in >lock_out 2>&1 &
lock_pid=$!
exec 7>lock_in
exec 8<lock_out
before=$(db_sum)
echo "BEGIN EXCLUSIVE; SELECT 'gesperrt';" >&7
read -r answer <&8
same "$answer" gesperrt "the other process holds the lock"
DIDAT_ENV="DIDAT_BUSY_TIMEOUT_MS=100"
for cmd in "new X" "add unseen $LOCKED U" "impact $LOCKED A B 2" "delete $LOCKED --yes" \
	"undo $LOCKED" "redo $LOCKED" "codebook $LOCKED rename Daten X" "codebook $LOCKED move Daten/Zugang /" \
	"codebook $LOCKED merge Daten/Zugang Daten" "codebook $LOCKED delete Daten --yes" \
	"codebook $LOCKED define Daten X" "codebook $LOCKED colour Daten red" "codebook $LOCKED memo Daten X" \
	"coding $LOCKED $LCODING --memo X" "coding $LOCKED $LCODING --delete" "doc $LOCKED $LDOC --title X" \
	"add code $LOCKED X"; do
	# shellcheck disable=SC2086
	expect_status 2 $cmd
	err_has "gesperrt"
	out_empty
done
# reading goes on beside the lock
for cmd in "codebook $LOCKED" "coding $LOCKED $LCODING" "doc $LOCKED $LDOC" "codes $LOCKED --by coder"; do
	# shellcheck disable=SC2086
	run_ok $cmd
done
DIDAT_ENV=
echo "COMMIT;" >&7
exec 7>&-
wait "$lock_pid"
exec 8<&-
same "$(db_sum)" "$before" "the locked database is unchanged"
sql_is "SELECT count(*) FROM session WHERE id > $LOCKED" 0 "no session was created under the lock"
run_ok impact "$LOCKED" A B 2
