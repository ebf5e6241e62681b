#!/usr/bin/env pwsh
# Build, test and publish ContactCenter into artifacts/contactcenter/ (Windows admins; build.sh is its twin).
# A thin wrapper over dotnet: the plugins/<id>/ folders are placed by the host's publish itself.
param([ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release')
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
function exec([scriptblock] $cmd) { & $cmd; if ($LASTEXITCODE) { throw "failed ($LASTEXITCODE): $cmd" } }

Set-Location $PSScriptRoot
$out = 'artifacts/contactcenter'
# The host and its plugins are published ReadyToRun (precompiled) for this runtime identifier, as build.sh does for
# linux-x64. The compiler for a Windows build machine is the NuGet package Microsoft.NETCore.App.Crossgen2.win-x64,
# which this project's own package mirror does not serve, so this step has not been run on Windows here (the win-x64
# runtime, ASP.NET Core and apphost packs it compiles against are served: a win-x64 publish from Linux restored them).
# Where the feed lacks it, drop -p:PublishReadyToRun=true: the host runs the same, it only compiles as it starts.
$rid = 'win-x64'

exec { dotnet build ContactCenter.sln -c $Configuration }
exec { dotnet test ContactCenter.sln -c $Configuration --no-build }
if (Test-Path $out) { Remove-Item $out -Recurse -Force }
exec { dotnet publish host/ContactCenter.Host -c $Configuration -r $rid --self-contained false -p:PublishReadyToRun=true -o $out }

# What a DBA needs to apply schema changes by hand (ContactCenter__ApplyMigrations=false). The scripts are for
# PostgreSQL and SQL Server: EF Core cannot write idempotent scripts for SQLite. It runs from the publish folder (to read its
# appsettings.json) with logging silenced, as the log goes to stdout too.
if (-not (Test-Path db/README.md)) { throw "db/README.md is missing: it is the DBA's guide shipped beside the script" }
New-Item -ItemType Directory -Force "$out/db" | Out-Null
Copy-Item db/README.md "$out/db/README.md"
$scratch = New-Item -ItemType Directory -Force (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
$env:Database__Provider = 'Postgres'
$env:ConnectionStrings__Default = 'Host=127.0.0.1;Database=contactcenter'
$env:ContactCenter__DataDirectory = $scratch.FullName
$env:Serilog__MinimumLevel__Default = 'Fatal'
try {
  Push-Location $out
  $sql = exec { dotnet ContactCenter.Host.dll migrations-script }
} finally {
  Pop-Location
  'Database__Provider', 'ConnectionStrings__Default', 'ContactCenter__DataDirectory', 'Serilog__MinimumLevel__Default' |
    ForEach-Object { Remove-Item "env:$_" -ErrorAction SilentlyContinue }
  Remove-Item $scratch -Recurse -Force
}
if (-not ($sql -match '__EFMigrationsHistory')) { throw 'migrations-script wrote no EF script' }
Set-Content -Path "$out/db/migrations.postgres.sql" -Value $sql -Encoding utf8
# The same for SQL Server: idempotent T-SQL, batches separated by GO (sqlcmd -b -i).
$scratch = New-Item -ItemType Directory -Force (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
$env:Database__Provider = 'SqlServer'
$env:ConnectionStrings__Default = 'Server=127.0.0.1;Database=ContactCenter;Integrated Security=True;TrustServerCertificate=True'
$env:ContactCenter__DataDirectory = $scratch.FullName
$env:Serilog__MinimumLevel__Default = 'Fatal'
try {
  Push-Location $out
  $sql = exec { dotnet ContactCenter.Host.dll migrations-script }
} finally {
  Pop-Location
  'Database__Provider', 'ConnectionStrings__Default', 'ContactCenter__DataDirectory', 'Serilog__MinimumLevel__Default' |
    ForEach-Object { Remove-Item "env:$_" -ErrorAction SilentlyContinue }
  Remove-Item $scratch -Recurse -Force
}
if (-not ($sql -match '__EFMigrationsHistory')) { throw 'migrations-script wrote no T-SQL script' }
Set-Content -Path "$out/db/migrations.sqlserver.sql" -Value $sql -Encoding utf8

Write-Host -ForegroundColor Green "BUILD SUCCEEDED: $out"
