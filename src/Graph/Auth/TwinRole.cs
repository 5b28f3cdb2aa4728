namespace CityTwin.Graph.Auth;

/// <summary>What a caller may see and do through the API.</summary>
public enum TwinRole
{
    /// <summary>Camera monitoring centre: everything, plates included.</summary>
    Operator = 0,
    /// <summary>Planners: aggregates and coverage; no plates, no patient data.</summary>
    Planner = 1,
    /// <summary>Partner apps: public twin data and masked early warnings; never a vehicle's movements.</summary>
    Partner = 2,
    /// <summary>One clinic: its own imaging results (see <see cref="TwinPrincipal.ClinicId"/>).</summary>
    Clinic = 3,
    /// <summary>One AI camera (see <see cref="TwinPrincipal.CameraId"/>): it may only submit plate reads for itself.</summary>
    Camera = 4,
    /// <summary>Supervisors: read the audit trail (who looked at which plate) and the public layers; they act on nothing.</summary>
    Supervisor = 5,
    /// <summary>One online market's office (see <see cref="TwinPrincipal.MarketId"/>): its own totals and order batches.</summary>
    Market = 6,
    /// <summary>The schools' office: reads and manages remote lessons and the teacher-shortage view.</summary>
    SchoolOffice = 7,
}
