using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityTwin.Twin.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ImagingInstances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "imaging_instances",
                columns: table => new
                {
                    sop_instance_uid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    study_instance_uid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    series_instance_uid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sop_class_uid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    transfer_syntax_uid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    clinic_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    pseudonymised_patient_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reject_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imaging_instances", x => x.sop_instance_uid);
                });

            migrationBuilder.CreateIndex(
                name: "ix_imaging_instances_clinic_id_received_at",
                table: "imaging_instances",
                columns: new[] { "clinic_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_imaging_instances_study_instance_uid",
                table: "imaging_instances",
                column: "study_instance_uid");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "imaging_instances");
        }
    }
}
