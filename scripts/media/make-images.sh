#!/usr/bin/env bash
# Rasterizes the hand-written SVG illustrations in scripts/media/src/ with headless Chromium,
# then encodes each to JPEG + WebP at 1200x800 and 480x320 (3:2) in mocks/public/media/:
#   <name>-1200.jpg  <name>-1200.webp  <name>-480.jpg  <name>-480.webp
# Quality is stepped down until each file fits its budget (≤ 60 KB full size, ≤ 15 KB thumbnail).
# Idempotent: re-running overwrites the outputs. Usage: scripts/media/make-images.sh [name ...]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SRC="$ROOT/scripts/media/src"
OUT="$ROOT/mocks/public/media"
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
W=1200; H=800; TW=480; TH=320
MAX_FULL=$((60*1024)); MAX_THUMB=$((15*1024))
NAMES=("$@")
[ ${#NAMES[@]} -gt 0 ] || NAMES=(li-shangfu-oath moscow-meeting community-garden night-train-1 night-train-2 night-train-3)

[ -n "$CHROMIUM" ] || { echo "chromium not found" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "ffmpeg not found" >&2; exit 1; }
ENCODERS="$(ffmpeg -hide_banner -encoders 2>/dev/null || true)"
HAVE_WEBP=0; grep -q ' libwebp ' <<<"$ENCODERS" && HAVE_WEBP=1
mkdir -p "$OUT"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT

render() { # $1 svg, $2 png
  local html="$TMP/wrap.html"
  printf '<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;overflow:hidden;background:#fff}img{display:block;width:%spx;height:%spx}</style></head><body><img src="file://%s"></body></html>\n' "$W" "$H" "$1" > "$html"
  rm -f "$2"
  timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$TMP/profile" --screenshot="$2" --window-size="$W,$H" "file://$html" >/dev/null 2>&1 || true
  [ -s "$2" ] || { echo "chromium failed to render $1" >&2; exit 1; }
}

size() { stat -c %s "$1"; }

encode_jpg() { # $1 png, $2 out, $3 width, $4 height, $5 max bytes
  local q
  for q in 3 4 5 6 7 8 9 10 12 14 16 18 20 24; do
    ffmpeg -hide_banner -loglevel error -y -i "$1" -vf "scale=$3:$4:flags=lanczos,format=yuvj420p" \
      -q:v "$q" -frames:v 1 "$2"
    [ "$(size "$2")" -le "$5" ] && { echo "q=$q"; return; }
  done
  echo "q=$q (over budget!)"
}

encode_webp() { # $1 png, $2 out, $3 width, $4 height, $5 max bytes
  local q
  for q in 82 76 70 64 58 52 46 40 34; do
    ffmpeg -hide_banner -loglevel error -y -i "$1" -vf "scale=$3:$4:flags=lanczos" \
      -c:v libwebp -quality "$q" -compression_level 6 -frames:v 1 "$2"
    [ "$(size "$2")" -le "$5" ] && { echo "quality=$q"; return; }
  done
  echo "quality=$q (over budget!)"
}

fail=0
for name in "${NAMES[@]}"; do
  svg="$SRC/$name.svg"
  [ -f "$svg" ] || { echo "missing $svg" >&2; exit 1; }
  png="$TMP/$name.png"
  render "$svg" "$png"
  for spec in "1200 $W $H $MAX_FULL" "480 $TW $TH $MAX_THUMB"; do
    read -r tag w h max <<<"$spec"
    exts=(jpg); [ "$HAVE_WEBP" = 1 ] && exts+=(webp)
    for ext in "${exts[@]}"; do
      out="$OUT/$name-$tag.$ext"
      if [ "$ext" = jpg ]; then how=$(encode_jpg "$png" "$out" "$w" "$h" "$max")
      else how=$(encode_webp "$png" "$out" "$w" "$h" "$max"); fi
      dims=$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=s=x:p=0 "$out")
      s=$(size "$out"); ok=OK
      { [ "$s" -le "$max" ] && [ "$dims" = "${w}x${h}" ]; } || { ok=FAIL; fail=1; }
      printf '%-30s %-9s %7s bytes  %-14s %s\n' "$(basename "$out")" "$dims" "$s" "$how" "$ok"
    done
  done
done
[ "$HAVE_WEBP" = 1 ] || echo "(ffmpeg has no libwebp; .webp files were not produced)"
[ "$fail" = 0 ] || { echo "IMAGE CHECKS FAILED" >&2; exit 1; }
echo "all image checks passed"
