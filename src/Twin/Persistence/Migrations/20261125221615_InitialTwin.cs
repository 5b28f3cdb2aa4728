using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityTwin.Twin.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialTwin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "admin_areas",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    geometry = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admin_areas", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "cameras",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ward_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    mount_height_m = table.Column<double>(type: "double precision", nullable: false),
                    heading_deg = table.Column<double>(type: "double precision", nullable: false),
                    field_of_view_deg = table.Column<double>(type: "double precision", nullable: false),
                    range_m = table.Column<double>(type: "double precision", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    road = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    online = table.Column<bool>(type: "boolean", nullable: false),
                    status_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_frame_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    view_area = table.Column<Polygon>(type: "geometry(Polygon,4326)", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cameras", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clinics",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ae_titles = table.Column<List<string>>(type: "text[]", nullable: false),
                    imaging_studies = table.Column<int>(type: "integer", nullable: false),
                    ai_results = table.Column<int>(type: "integer", nullable: false),
                    abnormal_results = table.Column<int>(type: "integer", nullable: false),
                    total_turnaround_ms = table.Column<double>(type: "double precision", nullable: false),
                    applied_study_uids = table.Column<List<string>>(type: "text[]", nullable: false),
                    applied_result_uids = table.Column<List<string>>(type: "text[]", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ward_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    uncertainty_m = table.Column<double>(type: "double precision", nullable: false),
                    ward_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    source_camera_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    detected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    on_scene_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    timeline = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pois",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pois", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    width_m = table.Column<double>(type: "double precision", nullable: true),
                    geometry = table.Column<MultiLineString>(type: "geometry(MultiLineString,4326)", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "schools",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    pupils = table.Column<int>(type: "integer", nullable: false),
                    teachers = table.Column<int>(type: "integer", nullable: false),
                    remote_classes = table.Column<int>(type: "integer", nullable: false),
                    applied_class_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ward_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_schools", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sightings",
                columns: table => new
                {
                    detection_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    plate_key = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    camera_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    confidence = table.Column<float>(type: "real", nullable: false),
                    plate_text = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sightings", x => x.detection_id);
                });

            migrationBuilder.CreateTable(
                name: "stores",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    market_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    livestream_sessions = table.Column<int>(type: "integer", nullable: false),
                    orders = table.Column<long>(type: "bigint", nullable: false),
                    revenue_vnd = table.Column<long>(type: "bigint", nullable: false),
                    applied_session_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ward_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stores", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vehicles",
                columns: table => new
                {
                    plate_key = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    display_plate = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vehicles", x => x.plate_key);
                });

            migrationBuilder.CreateTable(
                name: "wards",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    district_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    district_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    label_point = table.Column<Point>(type: "geometry(Point,4326)", nullable: true),
                    boundary = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: true),
                    camera_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    open_incident_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wards", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "watchlist_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    plate_key = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    display_plate = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reported_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ward_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    removed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    removal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watchlist_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "watchlists",
                columns: table => new
                {
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watchlists", x => x.province_code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_admin_areas_geometry",
                table: "admin_areas",
                column: "geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_cameras_location",
                table: "cameras",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_cameras_view_area",
                table: "cameras",
                column: "view_area")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_cameras_ward_code",
                table: "cameras",
                column: "ward_code");

            migrationBuilder.CreateIndex(
                name: "ix_clinics_location",
                table: "clinics",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_clinics_ward_code",
                table: "clinics",
                column: "ward_code");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_location",
                table: "incidents",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_status_detected_at",
                table: "incidents",
                columns: new[] { "status", "detected_at" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_ward_code",
                table: "incidents",
                column: "ward_code");

            migrationBuilder.CreateIndex(
                name: "ix_pois_category_source_id",
                table: "pois",
                columns: new[] { "category", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pois_location",
                table: "pois",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_roads_geometry",
                table: "roads",
                column: "geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_roads_source_id",
                table: "roads",
                column: "source_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_schools_location",
                table: "schools",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_schools_ward_code",
                table: "schools",
                column: "ward_code");

            migrationBuilder.CreateIndex(
                name: "ix_sightings_camera_id_seen_at",
                table: "sightings",
                columns: new[] { "camera_id", "seen_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sightings_location",
                table: "sightings",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_sightings_plate_key_seen_at",
                table: "sightings",
                columns: new[] { "plate_key", "seen_at" });

            migrationBuilder.CreateIndex(
                name: "ix_stores_location",
                table: "stores",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_stores_market_id",
                table: "stores",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_stores_ward_code",
                table: "stores",
                column: "ward_code");

            migrationBuilder.CreateIndex(
                name: "ix_wards_boundary",
                table: "wards",
                column: "boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_watchlist_entries_plate_key",
                table: "watchlist_entries",
                column: "plate_key",
                unique: true,
                filter: "removed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_watchlist_entries_province_code",
                table: "watchlist_entries",
                column: "province_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admin_areas");

            migrationBuilder.DropTable(
                name: "cameras");

            migrationBuilder.DropTable(
                name: "clinics");

            migrationBuilder.DropTable(
                name: "incidents");

            migrationBuilder.DropTable(
                name: "pois");

            migrationBuilder.DropTable(
                name: "roads");

            migrationBuilder.DropTable(
                name: "schools");

            migrationBuilder.DropTable(
                name: "sightings");

            migrationBuilder.DropTable(
                name: "stores");

            migrationBuilder.DropTable(
                name: "vehicles");

            migrationBuilder.DropTable(
                name: "wards");

            migrationBuilder.DropTable(
                name: "watchlist_entries");

            migrationBuilder.DropTable(
                name: "watchlists");
        }
    }
}
