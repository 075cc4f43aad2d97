using System.Linq;
using CsCheck;

namespace EdgeMigration.Tests.Properties;

/// <summary>Combinators the manifest generators share: optional members and objects of optional members.</summary>
public static class GenKit
{
    /// <summary>The value in <paramref name="percent"/>% of cases, otherwise null ("leave it out").</summary>
    public static Gen<J?> Opt(int percent, Gen<J> value) =>
        Gen.Int[0, 99].SelectMany(roll => roll < percent ? value.Select(v => (J?)v) : Gen.Const((J?)null));

    /// <summary>An object holding the members whose generated value is not null, in the order given.</summary>
    public static Gen<JObj> Fields(params (string Name, Gen<J?> Value)[] fields) =>
        Sequence(fields.Select(f => f.Value.Select(v => (f.Name, v)))).Select(members => J.Obj(members));

    /// <summary>One value from each generator, in order.</summary>
    public static Gen<T[]> Sequence<T>(System.Collections.Generic.IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const(System.Array.Empty<T>()), (all, gen) => all.SelectMany(values => gen.Select(v => values.Append(v).ToArray())));

    public static Gen<J> Strings(params string[] values) => Gen.OneOf(values).Select(J.Str);

    public static Gen<J> Numbers(params string[] raw) => Gen.OneOf(raw).Select(J.Num);

    public static Gen<J> ArrayOf(Gen<J> item, int min, int max) => item.Array[min, max].Select(items => (J)J.Arr(items));

    public static Gen<J> AsJ<T>(this Gen<T> gen) where T : J => gen.Select(v => (J)v);
}
