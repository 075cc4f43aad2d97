using System;
using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;
using EdgeMigration.Core.Rules;
using EdgeMigration.Core.Rules.Other;

namespace EdgeMigration.Core.Kubernetes;

/// <summary>
/// The container's environment as the agent writes it (reference: Env row, "Refinements: Env"): the module's env
/// section, then createOptions Env entries of the form NAME=value, then the agent's own IOTEDGE_* variables, which
/// therefore win over the user's. Variables whose value depends on the device's runtime are not shown.
/// </summary>
internal static class ContainerEnvironment
{
    /// <summary>
    /// The variables the IoT Edge runtime gives a module on both devices, IOTEDGE_GATEWAYHOSTNAME to custom modules only
    /// (edgeAgent's CreateOrUpdateCommand.GetEnvVars on the FPGA device, KubernetesDeploymentMapper.CollectModuleEnv on
    /// the GPU device). The FPGA device's IoT Edge daemon puts createOptions Env over them (edgelet-docker merge_env); the
    /// GPU device's agent appends them after Env, and the container gets the last of a name.
    /// </summary>
    private static readonly string[] RuntimeVariables =
    {
        "IOTEDGE_WORKLOADURI", "IOTEDGE_DEVICEID", "IOTEDGE_MODULEID", "IOTEDGE_IOTHUBHOSTNAME", "IOTEDGE_AUTHSCHEME",
        "IOTEDGE_MODULEGENERATIONID", "IOTEDGE_APIVERSION",
    };

    private const string GatewayHostName = "IOTEDGE_GATEWAYHOSTNAME";

    /// <summary>What the runtime gives edgeAgent and edgeHub instead of IOTEDGE_GATEWAYHOSTNAME (KubernetesDeploymentMapper.CollectModuleEnv, CoreConstants.EdgeDeviceHostNameKey).</summary>
    private const string EdgeDeviceHostName = "EdgeDeviceHostName";

    /// <summary>True when the first <paramref name="length"/> characters of <paramref name="text"/> name a variable the runtime gives <paramref name="module"/>; case-sensitively, as both devices compare names.</summary>
    public static bool IsRuntimeVariable(EdgeModule module, string text, int length)
    {
        if (ModuleEnvironment.IsName(text, length, GatewayHostName, StringComparison.Ordinal))
        {
            return !module.IsSystemModule;
        }
        if (ModuleEnvironment.IsName(text, length, EdgeDeviceHostName, StringComparison.Ordinal))
        {
            return module.IsSystemModule;
        }
        foreach (var name in RuntimeVariables)
        {
            if (ModuleEnvironment.IsName(text, length, name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    public static JArray Build(RenderContext context)
    {
        // Env entries without NAME= are dropped by the agent; IgnoredSettings lists them.
        var variables = ModuleEnvironment.Variables(context.Module).Where(ModuleEnvironment.IsPassedOn).ToList();
        foreach (var variable in variables.Where(v => !ModuleEnvironment.IsAcceptedName(v.Name, v.Name.Length)))
        {
            context.Drop(variable.Location, JValue.String(variable.Name), DropEffect.Fails,
                $"Environment variable name '{variable.Name}' is not one Kubernetes accepts ({ModuleEnvironment.AcceptedNames}); the API server refuses the Deployment (HTTP 422).",
                EnvironmentNameColonRule.Advice(variable.Name), variable.InDefinition);
        }
        DropOverriddenSectionVariables(context, variables);
        var items = variables.Select(v => Variable(v.Name, v.Value)).Concat(AgentVariables(context)).ToList();
        return new JArray(items);
    }

    /// <summary>
    /// The env section's variables of a name the agent appends itself (CollectModuleEnv adds the runtime's variables after
    /// the env section and Env): the container gets the runtime's value, which the preview does not always show
    /// (IOTEDGE_WORKLOADURI, IOTEDGE_APIVERSION…), so it says so. An Env entry of the name has its own note (IgnoredSettings).
    /// </summary>
    private static void DropOverriddenSectionVariables(RenderContext context, IReadOnlyList<ModuleVariable> variables)
    {
        var env = context.Module.Options().ArrayOf(ModuleEnvironment.EnvName);
        foreach (var variable in variables.Where(v => v.InDefinition && IsRuntimeVariable(context.Module, v.Name, v.Name.Length)))
        {
            if (env is not null && ModuleEnvironment.LaterEntryNamed(env, -1, variable.Name, variable.Name.Length) >= 0)
            {
                continue;
            }
            // Values are not quoted: variables hold passwords and connection strings.
            context.Drop(variable.Location, JValue.String(variable.Name), DropEffect.Ignored,
                $"env.{variable.Name} sets a variable the IoT Edge runtime sets: the GPU device's agent appends its own {variable.Name} after the module's variables, so the module gets the runtime's value, not this one.",
                "Remove it; if the module needs that value, give it under a name of its own.", inDefinition: true);
        }
    }

    /// <summary>The IOTEDGE_* variables the agent appends whose values follow from the manifest and the options.</summary>
    private static IEnumerable<JObject> AgentVariables(RenderContext context)
    {
        var module = context.Module;
        if (context.Options.IotHubHostName is { } hub)
        {
            yield return Variable("IOTEDGE_IOTHUBHOSTNAME", hub);
        }
        yield return Variable("IOTEDGE_AUTHSCHEME", "sasToken");
        if (context.Options.DeviceId is { } device)
        {
            yield return Variable("IOTEDGE_DEVICEID", device);
        }
        yield return Variable("IOTEDGE_MODULEID", module.IsSystemModule ? "$" + module.Name : module.Name);
        if (!module.IsSystemModule)
        {
            // Custom modules reach edgeHub by its Service name (reference: "Refinements: Names").
            yield return Variable(GatewayHostName, "edgehub");
        }
    }

    private static JObject Variable(string name, string? value) =>
        JsonBuild.Object(("name", JValue.String(name)), ("value", JsonBuild.Text(value)));
}
