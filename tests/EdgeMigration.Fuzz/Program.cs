using System.IO;
using SharpFuzz;

namespace EdgeMigration.Fuzz;

/// <summary>
/// Runs <see cref="FuzzTarget"/> under AFL++ (tools/fuzz.sh), or on the files given (replaying what AFL++ found).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0)
        {
            foreach (var file in args)
            {
                System.Console.WriteLine(file + ": " + FuzzTarget.Run(File.ReadAllBytes(file)));
            }
            return;
        }
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var input = new MemoryStream();
            stream.CopyTo(input);
            FuzzTarget.Run(input.ToArray());
        });
    }
}
