# The project's command surface; `just --list` shows it. Each recipe is a plain command too.

pg_url := env_var_or_default("PMS_TEST_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")

# Run partner-service on the embedded SQLite store (./data)
run:
    cargo run -p partner-service

# Run misp-license-service on the same store
run-misp:
    cargo run -p misp-license-service

# Every test on SQLite (PostgreSQL variants skip without PMS_TEST_PG_URL)
test:
    cargo test --workspace

# The PostgreSQL variants of every test, against a local server
test-pg:
    PMS_TEST_PG_URL={{pg_url}} PMS_REQUIRE_PG=1 cargo test --workspace -- postgres

# Formatting and lints as CI checks them
lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets --all-features -- -D warnings

fmt:
    cargo fmt --all

# Apply pending migrations to the configured store
migrate:
    cargo run -q -p partner-service -- migrate

# A development token: just token admin PARTNER_ADMIN,POLICYMANAGER
token user roles:
    cargo run -q -p partner-service -- token --user {{user}} --roles {{roles}}

# New migration NAME under both backends, same version
migration-new name:
    #!/usr/bin/env bash
    set -eu
    v="$(date -u +%Y-%m-%d-%H%M%S)_{{name}}"
    for b in postgres sqlite; do mkdir -p "migrations/$b/$v"; touch "migrations/$b/$v/up.sql" "migrations/$b/$v/down.sql"; done
    echo "migrations/*/$v"

# The load benchmark (docs/benchmarks.md): limits, then both services on SQLite and PostgreSQL
bench: bench-tools
    cargo build --release -p misp-license-service -p partner-service
    cargo bench -p partner-service --bench load

# wrk (the load generator) and pgbench, from Debian, when missing
bench-tools:
    #!/usr/bin/env bash
    set -eu
    command -v wrk >/dev/null && command -v pgbench >/dev/null && exit 0
    sudo=$([ "$(id -u)" = 0 ] || echo sudo)
    $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk postgresql-client

# The same, every step for a second, once
bench-smoke: bench-tools
    cargo build --release -p misp-license-service -p partner-service
    PMS_BENCH_SMOKE=1 cargo bench -p partner-service --bench load

# The reliability suite, full form (docs/reliability.md): kill -9 during ≥ 10,000 writes per backend,
# the database cut off, two replicas; PostgreSQL at PMS_TEST_PG_URL (its databases are created and dropped)
reliability:
    cargo build -q -p partner-service -p misp-license-service -p reliability
    PMS_TEST_PG_URL={{pg_url}} "${CARGO_TARGET_DIR:-target}/debug/reliability" --full

# The same, short form (what CI runs): 1,500 writes per backend under kill -9
reliability-short:
    cargo build -q -p partner-service -p misp-license-service -p reliability
    PMS_TEST_PG_URL={{pg_url}} "${CARGO_TARGET_DIR:-target}/debug/reliability"

# Idle resident memory of both release binaries on a fresh SQLite store (kB: total, anonymous,
# file-backed), after checking that their link-order.txt still matches them (.ci/idle-memory)
idle-rss:
    cargo build -q --release -p partner-service -p misp-license-service
    bash .ci/idle-memory

# The functions each service runs while it starts (on a fresh SQLite store and on a fresh
# PostgreSQL database at pg_url's server) and answers its health check, written to
# bins/<service>/link-order.txt so that release builds place them together (bins/link.rs). Run
# again after upgrading Rust or a dependency (.ci/idle-memory says when). Needs valgrind and psql.
link-order:
    #!/usr/bin/env bash
    set -euo pipefail; export LC_ALL=C
    cargo build -q --release -p partner-service -p misp-license-service
    d=$(mktemp -d); db="pms_link_order_$$"; server="{{pg_url}}"
    psql "$server" -qc "CREATE DATABASE $db"
    trap 'rm -rf "$d"; psql "$server" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
    export PMS__AUTH__HS256_SECRET=link-order-secret-0123456789abcdef PMS__DATA_DIR=$d/data PMS__SERVER__PORT=0
    PMS__DATABASE__URL="${server%/*}/$db" target/release/partner-service migrate >/dev/null
    # runs $1 under callgrind on store $3 until it has answered its health check $2
    profile() {
      PMS__DATABASE__URL=$3 valgrind --tool=callgrind --demangle=no --callgrind-out-file="$4.cg" "target/release/$1" serve >"$4.log" 2>&1 & pid=$!
      for _ in $(seq 1 300); do grep -qs "listening" "$4.log" && break; sleep 0.2; done
      curl -fsS "http://127.0.0.1:$(grep -m1 "listening" "$4.log" | grep -oE '[0-9]+$')$2" >/dev/null
      sleep 3; kill $pid; wait $pid || true
    }
    for pair in partner-service:/v1/partnermanager/actuator/health misp-license-service:/partnermanagement/v1/misps/actuator/health; do
      name=${pair%%:*}
      profile "$name" "${pair#*:}" "sqlite://$d/pms.sqlite3" "$d/$name.sqlite"
      profile "$name" "${pair#*:}" "${server%/*}/$db" "$d/$name.postgres"
      nm --defined-only "target/release/$name" | awk '$2 ~ /^[tTwW]$/ {print $3}' | sort -u >"$d/$name.syms"
      sed -nE 's/^c?fn=\([0-9]+\) (.+)$/\1/p' "$d/$name".*.cg | sort -u | comm -12 - "$d/$name.syms" >"bins/$name/link-order.txt"
      echo "bins/$name/link-order.txt: $(wc -l <"bins/$name/link-order.txt") functions"
    done

# Exactly what CI runs
ci:
    bash .ci/run

# The first administrator on the configured store: just admin-create admin 'A-Long-Password-1'
admin-create user password:
    cargo run -q -p partner-service -- admin create --user {{user}} --password '{{password}}'

# Fuzz both services from their OpenAPI documents (schemathesis); PMS_SCHEMATHESIS_MAX_TIME=<s> per service
schemathesis:
    bash .ci/schemathesis
