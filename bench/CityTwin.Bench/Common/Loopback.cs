using System.Net;
using System.Net.Sockets;
using CityTwin.Twin.Extensions;
using Orleans.Configuration;

namespace CityTwin.Bench.Common;

/// <summary>Free loopback ports and a silo bound to them: every benchmark host listens on 127.0.0.1 only.</summary>
public static class Loopback
{
    /// <summary>A port nothing listens on at this moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A single-node silo of the twin on free loopback ports, wired as the product wires it.</summary>
    public static ISiloBuilder UseTwinSiloOnLoopback(this ISiloBuilder silo, string connectionString)
    {
        var siloPort = FreePort();
        var gatewayPort = FreePort();
        return silo
            .UseLocalhostClustering(siloPort, gatewayPort)
            .Configure<EndpointOptions>(endpoints =>
            {
                endpoints.AdvertisedIPAddress = IPAddress.Loopback;
                endpoints.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, siloPort);
                endpoints.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Loopback, gatewayPort);
            })
            .AddCityTwin(connectionString);
    }
}
