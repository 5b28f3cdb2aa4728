using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityTwin.Twin.Schools;

internal sealed class LessonRowConfiguration : IEntityTypeConfiguration<LessonRow>
{
    public void Configure(EntityTypeBuilder<LessonRow> lesson)
    {
        lesson.ToTable("lessons");
        lesson.HasKey(l => l.Id);
        lesson.Property(l => l.Id).HasMaxLength(128);
        lesson.Property(l => l.HostSchoolId).HasMaxLength(64);
        lesson.Property(l => l.Teacher).HasMaxLength(200);
        lesson.Property(l => l.Subject).HasMaxLength(200);
        lesson.HasIndex(l => l.StartsAt);
    }
}

internal sealed class LessonAttendanceRowConfiguration : IEntityTypeConfiguration<LessonAttendanceRow>
{
    public void Configure(EntityTypeBuilder<LessonAttendanceRow> attendance)
    {
        attendance.ToTable("lesson_attendance");
        attendance.HasKey(a => new { a.LessonId, a.SchoolId });
        attendance.Property(a => a.LessonId).HasMaxLength(128);
        attendance.Property(a => a.SchoolId).HasMaxLength(64);
    }
}

internal sealed class LessonInteractionRowConfiguration : IEntityTypeConfiguration<LessonInteractionRow>
{
    public void Configure(EntityTypeBuilder<LessonInteractionRow> interaction)
    {
        interaction.ToTable("lesson_interactions");
        interaction.HasKey(i => i.Id);
        interaction.Property(i => i.Id).UseIdentityAlwaysColumn();
        interaction.Property(i => i.LessonId).HasMaxLength(128);
        interaction.Property(i => i.InteractionId).HasMaxLength(128);
        interaction.Property(i => i.SchoolId).HasMaxLength(64);
        interaction.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        interaction.Property(i => i.Text).HasMaxLength(2000);
        interaction.HasIndex(i => new { i.LessonId, i.InteractionId }).IsUnique();
    }
}

internal sealed class SchoolStaffingRowConfiguration : IEntityTypeConfiguration<SchoolStaffingRow>
{
    public void Configure(EntityTypeBuilder<SchoolStaffingRow> staffing)
    {
        staffing.ToTable("school_staffing");
        staffing.HasKey(s => s.SchoolId);
        staffing.Property(s => s.SchoolId).HasMaxLength(64);
    }
}
