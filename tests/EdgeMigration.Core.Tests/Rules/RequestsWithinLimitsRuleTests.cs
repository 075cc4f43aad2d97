using System.Linq;
using EdgeMigration.Core.Kubernetes;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class RequestsWithinLimitsRuleTests
{
    /// <summary>createOptions with these limits and requests (their members, without braces).</summary>
    private static string Resources(string limits, string requests) =>
        "{\"k8s-experimental\":{\"resources\":{\"limits\":{" + limits + "},\"requests\":{" + requests + "}}}}";

    [Fact]
    public void RequestsAboveTheirLimitsAreErrorsAtTheRequest()
    {
        var manifest = ManifestBuilder.Deployment(("m", Resources("\"memory\":\"1000Mi\",\"cpu\":\"1500m\"", "\"memory\":\"1Gi\",\"cpu\":2")));

        var findings = Check(manifest, "K12");

        Assert.Equal(new[]
        {
            "K12 Error m k8s-experimental.resources.requests.memory manual",
            "K12 Error m k8s-experimental.resources.requests.cpu manual",
        }, Summary(findings));
        Assert.EndsWith(".modules.m.settings.createOptions.k8s-experimental.resources.requests.memory", findings[0].ManifestPath);
        Assert.Equal(
            "requests.memory (\"1Gi\") is above limits.memory (\"1000Mi\"); the Kubernetes API server refuses a request above its limit (\"must be less than or equal to memory limit of 1000Mi\") and with it the module's Deployment, so the module never runs.",
            findings[0].Message);
        Assert.Equal("Raise limits.cpu to 2 or more, or lower requests.cpu to \"1500m\" or less: the request is what the module is guaranteed, the limit the most it may use.",
            findings[1].Recommendation);
        Assert.EndsWith("#memory-and-cpu-usage", findings[0].HelpUri);
    }

    [Theory]
    [InlineData("\"cpu\":\"500m\"", "\"cpu\":\"0.5\"")]
    [InlineData("\"cpu\":\"1000m\"", "\"cpu\":1")]
    [InlineData("\"memory\":\"1Gi\"", "\"memory\":\"1024Mi\"")]
    [InlineData("\"memory\":\"1G\"", "\"memory\":\"1e9\"")]
    [InlineData("\"memory\":\"1Gi\"", "\"memory\":\"1000Mi\"")]
    [InlineData("\"cpu\":\"1\",\"memory\":\"1Gi\"", "\"cpu\":\"250m\"")]
    [InlineData("\"nvidia.com/gpu\":2", "\"nvidia.com/gpu\":\"2\"")]
    [InlineData("\"nvidia.com/gpu\":1", "\"cpu\":\"4\"")]
    [InlineData("\"kubernetes.io/other\":2", "\"kubernetes.io/other\":1")]
    [InlineData("\"cpu\":\"1\"", "\"cpu\":null,\"nvidia.com/gpu\":null")]
    public void RequestsTheApiServerTakesAreFine(string limits, string requests) =>
        Assert.Empty(Check(ManifestBuilder.Deployment(("m", Resources(limits, requests))), "K12"));

    [Fact]
    public void TheApiServersWordsQuoteTheLimitInKubernetesCanonicalFormAndTheUsersValuesAsWritten()
    {
        var manifest = ManifestBuilder.Deployment(("m", Resources(
            "\"cpu\":\"0.5\",\"memory\":\"1024Mi\",\"ephemeral-storage\":\"1000\",\"nvidia.com/gpu\":1",
            "\"cpu\":1,\"memory\":\"2Gi\",\"ephemeral-storage\":\"2k\",\"nvidia.com/gpu\":\"2\"")));

        var findings = Check(manifest, "K12");

        Assert.Equal(
            "requests.cpu (1) is above limits.cpu (\"0.5\"); the Kubernetes API server refuses a request above its limit (\"must be less than or equal to cpu limit of 500m\") and with it the module's Deployment, so the module never runs.",
            findings[0].Message);
        Assert.Contains("(\"must be less than or equal to memory limit of 1Gi\")", findings[1].Message);
        Assert.Contains("(\"must be less than or equal to ephemeral-storage limit of 1k\")", findings[2].Message);
        Assert.Contains("requests['nvidia.com/gpu'] (\"2\") differs from limits['nvidia.com/gpu'] (1)", findings[3].Message);
        Assert.Contains("(\"must be equal to nvidia.com/gpu limit of 1\")", findings[3].Message);
    }

    [Fact]
    public void QuantitiesBeyondWhatSystemDecimalHoldsAreComparedToo()
    {
        var manifest = ManifestBuilder.Deployment(
            ("strings", Resources("\"memory\":\"1e30\"", "\"memory\":\"2e30\"")),
            ("numbers", Resources("\"cpu\":1e29", "\"cpu\":1e30")),
            ("exa", Resources("\"memory\":\"100000000000E\"", "\"memory\":\"1000000000000E\"")),
            ("equal", Resources("\"nvidia.com/gpu\":\"1e30\"", "\"nvidia.com/gpu\":\"1000000000000000000000000000000\"")),
            ("within", Resources("\"memory\":\"1e30\"", "\"memory\":\"100000000000E\"")));

        var findings = Check(manifest, "K12");

        Assert.Equal(new[]
        {
            "K12 Error strings k8s-experimental.resources.requests.memory manual",
            "K12 Error numbers k8s-experimental.resources.requests.cpu manual",
            "K12 Error exa k8s-experimental.resources.requests.memory manual",
        }, Summary(findings));
        Assert.Contains("(\"must be less than or equal to memory limit of 1e30\")", findings[0].Message);
        // Kubernetes accepts them all, so the agent reads them.
        Assert.Empty(Check(manifest, "K3"));
    }

    [Fact]
    public void ResourcesKubernetesDoesNotOvercommitNeedRequestsEqualToLimits()
    {
        var manifest = ManifestBuilder.Deployment(
            ("gpu", Resources("\"nvidia.com/gpu\":2", "\"nvidia.com/gpu\":1")),
            ("dongle", """{"k8s-experimental":{"Resources":{"Limits":{"example.com/dongle":"3"},"Requests":{"example.com/dongle":"1"}}}}"""),
            ("pages", Resources("\"hugepages-2Mi\":\"4Mi\",\"memory\":\"1Gi\"", "\"hugepages-2Mi\":\"2Mi\",\"memory\":\"512Mi\"")));

        var findings = Check(manifest, "K12");

        Assert.Equal(new[]
        {
            "K12 Error gpu k8s-experimental.resources.requests['nvidia.com/gpu'] manual",
            "K12 Error dongle k8s-experimental.Resources.Requests['example.com/dongle'] manual",
            "K12 Error pages k8s-experimental.resources.requests.hugepages-2Mi manual",
        }, Summary(findings));
        Assert.Contains("(\"must be equal to nvidia.com/gpu limit of 2\")", findings[0].Message);
        Assert.Contains("an extended resource such as 'nvidia.com/gpu'", findings[0].Message);
        Assert.Equal("Set requests['nvidia.com/gpu'] to 2 as in limits (or both to the quantity the module needs), or give 'nvidia.com/gpu' in limits only: without requests, the limits are the request.",
            findings[0].Recommendation);
        Assert.Contains("Requests['example.com/dongle'] (\"1\") differs from Limits['example.com/dongle'] (\"3\")", findings[1].Message);
        Assert.Contains("huge pages ('hugepages-2Mi')", findings[2].Message);
    }

    [Fact]
    public void AnExtendedResourceRequestedWithoutALimitIsAnError()
    {
        var manifest = ManifestBuilder.Deployment(
            ("requests-only", """{"k8s-experimental":{"resources":{"requests":{"nvidia.com/gpu":1,"cpu":"1"}}}}"""),
            // Resource names are case-sensitive: 'Nvidia.com/gpu' has no limit, whatever 'nvidia.com/gpu' has.
            ("other-case", Resources("\"nvidia.com/gpu\":1", "\"Nvidia.com/gpu\":1")),
            ("null-limit", Resources("\"nvidia.com/gpu\":null", "\"nvidia.com/gpu\":1")),
            ("limits-only", """{"k8s-experimental":{"resources":{"limits":{"nvidia.com/gpu":1}}}}"""));

        var findings = Check(manifest, "K12");

        Assert.Equal(new[]
        {
            "K12 Error requests-only k8s-experimental.resources.requests['nvidia.com/gpu'] manual",
            // Refused for its name too: a domain is lower case.
            "K12 Error other-case k8s-experimental.resources.requests['Nvidia.com/gpu'] manual",
            "K12 Error other-case k8s-experimental.resources.requests['Nvidia.com/gpu'] manual",
            "K12 Error null-limit k8s-experimental.resources.requests['nvidia.com/gpu'] manual",
        }, Summary(findings));
        Assert.Equal(
            "requests['nvidia.com/gpu'] (1) is given without limits['nvidia.com/gpu']; Kubernetes does not overcommit an extended resource such as 'nvidia.com/gpu' (a name with a domain outside kubernetes.io), so the API server refuses a request without a limit (\"Limit must be set for non overcommitable resources\") and with it the module's Deployment, so the module never runs.",
            findings[0].Message);
        Assert.StartsWith("Give \"nvidia.com/gpu\": 1 in k8s-experimental.resources.limits", findings[0].Recommendation);
    }

    [Fact]
    public void HugePagesWithoutCpuOrMemoryAreAnErrorAtTheResources()
    {
        var manifest = ManifestBuilder.Deployment(
            ("pages", Resources("\"hugepages-2Mi\":\"4Mi\"", "\"hugepages-2Mi\":\"4Mi\"")),
            ("gpu", """{"k8s-experimental":{"Resources":{"limits":{"nvidia.com/gpu":1,"hugepages-1Gi":"1Gi"}}}}"""),
            // A null is dropped by the agent, and names are case-sensitive: neither is memory ("Memory" is refused itself).
            ("null-memory", Resources("\"hugepages-2Mi\":\"4Mi\",\"memory\":null", "\"Memory\":\"1Gi\"")),
            ("memory-request", Resources("\"hugepages-2Mi\":\"4Mi\"", "\"hugepages-2Mi\":\"4Mi\",\"memory\":\"1Gi\"")),
            ("cpu-placeholder", Resources("\"hugepages-2Mi\":\"4Mi\",\"cpu\":\"${CPU}\"", "")),
            ("no-pages", Resources("\"nvidia.com/gpu\":1", "")));

        var findings = Check(manifest, "K12");

        Assert.Equal(new[]
        {
            "K12 Error pages k8s-experimental.resources manual",
            "K12 Error gpu k8s-experimental.Resources manual",
            "K12 Error null-memory k8s-experimental.resources.requests.Memory manual",
            "K12 Error null-memory k8s-experimental.resources manual",
        }, Summary(findings));
        Assert.Equal(
            "resources asks for huge pages ('hugepages-2Mi') but names neither cpu nor memory, in limits or in requests; the Kubernetes API server refuses huge pages without either (\"HugePages require cpu or memory\") and with it the module's Deployment, so the module never runs.",
            findings[0].Message);
        Assert.Equal("Give the module the memory it needs besides its huge pages (or its cpu) too, for example \"memory\": \"256Mi\" in k8s-experimental.resources.limits.",
            findings[0].Recommendation);
        Assert.Contains("('hugepages-1Gi')", findings[1].Message);
    }

    [Fact]
    public void EntriesTheApiServerRefusesByThemselvesAreErrorsAtTheEntryInBothLists()
    {
        // Kubernetes validateContainerResourceName and ValidateResourceQuantityValue: a name without a domain must be a
        // container's standard resource, exactly spelt; no quantity may be negative.
        var manifest = ManifestBuilder.Deployment(
            ("names", Resources("\"gpu\":1,\"CPU\":\"1\",\"memory\":\"1Gi\"", "\"Memory\":\"1Gi\",\"memory\":\"1Gi\"")),
            ("negative", Resources("\"memory\":\"-1Gi\",\"nvidia.com/gpu\":-1", "\"cpu\":-0.5")),
            ("accepted", Resources("\"cpu\":\"1\",\"memory\":\"1Gi\",\"ephemeral-storage\":\"2Gi\",\"hugepages-2Mi\":\"2Mi\",\"nvidia.com/gpu\":1,\"cpu2\":null,\"${RESOURCE}\":1", "\"cpu\":0")));

        var findings = Check(manifest, "K12");

        Assert.Equal(new[]
        {
            "K12 Error names k8s-experimental.resources.limits.gpu manual",
            "K12 Error names k8s-experimental.resources.limits.CPU manual",
            "K12 Error names k8s-experimental.resources.requests.Memory manual",
            "K12 Error negative k8s-experimental.resources.limits.memory manual",
            "K12 Error negative k8s-experimental.resources.limits['nvidia.com/gpu'] manual",
            "K12 Error negative k8s-experimental.resources.requests.cpu manual",
        }, Summary(findings));
        Assert.Equal("'gpu' is not a resource of a container: a name without a domain must be cpu, memory, ephemeral-storage or hugepages-<size>, exactly so, in lower case, so the API server refuses it (\"must be a standard resource for containers\") and with it the module's Deployment, so the module never runs.",
            findings[0].Message);
        Assert.Equal("Name the resource as Kubernetes does: \"nvidia.com/gpu\" for GPUs, or one of cpu, memory, ephemeral-storage, hugepages-2Mi.", findings[0].Recommendation);
        Assert.Equal("limits.memory (\"-1Gi\") is negative; the API server refuses a quantity below zero (\"must be greater than or equal to 0\") and with it the module's Deployment, so the module never runs.",
            findings[3].Message);

        var rendered = KubernetesRenderer.Render(manifest).Modules.Where(m => m.ModuleName is "names" or "negative" or "accepted").ToList();
        Assert.Equal(new[] { true, true, false }, rendered.Select(m => m.Fails));
        Assert.Equal(findings.Select(f => f.Location), rendered.SelectMany(m => m.Dropped).Where(d => d.Effect == DropEffect.Fails).Select(d => d.Location));
    }

    [Fact]
    public void NamesThatAreNotQualifiedNamesAndHugePagesThatAreNotWholePagesAreRefused()
    {
        // validateResourceName (IsQualifiedName) and validateResourceQuantityHugePageValue (since Kubernetes 1.21).
        var manifest = ManifestBuilder.Deployment(
            ("prefix", Resources("\"memory\":\"1Gi\",\"Nvidia.com/gpu\":1", "")),
            ("name-part", Resources("\"memory\":\"1Gi\",\"hugepages-\":\"2Mi\",\"example.com/a b\":1,\"example.com/x/y\":1", "")),
            ("pages", Resources("\"memory\":\"1Gi\",\"hugepages-2Mi\":\"3Mi\",\"hugepages-1Gi\":\"2Gi\",\"hugepages-0.5\":\"1\"", "\"memory\":\"1Gi\",\"hugepages-2Mi\":\"3Mi\"")),
            ("whole", Resources("\"memory\":\"1Gi\",\"hugepages-2Mi\":\"4Mi\",\"hugepages-1Gi\":0,\"example.com/My_Thing.2\":1", "\"hugepages-2Mi\":\"4Mi\"")));

        var findings = Check(manifest, "K12");

        Assert.Equal(new[]
        {
            "K12 Error prefix k8s-experimental.resources.limits['Nvidia.com/gpu'] manual",
            "K12 Error name-part k8s-experimental.resources.limits.hugepages- manual",
            "K12 Error name-part k8s-experimental.resources.limits['example.com/a b'] manual",
            "K12 Error name-part k8s-experimental.resources.limits['example.com/x/y'] manual",
            "K12 Error pages k8s-experimental.resources.limits.hugepages-2Mi manual",
            "K12 Error pages k8s-experimental.resources.limits['hugepages-0.5'] manual",
            "K12 Error pages k8s-experimental.resources.requests.hugepages-2Mi manual",
        }, Summary(findings));
        Assert.StartsWith("'Nvidia.com/gpu' is not a resource name Kubernetes takes, so the API server refuses it (\"prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters", findings[0].Message);
        Assert.Equal("limits.hugepages-2Mi (\"3Mi\") is not a whole number of pages of 2Mi; the API server refuses it (\"3Mi is not positive integer multiple of hugepages-2Mi\") and with it the module's Deployment, so the module never runs.",
            findings[4].Message);
        Assert.Equal("Ask for a multiple of the page size, 2Mi.", findings[4].Recommendation);
    }

    [Fact]
    public void OnlyTheLastOfTwoEntriesOfOneNameIsJudgedAsOnlyItIsSent()
    {
        // K6 reports the duplicate; Json.NET keeps the last value, which the API server accepts here.
        var manifest = ManifestBuilder.Deployment(
            ("limit", Resources("\"memory\":\"-1\",\"memory\":\"1Gi\"", "")),
            ("request", Resources("\"nvidia.com/gpu\":\"1\"", "\"nvidia.com/gpu\":\"2\",\"nvidia.com/gpu\":\"1\"")),
            ("last-refused", Resources("\"memory\":\"1Gi\",\"memory\":\"-1\"", "")));

        var rendered = KubernetesRenderer.Render(manifest).Modules.Where(m => m.ModuleName is "limit" or "request" or "last-refused");

        Assert.Equal(new[] { "K12 Error last-refused k8s-experimental.resources.limits.memory manual" }, Summary(Check(manifest, "K12")));
        Assert.Equal(new[] { false, false, true }, rendered.Select(m => m.Fails));
    }

    [Fact]
    public void ExtendedResourceNamesFollowTheirStandard()
    {
        // IsExtendedResourceName: not a quota name ("requests." first), and its quota name is a qualified name too.
        var longDomain = string.Join(".", Enumerable.Repeat(new string('d', 60), 4)) + ".com";
        var manifest = ManifestBuilder.Deployment(
            ("quota", Resources("\"memory\":\"1Gi\",\"requests.nvidia.com/gpu\":1", "")),
            ("long", Resources($"\"memory\":\"1Gi\",\"{longDomain}/gpu\":1", "")),
            ("native", Resources("\"memory\":\"1Gi\",\"example.kubernetes.io/thing\":\"1\",\"nvidia.com/gpu\":1", "")));

        var findings = Check(manifest, "K12");

        Assert.Equal(new[]
        {
            "K12 Error quota k8s-experimental.resources.limits['requests.nvidia.com/gpu'] manual",
            $"K12 Error long k8s-experimental.resources.limits['{longDomain}/gpu'] manual",
        }, Summary(findings));
        Assert.Contains("(\"doesn't follow extended resource name standard\")", findings[0].Message);
    }

    [Fact]
    public void AModuleWhoseSectionTheAgentCannotReadIsLeftToK3AsThePreviewDoes()
    {
        // cpu {} is no quantity: the agent cannot read the section and sends no Deployment, so none is refused for -1.
        var manifest = ManifestBuilder.Deployment(("m", Resources("\"memory\":\"-1\",\"cpu\":{}", "")));

        var rendered = KubernetesRenderer.Render(manifest).Modules.Single(m => m.ModuleName == "m");

        Assert.Empty(Check(manifest, "K12"));
        Assert.Equal(new[] { "K3 Error m k8s-experimental.resources.limits.cpu manual" }, Summary(Check(manifest, "K3")));
        Assert.Equal(new[] { "k8s-experimental.resources.limits.cpu" }, rendered.Dropped.Where(d => d.Effect == DropEffect.Fails).Select(d => d.Location));
    }

    [Fact]
    public void HugePagesBesideANameAPlaceholderStandsForWaitForTheTemplate()
    {
        var manifest = ManifestBuilder.Deployment(
            ("braces", Resources("\"hugepages-2Mi\":\"2Mi\",\"${MEMORY}\":\"1Gi\"", "")),
            ("angles", Resources("\"hugepages-2Mi\":\"2Mi\"", "\"<memory>\":\"1Gi\"")));

        Assert.Empty(Check(manifest, "K12"));
    }

    [Fact]
    public void OfTwoSpellingsTheLastIsJudgedAsTheAgentReadsItAndThePreviewShowsIt()
    {
        // The agent's Json.NET matches the keys in any case and keeps the last spelling: its limits are 4Gi in the first
        // module, 1Gi in the second.
        var manifest = ManifestBuilder.Deployment(
            ("limits", """{"k8s-experimental":{"resources":{"limits":{"memory":"1Gi"},"Limits":{"memory":"4Gi"},"requests":{"memory":"2Gi"}}}}"""),
            ("resources", """{"k8s-experimental":{"resources":{"limits":{"memory":"4Gi"},"requests":{"memory":"2Gi"}},"Resources":{"limits":{"memory":"1Gi"},"requests":{"memory":"2Gi"}}}}"""));

        var rendered = KubernetesRenderer.Render(manifest).Modules.Where(m => m.ModuleName is "limits" or "resources").ToList();

        Assert.Equal(new[] { "K12 Error resources k8s-experimental.Resources.requests.memory manual" }, Summary(Check(manifest, "K12")));
        Assert.Equal(new[] { false, true }, rendered.Select(m => m.Fails));
        Assert.Equal("k8s-experimental.Resources.requests.memory", Assert.Single(rendered[1].Dropped, d => d.Effect == DropEffect.Fails).Location);
    }

    [Fact]
    public void RequestsAreNotComparedWithLimitsAPlaceholderStandsFor()
    {
        // The template's limits are known only once expanded: no "without a limit", no huge pages "without memory".
        var manifest = ManifestBuilder.Deployment(
            ("limits", """{"k8s-experimental":{"resources":{"limits":"${LIMITS}","requests":{"nvidia.com/gpu":1,"hugepages-2Mi":"2Mi"}}}}"""),
            ("requests", """{"k8s-experimental":{"resources":{"limits":{"hugepages-2Mi":"2Mi"},"requests":"${REQUESTS}"}}}"""),
            ("both-known", """{"k8s-experimental":{"resources":{"limits":{"cpu":"1"},"requests":{"nvidia.com/gpu":1}}}}"""));

        var modules = KubernetesRenderer.Render(manifest).Modules.Where(m => m.ModuleName != "edgeAgent" && m.ModuleName != "edgeHub");

        Assert.Equal(new[] { "K12 Error both-known k8s-experimental.resources.requests['nvidia.com/gpu'] manual" }, Summary(Check(manifest, "K12")));
        Assert.Equal(new[] { false, false, true }, modules.Select(m => m.Fails));
    }

    [Fact]
    public void RefusedFpgaRequestsAreReportedAndFixedByR1WhichWritesOneGpuCountIntoBothLists()
    {
        var manifest = ManifestBuilder.Deployment(
            ("unequal", Resources("\"microsoft.com/fpga_catapult\":1", "\"microsoft.com/fpga_catapult\":2")),
            ("requests-only", """{"k8s-experimental":{"resources":{"requests":{"microsoft.com/fpga_catapult":1}}}}"""));

        Assert.Equal(new[]
        {
            "K12 Error unequal k8s-experimental.resources.requests['microsoft.com/fpga_catapult'] fixable",
            "K12 Error requests-only k8s-experimental.resources.requests['microsoft.com/fpga_catapult'] fixable",
        }, Summary(Check(manifest, "K12")));
        Assert.DoesNotContain(Convert(manifest, "R1").RemainingFindings, f => f.RuleId == "K12");
    }

    [Fact]
    public void EdgeAgentsResourcesAreNotJudgedTheDeviceRunsItsOwn()
    {
        var manifest = EdgeMigration.Core.Manifests.ManifestDocument.Parse("""
            {"modulesContent": {"$edgeAgent": {"properties.desired": {"schemaVersion": "1.1", "runtime": {"type": "docker", "settings": {}},
              "systemModules": {
                "edgeAgent": {"type": "docker", "settings": {"image": "mcr.microsoft.com/azureiotedge-agent:1.4",
                  "createOptions": "{\"k8s-experimental\":{\"resources\":{\"limits\":{\"memory\":\"128Mi\"},\"requests\":{\"memory\":\"256Mi\"}}}}"}},
                "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always", "settings": {"image": "mcr.microsoft.com/azureiotedge-hub:1.4",
                  "createOptions": "{\"k8s-experimental\":{\"resources\":{\"limits\":{\"memory\":\"128Mi\"},\"requests\":{\"memory\":\"256Mi\"}}}}"}}},
              "modules": {}}}}}
            """);

        Assert.Equal(new[] { "K12 Error edgeHub k8s-experimental.resources.requests.memory manual" }, Summary(Check(manifest, "K12")));
    }

    [Fact]
    public void APlaceholderLimitIsNotAMissingOneNorUnreadable()
    {
        var manifest = ManifestBuilder.Deployment(("m", Resources("\"nvidia.com/gpu\":\"${GPUS}\"", "\"memory\":\"${MEM}\",\"nvidia.com/gpu\":1")));

        Assert.Empty(Check(manifest, "K12"));
        Assert.Empty(Check(manifest, "K3"));
    }

    [Fact]
    public void FractionsOfExtendedResourcesAreErrorsInLimitsAndRequests()
    {
        var manifest = ManifestBuilder.Deployment(("m", Resources("\"nvidia.com/gpu\":1.5,\"cpu\":\"1.5\"", "\"nvidia.com/gpu\":\"1500m\",\"hugepages-2Mi\":\"0.5\"")));

        var findings = Check(manifest, "K12");

        Assert.Equal(new[]
        {
            "K12 Error m k8s-experimental.resources.limits['nvidia.com/gpu'] manual",
            "K12 Error m k8s-experimental.resources.requests['nvidia.com/gpu'] manual",
            // Huge pages may be asked for in fractions of their unit, but whole pages only (0.5 is less than one page of 2Mi).
            "K12 Error m k8s-experimental.resources.requests.hugepages-2Mi manual",
            "K12 Error m k8s-experimental.resources.requests.hugepages-2Mi manual",
        }, Summary(findings));
        Assert.Contains("is not a whole number of pages of 2Mi", findings[2].Message);
        Assert.Equal(
            "limits['nvidia.com/gpu'] (1.5) is not a whole number; Kubernetes hands out an extended resource such as 'nvidia.com/gpu' only whole, so the API server refuses it (\"must be an integer\") and with it the module's Deployment, so the module never runs.",
            findings[0].Message);
        Assert.Equal("Ask for a whole number of 'nvidia.com/gpu' (a GPU is not shared by fractions).", findings[0].Recommendation);
    }

    [Fact]
    public void NothingIsFixed()
    {
        var result = Convert(ManifestBuilder.Deployment(("m", Resources("\"cpu\":\"1\"", "\"cpu\":\"2\""))), "K12");

        Assert.Empty(result.Changes);
        Assert.Equal(new[] { "K12 Error m k8s-experimental.resources.requests.cpu manual" }, Summary(result.RemainingFindings.Where(f => f.RuleId == "K12")));
    }
}
