using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace CityTwin.Twin.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Coverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "population",
                table: "wards",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "camera_plans",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    adopted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    plan = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_camera_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "planned_cameras",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    plan_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ward_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    heading_deg = table.Column<double>(type: "double precision", nullable: false),
                    field_of_view_deg = table.Column<double>(type: "double precision", nullable: false),
                    range_m = table.Column<double>(type: "double precision", nullable: false),
                    gain_m = table.Column<double>(type: "double precision", nullable: false),
                    view_area = table.Column<Polygon>(type: "geometry(Polygon,4326)", nullable: false),
                    adopted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_planned_cameras", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_planned_cameras_plan_id",
                table: "planned_cameras",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_planned_cameras_view_area",
                table: "planned_cameras",
                column: "view_area")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "camera_plans");

            migrationBuilder.DropTable(
                name: "planned_cameras");

            migrationBuilder.DropColumn(
                name: "population",
                table: "wards");
        }
    }
}
