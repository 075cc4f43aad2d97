using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;
using static EdgeMigration.Tests.ExternalIpTestData;

namespace EdgeMigration.Tests;

/// <summary>These tests set the process's PATH; no other test may run meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessPathCollection
{
    public const string Name = "Tests that change the process PATH";
}

/// <summary>
/// Get-EdgeModuleExternalIp -KubeConfig: kubectl is looked up on PATH, so each test points PATH at a
/// folder of its own (without kubectl, or with a stand-in kubectl that prints Service JSON).
/// </summary>
[Collection(ProcessPathCollection.Name)]
public class GetEdgeModuleExternalIpKubectlTests
{
    private const string ServiceJson = """
        {"apiVersion":"v1","kind":"List","items":[
         {"kind":"Service","metadata":{"name":"edgehub"},"spec":{"type":"LoadBalancer","ports":[{"port":443,"nodePort":31987,"protocol":"TCP"}]},"status":{"loadBalancer":{"ingress":[{"ip":"10.128.44.243"}]}}},
         {"kind":"Service","metadata":{"name":"webserverapp"},"spec":{"type":"LoadBalancer","ports":[{"port":8080,"nodePort":30976,"protocol":"TCP"}]},"status":{"loadBalancer":{}}}]}
        """;

    private static RunResult RunWithPath(string path, string script, IDictionary<string, object?> variables)
    {
        using var ps = new PowerShellSession();
        variables["path"] = path;
        return ps.Run($"$saved = $env:PATH; $env:PATH = $path; try {{ {script} }} finally {{ $env:PATH = $saved }}", variables);
    }

    [Fact]
    public void WithoutKubectlOnThePathTheErrorNamesKubectlAndPath()
    {
        using var folder = new FakeKubectl("");
        var empty = Directory.CreateDirectory(Path.Combine(folder.Directory, "empty")).FullName;
        var kubeConfig = Path.Combine(folder.Directory, "config");
        File.WriteAllText(kubeConfig, "apiVersion: v1\nkind: Config\n");

        var result = RunWithPath(empty, $"{CmdletName} -KubeConfig $kubeConfig; 'after'", new Dictionary<string, object?> { ["kubeConfig"] = kubeConfig });

        Assert.Equal(new object[] { "after" }, result.Output.Select(o => o.BaseObject));
        var error = Assert.Single(result.Errors);
        Assert.Equal("KubectlNotFound" + ErrorSuffix, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("kubectl was not found", error.Exception.Message);
        Assert.Contains("PATH", error.Exception.Message);
        Assert.Contains(empty, error.Exception.Message);
    }

    [Fact]
    public void AMissingKubeconfigIsReportedBeforeLookingForKubectl()
    {
        using var folder = new FakeKubectl("");
        var missing = Path.Combine(folder.Directory, "no-such-config");

        var result = RunWithPath(folder.Directory, $"{CmdletName} -KubeConfig $kubeConfig", new Dictionary<string, object?> { ["kubeConfig"] = missing });

        var error = Assert.Single(result.Errors);
        Assert.Equal("KubeConfigNotFound" + ErrorSuffix, error.FullyQualifiedErrorId);
        Assert.False(File.Exists(folder.ArgumentsFile));
    }

    /// <summary>
    /// A kubeconfig of another provider (Env:KUBECONFIG where the variable's value was meant) names no file: it is refused,
    /// not taken as a file of the item's name in the process's current folder and handed to kubectl.
    /// </summary>
    [Fact]
    public void AKubeconfigOfAnotherProviderIsRefused()
    {
        using var kubectl = new FakeKubectl(ServiceJson);
        var name = "edgemigration-" + System.Guid.NewGuid().ToString("N");
        var stray = Path.Combine(Directory.GetCurrentDirectory(), name);
        File.WriteAllText(stray, "apiVersion: v1\nkind: Config\n");
        try
        {
            var result = RunWithPath(kubectl.Directory, $"{CmdletName} -KubeConfig Env:{name}; 'after'", new Dictionary<string, object?>());

            Assert.Equal(new object[] { "after" }, result.Output.Select(o => o.BaseObject));
            var error = Assert.Single(result.Errors);
            Assert.Equal(("KubeConfigNotFound" + ErrorSuffix, ErrorCategory.ObjectNotFound, (object)$"Env:{name}"),
                (error.FullyQualifiedErrorId, error.CategoryInfo.Category, error.TargetObject));
            Assert.Contains($"'Env:{name}' is not a file system path", error.Exception.Message);
            Assert.False(File.Exists(kubectl.ArgumentsFile));
        }
        finally
        {
            File.Delete(stray);
        }
    }

    [Fact]
    public void KubectlOnThePathIsAskedForTheIotedgeServicesAsJson()
    {
        using var kubectl = new FakeKubectl(ServiceJson);
        var kubeConfig = Path.Combine(kubectl.Directory, "ase config");
        File.WriteAllText(kubeConfig, "apiVersion: v1\nkind: Config\n");

        var result = RunWithPath(kubectl.Directory, $"{CmdletName} -KubeConfig $kubeConfig -Context ase-gpu -Name edge*, webServerApp",
            new Dictionary<string, object?> { ["kubeConfig"] = kubeConfig });

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "--namespace", "iotedge", "--output", "json", "--kubeconfig", kubeConfig, "--context", "ase-gpu" }, kubectl.Arguments.Skip(2));
        Assert.Equal(new[] { "edgehub", "webserverapp" }, result.Names());
        Assert.Equal("10.128.44.243", result.Output[0].Value("ExternalIp"));
        Assert.All(result.Output, o => Assert.Equal("KubectlJson", o.Value("Source")));
        Assert.All(result.Output, o => Assert.Equal($"{kubeConfig} (context ase-gpu)", o.Value("Origin")));
        Assert.Contains("'webserverapp'", Assert.Single(result.Warnings));
    }

    [Fact]
    public void AFailingKubectlIsAnErrorWithItsMessage()
    {
        using var kubectl = new FakeKubectl("", exitCode: 1);
        var kubeConfig = Path.Combine(kubectl.Directory, "config");
        File.WriteAllText(kubeConfig, "");

        var result = RunWithPath(kubectl.Directory, $"{CmdletName} -KubeConfig $kubeConfig", new Dictionary<string, object?> { ["kubeConfig"] = kubeConfig });

        var error = Assert.Single(result.Errors);
        Assert.Equal("KubectlFailed" + ErrorSuffix, error.FullyQualifiedErrorId);
        Assert.Contains("the server could not be reached", error.Exception.Message);
    }
}
