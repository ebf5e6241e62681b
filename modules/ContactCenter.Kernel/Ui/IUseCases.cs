namespace ContactCenter.Kernel.Ui;

/// <summary>
/// How a UI component runs a use case: in a fresh scope (its own DbContext, so a long-lived circuit never
/// holds a stale unit of work) whose <see cref="Identity.ICurrentUser"/> is the circuit's logged-in user.
/// The same handler serves the REST endpoint, so the API can do whatever the UI can.
/// </summary>
public interface IUseCases
{
    Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> action)
        where THandler : notnull;
}
