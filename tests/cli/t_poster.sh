# export poster: a page per step as SVG, HTML or PDF, chosen by the file's
# ending.  Runs on a copy of the demo, so that ids differ from numbers.

# py_checks: runs python3 on stdin with the arguments; each line it prints
# is "PASS text" or "FAIL text" and counts as one assertion.
py_checks() {
	python3 - "$@" > py.txt 2> py_err.txt
	if [ -s py_err.txt ]; then _fail "python: $(head -c 300 py_err.txt)"; fi
	while IFS= read -r line; do
		case $line in
		PASS*) _pass ;;
		*) _fail "${line#FAIL }" ;;
		esac
	done < py.txt
}

# no_file PATH: nothing was left at PATH.
no_file() { if [ -e "$1" ]; then _fail "$1 was left behind"; else _pass; fi; }

# pages FILE: the pages of a stacked SVG poster.
pages() { grep -o '<svg x="0"' "$1" | wc -l | tr -d ' '; }

run_ok demo
out_id
DEMO=$ID
run_ok duplicate $DEMO "Poster „Kopie“"
out_id
S=$ID

# standard output: SVG
run_ok export poster $S
out_matches '^<\?xml version="1.0" encoding="UTF-8"\?>'
out_has '<svg xmlns="http://www.w3.org/2000/svg" width="420mm"'
out_has 'font-family="DejaVu Sans, sans-serif"'

run_ok export poster $S -o poster.svg
err_has "poster.svg"
if xmllint --noout poster.svg 2>xmllint.txt; then _pass; else _fail "poster.svg: $(head -c 200 xmllint.txt)"; fi
N=$(pages poster.svg)
if [ "$N" -ge 5 ]; then _pass; else _fail "poster.svg has $N pages"; fi
OUT=poster.svg
out_has 'viewBox="0 0 420 297"'
out_has "Poster „Kopie“"
out_has "2026-03-05 · Kassel, Seminarraum der Hochschule"
for heading in "1 Leitfrage und Systemgrenzen" "2 Unseens" "3 Systemmodell" "4 Ziele" \
	"5 Maßnahmen" Leitfrage Systemgrenzen "Systemgrenze innen" Komponenten Punkte \
	Verletzlichkeit Einflussmatrix Ziele Zielkonflikte Maßnahmenbündel SoRO-Aussagen \
	reaktiv kritisch puffernd aktiv "Aktivsumme (AS)" "Passivsumme (PS)" "Seite 1 von $N"; do
	out_has ">$heading<"
done
OUT=out.txt

# a title with an escape sequence, and enough unseens for a second page
run_ok add unseen $S "$(printf 'Gefahr\033[31m rot')" --votes 3
i=1
while [ $i -le 40 ]; do
	didat add unseen $S "Zusätzliches Unseen Nr. $i mit „Anführungszeichen“ & <Zeichen>" --votes $((i % 7))
	i=$((i + 1))
done
run_ok add measure $S "Eine Maßnahme ohne Akteursgruppe" --priority 2 --horizon long
run_ok export poster $S -o poster.svg
if xmllint --noout poster.svg 2>xmllint.txt; then _pass; else _fail "poster.svg: $(head -c 200 xmllint.txt)"; fi
ESC=$(printf '\033')
if grep -q "$ESC" poster.svg; then _fail "ESC reached the SVG raw"; else _pass; fi
OUT=poster.svg
out_has 'Gefahr␛[31m rot'
out_has '&amp; &lt;Zeichen&gt;'
out_has '>2 Unseens (Fortsetzung)<'
OUT=out.txt

run_ok list unseen $S
cp "$OUT" unseens.tsv
run_ok list measure $S
cp "$OUT" measures.tsv

# every unseen once on the unseen pages, the votes in descending order;
# every measure in the column of its actor group
py_checks poster.svg unseens.tsv measures.tsv <<'EOF'
import re, sys, xml.etree.ElementTree as ET
NS = '{http://www.w3.org/2000/svg}'
svg, unseens, measures = sys.argv[1:4]
def rows(path):
    lines = open(path, encoding='utf-8').read().split('\n')[1:]
    return [l.split('\t') for l in lines if l]
root = ET.parse(svg).getroot()
pages = []
for page in root.findall(NS + 'svg'):
    texts = [t for t in page.iter(NS + 'text')]
    step = [t.text for t in texts if t.get('font-size') == '10.00'][0]
    pages.append((step, texts))
# a word cut at a line's end gets a hyphen: compared without hyphens
squeeze = lambda s: ''.join((s or '').split()).replace('-', '')
def show(s):
    # `list` shows ESC as ^[, the poster as its control picture
    return re.sub(r'\^([@-_])', lambda m: chr(0x2400 + ord(m.group(1)) - 0x40), s)
