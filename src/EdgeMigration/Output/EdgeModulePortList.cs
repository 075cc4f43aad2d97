using System.Collections.Generic;

namespace EdgeMigration;

/// <summary>The ports of a module's Service: a list of <see cref="EdgeModulePort"/> whose text is the ports as kubectl shows them.</summary>
public sealed class EdgeModulePortList : ResultList<EdgeModulePort>
{
    /// <summary>Its text as kubectl's PORT(S) column: 443:31457/TCP,5671:30881/TCP.</summary>
    public EdgeModulePortList(IList<EdgeModulePort> ports) : base(ports, ",")
    {
    }
}
