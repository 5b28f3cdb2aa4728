using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Importers;

/// <summary>
/// One feature as read from any format, before validation: every reader produces this, so validation and
/// writing never depend on the file format. The geometry is as the file stored it (no SRID decided yet).
/// </summary>
/// <param name="Index">Position in the file, from 0; how a rejected feature is found again.</param>
/// <param name="Id">The format's own feature id (GeoJSON <c>id</c>, GeoPackage primary key), when there is one.</param>
/// <param name="Geometry">The geometry, or null when the feature has none.</param>
/// <param name="Attributes">Attribute values: strings, numbers, booleans or null.</param>
public sealed record ImportFeature(int Index, string? Id, Geometry? Geometry, IReadOnlyDictionary<string, object?> Attributes);
