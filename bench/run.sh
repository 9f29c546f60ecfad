#!/usr/bin/env bash
# Builds the API function artifact and the benchmark, then runs the benchmark (`make bench`): cold start, warm
# requests and artifact sizes, then the marketplace sync section (SyncBenchmark).
# Arguments go to BenchMain: --runs N, --warm-iterations M, --help for the rest.
# Needs a JDK 21 or newer (JAVA_HOME, else tools/find-jdk looks for one) and the emulator's Python environment
# (VENV_DIR, default <project>/.venv, which the Makefile creates).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ -x tools/find-jdk ]]; then
  JAVA_HOME="$(tools/find-jdk)"
  export JAVA_HOME
fi
java="${JAVA_HOME:+${JAVA_HOME}/bin/}java"
version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
if [[ -z "$version" || "${version%%.*}" -lt 21 ]]; then
  echo "bench: needs a JDK 21 or newer; $java is ${version:-not a JDK}. Set JAVA_HOME." >&2
  exit 1
fi

mvn=mvn
[[ -x tools/mvn ]] && mvn=tools/mvn
# Build output goes to standard error, so standard output carries only the results.
"$mvn" -B -q -pl bench -am package -DskipTests >&2

classpath="$root/bench/target/bench.jar:$(cat "$root/bench/target/runtime.classpath")"
# The warm measurement runs in this JVM, so it gets the JIT options template.yaml gives the functions.
"$java" -XX:+TieredCompilation -XX:TieredStopAtLevel=1 \
  -Dproject.root="$root" -Dvenv.dir="${VENV_DIR:-$root/.venv}" \
  -cp "$classpath" com.miniwms.salesorders.bench.BenchMain \
  --launcher-jar "$root/bench/target/bench-launcher.jar" "$@"

# The marketplace sync section: the Shopify and Amazon clients against rate-limited local stand-ins.
echo
exec "$java" -Dproject.root="$root" -cp "$classpath" com.miniwms.salesorders.bench.sync.SyncBenchmark
