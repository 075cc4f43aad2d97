using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using Xunit;
using static EdgeMigration.Tests.RuleTestKit;

namespace EdgeMigration.Tests.Rules;

public class ModuleAddressRuleTests
{
    private static ManifestDocument Caller(string env, params (string Name, string CreateOptions)[] targets) =>
        ManifestBuilder.Deployment(new (string, string, string?)[] { ("caller", "{}", env) }.Concat(targets.Select(t => (t.Name, t.CreateOptions, (string?)null))).ToArray());

    [Fact]
    public void AModuleWithoutPortsHasNoServiceToAddress()
    {
        var manifest = Caller("""{"ROUTE": {"value": "registry:5000"}}""", ("registry", "{}"));

        var finding = Assert.Single(Check(manifest, "K20"));

        Assert.Equal(("K20 Warning caller env.ROUTE manual", Certainty.Likely), (Summary(finding), finding.Certainty));
        Assert.Equal(
            "Variable 'ROUTE' (the env section) addresses module 'registry' at 'registry:5000', but 'registry' has no ports in its createOptions: the GPU device makes no Service for it, so the name does not resolve there (on the FPGA device, Docker's network reached the container by name).",
            finding.Message);
        Assert.Equal("Give 'registry' the port in its createOptions (\"HostConfig\": {\"PortBindings\": {\"5000/tcp\": [{\"HostPort\": \"5000\"}]}}).", finding.Recommendation);
        Assert.EndsWith(".modules.caller.env.ROUTE", finding.ManifestPath);
    }

    [Fact]
    public void APortTheServiceDoesNotServeIsReportedWithThePortsItDoes()
    {
        // The metrics collector's list, as the corpus' LoRaWAN starter kit writes it; edgeHub binds 5671, 8883 and 443.
        var manifest = Caller("""{"MetricsEndpointsCSV": {"value": "http://edgeHub:9600/metrics,http://edgeAgent:9600/metrics"}}""");

        var finding = Assert.Single(Check(manifest, "K20"));

        // edgeAgent is the device's own: what it serves is not the manifest's to say.
        Assert.Equal(
            "Variable 'MetricsEndpointsCSV' (the env section) addresses module 'edgeHub' at 'http://edgeHub:9600/metrics', but the device's Service for 'edgeHub' serves ports 443, 5671, 8883 only (on the FPGA device, Docker's network reached every port of the container).",
            finding.Message);
        Assert.Equal("Give 'edgeHub' port 9600 in its createOptions (\"HostConfig\": {\"PortBindings\": {\"9600/tcp\": [{\"HostPort\": \"9600\"}]}}).", finding.Recommendation);
    }

    [Fact]
    public void AContainerPortBoundToAnotherHostPortIsReachedAtTheHostPort()
    {
        var manifest = ManifestBuilder.Deployment(
            ("caller", """{"Env":["DB=mqtt://user@Broker:1883","OTHER=tcp://broker:8883/x"]}"""),
            ("broker", """{"HostConfig":{"PortBindings":{"1883/tcp":[{"HostPort":"11883"}],"8883/tcp":[{"HostPort":"8883"}]}}}"""));

        var finding = Assert.Single(Check(manifest, "K20"));

        Assert.Equal("Env[0]", finding.Location);
        Assert.Equal(
            "Variable 'DB' (createOptions Env) addresses module 'broker' at 'mqtt://user@Broker:1883', but the device's Service for 'broker' serves container port 1883 at port 11883, its HostPort (rule N2): port 1883 is not served.",
            finding.Message);
        Assert.Equal("Connect to port 11883, or bind container port 1883 to HostPort 1883.", finding.Recommendation);
    }

    [Fact]
    public void TheHostOfAnAddressWithAUserAndPasswordFollowsThem()
    {
        // A module named as the user is not the host; a port is read before a query as before a path.
        var manifest = Caller("""{"AMQP": {"value": "amqps://admin:secret@broker:5671"}, "API": {"value": "http://broker:8080?x=1"}}""",
            ("admin", "{}"), ("broker", """{"HostConfig":{"PortBindings":{"5671/tcp":[{"HostPort":"15671"}]}}}"""));

        var findings = Check(manifest, "K20");

        Assert.Equal(new[] { "env.AMQP broker amqps://admin:secret@broker:5671", "env.API broker http://broker:8080?x" },
            findings.Select(f => $"{f.Location} {f.Message.Split('\'')[3]} {f.Message.Split('\'')[5]}"));
    }

