using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CityTwin.Testing;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Vision.Imaging.Network;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>C-STORE from the real dcmtk <c>storescu</c>: what is stored, where, and what is refused.</summary>
[Collection(ReceivingCollection.Name)]
public sealed class StoreScuTests(ReceivingFixture fixture, ITestOutputHelper output)
{
    private string Port => fixture.Port.ToString(CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Store_ChestXRay_FileRowPseudonymAndStudyCountAreCommitted()
    {
        if (!Dcmtk.Installed) throw new SkipException(Dcmtk.Missing);
        if (ChestXRay.File is not { } file) throw new SkipException(SharedData.Missing);

        // -xi: in its own syntax (implicit VR LE), so a second send is the same bytes whichever test sent it first.
        var result = await Dcmtk.RunAsync("storescu", "-aet", "STORESCU", "-aec", "CITYTWIN", "-xi", "127.0.0.1", Port, file);
        Assert.True(result.ExitCode == 0, result.Output);

        await using var context = fixture.Database.CreateContext();
        var row = await context.Set<ImagingInstanceRow>().SingleAsync(r => r.SopInstanceUid == ChestXRay.SopInstanceUid);
        Assert.Equal(ReceivingFixture.ClinicId, row.ClinicId);
        Assert.Equal(SopClasses.SecondaryCapture, row.SopClassUid); // the NIH export is Secondary Capture with Modality DX
        Assert.Equal("c-store", row.Source);
        Assert.Equal("Stored", row.Outcome);
        var expectedPseudonym = Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(ReceivingFixture.PseudonymKey), Encoding.UTF8.GetBytes($"{ReceivingFixture.ClinicId}\nCovid0000")));
        Assert.Equal(expectedPseudonym, row.PseudonymisedPatientId);

        var stored = Path.Combine(fixture.StorageRoot, row.Sha256[..2], row.Sha256[2..4], row.Sha256 + ".dcm");
        var bytes = await File.ReadAllBytesAsync(stored);
        Assert.Equal(row.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(row.SizeBytes, bytes.LongLength);
        // dcmtk reads our Part 10 wrapping back, with the instance's own identity in the File Meta.
        var dump = await Dcmtk.DumpAsync(stored, "0002,0002", "0002,0003", "0002,0010", "0002,0016", "0010,0020");
        Assert.NotNull(dump);
        Assert.Equal(SopClasses.SecondaryCapture, dump["0002,0002"]);
        Assert.Equal(ChestXRay.SopInstanceUid, dump["0002,0003"]);
        Assert.Equal("1.2.840.10008.1.2", dump["0002,0010"]);
        Assert.Equal("STORESCU", dump["0002,0016"]);

        var handed = await fixture.Reader.WaitForAsync(ChestXRay.SopInstanceUid);
        Assert.Single(fixture.Reader.Received, r => r.SopInstanceUid == ChestXRay.SopInstanceUid);
        Assert.Equal(stored, handed.FilePath);
        var clinic = await fixture.Cluster.Grains.GetGrain<IClinicGrain>(ReceivingFixture.ClinicId).GetAsync();
        Assert.Contains(row.StudyInstanceUid, clinic!.AppliedStudyUids);

        // Sending the same instance again changes nothing and is still acknowledged.
        var again = await Dcmtk.RunAsync("storescu", "-aet", "STORESCU", "-aec", "CITYTWIN", "-xi", "127.0.0.1", Port, file);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(1, await context.Set<ImagingInstanceRow>().CountAsync(r => r.SopInstanceUid == ChestXRay.SopInstanceUid));
    }

    /// <summary>What storescu -v reported for each file it tried: a store response, or no presentation context.</summary>
    private static void ReadResponses(string log, Dictionary<string, string> responses)
    {
        string? current = null;
        foreach (var line in log.Split('\n'))
        {
            if (line.StartsWith("I: Sending file: ", StringComparison.Ordinal)) current = line["I: Sending file: ".Length..].Trim();
            else if (current is null) continue;
            else if (line.Contains("No presentation context for", StringComparison.Ordinal)) responses[current] = "no presentation context";
            else if (line.StartsWith("I: Received Store Response (", StringComparison.Ordinal))
                responses[current] = line["I: Received Store Response (".Length..].TrimEnd().TrimEnd(')');
        }
    }

    /// <summary>storescu's option that proposes each transfer syntax (with the uncompressed ones as fallbacks).</summary>
    private static readonly Dictionary<string, string> ProposeOption = new()
    {
        ["1.2.840.10008.1.2"] = "-xi",
        ["1.2.840.10008.1.2.1"] = "-xe",
        ["1.2.840.10008.1.2.2"] = "-xb",
        ["1.2.840.10008.1.2.1.99"] = "-xd",
        ["1.2.840.10008.1.2.5"] = "-xr",
        ["1.2.840.10008.1.2.4.50"] = "-xy",
        ["1.2.840.10008.1.2.4.51"] = "-xx",
        ["1.2.840.10008.1.2.4.70"] = "-xs",
        ["1.2.840.10008.1.2.4.80"] = "-xt",
        ["1.2.840.10008.1.2.4.81"] = "-xu",
        ["1.2.840.10008.1.2.4.90"] = "-xv",
        ["1.2.840.10008.1.2.4.91"] = "-xw",
    };

