using System.Net;
using System.Net.Sockets;

namespace Pipeline.TestSupport.Influx;

/// <summary>Picks loopback TCP ports that are free at the moment of asking.</summary>
public static class FreePort
{
    /// <summary>A port the OS just handed out for 127.0.0.1; free unless someone grabs it before it is bound again.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