    [Fact]
    public void ServedAddressesIdsAndModulesNotJudgedAreNoFinding()
    {
        var manifest = ManifestBuilder.Deployment(
            ("caller", "{}", """
                {"SERVED": {"value": "http://web:8080/x"}, "EXPOSED": {"value": "cache:6379"}, "NO_PORT": {"value": "http://web/x"},
                 "ID": {"value": "idle"}, "PATH": {"value": "/data/idle:1/x"}, "STOPPED": {"value": "idle:80"},
                 "TEMPLATE": {"value": "templated:9000"}, "UNKNOWN": {"value": "elsewhere:80"}}
                """),
            ("web", """{"HostConfig":{"PortBindings":{"8080/tcp":[{"HostPort":"8080"}]}}}""", null),
            ("cache", """{"ExposedPorts":{"6379/tcp":{}}}""", null),
            ("idle", "{}", null),
            ("templated", """{"HostConfig":{"PortBindings":{"9000/tcp":[{"HostPort":"${PORT}"}]}}}""", null));
        manifest.FindModule("idle")!.Definition.Set("status", JValue.String("stopped"));

        Assert.Empty(Check(manifest, "K20"));
    }

    [Fact]
    public void AnAddressWithoutAPortOfAModuleWithoutPortsIsReported()
    {
        var manifest = Caller("""{"URL": {"value": "https://scorer/score"}}""", ("scorer", "{}"));

        var finding = Assert.Single(Check(manifest, "K20"));

        Assert.Contains("at 'https://scorer/score', but 'scorer' has no ports", finding.Message);
        Assert.StartsWith("Give 'scorer' the port it listens on in its createOptions (", finding.Recommendation);
    }

    [Fact]
    public void TheServicePortsAreThoseThePreviewRenders()
    {
        var manifest = ManifestBuilder.Deployment(("web", """{"ExposedPorts":{"80/tcp":{}},"HostConfig":{"PortBindings":{"8080/tcp":[{"HostPort":"9090"}]}}}"""));

        var service = EdgeMigration.Core.Kubernetes.KubernetesRenderer.Render(manifest).Modules.Single(m => m.ModuleName == "web").Resources.Single(r => r.Kind == "Service");
        var ports = ((JArray)((JObject)service.Object["spec"]!)["ports"]!).Cast<JObject>().Select(p => ((JValue)p["port"]!).Text).OrderBy(p => p);

        Assert.Equal(new[] { "80", "9090" }, ports);
        Assert.Empty(Check(Caller("""{"A": {"value": "web:80"}, "B": {"value": "web:9090"}}""", ("web", """{"ExposedPorts":{"80/tcp":{}},"HostConfig":{"PortBindings":{"8080/tcp":[{"HostPort":"9090"}]}}}""")), "K20"));
    }

    [Fact]
    public void AConnectionStringsServerIsAnAddress()
    {
        // SQL Server's form, as the corpus' FHIR server on Azure Stack Edge writes it: [tcp:]host[\instance][,port].
        var manifest = Caller("""
            {"SQL": {"value": "Server=tcp:sql,1433;Initial Catalog=FHIR;User ID=sa;Password=${SAPASSWORD}"},
             "EDGE": {"value": "Data Source = SqlEdge,14330; Database=x"}, "NAMED": {"value": "server=sql\\EXPRESS"},
             "NETWORK": {"value": "Encrypt=false; Network Address=sql,1433"}, "NOT_A_KEY": {"value": "UserServer=sql,1433"}}
            """,
            ("sql", "{}"), ("SqlEdge", """{"HostConfig":{"PortBindings":{"1433/tcp":[{"HostPort":"1433"}]}}}"""));

        var findings = Check(manifest, "K20");

        Assert.Equal(new[] { "env.SQL", "env.EDGE", "env.NAMED", "env.NETWORK" }, findings.Select(f => f.Location));
        Assert.StartsWith("Variable 'SQL' (the env section) addresses module 'sql' at 'tcp:sql,1433', but 'sql' has no ports in its createOptions", findings[0].Message);
        Assert.StartsWith("Variable 'EDGE' (the env section) addresses module 'SqlEdge' at 'SqlEdge,14330', but the device's Service for 'SqlEdge' serves port 1433 only", findings[1].Message);
        Assert.StartsWith("Variable 'NAMED' (the env section) addresses module 'sql' at 'sql', but 'sql' has no ports", findings[2].Message);
        Assert.Equal("Give 'sql' the port in its createOptions (\"HostConfig\": {\"PortBindings\": {\"1433/tcp\": [{\"HostPort\": \"1433\"}]}}).", findings[0].Recommendation);
    }

