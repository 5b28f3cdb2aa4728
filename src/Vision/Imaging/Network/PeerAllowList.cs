using System.Net;

namespace CityTwin.Vision.Imaging.Network;

/// <summary>
/// Which source addresses each clinic's AE titles are accepted from (<see cref="ScpOptions.AllowedAddresses"/> and
/// <see cref="ScpOptions.Clinics"/>). An AE title is no secret, so the address is the second thing a peer must get right.
/// </summary>
public sealed class PeerAllowList
{
    private readonly IReadOnlyList<IPNetwork> defaults;
    private readonly Dictionary<string, IReadOnlyList<IPNetwork>> perClinic;

    public PeerAllowList(ScpOptions options)
    {
        defaults = Parse(options.AllowedAddresses, $"{ScpOptions.Section}:AllowedAddresses");
        perClinic = options.Clinics.ToDictionary(
            c => c.Key,
            c => Parse(c.Value.AllowedAddresses, $"{ScpOptions.Section}:Clinics:{c.Key}:AllowedAddresses"),
            StringComparer.Ordinal);
    }

    /// <summary>Whether any clinic may call from <paramref name="address"/>; other connections are closed on accept.</summary>
    public bool AllowedForAnyClinic(IPAddress address)
    {
        var normalised = Normalise(address);
        return defaults.Any(n => n.Contains(normalised)) || perClinic.Values.Any(list => list.Any(n => n.Contains(normalised)));
    }

    /// <summary>Whether <paramref name="clinicId"/>'s AE titles are accepted from <paramref name="address"/>.</summary>
    public bool Allowed(string clinicId, IPAddress address)
    {
        var normalised = Normalise(address);
        var networks = perClinic.TryGetValue(clinicId, out var configured) ? configured : defaults;
        return networks.Any(n => n.Contains(normalised));
    }

    /// <summary>An IPv4 peer on a dual-stack socket shows up as ::ffff:a.b.c.d; compare it as the IPv4 address it is.</summary>
    public static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static IReadOnlyList<IPNetwork> Parse(string? list, string setting)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(entry, out var single)) networks.Add(new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            else throw new InvalidOperationException($"{setting}: \"{entry}\" is neither an address nor a CIDR block (e.g. 10.1.2.0/24)");
        }
        return networks;
    }
}
