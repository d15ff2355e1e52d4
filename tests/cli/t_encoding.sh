# Texts on the command line must be UTF-8, the one encoding the database
# holds: a Latin-1 "ü" (from a script that read a Windows file, or a
# terminal set to ISO-8859-1) is refused with exit 2, a message naming
# the field and the byte, and the database as it was.  Such bytes used to
# go in as they were and came out broken in every CSV export.

LATIN1=$(printf 'M\374ller')   # "Müller" in ISO-8859-1: byte 2 is no UTF-8
run_ok new "Kodierung"
out_id
S=$ID
run_ok add unseen $S "Datenabfluss"
out_id
U=$ID
run_ok add variable $S A
run_ok add variable $S B
run_ok add code $S Daten
cp "$FIXTURES/protokoll.txt" .
run_ok import-doc $S protokoll.txt
out_id
D=$ID
run_ok code $S "$D" 1-2 Daten
out_id
K=$ID

# refused NAME ARGS...: exit 2, the database unchanged, the message names
# NAME and the first bad byte
bad_text() {
	what=$1
	shift
	refused 2 "$@"
	err_has "$what"
	err_has "kein gültiges UTF-8 (Byte 2)"
}

bad_text "Unseen: Titel" add unseen $S "$LATIN1"
bad_text "--description: Unseen: Beschreibung" edit unseen $S $U --description "$LATIN1"
bad_text "Sitzung: Titel" new "$LATIN1"
bad_text "Sitzung: Titel" duplicate $S "$LATIN1"
bad_text "Code: Name" add code $S "$LATIN1"
bad_text "Code \"Neu\": Definition" add code $S Neu --definition "$LATIN1"
bad_text "der neue Name" codebook $S rename Daten "$LATIN1"
bad_text "Definition" codebook $S define Daten "$LATIN1"
bad_text "Memo" codebook $S memo Daten "$LATIN1"
bad_text "--participants" doc $S "$D" --participants "$LATIN1"
bad_text "--title" doc $S "$D" --title "$LATIN1"
bad_text "--title" import-doc $S protokoll.txt --title "$LATIN1"
bad_text "Kodierung $K: Memo" coding $S "$K" --memo "$LATIN1"
bad_text "Kodierung: Memo" code $S "$D" 3 Daten --memo "$LATIN1"
bad_text "Kodierer" code $S "$D" 3 Daten --coder "$LATIN1"
bad_text "Notiz" impact $S A B 2 --note "$LATIN1"

# the same text in UTF-8 is welcome everywhere
UTF8="Müller"
run_ok edit unseen $S $U --description "$UTF8"
run_ok codebook $S memo Daten "$UTF8"
run_ok doc $S "$D" --participants "$UTF8"
run_ok coding $S "$K" --memo "$UTF8"
run_ok code $S "$D" 3 Daten --coder "$UTF8"
run_ok impact $S A B 2 --note "$UTF8"
sql_is "SELECT count(*) FROM coder WHERE name = 'Müller'" 1
