<#
.SYNOPSIS
    Builds, tests and packages the EdgeMigration module.
.DESCRIPTION
    Every task is also reachable with plain dotnet (see README.md), so machines without pwsh can build and test:
      Build   : dotnet build EdgeMigration.sln -c Release   (assembles out/EdgeMigration/, help included, with
                EdgeMigration.Core precompiled for PowerShell 7 on linux-x64, win-x64 and osx-arm64 under runtimes/)
      Test    : dotnet test EdgeMigration.sln -c Release    (then the Pester suite, when pwsh has Pester 5)
      Package : dotnet build src/EdgeMigration -c Release -t:PackageModule
                (out/EdgeMigration-<version>.zip for Azure Automation, out/EdgeMigration.<version>.nupkg for a gallery)
      -Runtime: dotnet build src/EdgeMigration -c Release -p:ModuleRuntime=<rid>
                (out/<rid>/EdgeMigration/, the module precompiled for PowerShell 7 on one platform)

    Help comes from docs/help/*.md (platyPS markdown). Where platyPS is installed, its New-ExternalHelp writes
    en-US/EdgeMigration.dll-Help.xml and the about_*.help.txt files; elsewhere the build's own
    EdgeMigration.ModuleBuilder writes the same files from the same markdown. The script says which one ran.
.EXAMPLE
    ./build.ps1
    Builds the module and runs all tests.
.EXAMPLE
    ./build.ps1 -Task Package
    Builds the module and writes the zip and the nupkg under out/.
.EXAMPLE
    ./build.ps1 -Task Build -Runtime win-x64
    Also builds out/win-x64/EdgeMigration: the module with its assemblies precompiled (ReadyToRun) for PowerShell 7 on
    64-bit Windows, which starts faster in a fresh process (an Azure Automation job). With -Task Package, the zip and
    the nupkg are made of that module.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string[]] $Task = @('Build', 'Test'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # A runtime identifier (win-x64, linux-x64, osx-arm64, …): also build the module precompiled for PowerShell 7 on it.
    [ValidatePattern('^[a-z]+(-[a-z0-9]+)*-(x64|x86|arm64|arm)$')]
    [string] $Runtime
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$solution = Join-Path $root 'EdgeMigration.sln'
$moduleProject = Join-Path $root 'src/EdgeMigration/EdgeMigration.csproj'

function Invoke-Dotnet {
    param([string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')"
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE."
    }
}

# Help from docs/help/*.md: platyPS's New-ExternalHelp where it is installed, else the build's own ModuleBuilder.
# Returns the MSBuild property that tells the module build which one made the help.
function Get-HelpBuildProperty {
    $platyPS = Get-Module -ListAvailable -Name platyPS | Select-Object -First 1
    if ($null -eq $platyPS) {
        Write-Host 'Help: built from docs/help/ by EdgeMigration.ModuleBuilder during dotnet build (platyPS is not installed).'
        return @()
    }
    Import-Module $platyPS
    $helpDir = Join-Path $root 'out/help/en-US'
    Remove-Item -Recurse -Force $helpDir -ErrorAction SilentlyContinue
    New-ExternalHelp -Path (Join-Path $root 'docs/help') -OutputPath $helpDir -Encoding ([System.Text.UTF8Encoding]::new($true)) -Force | Out-Null
    Write-Host "Help: built from docs/help/ by platyPS $($platyPS.Version) New-ExternalHelp into $helpDir."
    return @("-p:ExternalHelpDir=$helpDir")
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' {
            Invoke-Dotnet (@('build', $solution, '-c', $Configuration) + (Get-HelpBuildProperty))
            if ($Runtime) {
                Invoke-Dotnet (@('build', $moduleProject, '-c', $Configuration, "-p:ModuleRuntime=$Runtime") + (Get-HelpBuildProperty))
            }
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
            $runtimeProperty = if ($Runtime) { @("-p:ModuleRuntime=$Runtime", "-p:PackageOutDir=$(Join-Path $root "out/$Runtime")/") } else { @() }
            Invoke-Dotnet (@('build', $moduleProject, '-c', $Configuration, '-t:PackageModule') + $runtimeProperty + (Get-HelpBuildProperty))
        }
    }
}
