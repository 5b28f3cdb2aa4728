#!/usr/bin/env bash
# bench/fuzz.sh TARGET SECONDS — fuzz one parser with AFL++ and SharpFuzz for a fixed budget (not run in CI).
# Targets: dicom-pdu dicom-dataset graphql-http websocket geojson shapefile plate (or "all", SECONDS each).
# Needs Debian afl++ (installed here on demand when run as root) and the sharpfuzz tool (installed under .data/fuzz).
# Output: .data/fuzz/TARGET/ (AFL's findings; crashes in default/crashes) and one summary line per target.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
TARGET="${1:?usage: bench/fuzz.sh TARGET|all SECONDS}"
SECONDS_BUDGET="${2:?usage: bench/fuzz.sh TARGET|all SECONDS}"
WORK="$ROOT/.data/fuzz"
OUT="$WORK/bin"
TOOLS="$WORK/tools"
SHARED="${CITYTWIN_SHARED:-$ROOT/../shared}"
TARGETS=(dicom-pdu dicom-dataset graphql-http websocket geojson shapefile plate)

if ! command -v afl-fuzz >/dev/null; then
  if [[ $EUID -eq 0 ]]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -q afl++ >&2
  else echo "fuzz: afl-fuzz missing: sudo apt-get install afl++" >&2; exit 1; fi
fi
[[ -x $TOOLS/sharpfuzz ]] || dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$TOOLS" >&2

# Build once into a folder of our own, then instrument the product assemblies there (sharpfuzz rewrites them in place).
stamp="$OUT/.instrumented"
if [[ ! -f $stamp || -n "$(find "$ROOT/src" "$ROOT/bench/CityTwin.Fuzz" -name '*.cs' -newer "$stamp" -print -quit)" ]]; then
  rm -rf "$OUT"
  dotnet publish "$ROOT/bench/CityTwin.Fuzz/CityTwin.Fuzz.csproj" -c Release -o "$OUT" -v quiet -nologo >&2
  for assembly in CityTwin.Vision.dll citytwin.dll CityTwin.Twin.dll; do "$TOOLS/sharpfuzz" "$OUT/$assembly" >&2; done
  touch "$stamp"
fi

seeds() { # writes a small seed corpus for $1 into $2
  local dir="$2"; mkdir -p "$dir"
  case "$1" in
    dicom-pdu) printf '\x00\x01\x00\x00CITYTWIN        STORESCU        %032d\x10\x00\x00\x15' 0 >"$dir/rq"; printf '1.2.840.10008.3.1.1.1' >>"$dir/rq" ;;
    dicom-dataset) { find "$SHARED/data/dicom" -type f -size -64k 2>/dev/null | head -n 8 | while read -r f; do cp "$f" "$dir/"; done; } || true
                   [[ -n "$(ls -A "$dir")" ]] || printf 'DICM' >"$dir/min" ;;
    graphql-http) printf '{"query":"{ cameras(first: 2) { edges { node { id } } } }","variables":{"a":[1,2.5,"x",null,true]}}' >"$dir/q" ;;
    websocket) printf '{"type":"subscribe","id":"1","payload":{"query":"subscription { alerts { kind } }"}}' >"$dir/s"
               printf '{"type":"connection_init","payload":{"authorization":"Bearer k"}}' >"$dir/i" ;;
    geojson) printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"1","name":"A"},"geometry":{"type":"Point","coordinates":[106.7,10.8]}}]}' >"$dir/g" ;;
    shapefile) python3 - "$SHARED/data/geo/csl_hcmc_saigon_peninsula/raw_shp/District7_wards/Adminitration_Ward" "$dir/s" <<'PY' || printf '\0\0\0\0\0\0\0\0' >"$dir/s"
import struct, sys
base, out = sys.argv[1], sys.argv[2]
shp, shx, dbf = (open(base + ext, 'rb').read() for ext in ('.shp', '.shx', '.dbf'))
open(out, 'wb').write(struct.pack('>II', len(shp), len(shx)) + shp + shx + dbf)
PY
               ;;
    plate) printf '59-X1 123.45' >"$dir/a"; printf '51G-123.45' >"$dir/b"; printf '59-L1 2345' >"$dir/c" ;;
  esac
}

run_one() {
  local target="$1" dir="$WORK/$1"
  rm -rf "$dir"; mkdir -p "$dir"
  seeds "$target" "$dir/in"
  AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1 \
    timeout --preserve-status -s INT "$((SECONDS_BUDGET + 30))" \
    afl-fuzz -V "$SECONDS_BUDGET" -i "$dir/in" -o "$dir/out" -t 5000 -m none -- dotnet "$OUT/CityTwin.Fuzz.dll" "$target" >"$dir/afl.log" 2>&1 || true
  local stats="$dir/out/default/fuzzer_stats"
  if [[ -f $stats ]]; then
    awk -v t="$target" -F' *: *' '/^execs_done/{e=$2} /^saved_crashes/{c=$2} /^saved_hangs/{h=$2} /^corpus_count/{p=$2}
      END{printf "fuzz: %-14s execs %s, crashes %s, hangs %s, corpus %s\n", t, e, c, h, p}' "$stats"
  else
    echo "fuzz: $target did not start (see $dir/afl.log)"; tail -n 5 "$dir/afl.log"
  fi
}

if [[ $TARGET == all ]]; then for t in "${TARGETS[@]}"; do run_one "$t"; done; else run_one "$TARGET"; fi