    [Fact]
    public void AServerQuotedOrWrittenAloneIsAnAddress()
    {
        // A connection string within JSON text, and SQL Server's "tcp:" server as the whole value.
        var manifest = Caller("""
            {"SETTINGS": {"value": "{\"db\": \"Server=tcp:sql,1433;Database=x\"}"}, "SQLHOST": {"value": "tcp:sql,1433"},
             "OTHER": {"value": "tcp:elsewhere,1433"}, "WORD": {"value": "xtcp:sql,1433"}}
            """,
            ("sql", "{}"));

        var findings = Check(manifest, "K20");

        Assert.Equal(new[] { "env.SETTINGS", "env.SQLHOST" }, findings.Select(f => f.Location));
        Assert.All(findings, f => Assert.Contains("addresses module 'sql' at 'tcp:sql,1433', but 'sql' has no ports", f.Message));
    }

    [Fact]
    public void APostgresHostIsAnAddress()
    {
        // Npgsql's and libpq's forms; "HostName=" (an IoT Hub connection string) is another key.
        var manifest = Caller("""
            {"NPGSQL": {"value": "Host=pg;Port=5432;Database=telemetry"}, "LIBPQ": {"value": "host=pg port=5432 dbname=telemetry"},
             "HUB": {"value": "HostName=pg;DeviceId=x"}, "SERVED": {"value": "Host=db;Port=5432"}}
            """,
            ("pg", "{}"), ("db", """{"ExposedPorts":{"5432/tcp":{}}}"""));

        var findings = Check(manifest, "K20");

        Assert.Equal(new[] { "env.NPGSQL", "env.LIBPQ" }, findings.Select(f => f.Location));
        Assert.All(findings, f => Assert.Contains("addresses module 'pg' at 'pg (Port=5432)', but 'pg' has no ports", f.Message));
    }

    [Fact]
    public void AServerWithoutAPortIsJudgedOnlyByWhetherItHasAService()
    {
        // A named instance's port is found at run time; MySQL's Port key gives the one served. Another form after "Server="
        // is read as any address.
        var manifest = Caller("""
            {"MYSQL": {"value": "Server=mysql;Port=3306;Uid=root"}, "NAMED": {"value": "Server=mysql\\one"},
             "URL": {"value": "Server=db:1433"}, "ELSE": {"value": "Server=elsewhere,1433;Address=tcp:"}}
            """,
            ("mysql", """{"ExposedPorts":{"3306/tcp":{}}}"""), ("db", "{}"));

        var finding = Assert.Single(Check(manifest, "K20"));

        Assert.Contains("at 'db:1433', but 'db' has no ports", finding.Message);
    }

    [Fact]
    public void APortKeyGivesTheServersPort()
    {
        // MySQL's, Npgsql's and libpq's drivers give the port apart from the server; SqlClient reads "sql, 1433" as "sql,1433".
        var manifest = Caller("""
            {"MYSQL": {"value": "Server=mysql;Port=3307;Uid=root"}, "LIBPQ": {"value": "host=db port = 5433 dbname=x"},
             "SERVED": {"value": "Server=mysql; port=3306"}, "BLANK": {"value": "Server=tcp:db, 1433"},
             "NOT_THE_KEY": {"value": "Server=db;ReportPort=1"}, "NO_PORT": {"value": "Server=db;Port=x"}}
            """,
            ("mysql", """{"ExposedPorts":{"3306/tcp":{}}}"""), ("db", """{"ExposedPorts":{"5432/tcp":{}}}"""));

        var findings = Check(manifest, "K20");

        Assert.Equal(new[] { "env.MYSQL", "env.LIBPQ", "env.BLANK" }, findings.Select(f => f.Location));
        Assert.StartsWith("Variable 'MYSQL' (the env section) addresses module 'mysql' at 'mysql (Port=3307)', but the device's Service for 'mysql' serves port 3306 only", findings[0].Message);
        Assert.Equal("Give 'mysql' port 3307 in its createOptions (\"HostConfig\": {\"PortBindings\": {\"3307/tcp\": [{\"HostPort\": \"3307\"}]}}).", findings[0].Recommendation);
        Assert.Contains("at 'db (Port=5433)'", findings[1].Message);
        Assert.Contains("at 'tcp:db, 1433'", findings[2].Message);
    }

