#!/usr/bin/env bash
# Generates the sample news clip served by the mock API:
#   mocks/public/media/russians-defect.{webm,mp4,vtt} + russians-defect-poster.{jpg,webp}
# The clip is an obviously-synthetic placeholder (the original news video is not available).
# Exactly 112.0 s (1:52), 426x240 @ 12 fps, soft 220 Hz tone. Idempotent: re-running overwrites.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/mocks/public/media"
NAME="russians-defect"
DUR=112          # seconds — must stay 112.0 (1:52)
FPS=12
W=426; H=240
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
FONTB=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
TITLE="Russians defect to Ukraine to fight invasion"

command -v ffmpeg >/dev/null || { echo "ffmpeg not found" >&2; exit 1; }
[ -f "$FONT" ] && [ -f "$FONTB" ] || { echo "DejaVu fonts not found" >&2; exit 1; }
mkdir -p "$OUT"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT

# --- video filter graph -------------------------------------------------------
# Background: slowly shifting muted blue/slate gradient; two soft translucent discs drift
# across it; lower-third band with title, "Sample clip" label and running timecode.
disc() { # $1 = size, $2 = colour expression for lum-ish tint (r,g,b)
  echo "color=c=$2:s=${1}x${1}:r=$FPS:d=$DUR,format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='clip(110*(1-hypot(X-W/2,Y-H/2)/(W/2)),0,110)'"
}
FG="gradients=s=${W}x${H}:r=$FPS:d=$DUR:c0=0x1d2b44:c1=0x3b4f6e:c2=0x5a4a63:c3=0x243a4a:nb_colors=4:speed=0.004:type=linear,format=rgba[bg];
$(disc 160 0x8fb3d9)[d1];
$(disc 110 0xd9b38f)[d2];
color=c=white@0.85:s=${W}x3:r=$FPS:d=$DUR,format=rgba[bar];
[bg][d1]overlay=x='(W-w)/2+150*sin(2*PI*t/56)':y='40+30*cos(2*PI*t/37)':shortest=1[b1];
[b1][d2]overlay=x='(W-w)/2-130*sin(2*PI*t/44+1)':y='70+35*sin(2*PI*t/29)':shortest=1,
drawbox=x=0:y=ih-66:w=iw:h=66:color=black@0.55:t=fill,
drawbox=x=0:y=ih-3:w=iw:h=3:color=white@0.15:t=fill,
drawbox=x=12:y=12:w=96:h=20:color=0xc0392b@0.9:t=fill,
drawtext=fontfile=$FONTB:text='SAMPLE CLIP':fontsize=11:fontcolor=white:x=19:y=17,
drawtext=fontfile=$FONTB:text='$TITLE':fontsize=14:fontcolor=white:x=12:y=h-56,
drawtext=fontfile=$FONT:text='Placeholder video — original footage not available':fontsize=10:fontcolor=white@0.8:x=12:y=h-34,
drawtext=fontfile=$FONT:text='%{eif\\:floor(t/60)\\:d\\:2}\\:%{eif\\:mod(floor(t)\\,60)\\:d\\:2} / 01\\:52':fontsize=11:fontcolor=white@0.9:x=w-tw-12:y=h-20[b2];
[b2][bar]overlay=x='-W+W*t/$DUR':y=H-3:shortest=1,format=yuv420p[v]"

# Audio: very quiet 220 Hz tone with 3 s fade in/out (mono).
AF="sine=frequency=220:sample_rate=48000:duration=$DUR,volume=0.05,afade=t=in:d=3,afade=t=out:st=$((DUR-3)):d=3"

echo "== encoding $NAME.webm (VP9 + Opus)"
ffmpeg -hide_banner -loglevel error -y -filter_complex "$FG;$AF,asetnsamples=n=960:p=0[a]" -map '[v]' -map '[a]' \
  -t $DUR -c:v libvpx-vp9 -b:v 0 -crf 45 -row-mt 1 -deadline good -cpu-used 2 -g $((FPS*10)) \
  -c:a libopus -b:a 12k -ac 1 "$OUT/$NAME.webm"

