using System;
using System.Management.Automation;
using System.Reflection;
using Microsoft.PowerShell.Commands.Internal.Format;

namespace EdgeMigration.Shell;

/// <summary>
/// Format-List and Format-Table for the shell. Both live in Microsoft.PowerShell.Utility, which the NuGet
/// engine does not ship; their whole implementation does ship (System.Management.Automation's formatter,
/// the same one Out-Default uses), so each command here is the Utility cmdlet's one-line constructor:
/// the engine's shape command for List or Table, reached by reflection because it is internal.
/// </summary>
internal static class FormatShape
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static void Use(FrontEndCommandBase command, string shape)
    {
        var engine = typeof(PSObject).Assembly;
        var shapeType = engine.GetType("Microsoft.PowerShell.Commands.Internal.Format.FormatShape", throwOnError: true)!;
        var innerType = engine.GetType("Microsoft.PowerShell.Commands.Internal.Format.InnerFormatShapeCommand", throwOnError: true)!;
        var inner = Activator.CreateInstance(innerType, Instance, null, new[] { Enum.Parse(shapeType, shape) }, null);
        typeof(FrontEndCommandBase).GetField("implementation", Instance)!.SetValue(command, inner);
    }
}

[Cmdlet(VerbsCommon.Format, "List")]
public sealed class FormatListCommand : OuterFormatTableAndListBase
{
    public FormatListCommand() => FormatShape.Use(this, "List");
}

[Cmdlet(VerbsCommon.Format, "Table")]
public sealed class FormatTableCommand : OuterFormatTableBase
{
    public FormatTableCommand() => FormatShape.Use(this, "Table");
}
