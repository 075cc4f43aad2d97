using System;
using System.Reflection;
using EdgeMigration.Core.Json;
using EdgeMigration.Core.Kubernetes;
using Xunit;
using Xunit.Sdk;

namespace EdgeMigration.Tests.Kubernetes;

/// <summary>The validator the render tests rely on refuses what the API server would.</summary>
public class KubernetesValidatorTests
{
    private static KubernetesResource Resource(string json) => new("m", (JObject)JDocument.Parse(json).Root);

    private static Exception Refusal(string json)
    {
        var error = Record.Exception(() => KubernetesValidator.Typed(Resource(json)));
        return error is TargetInvocationException { InnerException: { } inner } ? inner : error!;
    }

    [Fact]
    public void AnUnknownFieldIsRefused() =>
        Assert.IsType<System.Text.Json.JsonException>(Refusal("""{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"m","labelz":{}}}"""));

    [Fact]
    public void AValueOfTheWrongTypeIsRefused() =>
        Assert.IsType<System.Text.Json.JsonException>(Refusal("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"m"},"spec":{"replicas":"one"}}"""));

    [Fact]
    public void AWellFormedObjectPasses() =>
        Assert.IsType<k8s.Models.V1Service>(KubernetesValidator.Typed(Resource("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"m"},"spec":{"ports":[{"port":80,"targetPort":8080}]}}""")));

    [Fact]
    public void ADeploymentWhoseMountHasNoVolumeFails()
    {
        var module = RenderKit.Render("{}");
        var container = RenderKit.Container(module);
        container.Set("volumeMounts", JDocument.Parse("""[{"name":"missing","mountPath":"/x"}]""").Root);

        Assert.Throws<AllException>(() => KubernetesValidator.AssertValid(module));
    }
}
