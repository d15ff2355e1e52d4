#!/bin/sh
# Runs every tests/e2e/t_*.sh: the real program in tmux, driven as a
# person drives it (send-keys), checked on the screen (capture-pane) and
# in the database (the command line).  Each test gets a fresh folder and
# its own tmux server, so a test never sees another's windows.  Ends with
# "e2e: N passed, N failed".  Screenshots that tests save with `shot` go
# to build/e2e-artefacts ($E2E_ARTEFACTS).
here=$(cd "$(dirname "$0")" && pwd)
: "${DIDAT:?set DIDAT to the didat binary}"
command -v tmux >/dev/null || { echo "e2e: tmux is missing (make deps installs it)"; exit 1; }
# Screenshots (capture-pane -e, with colours) for the review: kept here.
ARTEFACTS=${E2E_ARTEFACTS:-$(cd "$here/../.." && pwd)/build/e2e-artefacts}
mkdir -p "$ARTEFACTS"
PASSED=0
FAILED=0
for file in "$here"/t_*.sh; do
	tmp=$(mktemp -d)
	socket="didat-e2e-$$-$(basename "$file" .sh)"
	counts=$(
		cd "$tmp" || exit 1
		export LANG=de_DE.UTF-8; unset LC_ALL LANGUAGE LC_MESSAGES
		export DIDAT DIDAT_DB="$tmp/test.db" DIDAT_CODER=tester HOME="$tmp" XDG_DATA_HOME="$tmp/xdg"
		export TMUX_SOCKET="$socket" ARTEFACTS
		unset TMUX NO_COLOR
		PASSED=0
		FAILED=0
		TEST_FILE=$(basename "$file")
		. "$here/../cli/lib.sh"
		. "$here/lib.sh"
		. "$file"
		echo "$PASSED $FAILED"
	)
	# The test's windows go with its server, whatever the test did.
	tmux -L "$socket" kill-server 2>/dev/null
	rm -rf "$tmp"
	set -- $counts
	PASSED=$((PASSED + ${1:-0}))
	FAILED=$((FAILED + ${2:-1}))
done
echo "e2e: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
