using System.Net;
using System.Net.Sockets;

namespace Pipeline.Fleet.Tests.Support;

/// <summary>A loopback port nothing listens on (bound once by the OS, then released).</summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
