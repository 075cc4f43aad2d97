#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Pester 5 tests for Get-EdgeModuleExternalIp, for a pwsh or Windows PowerShell 5.1 with Pester.
# Build first (dotnet build EdgeMigration.sln -c Release); then: Invoke-Pester ./tests/Get-EdgeModuleExternalIp.Tests.ps1
# The reference device output lives in ../shared beside the clone.

BeforeAll {
    $repoRoot = Split-Path -Parent $PSScriptRoot
    Import-Module (Join-Path $repoRoot 'out/EdgeMigration/EdgeMigration.psd1') -Force
    $samples = Join-Path (Split-Path -Parent $repoRoot) 'shared/reference/device-output'
    $wrapped = Join-Path $samples 'iotedge-list-ports-wrapped.txt'
    $fiveColumns = Join-Path $samples 'iotedge-list-5col.txt'
    $kubectlTable = Join-Path $samples 'kubectl-get-svc-iotedge.txt'
    $errorSuffix = ',EdgeMigration.Commands.GetEdgeModuleExternalIpCommand'
}

Describe 'Get-EdgeModuleExternalIp with captured text' {
    It 'reads iotedge list piped as one string, joining wrapped ports' {
        $modules = Get-Content $wrapped -Raw | Get-EdgeModuleExternalIp

        $modules.Name | Should -Be @('edgehub', 'iotedged', 'cuda-sample2', 'edgeagent', 'cuda-sample1')
        $modules[0] | Should -BeOfType ([EdgeMigration.EdgeModuleEndpoint])
        $modules[0].ExternalIp | Should -BeExactly '10.57.48.62'
        ($modules[0].Ports -join ',') | Should -Be '443:31457/TCP,5671:30881/TCP,8883:31753/TCP'
        $modules[1].IsClusterOnly | Should -BeTrue
        $modules[1].ExternalIp | Should -BeNullOrEmpty
    }

    It 'reads the same from Get-Content line by line' {
        $raw = Get-Content $kubectlTable -Raw | Get-EdgeModuleExternalIp
        $lines = Get-Content $kubectlTable | Get-EdgeModuleExternalIp

        ($lines | ForEach-Object { "$($_.Name) $($_.ExternalIp) $($_.Ports -join ',')" }) |
            Should -Be ($raw | ForEach-Object { "$($_.Name) $($_.ExternalIp) $($_.Ports -join ',')" })
        $lines.Source | Select-Object -Unique | Should -Be 'KubectlTable'
    }

    It 'names the modules of each file Get-Content read by that file' {
        $modules = Get-Content $fiveColumns, $kubectlTable | Get-EdgeModuleExternalIp

        $modules.Origin | Select-Object -Unique | Should -Be @((Get-Item $fiveColumns).FullName, (Get-Item $kubectlTable).FullName)
        ($modules | Where-Object Source -eq KubectlTable).Origin | Select-Object -Unique | Should -Be (Get-Item $kubectlTable).FullName
    }

    It 'finds a module by its IoT Hub module id' {
        $module = Get-Content $fiveColumns | Get-EdgeModuleExternalIp -Name webServerApp

        $module.Name | Should -Be 'webserverapp'
        $module.ExternalIp | Should -BeExactly '10.128.44.244'
    }

    It 'filters with wildcards' {
        (Get-Content $fiveColumns | Get-EdgeModuleExternalIp -Name 'edge*').Name | Should -Be @('edgehub', 'edgeagent')
    }

    It 'warns when a module has ports but no external IP' {
        $text = @(
            'NAME         EXTERNAL-IP PORT(S)'
            '----         ----------- -------'
            'webserverapp             8080:30976/TCP'
        )

        $module = $text | Get-EdgeModuleExternalIp -WarningVariable warnings -WarningAction SilentlyContinue

        $module.Name | Should -Be 'webserverapp'
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -Match 'Kubernetes external service IPs'
    }

    It 'writes DeviceOutputNotRecognized for text that is not device output' {
        $result = 'hello world' | Get-EdgeModuleExternalIp -ErrorVariable errors -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -Be "DeviceOutputNotRecognized$errorSuffix"
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }
}

Describe 'Get-EdgeModuleExternalIp -KubeConfig' {
    It 'names kubectl and PATH when kubectl is not installed' {
        $empty = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
        $kubeConfig = Join-Path $empty 'config'
        Set-Content -Path $kubeConfig -Value 'apiVersion: v1'
        $savedPath = $env:PATH
        try {
            $env:PATH = $empty.FullName
            Get-EdgeModuleExternalIp -KubeConfig $kubeConfig -ErrorVariable errors -ErrorAction SilentlyContinue
        }
        finally {
            $env:PATH = $savedPath
            Remove-Item $empty -Recurse -Force
        }

        $errors[0].FullyQualifiedErrorId | Should -Be "KubectlNotFound$errorSuffix"
        $errors[0].Exception.Message | Should -Match 'kubectl was not found.*PATH'
    }
}

Describe 'Get-EdgeModuleExternalIp -Session' {
    # A stand-in for the device's Minishell: a remoting session over this process's own named pipe (pwsh 7.3+),
    # in which a function 'iotedge' writes the captured table.
    BeforeAll {
        $canCreateSession = $null -ne [System.Management.Automation.Runspaces.PSSession].GetMethod('Create')
    }

    It 'runs iotedge list in the session and reads its table' -Skip:($PSVersionTable.PSVersion.Major -lt 7) {
        if (-not $canCreateSession) { Set-ItResult -Skipped -Because 'PSSession.Create needs pwsh 7.3 or later' }
        $connection = [System.Management.Automation.Runspaces.NamedPipeConnectionInfo]::new($PID)
        $runspace = [runspacefactory]::CreateRunspace($connection, $Host, [System.Management.Automation.Runspaces.TypeTable]::LoadDefaultTypeFiles())
        $runspace.Open()
        try {
            $session = [System.Management.Automation.Runspaces.PSSession]::Create($runspace, 'NamedPipe', $null)
            Invoke-Command -Session $session -ArgumentList (, (Get-Content $wrapped)) -ScriptBlock {
                param($output)
                $global:IotedgeListOutput = $output
                function global:iotedge { param($Command) if ($Command -eq 'list') { $global:IotedgeListOutput } }
            }

            $modules = Get-EdgeModuleExternalIp -Session $session
        }
        finally {
            $runspace.Dispose()
        }

        $modules.Name | Should -Be @('edgehub', 'iotedged', 'cuda-sample2', 'edgeagent', 'cuda-sample1')
        $modules[0].ExternalIp | Should -BeExactly '10.57.48.62'
        $modules[0].Origin | Should -Be 'localhost'
    }

    It 'writes InvalidSession for a closed session' -Skip:($PSVersionTable.PSVersion.Major -lt 7) {
        if (-not $canCreateSession) { Set-ItResult -Skipped -Because 'PSSession.Create needs pwsh 7.3 or later' }
        $connection = [System.Management.Automation.Runspaces.NamedPipeConnectionInfo]::new($PID)
        $runspace = [runspacefactory]::CreateRunspace($connection, $Host, [System.Management.Automation.Runspaces.TypeTable]::LoadDefaultTypeFiles())
        $runspace.Open()
        $session = [System.Management.Automation.Runspaces.PSSession]::Create($runspace, 'NamedPipe', $null)
        $runspace.Dispose()

        Get-EdgeModuleExternalIp -Session $session -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be "InvalidSession$errorSuffix"
    }
}
