using System.Collections.Generic;
using System.Linq;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Manifests;

namespace EdgeMigration.Tests;

/// <summary>Builds small deployment manifests for rule and conversion tests: createOptions given as JSON objects.</summary>
public static class ManifestBuilder
{
    /// <summary>A deployment manifest with createOptions as strings (as IoT Hub holds them), one module per (name, createOptions JSON).</summary>
    public static ManifestDocument Deployment(params (string Name, string CreateOptions)[] modules) =>
        Deployment(modules.Select(m => (m.Name, m.CreateOptions, (string?)null)).ToArray());

    /// <summary>As above, with an optional env section JSON (<c>{"A": {"value": "1"}}</c>) per module.</summary>
    public static ManifestDocument Deployment(params (string Name, string CreateOptions, string? Env)[] modules)
    {
        var moduleJson = string.Join(",\n", modules.Select(m =>
            $$"""
                    "{{m.Name}}": {
                      "version": "1.0",
                      "type": "docker",
                      "status": "running",
                      "restartPolicy": "always",
                      {{(m.Env is null ? "" : "\"env\": " + m.Env + ",")}}
                      "settings": {
                        "image": "contoso.azurecr.io/{{m.Name.ToLowerInvariant()}}:1.0",
                        "createOptions": {{JsonTreeWriter.Quote(m.CreateOptions)}}
                      }
                    }
            """));
        var json = $$"""
            {
              "modulesContent": {
                "$edgeAgent": {
                  "properties.desired": {
                    "schemaVersion": "1.0",
                    "runtime": { "type": "docker", "settings": { "minDockerVersion": "v1.25", "loggingOptions": "" } },
                    "systemModules": {
                      "edgeAgent": { "type": "docker", "settings": { "image": "mcr.microsoft.com/azureiotedge-agent:1.0", "createOptions": "{}" } },
                      "edgeHub": { "type": "docker", "status": "running", "restartPolicy": "always",
                        "settings": { "image": "mcr.microsoft.com/azureiotedge-hub:1.0", "createOptions": {{JsonTreeWriter.Quote(EdgeHubCreateOptions)}} } }
                    },
                    "modules": {
            {{moduleJson}}
                    }
                  }
                },
                "$edgeHub": {
                  "properties.desired": {
                    "schemaVersion": "1.0",
                    "routes": { "upstream": "FROM /messages/* INTO $upstream" },
                    "storeAndForwardConfiguration": { "timeToLiveSecs": 7200 }
                  }
                }
              }
            }
            """;
        return ManifestDocument.Parse(json, "test manifest");
    }

    /// <summary>edgeHub's usual port bindings, as the IoT Edge tools generate them.</summary>
    public const string EdgeHubCreateOptions =
        """{"HostConfig":{"PortBindings":{"5671/tcp":[{"HostPort":"5671"}],"8883/tcp":[{"HostPort":"8883"}],"443/tcp":[{"HostPort":"443"}]}}}""";
}
