using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityTwin.Twin.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Markets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lesson_attendance",
                columns: table => new
                {
                    lesson_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    school_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    pupils_present = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lesson_attendance", x => new { x.lesson_id, x.school_id });
                });

            migrationBuilder.CreateTable(
                name: "lesson_interactions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    lesson_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    interaction_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    school_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lesson_interactions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lessons",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    host_school_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    teacher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    remote_school_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    questions = table.Column<int>(type: "integer", nullable: false),
                    answers = table.Column<int>(type: "integer", nullable: false),
                    polls = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lessons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "market_orders",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    platform = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    platform_order_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    market_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    session_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    store_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    amount_vnd = table.Column<long>(type: "bigint", nullable: false),
                    items = table.Column<int>(type: "integer", nullable: false),
                    placed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    buyer_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "market_retailers",
                columns: table => new
                {
                    market_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    store_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    order_count = table.Column<long>(type: "bigint", nullable: false),
                    revenue_vnd = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_retailers", x => new { x.market_id, x.store_id });
                });

            migrationBuilder.CreateTable(
                name: "market_sessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    market_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    platform = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    host_store_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    peak_viewers = table.Column<int>(type: "integer", nullable: false),
                    order_count = table.Column<long>(type: "bigint", nullable: false),
                    revenue_vnd = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "markets",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organiser = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    ward_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    retailer_count = table.Column<int>(type: "integer", nullable: false),
                    session_count = table.Column<int>(type: "integer", nullable: false),
                    order_count = table.Column<long>(type: "bigint", nullable: false),
                    revenue_vnd = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_markets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "school_staffing",
                columns: table => new
                {
                    school_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    unfilled_teacher_posts = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_school_staffing", x => x.school_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lesson_interactions_lesson_id_interaction_id",
                table: "lesson_interactions",
                columns: new[] { "lesson_id", "interaction_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lessons_starts_at",
                table: "lessons",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ix_market_orders_market_id_placed_at",
                table: "market_orders",
                columns: new[] { "market_id", "placed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_market_orders_platform_platform_order_id",
                table: "market_orders",
                columns: new[] { "platform", "platform_order_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_market_orders_session_id",
                table: "market_orders",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_market_sessions_market_id",
                table: "market_sessions",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_markets_location",
                table: "markets",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lesson_attendance");

            migrationBuilder.DropTable(
                name: "lesson_interactions");

            migrationBuilder.DropTable(
                name: "lessons");

            migrationBuilder.DropTable(
                name: "market_orders");

            migrationBuilder.DropTable(
                name: "market_retailers");

            migrationBuilder.DropTable(
                name: "market_sessions");

            migrationBuilder.DropTable(
                name: "markets");

            migrationBuilder.DropTable(
                name: "school_staffing");
        }
    }
}
