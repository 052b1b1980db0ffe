using System.Net;
using System.Net.Sockets;

namespace SocialValue.Silo.Tests.Infrastructure;

/// <summary>Ports the operating system has just handed out, for Kestrel and for a Silo's Orleans endpoints.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The settings that give a Silo its own Orleans silo and gateway ports.</summary>
    public static string[] OrleansEndpoints() => [$"--Orleans:SiloPort={Next()}", $"--Orleans:GatewayPort={Next()}"];
}
