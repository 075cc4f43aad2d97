using System.Linq;
using System.Text;

namespace EdgeMigration.Tests.Hostile;

/// <summary>The inputs the hostile cases start from: a small valid manifest, as text and bytes.</summary>
public static class HostileText
{
    /// <summary>A deployment manifest with a module whose createOptions need conversion and a registry credential.</summary>
    public const string Manifest = """
        {
          "modulesContent": {
            "$edgeAgent": {
              "properties.desired": {
                "schemaVersion": "1.0",
                "runtime": {"type": "docker", "settings": {"registryCredentials": {"acr": {"username": "acr", "password": "Pa55-word", "address": "acr.azurecr.io"}}}},
                "systemModules": {
                  "edgeAgent": {"type": "docker", "settings": {"image": "mcr.microsoft.com/azureiotedge-agent:1.4", "createOptions": "{}"}},
                  "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always", "settings": {"image": "mcr.microsoft.com/azureiotedge-hub:1.4", "createOptions": "{\"HostConfig\":{\"PortBindings\":{\"5671/tcp\":[{\"HostPort\":\"5671\"}],\"8883/tcp\":[{\"HostPort\":\"8883\"}],\"443/tcp\":[{\"HostPort\":\"443\"}]}}}"}}
                },
                "modules": {
                  "Filter": {"version": "1.0", "type": "docker", "status": "running", "restartPolicy": "always",
                    "settings": {"image": "acr.azurecr.io/filter:1.0", "createOptions": "{\"Env\":[\"Storage:Target=/data\"],\"HostConfig\":{\"Memory\":536870912}}"}}
                }
              }
            },
            "$edgeHub": {"properties.desired": {"schemaVersion": "1.0", "routes": {"up": "FROM /messages/modules/Filter/* INTO $upstream"}, "storeAndForwardConfiguration": {"timeToLiveSecs": 7200}}}
          }
        }
        """;

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
