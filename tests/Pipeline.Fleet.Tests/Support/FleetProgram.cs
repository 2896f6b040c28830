using System.Collections.Concurrent;
using System.Diagnostics;

namespace Pipeline.Fleet.Tests.Support;

/// <summary>
/// The <c>pipeline.dll</c> whose <c>replica</c> and <c>proxy</c> commands the local target runs: <c>$PIPELINE_FLEET_DLL</c>
/// when set, else the one built next to the tests. Says whether a command exists (its <c>--help</c> shows its own usage).
/// </summary>
public static class FleetProgram
{
    public const string Variable = "PIPELINE_FLEET_DLL";
    private static readonly ConcurrentDictionary<string, bool> Known = new(StringComparer.Ordinal);

    public static string Dll => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Path.Combine(AppContext.BaseDirectory, "pipeline.dll");

    /// <summary>True when <c>pipeline <paramref name="command"/> --help</c> shows that command's usage.</summary>
    public static bool Has(string command) => Known.GetOrAdd(command, static c =>
    {
        if (!File.Exists(Dll)) return false;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Dll, c, "--help" }) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var help = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            return false;
        }
        // An unknown command with --help prints the root help and exits 0: look for the command's own usage line.
        return process.ExitCode == 0 && help.Wait(5_000) && help.Result.Contains($"pipeline {c} [options]", StringComparison.Ordinal);
    });
}

/// <summary>A fact that needs <c>pipeline replica</c> (and, if asked, <c>pipeline proxy</c>); skipped with the reason when absent.</summary>
public sealed class FleetFactAttribute : FactAttribute
{
    public FleetFactAttribute(bool needsProxy = false)
    {
        if (!FleetProgram.Has("replica")) Skip = $"`pipeline replica` is not available in {FleetProgram.Dll} yet (branch fleet-a not merged; or set ${FleetProgram.Variable})";
        else if (needsProxy && !FleetProgram.Has("proxy")) Skip = $"`pipeline proxy` is not available in {FleetProgram.Dll} yet (branch fleet-a not merged; or set ${FleetProgram.Variable})";
    }
}
