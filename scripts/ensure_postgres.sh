#!/usr/bin/env bash
# Makes sure the PostgreSQL server the tests use (127.0.0.1:5432, database `test`) is up; starts the
# machine's cluster when it is installed but stopped. The tests themselves fail under CI=true without it.
set -uo pipefail
if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; then
    exit 0
fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    for version in /etc/postgresql/*; do
        pg_ctlcluster --skip-systemctl-redirect "$(basename "$version")" main start || true
    done
    for _ in $(seq 1 20); do
        pg_isready -q -h 127.0.0.1 -p 5432 && exit 0
        sleep 0.5
    done
fi
echo "warning: PostgreSQL is not reachable at 127.0.0.1:5432; PostgreSQL tests will fail under CI=true" >&2
exit 0
