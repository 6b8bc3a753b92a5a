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

# Idle resident memory of both release binaries on a fresh SQLite store (kB: total, anonymous, file-backed)
idle-rss:
    #!/usr/bin/env bash
    set -u
    cargo build -q --release -p partner-service -p misp-license-service
    d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
    export PMS__DATABASE__URL="sqlite://$d/pms.sqlite3" PMS__AUTH__HS256_SECRET=idle-rss-secret-0123456789abcdef PMS__DATA_DIR=$d/data PMS__SERVER__PORT=0
    for name in partner-service misp-license-service; do
      target/release/$name serve >"$d/$name.log" 2>&1 & pid=$!
      for _ in $(seq 1 100); do grep -qs "listening" "$d/$name.log" && break; sleep 0.1; done
      sleep 2
      echo "$name $(grep -E '^(VmRSS|RssAnon|RssFile)' /proc/$pid/status | tr -s ' \t' ' ' | tr '\n' ' ')"
      kill $pid; wait $pid 2>/dev/null
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
