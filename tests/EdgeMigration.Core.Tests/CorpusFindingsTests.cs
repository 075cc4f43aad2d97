using System.Linq;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests;

/// <summary>
/// The exact findings for a few representative real manifests (rule, severity, module, location, fixable), in the
/// order the report lists them. A change to any rule that moves what users see on these manifests shows up here.
/// </summary>
public class CorpusFindingsTests
{
    private static string[] Findings(string file) =>
        Summary(RuleEngine.Check(ManifestDocument.Load(TestPaths.CorpusFile(file)))).ToArray();

    [Fact]
    public void FactoryAiVisionOnAse()
    {
        // Written for Azure Stack Edge GPU already: only ids, IPC sharing, the strategy and what the agent ignores remain.
        Assert.Equal(new[]
        {
            "O2 Information - $.modulesContent['$edgeHub']['properties.desired'].routes.metrics fixable",
            "O2 Information - $.modulesContent['$edgeHub']['properties.desired'].routes.InferenceToLVA fixable",
            "O2 Information - $.modulesContent['$edgeHub']['properties.desired'].routes.InferenceToLVA fixable",
            "O1 Information NginxModule k8s-experimental.strategy fixable",
            "O2 Warning NginxModule  fixable",
            "O2 Warning WebModule  fixable",
            "O1 Information WebDBModule k8s-experimental.strategy fixable",
            "O2 Warning WebDBModule  fixable",
            "R3 Warning InferenceModule HostConfig.IpcMode fixable",
            "O1 Information InferenceModule k8s-experimental.strategy fixable",
            "O2 Warning InferenceModule  fixable",
            "K1 Warning InferenceModule HostConfig.runtime manual",
            "R3 Warning lvaEdge HostConfig.IpcMode fixable",
            "O2 Warning lvaEdge  fixable",
            "K1 Information lvaEdge HostConfig.LogConfig manual",
            "O1 Information rtspsim k8s-experimental.strategy fixable",
        }, Findings("Azure-Samples__azure-intelligent-edge-patterns__factory-ai-vision__EdgeSolution__deployment.ase.gpu.template.json"));
    }

    [Fact]
    public void AzureMachineLearningGpuTemplate()
    {
        // createOptions with trailing commas, which the agent's Newtonsoft.Json reader takes, and a module id that the
        // notebook replaces as text (kept, O2 says what it must become).
        Assert.Equal(new[]
        {
            "K1 Warning edgeHub User manual",
            "N2 Warning __MODULE_NAME HostConfig.PortBindings['8883/tcp'][0] manual",
            "O1 Information __MODULE_NAME k8s-experimental.strategy fixable",
            "O2 Information __MODULE_NAME  manual",
            "K1 Warning __MODULE_NAME HostConfig.runtime manual",
        }, Findings("Azure-Samples__azure-intelligent-edge-patterns__machine-learning-notebooks__deploying-on-iotedge__iotedge-tf-template-gpu.json"));
    }

    [Fact]
    public void LiveVideoAnalyticsOpenVinoGpu()
    {
        // Live Video Analytics with OpenVINO: shared memory, host folders, a remapped port and a device.
        Assert.Equal(new[]
        {
            "O2 Information - $.modulesContent['$edgeHub']['properties.desired'].routes.LVAToHub fixable",
            "R3 Warning lvaEdge HostConfig.IpcMode fixable",
            "O2 Warning lvaEdge  fixable",
            "K1 Information lvaEdge HostConfig.LogConfig manual",
            "S3 Warning rtspsim HostConfig.Binds[0] fixable",
            "S1 Warning rtspsim HostConfig.Binds fixable",
            "R3 Warning lvaExtension HostConfig.IpcMode fixable",
            "S3 Warning lvaExtension HostConfig.Binds[0] fixable",
            "S1 Warning lvaExtension HostConfig.Binds fixable",
            // No N2: port 80 is exposed too, so the Service serves it at 80 as well as at HostPort 8080.
            "O1 Information lvaExtension k8s-experimental.strategy fixable",
            "O2 Warning lvaExtension  fixable",
            "K1 Information lvaExtension HostConfig.LogConfig manual",
            "K1 Warning lvaExtension HostConfig.Devices[0] manual",
        }, Findings("Azure-Samples__live-video-analytics-iot-edge-csharp__src__edge__deployment.openvino.grpc.gpu.template.json"));
    }

