using CityTwin.Testing;
using CityTwin.Vision.Imaging.Dicom;
using CityTwin.Vision.Imaging.Dicom.Writing;
using CityTwin.Vision.Imaging.Network.Scu;

namespace CityTwin.Vision.Tests.Imaging.Network;

/// <summary>Instances for the SCU to send: a stored Part 10 file as it is, a synthetic image, and an AI report.</summary>
public static class ScuFiles
{
    public static ScuInstance FromPart10(string path, out Part10File file)
    {
        var (read, error) = Part10File.Read(File.ReadAllBytes(path), StructuredReportWriter.CopiedAttributes, 64L * 1024 * 1024);
        file = read ?? throw new InvalidOperationException(error);
        return new ScuInstance(file.Header.SopClassUid, file.Header.SopInstanceUid, file.Header.TransferSyntaxUid, file.DataSet);
    }

    /// <summary>A synthetic Secondary Capture instance written as a Part 10 file into <paramref name="folder"/>.</summary>
    public static (string Path, string SopInstanceUid) SyntheticPart10(string folder)
    {
        var uid = DicomTestDataSet.NewUid();
        var path = System.IO.Path.Combine(folder, uid + ".dcm");
        var meta = Part10Writer.Meta(DicomTestDataSet.SecondaryCapture, uid, TransferSyntax.ImplicitVrLittleEndian.Uid, "");
        File.WriteAllBytes(path, [.. meta, .. DicomTestDataSet.Create(uid, 4096)]);
        return (path, uid);
    }

    /// <summary>A structured report of a made-up reading of the image in <paramref name="file"/>.</summary>
    public static (ScuInstance Instance, AiReport Report) Report(Part10File file, bool clinical = false)
    {
        var report = new AiReport(file.Header.StudyInstanceUid, file.Header.SeriesInstanceUid, file.Header.SopInstanceUid, file.Header.SopClassUid,
            [("Pneumothorax", 0.91f), ("Effusion", 0.62f)], ["Pneumothorax"], Abnormal: true, "citytwin-test-model", "citytwin-test-1",
            clinical, DateTimeOffset.UtcNow, file.Attributes);
        return (new ScuInstance(StructuredReportWriter.ComprehensiveSr, StructuredReportWriter.SopInstanceUid(report.StudyInstanceUid, report.ModelVersion),
            TransferSyntax.ExplicitVrLittleEndian.Uid, StructuredReportWriter.Write(report)), report);
    }
}
