#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The README and the help (docs/help/*.md) as a user meets them in a real pwsh, which has every cmdlet PowerShell
# ships and its own host: the hosted engine of tests/EdgeMigration.Module.Tests (DocExampleTests,
# ReadmeWalkthroughTests) has only the Core cmdlets and a host of its own making.
# Commands for Azure run against stand-ins with Az.IotHub's and the az CLI's real parameters, so that what the docs
# pass them really binds; the package test builds the gallery package as the README says and installs it.

BeforeDiscovery {
    $repo = Split-Path -Parent $PSScriptRoot

    # Each example of a cmdlet's help: its title, its first ```powershell block, and its ```Output blocks.
    $examples = foreach ($file in Get-ChildItem (Join-Path $repo 'docs/help') -Filter *.md | Where-Object Name -NotLike 'about_*') {
        $text = (Get-Content $file.FullName -Raw) -replace "`r`n", "`n"
        $section = [regex]::Match($text, '(?s)\n## EXAMPLES\n(.*?)\n## ').Groups[1].Value
        foreach ($example in [regex]::Matches($section, '(?s)### ([^\n]+)\n(.*?)(?=\n### |$)')) {
            $body = $example.Groups[2].Value
            @{
                Cmdlet   = $file.BaseName
                Title    = $example.Groups[1].Value
                Code     = [regex]::Match($body, '(?s)```powershell\n(.*?)```').Groups[1].Value
                Expected = @([regex]::Matches($body, '(?s)```Output\n(.*?)```') | ForEach-Object { $_.Groups[1].Value.TrimEnd("`n") }) -join "`n"
            }
        }
    }
    $withOutput = $examples | Where-Object Expected
    $withoutOutput = $examples | Where-Object { -not $_.Expected }

    # The README's walkthrough and runbook, and the ```powershell blocks of the about topics.
    $readme = (Get-Content (Join-Path $repo 'README.md') -Raw) -replace "`r`n", "`n"
    $readmeBlocks = foreach ($heading in '## A 5-minute walkthrough', '## A runbook') {
        $section = [regex]::Match($readme, "(?s)$([regex]::Escape($heading))\n(.*?)(?=\n## |$)").Groups[1].Value
        $index = 0
        foreach ($block in [regex]::Matches($section, '(?s)```(powershell|sh)\n(.*?)```')) {
            $index++
            @{ Source = "README $heading, block $index"; Language = $block.Groups[1].Value; Code = $block.Groups[2].Value }
        }
    }
    $aboutBlocks = foreach ($file in Get-ChildItem (Join-Path $repo 'docs/help') -Filter about_*.md) {
        $text = (Get-Content $file.FullName -Raw) -replace "`r`n", "`n"
        $index = 0
        foreach ($block in [regex]::Matches($text, '(?s)```powershell\n(.*?)```')) {
            $index++
            @{ Source = "$($file.BaseName), block $index"; Language = 'powershell'; Code = $block.Groups[1].Value }
        }
    }

    $cmdlets = (Import-PowerShellDataFile (Join-Path $repo 'EdgeMigration.psd1')).CmdletsToExport
    # Commands that need a device (a remoting session, a kubeconfig, kubectl), or a runbook's parameters: shown, not run.
    $needsDevice = '-ComputerName|-Session |-KubeConfig|kubectl|^param\('
}

