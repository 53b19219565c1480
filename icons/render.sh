#!/bin/sh
# Renders the PNG sizes a desktop needs from orrery.svg (needs rsvg-convert: apt-get install librsvg2-bin).
set -eu
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" orrery.svg -o "orrery-$s.png"
done