echo "== encoding $NAME.mp4 (H.264 + AAC, faststart)"
ffmpeg -hide_banner -loglevel error -y -filter_complex "$FG;$AF,asetnsamples=n=1024:p=0[a]" -map '[v]' -map '[a]' \
  -t $DUR -c:v libx264 -preset slow -crf 32 -profile:v main -pix_fmt yuv420p -g $((FPS*10)) \
  -c:a aac -b:a 12k -ac 1 -ar 24000 -movflags +faststart "$OUT/$NAME.mp4"

echo "== poster frame"
# Poster: frame at 20 s, upscaled to 640x360 (same 16:9 aspect).
ffmpeg -hide_banner -loglevel error -y -filter_complex "$FG" -map '[v]' -ss 20 -frames:v 1 \
  -f image2 -update 1 "$TMP/poster.png"
ffmpeg -hide_banner -loglevel error -y -i "$TMP/poster.png" -vf scale=640:360:flags=lanczos \
  -q:v 5 "$OUT/$NAME-poster.jpg"
ENCODERS="$(ffmpeg -hide_banner -encoders 2>/dev/null || true)"
if grep -q ' libwebp ' <<<"$ENCODERS"; then
  ffmpeg -hide_banner -loglevel error -y -i "$TMP/poster.png" -vf scale=640:360:flags=lanczos \
    -c:v libwebp -quality 70 "$OUT/$NAME-poster.webp"
else
  echo "(libwebp not available; skipping poster .webp)"
fi

echo "== captions"
cat > "$OUT/$NAME.vtt" <<'VTT'
WEBVTT
Kind: captions
Language: en

NOTE
Captions for a synthetic sample clip. The original news video is not available.

1
00:00:00.000 --> 00:00:06.000
[Sample clip: the original news video is not available]

2
00:00:06.000 --> 00:00:14.000
[Soft tone plays quietly throughout]

3
00:00:14.000 --> 00:00:26.000
On screen: the title "Russians defect to Ukraine to fight invasion".

4
00:00:26.000 --> 00:00:38.000
[Slowly shifting blue and slate gradient background]

5
00:00:38.000 --> 00:00:50.000
[Two soft, translucent circles drift across the frame]

6
00:00:50.000 --> 00:01:02.000
A "Sample clip" label is shown in the top-left corner.

7
00:01:02.000 --> 00:01:14.000
[A running timecode counts toward 01:52 in the lower right]

8
00:01:14.000 --> 00:01:26.000
[No speech. This placeholder stands in for the news report.]

9
00:01:26.000 --> 00:01:38.000
[The progress bar along the bottom edge keeps filling]

10
00:01:38.000 --> 00:01:48.000
[Soft tone fades out]

11
00:01:48.000 --> 00:01:52.000
[End of sample clip]
VTT

echo "== checks"
fail=0
for f in "$NAME.webm" "$NAME.mp4"; do
  d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$OUT/$f")
  s=$(stat -c %s "$OUT/$f")
  ok=$(awk -v d="$d" -v s="$s" 'BEGIN{print ((d>=111.9 && d<=112.1 && s<1000000) ? "OK" : "FAIL")}')
  printf '%-28s duration=%ss size=%s bytes  %s\n' "$f" "$d" "$s" "$ok"
  [ "$ok" = OK ] || fail=1
done
for f in "$NAME-poster.jpg" "$NAME-poster.webp" "$NAME.vtt"; do
  [ -f "$OUT/$f" ] || continue
  dims=""
  case "$f" in *.vtt) head -1 "$OUT/$f" | grep -q '^WEBVTT' || fail=1 ;;
    *) dims=$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=s=x:p=0 "$OUT/$f") ;; esac
  printf '%-28s size=%s bytes %s\n' "$f" "$(stat -c %s "$OUT/$f")" "$dims"
done
[ "$fail" = 0 ] || { echo "CHECKS FAILED" >&2; exit 1; }
echo "all video checks passed"