BeforeAll {
    $repo = Split-Path -Parent $PSScriptRoot
    $module = Join-Path $repo 'out/EdgeMigration/EdgeMigration.psd1'
    Import-Module $module -Force
    $PSStyle.OutputRendering = 'PlainText'

    # What a user of the docs has: the samples, and a manifest named deployment.json (the docs' usual name) in a
    # folder of manifests; the commands run there, as the help's examples are written.
    function New-DocsFolder {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory $folder | Out-Null
        Copy-Item (Join-Path $repo 'samples/*') $folder
        Copy-Item (Join-Path $folder 'fpga-deployment.json') (Join-Path $folder 'deployment.json')
        New-Item -ItemType Directory (Join-Path $folder 'manifests') | Out-Null
        Copy-Item (Join-Path $folder 'fpga-deployment.json') (Join-Path $folder 'manifests')
        $folder
    }

    # Runs a snippet as pwsh runs a command line: the output as its console formats it in a terminal of 120 columns (the
    # width the docs are written for; the console host formats for one column less), in the snippet's folder (the views
    # show paths relative to it), and apart from it the warnings and errors pwsh would show among the output.
    function Invoke-Snippet([string] $Code, [string] $Folder) {
        $output = [System.Collections.Generic.List[object]]::new()
        $warnings = [System.Collections.Generic.List[object]]::new()
        $errors = [System.Collections.Generic.List[object]]::new()
        Push-Location $Folder
        try {
            try {
                & ([scriptblock]::Create($Code)) 2>&1 3>&1 | ForEach-Object {
                    if ($_ -is [System.Management.Automation.WarningRecord]) { $warnings.Add($_) }
                    elseif ($_ -is [System.Management.Automation.ErrorRecord]) { $errors.Add($_) }
                    else { $output.Add($_) }
                }
            }
            catch {
                $errors.Add($_)
            }
            [pscustomobject]@{ Text = $output | Out-String -Width 119; Warnings = $warnings; Errors = $errors }
        }
        finally {
            Pop-Location
        }
    }

    # Lines without trailing blanks, without the blank lines around the whole.
    function Format-Lines([string] $Text) {
        ((($Text -replace "`r`n", "`n") -split "`n" | ForEach-Object TrimEnd) -join "`n").Trim("`n")
    }

    $needsDevice = '-ComputerName|-Session |-KubeConfig|kubectl|^param\('

    # What reaches IoT Hub is the converted manifest: GPUs, not FPGAs, and modules with Kubernetes names.
    function Assert-ConvertedDeployment($Sent) {
        foreach ($deployment in $Sent) {
            $deployment.Content | Should -Match 'nvidia.com/gpu' -Because "$($deployment.Command) gets the converted modules"
            $deployment.Content | Should -Not -MatchExactly 'fpga_catapult|"FpgaInference"'
        }
    }

    $sampleJson = Get-Content (Join-Path $repo 'samples/fpga-deployment.json') -Raw
    $sent = [System.Collections.Generic.List[object]]::new()

    # Stand-ins for Az.Accounts and Az.IotHub with their real parameters (parameter sets, positions, types; Az.IotHub 2.x,
    # learn.microsoft.com/powershell/module/az.iothub), which record what they are given. Get-AzIotHubDeployment returns
    # a PSDeployment as Az does: modulesContent values are Newtonsoft JTokens.
    function global:Connect-AzAccount {
        [CmdletBinding(DefaultParameterSetName = 'UserWithSubscriptionId')]
        param(
            [Parameter(ParameterSetName = 'ManagedServiceLogin', Mandatory)] [switch] $Identity,
            [Parameter(ParameterSetName = 'ManagedServiceLogin')] [string] $AccountId,
            [string] $Tenant, [string] $Subscription)
        [pscustomobject]@{ Context = 'stand-in' }
    }
    function global:Get-AzIotHubDeployment {
        [CmdletBinding(DefaultParameterSetName = 'ResourceSet')]
        param(
            [Parameter(ParameterSetName = 'ResourceSet', Mandatory, Position = 0)] [string] $ResourceGroupName,
            [Parameter(ParameterSetName = 'ResourceSet', Mandatory, Position = 1)] [string] $IotHubName,
            [Parameter(ParameterSetName = 'ResourceIdSet', Mandatory, Position = 0)] [string] $ResourceId,
            [string] $Name,
            [Alias('AzContext', 'AzureRmContext', 'AzureCredential')] [object] $DefaultProfile)
        foreach ($id in $(if ($Name) { $Name } else { 'fpga-v1', 'fpga-v2' })) {
            $content = [System.Collections.Generic.Dictionary[string, System.Collections.Generic.IDictionary[string, object]]]::new()
            foreach ($property in [Newtonsoft.Json.Linq.JObject]::Parse($sampleJson)['modulesContent'].Properties()) {
                $twin = [System.Collections.Generic.Dictionary[string, object]]::new()
                foreach ($section in $property.Value.Properties()) { $twin[$section.Name] = $section.Value }
                $content[$property.Name] = $twin
            }
            [pscustomobject]@{
                PSTypeName = 'Microsoft.Azure.Commands.Management.IotHub.Models.PSDeployment'
                Id = $id; SchemaVersion = '1.0'; Labels = @{}; TargetCondition = "tags.device='fpga'"; Priority = 10; ETag = 'MQ=='
                Content = [pscustomobject]@{ ModulesContent = $content; ModuleContent = $null; DeviceContent = $null }
            }
        }
    }
    function global:Add-AzIotHubDeployment {
        [CmdletBinding(DefaultParameterSetName = 'ResourceSet', SupportsShouldProcess)]
        param(
            [Parameter(ParameterSetName = 'ResourceSet', Mandatory, Position = 0)] [string] $ResourceGroupName,
            [Parameter(ParameterSetName = 'ResourceSet', Mandatory, Position = 1)] [string] $IotHubName,
            [Parameter(ParameterSetName = 'ResourceIdSet', Mandatory, Position = 0)] [string] $ResourceId,
            [Parameter(Mandatory)] [string] $Name,
            [hashtable] $ModulesContent,
            [int] $Priority,
            [string] $TargetCondition,
            [hashtable] $Metric,
            [hashtable] $Label,
            [Alias('AzContext', 'AzureRmContext', 'AzureCredential')] [object] $DefaultProfile)
        # Az serializes -ModulesContent with Newtonsoft.Json into IoT Hub's configuration content.
        $sent.Add([pscustomobject]@{ Command = 'Add-AzIotHubDeployment'; Name = $Name; Content = [Newtonsoft.Json.JsonConvert]::SerializeObject($ModulesContent) })
    }

    # A stand-in for the az CLI (with the azure-iot extension) and its options for the commands the docs use
    # (learn.microsoft.com/cli/azure/iot/edge): unknown options and missing required ones fail as az fails (exit code 2).
    function global:az {
        $words = [System.Collections.Generic.List[string]]::new()
        $options = @{}
        for ($i = 0; $i -lt $args.Count; $i++) {
            if ("$($args[$i])" -like '-*') { $options["$($args[$i])"] = "$($args[$i + 1])"; $i++ } else { $words.Add("$($args[$i])") }
        }
        $command = $words -join ' '
        $known = @{
            'iot edge deployment show'   = @{ Required = @('--deployment-id'); Optional = @('--hub-name', '--resource-group', '--login', '--auth-type') }
            'iot edge deployment list'   = @{ Required = @(); Optional = @('--hub-name', '--resource-group', '--login', '--auth-type', '--top') }
            'iot edge deployment create' = @{ Required = @('--deployment-id', '--content'); Optional = @('--hub-name', '--resource-group', '--login', '--auth-type', '--target-condition', '--priority', '--labels', '--metrics', '--layered', '--no-validation', '--custom-labels', '--custom-metric-queries') }
            'iot edge set-modules'       = @{ Required = @('--device-id', '--content'); Optional = @('--hub-name', '--resource-group', '--login', '--auth-type') }
        }
        $spec = $known[$command]
        $unknown = $options.Keys | Where-Object { $_ -notin $spec.Required + $spec.Optional }
        $missing = $spec.Required | Where-Object { -not $options.ContainsKey($_) }
        if (-not $spec -or $unknown -or $missing) {
            $global:LASTEXITCODE = 2
            throw "az $command`: not what az accepts (unknown: $($unknown -join ', '); missing: $($missing -join ', '))"
        }
        $global:LASTEXITCODE = 0
        $deployment = { param($id) [ordered]@{ id = $id; schemaVersion = '1.0'; priority = 10; targetCondition = "tags.device='fpga'"; content = ($sampleJson | ConvertFrom-Json) } }
        switch ($command) {
            # Lines, as pwsh reads a native command's output.
            'iot edge deployment show' { ((& $deployment $options['--deployment-id']) | ConvertTo-Json -Depth 50) -split '\r?\n' }
            'iot edge deployment list' { (ConvertTo-Json @((& $deployment 'fpga-v1'), (& $deployment 'fpga-v2')) -Depth 50) -split '\r?\n' }
            default {
                # The content az reads: {"modulesContent": {...}} or {"content": {"modulesContent": {...}}}, as a file or as text.
                $content = $options['--content']
                $json = (Test-Path -LiteralPath $content) ? (Get-Content -LiteralPath $content -Raw) : $content
                $document = $json | ConvertFrom-Json -AsHashtable
                $modules = $document.Contains('content') ? $document.content.modulesContent : $document.modulesContent
                if (-not $modules -or -not $modules.Contains('$edgeAgent')) { $global:LASTEXITCODE = 1; throw "az $command`: the content has no modulesContent with `$edgeAgent." }
                $sent.Add([pscustomobject]@{ Command = "az $command"; Name = $options['--deployment-id'] + $options['--device-id']; Content = $modules | ConvertTo-Json -Depth 50 -Compress })
            }
        }
    }
}

