using CityTwin.Browser.Tests.Support;

namespace CityTwin.Browser.Tests.Schools;

/// <summary>Remote lessons on the map in headless Chromium: an arc from the host school to each remote school while live.</summary>
[Collection(MapCollection.Name)]
public sealed class LessonArcsMapTests(MapHost host)
{
    private static readonly string[] Remotes = ["school-th-thanh-an", "school-th-thao-dien", "school-thcs-an-phu"];
    private const string HostSchool = "school-th-an-phu";

    [Fact]
    public async Task LiveLesson_ScheduledWhileTheMapIsOpen_DrawsAnArcToEachRemoteSchool()
    {
        await using var map = await host.OpenMapAsync();
        await map.WaitLiveAsync(host.Grains);
        var lessonId = $"lesson-map-{Guid.NewGuid():N}";

        var data = await host.GraphQLAsync("""
            mutation($id: ID!, $host: ID!, $from: DateTimeOffset!, $to: DateTimeOffset!, $remotes: [ID!]!) {
              scheduleRemoteLesson(lessonId: $id, hostSchoolId: $host, teacher: "Thầy Trần Văn Minh", subject: "Toán", grade: 5,
                                   startsAt: $from, endsAt: $to, remoteSchoolIds: $remotes) { lesson { live } errors { code message } } }
            """, new { id = lessonId, host = HostSchool, from = DateTimeOffset.UtcNow.AddMinutes(-5), to = DateTimeOffset.UtcNow.AddMinutes(40), remotes = Remotes });
        var scheduled = data.GetProperty("scheduleRemoteLesson");
        Assert.True(scheduled.GetProperty("errors").GetArrayLength() == 0, scheduled.ToString());

        // Fit the four schools into view, so that querySourceFeatures sees every arc.
        await map.EvaluateAsync<bool>("""
            (ids) => {
              const schools = [...window.__citytwin.store.places.values()].filter(p => p.kind === 'school' && ids.includes(p.id));
              const w = Math.min(...schools.map(s => s.lon)), e = Math.max(...schools.map(s => s.lon));
              const s = Math.min(...schools.map(s => s.lat)), n = Math.max(...schools.map(s => s.lat));
              window.__citytwin.map.fitBounds([[w, s], [e, n]], { padding: 60, duration: 0 });
              return true;
            }
            """, Remotes.Append(HostSchool).ToArray());
        await map.WaitForAsync(
            $"new Set(h.map.querySourceFeatures('lesson-arcs').filter(f => f.properties.lessonId === '{lessonId}').map(f => f.properties.remoteSchoolId)).size === 3", 15_000);
        await map.WaitIdleAsync();
        var reached = await map.EvaluateAsync<string[]>($"() => [...new Set(window.__citytwin.map.querySourceFeatures('lesson-arcs').filter(f => f.properties.lessonId === '{lessonId}').map(f => f.properties.remoteSchoolId))].sort()");
        Assert.Equal(Remotes.Order(), reached);
        Assert.True(map.ConsoleErrors.Count == 0, string.Join(" | ", map.ConsoleErrors));
        await map.ScreenshotAsync("lesson-arcs-live");
    }
}
