#!/usr/bin/env bash
# scripts/check-data-consistency.sh SERVICE [SAMPLE_SIZE]
#
# The plan's consistency script (section 7: "runs every 15 minutes via cronjob in Phase 1"), same name, arguments
# and purpose: a random sample of Magento's products, each product's updated_at in Magento against the platform's
# (products.updated_at, found by the UUID in magento_id_map), a mismatch when they are more than MAX_LAG seconds
# apart or the platform lacks the product. Prints each mismatch, then "Validation complete. Mismatches: M / N";
# exit status 0 when there is none, 1 when there are, 2 when it cannot run.
#
# What it does differently from the plan's: no password ever on a command line (the clients read MYSQL_PWD and
# PGPASSWORD, or an option file / ~/.pgpass), two queries in all instead of three per product, a product missing on
# the platform counted as a mismatch (the plan's compared its timestamp with nothing), and an error stops it.
#
# SERVICE: catalog (the plan's word) or product (the entity type in magento_id_map); both check products.
#
# Magento (MariaDB/MySQL), with the mariadb client (mysql if that is what is installed):
#   MAGENTO_DB            host (as in the plan)
#   MAGENTO_DB_PORT       default 3306
#   MAGENTO_DB_USER       default: the client's (option file, or the login name)
#   MAGENTO_DB_NAME       default magento
#   MAGENTO_DB_OPTIONS    an option file ([client] user=, password=, …): --defaults-extra-file
#   MYSQL_PWD             the password, if no option file holds it
# Platform (PostgreSQL), with psql:
#   PLATFORM_DB           a connection string without the password: postgresql://ficus@pg:5432/ficus or
#                         "host=pg dbname=ficus user=ficus"; empty: psql's PGHOST, PGPORT, PGUSER, PGDATABASE
#   PGPASSWORD            the password, if ~/.pgpass (or PGPASSFILE) does not hold it
# MAX_LAG                 seconds, default 2 (the plan's)
set -euo pipefail

SERVICE=${1:-}
SAMPLE_SIZE=${2:-100}
MAX_LAG=${MAX_LAG:-2}

fail() { echo "check-data-consistency: $*" >&2; exit 2; }

case "$SERVICE" in
  catalog|product) ENTITY_TYPE=product ;;
  "") fail "usage: $0 SERVICE [SAMPLE_SIZE]  (SERVICE: catalog)" ;;
  *) fail "unknown service '$SERVICE': this script checks the catalog's products (catalog or product)" ;;
esac
[[ "$SAMPLE_SIZE" =~ ^[1-9][0-9]*$ ]] || fail "SAMPLE_SIZE must be a whole number above 0, got '$SAMPLE_SIZE'"
[[ "$MAX_LAG" =~ ^[0-9]+(\.[0-9]+)?$ ]] || fail "MAX_LAG must be a number of seconds, got '$MAX_LAG'"
[ -n "${MAGENTO_DB:-}" ] || fail "set MAGENTO_DB to Magento's database host"

MYSQL_CLIENT=$(command -v mariadb || command -v mysql) || fail "neither mariadb nor mysql (the client) is installed"
command -v psql >/dev/null || fail "psql is not installed"

magento() {
  local args=()
  # an option file must come first, as the client requires
  [ -n "${MAGENTO_DB_OPTIONS:-}" ] && args+=("--defaults-extra-file=$MAGENTO_DB_OPTIONS")
  args+=(--host="$MAGENTO_DB" --port="${MAGENTO_DB_PORT:-3306}" --batch --skip-column-names --raw)
  [ -n "${MAGENTO_DB_USER:-}" ] && args+=(--user="$MAGENTO_DB_USER")
  "$MYSQL_CLIENT" "${args[@]}" --database="${MAGENTO_DB_NAME:-magento}" --execute="$1"
}

platform() {
  local args=(--no-psqlrc --no-align --tuples-only --quiet --field-separator=$'\t' --set=ON_ERROR_STOP=1)
  if [ -n "${PLATFORM_DB:-}" ]; then
    psql "${args[@]}" --dbname="$PLATFORM_DB" --command="$1"
  else
    psql "${args[@]}" --command="$1"
  fi
}

echo "Checking $SERVICE data consistency ($SAMPLE_SIZE samples)..."

# entity_id and updated_at (seconds since the epoch, to the second as Magento keeps it) of the sample
SAMPLE=$(magento "SELECT entity_id, UNIX_TIMESTAMP(updated_at) FROM catalog_product_entity
                  ORDER BY RAND() LIMIT $SAMPLE_SIZE") || fail "reading Magento's products failed"
[ -n "$SAMPLE" ] || { echo "Validation complete. Mismatches: 0 / 0 (Magento has no products)"; exit 0; }

# the platform's updated_at of each, by the UUID the id map gives it, and how far apart the two are: one query for
# the whole sample, which also does the arithmetic (no process per product)
VALUES=$(while IFS=$'\t' read -r id ts; do printf '(%d,%s::numeric),' "$id" "${ts:-NULL}"; done <<< "$SAMPLE")
RESULT=$(platform "
  SELECT id, CASE WHEN problem <> '' THEN problem
                  WHEN lag > $MAX_LAG THEN 'lag: ' || trim_scale(lag) || 's'
                  ELSE '' END
  FROM (SELECT s.id, abs(EXTRACT(EPOCH FROM p.updated_at) - s.ts) AS lag,
               CASE WHEN m.platform_uuid IS NULL THEN ': no magento_id_map entry'
                    WHEN p.id IS NULL THEN ': not in products'
                    WHEN s.ts IS NULL OR p.updated_at IS NULL THEN ': no updated_at'
                    ELSE '' END AS problem
        FROM (VALUES ${VALUES%,}) AS s(id, ts)
        LEFT JOIN magento_id_map m ON m.entity_type = '$ENTITY_TYPE' AND m.magento_id = s.id
        LEFT JOIN products p ON p.id = m.platform_uuid) c
  ORDER BY id") || fail "reading the platform's products failed"

MISMATCH_COUNT=0
TOTAL=0
while IFS=$'\t' read -r id problem; do
  TOTAL=$((TOTAL + 1))
  if [ -n "$problem" ]; then
    case "$problem" in
      :*) echo "⚠️ Product $id$problem" ;;
      *) echo "⚠️ Product $id $problem" ;;
    esac
    MISMATCH_COUNT=$((MISMATCH_COUNT + 1))
  fi
done <<< "$RESULT"

echo "Validation complete. Mismatches: $MISMATCH_COUNT / $TOTAL"
if [ "$MISMATCH_COUNT" -eq 0 ]; then
  echo "✅ All samples within ${MAX_LAG}s SLA"
  exit 0
fi
exit 1
