using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace EdgeMigration;

/// <summary>The ports of a module's Service: a list of <see cref="EdgeModulePort"/>.</summary>
/// <remarks>
/// Its text is the ports as the table shows them, because Export-Csv and ConvertTo-Csv write a property's ToString():
/// an array would be written as its type's name.
/// </remarks>
public sealed class EdgeModulePortList : ReadOnlyCollection<EdgeModulePort>
{
    public EdgeModulePortList(IList<EdgeModulePort> ports) : base(ports)
    {
    }

    /// <summary>The number of ports, as Length of the array Ports was: scripts that read it keep working.</summary>
    public int Length => Count;

    /// <summary>As kubectl's PORT(S) column: 443:31457/TCP,5671:30881/TCP.</summary>
    public override string ToString() => string.Join(",", this);
}
