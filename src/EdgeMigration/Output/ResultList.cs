using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace EdgeMigration;

/// <summary>A list in a result: the Findings, Changes, RemainingFindings, DroppedSettings or StartProblems, and Ports.</summary>
/// <remarks>
/// Its text is its items, one a line (<see cref="EdgeModulePortList"/>: comma-separated), because Export-Csv and
/// ConvertTo-Csv write a property's ToString(): an array would be written as its type's name
/// ("EdgeMigration.EdgeMigrationFinding[]") in a report of results.
/// </remarks>
public class ResultList<T> : ReadOnlyCollection<T>
{
    private readonly string _separator;

    public ResultList(IList<T> items) : this(items, Environment.NewLine)
    {
    }

    protected internal ResultList(IList<T> items, string separator) : base(items) => _separator = separator;

    /// <summary>The number of items, as Length of the arrays these properties were: scripts that read it keep working.</summary>
    public int Length => Count;

    public override string ToString() => string.Join(_separator, this);
}
