using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace EdgeMigration.Tests;

/// <summary>
/// EdgeMigration.Format.ps1xml: a table view (the default) and a list view for every type the cmdlets write,
/// views that name real properties, and output that fits the console, keeps the end of long locations, and
/// has no ANSI escape sequences when redirected.
/// </summary>
public class FormatViewTests
{
    /// <summary>Every type the cmdlets write, with a command that writes some when run in samples/.</summary>
    public static TheoryData<string, string> OutputTypes() => new()
    {
        { "EdgeMigration.EdgeModuleInfo", "Get-EdgeModule ./fpga-deployment.json" },
        { "EdgeMigration.EdgeModuleCompatibility", "Test-EdgeModuleCompatibility ./fpga-deployment.json" },
        { "EdgeMigration.EdgeMigrationFinding", "Test-EdgeModuleCompatibility ./fpga-deployment.json | ForEach-Object Findings" },
        { "EdgeMigration.EdgeManifestConversion", "ConvertTo-GpuEdgeManifest ./fpga-deployment.json 3>$null" },
        { "EdgeMigration.EdgeManifestChange", "(ConvertTo-GpuEdgeManifest ./fpga-deployment.json 3>$null).Changes" },
        { "EdgeMigration.EdgeMigrationRuleInfo", "Get-EdgeMigrationRule" },
        { "EdgeMigration.EdgeModuleEndpoint", "[System.IO.File]::ReadAllText('iotedge-list.txt') | Get-EdgeModuleExternalIp" },
        { "EdgeMigration.EdgeModulePort", "([System.IO.File]::ReadAllText('iotedge-list.txt') | Get-EdgeModuleExternalIp -Name edgehub).Ports" },
        { "EdgeMigration.EdgeKubernetesResource", "ConvertTo-GpuEdgeManifest ./fpga-deployment.json 3>$null | ConvertTo-EdgeKubernetesManifest 3>$null" },
        { "EdgeMigration.EdgeKubernetesDroppedSetting", "(ConvertTo-EdgeKubernetesManifest ./fpga-deployment.json 3>$null).DroppedSettings" },
    };

    /// <summary>Every output type at the width of a classic console (80 columns) and at the docs' (120).</summary>
    public static TheoryData<string, string, int> OutputTypesAtConsoleWidths()
    {
        var rows = new TheoryData<string, string, int>();
        foreach (var columns in new[] { 80, 120 })
        {
            foreach (var row in OutputTypes())
            {
                rows.Add((string)row[0], (string)row[1], columns);
            }
        }
        return rows;
    }

    private static IReadOnlyList<XElement> Views(string typeName) =>
        XDocument.Load(Path.Combine(TestPaths.RepoRoot, "out", "EdgeMigration", "EdgeMigration.Format.ps1xml"))
            .Descendants("View")
            .Where(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Any(t => t.Value == typeName))
            .ToList();

    [Fact]
    public void EveryTypeTheCmdletsWriteIsCovered()
    {
        using var ps = new PowerShellSession();
        var declared = ps.Run("Get-Command -Module EdgeMigration | ForEach-Object OutputType | ForEach-Object { $_.Type.FullName } | Where-Object { $_ -like 'EdgeMigration.*' }")
            .AssertNoErrors().Output.Select(o => o.ToString()!).Distinct();
        var covered = OutputTypes().Select(row => (string)row[0]).ToList();

        Assert.Subset(covered.ToHashSet(), declared.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(OutputTypes))]
    public void TypeHasATableViewFirstAndAListView(string typeName, string command)
    {
        var views = Views(typeName);

        Assert.True(views.Count == 2, $"{typeName} has {views.Count} views; {command} needs a table and a list view.");
        Assert.NotNull(views[0].Element("TableControl"));
        Assert.NotNull(views[1].Element("ListControl"));
    }

