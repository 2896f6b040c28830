namespace Pipeline.Fleet.Local;

/// <summary>
/// One replica as observed at the start of a reconcile pass: its phase and how long it has been in it, whether the
/// process has exited (and how), and whether its <c>/ready</c> answered 200.
/// </summary>
internal sealed record ReplicaView(string Id, ReplicaPhase Phase, TimeSpan InPhase, bool Exited, int? ExitCode, bool ProbedReady, long Sequence);
