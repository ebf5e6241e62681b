using System.Data.Common;

namespace ContactCenter.Kernel.Realtime;

/// <summary>
/// The database's way to carry notices to every node (PostgreSQL: <c>pg_notify</c>, heard by each node's listener,
/// which hands them to <see cref="INoticeReceiver"/>). Payloads are opaque text the Kernel writes and reads, each under
/// 8,000 bytes and often carrying many notices (a commit's are packed); a commit's payloads are best sent in one round trip.
/// </summary>
public interface INoticeBroadcast
{
    /// <summary>
    /// Sends the payloads on <paramref name="connection"/>: inside <paramref name="transaction"/> they are delivered
    /// exactly when it commits (and never if it does not); without one, at once.
    /// </summary>
    void Send(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> payloads);

    /// <inheritdoc cref="Send"/>
    Task SendAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> payloads, CancellationToken cancellationToken);
}

/// <summary>Where a node's listener hands the payloads it heard through <see cref="INoticeBroadcast"/>.</summary>
public interface INoticeReceiver
{
    /// <summary>Delivers the notices in <paramref name="payload"/> to this node's subscribers, in order; ignores what it cannot read.</summary>
    void Receive(string payload);
}
