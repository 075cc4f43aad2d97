#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Pester 5 suite, run in a real pwsh by `dotnet test` (PesterSuiteTests) and by build.ps1 -Task Test.
# The same behaviour is tested without pwsh by tests/EdgeMigration.Module.Tests in the hosted engine.

BeforeAll {
    $repo = Split-Path -Parent $PSScriptRoot
    Import-Module (Join-Path $repo 'out/EdgeMigration/EdgeMigration.psd1') -Force
    $sample = Join-Path $repo 'samples/fpga-deployment.json'
    $corpus = Join-Path (Split-Path -Parent $repo) 'shared/corpus'
}

Describe 'EdgeMigration module' {
    It 'passes Test-ModuleManifest as built' {
        # The psd1 at the root is the source; its files (the dll, views, types) are beside it only in the built module.
        $built = Join-Path $repo 'out/EdgeMigration/EdgeMigration.psd1'
        { Test-ModuleManifest $built -ErrorAction Stop } | Should -Not -Throw
        Get-Content $built -Raw | Should -BeExactly (Get-Content (Join-Path $repo 'EdgeMigration.psd1') -Raw)
    }

    It 'exports exactly the cmdlets in the manifest' {
        $declared = (Import-PowerShellDataFile (Join-Path $repo 'EdgeMigration.psd1')).CmdletsToExport
        (Get-Module EdgeMigration).ExportedCmdlets.Keys | Sort-Object | Should -Be ($declared | Sort-Object)
    }
}

Describe 'Get-EdgeModule' {
    It 'lists the modules of the sample, system modules included' {
        (Get-EdgeModule -Path $sample).Name | Should -Be @('edgeAgent', 'edgeHub', 'FpgaInference', 'WebServerApp', 'file_mover')
    }

    It 'reads files piped from Get-ChildItem' {
        $modules = Get-ChildItem $corpus -Filter '*lva-edge-iot-central-gateway_setup_deployment.amd64.json' | Get-EdgeModule
        $modules.Name | Should -Contain 'lvaEdge'
    }

    It 'reads ConvertFrom-Json output' {
        $modules = Get-Content $sample -Raw | ConvertFrom-Json | Get-EdgeModule -Name 'Fpga*'
        $modules.CreateOptions.HostConfig.Privileged | Should -BeTrue
    }

    It 'writes a non-terminating error for a missing file and goes on' {
        $modules = Get-EdgeModule -Path (Join-Path $TestDrive 'missing.json'), $sample -ErrorVariable errors -ErrorAction SilentlyContinue
        $modules | Should -HaveCount 5
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ManifestFileNotFound,*'
    }
}

