using System.Diagnostics;
using CityTwin.Testing;
using Xunit.Abstractions;

namespace CityTwin.Vision.Tests.Imaging.Reading;

/// <summary>The GDCM worker pool on every shared DICOM file and on workers that crash, hang or answer garbage.</summary>
public sealed class DecoderPoolTests(ITestOutputHelper output) : IDisposable
{
    private readonly ImagingFiles files = new();

    // Files on which GDCM 3.0 (Debian) hits a native assert and aborts the process.
    private static readonly string[] GdcmAborts =
    [
        "pydicom_test_files/dicomdirtests/DICOMDIR-nooffset",
        "pydicom_test_files/rtdose_1frame.dcm",
        "pydicom_test_files/rtdose_expb_1frame.dcm",
        "pydicom_test_files/rtdose_rle_1frame.dcm",
    ];

    [SkippableFact]
    public async Task DecoderPool_EverySharedFile_DecodedOrRejectedWithReasonAndStillServing()
    {
        var inventory = SharedData.File("data", "dicom", "INVENTORY.tsv");
        if (inventory is null)
            throw new SkipException(SharedData.Missing);
        var rows = File.ReadAllLines(inventory).Skip(1).Select(l => l.Split('\t')).ToList();
        // Every file is checked for what it decodes to, not for speed: on a busy 2-core machine a large file could pass
        // the product's 10 s limit and be counted as one more worker replaced, so this pool waits a minute per file
        // (the limit itself is tested with a hanging worker below).
        await using var pool = ImagingFiles.Pool(workers: 2, timeout: TimeSpan.FromSeconds(60));

        var outcomes = await Task.WhenAll(rows.Select(async row =>
            (Row: row, Outcome: await pool.DecodeAsync(Path.Combine(SharedData.Root!, "data", "dicom", row[0])))));

        foreach (var (row, outcome) in outcomes)
        {
            output.WriteLine($"{row[0]}: {(outcome.Decoded ? $"{outcome.Frame!.Columns}x{outcome.Frame.Rows} {outcome.Frame.PhotometricInterpretation}" : outcome.RejectReason)}");
            if (GdcmAborts.Contains(row[0]))
            {
                Assert.StartsWith("decoder crashed (exit code 134) on ", outcome.RejectReason);
                continue;
            }
            if (outcome.Decoded)
            {
                // The inventory (pydicom) and GDCM agree on the size of everything decoded.
                Assert.Equal(row[5], outcome.Frame!.Rows.ToString());
                Assert.Equal(row[6], outcome.Frame.Columns.ToString());
                Assert.Equal(outcome.Frame.Rows * outcome.Frame.Columns, outcome.Frame.Pixels.Length);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(outcome.RejectReason));
            }
        }
        var byPath = outcomes.ToDictionary(o => o.Row[0], o => o.Outcome);
        Assert.Equal(GdcmAborts.Length, pool.WorkersReplaced);
        Assert.True(byPath[ImagingFiles.NihChestXray].Decoded);
        Assert.StartsWith("unsupported photometric interpretation PALETTE COLOR", byPath["pydicom_test_files/examples_palette.dcm"].RejectReason);
        Assert.StartsWith("unsupported Bits Allocated 1", byPath["pydicom_test_files/liver_1frame.dcm"].RejectReason);
        Assert.StartsWith("GDCM cannot read an image", byPath["pydicom_test_files/rtplan.dcm"].RejectReason);
        // Big endian and every compressed syntax give the same pixels as the plain file.
        var plain = byPath["pydicom_test_files/MR_small.dcm"].Frame!.Pixels;
        foreach (var variant in new[] { "MR_small_bigendian.dcm", "MR_small_RLE.dcm", "MR_small_jp2klossless.dcm", "MR_small_jpeg_ls_lossless.dcm" })
            Assert.Equal(plain, byPath["pydicom_test_files/" + variant].Frame!.Pixels);

