using System.Diagnostics;
using Pipeline.Deploy.Tests.Manifests;

namespace Pipeline.Deploy.Tests.Checks;

/// <summary>The real kustomize, through <c>kubectl kustomize</c> when a kubectl with kustomize v4+ is on the PATH (optional: not installed by CI).</summary>
internal static class Kustomize
{
    private static readonly Lazy<string?> Binary = new(Find);

    /// <summary>Why the real kustomize cannot run here, or null when it can.</summary>
    public static string? Unavailable => Binary.Value is null ? "no kubectl with kustomize v4 or later on the PATH (Debian's kubernetes-client 1.20 has kustomize v2, which lacks `patches`)" : null;

    /// <summary>The objects <c>kubectl kustomize deploy/&lt;folder&gt;</c> prints, loaded strictly.</summary>
    public static IReadOnlyList<Manifest> Build(string folder)
    {
        var (code, output, error) = Run(Binary.Value!, "kustomize", Path.Combine(Repository.Deploy, folder));
        if (code != 0) throw new InvalidOperationException($"kubectl kustomize {folder} exited {code}: {error}");
        return [.. ManifestLoader.Parse(output).Select(o => new Manifest($"kustomize {folder}", o))];
    }

    private static string? Find()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, "kubectl")).FirstOrDefault(File.Exists);
        if (path is null) return null;
        try
        {
            var (code, output, _) = Run(path, "version", "--client");
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("Kustomize Version: v", StringComparison.Ordinal));
            return code == 0 && line is not null && int.TryParse(line["Kustomize Version: v".Length..].Split('.')[0], out var major) && major >= 4 ? path : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static (int Code, string Output, string Error) Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(60_000)) { process.Kill(); throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 60 s"); }
        return (process.ExitCode, output.Result, error);
    }
}

/// <summary>A theory that runs only when the real kustomize is available (<see cref="Kustomize.Unavailable"/>), else skipped with the reason.</summary>
public sealed class KustomizeTheoryAttribute : TheoryAttribute
{
    public KustomizeTheoryAttribute()
    {
        if (Kustomize.Unavailable is { } reason) Skip = reason;
    }
}
