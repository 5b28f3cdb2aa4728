using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CityTwin.Twin.Persistence;

/// <summary>Writes every <see cref="DateTimeOffset"/> as the same instant in UTC, the only offset timestamptz accepts.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
