namespace EdgeMigration.Core.DeviceOutput;

/// <summary>Which device command printed the text a module was read from.</summary>
public enum DeviceOutputFormat
{
    /// <summary>The Minishell's <c>iotedge list</c> table (NAME STATUS DESCRIPTION CONFIG EXTERNAL-IP [PORT(S)]).</summary>
    IotedgeList,

    /// <summary><c>kubectl get svc</c> table (NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE).</summary>
    KubectlTable,

    /// <summary><c>kubectl get svc -o json</c>: a Service list or a single Service.</summary>
    KubectlJson,
}
