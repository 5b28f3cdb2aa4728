using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CityTwin.Twin.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running host.</summary>
public sealed class DesignTimeTwinDbContextFactory : IDesignTimeDbContextFactory<TwinDbContext>
{
    /// <inheritdoc />
    public TwinDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable(TwinDbOptions.ConnectionStringVariable)
            ?? "Host=127.0.0.1;Database=citytwin_design";
        var options = new DbContextOptionsBuilder<TwinDbContext>();
        options.UseTwinDatabase(TwinDbOptions.CreateDataSource(connectionString));
        return new TwinDbContext(options.Options);
    }
}
