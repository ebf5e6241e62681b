using ContactCenter.LoadGenerator;

// Exit codes: 0 measured and nothing lost or doubled (and, with --strict, every target met); 1 a message was
// lost, doubled or never became visible; 2 a usage mistake; 3 the target cannot be measured (no endpoint,
// refused key, host did not start, database unreachable, deadline passed); 4 --strict and a target missed.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    Console.Error.WriteLine("Stopping (Ctrl+C): cleaning up…");
    cancel.Cancel();
};
return await LoadGeneratorApp.RunAsync(args, Console.Out, Console.Error, cancel.Token);
