using CityTwin.Testing;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Vision.Imaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>The reader's verdict lands on the stored instance's row.</summary>
[Collection(ReceivingCollection.Name)]
public sealed class InstanceOutcomesTests(ReceivingFixture fixture)
{
    [Fact]
    public async Task SetOutcome_StoredInstance_RowShowsVerdictAndReason()
    {
        var uid = DicomTestDataSet.NewUid();
        await using (var scu = await RawScu.ConnectAsync(fixture.Port))
            Assert.Equal(0, await scu.StoreAsync(uid, DicomTestDataSet.Create(uid, 500)));
        var outcomes = fixture.Services.GetRequiredService<IInstanceOutcomes>();

        await outcomes.SetOutcomeAsync(ReceivingFixture.ClinicId, uid, InstanceOutcome.Rejected, "decoder worker crashed on this file");

        await using var context = fixture.Database.CreateContext();
        var row = await context.Set<ImagingInstanceRow>().AsNoTracking().SingleAsync(r => r.SopInstanceUid == uid);
        Assert.Equal("Rejected", row.Outcome);
        Assert.Equal("decoder worker crashed on this file", row.RejectReason);
    }

    [Fact]
    public async Task SetOutcome_UnknownInstance_Throws()
    {
        var outcomes = fixture.Services.GetRequiredService<IInstanceOutcomes>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => outcomes.SetOutcomeAsync(ReceivingFixture.ClinicId, DicomTestDataSet.NewUid(), InstanceOutcome.Read, null));
    }
}
