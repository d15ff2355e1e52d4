# Untrusted text never reaches the terminal raw: names, dates, memos and
# document texts that hold ESC (a terminal's command start, here the
# sequence that clears the screen) or the C1 control CSI come out as ^[
# and <9B>, in every command that shows them.  The dates of `sessions` and
# `docs` went out raw once.

ESC=$(printf '\033')
CSI=$(printf '\302\233')
CLEAR="${ESC}[2J"

# raw_free WHAT: neither stdout nor stderr holds ESC or CSI
raw_free() {
	if grep -q "$ESC" "$OUT" "$ERR" || grep -q "$CSI" "$OUT" "$ERR"; then
		_fail "$1 wrote a control character raw: $(od -c "$OUT" | grep -m1 '033\|302 233')"
	else
		_pass
	fi
}

run_ok new "Titel ${CLEAR}" --date "${CLEAR}2026" --place "Ort ${CSI}"
out_id
S=$ID
run_ok add component $S "Komponente ${CLEAR}"
run_ok add unseen $S "Unseen ${CLEAR}" --description "Text ${CSI}"
out_id
U=$ID
run_ok add code $S "Code ${CLEAR}" --definition "Definition ${CSI}"
printf 'Zeile eins %s\nZeile zwei %s\n' "$CLEAR" "$CSI" > doc.txt
run_ok import-doc $S doc.txt --title "Dokument ${CLEAR}" --date "${CLEAR}1.3." \
	--participants "Frau ${CSI}"
out_id
D=$ID
run_ok doc $S "$D" --memo "Memo ${CLEAR}"
run_ok code $S "$D" 1-2 "unseen:$U" --coder "anna${CLEAR}" --memo "Kodiermemo ${CSI}"
out_id
K=$ID
run_ok codebook $S memo "Code ${CLEAR}" "Codememo ${CLEAR}"

for cmd in "sessions" "docs $S" "doc $S $D" "coding $S $K" "codebook $S" \
	"codes $S" "codes $S --by document" "codes $S --by coder" "show $S" "list unseen $S" \
	"log $S" "search $S Zeile"; do
	# shellcheck disable=SC2086
	run_ok $cmd
	raw_free "$cmd"
done
run_ok codebook $S show "Code ${CLEAR}"
raw_free "codebook show"

# what is shown instead: the visible form, in its column
run_ok sessions
out_has "^[[2J2026"
run_ok docs $S
out_has "^[[2J1.3."
run_ok doc $S "$D"
out_has "Datum:        ^[[2J1.3."
out_has "Teilnehmende: Frau <9B>"

# a message quoting a name does the same
refused 2 codebook $S rename "Code ${CLEAR}" "a/b"
raw_free "a refused rename"
err_has "Code ^[[2J"
