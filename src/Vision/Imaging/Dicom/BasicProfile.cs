namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>
/// What <see cref="Deidentifier"/> does to each top-level attribute: the DICOM PS3.15 Annex E Basic Application Level
/// Confidentiality Profile (Table E.1-1) for the attributes a chest X-ray carries, with three of its options: Retain
/// UIDs, Retain Longitudinal Temporal Information with Full Dates, and Retain Patient Characteristics. The README
/// lists the same.
/// </summary>
public static class BasicProfile
{
    /// <summary>PS3.16 CID 7050 codes for the profile and the options applied, for (0012,0064).</summary>
    public static readonly IReadOnlyList<(string Code, string Meaning)> MethodCodes =
    [
        ("113100", "Basic Application Confidentiality Profile"),
        ("113106", "Retain Longitudinal Temporal Information Full Dates Option"),
        ("113108", "Retain Patient Characteristics Option"),
        ("113110", "Retain UIDs Option"),
    ];

    /// <summary>(0012,0063), at most 64 characters (LO).</summary>
    public const string MethodDescription = "PS3.15 Basic Profile; retain UIDs, full dates, patient chars";

    /// <summary>Kept with an empty value (action Z): the attribute is type 2 in the image modules.</summary>
    public static readonly IReadOnlySet<uint> Emptied = new HashSet<uint>
    {
        0x0010_0010, // Patient's Name
        0x0010_0030, // Patient's Birth Date
        0x0008_0050, // Accession Number
        0x0008_0090, // Referring Physician's Name
        0x0020_0010, // Study ID
    };

    /// <summary>Patient data kept in group 0010 (Retain Patient Characteristics Option); the patient id gets the pseudonym.</summary>
    public static readonly IReadOnlySet<uint> KeptPatientAttributes = new HashSet<uint>
    {
        0x0010_0040, // Patient's Sex
        0x0010_1010, // Patient's Age
        0x0010_1020, // Patient's Size
        0x0010_1030, // Patient's Weight
    };

    /// <summary>Removed (action X). Besides these: every private attribute, every other group 0010 attribute, curves and overlays (50xx, 60xx), group lengths.</summary>
    public static readonly IReadOnlySet<uint> Removed = new HashSet<uint>
    {
        0x0008_0080, // Institution Name
        0x0008_0081, // Institution Address
        0x0008_0092, // Referring Physician's Address
        0x0008_0094, // Referring Physician's Telephone Numbers
        0x0008_0096, // Referring Physician Identification Sequence
        0x0008_1010, // Station Name
        0x0008_1030, // Study Description
        0x0008_103E, // Series Description
        0x0008_1040, // Institutional Department Name
        0x0008_1048, // Physician(s) of Record
        0x0008_1049, // Physician(s) of Record Identification Sequence
        0x0008_1050, // Performing Physician's Name
        0x0008_1052, // Performing Physician Identification Sequence
        0x0008_1060, // Name of Physician(s) Reading Study
        0x0008_1062, // Physician(s) Reading Study Identification Sequence
        0x0008_1070, // Operators' Name
        0x0008_1072, // Operator Identification Sequence
        0x0008_1080, // Admitting Diagnoses Description
        0x0008_1084, // Admitting Diagnoses Code Sequence
        0x0008_1120, // Referenced Patient Sequence
        0x0008_4000, // Identifying Comments
        0x0012_0062, // Patient Identity Removed (written anew)
        0x0012_0063, // De-identification Method (written anew)
        0x0012_0064, // De-identification Method Code Sequence (written anew)
        0x0018_1000, // Device Serial Number
        0x0018_1030, // Protocol Name
        0x0020_4000, // Image Comments
        0x0032_1032, // Requesting Physician
        0x0032_1033, // Requesting Service
        0x0032_1060, // Requested Procedure Description
        0x0032_4000, // Study Comments
        0x0038_0010, // Admission ID
        0x0038_0300, // Current Patient Location
        0x0038_0400, // Patient's Institution Residence
        0x0038_0500, // Patient State
        0x0040_0006, // Scheduled Performing Physician's Name
        0x0040_0253, // Performed Procedure Step ID
        0x0040_0254, // Performed Procedure Step Description
        0x0040_0275, // Request Attributes Sequence
        0x0040_1001, // Requested Procedure ID
        0x0040_2016, // Placer Order Number / Imaging Service Request
        0x0040_2017, // Filler Order Number / Imaging Service Request
        0x0040_A730, // Content Sequence
        0x0400_0500, // Encrypted Attributes Sequence
        0x0400_0561, // Original Attributes Sequence (it holds the values replaced)
        0xFFFA_FFFA, // Digital Signatures Sequence
    };

    /// <summary>What happens to <paramref name="tag"/>.</summary>
    public static DeidentifyAction ActionFor(uint tag)
    {
        var group = tag >> 16;
        if (tag == DicomTags.PatientId) return DeidentifyAction.Pseudonym;
        if ((tag & 0xFFFF) == 0) return DeidentifyAction.Remove;
        if ((group & 1) == 1) return DeidentifyAction.Remove;
        if (group is >= 0x5000 and <= 0x50FF or >= 0x6000 and <= 0x60FF) return DeidentifyAction.Remove;
        if (Emptied.Contains(tag)) return DeidentifyAction.Empty;
        if (Removed.Contains(tag)) return DeidentifyAction.Remove;
        if (group == 0x0010 && !KeptPatientAttributes.Contains(tag)) return DeidentifyAction.Remove;
        return DeidentifyAction.Keep;
    }
}

/// <summary>What the profile does to one attribute.</summary>
public enum DeidentifyAction
{
    Keep,
    Remove,
    Empty,
    /// <summary>Patient ID: replaced with the keyed-hash pseudonym, so a clinic still links one patient's studies.</summary>
    Pseudonym,
}
