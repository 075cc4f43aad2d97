using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;
using static EdgeMigration.Tests.SecretManifest;

namespace EdgeMigration.Tests;

/// <summary>
/// Registry passwords never show in any stream of any cmdlet: output objects (but the converted manifest itself,
/// which must keep its credentials to deploy; the Kubernetes preview shows its objects, settings and values masked), errors, warnings, verbose, debug, information and progress, and
/// what the console shows.
/// </summary>
public sealed class SecretStreamTests : IDisposable
{
    /// <summary>Members that are the converted manifest: the payload to deploy, credentials included.</summary>
    private static readonly string[] ManifestContent = { "ModulesContent", "Content" };

    private readonly string _folder = Directory.CreateTempSubdirectory("edgemigration-secrets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Script()
    {
        var input = Path.Combine(_folder, "fpga.json");
        File.WriteAllText(input, Text);
        var output = Path.Combine(_folder, "gpu.json");
        var password = Path.Combine(_folder, "password.txt");
        File.WriteAllText(password, Password);
        // Every cmdlet on the file, the text and a hashtable, with every stream on; then input that is broken
        // where the password is: invalid JSON text, and a hashtable that is no manifest.
        return $"$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'; " +
               $"Get-EdgeModule -Path '{input}'; " +
               $"Test-EdgeModuleCompatibility -Path '{input}'; " +
               $"ConvertTo-GpuEdgeManifest -Path '{input}' -OutFile '{output}' -Force; " +
               $"ConvertTo-EdgeKubernetesManifest -Path '{input}'; ConvertTo-EdgeKubernetesManifest -Path '{input}' -AsYaml; ConvertTo-EdgeKubernetesManifest -Path '{input}' -AsJson; " +
               $"[System.IO.File]::ReadAllText('{input}') | ConvertTo-GpuEdgeManifest; " +
               $"[System.IO.File]::ReadAllText('{input}').Substring(0, 400) | Test-EdgeModuleCompatibility; " +
               $"@{{ registryCredentials = @{{ acr = @{{ password = [System.IO.File]::ReadAllText('{password}') }} }} }} | Get-EdgeModule";
    }

    [Fact]
    public void NoStreamOfAnyCmdletShowsAPassword()
    {
        using var ps = new PowerShellSession();

        var result = ps.Run(Script());

        var texts = result.Output.SelectMany(o => Texts(o, 0))
            .Concat(result.Errors.SelectMany(e => Texts(e)))
            .Concat(result.Warnings).Concat(result.Verbose).Concat(result.Debug).Concat(result.Information).Concat(result.Progress)
            .ToList();
        Assert.Empty(Leaks(texts));
        // The run did meet the passwords: they are in the written manifest, and masked where rules quoted them.
        Assert.Contains(SecretManifest.Pieces, piece => File.ReadAllText(Path.Combine(_folder, "gpu.json")).Contains(piece, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("--password ******** now", StringComparison.Ordinal));
        Assert.Equal(new[]
        {
            "InvalidManifestJson,EdgeMigration.Commands.TestEdgeModuleCompatibilityCommand",
            "NotAManifest,EdgeMigration.Commands.GetEdgeModuleCommand",
        }, result.ErrorIds);
        Assert.NotEmpty(result.Verbose);
        Assert.NotEmpty(result.Warnings);
    }

    [Fact]
    public void TheKubernetesPreviewShowsNoPasswordThatNamesASetting()
    {
        var input = Path.Combine(_folder, "naming.json");
        File.WriteAllText(input, NamingText);
        using var ps = new PowerShellSession();

        var result = ps.Run($"$VerbosePreference = 'Continue'; ConvertTo-EdgeKubernetesManifest -Path '{input}'; " +
                            $"ConvertTo-EdgeKubernetesManifest -Path '{input}' -AsYaml; ConvertTo-EdgeKubernetesManifest -Path '{input}' -AsJson");

        var texts = result.Output.SelectMany(o => Texts(o, 0)).Concat(result.Warnings).Concat(result.Verbose).Concat(result.Errors.SelectMany(e => Texts(e))).ToList();
        Assert.Empty(Leaks(texts));
        Assert.DoesNotContain(texts, t => t.ToLowerInvariant().Contains("7q2x9lk", StringComparison.Ordinal));
        Assert.Contains(texts, t => t == "k8s-experimental.resources.requests['contoso.com/********']");
        Assert.NotEmpty(result.Warnings);
    }

    [Fact]
    public void TheConsoleShowsNoPassword()
    {
        var shown = ShellRunner.Run(Script());

        Assert.Equal(1, shown.ExitCode);
        Assert.Contains("VERBOSE: ", shown.StandardOutput);
        Assert.Contains("********", shown.StandardOutput + shown.StandardError);
        Assert.Empty(Leaks(new[] { shown.StandardOutput, shown.StandardError }));
    }

    /// <summary>Everything an error record can show: message, details, target, category, position.</summary>
    private static IEnumerable<string> Texts(ErrorRecord error) =>
        new[] { error.ToString(), error.Exception.ToString(), error.ErrorDetails?.Message ?? "", error.TargetObject?.ToString() ?? "",
            error.CategoryInfo.ToString(), error.InvocationInfo?.PositionMessage ?? "", error.FullyQualifiedErrorId };

    /// <summary>The text of an output object and of every property in it, nested objects and collections included.</summary>
    private static IEnumerable<string> Texts(object? value, int depth)
    {
        if (value is null || depth > 8)
        {
            yield break;
        }
        var baseObject = value is PSObject wrapped ? wrapped.BaseObject : value;
        yield return value.ToString() ?? "";
        if (baseObject is string || baseObject.GetType().IsPrimitive || baseObject is Enum)
        {
            yield break;
        }
        var children = baseObject switch
        {
            IDictionary dictionary => dictionary.Keys.Cast<object?>().Concat(dictionary.Values.Cast<object?>()),
            IEnumerable items => items.Cast<object?>(),
            _ => PSObject.AsPSObject(value).Properties.Where(p => !ManifestContent.Contains(p.Name)).Select(p => p.Value),
        };
        foreach (var text in children.SelectMany(child => Texts(child, depth + 1)))
        {
            yield return text;
        }
    }
}