    [Fact]
    public void NestedEdgeTopLayerBehindAProxy()
    {
        // A nested-edge top layer behind a proxy: env names with colons, proxy without no_proxy, agent settings.
        Assert.Equal(new[]
        {
            "K2 Information - $.modulesContent['$edgeAgent']['properties.desired'].schemaVersion manual",
            "K7 Information edgeAgent settings.image manual",
            "K7 Information edgeAgent env manual",
            "O4 Error edgeHub env['experimentalFeatures:enabled'] fixable",
            "O4 Error edgeHub env['experimentalFeatures:nestedEdgeEnabled'] fixable",
            "P1 Information edgeHub env.https_proxy fixable",
            "P2 Error edgeHub env.https_proxy fixable",
            // 443 is the API proxy's HostPort, as Docker lets one container bind a host port: on the device the proxy
            // reaches edgeHub at edgehub:443, which edgeHub's Service does not serve.
            "K22 Warning edgeHub HostConfig.PortBindings fixable",
            "K1 Information edgeHub startupOrder manual",
            "P2 Error dockerContainerRegistry env.https_proxy fixable",
            "O1 Information dockerContainerRegistry k8s-experimental.strategy fixable",
            "O2 Warning dockerContainerRegistry  fixable",
            "K1 Information dockerContainerRegistry startupOrder manual",
            // edgeHub's Deployment is refused for its variables' names: the agent creates no module's ServiceAccount.
            "K19 Error dockerContainerRegistry  manual",
            "O1 Information iotedgeApiProxy k8s-experimental.strategy fixable",
            "O2 Warning iotedgeApiProxy  fixable",
            // Its address of the registry follows the registry's rename.
            "O2 Information iotedgeApiProxy env.DOCKER_REQUEST_ROUTE_ADDRESS fixable",
            "K1 Information iotedgeApiProxy startupOrder manual",
            "K19 Error iotedgeApiProxy  manual",
        }, Findings("Azure-Samples__iot-edge-for-iiot__scripts__edgeDeployments__topLayerBaseDeploymentItProxy.template.json"));
    }

    [Fact]
    public void LayeredSqlEdgeAndGrafana()
    {
        // A layered deployment: a named volume, a remapped port, settings the agent drops. The named volume is bound and
        // mounted (Type volume): the agent gives the pod two volumes 'sqlvolume' until S2 makes the bind a mount of the share.
        Assert.Equal(new[]
        {
            // The base deployment's modules, merged with this layer on the device, get no ServiceAccount either.
            "K19 Error -  manual",
            "S2 Warning sqledge HostConfig.Binds[0] fixable",
            "S1 Warning sqledge HostConfig.Binds fixable",
            "K13 Error sqledge HostConfig.Mounts[0] manual",
            "N2 Warning sqledge HostConfig.PortBindings['1433/tcp'][0] manual",
            "O1 Warning sqledge k8s-experimental.strategy fixable",
            "K1 Warning sqledge User manual",
            "K1 Warning sqledge HostConfig.CapAdd manual",
            "O1 Information grafana k8s-experimental.strategy fixable",
            "K1 Warning grafana Volumes manual",
            // sqledge's Deployment is refused (K13): the agent creates no module's ServiceAccount.
            "K19 Error grafana  manual",
        }, Findings("Azure-Samples__iot-edge-for-iiot__offline-dashboards__dashboard.layered.deployment.template.json"));
    }

    [Fact]
    public void DeepStreamOnJetson()
    {
        // DeepStream on a Jetson: host folders of configs, streams and models, an Entrypoint, the nvidia runtime the agent ignores.
        Assert.Equal(new[]
        {
            "O2 Information - $.modulesContent['$edgeHub']['properties.desired'].routes.DeepstreamToIoTHub fixable",
            "K2 Information - $.modulesContent['$edgeAgent']['properties.desired'].schemaVersion manual",
            "S3 Warning NVIDIADeepStreamSDK HostConfig.Binds[0] fixable",
            "S3 Warning NVIDIADeepStreamSDK HostConfig.Binds[1] fixable",
            "S3 Warning NVIDIADeepStreamSDK HostConfig.Binds[2] fixable",
            "S1 Warning NVIDIADeepStreamSDK HostConfig.Binds fixable",
            "O3 Warning NVIDIADeepStreamSDK Entrypoint manual",
            "O1 Information NVIDIADeepStreamSDK k8s-experimental.strategy fixable",
            "O2 Warning NVIDIADeepStreamSDK  fixable",
            "K1 Warning NVIDIADeepStreamSDK HostConfig.runtime manual",
        }, Findings("Azure-Samples__NVIDIA-Deepstream-Azure-IoT-Edge-on-a-NVIDIA-Jetson-Nano__DeepstreamOnIoTEdge__deployment.template.json"));
    }
}
