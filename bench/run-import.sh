#!/usr/bin/env bash
# The workbook import benchmark (part of `make bench`): builds the bench module, then runs ImportBenchmark.
# Arguments go to ImportBenchmark: --orders N, --lines-per-order M, --runs R, --no-emulator.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ -x tools/find-jdk ]]; then
  JAVA_HOME="$(tools/find-jdk)"
  export JAVA_HOME
fi
java="${JAVA_HOME:+${JAVA_HOME}/bin/}java"
mvn=mvn
[[ -x tools/mvn ]] && mvn=tools/mvn
"$mvn" -B -q -pl bench -am package -DskipTests >&2

classpath="$root/bench/target/bench.jar:$(cat "$root/bench/target/runtime.classpath")"
# Serial GC and a heap like the function's: the peak-heap figure is what reading needs, not what a big heap allows.
exec "$java" -XX:+UseSerialGC -Xmx512m -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory \
  -Dproject.root="$root" -Dvenv.dir="${VENV_DIR:-$root/.venv}" \
  -cp "$classpath" com.miniwms.salesorders.bench.imports.ImportBenchmark "$@"
