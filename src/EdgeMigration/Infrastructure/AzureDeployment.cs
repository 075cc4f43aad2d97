using System.Collections.Specialized;
using System.Management.Automation;

namespace EdgeMigration.Infrastructure;

/// <summary>
/// Az.IotHub's PSDeployment (Get-AzIotHubDeployment): Id, Priority, TargetCondition, Labels and
/// Content.ModulesContent (a Hashtable of Newtonsoft JTokens). Read as the IoT Hub deployment shape. Get-AzIotHubConfiguration's
/// PSConfiguration has the same properties, and Content.DeviceContent.
/// </summary>
internal static class AzureDeployment
{
    public static bool IsDeployment(PSObject input) =>
        input.BaseObject is not System.Collections.IDictionary &&
        input.Properties["Content"]?.Value is { } content &&
        PSObject.AsPSObject(content).Properties["ModulesContent"] is not null;

    /// <summary>How results and errors name a deployment: by its id, so that a runbook checking every deployment of a hub tells them apart.</summary>
    public static string Describe(PSObject input) =>
        input.Properties["Id"]?.Value?.ToString() is { Length: > 0 } id ? Describe(id) : "deployment from the pipeline";

    public static string Describe(string id) => $"deployment '{id}'";

    public static object ToGraph(PSObject input)
    {
        var content = PSObject.AsPSObject(input.Properties["Content"].Value);
        var graph = new OrderedDictionary();
        Copy(input, "Id", graph, "id");
        var contentGraph = new OrderedDictionary { ["modulesContent"] = PowerShellGraph.ToPlain(content.Properties["ModulesContent"].Value) };
        // Get-AzIotHubConfiguration's objects have ModulesContent too, empty: their DeviceContent tells them from deployments.
        Copy(content, "DeviceContent", contentGraph, "deviceContent");
        graph["content"] = contentGraph;
        Copy(input, "TargetCondition", graph, "targetCondition");
        Copy(input, "Priority", graph, "priority");
        Copy(input, "Labels", graph, "labels");
        return graph;
    }

    private static void Copy(PSObject from, string property, OrderedDictionary to, string key)
    {
        if (from.Properties[property]?.Value is { } value)
        {
            to[key] = PowerShellGraph.ToPlain(value);
        }
    }
}
