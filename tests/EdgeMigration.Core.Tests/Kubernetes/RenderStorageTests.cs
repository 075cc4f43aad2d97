using System.Linq;
using Xunit;
using static EdgeMigration.Tests.Kubernetes.RenderKit;

namespace EdgeMigration.Tests.Kubernetes;

/// <summary>kubernetes-mode.md: Binds, Mounts (bind, volume) and k8s-experimental.volumes; "Refinements" on mounts and volume names.</summary>
public class RenderStorageTests
{
    [Fact]
    public void BindsAreHostPathVolumesNamedAfterTheHostPath()
    {
        var module = Render("""{"HostConfig":{"Binds":["/data/in:/in","/data/out:/out:ro","/etc/localtime:/etc/localtime:z,ro","noseparator"]}}""");

        Assert.Equal("""[{"hostPath":{"path":"/data/in","type":"DirectoryOrCreate"},"name":"datain"},{"hostPath":{"path":"/data/out","type":"DirectoryOrCreate"},"name":"dataout"},{"hostPath":{"path":"/etc/localtime","type":"DirectoryOrCreate"},"name":"etclocaltime"}]""",
            Compact(PodSpec(module)["volumes"]));
        Assert.Equal("""[{"mountPath":"/in","name":"datain","readOnly":false},{"mountPath":"/out","name":"dataout","readOnly":true},{"mountPath":"/etc/localtime","name":"etclocaltime","readOnly":true}]""",
            Compact(Container(module)["volumeMounts"]));
        Assert.Equal(new[] { "Ignored HostConfig.Binds[3]" }, Dropped(module));
    }

    [Fact]
    public void ANumberOrBooleanBindIsReadAsItsTextAndSkipped()
    {
        // Json.NET reads 42 and true into Binds as "42" and "true", which have no ':'; null or an object is not read.
        var module = Render("""{"HostConfig":{"Binds":[42,"/data:/data",true,null]}}""");

        Assert.Equal(new[] { "Ignored HostConfig.Binds[0]", "Ignored HostConfig.Binds[2]", "Fails HostConfig.Binds[3]" }, Dropped(module));
        Assert.Equal("Bind 42 (read as \"42\") has no container path after ':'; the agent skips it.", DroppedAt(module, "HostConfig.Binds[0]").Reason);
        Assert.Contains("(read as \"true\")", DroppedAt(module, "HostConfig.Binds[2]").Reason);
        Assert.Equal("""[{"hostPath":{"path":"/data","type":"DirectoryOrCreate"},"name":"data"}]""", Compact(PodSpec(module)["volumes"]));
    }

    [Theory]
    [InlineData("\"/data:/data\"")]
    [InlineData("{\"/data\":\"/data\"}")]
    public void BindsThatAreNotAnArrayFailTheModuleAsS1Says(string binds)
    {
        // Json.NET cannot read them into the agent's list of strings (S1: "no agent can read the module's createOptions").
        var module = Render("{\"HostConfig\":{\"Binds\":" + binds + "}}");

        Assert.Equal(new[] { "Fails HostConfig.Binds" }, Dropped(module));
        Assert.True(module.Fails);
    }

    [Fact]
    public void AContainerPathAloneIsSkippedAsTheAnonymousVolumeItIs()
    {
        // Docker mounts an anonymous volume at "/cache"; the agent wants source and target (S1 says the same).
        var module = Render("""{"HostConfig":{"Binds":["/cache","/data:/data"]}}""");

        Assert.Equal(new[] { "Ignored HostConfig.Binds[0]" }, Dropped(module));
        Assert.StartsWith("HostConfig.Binds[0] \"/cache\" is a container path alone: Docker mounts a new anonymous volume there", DroppedAt(module, "HostConfig.Binds[0]").Reason);
        // What makes the finding go: the entry removed, or replaced by a share's mount.
        Assert.StartsWith("Remove the entry if the module keeps nothing there (the device skips it anyway); for data to keep, replace it with a mount of a share", DroppedAt(module, "HostConfig.Binds[0]").Advice);
        Assert.Equal("""[{"hostPath":{"path":"/data","type":"DirectoryOrCreate"},"name":"data"}]""", Compact(PodSpec(module)["volumes"]));
    }

