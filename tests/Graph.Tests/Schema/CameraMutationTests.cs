using System.Text.Json;

namespace CityTwin.Graph.Tests.Schema;

/// <summary><c>setCameraStatus</c>: the grain changes, the row follows, the lists see it.</summary>
[Collection(SchemaCollection.Name)]
public sealed class CameraMutationTests(SchemaFixture fixture)
{
    private const string SetStatus = """
        mutation($id: ID!, $online: Boolean!, $at: DateTimeOffset) { setCameraStatus(id: $id, online: $online, at: $at) {
          camera { id online statusChangedAt } errors { code message field } } }
        """;

    [Fact]
    public async Task SetCameraStatus_Offline_IsSeenByTheCameraList()
    {
        var result = await fixture.ExecuteAsync(SetStatus, Callers.Operator, new { id = "cam-vng-10", online = false, at = DateTimeOffset.UtcNow.AddMinutes(-1) });

        Assert.False(result.Data("setCameraStatus.camera.online").GetBoolean());
        Assert.Equal(0, result.Data("setCameraStatus.errors").GetArrayLength());
        var offline = await fixture.ExecuteAsync("{ cameras(online: false, first: 200) { nodes { id } } }", Callers.Operator);
        Assert.Contains("cam-vng-10", offline.Data("cameras.nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task SetCameraStatus_UnknownCamera_ReturnsNotFound()
    {
        var result = await fixture.ExecuteAsync(SetStatus, Callers.Operator, new { id = "cam-nowhere", online = true });

        Assert.Equal("NOT_FOUND", result.Data("setCameraStatus.errors.0.code").GetString());
        Assert.Equal(JsonValueKind.Null, result.Data("setCameraStatus.camera").ValueKind);
    }

    [Fact]
    public async Task SetCameraStatus_FutureTime_ReturnsInvalidInput()
    {
        var result = await fixture.ExecuteAsync(SetStatus, Callers.Operator, new { id = "cam-vng-11", online = false, at = DateTimeOffset.UtcNow.AddHours(1) });

        Assert.Equal("INVALID_INPUT", result.Data("setCameraStatus.errors.0.code").GetString());
        Assert.Contains("in the future", result.Data("setCameraStatus.errors.0.message").GetString());
    }
}