Describe 'Test-EdgeModuleCompatibility' {
    It 'reports the sample as not compatible with -Quiet' {
        Test-EdgeModuleCompatibility -Path $sample -Quiet | Should -BeFalse
    }

    It 'emits one result per module with findings that carry rule ids' {
        $results = Test-EdgeModuleCompatibility -Path $sample
        ($results | Where-Object ModuleName -eq 'file_mover').Findings.RuleId | Should -Contain 'O4'
    }

    It 'judges binds with the -ShareMap the conversion will use' {
        $check = { param($map) (Test-EdgeModuleCompatibility -Path $sample -ModuleName WebServerApp -Rule S2, S3 -ShareMap $map).Findings.RuleId }
        & $check @{} | Should -Be 'S3'
        & $check @{ '/var/www/html' = 'webcontent' } | Should -Be 'S2'
    }

    It 'reports invalid JSON with line and column' {
        $bad = Join-Path $TestDrive 'bad.json'
        Set-Content -Path $bad -Value "{`n  `"modulesContent`": <oops>`n}"
        Test-EdgeModuleCompatibility -Path $bad -ErrorVariable errors -ErrorAction SilentlyContinue | Out-Null
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidManifestJson,*'
        $errors[0].Exception.Message | Should -BeLike '*line 2, column 21*'
    }

    It 'reports createOptions fields of a type the agent cannot read (K4)' {
        $finding = '{"Env": "A=1"}' | Test-EdgeModuleCompatibility -ModuleName probe | ForEach-Object Findings | Where-Object RuleId -eq K4
        $finding.Severity | Should -Be 'Error'
        $finding.Location | Should -Be 'Env'
        $finding.Message | Should -BeLike 'Env is a string, not an array of strings;*'
    }

    It 'checks a folder of manifests in the order Get-ChildItem gives them' {
        $clean = Join-Path $corpus 'Azure+iotedge__e2e_deployment_files_nestededge_middleLayerBaseDeployment_amqp.json'
        0..19 | ForEach-Object { Copy-Item -LiteralPath $(if ($_ % 2) { $clean } else { $sample }) -Destination (Join-Path $TestDrive ('device-{0:D2}.json' -f $_)) }
        $verdicts = Get-ChildItem -Path $TestDrive -Filter 'device-*.json' | Sort-Object Name | Test-EdgeModuleCompatibility -Quiet
        $verdicts | Should -Be (0..19 | ForEach-Object { [bool]($_ % 2) })
    }

    It 'answers False with -Quiet for a file it cannot read, so the verdicts line up with the files' {
        $clean = Join-Path $corpus 'Azure+iotedge__e2e_deployment_files_nestededge_middleLayerBaseDeployment_amqp.json'
        $broken = Join-Path $TestDrive 'broken.json'
        Set-Content -LiteralPath $broken -Value '{ "modulesContent": '
        $verdicts = Test-EdgeModuleCompatibility -LiteralPath $clean, $broken, (Join-Path $TestDrive 'missing.json'), $clean -Quiet -ErrorAction SilentlyContinue -ErrorVariable failed
        $verdicts | Should -Be @($true, $false, $false, $true)
        $failed.Count | Should -Be 2
    }
}

Describe 'ConvertTo-GpuEdgeManifest' {
    It 'converts a file to a new file and never overwrites without -Force' {
        $out = Join-Path $TestDrive 'gpu.json'
        ConvertTo-GpuEdgeManifest -Path $sample -OutFile $out | Out-Null
        Test-Path $out | Should -BeTrue
        ConvertTo-GpuEdgeManifest -Path $sample -OutFile $out -ErrorVariable errors -ErrorAction SilentlyContinue | Out-Null
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'OutputFileExists,*'
    }

    It 'checks the result with every rule when -ExcludeRule leaves a fix out' {
        $result = ConvertTo-GpuEdgeManifest -Path $sample -ExcludeRule R1 -WarningAction SilentlyContinue
        $result.Compatible | Should -BeFalse
        $result.RemainingFindings.RuleId | Should -Contain 'R1'
    }

    It 'reads objects that name a file, as from Select-Object FullName' {
        Copy-Item -LiteralPath $sample -Destination (Join-Path $TestDrive 'site[1].json')
        $results = Get-ChildItem -LiteralPath $TestDrive -Filter 'site*.json' | Select-Object FullName | ConvertTo-GpuEdgeManifest -WarningAction SilentlyContinue
        $results.Manifest | Should -Be (Join-Path $TestDrive 'site[1].json')
    }

    It 'writes an error in its place after the results before it' {
        $order = ConvertTo-GpuEdgeManifest -Path $sample, (Join-Path $TestDrive 'missing.json') -WarningAction SilentlyContinue 2>&1 |
            ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { 'error' } else { 'result' } }
        $order | Should -Be @('result', 'error')
    }

    It 'writes nothing with -WhatIf' {
        $out = Join-Path $TestDrive 'whatif.json'
        ConvertTo-GpuEdgeManifest -Path $sample -OutFile $out -WhatIf | Out-Null
        Test-Path $out | Should -BeFalse
    }

    It 'gives modulesContent as a hashtable for Add-AzIotHubDeployment' {
        $result = ConvertTo-GpuEdgeManifest -Path $sample
        $result.ModulesContent.Keys | Should -Contain '$edgeAgent'
        $result.ToJson() | ConvertFrom-Json | Should -Not -BeNullOrEmpty
    }

    It 'warns that a converted $edgeAgent module twin is no deployment' {
        $twin = [ordered]@{ moduleId = '$edgeAgent'; properties = @{ desired = [ordered]@{ schemaVersion = '1.0'; runtime = @{ type = 'docker' }
                    modules = @{ web = @{ type = 'docker'; settings = @{ image = 'contoso/web:1' } } }; '$version' = 4 } } }
        $result = $twin | ConvertTo-GpuEdgeManifest -WarningVariable warnings -WarningAction SilentlyContinue
        $result.Shape | Should -Be 'EdgeAgentTwin'
        $result.ModulesContent | Should -BeNullOrEmpty
        $warnings | Where-Object { $_ -like '*the $edgeAgent module twin, not a deployment*' } | Should -HaveCount 1
    }

    It 'is idempotent' {
        $once = (ConvertTo-GpuEdgeManifest -Path $sample).ToJson()
        $twice = ConvertTo-GpuEdgeManifest -InputObject $once
        $twice.Changes | Should -BeNullOrEmpty
        $twice.ToJson() | Should -Be $once
    }
}