AfterAll {
    Remove-Item function:global:Connect-AzAccount, function:global:Get-AzIotHubDeployment, function:global:Add-AzIotHubDeployment, function:global:az -ErrorAction SilentlyContinue
}

Describe 'Help example <Cmdlet> <Title>, run in pwsh' -ForEach $withOutput {
    It 'prints its documented output and no warning or error the docs do not show' {
        $run = Invoke-Snippet $Code (New-DocsFolder)

        $run.Errors | Should -BeNullOrEmpty
        $run.Warnings | Should -BeNullOrEmpty -Because 'pwsh shows warnings among the output, and the docs show none'
        Format-Lines $run.Text | Should -BeExactly (Format-Lines $Expected)
    }
}

Describe 'Help example <Cmdlet> <Title>, which shows no output' -ForEach $withoutOutput {
    It 'runs in pwsh where it needs no device' -Skip:($Code -match $needsDevice) {
        $run = Invoke-Snippet $Code (New-DocsFolder)

        $run.Errors | Should -BeNullOrEmpty
    }
}

Describe 'The README, block by block, run in pwsh from one clone' {
    BeforeAll {
        # The README's commands run from the clone's root, one after the other: its samples and an out folder.
        $clone = New-DocsFolder
        New-Item -ItemType Directory (Join-Path $clone 'samples'), (Join-Path $clone 'out') | Out-Null
        Copy-Item (Join-Path $repo 'samples/*') (Join-Path $clone 'samples')
    }

    It '<Source> runs, Azure commands on stand-ins with their real parameters' -ForEach $readmeBlocks {
        if ($Code -match $needsDevice) { Set-ItResult -Skipped -Because 'it needs a device (the runbook has a test of its own)' }
        # A shell block's lines joined as sh joins them, without comments; its commands run as pwsh runs them.
        $script = if ($Language -eq 'sh') { ($Code -replace '\\\n\s*', '') -replace '\s+#.*', '' } else { $Code }
        $sent.Clear()

        $run = Invoke-Snippet $script $clone

        $run.Errors | Should -BeNullOrEmpty
        Assert-ConvertedDeployment $sent
    }
}

