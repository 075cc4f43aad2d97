#!/usr/bin/env bash
# Fuzzes the manifest reader and converter with AFL++ through SharpFuzz (docs/reliability.md).
#   tools/fuzz.sh [seconds]     fuzz for that long (default 600), then list what was found
# Needs afl-fuzz (Debian: apt-get install afl++) and the .NET SDK; installs the sharpfuzz tool under out/fuzz.
# A crash is in out/fuzz/findings/default/crashes: replay it with
#   dotnet out/fuzz/bin/EdgeMigration.Fuzz.dll <file>
# and add it to tests/EdgeMigration.Core.Tests/Fuzz/Crashes so that FuzzCrashTests replays it for good.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
work=out/fuzz

if ! command -v afl-fuzz >/dev/null; then
  echo "afl-fuzz not found: install AFL++ (Debian: apt-get install afl++)" >&2
  exit 2
fi
if [ ! -x "$work/tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools"
fi

# The harness, with EdgeMigration.Core instrumented so that AFL++ sees which branches an input takes.
# A fresh publish each run: sharpfuzz refuses an assembly it has already instrumented.
rm -rf "$work/bin"
dotnet publish tests/EdgeMigration.Fuzz -c Release -o "$work/bin" --nologo -v quiet
"$work/tools/sharpfuzz" "$work/bin/EdgeMigration.Core.dll"

# Seeds: the real manifests of the shared corpus and the sample, the small ones (AFL++ works best on small inputs).
rm -rf "$work/in" "$work/findings"
mkdir -p "$work/in"
for file in ../shared/corpus/*.json samples/*.json; do
  if [ "$(stat -c %s "$file")" -le 16384 ]; then
    cp "$file" "$work/in/"
  fi
done

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
afl-fuzz -i "$work/in" -o "$work/findings" -x tools/fuzz.dict -t 10000 -m none -V "$seconds" -- dotnet "$work/bin/EdgeMigration.Fuzz.dll"

stats="$work/findings/default/fuzzer_stats"
grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs) ' "$stats" || true
crashes=$(find "$work/findings/default/crashes" -type f -name 'id:*' | wc -l)
echo "$crashes crash(es) in $work/findings/default/crashes"
[ "$crashes" -eq 0 ]
