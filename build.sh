#!/usr/bin/env bash
# Build, test and publish ContactCenter into artifacts/contactcenter/ (the Linux twin of build.ps1).
# Usage: ./build.sh [Release|Debug]      Steps are plain dotnet commands; plugins/<id>/ folders are placed by
# the host's publish itself. PostgreSQL tests run only when CC_TEST_POSTGRES is set (see .ci/run).
set -euo pipefail

configuration="${1:-Release}"
case "$configuration" in
  Release|Debug) ;;
  *) echo "usage: $0 [Release|Debug]" >&2; exit 2 ;;
esac

cd "$(dirname "${BASH_SOURCE[0]}")"
out="artifacts/contactcenter"
# The host and its plugins are published ReadyToRun (precompiled) for this runtime identifier, so a freshly started
# node runs its code instead of spending its first minute in the JIT; hot methods are still recompiled fully
# optimised (tiered compilation, the runtime's default). Framework-dependent: the server needs the .NET 10 runtime.
rid="linux-x64"

dotnet build ContactCenter.sln -c "$configuration"
dotnet test ContactCenter.sln -c "$configuration" --no-build
rm -rf "$out"
dotnet publish host/ContactCenter.Host -c "$configuration" -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out"

# What a DBA needs to apply schema changes by hand (ContactCenter__ApplyMigrations=false). The scripts are for
# PostgreSQL and SQL Server: EF Core cannot write idempotent scripts for SQLite, whose file the host migrates itself. It runs
# from the publish folder (to read its appsettings.json) with logging silenced, as the log goes to stdout too.
mkdir -p "$out/db"
[ -f db/README.md ] || { echo "db/README.md is missing: it is the DBA's guide shipped beside the script" >&2; exit 1; }
cp db/README.md "$out/db/README.md"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
(
  cd "$out"
  Database__Provider=Postgres \
  ConnectionStrings__Default="Host=127.0.0.1;Database=contactcenter" \
  ContactCenter__DataDirectory="$scratch" \
  Serilog__MinimumLevel__Default=Fatal \
    dotnet ContactCenter.Host.dll migrations-script
) > "$scratch/migrations.sql"
grep -q "__EFMigrationsHistory" "$scratch/migrations.sql" || { echo "migrations-script wrote no EF script" >&2; exit 1; }
mv "$scratch/migrations.sql" "$out/db/migrations.postgres.sql"
# The same for SQL Server: idempotent T-SQL, batches separated by GO (sqlcmd -b -i).
(
  cd "$out"
  Database__Provider=SqlServer \
  ConnectionStrings__Default="Server=127.0.0.1;Database=ContactCenter;Integrated Security=True;TrustServerCertificate=True" \
  ContactCenter__DataDirectory="$scratch" \
  Serilog__MinimumLevel__Default=Fatal \
    dotnet ContactCenter.Host.dll migrations-script
) > "$scratch/migrations.sql"
grep -q "__EFMigrationsHistory" "$scratch/migrations.sql" || { echo "migrations-script wrote no T-SQL script" >&2; exit 1; }
mv "$scratch/migrations.sql" "$out/db/migrations.sqlserver.sql"

echo "BUILD SUCCEEDED: $out"
