namespace CityTwin.Twin.Clinics;

/// <summary>What sort of health facility a clinic is.</summary>
public enum ClinicKind
{
    CommuneHealthStation = 0,
    Hospital = 1,
    Clinic = 2,
}
