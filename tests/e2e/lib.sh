# Helpers for the end-to-end tests (sourced after tests/cli/lib.sh, whose
# didat/run_ok/out_has/... check the stored data through the command line).
# Every tmux call goes to this test's own server ($TMUX_SOCKET).

tm() { tmux -L "$TMUX_SOCKET" "$@"; }

# start NAME COLSxLINES ARGS...: runs didat ARGS in a new window NAME
# ($START_ENV: more NAME=VALUE words for its environment).
start() {
	name=$1
	size=$2
	shift 2
	cmd="env TERM=tmux-256color LANG=${LANG:-de_DE.UTF-8} DIDAT_DB=$DIDAT_DB DIDAT_CODER=tester ${START_ENV:-} $DIDAT $*"
	if tm has-session -t e2e 2>/dev/null; then
		tm new-window -t e2e -n "$name" "$cmd; sleep 30"
	else
		tm new-session -d -s e2e -n "$name" -x "${size%x*}" -y "${size#*x}" "$cmd; sleep 30"
	fi
	tm set-option -t e2e remain-on-exit on >/dev/null 2>&1
}

# keys NAME KEY...: tmux key names (Enter, Escape, F2, Up, C-r) or text.
keys() {
	name=$1
	shift
	tm send-keys -t "e2e:$name" "$@"
}

# type NAME TEXT: types TEXT literally (umlauts and quotes as they are).
type_text() { tm send-keys -t "e2e:$1" -l "$2"; }

screen() { tm capture-pane -p -t "e2e:$1"; }

# wait_for NAME TEXT [SECONDS]: waits until TEXT is on the screen of NAME
# (5 s at most: the program answers in milliseconds; tmux needs a moment).
wait_for() {
	name=$1
	text=$2
	tries=$(( ${3:-5} * 10 ))
	while [ "$tries" -gt 0 ]; do
		if screen "$name" | grep -qF -- "$text"; then
			_pass
			return 0
		fi
		sleep 0.1
		tries=$((tries - 1))
	done
	_fail "screen of $name never showed '$text'"
	screen "$name" | sed 's/^/    | /' >&2
	return 1
}

# gone NAME TEXT: TEXT is not on the screen (after a short settle).
gone() {
	name=$1
	text=$2
	tries=30
	while [ "$tries" -gt 0 ]; do
		if ! screen "$name" | grep -qF -- "$text"; then
			_pass
			return 0
		fi
		sleep 0.1
		tries=$((tries - 1))
	done
	_fail "screen of $name still shows '$text'"
	return 1
}

# didat_pid NAME: the process id of the program in window NAME.
didat_pid() { pgrep -P "$(tm display-message -p -t "e2e:$1" '#{pane_pid}')" -x didat; }

# wait_exit NAME: the program in window NAME ends within 5 s (a sanitiser
# build takes a moment to check for leaks on the way out).
wait_exit() {
	tries=50
	while [ "$tries" -gt 0 ]; do
		if [ -z "$(didat_pid "$1")" ]; then
			_pass
			return 0
		fi
		sleep 0.1
		tries=$((tries - 1))
	done
	_fail "didat in window $1 is still running"
}

resize() { tm resize-window -t "e2e:$1" -x "${2%x*}" -y "${2#*x}"; }

# sql_value SQL: one value from the database (sqlite3, read only).
sql_value() { sqlite3 -readonly "$DIDAT_DB" "$1"; }

# is NAME ACTUAL EXPECTED
is() {
	if [ "$2" = "$3" ]; then _pass; else _fail "$1: got '$2', expected '$3'"; fi
}

# shot NAME FILE: saves the screen of NAME with its colours (capture-pane
# -e) as $ARTEFACTS/FILE.ansi, for the review; `cat` shows it in a terminal.
shot() {
	[ -n "${ARTEFACTS:-}" ] || return 0
	tm capture-pane -e -p -t "e2e:$1" >"$ARTEFACTS/$2.ansi"
}
