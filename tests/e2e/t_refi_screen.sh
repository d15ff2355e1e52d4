# REFI-QDA on the screen: the document list imports a .qdc into the
# codebook (R), the browser a .qdpx as a new session (R), with the
# command line's messages; a broken file changes nothing.

run_ok new "Vorher"
run_ok demo
out_id
DEMO=$ID
run_ok export qdc $DEMO -o demo.qdc
run_ok export qdpx $DEMO -o demo.qdpx
run_ok new "Leer"
out_id
S=$ID
printf 'kein zip' > kaputt.qdpx
CODES=$(grep -c '<Code ' demo.qdc)

start main 120x35 $S
wait_for main "1 Leitfrage"
keys main 6
wait_for main "Dokumente (0)"
keys main R
wait_for main "REFI-QDA-Codebuch importieren"
type_text main "demo.qdc"
keys main Enter
wait_for main "demo.qdc: Sitzung $S: $CODES Codes, 0 Quellen, 0 Kodierungen"
is "the codebook" "$(sql_value "SELECT count(*) FROM code WHERE session_id = $S")" "$CODES"
# the browser: the project as a new session; then a broken one
keys main q
wait_for main "Sitzungen (3)"
keys main R
wait_for main "REFI-QDA-Projekt importieren"
type_text main "demo.qdpx"
keys main Enter
wait_for main "Sitzungen (4)"
NEW=$(sql_value "SELECT max(id) FROM session")
wait_for main "demo.qdpx: Sitzung $NEW:"
is "its codings" "$(sql_value "SELECT count(*) FROM coding WHERE session_id = $NEW")" \
	"$(sql_value "SELECT count(*) FROM coding WHERE session_id = $DEMO")"
keys main R
wait_for main "REFI-QDA-Projekt importieren"
type_text main "kaputt.qdpx"
keys main Enter
wait_for main "kaputt.qdpx: kein REFI-QDA-Projekt"
is "nothing imported" "$(sql_value "SELECT count(*) FROM session")" 4
keys main q

# a zip is never written to a terminal
start tty 100x10 export qdpx $DEMO
wait_for tty "export qdpx ist ein Zip, kein Text fürs Terminal"
