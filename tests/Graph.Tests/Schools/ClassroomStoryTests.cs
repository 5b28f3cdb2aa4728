using System.Net;
using System.Text.Json;
using CityTwin.Graph.Tests.Markets;
using CityTwin.Graph.Tests.Transport.Support;
using CityTwin.Graph.Webhooks;

namespace CityTwin.Graph.Tests.Schools;

/// <summary>
/// The digital classroom story through the product's host: An Phú primary school teaches a lesson to Thạnh An primary
/// on Cần Giờ island and two other schools; attendance and questions come from the classroom platform's signed webhook
/// and arrive live over a real WebSocket; afterwards the lesson's summary is queryable.
/// </summary>
[Collection(MarketsCollection.Name)]
public sealed class ClassroomStoryTests(MarketsHost host)
{
    private const string Host = "school-th-an-phu";
    private const string ThanhAn = "school-th-thanh-an";
    private const string ThaoDien = "school-th-thao-dien";
    private const string AnPhuSecondary = "school-thcs-an-phu";

    private async Task<JsonElement> ScheduleAsync(string lessonId, string hostSchool, string[] remotes, string key = MarketsHost.SchoolOfficeKey) =>
        (await host.GraphQLAsync("""
            mutation($id: ID!, $host: ID!, $from: DateTimeOffset!, $to: DateTimeOffset!, $remotes: [ID!]!) {
              scheduleRemoteLesson(lessonId: $id, hostSchoolId: $host, teacher: "Cô Nguyễn Thị Mai", subject: "Tiếng Việt", grade: 4,
                                   startsAt: $from, endsAt: $to, remoteSchoolIds: $remotes) { lesson { id live } errors { code message } } }
            """, new { id = lessonId, host = hostSchool, from = DateTimeOffset.UtcNow.AddMinutes(-10), to = DateTimeOffset.UtcNow.AddMinutes(35), remotes }, key))
        .GetProperty("data").GetProperty("scheduleRemoteLesson");

    [Fact]
    public async Task CitySchoolTeachesThanhAnAndTwoOthers_AttendanceAndQuestionsLive_SummaryQueryable()
    {
        var lessonId = $"lesson-{Guid.NewGuid():N}";
        await using var socket = await RawWebSocketClient.ConnectAndInitAsync(host.WebSocketUrl, MarketsHost.SchoolOfficeKey);
        await socket.SubscribeAsync("l", "subscription($id: ID) { lessonUpdates(lessonId: $id) { lessonId change schoolId pupilsPresent interactionKind text hostSchoolId remoteSchoolIds } }", new { id = lessonId });
        await Task.Delay(300);

        var scheduled = await ScheduleAsync(lessonId, Host, [ThanhAn, ThaoDien, AnPhuSecondary]);
        Assert.Empty(scheduled.GetProperty("errors").EnumerateArray());
        Assert.True(scheduled.GetProperty("lesson").GetProperty("live").GetBoolean());

        var now = DateTimeOffset.UtcNow.AddSeconds(-5);
        var (status, answer) = await host.PostSignedAsync(JsonSerializer.Serialize(new
        {
            lessonId,
            attendance = new[] { (ThanhAn, 28), (ThaoDien, 35), (AnPhuSecondary, 30), (Host, 40) }.Select(a => new { schoolId = a.Item1, pupilsPresent = a.Item2, at = now }),
            interactions = new object[]
            {
                new { interactionId = "q1", schoolId = ThanhAn, kind = "Question", text = "Thưa cô, từ láy là gì ạ?", at = now },
                new { interactionId = "q2", schoolId = ThaoDien, kind = "Question", text = "Cho em thêm ví dụ được không ạ?", at = now },
                new { interactionId = "a1", schoolId = Host, kind = "Answer", text = "Từ láy là từ có các tiếng lặp âm.", at = now },
                new { interactionId = "p1", schoolId = AnPhuSecondary, kind = "Poll", text = "Em hiểu bài chưa?", at = now },
            },
        }), path: ClassroomWebhook.Path);
        Assert.True(status == HttpStatusCode.OK, answer.ToString());

        var updates = new List<JsonElement>();
        while (updates.Count < 9)
        {
            var message = await socket.ReceiveAsync(TimeSpan.FromSeconds(10));
            if (message.GetProperty("type").GetString() == "next") updates.Add(message.GetProperty("payload").GetProperty("data").GetProperty("lessonUpdates"));
        }
        Assert.Equal("scheduled", updates[0].GetProperty("change").GetString());
        Assert.Equal(4, updates.Count(u => u.GetProperty("change").GetString() == "attendance"));
        var questions = updates.Where(u => u.GetProperty("interactionKind").GetString() == "QUESTION").Select(u => u.GetProperty("schoolId").GetString()).Order().ToList();
        Assert.Equal([ThanhAn, ThaoDien], questions);
        Assert.Contains(updates, u => u.GetProperty("schoolId").GetString() == ThanhAn && u.GetProperty("pupilsPresent").ValueKind == JsonValueKind.Number);

        var summary = (await host.GraphQLAsync("""
            query($id: ID!) { lesson(id: $id) { hostSchoolId remoteSchoolIds questions summary { schoolsAttending pupilsPresent questions answers polls schoolsThatAsked } } }
            """, new { id = lessonId }, MarketsHost.SchoolOfficeKey)).GetProperty("data").GetProperty("lesson");
        Assert.Equal(Host, summary.GetProperty("hostSchoolId").GetString());
        var s = summary.GetProperty("summary");
        Assert.Equal((4, 133, 2, 1, 1), (s.GetProperty("schoolsAttending").GetInt32(), s.GetProperty("pupilsPresent").GetInt32(),
            s.GetProperty("questions").GetInt32(), s.GetProperty("answers").GetInt32(), s.GetProperty("polls").GetInt32()));
        Assert.Equal([ThanhAn, ThaoDien], s.GetProperty("schoolsThatAsked").EnumerateArray().Select(e => e.GetString()).ToList());
    }

