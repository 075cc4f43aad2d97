using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Storage;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class ShareVolumeRuleTests
{
    [Fact]
    public void FpgaShareBindsAndDockerVolumesAreReported()
    {
        var manifest = ManifestBuilder.Deployment(
            ("shares", """{"HostConfig":{"Binds":["/home/hcsshares/input:/home/input","/var/data:/data","/home/hcsshares/output/:/home/output:ro"]}}"""),
            ("sql", """{"HostConfig":{"Binds":["sqlvolume:/var/opt/mssql"]}}"""),
            ("folder", """{"HostConfig":{"Binds":["/home/hcsshares/input/today:/in","/home/hcsshares:/shares"]}}"""),
            ("mounted", """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"input","Target":"/home/input"}]}}"""));

        var findings = Check(manifest, "S2");

        Assert.Equal(new[]
        {
            "S2 Error shares HostConfig.Binds[0] fixable",
            "S2 Error shares HostConfig.Binds[2] fixable",
            "S2 Warning sql HostConfig.Binds[0] fixable",
            "S2 Error folder HostConfig.Binds[0] manual",
            "S2 Error folder HostConfig.Binds[1] manual",
        }, Summary(findings));
        Assert.Contains("Edge share 'input'", findings[0].Message);
        Assert.Contains("{\"Target\": \"/home/input\", \"Source\": \"input\", \"Type\": \"volume\"}", findings[0].Recommendation);
        Assert.Contains("Docker volume 'sqlvolume'", findings[2].Message);
        Assert.Contains("folder 'today' inside the Edge share 'input'", findings[3].Message);
        Assert.Contains("every FPGA Edge share", findings[4].Message);
    }

    [Fact]
    public void BindMountsOfSharePathsAreReportedAsTheBindsOfThemAre()
    {
        // What a template's "$INPUT_FOLDER:/in" becomes once converted (a bind mount, S3) and expanded with an Edge share's
        // path: the same empty folder of the node as a bind of it, which S3 alone called information.
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Mounts":[{"Type":"bind","Source":"/home/hcsshares/input","Target":"/in"},{"Type":"bind","Source":"/var/data","Target":"/data"},{"Type":"bind","Source":"/home/hcsshares/input/today","Target":"/today"},{"Type":"bind","Source":"/home/hcsshares","Target":"/shares"},{"Type":"volume","Source":"input","Target":"/vol"}]}}"""));

        var findings = Check(manifest, "S2");

        Assert.Equal(new[]
        {
            "S2 Error app HostConfig.Mounts[0] fixable",
            "S2 Error app HostConfig.Mounts[2] manual",
            "S2 Error app HostConfig.Mounts[3] manual",
        }, Summary(findings));
        Assert.Contains("the FPGA device's mount point of the Edge share 'input'; on the GPU device a bind of that path is an empty folder of the Kubernetes node, not the share", findings[0].Message);
        Assert.Contains("{\"Target\": \"/in\", \"Source\": \"input\", \"Type\": \"volume\"}", findings[0].Recommendation);
        Assert.Contains("folder 'today' inside the Edge share 'input'", findings[1].Message);
        Assert.Contains("every FPGA Edge share", findings[2].Message);
        // S3 keeps its word for the host directory only.
        Assert.Equal(new[] { "S3 Information app HostConfig.Mounts[1] manual" }, Summary(Check(manifest, "S3")));
    }

    [Fact]
    public void FixMakesBindMountsOfSharesVolumeMountsKeepingTheRest()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Mounts":[{"Type":"bind","Source":"/home/hcsshares/input/","Target":"/in","ReadOnly":true},{"Type":"bind","Source":"/var/data","Target":"/data"},{"Target":"/out","Source":"/mnt/out","Type":"bind"}]}}"""));

        var result = Convert(manifest, "S2", o => o.ShareMap = new Dictionary<string, string> { ["/mnt/out"] = "gpuout" });

        Assert.Equal(
            """{"HostConfig":{"Mounts":[{"Type":"volume","Source":"input","Target":"/in","ReadOnly":true},{"Type":"bind","Source":"/var/data","Target":"/data"},{"Target":"/out","Source":"gpuout","Type":"volume"}]}}""",
            OptionsText(result.Manifest, "app"));
        Assert.Equal(new[]
        {
            """S2 app HostConfig.Mounts[0]: {"Type":"bind","Source":"/home/hcsshares/input/","Target":"/in","ReadOnly":true} -> {"Type":"volume","Source":"input","Target":"/in","ReadOnly":true}""",
            """S2 app HostConfig.Mounts[2]: {"Target":"/out","Source":"/mnt/out","Type":"bind"} -> {"Target":"/out","Source":"gpuout","Type":"volume"}""",
        }, Describe(result.Changes));
        Assert.Equal("HostConfig.Mounts[0], a bind mount of '/home/hcsshares/input/', became a volume mount of share 'input' (assuming the GPU device has a share named like the FPGA Edge share; -ShareMap chooses another).", result.Changes[0].Description);
        Assert.Equal("HostConfig.Mounts[2], a bind mount of '/mnt/out', became a volume mount of share 'gpuout' (ShareMap maps '/mnt/out' to it).", result.Changes[1].Description);
        AssertIdempotent(result, "S2", o => o.ShareMap = new Dictionary<string, string> { ["/mnt/out"] = "gpuout" });
    }

    [Fact]
    public void ATemplateBindOfAPlaceholderExpandedWithAShareIsFoundAndFixedOnceExpanded()
    {
        // The template workflow: convert the template, let the tools expand it, check the expanded manifest.
        const string Template = """
            {
              "$schema-template": "4.0.0",
              "modulesContent": {
                "$edgeAgent": { "properties.desired": { "modules": { "lva": { "type": "docker", "status": "running", "restartPolicy": "always", "version": "1.0",
                  "settings": { "image": "${MODULES.lva}", "createOptions": { "HostConfig": { "Binds": [ "$INPUT_VIDEO_FOLDER_ON_DEVICE:/live/media" ] } } } } } } }
              }
            }
            """;
        var converted = ManifestConverter.Convert(ManifestDocument.Parse(Template));
        var template = converted.Manifest.ToJson();
        Assert.Contains("\"Source\": \"$INPUT_VIDEO_FOLDER_ON_DEVICE\", \"Type\": \"bind\"", template);
        // What remains says how to make it the share's mount in the template itself.
        var pending = Assert.Single(converted.RemainingFindings, f => f.RuleId == "S3");
        Assert.Contains("-ShareMap @{ '$INPUT_VIDEO_FOLDER_ON_DEVICE' = '<share>' }", pending.Recommendation);

        var expanded = ManifestDocument.Parse(template.Replace("$INPUT_VIDEO_FOLDER_ON_DEVICE", "/home/hcsshares/media").Replace("${MODULES.lva}", "acr.io/lva:1"));

        Assert.Equal("S2 Error lva HostConfig.Mounts[0] fixable", Summary(Assert.Single(RuleEngine.Check(expanded), f => f.RuleId.StartsWith("S", StringComparison.Ordinal))));
        var fixedUp = ManifestConverter.Convert(expanded);
        Assert.Contains("\"Source\": \"media\", \"Type\": \"volume\"", fixedUp.Manifest.ToJson());
        Assert.DoesNotContain(fixedUp.RemainingFindings, f => f.RuleId.StartsWith("S", StringComparison.Ordinal));
    }

    [Fact]
    public void FixMakesVolumeMountsOfSharesAndLeavesHostDirectoriesToS3()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Binds":["/home/hcsshares/input:/home/input","/var/data:/data","/home/hcsshares/output:/home/output:ro"]}}"""));

        var result = Convert(manifest, "S2");

        Assert.Equal(
            """{"HostConfig":{"Binds":["/var/data:/data"],"Mounts":[{"Target":"/home/input","Source":"input","Type":"volume"},{"Target":"/home/output","Source":"output","Type":"volume","ReadOnly":true}]}}""",
            OptionsText(result.Manifest, "app"));
        Assert.Equal(new[]
        {
            """S2 app HostConfig.Mounts[0]: - -> {"Target":"/home/input","Source":"input","Type":"volume"}""",
            """S2 app HostConfig.Mounts[1]: - -> {"Target":"/home/output","Source":"output","Type":"volume","ReadOnly":true}""",
            """S2 app HostConfig.Binds: ["/home/hcsshares/input:/home/input","/var/data:/data","/home/hcsshares/output:/home/output:ro"] -> ["/var/data:/data"]""",
        }, Describe(result.Changes));
        AssertIdempotent(result, "S2");
    }

    [Fact]
    public void AShareNamedLikeAHostDirectoryOfTheModuleIsSaidToFailItOnceConverted()
    {
        // The agent names a bind's hostPath volume after the host path ('/data' is 'data') and a volume mount's claim
        // after the share: as binds the two volumes are 'data' and 'homehcssharesdata', as mounts both are 'data'.
        var manifest = ManifestBuilder.Deployment(("app", """{"HostConfig":{"Binds":["/data:/x","/home/hcsshares/data:/y"]}}"""));
        // The check says it before converting, of the share's bind.
        var finding = Assert.Single(Check(manifest, "K13"));
        Assert.Equal("K13 Error app HostConfig.Binds[1] manual", Summary(finding));
        Assert.Equal(
            "HostConfig.Binds[1] (host path '/home/hcsshares/data') becomes a volume mount of share 'data' once converted (S2), whose claim the device's agent names 'data', as it names the volume of HostConfig.Binds[0] (host path '/data'): " +
            "a pod cannot hold both, so the device refuses the converted module.", finding.Message);
        Assert.Equal("Mount a share of another name (-ShareMap @{ '/home/hcsshares/data' = '<share>' }), or bind the host directory from another path.", finding.Recommendation);

        var converted = ManifestConverter.Convert(manifest);
        var alone = Convert(manifest, "S1");

        // Neither name is the conversion's to change: the share is the user's, the host directory's name the agent's.
        Assert.Equal("K13 Error app HostConfig.Mounts[0] manual", Summary(Assert.Single(converted.RemainingFindings, f => f.RuleId == "K13")));
        var share = Assert.Single(converted.Changes, c => c.RuleId == "S2" && c.Location == "HostConfig.Mounts[0]");
        Assert.EndsWith(
            " The device's agent names this mount's claim 'data', and the volume of HostConfig.Binds[0] (host path '/data') too: a pod cannot hold both, so the device refuses the module (K13). " +
            "Mount a share of another name (-ShareMap @{ '/home/hcsshares/data' = '<share>' }), or bind the host directory from another path.",
            share.Description);
        Assert.DoesNotContain(converted.Changes, c => c.RuleId == "S3" && c.Description.Contains("K13"));
        // S1 converts both binds at once, and says the same of the share's.
        Assert.Equal(new[] { false, true, false }, alone.Changes.Select(c => c.Description.Contains("names this mount's claim 'data', and the volume of HostConfig.Mounts[0] (host path '/data') too")));
        // Another share parts them.
        var mapped = ManifestConverter.Convert(manifest, new ConversionOptions { ShareMap = new Dictionary<string, string> { ["/home/hcsshares/data"] = "gpudata" } });
        Assert.DoesNotContain(mapped.RemainingFindings, f => f.RuleId == "K13");
        Assert.DoesNotContain(mapped.Changes, c => c.Description.Contains("K13"));
    }

    [Fact]
    public void TheConversionReadsTheConvertedPodOnlyWhereAShareMayBeNamedLikeAnotherVolume()
    {
        // The benchmark's modules bind shares beside /etc/localtime ('etclocaltime'): reading the converted pod's volumes
        // for the note of a clash that cannot be was a fifth of what S1's fix allocated (1.7 KB more than for a host
        // directory, 0.6 KB without: the share's longer description, the name of /etc/localtime's volume).
        var share = FixAllocations("""["/home/hcsshares/input:/in","/etc/localtime:/etc/localtime:ro"]""");
        var hostDirectory = FixAllocations("""["/srv/input:/in","/etc/localtime:/etc/localtime:ro"]""");

        Assert.True(share < hostDirectory + 1024, $"Converting the share's bind allocated {share} bytes, the host directory's {hostDirectory}.");
    }

    /// <summary>What S1's fix allocates converting one module with <paramref name="binds"/>, after a first run.</summary>
    private static long FixAllocations(string binds)
    {
        var text = ManifestBuilder.Deployment(("app", $$$"""{"HostConfig":{"Binds":{{{binds}}}}}""")).ToJson();
        long Once()
        {
            var context = new ConversionContext(ManifestDocument.Parse(text, "app.json"), new ConversionOptions());
            var before = GC.GetAllocatedBytesForCurrentThread();
            new BindsRule().Fix(context);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Once();
        return Once();
    }

    [Fact]
    public void ShareMapChoosesTheShareLongestPrefixFirst()
    {
        var manifest = ManifestBuilder.Deployment(
            ("app", """{"HostConfig":{"Binds":["/data/input:/in","/data:/all","/home/hcsshares/output:/out","sqlvolume:/sql","/data/other:/other"]}}"""));
        var map = new Dictionary<string, string>
        {
            ["/data"] = "datashare",
            ["/data/input/"] = "inputshare",
            ["/home/hcsshares/output"] = "gpuoutput",
            ["sqlvolume"] = "sqlshare",
        };

        var result = Convert(manifest, "S2", o => o.ShareMap = map);

        // /data/other is a folder inside datashare: a volume mount cannot give it, so it stays.
        Assert.Equal(
            """{"HostConfig":{"Binds":["/data/other:/other"],"Mounts":[{"Target":"/in","Source":"inputshare","Type":"volume"},{"Target":"/all","Source":"datashare","Type":"volume"},{"Target":"/out","Source":"gpuoutput","Type":"volume"},{"Target":"/sql","Source":"sqlshare","Type":"volume"}]}}""",
            OptionsText(result.Manifest, "app"));
        Assert.Contains("ShareMap maps '/data/input' to it", result.Changes[0].Description);
        Assert.Contains("ShareMap maps 'sqlvolume' to it", result.Changes[3].Description);
        Assert.Empty(Convert(result.Manifest, "S2", o => o.ShareMap = map).Changes);
    }

    [Fact]
    public void EachBindIsDescribedWhereTheUserWroteIt()
    {
        // S3 converts what S2 left: it named /opt/x Binds[0], where S2's removals had moved it, and S2 said the host
        // directories "cannot be converted".
        var manifest = ManifestBuilder.Deployment(("mover", """{"HostConfig":{"Binds":["/home/hcsshares/input:/in","/opt/x:/x","/home/hcsshares/output:/out","/opt/y:/y:ro"]}}"""));

        var result = ManifestConverter.Convert(manifest, new ConversionOptions { Rules = Only("S2", "S3") });

        Assert.Equal(new[]
        {
            "HostConfig.Binds[0] \"/home/hcsshares/input:/in\" became a volume mount",
            "HostConfig.Binds[2] \"/home/hcsshares/output:/out\" became a volume mount",
            "Removed the entries that are now mounts in HostConfig.Mounts; 2 other entries stay.",
            "HostConfig.Binds[1] \"/opt/x:/x\" became a bind mount of the host directory.",
            "HostConfig.Binds[3] \"/opt/y:/y:ro\" became a read-only bind mount of the host directory.",
            "Removed Binds: every entry is now a mount in HostConfig.Mounts.",
        }, result.Changes.Select(c => c.Description.Split(" of share")[0]));

        // After a file bind -DropFileBinds removed.
        var dropped = ManifestConverter.Convert(ManifestBuilder.Deployment(("clock", """{"HostConfig":{"Binds":["/etc/localtime:/etc/localtime:ro","/var/log/app:/logs","/opt/x:/x"]}}""")),
            new ConversionOptions { Rules = Only("S4", "S3"), DropFileBinds = true });
        Assert.StartsWith("HostConfig.Binds[2] \"/opt/x:/x\" became a bind mount", dropped.Changes.Single(c => c.RuleId == "S3" && c.Location == "HostConfig.Mounts[1]").Description);
    }

    [Fact]
    public void WithTheShareMapTheCheckJudgesBindsAsTheConversionDoes()
    {
        var manifest = ManifestBuilder.Deployment(("app", """{"HostConfig":{"Binds":["/data:/all","/data/other:/other","/var/log:/log"]}}"""));
        var settings = CheckSettings.ForShareMap(new Dictionary<string, string> { ["/data"] = "datashare" });

        Assert.Equal(new[] { "S3 Warning app HostConfig.Binds[0] fixable", "S3 Warning app HostConfig.Binds[1] fixable", "S3 Warning app HostConfig.Binds[2] fixable" },
            Summary(RuleEngine.Check(manifest, new RuleSelection(new[] { "S2", "S3" }, null))));
        Assert.Equal(new[] { "S2 Error app HostConfig.Binds[0] fixable", "S2 Error app HostConfig.Binds[1] manual", "S3 Warning app HostConfig.Binds[2] fixable" },
            Summary(RuleEngine.Check(manifest, new RuleSelection(new[] { "S2", "S3" }, null), settings: settings)));
        Assert.Contains("mounts '/data', which the ShareMap makes the GPU share 'datashare'", RuleEngine.Check(manifest, settings: settings)[0].Message);

        // What the conversion leaves is judged with the same map: the folder inside datashare stays, and no rule calls it fixable.
        var result = ManifestConverter.Convert(manifest, new ConversionOptions { ShareMap = { ["/data"] = "datashare" }, Rules = new RuleSelection(new[] { "S*" }, null) });
        Assert.Equal("""{"HostConfig":{"Binds":["/data/other:/other"],"Mounts":[{"Target":"/all","Source":"datashare","Type":"volume"},{"Target":"/log","Source":"/var/log","Type":"bind"}]}}""",
            OptionsText(result.Manifest, "app"));
        Assert.Equal(new[] { "S2 Error app HostConfig.Binds[0] manual", "S3 Information app HostConfig.Mounts[1] manual", "S1 Warning app HostConfig.Binds manual" },
            Summary(result.RemainingFindings.Where(f => f.RuleId.StartsWith("S", StringComparison.Ordinal)).ToList()));
    }

    [Fact]
    public void DefaultMappingKeepsTheFpgaShareName()
    {
        var result = Convert(ManifestBuilder.Deployment(("app", """{"HostConfig":{"Binds":["/home/hcsshares/share4-dl460:/home/hcsshares"]}}""")), "S2");

        Assert.Equal("""{"HostConfig":{"Mounts":[{"Target":"/home/hcsshares","Source":"share4-dl460","Type":"volume"}]}}""", OptionsText(result.Manifest, "app"));
        Assert.Contains("assuming the GPU device has a share named like the FPGA Edge share; -ShareMap chooses another", result.Changes[0].Description);
    }

    [Theory]
    [InlineData("", "share")]
    [InlineData("/data", "")]
    [InlineData("/data", "a/b")]
    [InlineData("/data", "host:share")]
    // Azure Stack Edge shares: 3 to 63 letters, digits and '-', a letter or digit on each side of every '-'.
    [InlineData("/data", "Bad_Share")]
    [InlineData("/data", "in")]
    [InlineData("/data", "gpu--input")]
    [InlineData("/data", "-input")]
    [InlineData("/data", "input-")]
    public void ShareMapEntriesMustNameAShare(string key, string value)
    {
        var manifest = ManifestBuilder.Deployment(("app", """{"HostConfig":{"Binds":["/data:/data"]}}"""));

        var error = Assert.Throws<EdgeMigration.Core.InvalidOptionException>(() => ManifestConverter.Convert(manifest, new ConversionOptions { ShareMap = { [key] = value } }));
        Assert.Equal("ShareMap", error.ParamName);
    }
}
