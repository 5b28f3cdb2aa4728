using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using CityTwin.Testing;
using CityTwin.Vision.Imaging.Dicom;
using CityTwin.Vision.Tests.Imaging.Receiving;

namespace CityTwin.Vision.Tests.Imaging.Dicom;

/// <summary>The header reader on real files and on hostile ones: every failure is a result with a reason, never an exception.</summary>
public sealed class DicomReaderTests
{
    private const long Limit = 64L * 1024 * 1024;

    [SkippableFact]
    public void ReadPart10_ChestXRay_ReadsItsIdentity()
    {
        if (ChestXRay.File is not { } file) throw new SkipException(SharedData.Missing);
        var result = DicomReader.ReadPart10(File.ReadAllBytes(file), Limit);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(ChestXRay.SopInstanceUid, result.Header!.SopInstanceUid);
        Assert.Equal(TransferSyntax.ImplicitVrLittleEndian.Uid, result.Header.TransferSyntaxUid);
        Assert.Equal("Covid0000", result.Header.PatientId);
        Assert.Equal("DX", result.Header.Modality);
        Assert.True(result.Header.HasPixelData);
    }

    [SkippableTheory]
    [InlineData("ExplVR_BigEnd.dcm", "1.2.840.10008.1.2.2")]
    [InlineData("image_dfl.dcm", "1.2.840.10008.1.2.1.99")]
    [InlineData("MR_small_RLE.dcm", "1.2.840.10008.1.2.5")]
    [InlineData("JPEG2000-embedded-sequence-delimiter.dcm", "1.2.840.10008.1.2.4.91")]
    public void ReadPart10_SharedFileInOtherSyntax_ReadsItsIdentity(string name, string syntax)
    {
        if (SharedData.File("data", "dicom", "pydicom_test_files", name) is not { } file) throw new SkipException(SharedData.Missing);
        var result = DicomReader.ReadPart10(File.ReadAllBytes(file), Limit);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(syntax, result.Header!.TransferSyntaxUid);
        Assert.StartsWith("1.", result.Header.StudyInstanceUid);
    }

    [SkippableFact]
    public void ReadPart10_TruncatedAnywhere_FailsWithReason()
    {
        if (ChestXRay.File is not { } file) throw new SkipException(SharedData.Missing);
        var bytes = File.ReadAllBytes(file);
        var cuts = Enumerable.Range(0, 400).Select(i => i * 7).Concat([bytes.Length / 2, bytes.Length - 1]);
        foreach (var cut in cuts)
        {
            // A cut between two elements leaves a well-formed but shorter data set: it reads, and lacks its pixel data.
            var result = DicomReader.ReadPart10(bytes[..cut], Limit);
            Assert.False(result.Succeeded && result.Header!.HasPixelData, $"a file cut at {cut} bytes was taken for a whole image");
            if (!result.Succeeded) Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }
    }

