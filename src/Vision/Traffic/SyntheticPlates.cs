using CityTwin.Twin.Plates;

namespace CityTwin.Vision.Traffic;

/// <summary>
/// Random valid Vietnamese plates from a seeded <see cref="Random"/>: mostly Ho Chi Minh City codes (41, 50–59) with
/// some other provinces, ordinary series letters, five-digit numbers with the occasional older four-digit one.
/// Every plate comes out of <see cref="PlateNumber.Parse(string, PlateLayout)"/>, so it follows the grammar.
/// </summary>
public static class SyntheticPlates
{
    private const string Letters = "ABCDEFGHKLMNPSTUVXYZ";
    private static readonly string[] OtherProvinces = ["29", "30", "43", "47", "60", "61", "63", "70", "72", "74", "79", "86", "93"];

    /// <summary>A plate for <paramref name="kind"/>.</summary>
    public static PlateNumber Next(Random random, VehicleKind kind)
    {
        var province = random.NextDouble() < 0.75 ? (random.Next(10) == 0 ? "41" : $"5{random.Next(10)}") : OtherProvinces[random.Next(OtherProvinces.Length)];
        var letter = Letters[random.Next(Letters.Length)];
        var digits = random.NextDouble() < 0.85 ? 5 : 4;
        var number = random.Next((int)Math.Pow(10, digits - 1), (int)Math.Pow(10, digits)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return kind == VehicleKind.Car
            ? PlateNumber.Parse($"{province}{letter}-{number}", PlateLayout.OneLine)
            : PlateNumber.Parse($"{province}-{letter}{random.Next(1, 10)} {number}", PlateLayout.TwoLine);
    }
}
