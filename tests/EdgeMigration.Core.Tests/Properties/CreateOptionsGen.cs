using CsCheck;
using static EdgeMigration.Tests.Properties.GenKit;

namespace EdgeMigration.Tests.Properties;

/// <summary>
/// Docker createOptions with every setting the rules read or change: environment (colons, proxies, the FPGA wire
/// server), Entrypoint and Cmd in every form, HostConfig storage, network, devices, memory, CPU and IPC settings,
/// settings the device ignores, and k8s-experimental sections, with nulls and odd values among them.
/// </summary>
public static class CreateOptionsGen
{
    public static readonly Gen<J> EnvEntry = Gen.Frequency(
        (6, Strings("A=1", "Storage:Target=/data", "Logging:LogLevel:Default=Debug", "WIRESERVER_ADDRESS=10.139.218.202",
            "https_proxy=http://proxy.contoso.com:3128", "HTTP_PROXY=http://proxy:8080", "no_proxy=contoso.com", "NO_PROXY=localhost,contoso.com",
            "no_proxy=", "UpstreamProtocol=Mqtt", "NOVALUE", "=nameless", "PATH=/usr/bin:/bin")),
        (2, TextGen.Any.Select(text => J.Str("VALUE=" + text))),
        (1, Gen.OneOf(J.Null, J.Num(5), J.Bool(true))));

    public static readonly Gen<J> Command = Gen.Frequency(
        (3, Strings("python app.py", "/usr/bin/dotnet Module.dll --verbose", "sh -c 'echo hi && run'", "", "   ", "run $HOME", "app\t--flag")),
        (3, ArrayOf(TextGen.Any.Select(J.Str), 0, 4)),
        (1, Gen.OneOf(J.Null, J.Num(3), J.Arr(new[] { J.Str("run"), J.Num(1) }), J.Obj(("a", J.Str("b"))))));

    private static readonly Gen<J> Bind = Strings("/home/hcsshares/input:/input", "/home/hcsshares/output:/output:rw", "/data:/data",
        "/var/run/docker.sock:/var/run/docker.sock", "/etc/app.conf:/app/app.conf:ro", "appdata:/appdata", "C:\\data:/data", "/dev/shm:/dev/shm", "bad",
        "/home/hcsshares/input/models:/models:ro", "/home/hcsshares:/shares", "/data/cache:/cache:rslave", "$SHARE_PATH:/share", "/tmp/.X11-unix:/tmp/.X11-unix");

    private static readonly Gen<J> Mount = Fields(
        ("Type", Opt(95, Strings("bind", "volume", "tmpfs"))),
        ("Source", Opt(90, Strings("/home/hcsshares/input", "appdata", "/data", "gpushare"))),
        ("Target", Opt(90, Strings("/input", "/appdata", "/data"))),
        ("ReadOnly", Opt(30, Gen.Bool.Select(J.Bool)))).AsJ();

    private static readonly Gen<J> PortBindings = Fields(
        ("8080/tcp", Opt(70, ArrayOf(Fields(("HostPort", Opt(90, Strings("8080", "80", "")))).AsJ(), 0, 2))),
        ("5671/tcp", Opt(30, ArrayOf(Fields(("HostPort", Opt(95, Strings("5671")))).AsJ(), 1, 1))),
        ("9000/udp", Opt(15, Gen.Const(J.Null)))).AsJ();

    private static readonly Gen<J> Device = Fields(
        ("PathOnHost", Opt(95, Strings("/dev/catapult0", "/dev/fpga0", "/dev/video0", "/dev/ttyUSB0"))),
        ("PathInContainer", Opt(90, Strings("/dev/catapult0", "/dev/video0", "/dev/fpga"))),
        ("CgroupPermissions", Opt(60, Strings("rwm")))).AsJ();

    /// <summary>Sizes and counts as users write them, and values no rule can convert (strings, fractions, beyond long and double).</summary>
    private static readonly Gen<J> Quantity = Gen.Frequency(
        (5, Numbers("536870912", "1073741824", "268435456", "1500000000", "50000", "100000", "512", "1", "1000")),
        (2, Numbers("0", "-1", "1.5", "1e9", "9223372036854775808", "1e400", "-0")),
        (1, Gen.OneOf(J.Str("1g"), J.Null, J.Bool(true))));

    private static Gen<J> IpcMode(string[] moduleIds) => Gen.Frequency(
        (3, Strings("host", "private", "shareable", "", "HOST")),
        (2, Gen.OneOf(moduleIds.Length == 0 ? new[] { "filter" } : moduleIds).Select(id => J.Str("container:" + id))),
        (1, Gen.Const(J.Null)));

