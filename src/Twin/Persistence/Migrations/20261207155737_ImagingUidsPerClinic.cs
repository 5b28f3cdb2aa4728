using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityTwin.Twin.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ImagingUidsPerClinic : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_imaging_instances",
                table: "imaging_instances");

            migrationBuilder.AddPrimaryKey(
                name: "pk_imaging_instances",
                table: "imaging_instances",
                columns: new[] { "clinic_id", "sop_instance_uid" });

            migrationBuilder.CreateIndex(
                name: "ix_imaging_instances_sop_instance_uid",
                table: "imaging_instances",
                column: "sop_instance_uid");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_imaging_instances",
                table: "imaging_instances");

            migrationBuilder.DropIndex(
                name: "ix_imaging_instances_sop_instance_uid",
                table: "imaging_instances");

            migrationBuilder.AddPrimaryKey(
                name: "pk_imaging_instances",
                table: "imaging_instances",
                column: "sop_instance_uid");
        }
    }
}
