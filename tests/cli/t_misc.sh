# --help, --version, usage errors, demo, log, and where the database lives.

# --help lists every command; --version names the program (and neither
# creates a database)
DIDAT_DB=$PWD/not-created.db
run_ok --help
for c in sessions new show duplicate delete add edit remove list impact import-doc docs code codes export analyse import-csv log demo; do
	if grep -qE "^  $c( |$)" "$OUT"; then _pass; else _fail "--help lacks the command $c"; fi
done
out_has "--db"
run_ok -h
run_ok --version
out_matches '^didat [0-9]+\.[0-9]+'
same "$(wc -l < "$OUT")" 1 "--version prints one line"
if [ -e "$DIDAT_DB" ]; then _fail "--help or --version created the database"; else _pass; fi
DIDAT_DB=$PWD/test.db

# unknown commands and options: exit 1, a message and a hint to --help
expect_status 1 frobnicate 1
err_has "frobnicate"
err_has "--help"
expect_status 1 --bogus sessions
err_has "--bogus"
err_has "--help"
expect_status 1 sessions --bogus
err_has "--bogus"
refused 1 new "X" --bogus 1
refused 1 add unseen 1 "X" --nope 1

# no command and no terminal: the full-screen interface says it needs one
expect_status 2
err_has "Terminal"
expect_status 2 1

# demo: an id alone; sessions lists it; it has real content
run_ok demo
out_id
DEMO=$ID
run_ok sessions
out_has "Demo"
same "$(awk -v id="$DEMO" '$1 == id' "$OUT" | wc -l)" 1 "sessions lists the demo"
sql_is "SELECT count(*) >= 8 FROM unseen WHERE session_id = $DEMO" 1 "eight or more unseens"
sql_is "SELECT count(*) >= 8 FROM variable WHERE session_id = $DEMO" 1 "eight or more variables"
sql_is "SELECT count(*) FROM component WHERE session_id = $DEMO" 6 "six components"
sql_is "SELECT count(*) FROM conflict WHERE session_id = $DEMO" 2 "two goal conflicts"
sql_is "SELECT count(DISTINCT a.letter) FROM measure m JOIN actor a ON a.id = m.actor_id WHERE m.session_id = $DEMO" 7 "measures for A-G"
sql_is "SELECT count(*) FROM document WHERE session_id = $DEMO" 2 "two sample documents"
sql_is "SELECT count(*) >= 10 FROM coding WHERE session_id = $DEMO" 1 "ten or more codings"
sql_is "SELECT count(*) > 0 FROM line l JOIN document d ON d.id = l.document_id WHERE d.session_id = $DEMO AND l.text LIKE '%ß%'" 1 "sample minutes with ß"
sql_is "SELECT count(*) > 0 FROM line l JOIN document d ON d.id = l.document_id WHERE d.session_id = $DEMO AND l.text LIKE '%„%'" 1 "sample minutes with „quotes“"
run_ok demo
out_id
same "$ID" "$((DEMO + 1))" "a second demo is a new session"

# log: insert, update and delete rows for the changes made
run_ok new "Protokolliert"
out_id
L=$ID
run_ok add unseen $L "Etwas Neues"
out_id
U=$ID
run_ok edit unseen $L "$U" --votes 4
run_ok remove unseen $L "$U"
run_ok log $L
cp "$OUT" log.txt
same "$(awk -F'\t' '$6 == "unseen" { print $5 }' log.txt | tr '\n' ' ')" "insert update delete " "log rows for the unseen"
same "$(awk -F'\t' '$6 == "unseen" && $5 == "update" { print $4 }' log.txt)" tester "the log names who"
if awk -F'\t' '$6 == "unseen" && $5 == "update"' log.txt | grep -q '"votes":4'; then _pass; else _fail "the update row shows the new value"; fi
if grep -q "Etwas Neues" log.txt; then _pass; else _fail "the log shows the unseen's title"; fi
FIRST=$(head -n 1 log.txt | cut -f1)
run_ok log $L --since "$FIRST"
same "$(wc -l < "$OUT")" "$(($(wc -l < log.txt) - 1))" "log --since leaves out the earlier change"
sql_is "SELECT count(*) FROM changelog WHERE session_id = $L AND tbl = 'unseen'" 3
refused 2 log 99
refused 2 log $L --since x

# the default database: $XDG_DATA_HOME/didat/didat.db, its folder created
unset DIDAT_DB
XDG_DATA_HOME=$PWD/xdg
export XDG_DATA_HOME
run_ok new "Standardort"
out_id
if [ -f "$PWD/xdg/didat/didat.db" ]; then _pass; else _fail "no database at \$XDG_DATA_HOME/didat/didat.db"; fi
same "$(sqlite3 -readonly "$PWD/xdg/didat/didat.db" "SELECT title FROM session")" "Standardort" "the new session is in the default database"
run_ok sessions
out_has "Standardort"
# without XDG_DATA_HOME: ~/.local/share/didat/didat.db
unset XDG_DATA_HOME
HOME=$PWD/home
export HOME
mkdir home
run_ok new "Im Home"
if [ -f "$PWD/home/.local/share/didat/didat.db" ]; then _pass; else _fail "no database at ~/.local/share/didat/didat.db"; fi

# DIDAT_DB chooses another; --db overrides DIDAT_DB
DIDAT_DB=$PWD/env.db
export DIDAT_DB
run_ok new "Aus der Umgebung"
if [ -f env.db ]; then _pass; else _fail "DIDAT_DB not used"; fi
run_ok --db "$PWD/option.db" new "Aus der Option"
out_id
same "$(sqlite3 -readonly option.db "SELECT title FROM session")" "Aus der Option" "--db used"
same "$(sqlite3 -readonly env.db "SELECT group_concat(title) FROM session")" "Aus der Umgebung" "--db overrides DIDAT_DB"
run_ok --db=option2.db new "Mit Gleichheitszeichen"
if [ -f option2.db ]; then _pass; else _fail "--db=FILE not used"; fi
DIDAT_DB=$PWD/test.db