    [Fact]
    public void ANamedInstancesPortWhenWrittenIsThePortJudged()
    {
        // SqlClient connects to the port written after an instance, and looks the instance up only without one.
        var manifest = Caller("""{"SERVED": {"value": "Server=sql\\EXPRESS,1433"}, "OTHER": {"value": "Data Source=tcp:sql\\EXPRESS,14330;Database=x"}}""",
            ("sql", """{"ExposedPorts":{"1433/tcp":{}}}"""));

        var finding = Assert.Single(Check(manifest, "K20"));

        Assert.StartsWith("Variable 'OTHER' (the env section) addresses module 'sql' at 'tcp:sql\\EXPRESS,14330', but the device's Service for 'sql' serves port 1433 only", finding.Message);
    }

    [Fact]
    public void ADataSourceThatIsAFilePathAddressesNoModule()
    {
        // SQLite's Data Source is a file: "data\app.db" names no server 'data' with an instance "app.db" (SQL Server's
        // instance names hold no '.'), while "data\EXPRESS" is SQL Server's form.
        var manifest = Caller("""{"SQLITE": {"value": "Data Source=data\\app.db;Cache=Shared"}, "SQL": {"value": "Data Source=data\\EXPRESS"}}""",
            ("data", "{}"));

        var finding = Assert.Single(Check(manifest, "K20"));

        Assert.StartsWith("Variable 'SQL' (the env section) addresses module 'data' at 'data', but 'data' has no ports", finding.Message);
    }

    [Fact]
    public void AHostNetworkModuleReachedAnotherModulesHostPortAtLocalhost()
    {
        // As the corpus' connectivity tests write it: a host-network sender reports to the coordinator at localhost:5001,
        // where Docker published the coordinator's HostPort on the FPGA device.
        var manifest = ManifestBuilder.Deployment(
            ("sender", """{"HostConfig":{"NetworkMode":"host"}}""", """{"ReportingEndpointUrl": {"value": "http://localhost:5001"}}"""),
            ("testResultCoordinator", """{"HostConfig":{"PortBindings":{"5001/tcp":[{"HostPort":"5001"}]}}}""", null));

        var finding = Assert.Single(Check(manifest, "K20"));

        Assert.Equal(("K20 Warning sender env.ReportingEndpointUrl manual", Certainty.Likely), (Summary(finding), finding.Certainty));
        Assert.Equal(
            "Variable 'ReportingEndpointUrl' (the env section) addresses module 'testResultCoordinator' at 'http://localhost:5001', its HostPort on the host, as this host-network module reached it on the FPGA device; on the GPU device a HostPort is a port of the module's Service, not of the node, so nothing listens at localhost:5001.",
            finding.Message);
        Assert.Equal("Address the module by its Service: write 'testresultcoordinator' for 'localhost' in 'http://localhost:5001', keeping port 5001, its Service's port (the host-network pod resolves Service names: dnsPolicy ClusterFirstWithHostNet).", finding.Recommendation);
    }