    [SkippableFact]
    public async Task Store_EveryFileInSharedData_StoredOrRefusedAndScpStillServes()
    {
        if (!Dcmtk.Installed) throw new SkipException(Dcmtk.Missing);
        if (ChestXRay.DicomFolder is not { } folder) throw new SkipException(SharedData.Missing);

        // dcmtk's own reading of each file decides what is expected of it.
        var files = new List<(string Name, string Path, string Syntax, string SopClass, string Instance, bool HasStudy)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order())
        {
            var dump = await Dcmtk.DumpAsync(file, "0002,0010", "0008,0016", "0008,0018", "0020,000d", "0020,000e");
            var name = Path.GetRelativePath(folder, file);
            if (dump is null || !dump.TryGetValue("0008,0018", out var instance) || !dump.TryGetValue("0008,0016", out var sopClass))
            {
                output.WriteLine($"not DICOM to dcmtk, not sent: {name}");
                continue;
            }
            var hasStudy = dump.GetValueOrDefault("0020,000d") is { Length: > 0 } && dump.GetValueOrDefault("0020,000e") is { Length: > 0 };
            files.Add((name, file, dump.GetValueOrDefault("0002,0010") ?? "", sopClass, instance, hasStudy));
        }

        // One association per transfer syntax, proposing that syntax (storescu's -x option for it) so each file travels in
        // its own encoding; -R proposes only the files' SOP classes; -nh goes on after a refusal.
        var responses = new Dictionary<string, string>();
        foreach (var group in files.GroupBy(f => f.Syntax))
        {
            var propose = ProposeOption.GetValueOrDefault(group.Key, "-x=");
            var sent = await Dcmtk.RunAsync("storescu", ["-aet", "STORESCU", "-aec", "CITYTWIN", propose, "-R", "-nh", "-v", "127.0.0.1", Port, .. group.Select(f => f.Path)]);
            ReadResponses(sent.Output, responses);
            if (sent.Output.Contains("No Acceptable Presentation Contexts", StringComparison.Ordinal))
                foreach (var file in group) responses.TryAdd(file.Path, "no presentation context");
        }

        await using var context = fixture.Database.CreateContext();
        var rows = await context.Set<ImagingInstanceRow>().AsNoTracking().ToDictionaryAsync(r => r.SopInstanceUid);
        var failures = new List<string>();
        var storedCount = 0;
        foreach (var (name, path, syntax, sopClass, instance, hasStudy) in files)
        {
            var row = rows.GetValueOrDefault(instance);
            var response = responses.GetValueOrDefault(path, "not sent");
            output.WriteLine($"{name}: {sopClass} {syntax} -> {response}; {(row is null ? "no row" : "row " + row.TransferSyntaxUid)}");
            // Some test files share a SOP instance UID (one image in several syntaxes): the first one sent keeps it.
            var uniqueUid = files.Count(f => f.Instance == instance) == 1;
            if (!SopClasses.Storage.Contains(sopClass))
            {
                if (row is not null) failures.Add($"{name} ({sopClass}) is not an accepted SOP class but was stored");
                if (response != "no presentation context") failures.Add($"{name} ({sopClass}) should find no presentation context: {response}");
            }
            else if (!hasStudy)
            {
                // No study or series UID: nothing to file it under, so the SCP cannot understand it.
                if (row is not null) failures.Add($"{name} has no study/series UID but was stored");
                if (response != "Error: CannotUnderstand") failures.Add($"{name} without study UID: {response}");
            }
            else
            {
                if (row is null) failures.Add($"{name} ({sopClass}, {syntax}) should be stored: {response}");
                if (uniqueUid && response != "Success") failures.Add($"{name}: {response}");
                if (row is not null && uniqueUid && syntax.Length > 0 && row.TransferSyntaxUid != syntax)
                    failures.Add($"{name} was sent as {syntax} but stored as {row.TransferSyntaxUid}");
                if (row is not null) storedCount++;
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(storedCount > 10, $"only {storedCount} files stored");

        // Every stored file is a Part 10 file dcmtk reads, whatever the syntax it came in.
        foreach (var row in rows.Values)
        {
            var stored = Path.Combine(fixture.StorageRoot, row.Sha256[..2], row.Sha256[2..4], row.Sha256 + ".dcm");
            var dump = await Dcmtk.DumpAsync(stored, "0002,0010", "0008,0018");
            Assert.True(dump is not null && dump["0008,0018"] == row.SopInstanceUid && dump["0002,0010"] == row.TransferSyntaxUid,
                $"stored file of {row.SopInstanceUid} does not read back");
        }

        var echo = await Dcmtk.RunAsync("echoscu", "-aet", "ECHOSCU", "-aec", "CITYTWIN", "127.0.0.1", Port);
        Assert.True(echo.ExitCode == 0, echo.Output);
    }
}
