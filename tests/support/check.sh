# The shell tests' one assertion (sourced by tests/cli/cli_test.sh and tests/deploy/nginx_test.sh):
# `check NAME COMMAND...` runs the command, counts it in $passed or $failed, and on failure
# prints its name and output. Needs $tmp, a folder of the calling test.
passed=0
failed=0
check() {
  local name="$1"
  shift
  if "$@" >"$tmp/out" 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name"
    sed 's/^/    /' "$tmp/out"
  fi
}
