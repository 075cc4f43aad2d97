<#
.SYNOPSIS
    Builds, tests and packages the EdgeMigration module.
.DESCRIPTION
    Every task is also reachable with plain dotnet (see README.md), so machines without pwsh can build and test:
      Help    : dotnet run --project src/EdgeMigration.ModuleBuilder -c Release -- help docs/help en-US
                (rewrites en-US/, the module's help, from docs/help/*.md; commit it with the markdown)
      Build   : dotnet build EdgeMigration.sln -c Release   (assembles out/EdgeMigration/, help included, with
                EdgeMigration.Core precompiled for PowerShell 7 on linux-x64, win-x64 and osx-arm64 under runtimes/)
      Test    : dotnet test EdgeMigration.sln -c Release    (the Pester suite included, in PowerShell 7.6 as the .NET
                tool of .config/dotnet-tools.json with Pester 5 from NuGet; build.ps1 then runs it in its own PowerShell)
      Package : dotnet build src/EdgeMigration -c Release -t:PackageModule
                (out/EdgeMigration-<version>.zip for Azure Automation, out/EdgeMigration.<version>.nupkg for a gallery)
      -Runtime: dotnet build src/EdgeMigration -c Release -p:ModuleRuntime=<rid>
                (out/<rid>/EdgeMigration/, the module precompiled for PowerShell 7 on one platform)

    Help comes from docs/help/*.md (platyPS markdown). The repository's en-US/ folder (EdgeMigration.dll-Help.xml and
    the about_*.help.txt files) is what the project's EdgeMigration.ModuleBuilder writes from it, and what the build
    puts beside the module. Where platyPS is installed, Build and Package give the module the help platyPS's
    New-ExternalHelp writes from the same markdown instead. The script says which one the module got.
.EXAMPLE
    ./build.ps1
    Rewrites en-US/ from docs/help/, builds the module and runs all tests.
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
    [ValidateSet('Help', 'Build', 'Test', 'Package')]
    [string[]] $Task = @('Help', 'Build', 'Test'),

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

# The module's help: en-US/ (EdgeMigration.ModuleBuilder's), or where platyPS is installed its New-ExternalHelp's from
# the same docs/help/*.md. Returns the MSBuild property that gives the module build the latter.
function Get-HelpBuildProperty {
    $platyPS = Get-Module -ListAvailable -Name platyPS | Select-Object -First 1
    if ($null -eq $platyPS) {
        Write-Host 'Help: en-US/, written from docs/help/ by EdgeMigration.ModuleBuilder (platyPS is not installed).'
        return @()
    }
    Import-Module $platyPS
    $helpDir = Join-Path $root 'out/help/en-US'
    Remove-Item -Recurse -Force $helpDir -ErrorAction SilentlyContinue
    New-ExternalHelp -Path (Join-Path $root 'docs/help') -OutputPath $helpDir -Encoding ([System.Text.UTF8Encoding]::new($true)) -Force | Out-Null
    Write-Host "Help: built from docs/help/ by platyPS $($platyPS.Version) New-ExternalHelp into $helpDir."
    return @("-p:ExternalHelpDir=$helpDir")
}

# The Pester the test project downloads from NuGet (its PesterVersion, into NuGet's package folder) for a PowerShell
# that has no Pester 5 of its own.
function Get-DownloadedPester {
    $testProject = Join-Path $root 'tests/EdgeMigration.Module.Tests/EdgeMigration.Module.Tests.csproj'
    $properties = (& dotnet msbuild $testProject -getProperty:NuGetPackageRoot -getProperty:PesterVersion | Out-String | ConvertFrom-Json).Properties
    $path = Join-Path $properties.NuGetPackageRoot "pester/$($properties.PesterVersion)/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $path)) {
        throw "Pester is not installed and not at $path, where 'dotnet test' downloads it."
    }
    return $path
}

foreach ($name in $Task) {
    switch ($name) {
        'Help' {
            Invoke-Dotnet @('run', '--project', (Join-Path $root 'src/EdgeMigration.ModuleBuilder'), '-c', $Configuration, '--',
                'help', (Join-Path $root 'docs/help'), (Join-Path $root 'en-US'))
        }
        'Build' {
            Invoke-Dotnet (@('build', $solution, '-c', $Configuration) + (Get-HelpBuildProperty))
            if ($Runtime) {
                Invoke-Dotnet (@('build', $moduleProject, '-c', $Configuration, "-p:ModuleRuntime=$Runtime") + (Get-HelpBuildProperty))
            }
        }
        'Test' {
            # Also runs the Pester suite in PowerShell 7.6, the .NET tool of .config/dotnet-tools.json (PesterSuiteTests).
            Invoke-Dotnet @('test', $solution, '-c', $Configuration)
            # Then in this PowerShell too (Windows PowerShell 5.1, or another pwsh), with its own Pester 5 or the
            # Pester the test project downloaded from NuGet, in a fresh process so that the module is loaded from
            # out/EdgeMigration and nothing else.
            $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.0' } |
                Sort-Object Version -Descending | Select-Object -First 1
            $pesterPath = if ($pester) { $pester.Path } else { Get-DownloadedPester }
            Write-Host "Pester suite: PowerShell $($PSVersionTable.PSVersion) ($($PSVersionTable.PSEdition)), $pesterPath"
            $script = "Import-Module '$($pesterPath -replace "'", "''")'; `$r = Invoke-Pester -Path '$($root -replace "'", "''")/tests' -Output Detailed -PassThru; exit (`$r.FailedCount + `$r.FailedBlocksCount + `$r.FailedContainersCount)"
            # $PSHOME's executable, not this process's: as a .NET tool, pwsh runs in a dotnet process.
            $executable = if ($PSVersionTable.PSEdition -eq 'Desktop') { 'powershell.exe' } elseif ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }
            & (Join-Path $PSHOME $executable) -NoProfile -NonInteractive -Command $script
            if ($LASTEXITCODE -ne 0) {
                throw "Pester reported $LASTEXITCODE failure(s)."
            }
        }
        'Package' {
            $runtimeProperty = if ($Runtime) { @("-p:ModuleRuntime=$Runtime", "-p:PackageOutDir=$(Join-Path $root "out/$Runtime")/") } else { @() }
            Invoke-Dotnet (@('build', $moduleProject, '-c', $Configuration, '-t:PackageModule') + $runtimeProperty + (Get-HelpBuildProperty))
        }
    }
}
