#!/bin/sh
# The image's one entry point: the first argument chooses what this container runs.
# exec keeps node as PID 1, so SIGTERM reaches the app and it drains (Nest shutdown hooks).
set -eu
cd /app
command="${1:-api}"
[ "$#" -gt 0 ] && shift
case "$command" in
  api) exec node dist/apps/api/src/main.js "$@" ;;
  worker) exec node dist/apps/worker/src/main.js "$@" ;;
  public) exec node dist/apps/public/src/main.js "$@" ;;
  migrate) exec node dist/scripts/migrate.js "$@" ;;
  setup-temporal) exec node dist/scripts/setup-temporal.js "$@" ;;
  verify-chain) exec node dist/scripts/verify-chain.js "$@" ;;
  *)
    echo "usage: petition api | worker | public | migrate | setup-temporal [--retention-days N] | verify-chain [...]" >&2
    exit 64
    ;;
esac
