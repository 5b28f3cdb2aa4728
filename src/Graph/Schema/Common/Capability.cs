namespace CityTwin.Graph.Schema.Common;

/// <summary>The parts of the twin a role may read or change; <see cref="RoleAccess"/> says which role has which.</summary>
public enum Capability
{
    /// <summary>Cameras, their status and view areas.</summary>
    Cameras,
    /// <summary>Wards and their aggregates.</summary>
    Wards,
    /// <summary>Incidents and their timelines.</summary>
    Incidents,
    /// <summary>Stores and schools.</summary>
    Places,
    /// <summary>Clinics as places (name, kind, location); their imaging counters are checked per clinic.</summary>
    Clinics,
    /// <summary>Anything keyed by a licence plate: vehicles, sightings, the watchlist. Every read is audited.</summary>
    Plates,
    /// <summary>Mutations: the watchlist, incident transitions, camera status.</summary>
    Act,
}
