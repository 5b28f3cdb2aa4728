using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Browser.Tests.Support;
using CityTwin.Testing;
using Microsoft.Playwright;

namespace CityTwin.Browser.Tests.Clinics;

/// <summary>
/// The clinic panel of the map in headless Chromium against the host as the product starts it: the real NIH chest
/// X-ray stored through the SCP, read by the demo model, forwarded to a PACS that is down, and shown only to the
/// clinic's own key.
/// </summary>
public sealed class ClinicStudiesPanelTests
{
    private static string? NihChestXray => SharedData.File("data", "dicom", "nih_chest_xray_nccid",
        "1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888.dcm");

    [SkippableFact]
    public async Task ClinicPanel_StudyStoredAndRead_ShowsFindingsForwardingAndImageToItsOwnKeyOnly()
    {
        Skip.If(!File.Exists(BrowserLaunch.Chromium), $"{BrowserLaunch.Chromium} is absent (Debian package chromium)");
        Skip.If(!OnPath("storescu"), "storescu is absent (Debian package dcmtk)");
        Skip.If(NihChestXray is null, SharedData.Missing);
        await using var host = await ClinicHost.StartAsync();

        await host.StoreScuAsync(NihChestXray!);
        var study = await DeadLetteredStudyAsync(host);
        var uid = study.GetProperty("studyInstanceUid").GetString()!;
        var labels = study.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("label").GetString()!).ToList();
        var rendered = $"dicomweb/studies/{uid}/series/{study.GetProperty("seriesInstanceUid").GetString()}/instances/{study.GetProperty("sopInstanceUid").GetString()}/rendered";

        await using (var map = await host.OpenMapAsync(ClinicHost.ThanhAnKey))
        {
            await OpenClinicAsync(map);
            var row = map.Page.Locator($"#detail li.study[data-study='{uid}']");
            await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
            Assert.Equal("Mô hình demo, không phải chẩn đoán", await row.Locator("[data-testid=not-clinical]").TextContentAsync());
            var shown = await row.Locator("ul.findings li").AllTextContentsAsync();
            Assert.Equal(labels.Count, shown.Count);
            Assert.All(labels.Zip(shown), p => Assert.StartsWith(p.First, p.Second));
            var forwarding = row.Locator("p.forwarding");
            Assert.Equal("DEAD_LETTER", await forwarding.GetAttributeAsync("data-forwarding"));
            Assert.Contains("Gửi thất bại (đã dừng thử)", await forwarding.TextContentAsync());
            Assert.Contains($"({study.GetProperty("forwarding").GetProperty("attempts").GetInt32()} lần thử)", await forwarding.TextContentAsync());
            await map.ScreenshotAsync("clinic-studies-own-key");

            await row.Locator("button[data-rendered]").ClickAsync();
            await map.WaitForAsync("document.querySelector('#clinic-image img.rendered')?.complete && document.querySelector('#clinic-image img.rendered').naturalWidth > 0", 20_000);
            var size = await map.EvaluateAsync<int[]>("() => { const i = document.querySelector('#clinic-image img.rendered'); return [i.naturalWidth, i.naturalHeight]; }");
            Assert.True(size[0] > 100 && size[1] > 100, $"rendered image is {size[0]}×{size[1]}");
            await map.Page.Locator("#clinic-image img.rendered").ScrollIntoViewIfNeededAsync();
            await map.ScreenshotAsync("clinic-studies-rendered-image");
            Assert.True(map.ConsoleErrors.Count == 0, string.Join(" | ", map.ConsoleErrors));
        }

        using (var own = host.CreateHttpClient(ClinicHost.ThanhAnKey))
        using (var response = await own.GetAsync(rendered))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        }

        await using (var map = await host.OpenMapAsync(ClinicHost.OtherClinicKey))
        {
            await OpenClinicAsync(map);
            await map.WaitForAsync("document.querySelector('#detail h3') !== null", 15_000);
            Assert.Equal(0, await map.Page.Locator("#detail li.study").CountAsync());
            Assert.Contains("Chỉ khóa của chính cơ sở y tế này", await map.Page.TextContentAsync("#detail"));
            Assert.DoesNotContain(uid, await map.Page.ContentAsync());
            await map.ScreenshotAsync("clinic-studies-other-key");
        }

        using var other = host.CreateHttpClient(ClinicHost.OtherClinicKey);
        using var refused = await other.GetAsync(rendered);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    /// <summary>Opens Thạnh An's panel through the search box, as a user would.</summary>
    private static async Task OpenClinicAsync(MapPage map)
    {
        await map.Page.FillAsync("#search-input", ClinicHost.ThanhAnName);
        await map.Page.ClickAsync("#search-submit");
        try
        {
            await map.Page.WaitForSelectorAsync("#detail h2", new PageWaitForSelectorOptions { Timeout = 15_000 });
        }
        catch (TimeoutException e)
        {
            await map.ScreenshotAsync("clinic-studies-search-failed");
            var state = await map.EvaluateAsync<string>("() => JSON.stringify({ message: document.querySelector('#search-message')?.textContent, places: [...window.__citytwin.store.places.keys()].filter(k => k.startsWith('clinic')), problems: window.__citytwin.store.problems })");
            throw new TimeoutException($"the search did not open the clinic: {state}", e);
        }
        Assert.Equal(ClinicHost.ThanhAnName, await map.Page.TextContentAsync("#detail h2"));
    }

    /// <summary>Polls the clinic's studies until the X-ray is read and its forwarding to the down PACS is dead-lettered.</summary>
    private static async Task<JsonElement> DeadLetteredStudyAsync(ClinicHost host)
    {
        using var http = host.CreateHttpClient(ClinicHost.ThanhAnKey);
        var query = $$"""
            { clinic(id: "{{ClinicHost.ThanhAnId}}") { studies(first: 5) { nodes { studyInstanceUid seriesInstanceUid sopInstanceUid
              findings { label score } forwarding { state attempts } } } } }
            """;
        var last = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            using var response = await http.PostAsJsonAsync("graphql", new { query });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            last = body.ToString();
            Assert.True(response.IsSuccessStatusCode && !body.TryGetProperty("errors", out _), last);
            var nodes = body.GetProperty("data").GetProperty("clinic").GetProperty("studies").GetProperty("nodes");
            var node = nodes.EnumerateArray().FirstOrDefault();
            if (node.ValueKind == JsonValueKind.Object && node.GetProperty("forwarding").ValueKind == JsonValueKind.Object
                && node.GetProperty("forwarding").GetProperty("state").GetString() == "DEAD_LETTER")
                return node.Clone();
        }
        throw new TimeoutException($"the study was not read and dead-lettered within 90 s; last answer: {last}");
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));
}
