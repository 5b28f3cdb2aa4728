using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityTwin.Twin.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ClinicStudies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clinic_studies",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    clinic_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    study_instance_uid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sop_instance_uid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    pseudonymised_patient_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    analysed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    abnormal = table.Column<bool>(type: "boolean", nullable: false),
                    turnaround_ms = table.Column<double>(type: "double precision", nullable: false),
                    model_version = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    finding_labels = table.Column<List<string>>(type: "text[]", nullable: false),
                    finding_scores = table.Column<List<float>>(type: "real[]", nullable: false),
                    critical_findings = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_studies", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_clinic_studies_clinic_id_analysed_at",
                table: "clinic_studies",
                columns: new[] { "clinic_id", "analysed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_clinic_studies_clinic_id_study_instance_uid",
                table: "clinic_studies",
                columns: new[] { "clinic_id", "study_instance_uid" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clinic_studies");
        }
    }
}
