namespace CityTwin.Graph.Tests.Transport.Support;

/// <summary>A <see cref="TransportHost"/> with default settings, shared by the tests of one class.</summary>
public sealed class DefaultTransportHost : IAsyncLifetime
{
    private TransportHost? _host;

    public TransportHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await TransportHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
