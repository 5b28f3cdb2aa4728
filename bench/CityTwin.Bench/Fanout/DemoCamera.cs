using System.Net.Http.Json;
using System.Text.Json;

namespace CityTwin.Bench.Fanout;

/// <summary>A camera of the demo city where the driver's sightings happen.</summary>
public sealed record DemoCamera(string Id, double Longitude, double Latitude)
{
    /// <summary>Reads the cameras through the product's own GraphQL query, as a client would.</summary>
    public static async Task<IReadOnlyList<DemoCamera>> LoadAsync(HttpClient http)
    {
        var cameras = new List<DemoCamera>();
        string? after = null;
        do
        {
            var request = new { query = "query($after: String) { cameras(first: 200, after: $after) { nodes { id location } pageInfo { hasNextPage endCursor } } }", variables = new { after } };
            using var response = await http.PostAsJsonAsync("/graphql", request);
            response.EnsureSuccessStatusCode();
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var connection = document.RootElement.GetProperty("data").GetProperty("cameras");
            foreach (var node in connection.GetProperty("nodes").EnumerateArray())
            {
                var coordinates = node.GetProperty("location").GetProperty("coordinates");
                cameras.Add(new DemoCamera(node.GetProperty("id").GetString()!, coordinates[0].GetDouble(), coordinates[1].GetDouble()));
            }
            var page = connection.GetProperty("pageInfo");
            after = page.GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
        if (cameras.Count == 0) throw new InvalidOperationException("the demo city has no cameras");
        return cameras;
    }
}
