using CityTwin.Twin.Places;

namespace CityTwin.Twin.Clinics;

/// <summary>The <c>clinics</c> table.</summary>
public sealed class ClinicRow : PlaceRow
{
    public ClinicKind Kind { get; set; }
    public List<string> AeTitles { get; set; } = [];
    public int ImagingStudies { get; set; }
    public int AiResults { get; set; }
    public int AbnormalResults { get; set; }
    public double TotalTurnaroundMs { get; set; }
    public List<string> AppliedStudyUids { get; set; } = [];
    public List<string> AppliedResultUids { get; set; } = [];
}
