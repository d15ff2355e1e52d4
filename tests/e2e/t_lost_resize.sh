# A resize whose SIGWINCH never reaches the program (CI lost one while
# the screen was being set up): the program follows the terminal's size
# all the same, within a tick, and draws the whole screen at the new size.
# The signal is blocked for the program (the mask is inherited over exec).

run_ok demo
cat >nowinch <<'SH'
#!/bin/sh
exec perl -MPOSIX -MConfig -e '
	my %num; @num{split " ", $Config{sig_name}} = split " ", $Config{sig_num};
	sigprocmask(SIG_BLOCK, POSIX::SigSet->new($num{WINCH})) or die "sigprocmask: $!";
	exec @ARGV or die "exec: $!"' "$@"
SH
chmod +x nowinch
real=$DIDAT
DIDAT="./nowinch $real"

start w 120x35 1
wait_for w "Leitfrage (L):"
resize w 80x24
# the key bar is on the last line again, and nothing is wider than 80
wait_for_line() {
	tries=50
	while [ "$tries" -gt 0 ]; do
		if screen w | sed -n 24p | grep -qF -- "$1"; then
			_pass
			return 0
		fi
		sleep 0.1
		tries=$((tries - 1))
	done
	_fail "line 24 of w never showed '$1'"
	screen w | sed 's/^/    | /' >&2
}
wait_for_line "? Hilfe · q"
keys w 2
wait_for w "Unseens ("
keys w F10
wait_exit w
DIDAT=$real
