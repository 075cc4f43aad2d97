using System;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class MemoryCpuLimitsRuleTests
{
    [Fact]
    public void ReportsIgnoredDockerLimitsWithTheirKubernetesEquivalents()
    {
        var manifest = ManifestBuilder.Deployment(
            ("a", """{"HostConfig":{"Memory":268435456,"NanoCpus":1500000000,"MemorySwap":536870912,"CpuShares":512}}"""),
            ("b", """{"HostConfig":{"CpuQuota":50000,"CpuPeriod":100000}}"""),
            ("c", """{"HostConfig":{"CpuQuota":-1,"MemorySwap":-1,"Memory":0}}"""));

        var findings = Check(manifest, "R2");

        Assert.Equal(new[]
        {
            "R2 Warning a HostConfig.Memory fixable",
            "R2 Warning a HostConfig.NanoCpus fixable",
            "R2 Information a HostConfig.MemorySwap manual",
            "R2 Information a HostConfig.CpuShares manual",
            "R2 Warning b HostConfig.CpuQuota fixable",
        }, Summary(findings));
        Assert.Contains("k8s-experimental.resources.limits.memory: \"256Mi\"", findings[0].Message);
        Assert.Contains("\"1500m\"", findings[1].Message);
        Assert.Contains("requests.cpu: \"500m\"", findings[3].Recommendation);
        Assert.Contains("\"500m\"", findings[4].Message);
    }

    [Fact]
    public void AnExistingKubernetesLimitWinsAndADifferentOneIsNoted()
    {
        var manifest = ManifestBuilder.Deployment(
            ("same", """{"HostConfig":{"Memory":268435456},"k8s-experimental":{"resources":{"limits":{"memory":"256Mi"}}}}"""),
            ("other", """{"HostConfig":{"Memory":268435456},"k8s-experimental":{"resources":{"limits":{"memory":"1Gi"}}}}"""));

        Assert.Equal(new[] { "R2 Information other HostConfig.Memory manual" }, Summary(Check(manifest, "R2")));
        Assert.Empty(Convert(manifest, "R2").Changes);
    }

    [Fact]
    public void GpuModuleWithoutAnyLimitGetsAnInformation()
    {
        var manifest = ManifestBuilder.Deployment(
            ("gpu", """{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1}}}}"""),
            ("limited", """{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1,"cpu":"1"}}}}"""),
            ("cpu-only", "{}"),
            // What the template's limits hold is known only once it is expanded.
            ("template", """{"k8s-experimental":{"resources":{"limits":"${LIMITS}","requests":{"nvidia.com/gpu":1}}}}"""));

        Assert.Equal(new[] { "R2 Information gpu k8s-experimental.resources.limits manual" }, Summary(Check(manifest, "R2")));
    }

    [Fact]
    public void UnconvertibleValuesAreReportedNotFixed()
    {
        var manifest = ManifestBuilder.Deployment(("a", """{"HostConfig":{"Memory":"1g","NanoCpus":1.5}}"""));

        Assert.Equal(new[] { "R2 Warning a HostConfig.Memory manual", "R2 Warning a HostConfig.NanoCpus manual" }, Summary(Check(manifest, "R2")));
        Assert.Empty(Convert(manifest, "R2").Changes);
    }

    [Fact]
    public void FixWritesExactQuantitiesAndKeepsTheDockerKeys()
    {
        var manifest = ManifestBuilder.Deployment(
            ("a", """{"HostConfig":{"Memory":268435456,"NanoCpus":1500000000,"Privileged":true}}"""),
            ("b", """{"HostConfig":{"Memory":1000000,"CpuQuota":150000}}"""));

        var result = Convert(manifest, "R2");

        Assert.Equal(
            """{"HostConfig":{"Memory":268435456,"NanoCpus":1500000000,"Privileged":true},"k8s-experimental":{"resources":{"limits":{"memory":"256Mi","cpu":"1500m"}}}}""",
            OptionsText(result.Manifest, "a"));
        Assert.Equal(
            """{"HostConfig":{"Memory":1000000,"CpuQuota":150000},"k8s-experimental":{"resources":{"limits":{"memory":"1000000","cpu":"1500m"}}}}""",
            OptionsText(result.Manifest, "b"));
        Assert.Equal(new[]
        {
            "R2 a k8s-experimental.resources.limits.memory: - -> \"256Mi\"",
            "R2 a k8s-experimental.resources.limits.cpu: - -> \"1500m\"",
            "R2 b k8s-experimental.resources.limits.memory: - -> \"1000000\"",
            "R2 b k8s-experimental.resources.limits.cpu: - -> \"1500m\"",
        }, Describe(result.Changes));
        Assert.Equal("Set the cpu limit from HostConfig.CpuQuota (150000 µs per 100000 µs).", result.Changes[3].Description);
        AssertIdempotent(result, "R2");
    }

    [Fact]
    public void DefaultLimitsGoToCustomModulesWithoutOne()
    {
        var manifest = ManifestBuilder.Deployment(
            ("bare", "{}"),
            ("capped", """{"k8s-experimental":{"resources":{"limits":{"memory":"1Gi"}}}}"""));

        var result = Convert(manifest, "R2", o => { o.DefaultMemoryLimit = "512Mi"; o.DefaultCpuLimit = "250m"; });

        Assert.Equal("""{"k8s-experimental":{"resources":{"limits":{"memory":"512Mi","cpu":"250m"}}}}""", OptionsText(result.Manifest, "bare"));
        Assert.Equal("""{"k8s-experimental":{"resources":{"limits":{"memory":"1Gi","cpu":"250m"}}}}""", OptionsText(result.Manifest, "capped"));
        Assert.Equal(ManifestBuilder.EdgeHubCreateOptions, OptionsText(result.Manifest, "edgeHub"));
        Assert.Equal(3, result.Changes.Count);
        AssertIdempotent(result, "R2", o => { o.DefaultMemoryLimit = "512Mi"; o.DefaultCpuLimit = "250m"; });
    }

    [Fact]
    public void ADockerLimitBelowTheRequestIsNotWrittenAndLeftToTheUser()
    {
        // Before, limits.memory "256Mi" was written below requests.memory "1Gi", and the device refused the Deployment.
        var manifest = ManifestBuilder.Deployment(
            ("a", """{"HostConfig":{"Memory":268435456,"NanoCpus":500000000},"k8s-experimental":{"resources":{"requests":{"memory":"1Gi","cpu":"0.5"}}}}"""));

        var findings = Check(manifest, "R2");
        var result = Convert(manifest, "R2", o => o.DefaultMemoryLimit = "2Gi");

        Assert.Equal(new[] { "R2 Warning a HostConfig.Memory manual", "R2 Warning a HostConfig.NanoCpus fixable" }, Summary(findings));
        Assert.Equal(
            "HostConfig.Memory (268435456 bytes) is ignored on the GPU device, and the same limit there, \"256Mi\", is below requests.memory (\"1Gi\"): the Kubernetes API server refuses a request above its limit, so the conversion does not set it and the module has no memory limit on the GPU device.",
            findings[0].Message);
        Assert.Equal(
            "Decide what the module needs: set \"memory\" in k8s-experimental.resources.limits to \"1Gi\" or more, or lower the request to \"256Mi\" or less and convert again (the Docker key can stay for Docker devices).",
            findings[0].Recommendation);
        // The CPU limit equals its request and is written; the default memory limit is not for a module whose Docker limit is the user's to settle.
        Assert.Equal(new[] { "R2 a k8s-experimental.resources.limits.cpu: - -> \"500m\"" }, Describe(result.Changes));
        Assert.Equal(new[] { Summary(findings[0]) }, Summary(result.RemainingFindings.Where(f => f.RuleId is "R2" or "K12")));
        AssertIdempotent(result, "R2", o => o.DefaultMemoryLimit = "2Gi");
    }

    [Fact]
    public void ADefaultLimitBelowTheRequestIsNotWrittenAndTheResultSaysWhy()
    {
        var manifest = ManifestBuilder.Deployment(
            ("big", """{"k8s-experimental":{"resources":{"requests":{"cpu":"1","memory":"256Mi"}}}}"""),
            ("small", """{"k8s-experimental":{"resources":{"requests":{"cpu":"250m"}}}}"""));
        void Defaults(ConversionOptions o) { o.DefaultCpuLimit = "500m"; o.DefaultMemoryLimit = "512Mi"; }

        var result = Convert(manifest, "R2", Defaults);

        Assert.Equal(new[]
        {
            "R2 big k8s-experimental.resources.limits.memory: - -> \"512Mi\"",
            "R2 small k8s-experimental.resources.limits.memory: - -> \"512Mi\"",
            "R2 small k8s-experimental.resources.limits.cpu: - -> \"500m\"",
        }, Describe(result.Changes));
        var left = Assert.Single(result.RemainingFindings, f => f.RuleId is "R2" or "K12");
        Assert.Equal("R2 Warning big k8s-experimental.resources.requests.cpu manual", Summary(left));
        Assert.Equal(
            "The default cpu limit given for the conversion (\"500m\") is below requests.cpu (\"1\"): the Kubernetes API server refuses a request above its limit, so the conversion does not set it and the module has no cpu limit on the GPU device.",
            left.Message);
        // Without the conversion's defaults, the check has nothing to say about them.
        Assert.Empty(Check(manifest, "R2"));
        AssertIdempotent(result, "R2", Defaults);
    }

    [Fact]
    public void AModuleWithRequestsAboveItsDockerAndDefaultLimitsStillDeploysOnceConverted()
    {
        var manifest = ManifestBuilder.Deployment(
            ("a", """{"HostConfig":{"Memory":268435456},"k8s-experimental":{"resources":{"requests":{"memory":"1Gi","cpu":"1"}}}}"""));

        var converted = ManifestConverter.Convert(manifest, new ConversionOptions { DefaultCpuLimit = "500m" }).Manifest;

        var module = KubernetesRenderer.Render(converted).Modules.Single(m => m.ModuleName == "a");
        Assert.False(module.Fails, string.Join("\n", module.Dropped.Select(d => d.Reason)));
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("0Mi")]
    [InlineData("0")]
    public void AnInvalidOrZeroDefaultLimitIsRefusedWhenItIsSet(string quantity)
    {
        // Refused by the options themselves, so that no caller of the library converts anything with a limit that stops every module.
        var memory = Assert.Throws<ArgumentException>(() => new ConversionOptions { DefaultMemoryLimit = quantity });
        var cpu = Assert.Throws<ArgumentException>(() => new ConversionOptions { DefaultCpuLimit = quantity });

        Assert.Contains($"DefaultMemoryLimit '{quantity}'", memory.Message);
        Assert.Equal(nameof(ConversionOptions.DefaultMemoryLimit), memory.ParamName);
        Assert.Equal(nameof(ConversionOptions.DefaultCpuLimit), cpu.ParamName);
    }

    [Fact]
    public void CorpusManifestWithDockerMemoryIsConverted()
    {
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile("Azure-Samples__cognitive-services-sample-data-files__ComputerVision__spatial-analysis__DeploymentManifest.json"));

        var result = Convert(manifest, "R2");

        var change = Assert.Single(result.Changes, c => c.ModuleName == "telegraf");
        Assert.Equal(("k8s-experimental.resources.limits.memory", "\"32Mi\""), (change.Location, change.After));
        AssertIdempotent(result, "R2");
    }

    [Fact]
    public void WhatTheUserWroteWhereTheLimitsGoIsNeverReplaced()
    {
        // A template's placeholder for the whole list, and a list of the wrong type: the fixes leave them, and say so.
        var manifest = ManifestBuilder.Deployment(
            ("templated", """{"HostConfig":{"Memory":268435456},"k8s-experimental":{"resources":{"limits":"${LIMITS}"}}}"""),
            ("strategy", """{"HostConfig":{"NetworkMode":"host"},"k8s-experimental":"${K8S}"}"""),
            ("fpga", """{"k8s-experimental":{"resources":{"limits":["${LIMITS}"],"requests":{"microsoft.com/fpga_catapult":1}}}}"""));

        var result = ManifestConverter.ConvertInPlace(manifest, new ConversionOptions { DefaultMemoryLimit = "512Mi" });

        Assert.DoesNotContain(result.Changes, c => c.RuleId is "R2" or "R1" || (c.RuleId == "O1" && c.ModuleName == "strategy"));
        Assert.Contains("\"limits\":\"${LIMITS}\"", OptionsText(result.Manifest, "templated"));
        Assert.Contains("\"k8s-experimental\":\"${K8S}\"", OptionsText(result.Manifest, "strategy"));
        Assert.Contains(result.RemainingFindings, f => f is { RuleId: "R2", ModuleName: "templated", IsFixable: false });
        Assert.Contains(result.RemainingFindings, f => f is { RuleId: "O1", ModuleName: "strategy", IsFixable: false });
        Assert.Contains(result.RemainingFindings, f => f is { RuleId: "R1", ModuleName: "fpga", IsFixable: false });
        Assert.DoesNotContain(result.RemainingFindings, f => f.IsFixable);
    }
}
