using System.Linq;
using EdgeMigration.Core.DeviceOutput;
using Xunit;

namespace EdgeMigration.Tests.DeviceOutput;

/// <summary>
/// Captures that hold more than one output, or other text between them (2>&amp;1, a transcript): every table and
/// JSON document is read, in order, and lines that are neither are skipped.
/// </summary>
public class MixedOutputTests
{
    private const string HubService =
        """{"kind": "Service", "metadata": {"name": "edgehub"}, "spec": {"type": "LoadBalancer", "ports": [{"port": 443, "nodePort": 31457}]}, "status": {"loadBalancer": {"ingress": [{"ip": "10.57.48.62"}]}}}""";

    private const string IotedgeList =
        "NAME         STATUS  DESCRIPTION CONFIG       EXTERNAL-IP PORT(S)\n" +
        "----         ------  ----------- ------       ----------- -------\n" +
        "webserverapp Running Up 1 days   nginx:stable 10.57.48.64 8080:30976/TCP\n";

    [Fact]
    public void KubectlWarningsBeforeTheJsonAreSkipped()
    {
        var text = "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n" +
                   "W0312 10:15:02.123456   4242 warnings.go:70] unknown field \"spec.foo\"\n" +
                   "{\n  \"kind\": \"List\",\n  \"items\": [" + HubService + "]\n}\n";

        var parsed = DeviceOutputReader.Read(text);

        Assert.Equal("edgehub", Assert.Single(parsed.Modules).Name);
        Assert.Equal(DeviceOutputFormat.KubectlJson, parsed.Modules[0].Format);
        Assert.Equal(new[] { 1, 2 }, parsed.SkippedLines);
        Assert.Empty(parsed.Errors);
    }

    [Fact]
    public void ATableAPromptAndJsonAreAllReadInOrder()
    {
        var text = "[10.100.10.10]: PS>iotedge list\n\n" + IotedgeList +
                   "[10.100.10.10]: PS>kubectl get svc edgehub -n iotedge -o json\n" + HubService + "\n" +
                   "[10.100.10.10]: PS>kubectl get svc -n iotedge -o json\n{\n \"kind\": \"List\",\n \"items\": []\n}\n" +
                   "[10.100.10.10]: PS>\n";

        var parsed = DeviceOutputReader.Read(text);

        Assert.Equal(new[] { "webserverapp", "edgehub" }, parsed.Modules.Select(m => m.Name));
        Assert.Equal(new[] { DeviceOutputFormat.IotedgeList, DeviceOutputFormat.KubectlJson }, parsed.Modules.Select(m => m.Format));
        Assert.Empty(parsed.SkippedLines);
        Assert.Empty(parsed.Errors);
    }

    [Fact]
    public void JsonEndsWhereItsValueEndsAndATableMayFollowWithoutAPrompt()
    {
        var text = HubService + "\nservice/edgehub annotated\n" + IotedgeList;

        var parsed = DeviceOutputReader.Read(text);

        Assert.Equal(new[] { "edgehub", "webserverapp" }, parsed.Modules.Select(m => m.Name));
        Assert.Equal(new[] { 2 }, parsed.SkippedLines);
    }

