using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Vision.Imaging.Network;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>DICOM over TLS with the real dcmtk <c>storescu +tla</c>: a self-signed certificate made for the test.</summary>
[Collection(ReceivingCollection.Name)]
public sealed class ScpTlsTests(ReceivingFixture fixture) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("citytwin-tls-").FullName;

    [SkippableFact]
    public async Task Store_OverTls_StoredAndPlainPeerRefused()
    {
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        var (certificate, key) = WriteSelfSigned();
        var options = new ScpOptions { Port = 0, Tls = new ScpTlsOptions { Port = 0, CertificatePath = certificate, KeyPath = key, Only = true } };
        await using var scp = await ScpUnderTest.StartAsync(fixture, options, tls: true);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scp.Service.LocalPort);

        // +tla: TLS without a client certificate; +cf: trust exactly the SCP's certificate (verification stays on).
        var (file, uid) = TestPart10.Write();
        var sent = await Dcmtk.RunAsync("storescu", "+tla", "+cf", certificate, "-aet", "STORESCU", "-aec", "CITYTWIN", "127.0.0.1", scp.PortText, file);
        Assert.True(sent.ExitCode == 0, sent.Output);
        await using (var context = fixture.Database.CreateContext())
            Assert.True(await context.Set<ImagingInstanceRow>().AnyAsync(r => r.SopInstanceUid == uid));

        // A plain DICOM peer on the TLS port gets no association.
        var plain = await Dcmtk.RunAsync("echoscu", "-aet", "ECHOSCU", "-aec", "CITYTWIN", "127.0.0.1", scp.PortText);
        Assert.NotEqual(0, plain.ExitCode);
    }

    [SkippableFact]
    public async Task Echo_TlsPeerThatDistrustsTheCertificate_Fails()
    {
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        var (certificate, key) = WriteSelfSigned();
        var (other, _) = WriteSelfSigned("other");
        var options = new ScpOptions { Port = 0, Tls = new ScpTlsOptions { Port = 0, CertificatePath = certificate, KeyPath = key } };
        await using var scp = await ScpUnderTest.StartAsync(fixture, options, tls: true);
        var distrusting = await Dcmtk.RunAsync("echoscu", "+tla", "+cf", other, "-aet", "ECHOSCU", "-aec", "CITYTWIN", "127.0.0.1", scp.PortText);
        Assert.NotEqual(0, distrusting.ExitCode);
        var trusting = await Dcmtk.RunAsync("echoscu", "+tla", "+cf", certificate, "-aet", "ECHOSCU", "-aec", "CITYTWIN", "127.0.0.1", scp.PortText);
        Assert.True(trusting.ExitCode == 0, trusting.Output);
    }

    private (string Certificate, string Key) WriteSelfSigned(string name = "scp")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=citytwin-test-" + name, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(folder, name + ".crt");
        var keyPath = Path.Combine(folder, name + ".key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
