using System;

namespace EdgeMigration.Benchmarks.Host;

/// <summary>
/// Started by tests/EdgeMigration.Benchmarks, one fresh process per measurement (cold start and peak memory can only
/// be measured in a process that has done nothing else); prints what it measured as <c>name=value</c> lines.
///   fleet &lt;module.psd1&gt; &lt;input folder&gt; &lt;output folder&gt;
///   import module|empty|idle &lt;module.psd1&gt; &lt;manifest&gt; &lt;output file&gt;
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.Length > 0 ? args[0] : "")
        {
            case "fleet" when args.Length == 4:
                FleetConversion.Run(args[1], args[2], args[3]);
                return 0;
            case "import" when args.Length == 5:
                ImportProbe.Run(args[1], args[2], args[3], args[4]);
                return 0;
            default:
                Console.Error.WriteLine("usage: fleet <module.psd1> <in> <out> | import module|empty|idle <module.psd1> <manifest> <out file>");
                return 2;
        }
    }
}
