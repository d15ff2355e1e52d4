# The interface language follows the locale: English under en_US.UTF-8
# (and under LANGUAGE=en), German under de_DE.UTF-8, for every kind of
# output a command gives: help, listings, the report, the analysis,
# refusals.  The session's own content is English here, so that any
# German in the output is the program's.

# german_free FILE WHAT: FILE holds no German of the program's.
german_free() {
	if grep -nE '[äöüÄÖÜß„]|\b(und|der|die|das|nicht|keine?|Sitzung|Eintrag|Datei|Zeile|Spalte|Kodierung|Ziele?|Maßnahme|unbekannt|gefunden|fehlt|Aufruf|Hilfe|Einträge|bewertet)\b' "$1" >german.txt; then
		_fail "$2: German in English output: $(head -n 3 german.txt | tr '\n' ' ')"
	else
		_pass
	fi
}

# en ARGS...: didat under an English locale; the output is checked.
en() {
	DIDAT_ENV="LANG=en_US.UTF-8 LANGUAGE="
	didat "$@"
	DIDAT_ENV=
	german_free "$OUT" "stdout of didat $*"
	german_free "$ERR" "stderr of didat $*"
}

en --help
same "$STATUS" 0 "--help in English"
out_has "didat"
en new "Language workshop" --question "How do small firms keep control of their data?"
same "$STATUS" 0 "new in English"
out_id
S=$ID
en add component $S "Platforms" --question "Who owns the data?"
en add stakeholder $S "Universities" --kind science
en add unseen $S "Lock-in" --component 1 --likelihood 4 --impact 5 --adaptive-capacity 2 \
	--stakeholder Universities
en add variable $S "Trust" --short T
en add variable $S "Cost" --short C
en impact $S T C 2
en add goal $S "Firms can switch providers" --component 1 --unseen Lock-in
en add measure $S "Open interfaces" --actor A --horizon short --priority 1 --goal 1
en add soro $S "Platforms serve firms" --component 1
for kind in component stakeholder unseen variable goal measure soro actor conflict; do
	en list $kind $S
done
en show $S
en sessions
en analyse $S
en export report $S
en codes $S
en log $S
en undo $S
en redo $S
printf 'First line\nSecond line\nThird line\n' > minutes.txt
en import-doc $S minutes.txt --title "Minutes one"
same "$STATUS" 0 "import-doc in English"
out_id
D=$ID
en code $S $D 1-2 Lock-in
en docs $S
en codes $S --by coder
en search $S line

# refusals: each names what is wrong, in English
en list aliens $S
same "$STATUS" 1 "unknown kind refused"
en add unseen $S "Bad" --likelihood 9
same "$STATUS" 2 "rating out of range refused"
en show 999
same "$STATUS" 2 "unknown session refused"
en import-doc $S missing.txt
same "$STATUS" 2 "missing file refused"
printf 'Gr\366\337e\n' > latin1.txt
en import-doc $S latin1.txt --title "Latin-1" --encoding utf-8
printf 'title,colour\nDrift,red\n' > unknown-column.csv
en import-csv $S unseens unknown-column.csv
same "$STATUS" 2 "unknown CSV column refused"
en code $S $D 7-9 Lock-in
same "$STATUS" 2 "coding past the end refused"
# the coding and codebook refusals, the reader's model and undo
en code $S $D 1-2 Lock-in
same "$STATUS" 2 "the same coding twice refused"
err_has "already coded"
en code $S $D 3-1 Lock-in
same "$STATUS" 2 "a backwards range refused"
en code $S $D "x-y" Lock-in
same "$STATUS" 2 "a range that is none refused"
en code $S Nosuchdoc 1 Lock-in
same "$STATUS" 2 "unknown document refused"
en add code $S "Data"
en add code $S "Data/Ownership"
en codebook $S move Data Data/Ownership
same "$STATUS" 2 "a code moved below itself refused"
en codebook $S merge Data Data
same "$STATUS" 2 "a code merged with itself refused"
en codebook $S rename Lock-in "Other"
same "$STATUS" 2 "an item code renamed refused"
en codebook $S colour Data mauve
same "$STATUS" 2 "a colour that is none refused"
en analyse $S --format csv
en export roles $S
same "$STATUS" 1 "unknown export refused"
en doc $S $D --kind memo
same "$STATUS" 2 "unknown document kind refused"
printf 'not a database at all\n' > plain.db
en --db plain.db sessions
same "$STATUS" 2 "a file that is no database refused"
err_has "not an SQLite database"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do en undo $S; done
same "$STATUS" 2 "undo past the beginning refused"

# a word that is no command is taken for a session to open
en nosuchcommand
same "$STATUS" 2 "unknown session word refused"

# LANGUAGE alone switches the language, as in every gettext program
DIDAT_ENV="LANG=de_DE.UTF-8 LANGUAGE=en"
didat --help
DIDAT_ENV=
german_free "$OUT" "--help under LANGUAGE=en"

# and German under a German locale: the interface its users know
didat --help
out_has "Aufruf: didat"
didat list aliens $S
err_has "unbekannte Art"

# numbers a person reads follow LC_NUMERIC; CSV keeps the point
DIDAT_ENV="LANG=en_US.UTF-8"
didat export report $S
DIDAT_ENV=
cp "$OUT" report.en
didat export report $S
cp "$OUT" report.de
if grep -qE '[0-9]\.[0-9]' report.en && ! grep -qE 'V[0-9]+\.[0-9]' report.de; then _pass; else _fail "decimal mark follows the locale in the report"; fi
DIDAT_ENV="LANG=de_DE.UTF-8"
didat analyse $S --format csv
DIDAT_ENV=
if grep -qE '[0-9],[0-9]{6}' "$OUT"; then _fail "analyse CSV has a decimal comma"; else _pass; fi
