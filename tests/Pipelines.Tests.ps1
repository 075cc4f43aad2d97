#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The module's objects with PowerShell's own cmdlets, as administrators combine them: JSON, CSV, CliXml, jobs, files and
# locations, common parameters. Run in a real pwsh by `dotnet test` (PesterSuiteTests) and by build.ps1 -Task Test; the
# hosted engine of tests/EdgeMigration.Module.Tests has none of these cmdlets.

BeforeAll {
    $repo = Split-Path -Parent $PSScriptRoot
    $module = Join-Path $repo 'out/EdgeMigration/EdgeMigration.psd1'
    Import-Module $module -Force
    $sample = Join-Path $repo 'samples/fpga-deployment.json'

    # Values ConvertFrom-Json and ConvertTo-Json change the type of: a date string, an integer beyond Int64, 1.0, and
    # keys that differ only in case (proxy variables set twice, routes, desired properties).
    $typed = Join-Path $TestDrive 'typed.json'
    Set-Content -LiteralPath $typed -Value @'
{"modulesContent": {
  "$edgeAgent": {"properties.desired": {"schemaVersion": "1.1", "runtime": {"type": "docker", "settings": {"minDockerVersion": "v1.25"}},
    "systemModules": {"edgeAgent": {"type": "docker", "settings": {"image": "mcr.microsoft.com/azureiotedge-agent:1.4", "createOptions": {}}},
                      "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always", "settings": {"image": "mcr.microsoft.com/azureiotedge-hub:1.4", "createOptions": "{\"HostConfig\":{\"PortBindings\":{\"443/tcp\":[{\"HostPort\":\"443\"}]}}}"}}},
    "modules": {"app": {"version": "1.0", "type": "docker", "status": "running", "restartPolicy": "always", "startupOrder": 2,
      "env": {"RATIO": {"value": 1.5}, "FLAG": {"value": true}, "SINCE": {"value": "2024-01-02T03:04:05Z"}, "http_proxy": {"value": "http://proxy:3128"}, "HTTP_PROXY": {"value": "http://proxy:3128"}, "no_proxy": {"value": "localhost"}},
      "settings": {"image": "contoso.azurecr.io/app:1", "createOptions": {"HostConfig": {"Memory": 536870912, "Privileged": false, "Binds": ["/data:/data"]}, "Labels": {}, "Cmd": []}}}}}},
  "$edgeHub": {"properties.desired": {"schemaVersion": "1.1", "routes": {"r": "FROM /messages/* INTO $upstream", "R": "FROM /messages/modules/app/* INTO $upstream"}}},
  "app": {"properties.desired": {"ratio": 1.0, "big": 12345678901234567890, "when": "2024-01-02T03:04:05Z", "list": [1, 2.5, "x", null, true, {"k": []}], "Threshold": 1, "threshold": 2}}
}}
'@
    # The same without keys that differ only in case, which ConvertFrom-Json without -AsHashtable merges.
    $typedOneCase = Join-Path $TestDrive 'typed-one-case.json'
    (Get-Content -LiteralPath $typed -Raw) -replace ', "HTTP_PROXY": \{"value": "http://proxy:3128"\}', '' -replace ', "R": "FROM /messages/modules/app/\* INTO \$upstream"', '' -replace ', "threshold": 2', '' |
        Set-Content -LiteralPath $typedOneCase -NoNewline

    # The converted modulesContent as Az sends it (ConvertTo-Json), and as the converted file says it.
    function ConvertTo-CompactJson($value) { $value | ConvertTo-Json -Depth 100 -Compress }
    function Get-WrittenModulesContent($conversion) { ConvertTo-CompactJson ($conversion.ToJson() | ConvertFrom-Json -AsHashtable).modulesContent }
}

Describe 'ModulesContent through ConvertTo-Json' {
    It 'is the converted manifest''s modulesContent for <name>' -ForEach @(
        @{ name = 'the sample' ; file = 'sample' }
        @{ name = 'dates, big integers, floats and keys that differ in case'; file = 'typed' }
    ) {
        $path = if ($file -eq 'sample') { $sample } else { $typed }
        $conversion = ConvertTo-GpuEdgeManifest -LiteralPath $path -WarningAction SilentlyContinue

        ConvertTo-CompactJson $conversion.ModulesContent | Should -BeExactly (Get-WrittenModulesContent $conversion)
    }

    It 'keeps both of two keys that differ only in case' {
        $modules = (ConvertTo-GpuEdgeManifest -LiteralPath $typed -WarningAction SilentlyContinue).ModulesContent

        $modules['$edgeAgent']['properties.desired'].modules.app.env.Keys | Should -Contain 'HTTP_PROXY'
        $modules['$edgeAgent']['properties.desired'].modules.app.env.Keys | Should -Contain 'http_proxy'
        $modules['$edgeHub']['properties.desired'].routes.Keys | Should -Be @('r', 'R')
    }
}

