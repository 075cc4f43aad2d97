<#
.SYNOPSIS
    Builds, tests and packages the EdgeMigration module.
.DESCRIPTION
    Every task is also reachable with plain dotnet (see README.md), so machines without pwsh can build and test:
      Build   : dotnet build EdgeMigration.sln -c Release   (assembles out/EdgeMigration/)
      Test    : dotnet test EdgeMigration.sln -c Release    (then the Pester suite, when pwsh has Pester 5)
      Package : dotnet build src/EdgeMigration -c Release -t:PackageModule   (out/EdgeMigration-<version>.zip)
.EXAMPLE
    ./build.ps1
    Builds the module and runs all tests.
.EXAMPLE
    ./build.ps1 -Task Package
    Builds the module and writes out/EdgeMigration-<version>.zip for Azure Automation.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string[]] $Task = @('Build', 'Test'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$solution = Join-Path $root 'EdgeMigration.sln'

function Invoke-Dotnet {
    param([string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')"
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE."
    }
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' {
            Invoke-Dotnet @('build', $solution, '-c', $Configuration)
        }
        'Test' {
            Invoke-Dotnet @('test', $solution, '-c', $Configuration)
            $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.0' } | Select-Object -First 1
            if ($null -eq $pester) {
                Write-Warning 'Pester 5 is not installed: the Pester suite under tests/ was not run (Install-Module Pester -MinimumVersion 5.0).'
            }
            else {
                # A fresh process, so the module under test is loaded from out/EdgeMigration and nothing else.
                $script = "Import-Module Pester -MinimumVersion 5.0; `$r = Invoke-Pester -Path '$root/tests' -Output Detailed -PassThru; exit `$r.FailedCount"
                & (Get-Process -Id $PID).Path -NoProfile -NonInteractive -Command $script
                if ($LASTEXITCODE -ne 0) {
                    throw "Pester reported $LASTEXITCODE failed test(s)."
                }
            }
        }
        'Package' {
            Invoke-Dotnet @('build', (Join-Path $root 'src/EdgeMigration/EdgeMigration.csproj'), '-c', $Configuration, '-t:PackageModule')
        }
    }
}