Describe '<Source>, run in pwsh' -ForEach $aboutBlocks {
    It 'runs, Azure commands on stand-ins with their real parameters, where it needs no device' -Skip:($Code -match $needsDevice) {
        $sent.Clear()

        $run = Invoke-Snippet $Code (New-DocsFolder)

        $run.Errors | Should -BeNullOrEmpty
        Assert-ConvertedDeployment $sent
    }
}

Describe 'The runbook of the README' {
    It 'converts the deployment it is given and hands Add-AzIotHubDeployment the converted modules' {
        $readme = (Get-Content (Join-Path $repo 'README.md') -Raw) -replace "`r`n", "`n"
        $runbook = [regex]::Match($readme, '(?s)## A runbook\n.*?```powershell\n(.*?)```').Groups[1].Value
        $sent.Clear()

        $run = Invoke-Snippet "& { $runbook } -ResourceGroup rg -HubName hub -FpgaDeployment fpga-v1 -GpuDeployment gpu-v1" (New-DocsFolder)

        # The sample keeps a bind of a single file (S4), so the runbook stops before deploying, as it says it does.
        $run.Errors.Exception.Message | Should -Be 'fpga-v1 still has errors for the GPU device; see the findings above.'
        $sent | Should -BeNullOrEmpty
        $run.Text | Should -Match 'S4 Error file-mover: '
    }
}

Describe 'Get-Help in pwsh' {
    It '<_> -Examples shows every documented example' -ForEach $cmdlets {
        $titles = [regex]::Matches((Get-Content (Join-Path $repo "docs/help/$_.md") -Raw), '(?m)^### (Example .*?)\r?$').Groups |
            Where-Object Name -EQ 1 | ForEach-Object Value
        $text = Get-Help $_ -Examples | Out-String -Width 200

        foreach ($title in $titles) { $text | Should -Match ([regex]::Escape($title)) }
    }

    It '<_> -Parameter * describes each parameter in full, none wider than 80 columns at 80 columns' -ForEach $cmdlets {
        $command = Get-Command $_
        $text = Get-Help $_ -Parameter * | Out-String -Width 80

        foreach ($name in $command.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }) {
            $text | Should -Match "(?m)^-$name <|^-$name \[<SwitchParameter>\]|^-$name$"
        }
        ($text -split "`r?`n" | Where-Object Length -GT 80) | Should -BeNullOrEmpty
    }

    It '<_> -Online goes to the URI of its first related link' -ForEach $cmdlets {
        $uri = (Get-Help $_).relatedLinks.navigationLink | Where-Object uri | Select-Object -First 1 -ExpandProperty uri

        $uri | Should -BeLike 'https://learn.microsoft.com/azure/databox-online/azure-stack-edge-gpu-modify-fpga-modules-gpu*'
        (Get-Command $_).HelpUri | Should -Be $uri
    }

    It 'shows <_> whole' -ForEach @('about_EdgeMigration', 'about_EdgeMigration_Rules') {
        $text = Get-Help $_ | Out-String -Width 80
        $source = Get-Content (Join-Path $repo "docs/help/$_.md") -Raw

        $text | Should -Match "TOPIC\s+$_"
        $text | Should -Match 'SHORT DESCRIPTION'
        # The last line of the source's last paragraph is there: nothing was cut.
        $last = ($source.TrimEnd() -split "`r?`n")[-1].Trim()
        $text | Should -Match ([regex]::Escape($last))
    }
}
