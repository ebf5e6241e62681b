using ContactCenter.Kernel.Values;

namespace ContactCenter.Host.Tests.Inbound;

/// <summary>Messages made in one burst (a batch, one millisecond) list in the order they were made, as text and as uuid.</summary>
public sealed class OrderedIdsTests
{
    [Fact]
    public void Ids_made_one_after_another_sort_in_that_order_even_within_one_millisecond()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => OrderedIds.Next()).ToList();

        // SQLite keeps a Guid as upper-case text, PostgreSQL as a big-endian uuid: both must keep the order.
        Assert.Equal(ids, ids.OrderBy(id => id.ToString("D").ToUpperInvariant(), StringComparer.Ordinal));
        Assert.Equal(ids, ids.OrderBy(id => Convert.ToHexString(id.ToByteArray(bigEndian: true)), StringComparer.Ordinal));
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