    [Theory]
    [MemberData(nameof(OutputTypes))]
    public void ViewsNameRealProperties(string typeName, string command)
    {
        using var ps = new PowerShellSession();
        var properties = ps.Run($"[{typeName}].GetProperties() | ForEach-Object Name").AssertNoErrors().Output.Select(o => o.ToString()).ToHashSet();

        var named = Views(typeName).Descendants("PropertyName").Select(p => p.Value).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.True(properties.Contains(name), $"{typeName} has no property {name} ({command})."));
    }

    [Theory]
    [MemberData(nameof(OutputTypes))]
    public void ListViewShowsEveryItemWithoutErrors(string typeName, string command)
    {
        var labels = Views(typeName)[1].Descendants("ListItem")
            .Select(item => item.Element("Label")?.Value ?? item.Element("PropertyName")!.Value).ToList();

        var result = ShellRunner.Run($"{command} | Format-List", TestPaths.Samples);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.StandardError);
        foreach (var label in labels)
        {
            Assert.Matches($@"(?m)^{label} +:", result.StandardOutput);
        }
        AssertFitsAndIsPlain(result.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(OutputTypesAtConsoleWidths))]
    public void TableViewIsTheDefaultAndFitsTheConsole(string typeName, string command, int columns)
    {
        var headers = Views(typeName)[0].Descendants("TableColumnHeader").Select(h => h.Element("Label")!.Value).ToList();

        var result = ShellRunner.Run(command, TestPaths.Samples, columns: columns);

        // Every column is there, under its whole header on one line.
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.StandardError);
        Assert.Matches($"(?m)^{string.Join(" +", headers)} *$", result.StandardOutput);
        AssertFitsAndIsPlain(result.StandardOutput, columns);
    }

    /// <summary>
    /// In a classic console of 80 columns the text column, which wraps, is as wide as any other column, as the
    /// last column of PowerShell's own views is, and wide enough that a message of two or three hundred
    /// characters takes a few lines, not ten or fifteen.
    /// </summary>
    [Theory]
    [InlineData("Test-EdgeModuleCompatibility ./fpga-deployment.json | ForEach-Object Findings", "Message", 33)]
    [InlineData("(ConvertTo-GpuEdgeManifest ./fpga-deployment.json 3>$null).Changes", "Description", 46)]
    [InlineData("(ConvertTo-EdgeKubernetesManifest ./fpga-deployment.json 3>$null).DroppedSettings", "Reason", 48)]
    [InlineData("Get-EdgeMigrationRule", "Title", 27)]
    [InlineData("ConvertTo-EdgeKubernetesManifest ./fpga-deployment.json 3>$null", "Note", 21)]
    public void TheTextColumnIsTheWidestAt80Columns(string command, string textColumn, int minimumWidth)
    {
        var result = ShellRunner.Run(command, TestPaths.Samples, columns: 80);

        var header = Regex.Match(result.StandardOutput, $@"(?m)^\S.* {textColumn} *$").Value.TrimEnd();
        var starts = Regex.Matches(header, @"\S+").Select(m => m.Index).ToList();
        var widths = starts.Skip(1).Zip(starts, (next, start) => next - start - 1).ToList();
        // pwsh formats for one column less than its console, as the shell host does.
        var textWidth = 79 - starts[^1];

        Assert.EndsWith(textColumn, header);
        Assert.True(textWidth >= minimumWidth, $"{textColumn} is {textWidth} wide:\n{header}");
        Assert.All(widths, width => Assert.True(textWidth >= width, $"{textColumn} is {textWidth} wide beside a column of {width}:\n{header}"));
    }

    /// <summary>
    /// Findings, changes, dropped settings and Kubernetes objects are grouped by module, as Get-ChildItem groups
    /// files by folder: the module is in the group's header, not in a column, and what concerns the manifest as a
    /// whole (the routes) comes under "(manifest)"; the header names the manifest too. Each module's rows come
    /// together (a conversion lists its changes module by module, as findings; the Kubernetes objects come module
    /// by module), so each has one header.
    /// </summary>
    [Theory]
    [InlineData("Test-EdgeModuleCompatibility ./fpga-deployment.json | ForEach-Object Findings",
        "(manifest)|edgeHub|FpgaInference|WebServerApp|file_mover", "(manifest)", @"O2 +Information +…\S*\.inferenceToMover yes Route")]
    [InlineData("(ConvertTo-GpuEdgeManifest ./fpga-deployment.json 3>$null).RemainingFindings",
        "webserverapp|file-mover", "file-mover", @"S4 +Error +HostConfig\.Binds\[0\] +no ")]
    [InlineData("(ConvertTo-GpuEdgeManifest ./fpga-deployment.json 3>$null).Changes",
        "(manifest)|edgeHub|FpgaInference|WebServerApp|file_mover", "(manifest)", @"O2 +…\S*\.inferenceToMover Route")]
    [InlineData("(ConvertTo-EdgeKubernetesManifest ./fpga-deployment.json 3>$null).DroppedSettings",
        "FpgaInference|file_mover", "file_mover", @"Fails +env\['Storage:Target'\] +Environment variable")]
    [InlineData("ConvertTo-EdgeKubernetesManifest ./fpga-deployment.json 3>$null",
        "edgeHub|FpgaInference|WebServerApp|file_mover", "FpgaInference", @"Secret +contosoacr-con\S* +False +False +registry credential")]
    public void RowsAreGroupedByModuleWithOneHeaderForEach(string command, string modules, string module, string rowOfModule)
    {
        foreach (var columns in new[] { 80, 120 })
        {
            var result = ShellRunner.Run(command, TestPaths.Samples, columns: columns);

            var group = Regex.Match(result.StandardOutput, $@"(?ms)^ *Module: {Regex.Escape(module)} \(fpga-deployment\.json\) *$(.*?)(?=^ *Module: |\z)").Groups[1].Value;
            Assert.Equal("", result.StandardError);
            Assert.Equal(modules.Split('|').Select(name => name + " (fpga-deployment.json)"), GroupHeaders(result.StandardOutput));
            Assert.DoesNotContain("ModuleName", result.StandardOutput);
            Assert.Matches($"(?m)^{rowOfModule}", group);
        }
    }

    /// <summary>Findings of a module of one manifest and of the same module of the next do not run together.</summary>
    [Fact]
    public void RowsOfTwoManifestsNeverShareAHeader()
    {
        var other = TestPaths.CorpusFile("Azure__iotedge__e2e_deployment_files__nestededge_topLayerBaseDeployment_amqp.json");

        var result = ShellRunner.Run($"Test-EdgeModuleCompatibility -Rule P2 -ModuleName edgeHub -LiteralPath '{other}', ./fpga-deployment.json | ForEach-Object Findings",
            TestPaths.Samples, columns: 300);

        Assert.Equal(new[] { $"edgeHub ({other})", "edgeHub (fpga-deployment.json)" }, GroupHeaders(result.StandardOutput));
    }

    private static IEnumerable<string> GroupHeaders(string output) =>
        Regex.Matches(output, @"(?m)^ *Module: (.*\S) *$").Select(m => m.Groups[1].Value);

    [Fact]
    public void TheRulesOfAModuleAreShownWholeAt80Columns()
    {
        var result = ShellRunner.Run("Test-EdgeModuleCompatibility ./fpga-deployment.json", TestPaths.Samples, columns: 80);

        Assert.Matches(@"(?m)^FpgaInference +False +6 +6 +1 +O4,R1,R2,S2,S1,O1,O2,K19 *$", result.StandardOutput);
    }

    [Fact]
    public void LongLocationsKeepTheirEnd()
    {
        var changes = ShellRunner.Run("(ConvertTo-GpuEdgeManifest ./fpga-deployment.json 3>$null).Changes", TestPaths.Samples);

        // A long JSON location keeps its end, which names the setting.
        Assert.Matches(@"(?m)^O2 +…\S*\.inferenceToMover Route", changes.StandardOutput);
        Assert.DoesNotContain("$.modulesContent['$edgeHub']", changes.StandardOutput);
        AssertFitsAndIsPlain(changes.StandardOutput);
    }

    /// <summary>
    /// A module's image is what one looks at in Get-EdgeModule's table: at 80 columns the sample's (the system
    /// modules' are 38 and 40 characters) are on one line, and a longer one wraps rather than lose its tag.
    /// </summary>
    [Theory]
    [InlineData(80)]
    [InlineData(90)]
    [InlineData(120)]
    public void ModuleImagesAreShownWhole(int columns)
    {
        var result = ShellRunner.Run("Get-EdgeModule ./fpga-deployment.json", TestPaths.Samples, columns: columns);

        Assert.Equal("", result.StandardError);
        foreach (var (module, image) in new[] { ("edgeAgent", "mcr.microsoft.com/azureiotedge-agent:1.0"), ("edgeHub", "mcr.microsoft.com/azureiotedge-hub:1.0"),
            ("FpgaInference", "contosoacr.azurecr.io/fpga-inference:1.2"), ("WebServerApp", "nginx:stable"), ("file_mover", "contosoacr.azurecr.io/file-mover:2.0") })
        {
            var cell = WrappedCell(result.StandardOutput, module, "Image");
            Assert.Equal(image, string.Concat(cell));
            Assert.True(cell.Count == 1, $"{image} takes {cell.Count} lines at {columns} columns:\n{result.StandardOutput}");
        }
        AssertFitsAndIsPlain(result.StandardOutput, columns);
    }

    [Fact]
    public void ALongModuleIdWrapsWhole()
    {
        var id = "module" + new string('x', 50) + "end";
        var manifest = "{\"modulesContent\": {\"$edgeAgent\": {\"properties.desired\": {\"modules\": {\"" + id +
            "\": {\"type\": \"docker\", \"settings\": {\"image\": \"nginx\"}}}}}}}";

        var result = ShellRunner.Run($"'{manifest}' | Get-EdgeModule");

        // 16 characters a line, under the Name column.
        var lines = Regex.Match(result.StandardOutput, @"(?ms)^module.*?(?=^\s*$)").Value.TrimEnd().Split('\n');
        Assert.Matches(@"^modulex{10} +None +nginx *$", lines[0]);
        Assert.Equal(id, string.Concat(lines.Select(line => line.Length > 16 ? line[..16].TrimEnd() : line.TrimEnd())));
        AssertFitsAndIsPlain(result.StandardOutput);
    }

    /// <summary>The longest module name the device allows (a DNS label, 63 characters) and the longest IPv6 address.</summary>
    [Theory]
    [InlineData("simulatedtemperaturesensor", "fd12:3456:789a:bcde:f012:3456:789a:bcde", "")]
    [InlineData("simulatedtemperaturesensor", "fd12:3456:789a:bcde:f012:3456:789a:bcde", " | Format-Table")]
    [InlineData("m0123456789012345678901234567890123456789012345678901234567890z", "10.128.44.244", "")]
    public void EndpointNamesAndAddressesAreShownInFull(string name, string address, string formatting)
    {
        var table = "NAME".PadRight(64) + "EXTERNAL-IP".PadRight(40) + "PORT(S)`n" + name.PadRight(64) + address.PadRight(40) + "443:31457/TCP,5671:30881/TCP";

        var result = ShellRunner.Run($"\"{table}\" | Get-EdgeModuleExternalIp{formatting}");

        Assert.Equal("", result.StandardError);
        Assert.Matches($@"(?m)^{name} +LoadBalancer +{Regex.Escape(address)} +443:31457/TCP\r?\n +5671:30881/TCP *$", result.StandardOutput);
        AssertFitsAndIsPlain(result.StandardOutput);
    }

    /// <summary>
    /// Ports come one a line, so that a module's ports show whole at 80 columns too (edgeHub's three are 43
    /// characters), and never broken inside a port.
    /// </summary>
    [Theory]
    [InlineData("iotedge-list.txt", 80)]
    [InlineData("iotedge-list.txt", 120)]
    [InlineData("kubectl-get-svc.txt", 80)]
    [InlineData("kubectl-get-svc.txt", 120)]
    public void PortsAreShownWhole(string sample, int columns)
    {
        var result = ShellRunner.Run($"[System.IO.File]::ReadAllText('{sample}') | Get-EdgeModuleExternalIp 3>$null", TestPaths.Samples, columns: columns);

        using var ps = new PowerShellSession();
        var modules = ps.Run($"[System.IO.File]::ReadAllText('{Path.Combine(TestPaths.Samples, sample)}') | Get-EdgeModuleExternalIp -WarningAction SilentlyContinue | ForEach-Object {{ \"$($_.Name) $($_.Ports -join ' ')\" }}")
            .AssertNoErrors().Output.Select(o => o.ToString()!.Split(' ')).ToList();
        Assert.Equal("", result.StandardError);
        Assert.Contains(modules, m => m.Length == 4);
        foreach (var module in modules)
        {
            Assert.Equal(module.Skip(1).Where(port => port != ""), WrappedCell(result.StandardOutput, module[0], "Ports").Where(port => port != ""));
        }
        AssertFitsAndIsPlain(result.StandardOutput, columns);
    }

    [Fact]
    public void AModuleWaitingForItsAddressShowsPendingAsKubectlDoes()
    {
        var result = ShellRunner.Run("\"NAME   EXTERNAL-IP`nfilter <pending>`nedge   10.1.2.3\" | Get-EdgeModuleExternalIp 3>$null");

        Assert.Matches(@"(?m)^filter +LoadBalancer +<pending> *$", result.StandardOutput);
        Assert.Matches(@"(?m)^edge +LoadBalancer +10\.1\.2\.3 *$", result.StandardOutput);
    }

    [Fact]
    public void ModulesOfSeveralDevicesAreShownUnderEachDevicesName()
    {
        // Invoke-Command -ComputerName dev1,dev2 output whose blocks interleave: the modules come device by device.
        var lines = $"([System.IO.File]::ReadAllLines('{ExternalIpTestData.SamplePath(ExternalIpTestData.KubectlTable)}'))";
        var result = ShellRunner.Run($"{ExternalIpTestData.Remote}\n@(Remote dev1 {lines}) + @(Remote dev2 {lines}) + @(Remote dev1 'Warning: v1 Endpoints is deprecated') | Get-EdgeModuleExternalIp");

        Assert.Equal("", result.StandardError);
        Assert.Single(Regex.Matches(result.StandardOutput, "Origin: dev1"));
        Assert.Single(Regex.Matches(result.StandardOutput, "Origin: dev2"));
        Assert.Matches(@"(?s)Origin: dev1\s+Name .*?\n-+.*?\nedgehub .*?\niotedged .*?\nwebserverapp .*?Origin: dev2\s", result.StandardOutput);
    }

    [Fact]
    public void RedirectedOutputHasNoAnsiEvenWhenAsked()
    {
        var result = ShellRunner.Run("$PSStyle.OutputRendering = 'Ansi'; Get-EdgeMigrationRule; Get-EdgeMigrationRule R1 | Format-List", TestPaths.Samples);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Severity", result.StandardOutput);
        AssertFitsAndIsPlain(result.StandardOutput);
    }

    /// <summary>
    /// The text of a table cell that wraps in the last columns: from the row that starts with <paramref name="row"/>,
    /// under <paramref name="column"/>'s header, and the lines below it that start with blanks, one item a line.
    /// </summary>
    private static List<string> WrappedCell(string output, string row, string column)
    {
        var lines = output.Replace("\r", "").Split('\n');
        var first = Array.FindIndex(lines, line => line.StartsWith(row + " ", StringComparison.Ordinal));
        Assert.True(first > 0, $"No row {row}:\n{output}");
        var header = Array.FindLastIndex(lines, first, line => Regex.IsMatch(line, $@"^\S.* {column}\b"));
        var start = Regex.Match(lines[header], $@" {column}\b").Index + 1;
        var cell = new List<string>();
        for (var i = first; i < lines.Length && (i == first || lines[i].StartsWith(' ')) && lines[i].Trim() != ""; i++)
        {
            cell.Add(lines[i].Length > start ? lines[i][start..].TrimEnd() : "");
        }
        return cell;
    }

    /// <summary>Output fits the console (redirected, 120 columns) and carries no escape sequences.</summary>
    private static void AssertFitsAndIsPlain(string output, int columns = 120)
    {
        Assert.DoesNotContain("\u001b", output, StringComparison.Ordinal);
        Assert.All(output.Split('\n'), line => Assert.True(line.TrimEnd().Length <= columns, $"Wider than {columns} columns: {line}"));
    }
}