Describe 'ConvertFrom-Json output piped back' {
    It 'converts as the file does, <name>' -ForEach @(
        @{ name = 'as objects'; asHashtable = $false }
        @{ name = 'as hashtables'; asHashtable = $true }
    ) {
        $path = if ($asHashtable) { $typed } else { $typedOneCase }
        $fromFile = ConvertTo-GpuEdgeManifest -LiteralPath $path -WarningAction SilentlyContinue
        $parsed = Get-Content -LiteralPath $path -Raw | ConvertFrom-Json -AsHashtable:$asHashtable

        $piped = $parsed | ConvertTo-GpuEdgeManifest -WarningAction SilentlyContinue -ErrorAction Stop

        Get-WrittenModulesContent $piped | Should -BeExactly (Get-WrittenModulesContent $fromFile)
        $piped.Changes.ForEach('ToString') | Should -Be $fromFile.Changes.ForEach('ToString')
    }

    It 'keeps a date string as it was written' {
        $piped = Get-Content -LiteralPath $typedOneCase -Raw | ConvertFrom-Json | ConvertTo-GpuEdgeManifest -WarningAction SilentlyContinue

        $piped.ToJson() | Should -Match '"when": "2024-01-02T03:04:05Z"'
    }
}

Describe 'Text from Get-Content' {
    BeforeAll {
        $folder = Join-Path $TestDrive 'get-content'
        New-Item -ItemType Directory -Path $folder | Out-Null
        $good = Join-Path $folder 'good.json'
        $bad = Join-Path $folder 'bad.json'
        Copy-Item -LiteralPath $sample -Destination $good
        Set-Content -LiteralPath $bad -Value '{ "modulesContent": { bad'
    }

    It 'names the manifest by the file it read, line by line or whole' {
        (Get-Content -LiteralPath $good | Test-EdgeModuleCompatibility)[0].Manifest | Should -Be $good
        (Get-Content -LiteralPath $good -Raw | Get-EdgeModule)[0].Manifest | Should -Be $good
        (Get-Content -LiteralPath $good -Raw | ConvertTo-GpuEdgeManifest -WarningAction SilentlyContinue).Manifest | Should -Be $good
    }

    It 'says which file holds invalid JSON' {
        Get-Content -LiteralPath $bad | Test-EdgeModuleCompatibility -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].Exception.Message | Should -BeLike "$bad*line 1, column 23*"
    }

    It 'converts into a folder under the name of the file it read' {
        $out = Join-Path $folder 'out'
        $result = Get-Content -LiteralPath $good -Raw | ConvertTo-GpuEdgeManifest -Destination $out -WarningAction SilentlyContinue
        $result.OutFile | Should -Be (Join-Path $out 'good.json')
        Test-Path -LiteralPath $result.OutFile | Should -BeTrue
    }

    It 'still calls text of no file JSON text' {
        ((Get-Content -LiteralPath $good -Raw).ToString() | Test-EdgeModuleCompatibility)[0].Manifest | Should -Be 'JSON text'
    }
}

Describe 'Results piped on' {
    BeforeAll {
        $fleet = Join-Path $TestDrive 'fleet'
        New-Item -ItemType Directory -Path $fleet | Out-Null
        Copy-Item -LiteralPath $sample -Destination (Join-Path $fleet 'site1.json')
        Copy-Item -LiteralPath $sample -Destination (Join-Path $fleet 'site2.json')
        Set-Content -LiteralPath (Join-Path $fleet 'empty.json') -Value '{"modulesContent": {"$edgeAgent": {"properties.desired": {"schemaVersion": "1.1", "modules": {}}}}}'
    }

    It 'converts each manifest the check failed, once' {
        $out = Join-Path $TestDrive 'fleet-gpu'
        $converted = Get-ChildItem -LiteralPath $fleet -Filter *.json | Test-EdgeModuleCompatibility |
            Where-Object Compatible -eq $false | ConvertTo-GpuEdgeManifest -Destination $out -WarningAction SilentlyContinue
        $converted.Manifest | Should -Be @((Join-Path $fleet 'site1.json'), (Join-Path $fleet 'site2.json'))
        (Get-ChildItem -LiteralPath $out).Name | Should -Be @('site1.json', 'site2.json')
    }

    It 'refuses copies Select-Object made of results, once per manifest, but reads a copy of a conversion' {
        Test-EdgeModuleCompatibility $sample | Select-Object Manifest, ModuleName, Compatible |
            ConvertTo-GpuEdgeManifest -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].Exception.Message | Should -BeLike '*copy Select-Object made of a result*'
        (ConvertTo-GpuEdgeManifest $sample -WarningAction SilentlyContinue | Select-Object * | Test-EdgeModuleCompatibility).Count | Should -BeGreaterThan 1
    }

    It 'refuses the results a job brought back, once per manifest' {
        $results = Start-Job { param($module, $file) Import-Module $module; Test-EdgeModuleCompatibility $file } -ArgumentList $module, $sample |
            Receive-Job -Wait -AutoRemoveJob
        $results | ConvertTo-GpuEdgeManifest -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].Exception.Message | Should -BeLike '*brought back by remoting, a job or Import-Clixml*'
    }
}

