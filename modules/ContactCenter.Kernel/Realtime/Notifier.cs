using ContactCenter.Kernel.Data;

namespace ContactCenter.Kernel.Realtime;

/// <summary>Keeps the scope's notices beside its DbContext until <see cref="NoticeInterceptor"/> sees the commit.</summary>
internal sealed class Notifier(ContactCenterDbContext db) : INotifier
{
    public void Notify(Notice notice) => PendingNotices.For(db).Add(notice);
}
