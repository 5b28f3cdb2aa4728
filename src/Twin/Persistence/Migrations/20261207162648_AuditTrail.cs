using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityTwin.Twin.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "detail",
                table: "plate_lookups",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            // Triggers and functions are raw SQL, kept in one class beside the audit code.
            migrationBuilder.Sql(CityTwin.Twin.Audit.AuditTrailSql.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CityTwin.Twin.Audit.AuditTrailSql.Drop);
            migrationBuilder.DropColumn(
                name: "detail",
                table: "plate_lookups");
        }
    }
}
