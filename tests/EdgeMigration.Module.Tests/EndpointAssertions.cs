using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EdgeMigration.Tests;

/// <summary>Reads Get-EdgeModuleExternalIp output objects (the module's types are not referenced by the tests, as for a user).</summary>
internal static class EndpointAssertions
{
    public static object? Value(this PSObject endpoint, string property) => endpoint.Properties[property].Value;

    public static IReadOnlyList<string> Names(this RunResult result) => result.Output.Select(o => (string)o.Value("Name")!).ToList();

    public static PSObject Named(this RunResult result, string name) => result.Output.Single(o => (string)o.Value("Name")! == name);

    /// <summary>The ports as kubectl prints them (443:31457/TCP).</summary>
    public static IReadOnlyList<string> PortTexts(this PSObject endpoint) =>
        ((IEnumerable)endpoint.Value("Ports")!).Cast<object>().Select(p => p.ToString()!).ToList();

    public static PSObject Port(this PSObject endpoint, int index) =>
        PSObject.AsPSObject(((IEnumerable)endpoint.Value("Ports")!).Cast<object>().ElementAt(index));
}