    [Fact]
    public void KubectlGetAllGivesTheServicesOfItsServiceTableWithoutTheirKind()
    {
        // kubectl prefixes names with their kind when it prints several kinds (get all, get svc,deploy, --show-kind).
        var text =
            "[10.100.10.10]: PS>kubectl get all -n iotedge\n" +
            "NAME                           READY   STATUS    RESTARTS   AGE\n" +
            "pod/edgehub-5d8b9c5f7d-8kq2p   2/2     Running   0          34h\n" +
            "\n" +
            "NAME               TYPE           CLUSTER-IP      EXTERNAL-IP     PORT(S)               AGE\n" +
            "service/edgehub    LoadBalancer   10.103.52.225   10.128.44.243   443:31987/TCP         34h\n" +
            "service/iotedged   ClusterIP      10.107.236.20   <none>          35000/TCP,35001/TCP   3d8h\n" +
            "\n" +
            "NAME                      READY   UP-TO-DATE   AVAILABLE   AGE\n" +
            "deployment.apps/edgehub   1/1     1            1           34h\n";

        var parsed = DeviceOutputReader.Read(text);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new[] { "edgehub", "iotedged" }, parsed.Modules.Select(m => m.Name));
        Assert.Equal(new[] { "LoadBalancer", "ClusterIP" }, parsed.Modules.Select(m => m.ServiceType));
        Assert.Equal(new[] { 2, 3, 9, 10 }, parsed.SkippedLines);
    }

    [Fact]
    public void KubectlOfAllNamespacesGivesOnlyTheModulesOfIotedge()
    {
        // kubectl get all -A: the cluster's Services and the user's Kubernetes workloads are no modules, even one whose row
        // would be an error as a module's (an ExternalName Service's host name, a name the agent never makes).
        var text = """
            NAMESPACE     NAME                 TYPE           CLUSTER-IP      EXTERNAL-IP         PORT(S)                  AGE
            default       service/kubernetes   ClusterIP      10.96.0.1       <none>              443/TCP                  10d
            iotedge       service/edgehub      LoadBalancer   10.103.52.225   10.128.44.243       443:31987/TCP            34h
            iotedge       service/iotedged     ClusterIP      10.107.236.20   <none>              35000/TCP,35001/TCP      3d8h
            kube-system   service/kube-dns     ClusterIP      10.96.0.10      <none>              53/UDP,53/TCP,9153/TCP   10d
            userns1       service/Web_App      LoadBalancer   10.105.1.2      10.128.44.250       80:31000/TCP             1d
            userns1       service/db           ExternalName   <none>          db.contoso.local    5432/TCP                 1d
            """;

        var parsed = DeviceOutputReader.Read(text);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new[] { "edgehub", "iotedged" }, parsed.Modules.Select(m => m.Name));
        Assert.Equal(new[] { "default/kubernetes", "kube-system/kube-dns", "userns1/Web_App", "userns1/db" }, parsed.OtherNamespaceServices);
    }

    [Fact]
    public void KubectlJsonOfAllNamespacesGivesOnlyTheModulesOfIotedge()
    {
        var text = """
            {"apiVersion": "v1", "kind": "List", "items": [
              {"kind": "Service", "metadata": {"name": "kube-dns", "namespace": "kube-system"}, "spec": {"type": "ClusterIP", "ports": [{"port": 53, "protocol": "UDP"}]}},
              {"kind": "Service", "metadata": {"name": "edgehub", "namespace": "iotedge"}, "spec": {"type": "LoadBalancer", "ports": [{"port": 443, "nodePort": 31457}]}, "status": {"loadBalancer": {"ingress": [{"ip": "10.57.48.62"}]}}},
              {"kind": "Service", "metadata": {"name": "db", "namespace": "userns1"}, "spec": {"type": "ExternalName", "ports": [{"name": "no port number"}]}}]}
            """;

        var parsed = DeviceOutputReader.Read(text);

        Assert.Empty(parsed.Errors);
        Assert.Equal("edgehub", Assert.Single(parsed.Modules).Name);
        Assert.Equal(new[] { "kube-system/kube-dns", "userns1/db" }, parsed.OtherNamespaceServices);
        Assert.Empty(DeviceOutputReader.Read(IotedgeList).OtherNamespaceServices);
    }

    [Fact]
    public void JsonThatIsNotValidCostsTheRestOfTheInputButNotWhatCameBefore()
    {
        var text = IotedgeList + "\n{\n  \"kind\": \"List\",\n  \"items\": [ }\n" + IotedgeList;

        var parsed = DeviceOutputReader.Read(text);

        Assert.Equal("webserverapp", Assert.Single(parsed.Modules).Name);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal(7, error.Line);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void JsonOfOtherObjectsIsAnErrorOnItsFirstLineAndTheTablesAreStillRead()
    {
        var text = IotedgeList + "\n{\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"edgehub-5d8\"}\n}\n" + "\n" + IotedgeList;

        var parsed = DeviceOutputReader.Read(text);

        Assert.Equal(new[] { "webserverapp", null, "webserverapp" }, parsed.Entries.Select(e => e.Module?.Name));
        Assert.Equal(5, parsed.Errors.Single().Line);
    }
}
