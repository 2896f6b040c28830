using System.Diagnostics;

namespace Pipeline.Cli.Commands;

/// <summary>
/// One features-bench run of the stage: wall seconds from its first to its last consumed sample, windows published, and
/// what the whole process spent meanwhile (CPU seconds of every thread, the embedded brokers' included; bytes allocated on the
/// managed heap; collections by generation and the time the GC paused the process; time the JIT
/// compiled methods, on any thread, and how many). CPU per sample is steadier than wall time on a shared machine.
/// </summary>
internal sealed record FeaturesStageRun(double Seconds, long Windows, double CpuSeconds, int Gen0, int Gen1, int Gen2, double GcPauseMs, long AllocatedBytes, double JitMs, long JitMethods)
{
    /// <summary>Process CPU time and GC counts at one moment; <see cref="Since"/> turns two of them into a run.</summary>
    public readonly record struct Mark(TimeSpan Cpu, int Gen0, int Gen1, int Gen2, TimeSpan GcPause, long Allocated, TimeSpan Jit, long JitMethods)
    {
        public static Mark Now() => new(Process.GetCurrentProcess().TotalProcessorTime, GC.CollectionCount(0), GC.CollectionCount(1),
            GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(),
            System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());

        public FeaturesStageRun Since(Mark start, double seconds, long windows) =>
            new(seconds, windows, (Cpu - start.Cpu).TotalSeconds, Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2,
                (GcPause - start.GcPause).TotalMilliseconds, Allocated - start.Allocated,
                (Jit - start.Jit).TotalMilliseconds, JitMethods - start.JitMethods);
    }
}
