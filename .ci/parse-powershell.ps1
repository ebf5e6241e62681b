# Parses a PowerShell script with PowerShell's own parser, running none of it: `dotnet pwsh -File .ci/parse-powershell.ps1 build.ps1`.
$path = $args[0]
$errors = $null
$null = [System.Management.Automation.Language.Parser]::ParseFile((Resolve-Path $path), [ref]$null, [ref]$errors)
if ($errors) { $errors | ForEach-Object { [Console]::Error.WriteLine("${path}:$($_.Extent.StartLineNumber): $($_.Message)") }; exit 1 }
