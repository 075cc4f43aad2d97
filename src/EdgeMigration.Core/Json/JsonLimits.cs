namespace EdgeMigration.Core.Json;

public static class JsonLimits
{
    /// <summary>Deep enough for any manifest; deeper input is rejected with a clear error, never a stack overflow.</summary>
    public const int MaxDepth = 256;
}
