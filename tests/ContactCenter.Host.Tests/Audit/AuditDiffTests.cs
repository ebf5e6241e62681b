using ContactCenter.Audit.Recording;

namespace ContactCenter.Host.Tests.Audit;

/// <summary>
/// What the audit log keeps of a big change. A team of 1,000 agents answered 500 on PostgreSQL: the whole member list
/// before and after did not fit the entry (found by the load generator's memory mode).
/// </summary>
public sealed class AuditDiffTests
{
    [Fact]
    public void A_long_list_is_kept_as_what_left_it_and_what_joined_it_and_the_entry_fits()
    {
        var before = Enumerable.Range(0, 1000).Select(i => new Guid(i, 0, 0, new byte[8])).ToList();
        var leaving = before[10];
        var joining = Guid.CreateVersion7();
        var after = before.Where(id => id != leaving).Append(joining).ToList();

        var change = Assert.Single(AuditDiff.Between(new { MemberIds = before }, new { MemberIds = after }));

        Assert.Equal("memberIds", change.Field);
        Assert.Equal($"1000 items; removed: {leaving}", change.Before);
        Assert.Equal($"1000 items; added: {joining}", change.After);
    }

    [Fact]
    public void A_short_list_is_kept_whole_and_no_side_of_any_change_outgrows_the_entry()
    {
        var one = Guid.CreateVersion7();
        var change = Assert.Single(AuditDiff.Between(new { MemberIds = new List<Guid>() }, new { MemberIds = new List<Guid> { one } }));
        Assert.Equal(("", one.ToString()), (change.Before, change.After));

        // Every agent replaced at once: the lists of who left and who joined are long too, and are cut with a count.
        var all = Enumerable.Range(0, 1000).Select(_ => Guid.CreateVersion7()).ToList();
        var others = Enumerable.Range(0, 1000).Select(_ => Guid.CreateVersion7()).ToList();
        var replaced = Assert.Single(AuditDiff.Between(new { MemberIds = all }, new { MemberIds = others }));
        Assert.StartsWith("1000 items; removed: " + all[0], replaced.Before, StringComparison.Ordinal);
        Assert.EndsWith("more characters)", replaced.After, StringComparison.Ordinal);
        Assert.True(AuditDiff.ToJson([replaced]).Length < 20_000);
    }
}
