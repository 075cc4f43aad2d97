using System;
using System.Collections.Generic;
using System.Globalization;

namespace EdgeMigration.Benchmarks.Engine;

/// <summary>What the benchmark host measured, as <c>name=value</c> lines on its output.</summary>
public sealed class ChildReport
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private ChildReport()
    {
    }

    public static ChildReport Parse(string output)
    {
        var report = new ChildReport();
        foreach (var line in output.Split('\n'))
        {
            var equals = line.IndexOf('=');
            if (equals > 0)
            {
                report._values[line.Substring(0, equals)] = line.Substring(equals + 1).TrimEnd('\r');
            }
        }
        return report;
    }

    public double Number(string name) => double.Parse(Text(name), CultureInfo.InvariantCulture);

    public string Text(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"The child process did not report '{name}'.");
}