    private static Gen<J> HostConfig(string[] moduleIds) => Fields(
        ("Binds", Opt(35, ArrayOf(Bind, 0, 4))),
        ("Mounts", Opt(20, ArrayOf(Mount, 0, 3))),
        ("PortBindings", Opt(35, PortBindings)),
        ("Privileged", Opt(25, Gen.OneOf(J.Bool(true), J.Bool(false), J.Str("true")))),
        ("Devices", Opt(25, ArrayOf(Device, 0, 3))),
        ("Memory", Opt(30, Quantity)),
        ("MemorySwap", Opt(15, Quantity)),
        ("NanoCpus", Opt(20, Quantity)),
        ("CpuQuota", Opt(15, Quantity)),
        ("CpuPeriod", Opt(10, Quantity)),
        ("CpuShares", Opt(10, Quantity)),
        ("IpcMode", Opt(25, IpcMode(moduleIds))),
        ("ShmSize", Opt(15, Quantity)),
        ("NetworkMode", Opt(20, Strings("host", "bridge", "azure-iot-edge", "container:filter", "none", "Default"))),
        ("PidMode", Opt(10, Strings("host", ""))),
        ("LogConfig", Opt(15, Fields(("Type", Opt(90, Strings("json-file"))), ("Config", Opt(70, Fields(("max-size", Opt(90, Strings("10m")))).AsJ()))).AsJ())),
        ("CapAdd", Opt(10, ArrayOf(Strings("NET_ADMIN", "SYS_PTRACE"), 0, 2))),
        ("ExtraHosts", Opt(10, ArrayOf(Strings("db:10.0.0.5"), 1, 1))),
        ("RestartPolicy", Opt(10, Fields(("Name", Opt(90, Strings("always", "no")))).AsJ())),
        ("Runtime", Opt(10, Strings("nvidia", "runc"))),
        ("DeviceRequests", Opt(5, ArrayOf(Fields(("Count", Opt(90, Numbers("-1", "1")))).AsJ(), 1, 1)))).AsJ();

    /// <summary>Limits or requests: accelerators, an extended resource and huge pages (never overcommitted), memory and CPU around the default limits.</summary>
    private static readonly Gen<J> ResourceList = Fields(
        ("microsoft.com/fpga_catapult", Opt(40, Gen.OneOf(J.Num(1), J.Num(2), J.Str("1"), J.Null))),
        ("nvidia.com/gpu", Opt(20, Gen.OneOf(J.Num(1), J.Str("2")))),
        ("example.com/dongle", Opt(5, Gen.OneOf(J.Num(1), J.Str("2")))),
        ("hugepages-2Mi", Opt(5, Strings("2Mi", "4Mi"))),
        ("memory", Opt(30, Strings("128Mi", "512M", "1Gi", "2Gi", "lots"))),
        ("cpu", Opt(30, Strings("500m", "1", "0.5", "4")))).AsJ();

    private static readonly Gen<J> Kubernetes = Gen.Frequency(
        (12, Fields(
            ("resources", Opt(60, Fields(("limits", Opt(70, ResourceList)), ("requests", Opt(50, ResourceList))).AsJ())),
            ("strategy", Opt(25, Fields(("type", Opt(90, Strings("Recreate", "RollingUpdate", "recreate")))).AsJ())),
            ("volumes", Opt(20, ArrayOf(Fields(
                ("volume", Opt(90, Fields(("name", Opt(95, Strings("share"))), ("persistentVolumeClaim", Opt(60, Fields(("claimName", Opt(95, Strings("claim")))).AsJ())))
                    .AsJ())),
                ("volumeMounts", Opt(80, ArrayOf(Fields(("name", Opt(95, Strings("share"))), ("mountPath", Opt(95, Strings("/data", "/dev/shm")))).AsJ(), 0, 2))))
                .AsJ(), 0, 2))),
            ("nodeSelector", Opt(10, Fields(("kubernetes.io/hostname", Opt(90, Strings("node1")))).AsJ())),
            ("securityContext", Opt(10, Fields(("runAsUser", Opt(90, Numbers("1000")))).AsJ())),
            ("service-options", Opt(5, Fields(("type", Opt(90, Strings("LoadBalancer")))).AsJ())),
            ("unknownSetting", Opt(5, TextGen.Word.Select(J.Str)))).AsJ()),
        (1, Gen.OneOf(J.Str("Recreate"), J.Null, J.Arr(System.Array.Empty<J>()))));

    /// <summary>A createOptions object; <paramref name="moduleIds"/> are the manifest's module ids, for <c>IpcMode container:&lt;id&gt;</c>.</summary>
    public static Gen<JObj> Options(string[] moduleIds) => Fields(
        ("Env", Opt(45, ArrayOf(EnvEntry, 0, 6))),
        ("Entrypoint", Opt(15, Command)),
        ("Cmd", Opt(20, Command)),
        ("ExposedPorts", Opt(20, Fields(("8080/tcp", Opt(90, Gen.Const<J>(J.Obj())))).AsJ())),
        ("Labels", Opt(20, Fields(("purpose", Opt(90, TextGen.Any.Select(J.Str))), ("owner", Opt(30, TextGen.Unicode.Select(J.Str)))).AsJ())),
        ("WorkingDir", Opt(10, Strings("/app"))),
        ("User", Opt(10, Strings("1000:1000", "root"))),
        ("Hostname", Opt(10, TextGen.Word.Select(J.Str))),
        ("Healthcheck", Opt(5, Fields(("Test", Opt(90, ArrayOf(Strings("CMD", "true"), 1, 2)))).AsJ())),
        ("Volumes", Opt(5, Fields(("/data", Opt(90, Gen.Const<J>(J.Obj())))).AsJ())),
        ("HostConfig", Opt(75, HostConfig(moduleIds))),
        ("NetworkingConfig", Opt(10, Fields(("EndpointsConfig", Opt(90, Fields(("host", Opt(80, Gen.Const<J>(J.Obj()))), ("mynet", Opt(20, Gen.Const<J>(J.Obj())))).AsJ()))).AsJ())),
        ("k8s-experimental", Opt(35, Kubernetes)),
        ("K8s-Experimental", Opt(3, Kubernetes)));
}