Describe 'CSV' {
    It 'writes the ports of each module as kubectl shows them' {
        $endpoints = Get-Content (Join-Path $repo 'samples/kubectl-get-svc.txt') | Get-EdgeModuleExternalIp
        $csv = Join-Path $TestDrive 'endpoints.csv'

        $endpoints | Export-Csv -LiteralPath $csv
        $rows = Import-Csv -LiteralPath $csv

        $rows.Name | Should -Be @('edgehub', 'iotedged', 'webserverapp')
        $rows.Ports | Should -Be @('443:31987/TCP,5671:32336/TCP,8883:30618/TCP', '35000/TCP,35001/TCP', '8080:30976/TCP')
        $rows.ExternalIp | Should -Be @('10.128.44.243', '', '10.128.44.244')
    }

    It 'keeps the ports a list of objects' {
        $edgehub = Get-Content (Join-Path $repo 'samples/kubectl-get-svc.txt') | Get-EdgeModuleExternalIp -Name edgehub

        $edgehub.Ports | Should -HaveCount 3
        $edgehub.Ports.Length | Should -Be 3
        $edgehub.Ports[0].NodePort | Should -Be 31987
        ($edgehub | ConvertTo-Json -Depth 3 | ConvertFrom-Json).Ports.Port | Should -Be @(443, 5671, 8883)
    }

    It 'writes the addresses as text in JSON, as in CSV' {
        $json = Get-Content (Join-Path $repo 'samples/kubectl-get-svc.txt') | Get-EdgeModuleExternalIp -Name webserverapp | ConvertTo-Json -Depth 3 | ConvertFrom-Json

        $json.ExternalIp | Should -BeExactly '10.128.44.244'
        $json.ClusterIp | Should -BeExactly '10.105.186.35'
    }

    It 'writes the lists of each result as their items, one a line' {
        $compatibility = Test-EdgeModuleCompatibility -Path $sample
        $conversion = ConvertTo-GpuEdgeManifest -Path $sample -WarningAction SilentlyContinue
        $resources = ConvertTo-EdgeKubernetesManifest -Path $sample -WarningAction SilentlyContinue | Where-Object Kind -eq Deployment

        $rows = $compatibility | ConvertTo-Csv | ConvertFrom-Csv
        $conversionRow = $conversion | ConvertTo-Csv | ConvertFrom-Csv
        $resourceRows = $resources | ConvertTo-Csv | ConvertFrom-Csv

        $rows.Findings | Should -Be @($compatibility | ForEach-Object { $_.Findings.ForEach('ToString') -join [Environment]::NewLine })
        $rows[3].Findings | Should -Match '^O4 Error FpgaInference Env\[1\]: Environment variable'
        $rows[3].RuleIds | Should -BeExactly 'O4,R1,R2,S2,S1,O1,O2,K19'
        $conversionRow.Changes -split [Environment]::NewLine | Should -Be $conversion.Changes.ForEach('ToString')
        $conversionRow.RemainingFindings -split [Environment]::NewLine | Should -Be $conversion.RemainingFindings.ForEach('ToString')
        $resourceRows.DroppedSettings | Should -Be @($resources | ForEach-Object { $_.DroppedSettings.ForEach('ToString') -join [Environment]::NewLine })
        $resourceRows.StartProblems | Should -Be @($resources | ForEach-Object { $_.StartProblems.ForEach('ToString') -join [Environment]::NewLine })
    }

    It 'keeps the lists of each result lists of objects, as long as they were' {
        $findings = (Test-EdgeModuleCompatibility -Path $sample | Where-Object ModuleName -eq FpgaInference).Findings

        $findings.Length | Should -Be $findings.Count
        $findings.Count | Should -BeGreaterThan 1
        $findings[0].RuleId | Should -Be 'O4'
        ($findings | Where-Object Severity -eq Error).Count | Should -Be 6
    }

    It 'writes findings and changes with one readable value per column' {
        $findings = Test-EdgeModuleCompatibility -Path $sample | ForEach-Object Findings | ConvertTo-Csv | ConvertFrom-Csv
        $changes = (ConvertTo-GpuEdgeManifest -Path $sample -WarningAction SilentlyContinue).Changes | ConvertTo-Csv | ConvertFrom-Csv

        $findings | Where-Object RuleId -eq S2 | Select-Object -First 1 -ExpandProperty Location | Should -Be 'HostConfig.Binds[0]'
        ($changes | Where-Object RuleId -eq O4 | Select-Object -First 1).Before | Should -Be '"Logging:LogLevel:Default=Information"'
        $findings + $changes | ForEach-Object { $_.PSObject.Properties.Value } | Should -Not -Match '^(System|EdgeMigration)\.[\w.]+(\[\])?$'
    }
}
