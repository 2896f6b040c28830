using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pipeline.Fleet.Local;

/// <summary>SIGTERM to a child process (.NET can only kill); on Windows, a kill.</summary>
internal static class PosixSignals
{
    private const int SigTerm = 15;

    public static void Terminate(Process process)
    {
        if (OperatingSystem.IsWindows())
        {
            process.Kill();
            return;
        }
        if (SysKill(process.Id, SigTerm) != 0 && !process.HasExited)
            throw new InvalidOperationException($"kill({process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);
}
