using CityTwin.Twin.Places;

namespace CityTwin.Twin.Clinics;

/// <summary>The live state of a clinic and its imaging counters.</summary>
[GenerateSerializer, Alias("CityTwin.ClinicState")]
public sealed class ClinicState
{
    [Id(0)] public Place Place { get; set; } = new("", "", default);
    [Id(1)] public ClinicKind Kind { get; set; }
    [Id(2)] public List<string> AeTitles { get; set; } = [];
    [Id(3)] public int ImagingStudies { get; set; }
    [Id(4)] public int AiResults { get; set; }
    [Id(5)] public int AbnormalResults { get; set; }
    [Id(6)] public double TotalTurnaroundMs { get; set; }
    [Id(7)] public List<string> AppliedStudyUids { get; set; } = [];
    [Id(8)] public List<string> AppliedResultUids { get; set; } = [];

    /// <summary>The latest readings, newest last, at most <see cref="RecentStudyCapacity"/>; history lives in <c>clinic_studies</c>.</summary>
    [Id(9)] public List<ImagingResult> RecentStudies { get; set; } = [];

    /// <summary>How many readings the grain keeps in memory.</summary>
    public const int RecentStudyCapacity = 50;

    /// <summary>Mean time from receipt to AI result, or null before the first result.</summary>
    public TimeSpan? MeanTurnaround => AiResults == 0 ? null : TimeSpan.FromMilliseconds(TotalTurnaroundMs / AiResults);
}