    [Fact]
    public void BindMountsAreHostPathsAndVolumeMountsAreClaimsNamedAfterTheShare()
    {
        var module = Render("""
            {"HostConfig":{"Mounts":[
              {"Type":"bind","Source":"/var/log","Target":"/logs","ReadOnly":true},
              {"Type":"volume","Source":"GpuInput","Target":"/in"},
              {"type":"volume","source":"GpuInput","target":"/again","readOnly":true}]}}
            """);

        Assert.Equal("""[{"hostPath":{"path":"/var/log","type":"DirectoryOrCreate"},"name":"varlog"},{"name":"gpuinput","persistentVolumeClaim":{"claimName":"gpuinput","readOnly":false}}]""",
            Compact(PodSpec(module)["volumes"]));
        Assert.Equal("""[{"mountPath":"/logs","name":"varlog","readOnly":true},{"mountPath":"/in","name":"gpuinput","readOnly":false},{"mountPath":"/again","name":"gpuinput","readOnly":true}]""",
            Compact(Container(module)["volumeMounts"]));
        var claim = Assert.Single(module.Resources, r => r.IsReference);
        Assert.Equal("PersistentVolumeClaim/gpuinput", claim.ToString());
        // The second mount of the same share differs only in ReadOnly: the first volume is kept.
        Assert.Equal(new[] { "Ignored HostConfig.Mounts[2]" }, Dropped(module));
    }

    [Fact]
    public void ReadOnlyIsReadAsJsonNetReadsABoolean()
    {
        var module = Render("""{"HostConfig":{"Mounts":[{"Type":"bind","Source":"/var/log","Target":"/logs","ReadOnly":"true"},{"Type":"volume","Source":"share","Target":"/in","ReadOnly":"False"}]}}""");

        Assert.Equal("""[{"mountPath":"/logs","name":"varlog","readOnly":true},{"mountPath":"/in","name":"share","readOnly":false}]""", Compact(Container(module)["volumeMounts"]));
    }

    [Fact]
    public void AMountWithoutTargetFailsAndOtherTypesAreDropped()
    {
        var module = Render("""
            {"HostConfig":{"Mounts":[{"Type":"volume","Source":"share"},{"Type":"tmpfs","Source":"x","Target":"/tmp"},"/a:/b",
              {"Type":"bind","Source":"/a","Target":"/b","BindOptions":{"Propagation":"rshared"}}]}}
            """);

        Assert.Equal(new[] { "Fails HostConfig.Mounts[2]", "Fails HostConfig.Mounts[0]", "Ignored HostConfig.Mounts[1]", "Ignored HostConfig.Mounts[3].BindOptions" }, Dropped(module));
        Assert.Equal("""[{"hostPath":{"path":"/a","type":"DirectoryOrCreate"},"name":"a"}]""", Compact(PodSpec(module)["volumes"]));
    }

    [Fact]
    public void AVolumeNameLongerThanALabelOrTheProxysOwnFails()
    {
        var module = Render("{\"HostConfig\":{\"Binds\":[\"/" + new string('a', 64) + ":/a\",\"/config-volume:/c\"]}}");

        Assert.Equal(new[] { "Fails HostConfig.Binds[0]", "Fails HostConfig.Binds[1]" }, Dropped(module));
        Assert.Contains("exceeded maximum length of 63", module.Dropped[0].Reason);
        Assert.Contains("proxy", module.Dropped[1].Reason);
    }