        var after = await pool.DecodeAsync(Path.Combine(SharedData.Root!, "data", "dicom", "pydicom_test_files", "CT_small.dcm"));
        Assert.True(after.Decoded, after.RejectReason);
    }

    [SkippableFact]
    public async Task DecoderPool_WorkerAborts_ThatFileRejectedNextFileDecoded()
    {
        var good = files.Shared("pydicom_test_files/MR_small.dcm");
        if (good is null)
            throw new SkipException(SharedData.Missing);
        await using var pool = ImagingFiles.Pool(workers: 1, faults: true);

        var crashed = await pool.DecodeAsync(files.Fault("crash"));
        var next = await pool.DecodeAsync(good);

        Assert.StartsWith("decoder crashed (exit code 134) on crash-", crashed.RejectReason);
        Assert.True(next.Decoded, next.RejectReason);
        Assert.Equal(1, pool.WorkersReplaced);
    }

    [SkippableFact]
    public async Task DecoderPool_WorkerKilledMidRequest_ThatFileRejectedNextFileDecoded()
    {
        var good = files.Shared("pydicom_test_files/CT_small.dcm");
        if (good is null)
            throw new SkipException(SharedData.Missing);
        await using var pool = ImagingFiles.Pool(workers: 1, timeout: TimeSpan.FromSeconds(60), faults: true);

        var hanging = pool.DecodeAsync(files.Fault("hang"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (pool.ActiveWorkers.IsEmpty() && DateTime.UtcNow < deadline) await Task.Delay(20);
        var pid = Assert.Single(pool.ActiveWorkers).Key;
        Process.GetProcessById(pid).Kill();
        var killed = await hanging;
        var next = await pool.DecodeAsync(good);

        Assert.StartsWith("decoder crashed (exit code 137) on hang-", killed.RejectReason);
        Assert.True(next.Decoded, next.RejectReason);
    }

    [SkippableFact]
    public async Task DecoderPool_WorkerHangs_RejectedAfterTimeoutAndReplaced()
    {
        var good = files.Shared("pydicom_test_files/CT_small.dcm");
        if (good is null)
            throw new SkipException(SharedData.Missing);
        await using var pool = ImagingFiles.Pool(workers: 1, timeout: TimeSpan.FromSeconds(1), faults: true);

        var hung = await pool.DecodeAsync(files.Fault("hang"));
        var next = await pool.DecodeAsync(good);

        Assert.StartsWith("decoder timed out after 1 s on hang-", hung.RejectReason);
        Assert.True(next.Decoded, next.RejectReason);
    }

    [SkippableFact]
    public async Task DecoderPool_FaultsOnOneWorker_RequestsOnTheOtherCarryOn()
    {
        var good = files.Shared("pydicom_test_files/JPEG2000.dcm");
        if (good is null)
            throw new SkipException(SharedData.Missing);
        await using var pool = ImagingFiles.Pool(workers: 2, timeout: TimeSpan.FromSeconds(2), faults: true);

        string[] requests = [files.Fault("crash"), good, files.Fault("garbage"), good, files.Fault("hang"), good, good];
        var outcomes = await Task.WhenAll(requests.Select(r => pool.DecodeAsync(r)));

        Assert.StartsWith("decoder crashed (exit code 134)", outcomes[0].RejectReason);
        Assert.StartsWith("decoder returned garbage on garbage-", outcomes[2].RejectReason);
        Assert.StartsWith("decoder timed out after 2 s", outcomes[4].RejectReason);
        Assert.All(new[] { 1, 3, 5, 6 }, i => Assert.True(outcomes[i].Decoded, outcomes[i].RejectReason));
        Assert.Equal(3, pool.WorkersReplaced);
    }

    public void Dispose() => files.Dispose();
}

internal static class ReadOnlyDictionaryExtensions
{
    public static bool IsEmpty<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue> dictionary) => dictionary.Count == 0;
}
