#!/usr/bin/env bash
# The Alembic quickstart, with Retort, on the embedded SQLite default:
# init -> edit the model -> revision --autogenerate -> upgrade head -> current -> history -> downgrade base.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RETORT="$ROOT/retort"
WORK=${1:-"$ROOT/examples/quickstart/work"}

rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
step() { printf '\n$'; printf ' %q' "$@"; printf '\n'; "$@"; }

step "$RETORT" init app/models/migrations

echo
echo "# edit app/models/schema.yaml: two tables with a foreign key"
cat > app/models/schema.yaml <<'YAML'
tables:
  - name: account
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: email, type: "varchar(255)", nullable: false}
      - {name: created_at, type: timestamp, nullable: false, default: CURRENT_TIMESTAMP}
    indexes:
      - {name: ix_account_email, columns: [email], unique: true}
  - name: invoice
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: account_id, type: bigint, nullable: false}
      - {name: total, type: "decimal(12,2)", nullable: false, default: "0"}
    foreign_keys:
      - {columns: [account_id], references: account(id), on_delete: cascade}
    indexes:
      - {name: ix_invoice_account_id, columns: [account_id]}
YAML
cat app/models/schema.yaml

step "$RETORT" revision --autogenerate -m "create account and invoice"
echo
echo "# the generated revision file:"
cat app/models/migrations/versions/*.yaml
step "$RETORT" upgrade head
step "$RETORT" current
step "$RETORT" history
step "$RETORT" revision --autogenerate -m "nothing changed"
step "$RETORT" downgrade base
step "$RETORT" current
echo
echo "Quickstart finished in $WORK"