    [Fact]
    public void VolumesOfOneNameAreAllSentAsTheAgentSendsThemAndFailTheModule()
    {
        // Only the claims of volume mounts are merged (Mounts[1] into Mounts[0]); the API server refuses the other names given twice.
        var module = Render("""
            {"HostConfig":{"Binds":["/data:/a","/data:/b"],"Mounts":[{"Type":"volume","Source":"Data","Target":"/c"},{"Type":"volume","Source":"data","Target":"/d"}]},
             "k8s-experimental":{"volumes":[{"volume":{"name":"data","emptyDir":{}},"volumeMounts":[{"name":"data","mountPath":"/e"}]}]}}
            """);

        Assert.Equal("""[{"hostPath":{"path":"/data","type":"DirectoryOrCreate"},"name":"data"},{"hostPath":{"path":"/data","type":"DirectoryOrCreate"},"name":"data"},{"name":"data","persistentVolumeClaim":{"claimName":"data","readOnly":false}},{"emptyDir":{},"name":"data"}]""",
            Compact(PodSpec(module)["volumes"]));
        Assert.Equal(5, ((EdgeMigration.Core.Json.JArray)Container(module)["volumeMounts"]!).Count);
        Assert.Equal(new[] { "Fails HostConfig.Binds[1]", "Fails HostConfig.Mounts[0]", "Fails k8s-experimental.volumes" }, Dropped(module));
        Assert.True(module.Fails);
        Assert.Equal("Volume 'data' has the name of the volume from HostConfig.Binds[0]; the agent adds both to the pod, and the API server refuses the Deployment (duplicate volume name).",
            module.Dropped[0].Reason);
    }

    [Fact]
    public void KubernetesVolumesAndVolumeMountsWithoutANameFailTheModuleAsSuch()
    {
        // Sent as written, "" or no name (the typed model drops a null): Kubernetes requires both names; two nameless
        // volumes are not two of one name.
        var module = Render("""
            {"k8s-experimental":{"volumes":[{"volume":{"emptyDir":{}},"volumeMounts":[{"mountPath":"/a"}]},
              {"volume":{"name":"","emptyDir":{}},"volumeMounts":[{"name":"","mountPath":"/b"}]},{"volume":{"name":null,"emptyDir":{}}}]}}
            """);

        Assert.Equal(new[] { "Fails k8s-experimental.volumes", "Fails k8s-experimental.volumes", "Fails k8s-experimental.volumes",
            "Fails k8s-experimental.volumes[0].volumeMounts[0]", "Fails k8s-experimental.volumes[1].volumeMounts[0]" }, Dropped(module));
        Assert.True(module.Fails);
        Assert.Equal("The volume of k8s-experimental.volumes[1] has no name; the agent sends the k8s-experimental volume as written, and Kubernetes refuses the Deployment (volumes[].name: Required value).",
            module.Dropped[1].Reason);
        Assert.Equal("k8s-experimental.volumes[1].volumeMounts[0] has no name, so it mounts no volume; the agent sends the volumeMount as written, and Kubernetes refuses the Deployment (volumeMounts[].name: Required value).",
            module.Dropped[4].Reason);
        Assert.DoesNotContain(module.Dropped, d => d.Reason.Contains("''") || d.Reason.Contains("duplicate"));
    }

    [Fact]
    public void AContainerPathMountedTwiceOrNotAtAllFailsTheModuleAsK18Says()
    {
        // Binds, Mounts and k8s-experimental volumeMounts are mounts of one container: the API server wants each path once.
        const string Options = """
            {"HostConfig":{"Binds":["/a:/data","/b:"],"Mounts":[{"Type":"bind","Source":"/c","Target":"/data"}]},
             "k8s-experimental":{"volumes":[{"volume":{"name":"tmp","emptyDir":{}},"volumeMounts":[{"name":"tmp","mountPath":"/data"},{"name":"tmp"}]}]}}
            """;
        var module = Render(Options);

        Assert.Equal(new[]
        {
            "Fails HostConfig.Binds[1]", "Fails HostConfig.Mounts[0]", "Fails k8s-experimental.volumes[0].volumeMounts[0]", "Fails k8s-experimental.volumes[0].volumeMounts[1]",
        }, Dropped(module));
        AssertFailsAsTheRuleSays(module, Options, "K18");
        Assert.Equal("""[{"mountPath":"/data","name":"a","readOnly":false},{"mountPath":"","name":"b","readOnly":false},{"mountPath":"/data","name":"c","readOnly":false},{"mountPath":"/data","name":"tmp"},{"name":"tmp"}]""",
            Compact(Container(module)["volumeMounts"]));
    }

