namespace CityTwin.Vision.Imaging.Storage;

/// <summary>What became of an instance handed to <see cref="ImagingStore"/>.</summary>
public enum StoreStatus
{
    /// <summary>File and row committed; the reader has it.</summary>
    Stored,
    /// <summary>The same bytes were stored before under this SOP instance UID; nothing changed.</summary>
    AlreadyStored,
    /// <summary>
    /// Different bytes were stored before under this SOP instance UID (typically the same instance re-sent in another
    /// transfer syntax or through another receiver): the first copy stays untouched and the sender is told it is stored,
    /// as a PACS does, so a retrying sender does not loop.
    /// </summary>
    Conflict,
    /// <summary>The file or the row could not be written (disk, database); nothing is acknowledged.</summary>
    Failed,
}

/// <summary>The outcome and, when stored, the instance as the reader sees it.</summary>
public sealed record StoreResult(StoreStatus Status, ReceivedInstance? Instance, string? Error)
{
    /// <summary>Whether the sender may be told the instance is safely stored.</summary>
    public bool Acknowledged => Status is StoreStatus.Stored or StoreStatus.AlreadyStored or StoreStatus.Conflict;
}
