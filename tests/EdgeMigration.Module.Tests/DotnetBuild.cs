using System;
using System.Linq;

namespace EdgeMigration.Tests;

/// <summary>Runs <c>dotnet build</c> from the repository root as a user types it; a failed build fails the test with its output.</summary>
public static class DotnetBuild
{
    /// <summary>The tests whose fixtures build: one at a time, as two builds of the same projects would race for obj/.</summary>
    public const string Collection = "dotnet build";

    public static string Run(params string[] arguments) =>
        DotnetCommand.RunOrFail(new[] { "build" }.Concat(arguments).Concat(new[] { "-nologo", "-nodeReuse:false" }), TimeSpan.FromMinutes(10));
}