    [Fact]
    public void TheAdviceForALocalhostAddressKeepsTheWayTheAddressIsWritten()
    {
        // QA: for SQL Server's 'localhost,1433' the advice said 'sql:1433', which SqlClient reads as a host named
        // "sql:1433"; followed as written, the connection failed. The advice now names the host to replace.
        var manifest = ManifestBuilder.Deployment(
            ("reader", """{"HostConfig":{"NetworkMode":"host"}}""", """{"DB": {"value": "Server=localhost,1433;User Id=sa"}}"""),
            ("sql", """{"HostConfig":{"PortBindings":{"1433/tcp":[{"HostPort":"1433"}]}}}""", null));

        var finding = Assert.Single(Check(manifest, "K20"));

        Assert.StartsWith("Address the module by its Service: write 'sql' for 'localhost' in 'localhost,1433', keeping port 1433", finding.Recommendation);
        Assert.DoesNotContain("sql:1433", finding.Recommendation);
        // Followed: the host-network module's address is the Service's, which K20 does not report.
        var followed = ManifestBuilder.Deployment(
            ("reader", """{"HostConfig":{"NetworkMode":"host"}}""", """{"DB": {"value": "Server=sql,1433;User Id=sa"}}"""),
            ("sql", """{"HostConfig":{"PortBindings":{"1433/tcp":[{"HostPort":"1433"}]}}}""", null));
        Assert.Empty(Check(followed, "K20"));
    }

    [Fact]
    public void LocalhostIsJudgedOnlyWhereDockerPublishedAnotherModulesHostPortToAHostNetworkModule()
    {
        var manifest = ManifestBuilder.Deployment(
            // A bridge-network module's localhost is its own container, on both devices.
            ("bridged", """{"Env":["URL=http://localhost:5001"]}""", null),
            ("sender", """{"HostConfig":{"NetworkMode":"Host"}}""", """
                {"BOUND": {"value": "wss://127.0.0.1:8080/x"}, "EXPOSED": {"value": "localhost:6379"}, "UNBOUND": {"value": "localhost:9999"},
                 "HOSTNET": {"value": "localhost:7000"}}
                """),
            ("web", """{"ExposedPorts":{"6379/tcp":{}},"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"8080"}],"5001/tcp":[{"HostPort":"5001"}]}}}""", null),
            // A module on the host network listens on the host itself; two on it are N3's.
            ("other", """{"HostConfig":{"NetworkMode":"host","PortBindings":{"7000/tcp":[{"HostPort":"7000"}]}}}""", null));

        var finding = Assert.Single(Check(manifest, "K20"));

        Assert.Equal("sender env.BOUND", $"{finding.ModuleName} {finding.Location}");
        Assert.Contains("addresses module 'web' at 'wss://127.0.0.1:8080/x'", finding.Message);
        Assert.Contains("write 'web' for '127.0.0.1' in 'wss://127.0.0.1:8080/x', keeping port 8080", finding.Recommendation);
    }

    [Theory]
    // The metrics collector scrapes edgeHub at 9600, which edgeHub does not bind; the API proxy routes to a registry without ports.
    [InlineData("Azure__iotedge__edge-modules__metrics-collector__src__ExampleDeployment.json", "AzureMonitorForIotEdgeModule env.MetricsEndpointsCSV edgeHub")]
    // The Basics Station, on the host network, reaches the network server's HostPort 5001 at localhost.
    [InlineData("Azure__iotedge-lorawan-starterkit__LoRaEngine__deployment.ci.aio.template.json",
        "LoRaBasicsStationModule env.TC_URI LoRaWanNetworkSrvModule", "metricscollector env.MetricsEndpointsCSV edgeHub")]
    [InlineData("Azure__azure-iot-cli-extension__azext_iot__tests__iothub__devices__device_configs__deployments__deploymentTopLayer.json", "IoTEdgeAPIProxy env.DOCKER_REQUEST_ROUTE_ADDRESS registry")]
    // The host-network restart tester and network controller report to the coordinator's HostPort at localhost:5001.
    [InlineData("Azure__iotedge__e2e_deployment_files__edgehub_restart_deployment.template.json",
        "edgeHubRestartTester1 env.reportingEndpointUrl testResultCoordinator", "networkController env.testResultCoordinatorUrl testResultCoordinator")]
    public void OnTheCorpusTheAddressesTheDeviceDoesNotServeAreFound(string file, params string[] expected)
    {
        var findings = Check(ManifestDocument.Load(TestPaths.CorpusFile(file)), "K20");

        Assert.Equal(expected, findings.Select(f => $"{f.ModuleName} {f.Location} {f.Message.Split('\'')[3]}"));
    }
}
