using System;
using System.IO;
using EdgeMigration.ModuleBuilder.Help;
using EdgeMigration.ModuleBuilder.Markdown;
using EdgeMigration.ModuleBuilder.Packaging;

namespace EdgeMigration.ModuleBuilder;

/// <summary>
/// Build steps of the module that need more than MSBuild:
///   help   &lt;docs folder&gt; &lt;output folder&gt;   docs/help/*.md (platyPS schema) → EdgeMigration.dll-Help.xml and about_*.help.txt
///   nuspec &lt;psd1&gt; &lt;output file&gt;            the psd1 → the nuspec of the module's .nupkg
/// Exit codes: 0 done, 1 the input is wrong (reported as "file(line): error …"), 2 bad usage.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 3 || args[0] is not ("help" or "nuspec"))
        {
            Console.Error.WriteLine("usage: EdgeMigration.ModuleBuilder help <docs folder> <output folder> | nuspec <module psd1> <output nuspec>");
            return 2;
        }
        try
        {
            if (args[0] == "help")
            {
                foreach (var file in HelpBuilder.Build(args[1], args[2]))
                {
                    Console.WriteLine($"help -> {file}");
                }
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[2]))!);
                NuspecWriter.Write(ModuleManifest.Load(args[1])).Save(args[2]);
                Console.WriteLine($"nuspec -> {args[2]}");
            }
            return 0;
        }
        catch (HelpSchemaException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error EMBUILD: {ex.Message}");
            return 1;
        }
    }
}
