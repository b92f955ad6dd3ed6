#!/usr/bin/env bash
# Measures the release WASM (raw, gzip, brotli as served) and the bytes a first visit
# transfers for the public pages. Needs `make build` first. Figures go to BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/test-server.sh

PKG="$LEPTOS_SITE_ROOT/pkg"
echo "Release bundle ($PKG):"
for file in siap-jepang.wasm siap-jepang.js siap-jepang.css; do
  raw=$(stat -c %s "$PKG/$file")
  gz=$(gzip -9 -c "$PKG/$file" | wc -c)
  br=$(curl -s -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "$BASE_URL/pkg/$file")
  printf '  %-18s raw %8d B   gzip -9 %8d B   served br %8d B\n' "$file" "$raw" "$gz" "$br"
done

node benches/page-weight.mjs / /masuk /aktivasi
echo
echo "Signed in as the demo trainee:"
LOGIN='0812-1111-2026:belajar-nihongo-rajin' node benches/page-weight.mjs /jadwal /profil /kehadiran /izin /kesiapan-saya
echo
echo "Signed in as the demo coordinator:"
LOGIN='koordinator@siapjepang.id:bunga-sakura-mekar' node benches/page-weight.mjs /angkatan /kalender /libur /peserta /peserta/impor /kehadiran /izin/tinjau /kesiapan /kesiapan/aturan
echo
echo "Signed in as the demo instructor:"
LOGIN='sensei@siapjepang.id:kereta-shinkansen' node benches/page-weight.mjs /kehadiran
