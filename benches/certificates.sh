#!/usr/bin/env bash
# Certificates for a 40-trainee cohort, with the release build, against the floor:
#  1. `certificates issue --cohort CODE` (40 numbered in one transaction), alone and with
#     `--output DIR` (plus 40 PDFs written), wall time and peak RSS;
#  2. served: the cohort's print file (40 pages in one PDF) and one certificate's PDF, as
#     its coordinator (curl, 5 rounds each), beside the anonymous sign-in page (the
#     floor) and the public verification page, each with wrk for 5 s.
#
#   benches/certificates.sh [BINARY]   (default: the `make build` binary)
#
# Uses a copy of the site-scale SQLite file of benches/floor.sh (made on first use): its
# largest finished cohort (40 trainees, every one marked completed here), BBPLK Serang's
# signatory and patterns set here. Needs wrk, curl and pdfinfo (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-${CARGO_TARGET_DIR:-$HOME/.cache/siap-jepang/target}/release/siap-jepang}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
WORK=$(mktemp -d /tmp/siap-certificates.XXXXXX)
trap '[ -z "${pid:-}" ] || kill "$pid" 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p /tmp/siap-floor
[ -f /tmp/siap-floor/site.db ] || DATABASE_URL="sqlite:///tmp/siap-floor/site.db?mode=rwc" "$BIN" seed --scale site >/dev/null

prepare() { # $1: database file → prints the cohort code
  rm -f "$1" "$1-wal" "$1-shm" # a stale WAL beside a fresh copy would be replayed into it
  cp /tmp/siap-floor/site.db "$1"
  DATABASE_URL="sqlite://$1?mode=rwc" "$BIN" migrate up >/dev/null
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
site = db.execute("SELECT id FROM sites WHERE code = 'BBPLK-SRG'").fetchone()[0]
db.execute("DELETE FROM document_settings WHERE site_id = ?", (site,))
db.execute("""INSERT INTO document_settings (site_id, signatory_name, signatory_position,
  certificate_pattern, letter_pattern, updated_at)
  VALUES (?, 'Ir. Hendra Kusuma, M.M.', 'Kepala BBPLK Serang',
  '{seq}/SJ/{site}/{month_roman}/{year}', '{seq}/SK/{site}/{month_roman}/{year}', '2026-12-07 00:00:00+00:00')""", (site,))
cohort, code = db.execute("""SELECT c.id, c.code FROM cohorts c JOIN enrollments e ON e.cohort_id = c.id
  WHERE c.status = 'completed' AND c.site_id = ? GROUP BY c.id ORDER BY COUNT(*) DESC, c.id LIMIT 1""", (site,)).fetchone()
db.execute("UPDATE enrollments SET status = 'completed', left_on = COALESCE(left_on, (SELECT ends_on FROM cohorts WHERE id = ?)) WHERE cohort_id = ?", (cohort, cohort))
db.commit()
print(code)
PY
}

echo "## Issuing (release build, SQLite)"
echo
echo "| run | trainees | wall | peak RSS |"
echo "|---|---:|---:|---:|"
for round in 1 2 3; do
  code=$(prepare "$WORK/issue.db")
  out=$( { /usr/bin/time -f '%e %M' env DATABASE_URL="sqlite://$WORK/issue.db?mode=rwc" "$BIN" certificates issue --cohort "$code" >"$WORK/numbers.txt"; } 2>&1 | tail -1)
  echo "| issue only, round $round | $(wc -l <"$WORK/numbers.txt") | ${out% *} s | ${out#* } kB |"
  code=$(prepare "$WORK/issue.db")
  rm -rf "$WORK/pdfs"
  out=$( { /usr/bin/time -f '%e %M' env DATABASE_URL="sqlite://$WORK/issue.db?mode=rwc" "$BIN" certificates issue --cohort "$code" --output "$WORK/pdfs" >/dev/null; } 2>&1 | tail -1)
  echo "| issue + 40 PDFs, round $round | $(ls "$WORK/pdfs" | wc -l) | ${out% *} s | ${out#* } kB |"
done
echo
echo "One PDF: $(du -k "$(ls -S "$WORK"/pdfs/*.pdf | head -1)" | cut -f1) kB at most ($(du -ck "$WORK"/pdfs/*.pdf | tail -1 | cut -f1) kB for all)."
echo

PORT=${PORT:-3911}
export DATABASE_URL="sqlite://$WORK/issue.db?mode=rwc" VERIFY_REQUESTS_PER_MINUTE=100000000
LEPTOS_SITE_ADDR=127.0.0.1:$PORT "$BIN" serve >"$WORK/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/masuk" && break; sleep 0.1; done
read -r cohort_id doc_code doc_id login < <(python3 - "$WORK/issue.db" "$code" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
cohort = db.execute("SELECT id FROM cohorts WHERE code = ?", (sys.argv[2],)).fetchone()[0]
doc, code = db.execute("SELECT id, code FROM issued_documents WHERE cohort_id = ? ORDER BY id LIMIT 1", (cohort,)).fetchone()
login = db.execute("""SELECT u.email FROM users u JOIN user_sites s ON s.user_id = u.id
  JOIN cohorts c ON c.site_id = s.site_id WHERE c.id = ? AND u.role = 'coordinator' LIMIT 1""", (cohort,)).fetchone()[0]
print(cohort, code, doc, login)
PY
)
jar="$WORK/cookies"
curl -fs -o /dev/null -c "$jar" -H "Origin: http://127.0.0.1:$PORT" -H 'Accept: text/html' \
  --data-urlencode "login=$login" --data-urlencode "password=latihan-beban-nasional" "http://127.0.0.1:$PORT/api/accounts/sign-in"
echo "## Served (coordinator signed in; 5 requests each, seconds)"
echo
echo "| what | requests | mean | slowest | pages | size |"
echo "|---|---:|---:|---:|---:|---:|"
for what in "print file (40 pages)|/angkatan/$cohort_id/sertifikat/cetak" "one certificate|/sertifikat/$doc_id/pdf"; do
  path=${what#*|}
  times=$(for _ in 1 2 3 4 5; do curl -fs -b "$jar" -o "$WORK/out.pdf" -w '%{time_total}\n' "http://127.0.0.1:$PORT$path"; done)
  pages=$(pdfinfo "$WORK/out.pdf" | awk '/^Pages:/{print $2}')
  echo "| ${what%%|*} | 5 | $(awk '{s+=$1} END {printf "%.3f", s/NR}' <<<"$times") | $(sort -n <<<"$times" | tail -1) | $pages | $(du -k "$WORK/out.pdf" | cut -f1) kB |"
done
echo
echo "## Against the floor (wrk -t1 -c32 -d5s, anonymous)"
echo
echo "| page | req/s | latency p50 | p99 |"
echo "|---|---:|---:|---:|"
printed=$(python3 -c "import sys; c=sys.argv[1]; print('-'.join(c[i:i+4] for i in range(0, len(c), 4)))" "$doc_code")
for page in "/masuk" "/verifikasi/$printed"; do
  wrk -t1 -c32 -d1s "http://127.0.0.1:$PORT$page" >/dev/null
  out=$(wrk -t1 -c32 -d5s --latency "http://127.0.0.1:$PORT$page")
  echo "| \`${page%%/verifikasi/*}${page#/masuk}\` | $(awk '/Requests\/sec/{printf "%d", $2}' <<<"$out") | $(awk '$1=="50%"{print $2}' <<<"$out") | $(awk '$1=="99%"{print $2}' <<<"$out") |"
done