    [Fact]
    public void BindMountsComeBeforeTheClaimsAsTheAgentAddsThem()
    {
        var module = Render("""{"HostConfig":{"Mounts":[{"Type":"volume","Source":"logs","Target":"/a"},{"Type":"bind","Source":"/logs","Target":"/b"}]}}""");

        Assert.Equal("""[{"hostPath":{"path":"/logs","type":"DirectoryOrCreate"},"name":"logs"},{"name":"logs","persistentVolumeClaim":{"claimName":"logs","readOnly":false}}]""",
            Compact(PodSpec(module)["volumes"]));
        Assert.Equal("""[{"mountPath":"/b","name":"logs","readOnly":false},{"mountPath":"/a","name":"logs","readOnly":false}]""", Compact(Container(module)["volumeMounts"]));
        // The claim is the second volume 'logs', where rule K13 reports it too.
        Assert.Equal(new[] { "Fails HostConfig.Mounts[0]" }, Dropped(module));
    }

    [Fact]
    public void KubernetesVolumesAreReadAsTheirTypesAsTheAgentsModelDoes()
    {
        // The spatial analysis manifests write readOnly as a string and sizeLimit as a number.
        var module = Render("""
            {"k8s-experimental":{"volumes":[
              {"volume":{"name":"dshm","emptyDir":{"medium":"Memory","sizeLimit":536870912}},
               "volumeMounts":[{"name":"dshm","mountPath":"/dev/shm","mountPropagation":"None","readOnly":"false","subPath":"","mode":"rw"}]},
              {"volume":{"name":"pvcvol","persistentVolumeClaim":{"claimName":"azurefile"}},"volumeMounts":[{"name":"pvcvol","mountPath":"/storage"}]}]}}
            """);

        Assert.Equal("""[{"emptyDir":{"medium":"Memory","sizeLimit":"536870912"},"name":"dshm"},{"name":"pvcvol","persistentVolumeClaim":{"claimName":"azurefile"}}]""",
            Compact(PodSpec(module)["volumes"]));
        Assert.Equal("""[{"mountPath":"/dev/shm","mountPropagation":"None","name":"dshm","readOnly":false,"subPath":""},{"mountPath":"/storage","name":"pvcvol"}]""",
            Compact(Container(module)["volumeMounts"]));
        Assert.Equal(new[] { "Ignored k8s-experimental.volumes[0].volumeMounts[0].mode" }, Dropped(module));
        Assert.Equal("PersistentVolumeClaim/azurefile", Assert.Single(module.Resources, r => r.IsReference).ToString());
    }

    [Fact]
    public void StrategySecurityContextAndNodeSelectorUseKubernetesNames()
    {
        var module = Render("""
            {"k8s-experimental":{"Strategy":{"Type":"Recreate"},"securityContext":{"RunAsUser":"1000","runAsNonRoot":"true","fsGroup":2000,"runAsUsr":1},
             "nodeSelector":{"gpu":true}}}
            """);

        Assert.Equal("""{"type":"Recreate"}""", Compact(Deployment(module), "spec.strategy"));
        Assert.Equal("""{"fsGroup":2000,"runAsNonRoot":true,"runAsUser":1000}""", Compact(PodSpec(module)["securityContext"]));
        Assert.Equal("""{"gpu":"true"}""", Compact(PodSpec(module)["nodeSelector"]));
        Assert.Equal(new[] { "Ignored k8s-experimental.securityContext.runAsUsr" }, Dropped(module));
    }

    [Fact]
    public void AValueItsTypeCannotHoldFailsTheModule()
    {
        var module = Render("""{"k8s-experimental":{"securityContext":{"runAsUser":"root"},"volumes":{"volume":{}}}}""");

        Assert.Equal(new[] { "Fails k8s-experimental.securityContext.runAsUser", "Fails k8s-experimental.volumes" }, Dropped(module));
        Assert.True(module.Fails);
        // The agent reads every module's section before it pushes any: the exception stops the whole deployment.
        Assert.All(module.Dropped, d => Assert.True(d.StopsDeployment && d.Reason.EndsWith("so the whole deployment fails.", System.StringComparison.Ordinal), d.Reason));
        Assert.Equal(2, module.Resources.Count(r => !r.IsReference));
    }
}
