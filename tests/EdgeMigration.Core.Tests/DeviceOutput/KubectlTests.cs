using System;
using System.IO;
using System.Linq;
using System.Threading;
using EdgeMigration.Core.DeviceOutput;
using Xunit;

namespace EdgeMigration.Tests.DeviceOutput;

public class KubectlTests
{
    [Fact]
    public void KubectlIsFoundOnThePathAndNotElsewhere()
    {
        using var kubectl = new FakeKubectl("");
        var empty = Directory.CreateDirectory(Path.Combine(kubectl.Directory, "empty")).FullName;

        Assert.Equal(kubectl.Executable, Kubectl.Find(empty + Path.PathSeparator + kubectl.Directory));
        Assert.Null(Kubectl.Find(empty));
        Assert.Null(Kubectl.Find(""));
        Assert.Null(Kubectl.Find(null));
    }

    [Fact]
    public void ADirectoryNamedKubectlIsNotKubectl()
    {
        using var kubectl = new FakeKubectl("");
        var parent = Directory.CreateDirectory(Path.Combine(kubectl.Directory, "parent")).FullName;
        Directory.CreateDirectory(Path.Combine(parent, "kubectl"));

        Assert.Null(Kubectl.Find(parent));
    }

    [Fact]
    public void TheServicesOfTheIotedgeNamespaceAreAskedForAsJsonWithTheKubeconfigAndContext()
    {
        Assert.Equal(new[] { "get", "svc", "--namespace", "iotedge", "--output", "json", "--kubeconfig", "/k/config" },
            Kubectl.ServicesArguments("/k/config", null));
        Assert.Equal(new[] { "--context", "ase-gpu" }, Kubectl.ServicesArguments("/k/config", "ase-gpu").Skip(8));
    }

    [Fact]
    public void KubectlsOutputIsReturnedAndArgumentsWithSpacesAndQuotesArriveWhole()
    {
        using var kubectl = new FakeKubectl(KubectlServiceJsonTests.ServiceList);
        var arguments = Kubectl.ServicesArguments("/home/edge user/.kube/my \"ase\" config", "ctx\\");

        var output = Kubectl.Run(kubectl.Executable, arguments, CancellationToken.None);

        Assert.Equal(arguments, kubectl.Arguments);
        Assert.Equal(4, DeviceOutputReader.Read(output).Modules.Count);
    }

    [Fact]
    public void AFailingKubectlIsAnErrorWithItsMessageAndExitCode()
    {
        using var kubectl = new FakeKubectl("", exitCode: 3);

        var ex = Assert.Throws<KubectlException>(() => Kubectl.Run(kubectl.Executable, new[] { "get", "svc" }, CancellationToken.None));

        Assert.Equal(3, ex.ExitCode);
        Assert.Contains("the server could not be reached", ex.Message);
    }

    [Fact]
    public void AFileThatCannotRunIsAnError()
    {
        using var kubectl = new FakeKubectl("");
        var notExecutable = Path.Combine(kubectl.Directory, "output.txt");

        var ex = Assert.Throws<KubectlException>(() => Kubectl.Run(notExecutable, Array.Empty<string>(), CancellationToken.None));

        Assert.Null(ex.ExitCode);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "\"\"")]
    [InlineData("two words", "\"two words\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("C:\\My Dir\\", "\"C:\\My Dir\\\\\"")]
    public void ArgumentsAreQuotedByTheWindowsRules(string argument, string quoted)
    {
        Assert.Equal(quoted, Kubectl.Quote(argument));
    }
}
