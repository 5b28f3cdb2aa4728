using CityTwin.Testing;
using CityTwin.Twin.Tests.Infrastructure;
using CityTwin.Twin.Wards;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Twin.Tests.Importers;

/// <summary>Registers wards by inserting their rows as the ward grain would (version 1), without starting a cluster.</summary>
public static class WardFixtures
{
    /// <summary>The 10 wards of Quận 7 (GSO district 778) with their GSO codes.</summary>
    public static readonly IReadOnlyDictionary<string, string> District7 = new Dictionary<string, string>
    {
        ["27466"] = "Phường Tân Thuận Đông", ["27469"] = "Phường Tân Thuận Tây", ["27472"] = "Phường Tân Kiểng",
        ["27475"] = "Phường Tân Hưng", ["27478"] = "Phường Bình Thuận", ["27481"] = "Phường Tân Quy",
        ["27484"] = "Phường Phú Thuận", ["27487"] = "Phường Tân Phú", ["27490"] = "Phường Tân Phong",
        ["27493"] = "Phường Phú Mỹ",
    };

    /// <summary>Inserts the wards that are not there yet; existing rows are left as they are.</summary>
    public static async Task RegisterAsync(TestDatabase database, IReadOnlyDictionary<string, string> wards, string districtName = "Quận 7", string districtCode = "778")
    {
        await using var db = database.CreateContext();
        var codes = wards.Keys.ToList();
        var existing = await db.Set<WardRow>().Where(w => codes.Contains(w.Code)).Select(w => w.Code).ToListAsync();
        foreach (var (code, name) in wards.Where(w => !existing.Contains(w.Key)))
            db.Add(new WardRow { Code = code, Name = name, DistrictName = districtName, DistrictCode = districtCode, Version = 1, UpdatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }
}
