using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityTwin.Twin.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ImagingModelProvenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "clinical",
                table: "clinic_studies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "model_name",
                table: "clinic_studies",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "clinical",
                table: "clinic_studies");

            migrationBuilder.DropColumn(
                name: "model_name",
                table: "clinic_studies");
        }
    }
}
