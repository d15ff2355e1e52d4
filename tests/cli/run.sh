#!/bin/sh
# Runs every tests/cli/t_*.sh against the built binary ($DIDAT) twice and
# ends with the line "N passed, N failed".  No test sleeps.
#
# The second pass starts each file on a database that already holds a
# session ("Vorlauf", a copy of the demo), so that every id the test
# creates differs from the numbers, letters and code ids it sees: a test
# that only works where ids equal numbers fails there, tagged [shifted].
# `run.sh tests/cli/t_FILE.sh ...` runs only those files.
here=$(cd "$(dirname "$0")" && pwd)
: "${DIDAT:?set DIDAT to the didat binary}"
files="$*"
[ -n "$files" ] || files=$(ls "$here"/t_*.sh)
PASSED=0
FAILED=0

# ballast: fills the low ids of every table with a session of its own
ballast() {
	"$DIDAT" demo >/dev/null && "$DIDAT" duplicate 1 Vorlauf >/dev/null &&
		"$DIDAT" delete 1 --yes >/dev/null
}

for pass in plain shifted; do
	for file in $files; do
		file=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")
		tmp=$(mktemp -d)
		counts=$(
			cd "$tmp" || exit 1
			export LANG=de_DE.UTF-8; unset LC_ALL LANGUAGE LC_MESSAGES
			export DIDAT DIDAT_DB="$tmp/test.db" DIDAT_CODER=tester HOME="$tmp" XDG_DATA_HOME="$tmp/xdg"
			PASSED=0
			FAILED=0
			TEST_FILE=$(basename "$file")
			if [ $pass = shifted ]; then
				ballast || { echo "0 1"; exit 0; }
				TEST_FILE="$TEST_FILE [shifted]"
			fi
			FIXTURES="$here/fixtures"
			. "$here/lib.sh"
			. "$file"
			echo "$PASSED $FAILED"
		)
		rm -rf "$tmp"
		set -- $counts
		PASSED=$((PASSED + ${1:-0}))
		FAILED=$((FAILED + ${2:-1}))
	done
done
echo "cli: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
