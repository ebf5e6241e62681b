using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Kernel.Realtime;

/// <summary>
/// The notices a unit of work (one DbContext) has sent but not yet committed. Savepoints are a stack of marks:
/// rolling back to one forgets what came after it, as the database forgets those rows.
/// </summary>
internal sealed class PendingNotices
{
    private static readonly ConditionalWeakTable<DbContext, PendingNotices> ByContext = [];

    private readonly List<Notice> _notices = [];
    private readonly Stack<int> _savepoints = new();

    public static PendingNotices For(DbContext db) => ByContext.GetValue(db, _ => new PendingNotices());

    public static PendingNotices? Find(DbContext? db) => db is not null && ByContext.TryGetValue(db, out var pending) ? pending : null;

    public bool IsEmpty
    {
        get
        {
            lock (_notices)
            {
                return _notices.Count == 0;
            }
        }
    }

    public void Add(Notice notice)
    {
        lock (_notices)
        {
            _notices.Add(notice);
        }
    }

    /// <summary>Everything pending, now owned by the caller (the commit went through).</summary>
    public IReadOnlyList<Notice> Take()
    {
        lock (_notices)
        {
            var taken = _notices.ToList();
            _notices.Clear();
            _savepoints.Clear();
            return taken;
        }
    }

    public void Discard() => Take();

    public void SavepointCreated()
    {
        lock (_notices)
        {
            _savepoints.Push(_notices.Count);
        }
    }

    public void RolledBackToSavepoint()
    {
        lock (_notices)
        {
            if (_savepoints.TryPeek(out var mark) && mark < _notices.Count)
            {
                _notices.RemoveRange(mark, _notices.Count - mark);
            }
        }
    }

    public void SavepointReleased()
    {
        lock (_notices)
        {
            _savepoints.TryPop(out _);
        }
    }
}
