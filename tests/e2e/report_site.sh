# Sourced by the report suites (report_browser.sh, report_validate.sh): writes the report of
# examples/ into OUT/site with the server $CLAIMLS_BIN (else target/debug/claimls), listing
# the pages written in OUT/written.txt. Expects `root` (the repository) and `set -e`.
write_report_site() {
  local out=$1
  bin="${CLAIMLS_BIN:-$root/target/debug/claimls}"
  if [ ! -x "$bin" ]; then
    echo "no claimls binary at $bin (cargo build first)" >&2
    exit 1
  fi
  rm -rf "$out"
  mkdir -p "$out"
  "$bin" report examples -o "$out/site" > "$out/written.txt"
}