unseen_pages = [t for step, t in pages if step.startswith('2 Unseens')]
print('PASS' if len(unseen_pages) >= 2 else 'FAIL unseens on %d pages' % len(unseen_pages))
joined = ''.join(squeeze(t.text) for texts in unseen_pages for t in texts)
us = rows(unseens)
for u in us:
    n = joined.count(squeeze(show(u[1])))
    print('PASS' if n == 1 else 'FAIL unseen %r found %d times' % (u[1], n))
votes = [t.text for texts in unseen_pages for t in texts
         if t.get('font-weight') == 'bold' and t.get('font-size') == '5.50' and float(t.get('x')) >= 250]
want = sorted((int(u[8]) for u in us), reverse=True)
print('PASS' if votes == [str(v) for v in want] else 'FAIL votes %r, expected %r' % (votes, want))
board = [t for step, t in pages if step.startswith('5 Ma')]
columns = {}
for texts in board:
    heads = {t.get('x'): t.text for t in texts if t.get('font-size') == '7.00' and len(t.text) == 1}
    for t in texts:
        if t.get('x') in heads and t.get('font-size') == '5.00':
            columns.setdefault(heads[t.get('x')], []).append(squeeze(t.text))
columns = {k: ''.join(v) for k, v in columns.items()}
ms = rows(measures)
for m in ms:
    letter = m[2] or '–'
    found = [k for k, v in columns.items() if squeeze(m[1]) in v]
    print('PASS' if found == [letter] else 'FAIL measure %r in columns %r, not %r' % (m[1], found, letter))
print('PASS' if len(ms) == 17 else 'FAIL %d measures' % len(ms))
EOF

# HTML: the same pages inline, with print CSS for A3
run_ok export poster $S -o poster.html
OUT=poster.html
out_matches '^<!DOCTYPE html>'
out_has '@page { size: A3 landscape'
out_has 'break-after: page'
out_has '<section class="page"><svg xmlns="http://www.w3.org/2000/svg" width="420mm" height="297mm"'
out_has '>2 Unseens (Fortsetzung)<'
OUT=out.txt
same "$(grep -o '<section class="page">' poster.html | wc -l | tr -d ' ')" "$(pages poster.svg)" "HTML sections = SVG pages"
if xmllint --noout poster.html 2>/dev/null; then _pass; else _fail "poster.html is not well-formed"; fi
run_ok export poster $S -o POSTER.HTM
if [ -s POSTER.HTM ]; then _pass; else _fail "POSTER.HTM not written"; fi

# PDF: rsvg-convert joins the pages
mkdir tmp
DIDAT_ENV="TMPDIR=$PWD/tmp"
run_ok export poster $S -o poster.pdf
DIDAT_ENV=
same "$(head -c 5 poster.pdf)" "%PDF-" "poster.pdf is a PDF"
same "$(grep -acE '/Type ?/Page([^s]|$)' poster.pdf)" "$(pages poster.svg)" "PDF pages = SVG pages"
same "$(ls tmp | wc -l | tr -d ' ')" 0 "no temporary folder left"

# without rsvg-convert, or when it fails: a message naming it, no file
mkdir norsvg fakersvg
DIDAT_ENV="PATH=$PWD/norsvg TMPDIR=$PWD/tmp"
refused 2 export poster $S -o missing.pdf
DIDAT_ENV=
err_has "rsvg-convert"
no_file missing.pdf
printf '#!/bin/sh\necho "kaputt: $1" >&2\nexit 3\n' > fakersvg/rsvg-convert
chmod +x fakersvg/rsvg-convert
DIDAT_ENV="PATH=$PWD/fakersvg TMPDIR=$PWD/tmp"
refused 2 export poster $S -o failed.pdf
DIDAT_ENV=
err_has "rsvg-convert"
err_has "kaputt: -f"
no_file failed.pdf
same "$(ls tmp | wc -l | tr -d ' ')" 0 "no temporary folder left after a failure"

# an ending the poster is not written as: a usage error naming the file
refused 1 export poster $S -o poster.png
err_has "poster.png"
err_has ".svg .html .htm .pdf"
no_file poster.png
refused 1 export poster $S -o poster
no_file poster
# a folder that does not exist: the file is named
refused 2 export poster $S -o nowhere/poster.svg
err_has "nowhere/poster.svg"
no_file nowhere

# an empty session: a page per step all the same
run_ok new "Leer"
out_id
run_ok export poster $ID -o leer.svg
same "$(pages leer.svg)" 5 "an empty session has five pages"
if xmllint --noout leer.svg 2>/dev/null; then _pass; else _fail "leer.svg is not well-formed"; fi
