using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace CityTwin.Twin.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CameraEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Polygon>(
                name: "area",
                table: "incidents",
                type: "geometry(Polygon,4326)",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "confidence",
                table: "incidents",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_seen_at",
                table: "incidents",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "observations",
                table: "incidents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "quality",
                table: "incidents",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Located");

            migrationBuilder.AddColumn<string>(
                name: "segment_id",
                table: "incidents",
                type: "character varying(140)",
                maxLength: 140,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sightings",
                table: "incidents",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "snapshot_id",
                table: "incidents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "exclusion_masks",
                table: "cameras",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "pose",
                table: "cameras",
                type: "jsonb",
                nullable: true);

            // Incidents stored before this migration were last seen when they were detected.
            migrationBuilder.Sql("UPDATE incidents SET last_seen_at = detected_at;");

            migrationBuilder.CreateTable(
                name: "camera_events",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    camera_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    observed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confidence = table.Column<double>(type: "double precision", nullable: false),
                    region_x = table.Column<double>(type: "double precision", nullable: true),
                    region_y = table.Column<double>(type: "double precision", nullable: true),
                    region_width = table.Column<double>(type: "double precision", nullable: true),
                    region_height = table.Column<double>(type: "double precision", nullable: true),
                    bearing_deg = table.Column<double>(type: "double precision", nullable: true),
                    snapshot_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_camera_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_kind_status_last_seen_at",
                table: "incidents",
                columns: new[] { "kind", "status", "last_seen_at" });

            migrationBuilder.CreateIndex(
                name: "ix_camera_events_camera_id_observed_at",
                table: "camera_events",
                columns: new[] { "camera_id", "observed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_camera_events_incident_id",
                table: "camera_events",
                column: "incident_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "camera_events");

            migrationBuilder.DropIndex(
                name: "ix_incidents_kind_status_last_seen_at",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "area",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "confidence",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "last_seen_at",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "observations",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "quality",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "segment_id",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "sightings",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "snapshot_id",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "exclusion_masks",
                table: "cameras");

            migrationBuilder.DropColumn(
                name: "pose",
                table: "cameras");
        }
    }
}