Describe 'ConvertTo-EdgeKubernetesManifest' {
    It 'renders a converted manifest as multi-document YAML' {
        $yaml = ConvertTo-GpuEdgeManifest -Path $sample -WarningAction SilentlyContinue | ConvertTo-EdgeKubernetesManifest -AsYaml
        $yaml | Should -BeOfType [string]
        $yaml | Should -Match '(?m)^kind: Deployment$'
        $yaml | Should -Match 'nvidia.com/gpu: "2"'
        $yaml | Should -Not -Match 'FAILS'
    }

    It 'emits one object per Kubernetes resource with the object as hashtables' {
        $service = ConvertTo-EdgeKubernetesManifest -Path $sample -ModuleName WebServerApp | Where-Object Kind -eq Service
        $service.Name | Should -Be 'webserverapp'
        $service.Object.spec.type | Should -Be 'LoadBalancer'
        $service.Object.spec.ports.port | Should -Contain 8080
    }

    It 'lists dropped settings and warns about modules the device refuses' {
        $deployment = ConvertTo-EdgeKubernetesManifest -Path $sample -ModuleName FpgaInference -WarningVariable warnings -WarningAction SilentlyContinue |
            Where-Object Kind -eq Deployment
        $deployment.DroppedSettings.Location | Should -Contain 'HostConfig.Memory'
        $deployment.ModuleFails | Should -BeTrue
        $warnings | Should -Not -BeNullOrEmpty
    }

    It 'marks modules the device deploys that would not start, and warns' {
        $deployment = ConvertTo-GpuEdgeManifest -Path $sample -WarningAction SilentlyContinue |
            ConvertTo-EdgeKubernetesManifest -WarningVariable warnings -WarningAction SilentlyContinue |
            Where-Object { $_.Kind -eq 'Deployment' -and -not $_.Starts }
        $deployment.ModuleName | Should -Be 'file-mover'
        $deployment.Deploys | Should -BeTrue
        $deployment.StartProblems.RuleId | Should -Be 'S4'
        $warnings | Should -HaveCount 1
    }

    It 'fails every module when one stops the whole deployment, and names it' {
        $manifest = @{ modulesContent = @{ '$edgeAgent' = @{ 'properties.desired' = [ordered]@{ schemaVersion = '1.1'; modules = [ordered]@{
                        broken = @{ type = 'docker'; settings = @{ image = 'contoso/broken:1'; createOptions = '{"HostConfig":{"Mounts":[{"Type":"bind","Target":"/data"}]}}' } }
                        fine = @{ type = 'docker'; settings = @{ image = 'contoso/fine:1' } } } } } } }
        $deployments = $manifest | ConvertTo-EdgeKubernetesManifest -WarningVariable warnings -WarningAction SilentlyContinue | Where-Object Kind -eq Deployment
        $deployments.Deploys | Should -Be @($false, $false)
        ($deployments | Where-Object ModuleName -eq fine).DroppedSettings.StoppedBy | Should -Be 'broken'
        ($deployments | Where-Object ModuleName -eq broken).DroppedSettings.StopsDeployment | Should -Contain $true
        $warnings | Should -HaveCount 1
    }

    It 'fails every module when Kubernetes refuses one Service, as the agent applies Services first' {
        $manifest = @{ modulesContent = @{ '$edgeAgent' = @{ 'properties.desired' = [ordered]@{ schemaVersion = '1.1'; modules = [ordered]@{
                        web = @{ type = 'docker'; settings = @{ image = 'contoso/web:1'; createOptions = '{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"70000"}]}}}' } }
                        fine = @{ type = 'docker'; settings = @{ image = 'contoso/fine:1' } } } } } } }
        $deployments = $manifest | ConvertTo-EdgeKubernetesManifest -WarningAction SilentlyContinue | Where-Object Kind -eq Deployment
        $deployments.Deploys | Should -Be @($false, $false)
        ($deployments | Where-Object ModuleName -eq fine).DroppedSettings.StoppedBy | Should -Be 'web'
        $finding = Test-EdgeModuleCompatibility -InputObject $manifest -Rule K10 | ForEach-Object Findings
        $finding.Message | Should -Match 'so the whole deployment fails\.$'
    }

    It 'deploys the other modules of a refused Deployment but shows they do not start, as the check says (K19)' {
        $manifest = @{ modulesContent = @{ '$edgeAgent' = @{ 'properties.desired' = [ordered]@{ schemaVersion = '1.1'; modules = [ordered]@{
                        refused = @{ type = 'docker'; env = @{ '1ABC' = @{ value = '1' } }; settings = @{ image = 'contoso/refused:1' } }
                        fine = @{ type = 'docker'; settings = @{ image = 'contoso/fine:1' } } } } } } }
        $fine = $manifest | ConvertTo-EdgeKubernetesManifest -ModuleName fine -WarningAction SilentlyContinue | Where-Object Kind -eq Deployment
        $fine.Deploys | Should -BeTrue
        $fine.Starts | Should -BeFalse
        $fine.StartProblems.RuleId | Should -Be 'K19'
        $finding = Test-EdgeModuleCompatibility -InputObject $manifest -ModuleName fine -Rule K19 | ForEach-Object Findings
        $finding.RuleId | Should -Be 'K19'
        $finding.Message | Should -BeLike "*module 'refused' (rule O4)*ServiceAccounts*"
    }

    It 'warns of a module that addresses another at a port its Service does not serve (K20)' {
        $manifest = @{ modulesContent = @{ '$edgeAgent' = @{ 'properties.desired' = [ordered]@{ schemaVersion = '1.1'; modules = [ordered]@{
                        collector = @{ type = 'docker'; env = @{ METRICS = @{ value = 'http://scorer:9600/metrics' } }; settings = @{ image = 'contoso/collector:1' } }
                        scorer = @{ type = 'docker'; settings = @{ image = 'contoso/scorer:1'; createOptions = '{"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"80"}]}}}' } } } } } } }
        $finding = Test-EdgeModuleCompatibility -InputObject $manifest -Rule K20 | ForEach-Object Findings
        $finding.ModuleName | Should -Be 'collector'
        $finding.Location | Should -Be 'env.METRICS'
        $finding.Message | Should -BeLike "*serves port 80 only*"
    }

    It 'writes a v1 List with -AsJson' {
        # Converted: the sample as written has Deployments the API server refuses, so no ServiceAccount would be created (K19).
        $list = ConvertTo-GpuEdgeManifest -Path $sample -WarningAction SilentlyContinue | ConvertTo-EdgeKubernetesManifest -ModuleName WebServerApp -AsJson | ConvertFrom-Json
        $list.kind | Should -Be 'List'
        $list.items.kind | Should -Be @('Deployment', 'Service', 'ServiceAccount')
    }

    It 'reports a module the manifest does not have' {
        ConvertTo-EdgeKubernetesManifest -Path $sample -ModuleName NoSuchModule -ErrorVariable errors -ErrorAction SilentlyContinue | Out-Null
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ModuleNotFound,*'
    }
}
