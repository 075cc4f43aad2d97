namespace EdgeMigration.Core.Manifests;

/// <summary>The shapes of IoT Edge deployment JSON users hold (../shared/reference/manifest-shapes.md).</summary>
public enum ManifestShape
{
    /// <summary><c>{"modulesContent": {...}}</c>, what <c>az iot edge set-modules --content</c> takes.</summary>
    DeploymentManifest,

    /// <summary>The bare modulesContent object, what Az.IotHub's <c>-ModulesContent</c> takes.</summary>
    ModulesContent,

    /// <summary>An IoT Hub deployment (configuration): <c>{"id", "content": {"modulesContent"}, "targetCondition", ...}</c>.</summary>
    HubDeployment,

    /// <summary>A layered deployment: <c>"properties.desired.modules.&lt;id&gt;"</c> keys.</summary>
    LayeredDeployment,

    /// <summary>A deployment.template.json: createOptions objects, placeholders, <c>$schema-template</c>.</summary>
    DeploymentTemplate,

    /// <summary>The <c>$edgeAgent</c> module twin (<c>az iot hub module-twin show</c>).</summary>
    EdgeAgentTwin,

    /// <summary>Only the <c>$edgeAgent</c> desired properties (<c>schemaVersion</c>, <c>runtime</c>, <c>modules</c>...).</summary>
    EdgeAgentDesiredProperties,

    /// <summary>The createOptions of one module, given on their own (Test-EdgeModuleCompatibility -ModuleName).</summary>
    CreateOptions,
}
