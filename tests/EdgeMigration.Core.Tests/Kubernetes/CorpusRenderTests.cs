using System.Linq;
using EdgeMigration.Core.Conversion;
using EdgeMigration.Core.Kubernetes;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using k8s;
using ClientYaml = k8s.KubernetesYaml;
using Xunit;

namespace EdgeMigration.Tests.Kubernetes;

/// <summary>Every corpus manifest, converted for the GPU device, renders into valid Kubernetes objects; the YAML and the objects agree.</summary>
public class CorpusRenderTests
{
    private static KubernetesRendering Converted(string file) =>
        KubernetesRenderer.Render(ManifestConverter.Convert(ManifestDocument.Load(TestPaths.CorpusFile(file))).Manifest);

    [Theory]
    [MemberData(nameof(TestPaths.CorpusManifests), MemberType = typeof(TestPaths))]
    public void ConvertedManifestRendersValidObjects(string file)
    {
        var rendering = Converted(file);

        // A template's placeholder module is named as written until the template is expanded: its names are judged then.
        Assert.All(rendering.Modules.Where(m => !m.Fails && m.Resources.Count > 0 && !TemplateText.IsPlaceholderId(m.ModuleName)), KubernetesValidator.AssertValid);
        // Modules the device refuses still render into well-typed objects: the preview shows what would be sent.
        Assert.All(rendering.CreatedResources, resource => KubernetesValidator.Typed(resource));
    }

    [Theory]
    [MemberData(nameof(TestPaths.CorpusManifests), MemberType = typeof(TestPaths))]
    public void YamlReadsBackAsTheSameObjects(string file)
    {
        var rendering = Converted(file);

        var documents = ClientYaml.LoadAllFromString(EdgeMigration.Core.Kubernetes.KubernetesYaml.Write(rendering), null, true);

        var expected = rendering.CreatedResources.Select(r => KubernetesJson.Serialize(KubernetesValidator.Typed(r))).ToList();
        Assert.Equal(expected, documents.Select(d => KubernetesJson.Serialize(d)));
    }

    [Theory]
    [MemberData(nameof(TestPaths.CorpusManifests), MemberType = typeof(TestPaths))]
    public void EveryIgnoredSettingFindingIsADroppedSettingOfThePreview(string file)
    {
        // One story: what K1 and K3 report as ignored, the preview lists as dropped, with the same words; K3's
        // Information, a template placeholder, as pending.
        var manifest = ManifestDocument.Load(TestPaths.CorpusFile(file));
        var findings = RuleEngine.Check(manifest, RuleTestKit.Only("K1", "K3")).Where(f => f.Severity != Severity.Error);
        var dropped = KubernetesRenderer.Render(manifest).Modules.SelectMany(m => m.Dropped).ToList();

        Assert.All(findings, finding => Assert.Contains(dropped, d =>
            d.ModuleName == finding.ModuleName && d.ManifestPath == finding.ManifestPath && d.Reason == finding.Message &&
            d.Effect == (finding is { RuleId: "K3", Severity: Severity.Information } ? DropEffect.Pending : DropEffect.Ignored)));
    }
}
