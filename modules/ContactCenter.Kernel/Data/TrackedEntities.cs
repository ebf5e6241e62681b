using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Kernel.Data;

/// <summary>
/// What a unit of work already holds, without the cost of <c>DbSet.Local</c>. Reading <c>Local</c> first scans every
/// tracked entity for changes; enumerating it then walks every tracked entity of every type and keeps those of the
/// asked type. Inside an inbox batch of 200 messages the unit of work tracks thousands of rows and about a dozen
/// handlers look there once per event: the batch was quadratic in its size (a CPU profile put 15 %, then, with the
/// change scan gone, still about 17 % of the host's time there). Each context now keeps its tracked entities by type.
/// </summary>
public static class TrackedEntities
{
    private static readonly ConditionalWeakTable<DbContext, TrackedIndex> Indexes = [];

    /// <summary>
    /// The tracked <typeparamref name="TEntity"/>s (added, loaded, modified; not deleted, not detached), in the order
    /// they started being tracked (callers order ties by it, as they did with <c>DbSet.Local</c>), as they are now (a snapshot: what is tracked later is not in it). Filter on their current property values:
    /// changes made only through <c>Entry(...)</c> state, not through the entity's properties, are seen once the next
    /// save or query detects them.
    /// </summary>
    public static IReadOnlyList<TEntity> Tracked<TEntity>(this DbContext db)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return Indexes.GetValue(db, static context => new TrackedIndex(context)).Of<TEntity>();
    }

    /// <summary>
    /// One context's tracked entities by CLR type (and each base type), fed by <c>ChangeTracker.Tracked</c>. That event
    /// says when an entity starts being tracked, not when it stops (<c>ChangeTracker.Clear()</c> raises nothing), so
    /// each read asks the context for the state of the entities of that one type and forgets the detached ones.
    /// </summary>
    private sealed class TrackedIndex
    {
        private readonly DbContext _db;
        private readonly Dictionary<Type, Tracking> _byType = [];

        public TrackedIndex(DbContext db)
        {
            _db = db;
            var tracker = db.ChangeTracker;
            var detect = tracker.AutoDetectChangesEnabled;
            tracker.AutoDetectChangesEnabled = false;
            try
            {
                // What was tracked before the first read, once; from then on the event says.
                foreach (var entry in tracker.Entries())
                {
                    Add(entry.Entity);
                }
            }
            finally
            {
                tracker.AutoDetectChangesEnabled = detect;
            }

            tracker.Tracked += (_, e) => Add(e.Entry.Entity);
        }

        public IReadOnlyList<TEntity> Of<TEntity>()
            where TEntity : class
        {
            if (!_byType.TryGetValue(typeof(TEntity), out var tracking) || tracking.Order.Count == 0)
            {
                return [];
            }

            var tracker = _db.ChangeTracker;
            var detect = tracker.AutoDetectChangesEnabled;
            tracker.AutoDetectChangesEnabled = false; // Entry(...) would otherwise compare each entity's values
            var live = new List<TEntity>(tracking.Order.Count);
            HashSet<object>? gone = null;
            try
            {
                foreach (var entity in tracking.Order)
                {
                    switch (_db.Entry(entity).State)
                    {
                        case EntityState.Detached:
                            (gone ??= new HashSet<object>(ReferenceEqualityComparer.Instance)).Add(entity); // tracked again later, the event adds it back
                            break;
                        case EntityState.Deleted:
                            break; // may be added back without being tracked anew: kept, not shown
                        default:
                            live.Add((TEntity)entity);
                            break;
                    }
                }
            }
            finally
            {
                tracker.AutoDetectChangesEnabled = detect;
            }

            if (gone is not null)
            {
                tracking.Members.ExceptWith(gone);
                tracking.Order.RemoveAll(gone.Contains);
            }

            return live;
        }

        private void Add(object entity)
        {
            for (var type = entity.GetType(); type is not null && type != typeof(object); type = type.BaseType)
            {
                if (!_byType.TryGetValue(type, out var tracking))
                {
                    tracking = new Tracking();
                    _byType[type] = tracking;
                }

                if (tracking.Members.Add(entity))
                {
                    tracking.Order.Add(entity);
                }
            }
        }

        /// <summary>One type's tracked entities: a set to add each once, a list to keep the order they came in.</summary>
        private sealed class Tracking
        {
            public HashSet<object> Members { get; } = new(ReferenceEqualityComparer.Instance);

            public List<object> Order { get; } = [];
        }
    }
}
