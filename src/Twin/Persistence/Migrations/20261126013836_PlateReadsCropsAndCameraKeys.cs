using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityTwin.Twin.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlateReadsCropsAndCameraKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "camera_keys",
                columns: table => new
                {
                    camera_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    key_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_camera_keys", x => x.camera_id);
                });

            migrationBuilder.CreateTable(
                name: "plate_crops",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    jpeg = table.Column<byte[]>(type: "bytea", nullable: false),
                    camera_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    plate_key = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    stored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plate_crops", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_camera_keys_key_hash",
                table: "camera_keys",
                column: "key_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "camera_keys");

            migrationBuilder.DropTable(
                name: "plate_crops");
        }
    }
}
