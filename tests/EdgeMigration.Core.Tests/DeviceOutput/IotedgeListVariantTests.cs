using System.Collections.Generic;
using System.Linq;
using System.Net;
using EdgeMigration.Core.DeviceOutput;
using Xunit;

namespace EdgeMigration.Tests.DeviceOutput;

/// <summary>iotedge list tables as other runs, other captures and other devices print them.</summary>
public class IotedgeListVariantTests
{
    private static readonly string[] Headers = { "NAME", "STATUS", "DESCRIPTION", "CONFIG", "EXTERNAL-IP", "PORT(S)" };

    private static readonly string[][] Rows =
    {
        new[] { "edgehub", "Running", "Up 5 days", "mcr.microsoft.com/azureiotedge-hub:1.0", "10.57.48.62", "443:31457/TCP,5671:30881/TCP" },
        new[] { "iotedged", "Running", "Up 7 days", "azureiotedge/azureiotedge-iotedged:0.1.0-beta13", "<none>", "35000/TCP,35001/TCP" },
        new[] { "cuda-sample1", "Stopped", "", "nvidia/samples:nbody", "", "" },
    };

    private static void AssertRowsRead(IReadOnlyList<ModuleEndpoint> modules)
    {
        Assert.Equal(new[] { "edgehub", "iotedged", "cuda-sample1" }, modules.Select(m => m.Name));
        Assert.Equal(IPAddress.Parse("10.57.48.62"), modules[0].ExternalIp);
        Assert.Equal("443:31457/TCP,5671:30881/TCP", string.Join(",", modules[0].Ports));
        Assert.Equal("mcr.microsoft.com/azureiotedge-hub:1.0", modules[0].Image);
        Assert.Equal("Up 5 days", modules[0].Description);
        Assert.True(modules[1].IsClusterOnly);
        Assert.Equal("35000/TCP,35001/TCP", string.Join(",", modules[1].Ports));
        Assert.Equal("Stopped", modules[2].Status);
        Assert.Null(modules[2].Description);
        Assert.Null(modules[2].ExternalIp);
        Assert.Empty(modules[2].Ports);
    }

