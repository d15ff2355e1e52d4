#!/bin/sh
# Runs every tests/cli/t_*.sh against the built binary ($DIDAT) and ends
# with the line "N passed, N failed".  No test sleeps.
here=$(cd "$(dirname "$0")" && pwd)
: "${DIDAT:?set DIDAT to the didat binary}"
PASSED=0
FAILED=0
for file in "$here"/t_*.sh; do
	tmp=$(mktemp -d)
	counts=$(
		cd "$tmp" || exit 1
		export DIDAT DIDAT_DB="$tmp/test.db" DIDAT_CODER=tester HOME="$tmp" XDG_DATA_HOME="$tmp/xdg"
		PASSED=0
		FAILED=0
		TEST_FILE=$(basename "$file")
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
echo "cli: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
