namespace CityTwin.Vision.Traffic;

/// <summary>The vehicles synthetic traffic renders: cars carry one-line plates, motorbikes two-line plates.</summary>
public enum VehicleKind
{
    /// <summary>A car with a one-line plate (<c>51G-123.45</c>).</summary>
    Car,

    /// <summary>A motorbike with a two-line plate (<c>59-X1</c> over <c>123.45</c>).</summary>
    Motorbike,
}