    [Fact]
    public async Task ScheduleRemoteLesson_SchoolLinkedToItself_SelfLinkAndNothingStored()
    {
        var lessonId = $"lesson-{Guid.NewGuid():N}";
        var payload = await ScheduleAsync(lessonId, ThanhAn, [ThanhAn, ThaoDien]);

        Assert.Equal("SELF_LINK", payload.GetProperty("errors")[0].GetProperty("code").GetString());
        var lesson = await host.GraphQLAsync("query($id: ID!) { lesson(id: $id) { id } }", new { id = lessonId }, MarketsHost.SchoolOfficeKey);
        Assert.Equal(JsonValueKind.Null, lesson.GetProperty("data").GetProperty("lesson").ValueKind);
    }

    [Fact]
    public async Task ClassroomWebhook_QuestionFromTheFuture_FutureTimeAndNothingStored()
    {
        var lessonId = $"lesson-{Guid.NewGuid():N}";
        Assert.Empty((await ScheduleAsync(lessonId, Host, [ThanhAn])).GetProperty("errors").EnumerateArray());

        var (status, answer) = await host.PostSignedAsync(JsonSerializer.Serialize(new
        {
            lessonId,
            interactions = new object[]
            {
                new { interactionId = "ok", schoolId = ThanhAn, kind = "Question", at = DateTimeOffset.UtcNow.AddMinutes(-1) },
                new { interactionId = "later", schoolId = ThanhAn, kind = "Question", at = DateTimeOffset.UtcNow.AddHours(1) },
            },
        }), path: ClassroomWebhook.Path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("FUTURE_TIME", answer.GetProperty("errors")[0].GetProperty("code").GetString());
        var lesson = await host.GraphQLAsync("query($id: ID!) { lesson(id: $id) { questions } }", new { id = lessonId }, MarketsHost.SchoolOfficeKey);
        Assert.Equal(0, lesson.GetProperty("data").GetProperty("lesson").GetProperty("questions").GetInt32());
    }

    [Fact]
    public async Task ScheduleRemoteLesson_PartnerKey_Forbidden()
    {
        var body = await host.GraphQLAsync("""
            mutation { scheduleRemoteLesson(lessonId: "x", hostSchoolId: "school-th-an-phu", teacher: "t", subject: "s", grade: 4,
                       startsAt: "2026-01-01T00:00:00Z", endsAt: "2026-01-01T01:00:00Z", remoteSchoolIds: ["school-th-thanh-an"]) { errors { code } } }
            """, key: MarketsHost.PartnerKey);

        Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task TeacherShortage_UnfilledPostsReported_WardShowsThemAgainstRemoteLessons()
    {
        var set = await host.GraphQLAsync("""mutation { setUnfilledTeacherPosts(schoolId: "school-th-thanh-an", posts: 6) { errors { code } } }""", key: MarketsHost.SchoolOfficeKey);
        Assert.Empty(set.GetProperty("data").GetProperty("setUnfilledTeacherPosts").GetProperty("errors").EnumerateArray());
        Assert.Empty((await ScheduleAsync($"lesson-{Guid.NewGuid():N}", Host, [ThanhAn])).GetProperty("errors").EnumerateArray());

        var wards = (await host.GraphQLAsync("{ teacherShortage { wardCode unfilledTeacherPosts remoteLessonsLastWeek } }", key: MarketsHost.SchoolOfficeKey))
            .GetProperty("data").GetProperty("teacherShortage").EnumerateArray().ToList();
        var thanhAn = wards.Single(w => w.GetProperty("wardCode").GetString() == "27676");
        Assert.Equal(6, thanhAn.GetProperty("unfilledTeacherPosts").GetInt32());
        Assert.True(thanhAn.GetProperty("remoteLessonsLastWeek").GetInt32() >= 1);
    }
}
