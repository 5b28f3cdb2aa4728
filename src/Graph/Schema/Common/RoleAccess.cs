using CityTwin.Graph.Auth;

namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// The role table in one place. Operators: everything. Planners: the twin's public layers and aggregates, never plates
/// or clinic details. Partners: public layers and plate lookups with plates masked. A clinic key: clinics only, with
/// its own clinic's imaging counters.
/// </summary>
public static class RoleAccess
{
    public static bool Allows(TwinPrincipal principal, Capability capability) => (principal.Role, capability) switch
    {
        (TwinRole.Operator, _) => true,
        (TwinRole.Planner or TwinRole.Partner, Capability.Cameras or Capability.Wards or Capability.Incidents
            or Capability.Places or Capability.Clinics) => true,
        (TwinRole.Partner, Capability.Plates) => true,
        (TwinRole.Clinic, Capability.Clinics) => true,
        _ => false,
    };

    /// <summary>Imaging counters are health data: operators and the clinic itself only.</summary>
    public static bool CanSeeImaging(TwinPrincipal principal, string clinicId) =>
        principal.Role == TwinRole.Operator || principal.CanSeeClinic(clinicId);

    /// <summary>The role as written in audit rows and messages.</summary>
    public static string Name(TwinRole role) => role.ToString().ToLowerInvariant();
}