    [Fact]
    public void ReadDataset_LengthNearFourGigabytes_FailsWithoutAllocating()
    {
        var data = new MemoryStream();
        Element(data, 0x0008, 0x0016, Encoding.ASCII.GetBytes("1.2.840.10008.5.1.4.1.1.7\0"));
        var header = new byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0x0008);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), 0x0018);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 0xFFFF_FFF0);
        data.Write(header);
        var result = DicomReader.ReadDataset(data.ToArray(), (int)data.Length, TransferSyntax.ImplicitVrLittleEndian, Limit);
        Assert.False(result.Succeeded);
        Assert.Contains("(0008,0018)", result.Error);
    }

    [Fact]
    public void ReadDataset_SequencesNestedTooDeep_FailsWithReason()
    {
        var data = new MemoryStream();
        for (var i = 0; i < 200; i++)
        {
            Raw(data, 0x0040, 0xA730, 0xFFFF_FFFF); // a sequence of undefined length...
            Raw(data, 0xFFFE, 0xE000, 0xFFFF_FFFF); // ...holding an item of undefined length
        }
        var result = DicomReader.ReadDataset(data.ToArray(), (int)data.Length, TransferSyntax.ImplicitVrLittleEndian, Limit);
        Assert.False(result.Succeeded);
        Assert.Contains("nested", result.Error);
    }

    [Fact]
    public void ReadDataset_UndefinedLengthSequence_IsSkippedToItsDelimiter()
    {
        var uid = DicomTestDataSet.NewUid();
        var data = new MemoryStream();
        Raw(data, 0x0008, 0x1140, 0xFFFF_FFFF);
        Raw(data, 0xFFFE, 0xE000, 0xFFFF_FFFF);
        Element(data, 0x0008, 0x1155, Encoding.ASCII.GetBytes("1.2.3.4\0"));
        Raw(data, 0xFFFE, 0xE00D, 0);
        Raw(data, 0xFFFE, 0xE0DD, 0);
        data.Write(DicomTestDataSet.Create(uid, pixelBytes: 10));
        var result = DicomReader.ReadDataset(data.ToArray(), (int)data.Length, TransferSyntax.ImplicitVrLittleEndian, Limit);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(uid, result.Header!.SopInstanceUid);
    }

    [Fact]
    public void ReadPart10_DeflateBomb_StopsAtTheLimit()
    {
        var uid = DicomTestDataSet.NewUid();
        var inflated = new MemoryStream();
        inflated.Write(new byte[4 * 1024 * 1024]); // zeros inflate from almost nothing
        var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true)) inflated.WriteTo(deflate);
        var file = Part10Writer.Meta(DicomTestDataSet.SecondaryCapture, uid, TransferSyntax.DeflatedExplicitVrLittleEndian.Uid, "TEST");
        var result = DicomReader.ReadPart10([.. file, .. deflated.ToArray()], maxInflatedBytes: 1024 * 1024);
        Assert.False(result.Succeeded);
        Assert.Contains("limit", result.Error);
    }

    [Fact]
    public void ReadPart10_MetaNamesAnotherInstance_FailsWithReason()
    {
        var uid = DicomTestDataSet.NewUid();
        var file = Part10Writer.Meta(DicomTestDataSet.SecondaryCapture, DicomTestDataSet.NewUid(), TransferSyntax.ImplicitVrLittleEndian.Uid, "TEST");
        var result = DicomReader.ReadPart10([.. file, .. DicomTestDataSet.Create(uid, 10)], Limit);
        Assert.False(result.Succeeded);
        Assert.Contains("File Meta names SOP instance", result.Error);
    }

    [Fact]
    public void ReadPart10_WrittenMetaAndDataSet_ReadBack()
    {
        var uid = DicomTestDataSet.NewUid();
        var file = Part10Writer.Meta(DicomTestDataSet.SecondaryCapture, uid, TransferSyntax.ImplicitVrLittleEndian.Uid, "STORESCU");
        var result = DicomReader.ReadPart10([.. file, .. DicomTestDataSet.Create(uid, 10, patientId: "P-42")], Limit);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(uid, result.Header!.SopInstanceUid);
        Assert.Equal("P-42", result.Header.PatientId);
    }

    [Fact]
    public void ReadPart10_RandomBytesAfterPrefix_NeverThrow()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 3000; i++)
        {
            var body = new byte[random.Next(0, 400)];
            random.NextBytes(body);
            // Half the cases start with a plausible meta element so the walker gets past the prefix.
            byte[] prefix = i % 2 == 0 ? [.. new byte[128], .. "DICM"u8] : [.. new byte[128], .. "DICM"u8, 0x02, 0x00, 0x10, 0x00, (byte)'U', (byte)'I'];
            var result = DicomReader.ReadPart10([.. prefix, .. body], Limit);
            Assert.False(result.Succeeded && result.Header is null);
        }
    }

    [Fact]
    public void ReadPart10_NoPrefix_FailsWithReason()
    {
        var result = DicomReader.ReadPart10(Encoding.ASCII.GetBytes("not a dicom file at all"), Limit);
        Assert.False(result.Succeeded);
        Assert.Contains("DICM", result.Error);
    }

    private static void Element(Stream output, ushort group, ushort element, byte[] value)
    {
        Raw(output, group, element, (uint)value.Length);
        output.Write(value);
    }

    private static void Raw(Stream output, ushort group, ushort element, uint length)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(header, group);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), element);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), length);
        output.Write(header);
    }
}
