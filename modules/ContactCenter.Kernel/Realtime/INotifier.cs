namespace ContactCenter.Kernel.Realtime;

/// <summary>
/// Sends notices from inside a unit of work. They leave only once that unit of work's database commit succeeded
/// (dropped on rollback, also back to a savepoint): nobody is told about a conversation that was never saved.
/// </summary>
public interface INotifier
{
    void Notify(Notice notice);
}

/// <summary>Where connected people (UI circuits) hear the notices meant for them, from any node.</summary>
public interface INoticeHub
{
    /// <summary>Calls <paramref name="onNotice"/> for notices to the user or to one of the teams, until disposed.</summary>
    IDisposable Subscribe(Guid userId, IReadOnlyCollection<Guid> teamIds, Func<Notice, Task> onNotice);

    /// <summary>Calls <paramref name="onNotice"/> for <see cref="TopicNotice"/>s of <paramref name="topic"/>, until disposed.</summary>
    IDisposable Subscribe(string topic, Func<Notice, Task> onNotice);
}