    [Theory]
    [InlineData(0, " ")]
    [InlineData(1, " ")]
    [InlineData(7, " ")]
    [InlineData(0, "   ")]
    [InlineData(12, "  ")]
    public void ColumnPositionsComeFromTheHeaderWhateverTheWidths(int extraWidth, string gap)
    {
        AssertRowsRead(DeviceOutputReader.Read(TableText.Format(Headers, Rows, extraWidth, gap)).Modules);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void OtherLineEndsReadTheSame(string newLine)
    {
        AssertRowsRead(DeviceOutputReader.Read(TableText.Format(Headers, Rows, newLine: newLine)).Modules);
    }

    [Fact]
    public void TrailingSpacesAndAByteOrderMarkAreIgnored()
    {
        var padded = string.Join("\n", TableText.Format(Headers, Rows).Split('\n').Select(l => l + "      \t"));
        AssertRowsRead(DeviceOutputReader.Read("\uFEFF" + padded).Modules);
    }

    [Fact]
    public void UnknownColumnsAnywhereAreTolerated()
    {
        var headers = new[] { "NAMESPACE", "NAME", "STATUS", "RESTARTS", "DESCRIPTION", "CONFIG", "EXTERNAL-IP", "PORT(S)", "NODE" };
        var rows = Rows.Select(r => new[] { "iotedge", r[0], r[1], "3", r[2], r[3], r[4], r[5], "asegpu-node1" }).ToArray();

        AssertRowsRead(DeviceOutputReader.Read(TableText.Format(headers, rows)).Modules);
    }

    [Fact]
    public void ALabelWithASpaceIsOneColumnWhenTheDashLineSaysSo()
    {
        var text =
            "NAME     RESTART COUNT EXTERNAL-IP PORT(S)\n" +
            "----     ------------- ----------- -------\n" +
            "edgehub  2             10.1.2.3    443:31457/TCP\n";

        var module = DeviceOutputReader.Read(text).Modules.Single();

        Assert.Equal(IPAddress.Parse("10.1.2.3"), module.ExternalIp);
        Assert.Equal(443, module.Ports.Single().Port);
    }

    public static IEnumerable<object[]> CutPositions()
    {
        const string ports = "443:31457/TCP,5671:30881/TCP,8883:31753/TCP";
        return Enumerable.Range(1, ports.Length - 1).Select(cut => new object[] { ports.Substring(0, cut), ports.Substring(cut) });
    }

    [Theory]
    [MemberData(nameof(CutPositions))]
    public void APortsCellWrappedAtAnyCharacterIsJoinedBack(string firstLine, string continuation)
    {
        var rows = new[]
        {
            new[] { "edgehub", "Running", "Up 5 days", "10.57.48.62", firstLine },
            new[] { "edgeagent", "Running", "Up 7 days", "", "" },
        };
        var lines = TableText.Format(new[] { "NAME", "STATUS", "DESCRIPTION", "EXTERNAL-IP", "PORT(S)" }, rows).Split('\n').ToList();
        lines.Insert(3, new string(' ', lines[0].IndexOf("PORT(S)")) + continuation);

        var modules = DeviceOutputReader.Read(string.Join("\n", lines)).Modules;

        Assert.Equal(new[] { "edgehub", "edgeagent" }, modules.Select(m => m.Name));
        Assert.Equal("443:31457/TCP,5671:30881/TCP,8883:31753/TCP", string.Join(",", modules[0].Ports));
    }

    [Fact]
    public void APortsCellMayWrapOverSeveralLines()
    {
        var text =
            "NAME    EXTERNAL-IP PORT(S)\n" +
            "----    ----------- -------\n" +
            "edgehub 10.57.48.62 443:31457/TCP,\n" +
            "                    5671:30881/TC\n" +
            "                    P,8883:31753/\n" +
            "                    TCP\n";

        Assert.Equal("443:31457/TCP,5671:30881/TCP,8883:31753/TCP", string.Join(",", DeviceOutputReader.Read(text).Modules.Single().Ports));
    }

    [Fact]
    public void AWrappedFreeTextCellIsJoinedWithASpace()
    {
        var text =
            "NAME    STATUS  DESCRIPTION EXTERNAL-IP\n" +
            "----    ------  ----------- -----------\n" +
            "edgehub Running Up 5        10.57.48.62\n" +
            "                days\n";

        Assert.Equal("Up 5 days", DeviceOutputReader.Read(text).Modules.Single().Description);
    }

    [Theory]
    [InlineData("[10.100.10.10]: PS>iotedge list", "[10.100.10.10]: PS>")]
    [InlineData("PS C:\\Users\\admin> Invoke-Command -Session $s -ScriptBlock { iotedge list }", "PS C:\\Users\\admin>")]
    [InlineData("PS /home/admin> $out", "PS>")]
    public void PromptLinesAroundTheTableAreIgnored(string before, string after)
    {
        var parsed = DeviceOutputReader.Read(before + "\n\n" + TableText.Format(Headers, Rows) + "\n" + after + "\n");

        AssertRowsRead(parsed.Modules);
        Assert.Empty(parsed.SkippedLines);
    }

    [Fact]
    public void APromptEndsTheTableEvenWithoutABlankLine()
    {
        var text = TableText.Format(Headers, Rows) + "[10.100.10.10]: PS>iotedge restart cuda-sample1\n";

        AssertRowsRead(DeviceOutputReader.Read(text).Modules);
    }

    [Theory]
    [InlineData("me@client:~$ kubectl get pods -n iotedge")]
    [InlineData("root@client:/home/me#")]
    [InlineData("[me@client ~]$")]
    [InlineData("me@MacBook-Pro ~ % kubectl get pods -n iotedge")]
    [InlineData("$ kubectl get pods -n iotedge")]
    public void TheClientShellsPromptEndsTheTableToo(string prompt)
    {
        // kubectl, run on the client with the device's kubeconfig, ends its table without a blank line.
        var text = prompt + "\n" + TableText.Format(Headers, Rows) + prompt + "\n";

        var parsed = DeviceOutputReader.Read(text);

        AssertRowsRead(parsed.Modules);
        Assert.Empty(parsed.Errors);
        Assert.Empty(parsed.SkippedLines);
    }

    [Fact]
    public void LinesOutsideTablesAreSkippedAndReported()
    {
        var text =
            "**********************\n" +
            "PowerShell transcript start\n" +
            "Start time: 20230301101500\n" +
            "**********************\n" +
            "[10.100.10.10]: PS>iotedge list\n" +
            "\n" +
            TableText.Format(Headers, Rows) +
            "\n" +
            "[10.100.10.10]: PS>iotedge restart cuda-sample1\n" +
            "cuda-sample1 restarted\n";

        var parsed = DeviceOutputReader.Read(text);

        AssertRowsRead(parsed.Modules);
        Assert.Equal(new[] { 1, 2, 3, 4, 14 }, parsed.SkippedLines);
    }

    [Fact]
    public void SeveralTablesInOneCaptureAreAllRead()
    {
        var text =
            "[10.100.10.10]: PS>iotedge list\n\n" + TableText.Format(Headers, Rows) +
            "\n[10.100.10.10]: PS>kubectl get svc -n iotedge\n" +
            TableText.Format(new[] { "NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE" },
                new[] { new[] { "edgehub", "LoadBalancer", "10.103.52.225", "10.57.48.62", "443:31457/TCP", "34h" } }, gap: "   ", dashes: false);

        var modules = DeviceOutputReader.Read(text).Modules;

        Assert.Equal(new[] { "edgehub", "iotedged", "cuda-sample1", "edgehub" }, modules.Select(m => m.Name));
        Assert.Equal(new[] { DeviceOutputFormat.IotedgeList, DeviceOutputFormat.IotedgeList, DeviceOutputFormat.IotedgeList, DeviceOutputFormat.KubectlTable },
            modules.Select(m => m.Format));
    }

    [Fact]
    public void AnEmptyTableHasNoModules()
    {
        var text = "[10.100.10.10]: PS>iotedge list\n\nNAME STATUS DESCRIPTION CONFIG EXTERNAL-IP\n---- ------ ----------- ------ -----------\n\n";

        Assert.Empty(DeviceOutputReader.Read(text).Modules);
    }

    [Fact]
    public void KubectlsNoResourcesMessageIsAnEmptyResult()
    {
        Assert.Empty(DeviceOutputReader.Read("No resources found in iotedge namespace.\n").Modules);
    }

    [Fact]
    public void PortsWithoutAnAddressAreFlagged()
    {
        var rows = new[]
        {
            new[] { "webserverapp", "Running", "Up 1 days", "nginx:stable", "", "8080:30976/TCP" },
            new[] { "filter", "Running", "Up 1 days", "filter:1", "<pending>", "9000:30001/TCP" },
        };

        var modules = DeviceOutputReader.Read(TableText.Format(Headers, rows)).Modules;

        Assert.All(modules, m => Assert.True(m.IsExternalIpPending));
        Assert.Null(modules[0].ServiceType);
        Assert.Equal("LoadBalancer", modules[1].ServiceType);
        Assert.All(modules, m => Assert.False(m.IsClusterOnly));
    }

    [Fact]
    public void PendingWithoutAPortsColumnIsALoadBalancerWaitingForItsAddress()
    {
        var text = TableText.Format(new[] { "NAME", "STATUS", "DESCRIPTION", "CONFIG", "EXTERNAL-IP" },
            new[] { new[] { "filter", "Running", "Up 1 days", "filter:1", "<pending>" }, new[] { "iotedged", "Running", "Up 7 days", "iotedged:1.0", "<none>" } });

        var modules = DeviceOutputReader.Read(text).Modules;

        Assert.Equal("LoadBalancer", modules[0].ServiceType);
        Assert.Empty(modules[0].Ports);
        Assert.True(modules[0].IsExternalIpPending);
        Assert.False(modules[1].IsExternalIpPending);
    }

    [Fact]
    public void ANodePortServiceIsNeitherClusterOnlyNorMissingAnAddress()
    {
        var text = TableText.Format(new[] { "NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE" },
            new[] { new[] { "opcpublisher", "NodePort", "10.96.0.12", "<none>", "62222:31001/TCP", "2d" } }, gap: "   ", dashes: false);

        var module = DeviceOutputReader.Read(text).Modules.Single();

        Assert.Equal("NodePort", module.ServiceType);
        Assert.False(module.IsClusterOnly);
        Assert.False(module.IsExternalIpPending);
        Assert.Equal(31001, module.Ports.Single().NodePort);
    }

    [Fact]
    public void IotedgeListShowsANodePortServiceAsNoneWithANodePort()
    {
        var rows = new[]
        {
            new[] { "webserverapp", "Running", "Up 1 days", "nginx:stable", "<none>", "8080:30976/TCP" },
            new[] { "iotedged", "Running", "Up 7 days", "iotedged:1.0", "<none>", "35000/TCP,35001/TCP" },
        };

        var modules = DeviceOutputReader.Read(TableText.Format(Headers, rows)).Modules;

        Assert.Equal(new[] { "NodePort", "ClusterIP" }, modules.Select(m => m.ServiceType));
        Assert.Equal(new[] { false, true }, modules.Select(m => m.IsClusterOnly));
        Assert.All(modules, m => Assert.False(m.IsExternalIpPending));
    }

    [Fact]
    public void SeveralExternalAddressesGiveTheFirst()
    {
        var text = TableText.Format(new[] { "NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE" },
            new[] { new[] { "edgehub", "LoadBalancer", "None", "10.1.2.3,10.1.2.4", "443/TCP", "2d" } }, gap: "   ", dashes: false);

        var module = DeviceOutputReader.Read(text).Modules.Single();

        Assert.Equal(IPAddress.Parse("10.1.2.3"), module.ExternalIp);
        Assert.Null(module.ClusterIp);
    }
}
