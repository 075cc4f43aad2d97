#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Help, views and completion in a real pwsh (build.ps1 -Task Test runs it after `dotnet build`), after
# PSScriptAnalyzer's ModuleHelp tests. tests/EdgeMigration.Module.Tests checks the same in the hosted engine.

BeforeDiscovery {
    $repo = Split-Path -Parent $PSScriptRoot
    $cmdlets = (Import-PowerShellDataFile (Join-Path $repo 'EdgeMigration.psd1')).CmdletsToExport
}

BeforeAll {
    $repo = Split-Path -Parent $PSScriptRoot
    Import-Module (Join-Path $repo 'out/EdgeMigration/EdgeMigration.psd1') -Force
    $sample = Join-Path $repo 'samples/fpga-deployment.json'
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'Help of <_>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $_ -Full
        $command = Get-Command $_
    }

    It 'is written, not generated from the syntax' {
        $help.Synopsis | Should -Not -BeLike "$_ *"
        $help.description | Should -Not -BeNullOrEmpty
    }

    It 'has at least three examples with code' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 3
        $help.examples.example | ForEach-Object { $_.code | Should -Not -BeNullOrEmpty }
    }

    It 'describes every parameter the cmdlet has, and no other' {
        $real = $command.Parameters.Keys | Where-Object { $_ -notin $common -and $_ -ne 'ProgressAction' } | Sort-Object
        $documented = $help.parameters.parameter.name | Where-Object { $_ -notin $common } | Sort-Object
        $documented | Should -Be $real
        # platyPS documents -WhatIf and -Confirm of a cmdlet that supports ShouldProcess, and only of one that does.
        $shouldProcess = $command.Parameters.ContainsKey('WhatIf')
        $help.parameters.parameter.name | Where-Object { $_ -in 'WhatIf', 'Confirm' } | Should -HaveCount $(if ($shouldProcess) { 2 } else { 0 })
        $help.parameters.parameter | ForEach-Object { ($_.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$($_.name) needs a description" }
    }

    It 'documents each parameter type as the cmdlet declares it' {
        foreach ($parameter in $help.parameters.parameter) {
            $type = $command.Parameters[$parameter.name].ParameterType
            $type = if ([Nullable]::GetUnderlyingType($type)) { [Nullable]::GetUnderlyingType($type) } else { $type }
            $parameter.type.name | Should -Be $type.Name -Because "-$($parameter.name) is $($type.Name)"
        }
    }
}

Describe 'About topics' {
    It 'shows <_>' -ForEach @('about_EdgeMigration', 'about_EdgeMigration_Rules') {
        (Get-Help $_ | Out-String) | Should -Match 'SHORT DESCRIPTION'
    }
}

Describe 'Format views' {
    It 'shows the list view with Format-List' {
        $text = Get-EdgeMigrationRule R1 | Format-List | Out-String
        $text | Should -Match 'CanFix\s+: True'
        $text | Should -Match 'HelpUri\s+: https://'
    }

    It 'writes no ANSI escape sequences when output is plain text' -Skip:($PSVersionTable.PSVersion.Major -lt 7) {
        $saved = $PSStyle.OutputRendering
        try {
            $PSStyle.OutputRendering = 'PlainText'
            Test-EdgeModuleCompatibility $sample | Out-String | Should -Not -Match "$([char]27)\["
        }
        finally {
            $PSStyle.OutputRendering = $saved
        }
    }
}

Describe 'Tab completion' {
    It 'completes module ids from the manifest in -Path' {
        $line = "Get-EdgeModule '$sample' -Name Fpga"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'FpgaInference'
    }

    It 'completes rule ids' {
        $line = 'Get-EdgeMigrationRule -Id R'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('R1', 'R2', 'R3')
    }
}
