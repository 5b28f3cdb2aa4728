using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityTwin.Twin.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlateLookupAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plate_lookups",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    key_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    plate_key = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    operation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plate_lookups", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plate_lookups_key_id_at",
                table: "plate_lookups",
                columns: new[] { "key_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_plate_lookups_plate_key_at",
                table: "plate_lookups",
                columns: new[] { "plate_key", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plate_lookups");
        }
    }
}
