#!/usr/bin/env bash
# Checks the command-line contract of the `tag` example: JSON Lines on standard output,
# errors that name the file on standard error with a non-zero exit, several files tagged in
# one run. Run from the repository root after `cargo build --release --example tag`.
set -uo pipefail
tag=target/release/examples/tag
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

printf 'قصفت «قسد» مواقع لـ«داعش» بديرالزور\n' >"$dir/a.txt"
printf 'وصلت تعزيزات إلى حمص\n' >"$dir/b.txt"
printf 'حمص \xff\xfe حلب\n' >"$dir/bad.txt"

# One file: three matches, no "file" field, spans on the file's bytes.
out=$("$tag" "$dir/a.txt") || fail "tag a.txt exited with $?"
[ "$(printf '%s\n' "$out" | grep -c '"id"')" = 3 ] || fail "a.txt: expected 3 matches, got: $out"
printf '%s\n' "$out" | grep -q '"file"' && fail "a single file's matches carry a file field"
printf '%s\n' "$out" | head -1 | grep -q '^{"start":11,"end":17,"text":"قسد","id":"sdf"' ||
  fail "a.txt: first match is not قسد at 11..17: $out"

# Standard input, and "-", give the same output as the file.
[ "$("$tag" <"$dir/a.txt")" = "$out" ] || fail "stdin output differs from the file's"
[ "$("$tag" - <"$dir/a.txt")" = "$out" ] || fail "'-' output differs from the file's"

# Several files: every match names its file, in the order given.
out=$("$tag" "$dir/a.txt" "$dir/b.txt") || fail "tag a.txt b.txt exited with $?"
[ "$(printf '%s\n' "$out" | grep -c "^{\"file\":\"$dir/a.txt\",")" = 3 ] || fail "a.txt lines: $out"
[ "$(printf '%s\n' "$out" | grep -c "^{\"file\":\"$dir/b.txt\",")" = 1 ] || fail "b.txt lines: $out"

# Invalid UTF-8: a message naming the file and the byte offset, non-zero exit, no output.
if out=$("$tag" "$dir/bad.txt" 2>"$dir/err"); then fail "invalid UTF-8 exited 0"; fi
[ -z "$out" ] || fail "invalid UTF-8 printed matches: $out"
grep -q "$dir/bad.txt: invalid UTF-8 at byte offset 7" "$dir/err" || fail "message: $(cat "$dir/err")"

# A missing file among good ones: the good ones are tagged, the error names the file, and
# the exit status is non-zero.
if out=$("$tag" "$dir/a.txt" "$dir/missing.txt" "$dir/b.txt" 2>"$dir/err"); then
  fail "a missing file exited 0"
fi
[ "$(printf '%s\n' "$out" | grep -c '"id"')" = 4 ] || fail "the other files were not all tagged: $out"
grep -q "$dir/missing.txt: " "$dir/err" || fail "message does not name the file: $(cat "$dir/err")"

# An unknown option is an error, not a file name.
if "$tag" --no-such-option </dev/null >/dev/null 2>&1; then fail "an unknown option exited 0"; fi

if [ "$fails" -gt 0 ]; then
  echo "$fails CLI check(s) failed" >&2
  exit 1
fi
echo "CLI checks passed"
